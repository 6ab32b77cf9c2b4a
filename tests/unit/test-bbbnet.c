/*
 * test-bbbnet.c: the network half of the BigBlueButton provider
 * (conf-bbb.c) against a small HTTP server forked by the test.  The
 * server checks every checksum like bbb-web and answers according to
 * the meeting id: the documented XML, or a timeout, a 500, an HTML page,
 * broken XML, an oversized answer, a redirect.  Each of the bad answers
 * must come back as CONF_UNAVAILABLE with a one-line reason that never
 * holds the secret.  getRecordingTextTracks answers JSON by recording
 * id, and one caption track file is served.
 */
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include <netinet/in.h>
#include <arpa/inet.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "lib/util.h"
#include "conference/bbbapi.h"
#include "conference/conference.h"
#include "core/config.h"
#include "lib/crypto.h"

#define SECRET		"net-test-secret-0123456789"
#define REQ_MAX		(256 * 1024)

static pid_t	server = -1;
static int	port;
static int	dead_port;

/* Write all of s to fd (the answer of the test server). */
static void
put(int fd, const char *s, size_t len)
{
	ssize_t	 n;

	while (len > 0 && (n = write(fd, s, len)) > 0) {
		s += n;
		len -= (size_t)n;
	}
}

/* An HTTP answer with a body. */
static void
answer(int fd, const char *status, const char *ctype, const char *body)
{
	char	 head[512];
	int	 n;

	n = snprintf(head, sizeof(head), "HTTP/1.1 %s\r\nContent-Type: %s\r\n"
	    "Content-Length: %zu\r\nConnection: close\r\n\r\n", status, ctype,
	    strlen(body));
	put(fd, head, (size_t)n);
	put(fd, body, strlen(body));
}

/* An API answer (200, XML). */
static void
xml(int fd, const char *body)
{
	answer(fd, "200 OK", "text/xml;charset=utf-8", body);
}

/* The raw (still encoded) value of name in query, or "". */
static const char *
param(char *buf, size_t size, const char *query, const char *name)
{
	const char	*p = query;
	size_t		 nl = strlen(name), vl;

	buf[0] = '\0';
	while (p != NULL && *p != '\0') {
		if (strncmp(p, name, nl) == 0 && p[nl] == '=') {
			vl = strcspn(p + nl + 1, "&");
			if (vl >= size)
				vl = size - 1;
			memcpy(buf, p + nl + 1, vl);
			buf[vl] = '\0';
			break;
		}
		if ((p = strchr(p, '&')) != NULL)
			p++;
	}
	return buf;
}

/*
 * 1 when query ends with a checksum (SHA-256 or SHA-512 by its length)
 * that matches call + the query before it + SECRET.
 */
static int
checksum_ok(const char *call, char *query)
{
	char	*c, want[129];
	size_t	 len;

	if ((c = strstr(query, "checksum=")) == NULL)
		return 0;
	len = strlen(c + 9);
	if (c > query) {
		if (c[-1] != '&')
			return 0;
		c[-1] = '\0';
	} else
		*c = '\0';
	bbb_checksum(len == 128 ? BBB_SHA512 : BBB_SHA256, call, query, SECRET,
	    want);
	return (len == 64 || len == 128) && strcmp(c + 9, want) == 0;
}

static const char slides_body[] = "<modules><module name=\"presentation\">"
    "<document url=\"https://school.example/f/1.pdf?a=1&amp;b=2\" "
    "filename=\"A &amp; B.pdf\"/></module></modules>";

/* Serve one request on fd, as described at the top. */
static const char track_body[] = "WEBVTT\n\n00:00:01.000 --> "
    "00:00:02.500\n<v Ada>Hello.\n";

