/*
 * bbbapi.c: BigBlueButton query strings, checksums, the create and
 * join parameter sets and the slides XML body.  Pure functions over
 * arenas and buffers; the network half is conf-bbb.c.
 *
 * Why this encoding: bbb-web hashes the query string it received, but
 * some releases first split it into pairs and put it back together with
 * Apache HttpClient's URLEncodedUtils.format (form encoding: letters,
 * digits and - _ . * kept, space as '+', the rest %XX).  A query that is
 * already in that form comes out unchanged, so the checksum we compute
 * over the bytes we send matches on every release.  RFC 3986's '~' is
 * therefore sent as %7E, and a space as '+' (as in the API docs' own
 * checksum example, "name=Test+Meeting").
 */
#include <stdio.h>
#include <string.h>

#include "conference/bbbapi.h"
#include "conference/conference.h"
#include "lib/crypto.h"
#include "lib/utf8.h"
#include "lib/util.h"

/*
 * Meeting names longer than this are refused by some bbb-web releases
 * (2 to 64 characters in 2.4, 2 to 256 later): cut, not refused here.
 */
#define BBB_NAME_MAX	64

int
bbb_call_timeout(const char *call, int ceiling)
{
	static const struct {
		const char	*call;
		int		 seconds;
	} clicks[] = {
		/* create carries the slides in its body: a little longer. */
		{ "create", 5 },
		{ "join", 4 },
		{ "end", 4 },
		{ "publishRecordings", 5 },
		{ "deleteRecordings", 5 },
		{ "isMeetingRunning", 4 },
		{ "getMeetingInfo", 4 },
	};
	size_t	 i;
	int	 t = ceiling;

	for (i = 0; call != NULL && i < sizeof(clicks) / sizeof(clicks[0]);
	    i++)
		if (strcmp(call, clicks[i].call) == 0) {
			t = clicks[i].seconds;
			break;
		}
	if (t > ceiling)
		t = ceiling;
	return t < 1 ? 1 : t;
}

/* The checksum algorithm named in bbb_checksum. */
enum bbb_alg
bbb_alg_named(const char *s)
{
	return s != NULL && strcmp(s, "sha512") == 0 ? BBB_SHA512 : BBB_SHA256;
}

/* 1 when c goes into the query as itself.  Pure. */
static int
form_safe(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
	    c == '*';
}

/* Append s in the form encoding described at the top. */
void
bbb_encode(struct buf *b, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	char			 pct[3];

	if (s == NULL)
		return;
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (form_safe(*p))
			buf_putc(b, (char)*p);
		else if (*p == ' ')
			buf_putc(b, '+');
		else {
			pct[0] = '%';
			pct[1] = hex[*p >> 4];
			pct[2] = hex[*p & 0x0f];
			buf_append(b, pct, 3);
		}
	}
}

/* Append name=value, joined with '&'. */
void
bbb_param(struct buf *b, const char *name, const char *value)
{
	if (b->len > 0)
		buf_putc(b, '&');
	bbb_encode(b, name);
	buf_putc(b, '=');
	bbb_encode(b, value);
}

/* Append name=true or name=false. */
void
bbb_param_bool(struct buf *b, const char *name, int v)
{
	bbb_param(b, name, v ? "true" : "false");
}

/* Append name=<decimal v>. */
void
bbb_param_num(struct buf *b, const char *name, long long v)
{
	char	 num[24];

	snprintf(num, sizeof(num), "%lld", v);
	bbb_param(b, name, num);
}

/* hex(H(call + query + secret)) into out; no allocation kept. */
void
bbb_checksum(enum bbb_alg alg, const char *call, const char *query,
    const char *secret, char out[129])
{
	struct buf	 b;

	buf_init(&b);
	buf_puts(&b, call);
	buf_puts(&b, query);
	buf_puts(&b, secret);
	if (alg == BBB_SHA512)
		sha512_hex(b.data, b.len, out);
	else
		sha256_hex(b.data, b.len, out);
	/* The secret was in there: do not leave it in freed memory. */
	memset(b.data, 0, b.len);
	buf_free(&b);
}

/* The full signed address of one call.  Arena string. */
char *
bbb_signed_url(struct arena *a, const char *base, const char *call,
    const char *query, enum bbb_alg alg, const char *secret)
{
	char	 sum[129];

	bbb_checksum(alg, call, query, secret, sum);
	return arena_printf(a, "%sapi/%s?%s%schecksum=%s", base, call, query,
	    *query != '\0' ? "&" : "", sum);
}

/*
 * s cut to at most max characters (code points; a byte that is not
 * UTF-8 counts as one).  s itself when it is short enough, else an
 * arena copy.
 */
static const char *
cut_chars(struct arena *a, const char *s, size_t max)
{
	size_t	 i = 0, n, k;

	for (n = 0; s[i] != '\0'; n++) {
		if (n == max)
			return arena_strndup(a, s, i);
		k = utf8_seq(s + i);
		i += k > 0 ? k : 1;
	}
	return s;
}

