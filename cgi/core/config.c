/*
 * config.c: reading lectern.conf and LECTERN_* overrides.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/config.h"
#include "lib/util.h"
#include "lib/valid.h"

#ifndef SYSCONFDIR
#define SYSCONFDIR "/usr/local/etc"
#endif
#ifndef DATADIR
#define DATADIR "/usr/local/share/lectern"
#endif

enum ktype { K_STR, K_INT, K_SIZE, K_SECURE };

struct key {
	const char	*name;
	enum ktype	 type;
	size_t		 off;
	long long	 min, max;
	int		 secret;
};

#define S(f)	K_STR, offsetof(struct config, f), 0, 0
#define I(f, lo, hi)	K_INT, offsetof(struct config, f), lo, hi
#define Z(f, lo, hi)	K_SIZE, offsetof(struct config, f), lo, hi

static const struct key keys[] = {
	{ "db_socket", S(db_socket), 0 },
	{ "db_host", S(db_host), 0 },
	{ "db_port", I(db_port, 1, 65535), 0 },
	{ "db_name", S(db_name), 0 },
	{ "db_user", S(db_user), 0 },
	{ "db_password", S(db_password), 1 },
	{ "db_timeout", I(db_timeout, 1, 600), 0 },
	{ "db_lock_wait", I(db_lock_wait, 1, 600), 0 },
	{ "base_url", S(base_url), 0 },
	{ "school_name", S(school_name), 0 },
	{ "timezone", S(timezone), 0 },
	{ "template_dir", S(template_dir), 0 },
	{ "schema_dir", S(schema_dir), 0 },
	{ "tmp_dir", S(tmp_dir), 0 },
	{ "body_limit", Z(body_limit, 1024, 1LL << 30), 0 },
	{ "upload_limit", Z(upload_limit, 1024, 1LL << 32), 0 },
	{ "session_idle_minutes", I(session_idle_minutes, 1, 60 * 24 * 30), 0 },
	{ "session_absolute_hours", I(session_absolute_hours, 1, 24 * 90), 0 },
	{ "login_window_minutes", I(login_window_minutes, 1, 24 * 60), 0 },
	{ "login_max_account_failures", I(login_max_account_failures, 1, 1000), 0 },
	{ "login_max_address_failures", I(login_max_address_failures, 1, 100000), 0 },
	{ "cookie_secure", K_SECURE, offsetof(struct config, cookie_secure), 0, 0, 0 },
	{ "expose_query_count", I(expose_query_count, 0, 1), 0 },
	{ "schedule_horizon_weeks", I(schedule_horizon_weeks, 1, 52), 0 },
	{ "mail_transport", S(mail_transport), 0 },
	{ "smtp_url", S(smtp_url), 0 },
	{ "smtp_user", S(smtp_user), 0 },
	{ "smtp_password", S(smtp_password), 1 },
	{ "sendmail_path", S(sendmail_path), 0 },
	{ "mail_from", S(mail_from), 0 },
	{ "worker_batch", I(worker_batch, 1, 10000), 0 },
	{ "worker_interval", I(worker_interval, 1, 3600), 0 },
	{ "data_dir", S(data_dir), 0 },
	{ "secret_key", S(secret_key), 1 },
	{ "conference_provider", S(conference_provider), 0 },
	{ "bbb_url", S(bbb_url), 0 },
	{ "bbb_secret", S(bbb_secret), 1 },
	{ "bbb_checksum", S(bbb_checksum), 0 },
	{ "bbb_timeout", I(bbb_timeout, 1, 120), 0 },
	{ "bbb_embed", I(bbb_embed, 0, 1), 0 },
	{ "jitsi_url", S(jitsi_url), 0 },
	{ "jitsi_app_id", S(jitsi_app_id), 0 },
	{ "jitsi_secret", S(jitsi_secret), 1 },
};

#define NKEYS	(sizeof(keys) / sizeof(keys[0]))

static void
defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	c->db_name = xstrdup("lectern");
	c->db_user = xstrdup("lectern");
	c->db_password = xstrdup("");
	c->db_timeout = 10;
	c->db_lock_wait = 5;
	c->base_url = xstrdup("http://127.0.0.1:8080");
	c->school_name = xstrdup("Lectern");
	c->timezone = xstrdup("UTC");
	c->template_dir = xstrdup(DATADIR "/templates");
	c->schema_dir = xstrdup(DATADIR "/schema");
	c->tmp_dir = xstrdup("/tmp");
	c->body_limit = 1024 * 1024;
	c->upload_limit = 10 * 1024 * 1024;
	c->session_idle_minutes = 120;
	c->session_absolute_hours = 12;
	c->login_window_minutes = 15;
	c->schedule_horizon_weeks = 8;
	c->login_max_account_failures = 5;
	c->login_max_address_failures = 20;
	c->cookie_secure = -1;
	c->mail_transport = xstrdup("smtp");
	c->smtp_url = xstrdup("smtp://127.0.0.1:25");
	c->smtp_user = xstrdup("");
	c->smtp_password = xstrdup("");
	c->sendmail_path = xstrdup("/usr/sbin/sendmail");
	c->mail_from = xstrdup("lectern@localhost");
	c->worker_batch = 50;
	c->worker_interval = 30;
	c->data_dir = xstrdup("/var/lib/lectern");
	c->secret_key = xstrdup("");
	c->conference_provider = xstrdup("bbb");
	c->bbb_url = xstrdup("");
	c->bbb_secret = xstrdup("");
	c->bbb_checksum = xstrdup("sha256");
	c->bbb_timeout = 8;
	c->bbb_embed = 0;
	c->jitsi_url = xstrdup("");
	c->jitsi_app_id = xstrdup("lectern");
	c->jitsi_secret = xstrdup("");
}

/*
 * Store one value.  Returns 1 when it is valid for the key, 0 otherwise
 * with the reason in err (never quoting a secret).
 */