/* getRecordingTextTracks of recording rid, in JSON. */
static void
text_tracks(int fd, const char *rid)
{
	char	 body[600];

	if (strcmp(rid, "r-bad") == 0) {
		answer(fd, "200 OK", "application/json",
		    "{\"response\": {\"returncode\": \"SUCCESS\", \"tracks\"");
		return;
	}
	if (strcmp(rid, "r-1") != 0) {
		answer(fd, "200 OK", "application/json", "{\"response\": "
		    "{\"returncode\": \"FAILED\", \"messageKey\": "
		    "\"noRecordings\", \"message\": \"No recording found\"}}");
		return;
	}
	snprintf(body, sizeof(body), "{\"response\": {\"returncode\": "
	    "\"SUCCESS\", \"tracks\": [{\"href\": "
	    "\"http://127.0.0.1:%d/captions/r-1/subtitles_en-US.vtt\", "
	    "\"kind\": \"subtitles\", \"label\": \"English\", \"lang\": "
	    "\"en-US\", \"source\": \"upload\"}, {\"kind\": \"captions\"}]}}",
	    port);
	answer(fd, "200 OK", "application/json", body);
}

static void
serve(int fd)
{
	static char	 req[REQ_MAX + 1];
	char		*end, *target, *q, *call, *cl, *body, mid[256], v[256];
	size_t		 len = 0, want;
	struct pollfd	 pfd;
	ssize_t		 n;
	int		 post, xmltype;

	while (len < REQ_MAX && (n = read(fd, req + len, REQ_MAX - len)) > 0) {
		len += (size_t)n;
		req[len] = '\0';
		if ((end = strstr(req, "\r\n\r\n")) == NULL)
			continue;
		body = end + 4;
		want = 0;
		if ((cl = strstr(req, "Content-Length: ")) != NULL && cl < end)
			want = strtoul(cl + 16, NULL, 10);
		if ((size_t)(req + len - body) >= want)
			break;
	}
	if ((end = strstr(req, "\r\n\r\n")) == NULL)
		return;
	/* Before the cuts below: the header block with its last CRLF. */
	end[2] = '\0';
	xmltype = strstr(req, "\r\nContent-Type: application/xml\r\n")
	    != NULL;
	body = end + 4;
	post = strncmp(req, "POST ", 5) == 0;
	target = strchr(req, ' ') + 1;
	*strchr(target, ' ') = '\0';
	if (strcmp(target, "/captions/r-1/subtitles_en-US.vtt") == 0) {
		answer(fd, "200 OK", "text/vtt", track_body);
		return;
	}
	if (strncmp(target, "/bigbluebutton/api/", 19) != 0) {
		answer(fd, "404 Not Found", "text/html", "<html>no</html>");
		return;
	}
	call = target + 19;
	if ((q = strchr(call, '?')) == NULL) {
		answer(fd, "400 Bad Request", "text/plain", "no query");
		return;
	}
	*q++ = '\0';
	if (!checksum_ok(call, q)) {
		xml(fd, "<response><returncode>FAILED</returncode><messageKey>"
		    "checksumError</messageKey><message>Checksums do not match"
		    "</message></response>");
		return;
	}
	if (strcmp(call, "getRecordingTextTracks") == 0) {
		text_tracks(fd, param(v, sizeof(v), q, "recordID"));
		return;
	}
	param(mid, sizeof(mid), q, "meetingID");
	if (strcmp(mid, "slow") == 0) {
		/* No answer: wait until the client gives up (or 3 s). */
		pfd.fd = fd;
		pfd.events = POLLIN;
		poll(&pfd, 1, 3000);
		return;
	}
	if (strcmp(mid, "e500") == 0) {
		answer(fd, "500 Internal Server Error", "text/html",
		    "<html><body><h1>HTTP Status 500</h1></body></html>");
		return;
	}
	if (strcmp(mid, "html") == 0) {
		answer(fd, "200 OK", "text/html; charset=utf-8",
		    "<!DOCTYPE html><html><body>Maintenance</body></html>");
		return;
	}
	if (strcmp(mid, "htmlbody") == 0) {
		answer(fd, "200 OK", "application/xml",
		    "\n  <HTML><body>Bad gateway</body></HTML>");
		return;
	}
	if (strcmp(mid, "bad") == 0) {
		xml(fd, "<response><returncode>SUCCESS</returncode><createT");
		return;
	}
	if (strcmp(mid, "notresp") == 0) {
		xml(fd, "<error><returncode>SUCCESS</returncode></error>");
		return;
	}
	if (strcmp(mid, "doctype") == 0) {
		xml(fd, "<!DOCTYPE r [<!ENTITY x SYSTEM "
		    "\"file:///etc/passwd\">]>"
		    "<response><returncode>SUCCESS</returncode><message>&x;"
		    "</message></response>");
		return;
	}
	if (strcmp(mid, "big") == 0) {
		static char	 big[2 * 1024 * 1024];

		memset(big, ' ', sizeof(big) - 1);
		memcpy(big, "<response>", 10);
		answer(fd, "200 OK", "text/xml", big);
		return;
	}
	if (strcmp(mid, "redirect") == 0) {
		static const char	 moved[] = "HTTP/1.1 302 Found\r\n"
		    "Location: http://127.0.0.1:1/\r\nContent-Length: 0\r\n"
		    "Connection: close\r\n\r\n";

		put(fd, moved, sizeof(moved) - 1);
		return;
	}
	if (strcmp(mid, "gone") == 0) {
		xml(fd, "<response><returncode>FAILED</returncode><messageKey>"
		    "notFound</messageKey><message>We could not find a "
		    "meeting with that meeting ID</message></response>");
		return;
	}
	if (strcmp(mid, "nope") == 0) {
		xml(fd, "<response><returncode>FAILED</returncode><messageKey>"
		    "invalidMeetingIdentifier</messageKey><message>The "
		    "meeting ID\nthat you supplied did not match</message>"
		    "</response>");
		return;
	}
	if (strcmp(call, "create") == 0) {
		if (strcmp(mid, "slides") == 0 && (!post || !xmltype ||
		    strcmp(body, slides_body) != 0)) {
			xml(fd, "<response><returncode>FAILED</returncode>"
			    "<messageKey>badBody</messageKey></response>");
			return;
		}
		if (strcmp(mid, "slides") != 0 && post) {
			xml(fd, "<response><returncode>FAILED</returncode>"
			    "<messageKey>unexpectedPost</messageKey>"
			    "</response>");
			return;
		}
		xml(fd, strcmp(mid, "dup") == 0 ?
		    "<response><returncode>SUCCESS</returncode><meetingID>dup"
		    "</meetingID><createTime>1717400000123</createTime>"
		    "<messageKey>duplicateWarning</messageKey><message>This "
		    "conference was already in existence and may currently be "
		    "in progress.</message></response>" :
		    "<response><returncode>SUCCESS</returncode><meetingID>m1"
		    "</meetingID><createTime>1717400000999</createTime>"
		    "<messageKey></messageKey><message></message></response>");
	} else if (strcmp(call, "join") == 0) {
		if (strcmp(param(v, sizeof(v), q, "redirect"), "false") != 0)
			xml(fd, "<response><returncode>FAILED</returncode>"
			    "<messageKey>wantRedirectFalse</messageKey>"
			    "</response>");
		else if (strcmp(mid, "stale") == 0)
			xml(fd, "<response><returncode>FAILED</returncode>"
			    "<messageKey>mismatchCreateTimeParam</messageKey>"
			    "<message>The createTime parameter submitted "
			    "mismatches with the current meeting.</message>"
			    "</response>");
		else if (strcmp(mid, "nourl") == 0)
			xml(fd, "<response><returncode>SUCCESS</returncode>"
			    "<messageKey>successfullyJoined</messageKey>"
			    "<url>javascript:alert(1)</url></response>");
		else
			xml(fd, "<response><returncode>SUCCESS</returncode>"
			    "<messageKey>successfullyJoined</messageKey>"
			    "<message>You have joined successfully.</message>"
			    "<meeting_id>640ab2-1531155809613</meeting_id>"
			    "<user_id>w_euxnssffnsbs</user_id>"
			    "<auth_token>14mm5y3eurjw</auth_token>"
			    "<session_token>ai1wqj8wb6s7rnk0</session_token>"
			    "<url>https://bbb.example/html5client/join?"
			    "sessionToken=ai1wqj8wb6s7rnk0</url></response>");
	} else if (strcmp(call, "end") == 0)
		xml(fd, "<response><returncode>SUCCESS</returncode>"
		    "<messageKey>sentEndMeetingRequest</messageKey>"
		    "<message>A request to end the meeting was sent."
		    "</message></response>");
	else if (strcmp(call, "isMeetingRunning") == 0)
		xml(fd, "<response><returncode>SUCCESS</returncode><running>"
		    "true</running></response>");
	else if (strcmp(call, "getMeetingInfo") == 0)
		xml(fd, "<response><returncode>SUCCESS</returncode>"
		    "<meetingID>m1</meetingID><createTime>1717400000999"
		    "</createTime><running>true</running><participantCount>2"
		    "</participantCount><attendees><attendee>"
		    "<userID>7</userID>"
		    "<fullName>Ada</fullName><role>MODERATOR</role></attendee>"
		    "<attendee><userID>9</userID><fullName>Bob</fullName>"
		    "<role>VIEWER</role></attendee></attendees></response>");
	else if (strcmp(call, "getRecordings") == 0) {
		/* The filter and the page must be there. */
		if (strcmp(mid, "m1") != 0 ||
		    strcmp(param(v, sizeof(v), q, "state"),
		    "processing%2Cprocessed%2Cpublished%2Cunpublished") != 0 ||
		    strcmp(param(v, sizeof(v), q, "offset"), "20") != 0 ||
		    strcmp(param(v, sizeof(v), q, "limit"), "10") != 0) {
			xml(fd, "<response><returncode>FAILED</returncode>"
			    "<messageKey>paramError</messageKey></response>");
			return;
		}
		xml(fd, "<response><returncode>SUCCESS</returncode>"
		    "<recordings>"
		    "<recording><recordID>r-1</recordID><meetingID>m1"
		    "</meetingID><published>true</published><state>published"
		    "</state><startTime>1717400000999</startTime><endTime>"
		    "1717403000000</endTime><playback><format><type>"
		    "presentation</type><url>https://bbb.example/p/r-1</url>"
		    "</format></playback></recording><recording><recordID>r-2"
		    "</recordID><meetingID>m1</meetingID><published>false"
		    "</published><state>processing</state></recording>"
		    "</recordings></response>");
	} else if (strcmp(call, "publishRecordings") == 0)
		xml(fd, strcmp(param(v, sizeof(v), q, "publish"), "false") == 0
		    && strcmp(param(mid, sizeof(mid), q, "recordID"), "r-1")
		    == 0 ? "<response><returncode>SUCCESS</returncode>"
		    "<published>false</published></response>" :
		    "<response><returncode>FAILED</returncode><messageKey>"
		    "paramError</messageKey></response>");
	else if (strcmp(call, "deleteRecordings") == 0)
		xml(fd, strcmp(param(mid, sizeof(mid), q, "recordID"), "r-1")
		    == 0 ? "<response><returncode>SUCCESS</returncode>"
		    "<deleted>true</deleted></response>" :
		    "<response><returncode>FAILED</returncode><messageKey>"
		    "notFound</messageKey></response>");
	else
		answer(fd, "404 Not Found", "text/html", "<html>no</html>");
}

