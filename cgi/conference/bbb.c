/*
 * conf-bbb.c: BigBlueButton behind the conference interface: the HTTP
 * calls (libcurl), with the query strings and checksums of bbbapi.c and
 * the answers read by bbbxml.c.
 *
 * Every call has a total timeout (bbb_call_timeout: a few seconds for a
 * person's click, bbb_timeout for the worker's listings) and a shorter
 * connect timeout, follows no redirect, speaks only http and https and
 * reads at most BBBXML_MAX_INPUT bytes.  Anything but a 2xx answer carrying the
 * API's <response> XML is CONF_UNAVAILABLE; returncode FAILED is
 * CONF_FAILED (CONF_NOT_FOUND for messageKey notFound).  The one-line
 * reason in *err names the call and never holds the secret or a signed
 * address.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "conference/bbbapi.h"
#include "conference/bbbxml.h"
#include "conference/conference.h"
#include "core/config.h"
#include "lib/json.h"
#include "lib/util.h"

#define BBB_MESSAGE_MAX		200	/* bytes of the server's message */

/*
 * 1 when this process's latest call got no answer within its timeout
 * (conf_provider.timed_out).  Each call sets it before returning and
 * the caller reads it at once, so it carries nothing from one request
 * to the next.
 */
static int	 timed_out;

/* What the latest call of this process left in timed_out. */
static int
bbb_timed_out(void)
{
	return timed_out;
}

/* The answer as it arrives, refused beyond max bytes. */
struct sink {
	struct buf	 b;
	size_t		 max;
	const char	*want;		/* what the answer should be: "XML" */
	int		 too_big;
	long		 status;	/* HTTP status, 0: none */
};

/* libcurl write callback: keep the bytes or refuse the rest. */
static size_t
sink_write(char *p, size_t size, size_t n, void *arg)
{
	struct sink	*s = arg;
	size_t		 len = size * n;

	if (len > s->max - s->b.len) {
		s->too_big = 1;
		return 0;
	}
	buf_append(&s->b, p, len);
	return len;
}