/*
 * The create query: name, meetingID, welcome, the recording and lock
 * options, logoutURL, the meta_ tags and the three callbacks, in that
 * order.  Arena string.
 */
char *
bbb_create_query(struct arena *a, const struct conf_meeting *m)
{
	struct buf	 b;
	char		*s, *name;
	size_t		 i;

	buf_init(&b);
	if (m->name != NULL)
		bbb_param(&b, "name", cut_chars(a, m->name, BBB_NAME_MAX));
	if (m->meeting_id != NULL)
		bbb_param(&b, "meetingID", m->meeting_id);
	if (m->welcome != NULL)
		bbb_param(&b, "welcome", m->welcome);
	/*
	 * record alone only shows a Record button; a recording exists only
	 * if someone presses it.  "Record this session" means both.
	 */
	bbb_param_bool(&b, "record", m->record);
	bbb_param_bool(&b, "autoStartRecording", m->record);
	bbb_param_bool(&b, "lockSettingsDisableCam", !m->allow_camera);
	bbb_param_bool(&b, "lockSettingsDisableMic", !m->allow_mic);
	bbb_param_bool(&b, "muteOnStart", m->mute_on_join);
	if (m->logout_url != NULL)
		bbb_param(&b, "logoutURL", m->logout_url);
	for (i = 0; i < m->nmeta; i++) {
		if (m->meta_names[i] == NULL || m->meta_values[i] == NULL)
			continue;
		name = arena_printf(a, "meta_%s", m->meta_names[i]);
		bbb_param(&b, name, m->meta_values[i]);
	}
	if (m->end_callback_url != NULL)
		bbb_param(&b, "meta_endCallbackUrl", m->end_callback_url);
	if (m->recording_ready_url != NULL)
		bbb_param(&b, "meta_bbb-recording-ready-url",
		    m->recording_ready_url);
	/*
	 * The server keeps a meeting's events, and so sends the analytics
	 * report, only when recording or when asked to keep them.
	 */
	if (m->analytics_url != NULL) {
		bbb_param_bool(&b, "meetingKeepEvents", 1);
		bbb_param(&b, "meta_analytics-callback-url", m->analytics_url);
	}
	s = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return s;
}

/* Append s escaped as an XML attribute value. */
void
bbb_xml_attr(struct buf *b, const char *s)
{
	unsigned char	 c;
	size_t		 n;

	if (s == NULL)
		return;
	while (*s != '\0') {
		c = (unsigned char)*s;
		switch (c) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		case '\'':
			buf_puts(b, "&apos;");
			break;
		case '\t':
			buf_puts(b, "&#9;");
			break;
		case '\n':
			buf_puts(b, "&#10;");
			break;
		case '\r':
			buf_puts(b, "&#13;");
			break;
		default:
			if (c < 0x20)
				break;
			if ((n = utf8_seq(s)) == 0) {
				buf_puts(b, "\xef\xbf\xbd");
				break;
			}
			buf_append(b, s, n);
			s += n;
			continue;
		}
		s++;
	}
}

/* The <modules> body of a create with slides, or NULL. */
char *
bbb_slides_xml(struct arena *a, const struct conf_meeting *m)
{
	struct buf	 b;
	char		*s;
	size_t		 i;

	if (m->nslides == 0)
		return NULL;
	buf_init(&b);
	buf_puts(&b, "<modules><module name=\"presentation\">");
	for (i = 0; i < m->nslides; i++) {
		if (m->slide_urls[i] == NULL)
			continue;
		buf_puts(&b, "<document url=\"");
		bbb_xml_attr(&b, m->slide_urls[i]);
		buf_putc(&b, '"');
		if (m->slide_names != NULL && m->slide_names[i] != NULL) {
			buf_puts(&b, " filename=\"");
			bbb_xml_attr(&b, m->slide_names[i]);
			buf_putc(&b, '"');
		}
		buf_puts(&b, "/>");
	}
	buf_puts(&b, "</module></modules>");
	s = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return s;
}

/*
 * The join query: fullName, meetingID, role, userID, avatarURL (when
 * given), createTime (when known) and redirect=false: Lectern makes
 * the call itself and sends the user to the session-token address the
 * server answers with.  Arena string.
 */
char *
bbb_join_query(struct arena *a, const char *meeting_id, long long create_time,
    const struct conf_user *u)
{
	struct buf	 b;
	char		*s;

	buf_init(&b);
	bbb_param(&b, "fullName", u->full_name != NULL ? u->full_name : "");
	bbb_param(&b, "meetingID", meeting_id);
	bbb_param(&b, "role", u->moderator ? "MODERATOR" : "VIEWER");
	if (u->user_id != NULL)
		bbb_param(&b, "userID", u->user_id);
	if (u->avatar_url != NULL && *u->avatar_url != '\0')
		bbb_param(&b, "avatarURL", u->avatar_url);
	/* Old links cannot open a later meeting with the same id. */
	if (create_time > 0)
		bbb_param_num(&b, "createTime", create_time);
	bbb_param(&b, "redirect", "false");
	s = arena_strndup(a, b.data, b.len);
	buf_free(&b);
	return s;
}