/* A listening socket on 127.0.0.1 and a free port nobody listens on. */
static int
setup(void **state)
{
	struct sockaddr_in	 sin;
	socklen_t		 sl = sizeof(sin);
	int			 ls, fd, one = 1;

	if (!crypto_start())
		return -1;
	/* A port that was free a moment ago: connecting is refused. */
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1 ||
	    bind(fd, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    getsockname(fd, (struct sockaddr *)&sin, &sl) == -1)
		return -1;
	dead_port = ntohs(sin.sin_port);
	close(fd);

	sin.sin_port = 0;
	if ((ls = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return -1;
	setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(ls, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    listen(ls, 16) == -1 ||
	    getsockname(ls, (struct sockaddr *)&sin, &sl) == -1)
		return -1;
	port = ntohs(sin.sin_port);
	fflush(stdout);
	if ((server = fork()) == -1)
		return -1;
	if (server == 0) {
		/* Go when the test goes, even if it dies before teardown. */
		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (getppid() == 1)
			_exit(0);
		/* One process per connection: a slow answer blocks no one. */
		signal(SIGCHLD, SIG_IGN);
		for (;;) {
			if ((fd = accept(ls, NULL, NULL)) == -1)
				continue;
			if (fork() == 0) {
				close(ls);
				serve(fd);
				close(fd);
				_exit(0);
			}
			close(fd);
		}
	}
	close(ls);
	return 0;
}

static int
teardown(void **state)
{
	int	 status;

	if (server > 0) {
		kill(server, SIGTERM);
		waitpid(server, &status, 0);
	}
	return 0;
}

/* The configuration of the tests, pointing at the test server. */
static void
cfg_init(struct config *cfg, struct arena *a)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->conference_provider = (char *)"bbb";
	cfg->bbb_url = arena_printf(a, "http://127.0.0.1:%d/bigbluebutton/",
	    port);
	cfg->bbb_secret = (char *)SECRET;
	cfg->bbb_checksum = (char *)"sha256";
	cfg->bbb_timeout = 1;
}

/* A create of meeting id with the usual options. */
static enum conf_rc
create(const struct config *cfg, struct arena *a, const char *id,
    long long *ct, char **err)
{
	struct conf_meeting	 m;

	memset(&m, 0, sizeof(m));
	m.meeting_id = id;
	m.name = "Physics & optics";
	m.record = 1;
	m.allow_mic = 1;
	*ct = -1;
	*err = NULL;
	return conf_bbb.create(cfg, a, &m, ct, err);
}

/* create: a first one, the duplicate, one with slides, with SHA-512. */
static void
test_create(void **state)
{
	static const char *const urls[] = {
		"https://school.example/f/1.pdf?a=1&b=2" };
	static const char *const names[] = { "A & B.pdf" };
	struct arena		*a = arena_new();
	struct config		 cfg;
	struct conf_meeting	 m;
	long long		 ct;
	char			*err;

	cfg_init(&cfg, a);
	assert_int_equal(create(&cfg, a, "m1", &ct, &err), CONF_OK);
	assert_true(ct == 1717400000999LL);
	assert_int_equal(create(&cfg, a, "dup", &ct, &err), CONF_OK);
	assert_true(ct == 1717400000123LL);

	memset(&m, 0, sizeof(m));
	m.meeting_id = "slides";
	m.name = "With slides";
	m.slide_urls = urls;
	m.slide_names = names;
	m.nslides = 1;
	err = NULL;
	if (conf_bbb.create(&cfg, a, &m, &ct, &err) != CONF_OK)
		fail_msg("slides: %s", err);
	assert_null(err);

	cfg.bbb_checksum = (char *)"sha512";
	assert_int_equal(create(&cfg, a, "m1", &ct, &err), CONF_OK);
	assert_true(ct == 1717400000999LL);
	arena_free(a);
}

/* FAILED answers: checksumError, notFound, anything else. */
static void
test_failed(void **state)
{
	struct arena	*a = arena_new();
	struct config	 cfg;
	long long	 ct;
	char		*err = NULL;

	cfg_init(&cfg, a);
	cfg.bbb_secret = (char *)"the-wrong-secret";
	assert_int_equal(create(&cfg, a, "m1", &ct, &err), CONF_FAILED);
	assert_string_equal(err,
	    "bbb create: FAILED checksumError: Checksums do not match");
	assert_true(ct == -1);

	cfg_init(&cfg, a);
	assert_int_equal(conf_bbb.end(&cfg, a, "gone", &err), CONF_NOT_FOUND);
	assert_non_null(strstr(err, "bbb end: FAILED notFound: "));
	assert_int_equal(create(&cfg, a, "nope", &ct, &err), CONF_FAILED);
	assert_string_equal(err, "bbb create: FAILED invalidMeetingIdentifier:"
	    " The meeting ID that you supplied did not match");
	arena_free(a);
}

/*
 * Whatever goes wrong on the way is CONF_UNAVAILABLE with a one-line
 * reason naming the call, without the secret, within the timeout.
 */
static void
test_unavailable(void **state)
{
	static const struct {
		const char	*id, *err;
	} c[] = {
		{ "slow", "bbb create: timeout after 1 s" },
		{ "e500", "bbb create: HTTP 500" },
		{ "html", "bbb create: an HTML page, not XML" },
		{ "htmlbody", "bbb create: an HTML page, not XML" },
		{ "bad", "bbb create: not XML" },
		{ "notresp", "bbb create: not a <response>" },
		{ "doctype", "bbb create: DOCTYPE refused" },
		{ "big", "bbb create: answer larger than 1048576 bytes" },
		{ "redirect", "bbb create: HTTP 302" },
	};
	struct arena	*a = arena_new();
	struct config	 cfg;
	struct timespec	 t0, t1;
	long long	 ct;
	double		 secs;
	char		*err;
	size_t		 i;

	cfg_init(&cfg, a);
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (create(&cfg, a, c[i].id, &ct, &err) != CONF_UNAVAILABLE)
			fail_msg("%s: not CONF_UNAVAILABLE", c[i].id);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		secs = (double)(t1.tv_sec - t0.tv_sec) +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		assert_non_null(err);
		if (strcmp(err, c[i].err) != 0)
			fail_msg("%s: \"%s\"", c[i].id, err);
		assert_null(strstr(err, SECRET));
		assert_null(strchr(err, '\n'));
		assert_true(secs < 2.5);
		assert_true(ct == -1);
		/* Only the call that got no answer in time timed out. */
		assert_int_equal(conf_bbb.timed_out(),
		    strcmp(c[i].id, "slow") == 0);
	}
	/* An answer after a timeout: the flag is the latest call's. */
	assert_int_equal(create(&cfg, a, "slow", &ct, &err), CONF_UNAVAILABLE);
	assert_int_equal(conf_bbb.timed_out(), 1);
	assert_int_equal(create(&cfg, a, "m1", &ct, &err), CONF_OK);
	assert_int_equal(conf_bbb.timed_out(), 0);

	/* Nobody listening. */
	cfg.bbb_url = arena_printf(a, "http://127.0.0.1:%d/bigbluebutton/",
	    dead_port);
	assert_int_equal(create(&cfg, a, "m1", &ct, &err), CONF_UNAVAILABLE);
	assert_int_equal(strncmp(err, "bbb create: ", 12), 0);
	assert_null(strstr(err, SECRET));
	/* Only http and https. */
	cfg.bbb_url = (char *)"file:///etc/";
	assert_int_equal(create(&cfg, a, "m1", &ct, &err), CONF_UNAVAILABLE);
	/* Not configured. */
	cfg_init(&cfg, a);
	cfg.bbb_secret = (char *)"";
	assert_int_equal(create(&cfg, a, "m1", &ct, &err), CONF_UNAVAILABLE);
	assert_string_equal(err,
	    "bbb create: bbb_url or bbb_secret is not set");
	cfg_init(&cfg, a);
	assert_int_equal(conf_bbb.is_running(&cfg, a, "e500", NULL, &err),
	    CONF_UNAVAILABLE);
	assert_string_equal(err, "bbb isMeetingRunning: HTTP 500");
	arena_free(a);
}