/* Store a printf-formatted reason in *err (when err is not NULL). */
static void
set_err(struct arena *a, char **err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
set_err(struct arena *a, char **err, const char *fmt, ...)
{
	struct buf	 b;
	va_list		 ap;

	if (err == NULL)
		return;
	buf_init(&b);
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	*err = arena_strndup(a, b.data, b.len);
	buf_free(&b);
}

/* 1 when the body is an HTML page (proxy or servlet error pages). */
static int
looks_html(const char *ctype, const char *body, size_t len)
{
	size_t	 i = 0;

	if (ctype != NULL && strncasecmp(ctype, "text/html", 9) == 0)
		return 1;
	while (i < len && (body[i] == ' ' || body[i] == '\t' ||
	    body[i] == '\r' || body[i] == '\n'))
		i++;
	return (len - i >= 14 && strncasecmp(body + i, "<!DOCTYPE html", 14)
	    == 0) || (len - i >= 5 && strncasecmp(body + i, "<html", 5) == 0);
}

/*
 * One GET of url (or a POST of xml as application/xml when xml is not
 * NULL) for call, read into s (at most s->max bytes): returns CONF_OK
 * with a 2xx answer that is no HTML page; otherwise CONF_UNAVAILABLE
 * with *err.  The caller frees s->b.
 */
static enum conf_rc
bbb_fetch(const struct config *cfg, struct arena *a, const char *call,
    const char *url, const char *xml, struct sink *s, char **err)
{
	static int		 curl_ready;
	CURL			*c;
	CURLcode		 rc;
	struct curl_slist	*hdrs = NULL;
	char			 ebuf[CURL_ERROR_SIZE];
	char			*ctype = NULL;
	long			 status = 0, conn;
	int			 limit;
	enum conf_rc		 ret = CONF_UNAVAILABLE;

	timed_out = 0;
	buf_init(&s->b);
	s->too_big = 0;
	s->status = 0;
	if (!curl_ready) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
			set_err(a, err, "bbb %s: libcurl did not start", call);
			return CONF_UNAVAILABLE;
		}
		curl_ready = 1;
	}
	if ((c = curl_easy_init()) == NULL) {
		set_err(a, err, "bbb %s: libcurl did not start", call);
		return CONF_UNAVAILABLE;
	}
	ebuf[0] = '\0';
	limit = bbb_call_timeout(call, cfg->bbb_timeout);
	conn = limit < BBB_CONNECT_TIMEOUT ? limit : BBB_CONNECT_TIMEOUT;
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)limit);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, conn);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(c, CURLOPT_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)s->max);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "Lectern");
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, sink_write);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, s);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	if (xml != NULL) {
		hdrs = curl_slist_append(hdrs,
		    "Content-Type: application/xml");
		curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdrs);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, xml);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(xml));
	}

	rc = curl_easy_perform(c);
	if (rc == CURLE_OPERATION_TIMEDOUT) {
		/* Connecting or answering: either way, no answer in time. */
		timed_out = 1;
		set_err(a, err, "bbb %s: timeout after %d s", call, limit);
		goto out;
	}
	if ((rc == CURLE_WRITE_ERROR && s->too_big) ||
	    rc == CURLE_FILESIZE_EXCEEDED) {
		set_err(a, err, "bbb %s: answer larger than %zu bytes", call,
		    s->max);
		goto out;
	}
	if (rc != CURLE_OK) {
		set_err(a, err, "bbb %s: %s", call, ebuf[0] != '\0' ? ebuf :
		    curl_easy_strerror(rc));
		goto out;
	}
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &ctype);
	s->status = status;
	if (status < 200 || status > 299) {
		set_err(a, err, "bbb %s: HTTP %ld", call, status);
		goto out;
	}
	if (looks_html(ctype, s->b.data, s->b.len)) {
		set_err(a, err, "bbb %s: an HTML page, not %s", call,
		    s->want);
		goto out;
	}
	ret = CONF_OK;
out:
	curl_easy_cleanup(c);
	curl_slist_free_all(hdrs);
	return ret;
}

/* 1 when the server's url and secret are set, else 0 with *err. */
static int
bbb_configured(const struct config *cfg, struct arena *a, const char *call,
    char **err)
{
	if (cfg->bbb_url == NULL || *cfg->bbb_url == '\0' ||
	    cfg->bbb_secret == NULL || *cfg->bbb_secret == '\0') {
		set_err(a, err, "bbb %s: bbb_url or bbb_secret is not set",
		    call);
		return 0;
	}
	return 1;
}

/* The signed address of call with query. */
static char *
bbb_url(const struct config *cfg, struct arena *a, const char *call,
    const char *query)
{
	return bbb_signed_url(a, cfg->bbb_url, call, query,
	    bbb_alg_named(cfg->bbb_checksum), cfg->bbb_secret);
}

/*
 * One API call: GET of call?query&checksum=..., or a POST of xml as
 * application/xml when xml is not NULL.  Returns CONF_OK with *r filled
 * when the server answered SUCCESS; otherwise the failure with *err.
 */
static enum conf_rc
bbb_call(const struct config *cfg, struct arena *a, const char *call,
    const char *query, const char *xml, struct bbb_resp *r, char **err)
{
	struct sink		 s;
	const char		*why;
	enum conf_rc		 ret;

	memset(r, 0, sizeof(*r));
	timed_out = 0;
	if (!bbb_configured(cfg, a, call, err))
		return CONF_UNAVAILABLE;
	s.max = BBBXML_MAX_INPUT;
	s.want = "XML";
	if ((ret = bbb_fetch(cfg, a, call, bbb_url(cfg, a, call, query), xml,
	    &s, err)) != CONF_OK)
		goto out;
	ret = CONF_UNAVAILABLE;
	if (!bbbxml_parse(a, s.b.data, s.b.len, r, &why)) {
		set_err(a, err, "bbb %s: %s", call, why);
		goto out;
	}
	if (!r->success) {
		set_err(a, err, "bbb %s: FAILED %s: %.*s", call,
		    r->message_key, BBB_MESSAGE_MAX, r->message);
		ret = strcmp(r->message_key, "notFound") == 0 ?
		    CONF_NOT_FOUND : CONF_FAILED;
		goto out;
	}
	ret = CONF_OK;
out:
	buf_free(&s.b);
	return ret;
}

