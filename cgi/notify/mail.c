/*
 * mail.c: the mail transports.  SMTP goes through libcurl: one easy
 * handle per batch, so the connection is kept between messages; curl
 * does the dot-stuffing.  sendmail is run as "sendmail -t -i -f FROM"
 * with the message on a pipe and its exit status checked.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "core/config.h"
#include "notify/mail.h"
#include "lib/util.h"

#define SMTP_CONNECT_TIMEOUT	15	/* seconds */
#define SMTP_TIMEOUT		60	/* seconds for one message */
#define SENDMAIL_TIMEOUT	60	/* seconds for one message */

/* sendmail(8) exit codes that mean "never" (sysexits.h). */
#define EX_NOUSER_	67
#define EX_NOHOST_	68
#define EX_EXEC_FAILED	127

struct mail_transport {
	const struct config	*cfg;
	int			 smtp;
	CURL			*curl;
	char			 errbuf[CURL_ERROR_SIZE];
};

/* The message being read by curl. */
struct reader {
	const char	*data;
	size_t		 len, off;
};

struct mail_transport *
mail_open(const struct config *cfg)
{
	struct mail_transport	*t = xcalloc(1, sizeof(*t));

	t->cfg = cfg;
	t->smtp = strcmp(cfg->mail_transport, "sendmail") != 0;
	if (t->smtp)
		(void)curl_global_init(CURL_GLOBAL_DEFAULT);
	return t;
}

void
mail_close(struct mail_transport *t)
{
	if (t == NULL)
		return;
	if (t->curl != NULL)
		curl_easy_cleanup(t->curl);
	free(t);
}

/* Copy err with the SMTP password (if any) blotted out. */
static void
scrub(const struct config *cfg, char *err)
{
	const char	*pw = cfg->smtp_password;
	char		*p;
	size_t		 n;

	if (pw == NULL || (n = strlen(pw)) == 0)
		return;
	while ((p = strstr(err, pw)) != NULL)
		memset(p, '*', n);
}

static size_t
smtp_read(char *out, size_t size, size_t nmemb, void *arg)
{
	struct reader	*r = arg;
	size_t		 n = size * nmemb;

	if (n > r->len - r->off)
		n = r->len - r->off;
	memcpy(out, r->data + r->off, n);
	r->off += n;
	return n;
}

/* 1 when curl failed before a message could be handed over at all. */
static int
server_level(CURLcode c)
{
	switch (c) {
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_CONNECT:
	case CURLE_LOGIN_DENIED:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_USE_SSL_FAILED:
	case CURLE_PEER_FAILED_VERIFICATION:
		return 1;
	default:
		return 0;
	}
}