/* end, isMeetingRunning, getMeetingInfo. */
static void
test_meeting(void **state)
{
	struct arena		*a = arena_new();
	struct config		 cfg;
	struct conf_info	 info;
	char			*err = NULL;
	int			 running = 0;

	cfg_init(&cfg, a);
	assert_int_equal(conf_bbb.end(&cfg, a, "m1", &err), CONF_OK);
	assert_int_equal(conf_bbb.is_running(&cfg, a, "m1", &running, &err),
	    CONF_OK);
	assert_int_equal(running, 1);
	assert_int_equal(conf_bbb.info(&cfg, a, "m1", &info, &err), CONF_OK);
	assert_true(info.running);
	assert_true(info.create_time == 1717400000999LL);
	assert_true(info.participant_count == 2);
	assert_int_equal(info.nattendees, 2);
	assert_string_equal(info.attendees[0].user_id, "7");
	assert_string_equal(info.attendees[0].role, "MODERATOR");
	assert_string_equal(info.attendees[1].full_name, "Bob");
	assert_int_equal(conf_bbb.info(&cfg, a, "gone", &info, &err),
	    CONF_NOT_FOUND);
	assert_int_equal(info.nattendees, 0);
	arena_free(a);
}

/* getRecordings with its filter and page; publish; delete. */
static void
test_recordings(void **state)
{
	struct arena		*a = arena_new();
	struct config		 cfg;
	struct conf_recording	*r;
	size_t			 n;
	char			*err = NULL;

	cfg_init(&cfg, a);
	assert_int_equal(conf_bbb.recordings(&cfg, a, "m1", 20, 10, &r, &n,
	    &err), CONF_OK);
	assert_int_equal(n, 2);
	assert_string_equal(r[0].record_id, "r-1");
	assert_true(r[0].published);
	assert_string_equal(r[0].playback_url, "https://bbb.example/p/r-1");
	assert_string_equal(r[1].state, "processing");
	assert_null(r[1].playback_url);
	/* The server refuses another page (see serve()). */
	assert_int_equal(conf_bbb.recordings(&cfg, a, "m1", 0, 0, &r, &n,
	    &err), CONF_FAILED);
	assert_int_equal(n, 0);
	/* One meeting only: no call at all for a list or nothing. */
	assert_int_equal(conf_bbb.recordings(&cfg, a, "m1,m2", 20, 10, &r, &n,
	    &err), CONF_FAILED);
	assert_int_equal(conf_bbb.recordings(&cfg, a, NULL, 20, 10, &r, &n,
	    &err), CONF_FAILED);

	assert_int_equal(conf_bbb.publish(&cfg, a, "r-1", 0, &err), CONF_OK);
	assert_int_equal(conf_bbb.publish(&cfg, a, "r-1", 1, &err),
	    CONF_FAILED);
	assert_int_equal(conf_bbb.delete_recording(&cfg, a, "r-1", &err),
	    CONF_OK);
	assert_int_equal(conf_bbb.delete_recording(&cfg, a, "r-9", &err),
	    CONF_NOT_FOUND);
	assert_int_equal(conf_bbb.delete_recording(&cfg, a, "r-1,r-2", &err),
	    CONF_FAILED);
	assert_string_equal(err,
	    "bbb deleteRecordings: not one recording id");
	assert_int_equal(conf_bbb.publish(&cfg, a, "", 1, &err), CONF_FAILED);
	arena_free(a);
}