/* create, with the slides as a POST body; idempotent on the server. */
static enum conf_rc
bbb_create(const struct config *cfg, struct arena *a,
    const struct conf_meeting *m, long long *create_time, char **err)
{
	struct bbb_resp	 r;
	enum conf_rc	 rc;

	rc = bbb_call(cfg, a, "create", bbb_create_query(a, m),
	    bbb_slides_xml(a, m), &r, err);
	/* A second create answers SUCCESS with duplicateWarning. */
	if (rc == CONF_OK && create_time != NULL)
		*create_time = r.create_time;
	return rc;
}

/*
 * 1 when url can be where a user is sent: http or https, then a host,
 * and no blank (text() made every control character a space).  Pure.
 */
static int
client_url_ok(const char *url)
{
	const char	*host;

	if (strncmp(url, "https://", 8) == 0)
		host = url + 8;
	else if (strncmp(url, "http://", 7) == 0)
		host = url + 7;
	else
		return 0;
	return *host != '\0' && *host != '/' && strchr(url, ' ') == NULL &&
	    strchr(url, '"') == NULL && strchr(url, '<') == NULL;
}

/*
 * join with redirect=false: the server registers the user and answers
 * the client address with their session token, which goes into *url.
 * notFound and mismatchCreateTimeParam (another meeting runs under the
 * id now) are CONF_NOT_FOUND.
 */
static enum conf_rc
bbb_join(const struct config *cfg, struct arena *a, const char *meeting_id,
    long long create_time, const struct conf_user *u, char **url, char **err)
{
	struct bbb_resp	 r;
	enum conf_rc	 rc;

	*url = NULL;
	if (meeting_id == NULL || u == NULL) {
		set_err(a, err, "bbb join: no meeting or no user");
		return CONF_FAILED;
	}
	rc = bbb_call(cfg, a, "join", bbb_join_query(a, meeting_id,
	    create_time, u), NULL, &r, err);
	if (rc == CONF_FAILED &&
	    strcmp(r.message_key, "mismatchCreateTimeParam") == 0)
		return CONF_NOT_FOUND;
	if (rc != CONF_OK)
		return rc;
	if (!client_url_ok(r.url)) {
		set_err(a, err, "bbb join: the answer has no client address");
		return CONF_UNAVAILABLE;
	}
	*url = r.url;
	return CONF_OK;
}

/*
 * 1 when id can name one meeting or recording: not empty and without a
 * comma, which getRecordings, publishRecordings and deleteRecordings
 * read as a list separator.  Pure.
 */
static int
one_id(const char *id)
{
	return id != NULL && *id != '\0' && strchr(id, ',') == NULL;
}

/* A query of one parameter. */
static char *
one_param(struct arena *a, const char *name, const char *value)
{
	struct buf	 b;
	char		*s;

	buf_init(&b);
	bbb_param(&b, name, value != NULL ? value : "");
	s = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return s;
}

/* end: asks the server to end the meeting (it does so shortly after). */
static enum conf_rc
bbb_end(const struct config *cfg, struct arena *a, const char *meeting_id,
    char **err)
{
	struct bbb_resp	 r;

	return bbb_call(cfg, a, "end", one_param(a, "meetingID", meeting_id),
	    NULL, &r, err);
}