static int
setkey(struct config *c, const struct key *k, const char *val,
    char *err, size_t errlen)
{
	char		*end, **sp;
	long long	 n;

	switch (k->type) {
	case K_STR:
		sp = (char **)((char *)c + k->off);
		free(*sp);
		*sp = xstrdup(val);
		return 1;
	case K_INT:
	case K_SIZE:
		errno = 0;
		n = strtoll(val, &end, 10);
		if (errno || end == val || *end != '\0' ||
		    n < k->min || n > k->max) {
			snprintf(err, errlen, "%s must be a whole number "
			    "from %lld to %lld", k->name, k->min, k->max);
			return 0;
		}
		if (k->type == K_INT)
			*(int *)((char *)c + k->off) = (int)n;
		else
			*(size_t *)((char *)c + k->off) = (size_t)n;
		return 1;
	case K_SECURE:
		if (strcmp(val, "auto") == 0)
			c->cookie_secure = -1;
		else if (strcmp(val, "on") == 0)
			c->cookie_secure = 1;
		else if (strcmp(val, "off") == 0)
			c->cookie_secure = 0;
		else {
			snprintf(err, errlen, "%s must be auto, on or off",
			    k->name);
			return 0;
		}
		return 1;
	}
	return 0;
}

static int
one_of(const char *v, const char *a, const char *b)
{
	return strcmp(v, a) == 0 || strcmp(v, b) == 0;
}