static enum mail_rc
smtp_send(struct mail_transport *t, const char *rcpt, const char *msg,
    size_t len, char *err, size_t errlen)
{
	const struct config	*cfg = t->cfg;
	struct curl_slist	*to = NULL;
	struct reader		 rd;
	char			*addr;
	long			 code = 0;
	CURLcode		 c;

	if (t->curl == NULL && (t->curl = curl_easy_init()) == NULL) {
		snprintf(err, errlen, "SMTP: curl did not initialise");
		return MAIL_DOWN;
	}
	rd.data = msg;
	rd.len = len;
	rd.off = 0;
	t->errbuf[0] = '\0';
	addr = xmalloc(strlen(rcpt) + 3);
	snprintf(addr, strlen(rcpt) + 3, "<%s>", rcpt);
	to = curl_slist_append(NULL, addr);
	free(addr);
	addr = xmalloc(strlen(cfg->mail_from) + 3);
	snprintf(addr, strlen(cfg->mail_from) + 3, "<%s>", cfg->mail_from);
	curl_easy_setopt(t->curl, CURLOPT_URL, cfg->smtp_url);
	curl_easy_setopt(t->curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(t->curl, CURLOPT_MAIL_FROM, addr);
	curl_easy_setopt(t->curl, CURLOPT_MAIL_RCPT, to);
	curl_easy_setopt(t->curl, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(t->curl, CURLOPT_READFUNCTION, smtp_read);
	curl_easy_setopt(t->curl, CURLOPT_READDATA, &rd);
	curl_easy_setopt(t->curl, CURLOPT_INFILESIZE_LARGE,
	    (curl_off_t)len);
	curl_easy_setopt(t->curl, CURLOPT_CONNECTTIMEOUT,
	    (long)SMTP_CONNECT_TIMEOUT);
	curl_easy_setopt(t->curl, CURLOPT_TIMEOUT, (long)SMTP_TIMEOUT);
	curl_easy_setopt(t->curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(t->curl, CURLOPT_ERRORBUFFER, t->errbuf);
	if (*cfg->smtp_user != '\0') {
		curl_easy_setopt(t->curl, CURLOPT_USERNAME, cfg->smtp_user);
		curl_easy_setopt(t->curl, CURLOPT_PASSWORD,
		    cfg->smtp_password);
		/* A password never crosses the network in the clear. */
		curl_easy_setopt(t->curl, CURLOPT_USE_SSL,
		    (long)CURLUSESSL_ALL);
	} else
		curl_easy_setopt(t->curl, CURLOPT_USE_SSL,
		    (long)CURLUSESSL_TRY);
	c = curl_easy_perform(t->curl);
	curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &code);
	/* The list and sender must outlive the transfer only. */
	curl_easy_setopt(t->curl, CURLOPT_MAIL_RCPT, NULL);
	curl_slist_free_all(to);
	free(addr);
	if (c == CURLE_OK)
		return MAIL_OK;
	snprintf(err, errlen, "SMTP: %s%s%s (reply %ld)",
	    curl_easy_strerror(c), t->errbuf[0] ? ": " : "", t->errbuf, code);
	scrub(cfg, err);
	/* A failed connection is not reused: start afresh next time. */
	if (server_level(c)) {
		curl_easy_cleanup(t->curl);
		t->curl = NULL;
		return MAIL_DOWN;
	}
	return code >= 500 && code < 600 ? MAIL_PERM : MAIL_TEMP;
}

/* Write all of s to fd within the deadline; 1, or 0 on failure. */
static int
write_all(int fd, const char *s, size_t len, time_t deadline)
{
	struct pollfd	 p;
	ssize_t		 n;
	int		 ms;

	while (len > 0) {
		ms = (int)(deadline - time(NULL)) * 1000;
		if (ms <= 0)
			return 0;
		p.fd = fd;
		p.events = POLLOUT;
		if (poll(&p, 1, ms) <= 0)
			return 0;
		if ((n = write(fd, s, len)) < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return 0;
		}
		s += n;
		len -= (size_t)n;
	}
	return 1;
}

/* Wait for pid until the deadline, then kill it.  Returns its status,
 * or -1 when it had to be killed. */
static int
wait_until(pid_t pid, time_t deadline)
{
	struct timespec	 ts = { 0, 50 * 1000 * 1000 };
	int		 status;
	pid_t		 w;

	for (;;) {
		w = waitpid(pid, &status, WNOHANG);
		if (w == pid)
			return status;
		if (w < 0 && errno != EINTR)
			return -1;
		if (time(NULL) >= deadline) {
			kill(pid, SIGKILL);
			while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
				;
			return -1;
		}
		nanosleep(&ts, NULL);
	}
}

static enum mail_rc
sendmail_send(struct mail_transport *t, const char *msg, size_t len,
    char *err, size_t errlen)
{
	const struct config	*cfg = t->cfg;
	struct buf		 lf;
	time_t			 deadline = time(NULL) + SENDMAIL_TIMEOUT;
	pid_t			 pid;
	int			 fd[2], status, ok, code;
	size_t			 i;
	char			*argv[7];

	/* sendmail reads local text: LF line ends, not CRLF. */
	buf_init(&lf);
	for (i = 0; i < len; i++)
		if (!(msg[i] == '\r' && i + 1 < len && msg[i + 1] == '\n'))
			buf_putc(&lf, msg[i]);
	if (pipe2(fd, O_CLOEXEC) != 0) {
		snprintf(err, errlen, "sendmail: pipe: %s", strerror(errno));
		buf_free(&lf);
		return MAIL_TEMP;
	}
	argv[0] = "sendmail";
	argv[1] = "-t";
	argv[2] = "-i";
	argv[3] = "-f";
	argv[4] = cfg->mail_from;
	argv[5] = NULL;
	if ((pid = fork()) < 0) {
		snprintf(err, errlen, "sendmail: fork: %s", strerror(errno));
		close(fd[0]);
		close(fd[1]);
		buf_free(&lf);
		return MAIL_TEMP;
	}
	if (pid == 0) {
		/* Its chatter belongs in the log, not in lecternctl's
		 * output. */
		if (dup2(fd[0], 0) < 0 || dup2(2, 1) < 0)
			_exit(EX_EXEC_FAILED);
		execv(cfg->sendmail_path, argv);
		_exit(EX_EXEC_FAILED);
	}
	close(fd[0]);
	ok = write_all(fd[1], lf.data ? lf.data : "", lf.len, deadline);
	close(fd[1]);
	buf_free(&lf);
	status = wait_until(pid, deadline);
	if (status < 0) {
		snprintf(err, errlen, "sendmail did not finish within %d s",
		    SENDMAIL_TIMEOUT);
		return MAIL_TEMP;
	}
	if (WIFSIGNALED(status)) {
		snprintf(err, errlen, "sendmail was killed by signal %d",
		    WTERMSIG(status));
		return MAIL_TEMP;
	}
	code = WEXITSTATUS(status);
	if (code == 0 && ok)
		return MAIL_OK;
	if (code == 0) {
		snprintf(err, errlen, "sendmail stopped reading the message");
		return MAIL_TEMP;
	}
	snprintf(err, errlen, "%s exited with status %d", cfg->sendmail_path,
	    code);
	if (code == EX_EXEC_FAILED)
		return MAIL_DOWN;
	return code == EX_NOUSER_ || code == EX_NOHOST_ ? MAIL_PERM :
	    MAIL_TEMP;
}

enum mail_rc
mail_send(struct mail_transport *t, const char *rcpt, const char *msg,
    size_t len, char *err, size_t errlen)
{
	if (errlen > 0)
		err[0] = '\0';
	return t->smtp ? smtp_send(t, rcpt, msg, len, err, errlen) :
	    sendmail_send(t, msg, len, err, errlen);
}