/* isMeetingRunning: *running is 0 unless the server says true. */
static enum conf_rc
bbb_is_running(const struct config *cfg, struct arena *a,
    const char *meeting_id, int *running, char **err)
{
	struct bbb_resp	 r;
	enum conf_rc	 rc;

	rc = bbb_call(cfg, a, "isMeetingRunning",
	    one_param(a, "meetingID", meeting_id), NULL, &r, err);
	if (running != NULL)
		*running = rc == CONF_OK && r.running;
	return rc;
}

/* getMeetingInfo: running, createTime, participants and attendees. */
static enum conf_rc
bbb_info(const struct config *cfg, struct arena *a, const char *meeting_id,
    struct conf_info *info, char **err)
{
	struct bbb_resp	 r;
	enum conf_rc	 rc;

	rc = bbb_call(cfg, a, "getMeetingInfo",
	    one_param(a, "meetingID", meeting_id), NULL, &r, err);
	if (info == NULL)
		return rc;
	memset(info, 0, sizeof(*info));
	if (rc != CONF_OK)
		return rc;
	info->running = r.running;
	info->create_time = r.create_time;
	info->participant_count = r.participant_count;
	info->attendees = r.attendees;
	info->nattendees = r.nattendees;
	return CONF_OK;
}

/*
 * getRecordings of one meeting, offset/limit (1 to 100), in every state
 * but deleted so that "processing" can be shown.
 */
static enum conf_rc
bbb_recordings(const struct config *cfg, struct arena *a,
    const char *meeting_id, size_t offset, size_t limit,
    struct conf_recording **list, size_t *n, char **err)
{
	struct bbb_resp	 r;
	struct buf	 b;
	enum conf_rc	 rc;
	char		*q;

	if (list != NULL)
		*list = NULL;
	if (n != NULL)
		*n = 0;
	if (!one_id(meeting_id)) {
		/* Unfiltered listings are what time out on big servers. */
		set_err(a, err, "bbb getRecordings: not one meeting id");
		return CONF_FAILED;
	}
	if (limit == 0 || limit > BBBXML_MAX_RECORDINGS)
		limit = BBBXML_MAX_RECORDINGS;
	if (offset > 1000000000)
		offset = 1000000000;
	buf_init(&b);
	bbb_param(&b, "meetingID", meeting_id);
	bbb_param(&b, "state", "processing,processed,published,unpublished");
	bbb_param_num(&b, "offset", (long long)offset);
	bbb_param_num(&b, "limit", (long long)limit);
	q = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	rc = bbb_call(cfg, a, "getRecordings", q, NULL, &r, err);
	if (rc != CONF_OK)
		return rc;
	if (list != NULL)
		*list = r.recordings;
	if (n != NULL)
		*n = r.nrecordings;
	return CONF_OK;
}

/* publishRecordings of one recording, publish=true|false. */
static enum conf_rc
bbb_publish(const struct config *cfg, struct arena *a, const char *record_id,
    int publish, char **err)
{
	struct bbb_resp	 r;
	struct buf	 b;
	char		*q;

	if (!one_id(record_id)) {
		set_err(a, err, "bbb publishRecordings: not one recording id");
		return CONF_FAILED;
	}
	buf_init(&b);
	bbb_param(&b, "recordID", record_id);
	bbb_param_bool(&b, "publish", publish);
	q = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return bbb_call(cfg, a, "publishRecordings", q, NULL, &r, err);
}

/* deleteRecordings of one recording. */
static enum conf_rc
bbb_delete(const struct config *cfg, struct arena *a, const char *record_id,
    char **err)
{
	struct bbb_resp	 r;

	if (!one_id(record_id)) {
		set_err(a, err, "bbb deleteRecordings: not one recording id");
		return CONF_FAILED;
	}
	return bbb_call(cfg, a, "deleteRecordings",
	    one_param(a, "recordID", record_id), NULL, &r, err);
}

/* A string member of object o, or NULL. */
static char *
member(const struct json *o, const char *key)
{
	return (char *)json_str(json_get(o, key));
}

