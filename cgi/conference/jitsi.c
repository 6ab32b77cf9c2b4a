/*
 * conf-jitsi.c: Jitsi Meet (self-hosted, with prosody token
 * authentication) behind the conference interface.
 *
 * Jitsi has no server API for any of this: a room exists while someone
 * is in it, and ending a conference for everyone needs a prosody plugin
 * or the moderator's own "End meeting for all" in the client.  So create
 * only notes the time, end succeeds without doing anything (the
 * classroom is closed on our side; tokens for it stop being issued), and
 * the questions (running, info, recordings) answer with empty results.
 * What protects a room is the token: HS256 over claims prosody checks
 * (iss = app_id, aud, sub = our domain, room, exp, nbf).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "conference/bbbapi.h"
#include "conference/conference.h"
#include "core/config.h"
#include "lib/crypto.h"
#include "lib/escape.h"
#include "lib/utf8.h"
#include "lib/util.h"

/* How long a join link's token lets its holder connect, in seconds. */
#define JITSI_JOIN_TTL	(4 * 3600)
/* Tolerance for a prosody host whose clock is a little ahead of ours. */
#define JITSI_SKEW	60

/*
 * Append s to b as a JSON string with its quotes: " and \ escaped,
 * control characters as \uXXXX (or their short forms), bytes that are
 * not UTF-8 as U+FFFD (prosody's JSON reader refuses them).  NULL
 * gives "".
 */
static void
json_str(struct buf *b, const char *s)
{
	unsigned char	 c;
	size_t		 n;

	buf_putc(b, '"');
	while (s != NULL && *s != '\0') {
		c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)c);
		} else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\r')
			buf_puts(b, "\\r");
		else if (c == '\t')
			buf_puts(b, "\\t");
		else if (c < 0x20)
			buf_printf(b, "\\u%04x", c);
		else if ((n = utf8_seq(s)) == 0)
			buf_puts(b, "\xef\xbf\xbd");
		else {
			buf_append(b, s, n);
			s += n;
			continue;
		}
		s++;
	}
	buf_putc(b, '"');
}

/*
 * The host of an http(s) address, lower-cased, without port or path
 * ("https://Meet.Example.org:8443/x" gives "meet.example.org"); NULL
 * when there is none.  Arena string.
 */
static char *
url_host(struct arena *a, const char *url)
{
	const char	*p, *e;
	char		*h;
	size_t		 i;

	if (url == NULL || (p = strstr(url, "://")) == NULL)
		return NULL;
	p += 3;
	if ((e = strchr(p, '@')) != NULL && e < p + strcspn(p, "/?#"))
		p = e + 1;
	if (*p == '[')		/* IPv6 literal: keep the brackets */
		e = strchr(p, ']') != NULL ? strchr(p, ']') + 1 : NULL;
	else
		e = p + strcspn(p, ":/?#");
	if (e == NULL || e == p)
		return NULL;
	h = arena_strndup(a, p, (size_t)(e - p));
	for (i = 0; h[i] != '\0'; i++)
		if (h[i] >= 'A' && h[i] <= 'Z')
			h[i] = (char)(h[i] - 'A' + 'a');
	return h;
}

char *
jitsi_token(const struct config *cfg, struct arena *a, const char *room,
    const struct conf_user *u, long long now, int ttl)
{
	struct buf	 b;
	char		*host, *tok;

	if (cfg->jitsi_secret == NULL || *cfg->jitsi_secret == '\0' ||
	    room == NULL || (host = url_host(a, cfg->jitsi_url)) == NULL)
		return NULL;
	buf_init(&b);
	buf_puts(&b, "{\"aud\":\"jitsi\",\"iss\":");
	json_str(&b, cfg->jitsi_app_id);
	buf_puts(&b, ",\"sub\":");
	json_str(&b, host);
	buf_puts(&b, ",\"room\":");
	json_str(&b, room);
	buf_printf(&b, ",\"exp\":%lld,\"nbf\":%lld", now + ttl,
	    now - JITSI_SKEW);
	/* Every user field a string: prosody fails on null or numbers. */
	buf_puts(&b, ",\"context\":{\"user\":{\"id\":");
	json_str(&b, u->user_id);
	buf_puts(&b, ",\"name\":");
	json_str(&b, u->full_name);
	buf_puts(&b, ",\"avatar\":");
	json_str(&b, u->avatar_url);
	/*
	 * Both places deployments read the moderator flag from:
	 * token_moderation (top level, boolean) and token_affiliation
	 * (context.user, a string).
	 */
	buf_printf(&b, ",\"moderator\":\"%s\"}},\"moderator\":%s}",
	    u->moderator ? "true" : "false", u->moderator ? "true" : "false");
	tok = jwt_sign(a, JWT_HS256, cfg->jitsi_secret,
	    strlen(cfg->jitsi_secret), b.data);
	buf_free(&b);
	return tok;
}