/*
 * join with redirect=false: the server checks the checksum and answers
 * the session-token address, which is all that comes back; a meeting
 * it does not have, or another one under the id, is CONF_NOT_FOUND; an
 * answer without a usable address is CONF_UNAVAILABLE.
 */
static void
test_join(void **state)
{
	struct arena		*a = arena_new();
	struct config		 cfg;
	struct conf_user	 u;
	char			*url = (char *)"x", *err = NULL;

	cfg_init(&cfg, a);
	memset(&u, 0, sizeof(u));
	u.user_id = "7";
	u.full_name = "Ada L";
	u.moderator = 1;
	assert_int_equal(conf_bbb.join(&cfg, a, "m1", 1717400000999LL, &u,
	    &url, &err), CONF_OK);
	assert_string_equal(url, "https://bbb.example/html5client/join?"
	    "sessionToken=ai1wqj8wb6s7rnk0");
	assert_int_equal(conf_bbb.join(&cfg, a, "gone", 1, &u, &url, &err),
	    CONF_NOT_FOUND);
	assert_null(url);
	assert_int_equal(conf_bbb.join(&cfg, a, "stale", 1, &u, &url, &err),
	    CONF_NOT_FOUND);
	assert_int_equal(conf_bbb.join(&cfg, a, "nourl", 1, &u, &url, &err),
	    CONF_UNAVAILABLE);
	assert_null(url);
	assert_string_equal(err, "bbb join: the answer has no client address");
	assert_int_equal(conf_bbb.join(&cfg, a, "e500", 1, &u, &url, &err),
	    CONF_UNAVAILABLE);
	assert_null(strstr(err, SECRET));
	assert_null(strstr(err, "checksum"));

	cfg.bbb_secret = (char *)"";
	assert_int_equal(conf_bbb.join(&cfg, a, "m1", 0, &u, &url, &err),
	    CONF_UNAVAILABLE);
	assert_null(url);
	arena_free(a);
}