/*
 * getRecordingTextTracks of one recording: a JSON answer, unlike the
 * other calls.  noRecordings is CONF_NOT_FOUND; tracks without an
 * address are left out.
 */
static enum conf_rc
bbb_text_tracks(const struct config *cfg, struct arena *a,
    const char *record_id, struct conf_track **list, size_t *n, char **err)
{
	static const char	 call[] = "getRecordingTextTracks";
	const struct json	*resp, *t;
	struct json		*root;
	struct sink		 s;
	const char		*rc, *key;
	enum conf_rc		 ret;

	*list = NULL;
	*n = 0;
	timed_out = 0;
	if (!one_id(record_id)) {
		set_err(a, err, "bbb %s: not one recording id", call);
		return CONF_FAILED;
	}
	if (!bbb_configured(cfg, a, call, err))
		return CONF_UNAVAILABLE;
	s.max = BBBXML_MAX_INPUT;
	s.want = "JSON";
	if ((ret = bbb_fetch(cfg, a, call, bbb_url(cfg, a, call,
	    one_param(a, "recordID", record_id)), NULL, &s, err)) != CONF_OK)
		goto out;
	ret = CONF_UNAVAILABLE;
	if (json_parse(a, s.b.data, s.b.len, NULL, &root) != JSON_OK ||
	    (resp = json_get(root, "response")) == NULL ||
	    (rc = member(resp, "returncode")) == NULL) {
		set_err(a, err, "bbb %s: not the API's JSON answer", call);
		goto out;
	}
	if (strcmp(rc, "SUCCESS") != 0) {
		key = member(resp, "messageKey");
		set_err(a, err, "bbb %s: FAILED %s", call,
		    key != NULL ? key : "");
		ret = key != NULL && strcmp(key, "noRecordings") == 0 ?
		    CONF_NOT_FOUND : CONF_FAILED;
		goto out;
	}
	t = json_get(resp, "tracks");
	if (t == NULL || t->type != JSON_ARRAY) {
		set_err(a, err, "bbb %s: the answer has no tracks", call);
		goto out;
	}
	*list = arena_alloc(a, (t->n + 1) * sizeof(**list));
	for (t = t->child; t != NULL; t = t->next) {
		if (member(t, "href") == NULL)
			continue;
		(*list)[*n].href = member(t, "href");
		(*list)[*n].kind = member(t, "kind");
		(*list)[*n].label = member(t, "label");
		(*list)[*n].lang = member(t, "lang");
		(*list)[*n].source = member(t, "source");
		(*n)++;
	}
	ret = CONF_OK;
out:
	buf_free(&s.b);
	return ret;
}

/*
 * The file of one caption track, at most max bytes.  A 4xx answer (the
 * file is gone, or never was) is CONF_FAILED: asking again won't help.
 */
static enum conf_rc
bbb_track_file(const struct config *cfg, struct arena *a, const char *href,
    size_t max, char **data, size_t *len, char **err)
{
	struct sink	 s;
	enum conf_rc	 ret;

	*data = NULL;
	*len = 0;
	s.max = max;
	s.want = "WebVTT";
	if ((ret = bbb_fetch(cfg, a, "track", href, NULL, &s, err)) ==
	    CONF_OK) {
		*data = arena_strndup(a, s.b.len > 0 ? s.b.data : "",
		    s.b.len);
		*len = s.b.len;
	} else if (s.status >= 400 && s.status <= 499)
		ret = CONF_FAILED;
	buf_free(&s.b);
	return ret;
}

const struct conf_provider conf_bbb = {
	.name = "bbb",
	.create = bbb_create,
	.join = bbb_join,
	.end = bbb_end,
	.is_running = bbb_is_running,
	.info = bbb_info,
	.recordings = bbb_recordings,
	.publish = bbb_publish,
	.delete_recording = bbb_delete,
	.text_tracks = bbb_text_tracks,
	.track_file = bbb_track_file,
	.timed_out = bbb_timed_out,
};