static const struct key *
findkey(const char *name)
{
	size_t	 i;

	for (i = 0; i < NKEYS; i++)
		if (strcmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

static char *
trim(char *s)
{
	char	*e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

int
config_load(struct config *c, char *err, size_t errlen)
{
	const char	*path, *env;
	const struct key *k;
	FILE		*f;
	char		 line[4096], envname[128], msg[256], *p, *eq, *name;
	size_t		 i, j, lineno = 0;

	defaults(c);
	if ((path = getenv("LECTERN_CONF")) == NULL || *path == '\0')
		path = SYSCONFDIR "/lectern.conf";
	c->path = xstrdup(path);

	if ((f = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return 0;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		if (strchr(line, '\n') == NULL && !feof(f)) {
			snprintf(err, errlen, "%s:%zu: line too long",
			    path, lineno);
			fclose(f);
			return 0;
		}
		if ((p = strchr(line, '#')) != NULL)
			*p = '\0';
		p = trim(line);
		if (*p == '\0')
			continue;
		if ((eq = strchr(p, '=')) == NULL) {
			snprintf(err, errlen, "%s:%zu: expected key = value",
			    path, lineno);
			fclose(f);
			return 0;
		}
		*eq = '\0';
		name = trim(p);
		if ((k = findkey(name)) == NULL) {
			snprintf(err, errlen, "%s:%zu: unknown key \"%.64s\"",
			    path, lineno, name);
			fclose(f);
			return 0;
		}
		if (!setkey(c, k, trim(eq + 1), msg, sizeof(msg))) {
			snprintf(err, errlen, "%s:%zu: %s", path, lineno, msg);
			fclose(f);
			return 0;
		}
	}
	fclose(f);

	/* LECTERN_<KEY> overrides one key each. */
	for (i = 0; i < NKEYS; i++) {
		snprintf(envname, sizeof(envname), "LECTERN_");
		for (j = 0; keys[i].name[j] != '\0' && j + 9 < sizeof(envname); j++)
			envname[8 + j] = (char)toupper((unsigned char)keys[i].name[j]);
		envname[8 + j] = '\0';
		if ((env = getenv(envname)) == NULL)
			continue;
		if (!setkey(c, &keys[i], env, msg, sizeof(msg))) {
			snprintf(err, errlen, "environment %s: %s", envname, msg);
			return 0;
		}
	}

	if (c->db_socket != NULL && *c->db_socket == '\0') {
		free(c->db_socket);
		c->db_socket = NULL;
	}
	if (c->db_host != NULL && *c->db_host == '\0') {
		free(c->db_host);
		c->db_host = NULL;
	}
	if (c->db_socket == NULL && c->db_host == NULL) {
		snprintf(err, errlen, "%s: set db_socket or db_host", path);
		return 0;
	}
	if (!valid_timezone(c->timezone)) {
		snprintf(err, errlen, "%s: timezone \"%.64s\" is not a known "
		    "IANA zone", path, c->timezone);
		return 0;
	}
	if (strncmp(c->base_url, "http://", 7) != 0 &&
	    strncmp(c->base_url, "https://", 8) != 0) {
		snprintf(err, errlen, "%s: base_url must start with http:// "
		    "or https://", path);
		return 0;
	}
	/* Drop a trailing slash so paths can be appended. */
	p = c->base_url + strlen(c->base_url);
	while (p > c->base_url + 8 && p[-1] == '/')
		*--p = '\0';
	if (!one_of(c->mail_transport, "smtp", "sendmail")) {
		snprintf(err, errlen, "%s: mail_transport must be smtp or "
		    "sendmail", path);
		return 0;
	}
	if (!one_of(c->conference_provider, "bbb", "jitsi")) {
		snprintf(err, errlen, "%s: conference_provider must be bbb "
		    "or jitsi", path);
		return 0;
	}
	if (!one_of(c->bbb_checksum, "sha256", "sha512")) {
		snprintf(err, errlen, "%s: bbb_checksum must be sha256 or "
		    "sha512", path);
		return 0;
	}
	/* The BigBlueButton address ends in a slash: calls are "api/x". */
	if (*c->bbb_url != '\0' && c->bbb_url[strlen(c->bbb_url) - 1] != '/') {
		size_t	 n = strlen(c->bbb_url);

		p = c->bbb_url;
		c->bbb_url = xmalloc(n + 2);
		memcpy(c->bbb_url, p, n);
		memcpy(c->bbb_url + n, "/", 2);
		free(p);
	}
	return 1;
}