/* Choosing the provider. */
/*
 * getRecordingTextTracks answers JSON: its tracks (those without an
 * address left out), noRecordings as CONF_NOT_FOUND, broken JSON as
 * CONF_UNAVAILABLE; a track's file comes whole, a missing one (404) is
 * CONF_FAILED and one over the limit CONF_UNAVAILABLE.
 */
static void
test_text_tracks(void **state)
{
	struct arena		*a = arena_new();
	struct config		 cfg;
	struct conf_track	*t;
	size_t			 n, len;
	char			*err = NULL, *data;

	cfg_init(&cfg, a);
	assert_int_equal(conf_bbb.text_tracks(&cfg, a, "r-1", &t, &n, &err),
	    CONF_OK);
	assert_int_equal(n, 1);
	assert_string_equal(t[0].kind, "subtitles");
	assert_string_equal(t[0].lang, "en-US");
	assert_string_equal(t[0].label, "English");
	assert_string_equal(t[0].source, "upload");
	assert_int_equal(conf_bbb.track_file(&cfg, a, t[0].href, 4096, &data,
	    &len, &err), CONF_OK);
	assert_int_equal(len, strlen(track_body));
	assert_string_equal(data, track_body);
	assert_int_equal(conf_bbb.track_file(&cfg, a, t[0].href, 10, &data,
	    &len, &err), CONF_UNAVAILABLE);
	assert_null(data);
	assert_int_equal(conf_bbb.track_file(&cfg, a, arena_printf(a,
	    "http://127.0.0.1:%d/captions/r-1/none.vtt", port), 4096, &data,
	    &len, &err), CONF_FAILED);

	assert_int_equal(conf_bbb.text_tracks(&cfg, a, "r-9", &t, &n, &err),
	    CONF_NOT_FOUND);
	assert_string_equal(err,
	    "bbb getRecordingTextTracks: FAILED noRecordings");
	assert_int_equal(conf_bbb.text_tracks(&cfg, a, "r-bad", &t, &n, &err),
	    CONF_UNAVAILABLE);
	assert_int_equal(n, 0);
	assert_int_equal(conf_bbb.text_tracks(&cfg, a, "r-1,r-2", &t, &n,
	    &err), CONF_FAILED);
	arena_free(a);
}

static void
test_provider(void **state)
{
	struct config	 cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.conference_provider = (char *)"jitsi";
	assert_ptr_equal(conf_provider(&cfg), &conf_jitsi);
	cfg.conference_provider = (char *)"bbb";
	assert_ptr_equal(conf_provider(&cfg), &conf_bbb);
	assert_ptr_equal(conf_provider_named("bbb"), &conf_bbb);
	assert_ptr_equal(conf_provider_named("jitsi"), &conf_jitsi);
	assert_null(conf_provider_named("zoom"));
	assert_null(conf_provider_named(NULL));
	assert_string_equal(conf_bbb.name, "bbb");
	assert_string_equal(conf_jitsi.name, "jitsi");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create),
		cmocka_unit_test(test_failed),
		cmocka_unit_test(test_unavailable),
		cmocka_unit_test(test_meeting),
		cmocka_unit_test(test_recordings),
		cmocka_unit_test(test_join),
		cmocka_unit_test(test_text_tracks),
		cmocka_unit_test(test_provider),
	};

	return cmocka_run_group_tests_name("bbbnet", tests, setup, teardown);
}