/* No server call: the room appears when the first person joins. */
static enum conf_rc
jitsi_create(const struct config *cfg, struct arena *a,
    const struct conf_meeting *m, long long *create_time, char **err)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	if (create_time != NULL)
		*create_time = (long long)ts.tv_sec * 1000 +
		    ts.tv_nsec / 1000000;
	return CONF_OK;
}

/* jitsi_url/room?jwt=token, or NULL without a secret or an address. */
static char *
jitsi_join_url(const struct config *cfg, struct arena *a,
    const char *meeting_id, long long create_time, const struct conf_user *u)
{
	const char	*base = cfg->jitsi_url;
	size_t		 len;
	char		*tok;

	if (base == NULL || meeting_id == NULL || *meeting_id == '\0')
		return NULL;
	tok = jitsi_token(cfg, a, meeting_id, u, (long long)time(NULL),
	    JITSI_JOIN_TTL);
	if (tok == NULL)
		return NULL;
	len = strlen(base);
	while (len > 0 && base[len - 1] == '/')
		len--;
	return arena_printf(a, "%.*s/%s?jwt=%s", (int)len, base,
	    url_encode(a, meeting_id), tok);
}

/* The room's address with the user's token; no network call. */
static enum conf_rc
jitsi_join(const struct config *cfg, struct arena *a, const char *meeting_id,
    long long create_time, const struct conf_user *u, char **url, char **err)
{
	if ((*url = jitsi_join_url(cfg, a, meeting_id, create_time, u)) ==
	    NULL) {
		if (err != NULL)
			*err = arena_strdup(a, "jitsi: jitsi_url or "
			    "jitsi_secret is not set");
		return CONF_UNAVAILABLE;
	}
	return CONF_OK;
}

/* Nothing to end on the server: see the comment at the top. */
static enum conf_rc
jitsi_end(const struct config *cfg, struct arena *a, const char *meeting_id,
    char **err)
{
	return CONF_OK;
}

/* Unknown to us: Jitsi has no API to ask; answers "not running". */
static enum conf_rc
jitsi_is_running(const struct config *cfg, struct arena *a,
    const char *meeting_id, int *running, char **err)
{
	if (running != NULL)
		*running = 0;
	return CONF_OK;
}

/* Attendance comes from the client's events, not from here. */
static enum conf_rc
jitsi_info(const struct config *cfg, struct arena *a,
    const char *meeting_id, struct conf_info *info, char **err)
{
	if (info != NULL)
		memset(info, 0, sizeof(*info));
	return CONF_OK;
}

/* Jitsi keeps no recordings we could list. */
static enum conf_rc
jitsi_recordings(const struct config *cfg, struct arena *a,
    const char *meeting_id, size_t offset, size_t limit,
    struct conf_recording **list, size_t *n, char **err)
{
	if (list != NULL)
		*list = NULL;
	if (n != NULL)
		*n = 0;
	return CONF_OK;
}

/* Nothing to publish. */
static enum conf_rc
jitsi_publish(const struct config *cfg, struct arena *a,
    const char *record_id, int publish, char **err)
{
	return CONF_OK;
}

/* Nothing to delete. */
static enum conf_rc
jitsi_delete(const struct config *cfg, struct arena *a,
    const char *record_id, char **err)
{
	return CONF_OK;
}

const struct conf_provider conf_jitsi = {
	.name = "jitsi",
	.create = jitsi_create,
	.join = jitsi_join,
	.end = jitsi_end,
	.is_running = jitsi_is_running,
	.info = jitsi_info,
	.recordings = jitsi_recordings,
	.publish = jitsi_publish,
	.delete_recording = jitsi_delete,
};
