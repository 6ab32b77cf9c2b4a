/*
 * page-callback.c: the addresses BigBlueButton calls back.  Nobody is
 * signed in here: the end callback carries our own HMAC token for the
 * meeting (BigBlueButton signs nothing on it), the recording-ready
 * callback a JWT (HS256) and the analytics callback a bearer JWT
 * (HS512), both signed with the shared secret.  A request that does
 * not prove itself changes nothing and gets 401; one about a session we
 * never had, or deleted, gets 410 so that the server stops retrying.
 * Answers are short plain text: the caller is a program.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "classroom/classroom.h"
#include "conference/conference.h"
#include "core/config.h"
#include "lib/crypto.h"
#include "lib/escape.h"
#include "lib/json.h"
#include "core/layout.h"
#include "core/out.h"
#include "core/req.h"
#include "lib/clock.h"
#include "lib/crypto.h"
#include "lib/json.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "lib/valid.h"

#define MAX_ATTENDEES	10000	/* in one analytics report */
#define CLOCK_SKEW	60	/* seconds a token's exp may lag our clock */
#define COUNT_MAX	4294967295.0	/* INT UNSIGNED columns */

/* 1 when c is a live (not deleted) BigBlueButton session.  Pure. */
static int
callable(const struct classroom *c)
{
	return c != NULL && !c->deleted && strcmp(c->provider, "bbb") == 0;
}

/*
 * GET /callbacks/bbb/end?token=T&meetingID=M[&recordingmarks=true]:
 * BigBlueButton ended the meeting (everyone left, or a moderator ended
 * it inside the client).  The session ends here too, once.
 * 200 "ok" (also when it had ended already), 400 without meetingID,
 * 401 bad token, 404 unknown meeting, 500/503 database.
 */
int
page_callback_end(struct req *r)
{
	const char		*mid = P_str(r, "meetingID");
	const char		*marks = P_str(r, "recordingmarks");
	struct classroom	*c;
	int			 changed;

	if (mid == NULL || !conf_token_ok(r->cfg, "end", mid,
	    P_str(r, "token")))
		return send_text(r, 401, "bad token");
	if (db_classroom_by_meeting(r->db, r->a, mid, &c) != DB_OK)
		return send_db_error(r);
	if (c == NULL)
		return send_text(r, 404, "unknown meeting");
	if (db_classroom_end(r->db, c->id, 0, "provider", marks != NULL &&
	    strcmp(marks, "true") == 0 ? "by the provider; recording "
	    "processing" : "by the provider", &changed) != DB_OK)
		return send_db_error(r);
	return send_text(r, 200, "ok");
}

/*
 * Verify a JWT signed with the shared secret and parse its claims.
 * Returns the claims object, or NULL when the token is missing, badly
 * signed, names another algorithm, has no JSON object for claims, or
 * has expired (exp, when present).  Allocates in the request's arena.
 */
static const struct json *
verified_claims(struct req *r, enum jwt_alg alg, const char *token)
{
	const char	*secret = r->cfg->bbb_secret;
	struct json	*claims;
	char		*payload;
	double		 exp;

	if (token == NULL || *secret == '\0' ||
	    !jwt_verify(r->a, alg, secret, strlen(secret), token, &payload))
		return NULL;
	if (json_parse(r->a, payload, strlen(payload), NULL, &claims) !=
	    JSON_OK || claims->type != JSON_OBJECT)
		return NULL;
	if (json_get(claims, "exp") != NULL &&
	    (!json_num(json_get(claims, "exp"), &exp) ||
	    exp + CLOCK_SKEW < (double)time(NULL)))
		return NULL;
	return claims;
}

/* 1 when s looks like a BigBlueButton record id.  Pure. */
static int
record_id_ok(const char *s)
{
	size_t	 n = strlen(s);

	return n > 0 && n <= 100 && strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.") == n;
}

/*
 * POST /callbacks/bbb/recording-ready, form field signed_parameters: a
 * JWT (HS256, the shared secret) with claims meeting_id and record_id.
 * The recording is noted as published; its playback address comes
 * later from getRecordings.
 * 200 "ok", 400 a record id we cannot store, 401 bad signature or
 * missing claims, 409 record id of another session, 410 unknown or
 * deleted session, 500/503 database.
 */
int
page_callback_recording(struct req *r)
{
	const struct json	*claims;
	const char		*mid, *rid;
	struct classroom	*c;
	enum cb_recording	 how;

	claims = verified_claims(r, JWT_HS256, P_str(r, "signed_parameters"));
	mid = json_str(json_get(claims, "meeting_id"));
	rid = json_str(json_get(claims, "record_id"));
	if (claims == NULL || mid == NULL || *mid == '\0' || rid == NULL ||
	    *rid == '\0')
		return send_text(r, 401, "bad signature");
	if (!record_id_ok(rid))
		return send_text(r, 400, "bad record_id");
	if (db_classroom_by_meeting(r->db, r->a, mid, &c) != DB_OK)
		return send_db_error(r);
	if (!callable(c))
		return send_text(r, 410, "gone");
	if (db_callback_recording(r->db, c->id, rid, &how) != DB_OK)
		return send_db_error(r);
	if (how == CB_REC_OTHER) {
		fprintf(stderr, "lectern: recording %s is not of meeting %s\n",
		    rid, mid);
		return send_text(r, 409, "record_id of another meeting");
	}
	return send_text(r, 200, "ok");
}

/*
 * An instant of the analytics report as a DATETIME (UTC) text: ISO 8601
 * ("2024-05-09T13:35:28.123Z", "+02:00" or "+0200" offsets, a space for
 * the T, " UTC") or a number of milliseconds (or seconds) since the
 * epoch.  Returns 1, or 0 for anything else.  No allocation.
 */
static int
instant(const struct json *v, char out[DBTIME_LEN])
{
	const char	*s;
	struct tm	 tm, chk;
	time_t		 t;
	double		 d;
	int		 n = 0, oh, om, sign;

	if (json_num(v, &d)) {
		if (!isfinite(d) || d < 0 || d > 7258118400000.0)
			return 0;
		t = (time_t)(d > 1e11 ? d / 1000 : d);
		dbtime_format(t, out);
		return 1;
	}
	if ((s = json_str(v)) == NULL)
		return 0;
	memset(&tm, 0, sizeof(tm));
	if (sscanf(s, "%4d-%2d-%2d%*1[T ]%2d:%2d:%2d%n", &tm.tm_year,
	    &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec,
	    &n) != 6 || n != 19)
		return 0;
	s += n;
	if (*s == '.')
		for (s++; *s >= '0' && *s <= '9'; s++)
			;
	if (*s == ' ')
		s++;
	oh = om = 0;
	if (*s == 'Z' || strcmp(s, "UTC") == 0)
		s += *s == 'Z' ? 1 : 3;
	else if (*s == '+' || *s == '-') {
		sign = *s == '-' ? -1 : 1;
		if (sscanf(s + 1, "%2d%n", &oh, &n) != 1 || n != 2)
			return 0;
		s += 3;
		if (*s == ':')
			s++;
		if (sscanf(s, "%2d%n", &om, &n) != 1 || n != 2)
			return 0;
		s += 2;
		if (oh > 14 || om > 59)
			return 0;
		oh *= sign;
		om *= sign;
	}
	if (*s != '\0' || tm.tm_year < 1970 || tm.tm_year > 2200)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	chk = tm;
	if ((t = timegm(&tm)) == (time_t)-1)
		return 0;
	/* timegm normalises 02-30 to 03-02: refuse what changed. */
	if (tm.tm_mday != chk.tm_mday || tm.tm_mon != chk.tm_mon ||
	    tm.tm_hour != chk.tm_hour || tm.tm_min != chk.tm_min ||
	    tm.tm_sec != chk.tm_sec)
		return 0;
	dbtime_format(t - (time_t)(oh * 3600 + om * 60), out);
	return 1;
}

/*
 * A count: absent is 0; a number >= 0 (a fraction is dropped) up to
 * the columns' maximum.  Returns 1, or 0 for a wrong type or a
 * negative number.  No allocation.
 */
static int
count(const struct json *v, long long *out)
{
	double	 d;

	*out = 0;
	if (v == NULL || v->type == JSON_NULL)
		return 1;
	if (!json_num(v, &d) || !isfinite(d) || d < 0)
		return 0;
	*out = d > COUNT_MAX ? (long long)COUNT_MAX : (long long)d;
	return 1;
}

/* The earlier (first) or later of two DATETIME texts into a. */
static void
widen(char a[DBTIME_LEN], const char *b, int later)
{
	if (*b == '\0')
		return;
	if (*a == '\0' || (later ? strcmp(b, a) > 0 : strcmp(b, a) < 0))
		memcpy(a, b, DBTIME_LEN);
}

/*
 * Read one attendee into p.  Returns 1 when it is valid (with
 * p->user_id 0 for a guest we do not know), 0 when it is malformed.
 * No allocation.
 */
static int
attendee(const struct json *a, struct cb_participant *p)
{
	const struct json	*v, *e, *t;
	const char		*uid;
	char			 when[DBTIME_LEN];
	long long		 n;
	double			 secs = 0;
	int64_t			 id;

	memset(p, 0, sizeof(*p));
	if (a->type != JSON_OBJECT)
		return 0;
	v = json_get(a, "ext_user_id");
	if ((uid = json_str(v)) != NULL) {
		if (valid_id(uid, &id))
			p->user_id = id;
	} else if (json_int(v, 1, INT64_MAX, &n))
		p->user_id = n;
	else if (v != NULL && v->type != JSON_NULL)
		return 0;
	if ((v = json_get(a, "moderator")) != NULL &&
	    !json_bool(v, &p->moderator))
		return 0;
	if ((v = json_get(a, "joins")) != NULL) {
		if (v->type != JSON_ARRAY)
			return 0;
		for (t = v->child; t != NULL; t = t->next) {
			if (!instant(t, when))
				return 0;
			widen(p->first_join, when, 0);
			widen(p->last_join, when, 1);
		}
		p->joins = (long long)v->n;
	}
	if ((v = json_get(a, "leaves")) != NULL) {
		if (v->type != JSON_ARRAY)
			return 0;
		for (t = v->child; t != NULL; t = t->next) {
			if (!instant(t, when))
				return 0;
			widen(p->last_leave, when, 1);
		}
	}
	if ((v = json_get(a, "duration")) != NULL &&
	    (!json_num(v, &secs) || !isfinite(secs) || secs < 0))
		return 0;
	p->minutes = (long long)((secs < COUNT_MAX ? secs : COUNT_MAX) /
	    60.0 + 0.5);
	e = json_get(a, "engagement");
	if (e != NULL && e->type != JSON_OBJECT)
		return 0;
	/* Both spellings of poll votes have been seen in the wild. */
	v = json_get(e, "poll_votes");
	if (v == NULL)
		v = json_get(e, "pollvotes");
	return count(json_get(e, "chats"), &p->chats) &&
	    count(json_get(e, "talks"), &p->talks) &&
	    count(json_get(e, "talk_time"), &p->talk_seconds) &&
	    count(json_get(e, "raisehand"), &p->raise_hands) &&
	    count(v, &p->poll_votes) &&
	    count(json_get(e, "emojis"), &p->emojis);
}

/* Add q to the row of the same user in p[0..*n), or append it. */
static void
merge(struct cb_participant *p, size_t *n, const struct cb_participant *q)
{
	struct cb_participant	*x;
	size_t			 i;

	for (i = 0; i < *n; i++)
		if (p[i].user_id == q->user_id)
			break;
	if (i == *n) {
		p[(*n)++] = *q;
		return;
	}
	/* One person who joined twice may be listed twice: add up. */
	x = &p[i];
	x->moderator |= q->moderator;
	x->joins += q->joins;
	widen(x->first_join, q->first_join, 0);
	widen(x->last_join, q->last_join, 1);
	widen(x->last_leave, q->last_leave, 1);
	x->minutes += q->minutes;
	x->chats += q->chats;
	x->talks += q->talks;
	x->talk_seconds += q->talk_seconds;
	x->raise_hands += q->raise_hands;
	x->poll_votes += q->poll_votes;
	x->emojis += q->emojis;
}

/*
 * A copy of text s of at most max characters, each control character a
 * space (the columns hold one line).  Allocates in a.
 */
static char *
clip(struct arena *a, const char *s, size_t max)
{
	char	*t, *p;

	t = arena_strndup(a, s, utf8_prefix(s, max));
	for (p = t; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return t;
}

/*
 * Count one answer a voter gave to poll p: an option of the same label,
 * else a new option while fewer than CB_POLL_OPTIONS_MAX exist, else
 * the last one, which becomes "Other answers".  Returns 1, or 0 when
 * the answer is not a string.
 */
static int
count_answer(struct arena *a, struct cb_poll *p, const struct json *v)
{
	const char	*s;
	char		*label;
	size_t		 i;

	if ((s = json_str(v)) == NULL)
		return 0;
	label = clip(a, s, 200);
	for (i = 0; i < p->noptions; i++)
		if (strcmp(p->options[i].label, label) == 0)
			break;
	if (i == p->noptions && p->noptions < CB_POLL_OPTIONS_MAX) {
		p->options[i].label = label;
		p->options[i].votes = 0;
		p->noptions++;
	} else if (i == p->noptions) {
		i = p->noptions - 1;
		p->options[i].label = "Other answers";
	}
	p->options[i].votes++;
	return 1;
}

/*
 * Read one poll of the report (bbb-events' Poll: id, type, question,
 * start, published, options, votes by voter) into p; finish is the
 * meeting's end (or "") and closes it.  Returns 1, or 0 when it is
 * malformed: no id, a field of the wrong type, too many options, an
 * answer that is not text.  Allocates in a.
 */
static int
room_poll(struct arena *a, const struct json *j, const char *finish,
    struct cb_poll *p)
{
	const struct json	*v, *o, *e;
	const char		*id;
	size_t			 n;

	memset(p, 0, sizeof(*p));
	if (j->type != JSON_OBJECT)
		return 0;
	id = json_str(json_get(j, "id"));
	if (id == NULL || *id == '\0' || strlen(id) > 100)
		return 0;
	p->id = id;
	v = json_get(j, "question");
	if (v != NULL && v->type != JSON_NULL && json_str(v) == NULL)
		return 0;
	p->question = clip(a, json_str(v) != NULL ? json_str(v) : "", 300);
	if ((v = json_get(j, "published")) != NULL &&
	    !json_bool(v, &p->published))
		return 0;
	if ((v = json_get(j, "start")) != NULL) {
		if (!instant(v, p->started))
			return 0;
	} else if (*finish != '\0')
		memcpy(p->started, finish, DBTIME_LEN);
	else
		dbtime_format(time(NULL), p->started);
	memcpy(p->closed, *finish != '\0' ? finish : p->started, DBTIME_LEN);
	o = json_get(j, "options");
	if (o != NULL && o->type != JSON_ARRAY && o->type != JSON_NULL)
		return 0;
	n = o != NULL && o->type == JSON_ARRAY ? o->n : 0;
	if (n > CB_POLL_OPTIONS_MAX)
		return 0;
	p->options = arena_alloc(a, CB_POLL_OPTIONS_MAX *
	    sizeof(*p->options));
	for (e = n > 0 ? o->child : NULL; e != NULL; e = e->next) {
		if (json_str(e) == NULL)
			return 0;
		p->options[p->noptions].label = clip(a, json_str(e), 200);
		p->options[p->noptions].votes = 0;
		p->noptions++;
	}
	/* Each voter's answer, or answers where several were allowed. */
	v = json_get(j, "votes");
	if (v != NULL && v->type != JSON_OBJECT && v->type != JSON_NULL)
		return 0;
	for (e = v != NULL ? v->child : NULL; e != NULL; e = e->next) {
		if (e->type == JSON_ARRAY) {
			for (o = e->child; o != NULL; o = o->next)
				if (!count_answer(a, p, o))
					return 0;
		} else if (!count_answer(a, p, e))
			return 0;
	}
	return 1;
}

/*
 * The polls of the report's data into *out (*n of them).  Returns
 * NULL, or what is wrong with them.  Allocates in r's arena.
 */
static const char *
report_polls(struct req *r, const struct json *data, struct cb_poll **out,
    size_t *n)
{
	const struct json	*polls, *j;
	char			 finish[DBTIME_LEN];
	size_t			 i;

	*out = NULL;
	*n = 0;
	polls = json_get(data, "polls");
	if (polls == NULL || polls->type == JSON_NULL)
		return NULL;
	if (polls->type != JSON_ARRAY)
		return "malformed polls";
	if (polls->n > CB_POLLS_MAX)
		return "too many polls";
	finish[0] = '\0';
	if (json_get(data, "finish") != NULL &&
	    !instant(json_get(data, "finish"), finish))
		finish[0] = '\0';
	*out = arena_alloc(r->a, (polls->n + 1) * sizeof(**out));
	for (j = polls->child; j != NULL; j = j->next) {
		if (!room_poll(r->a, j, finish, &(*out)[*n]))
			return "malformed poll";
		/* The same poll twice: the first one counts. */
		for (i = 0; i < *n; i++)
			if (strcmp((*out)[i].id, (*out)[*n].id) == 0)
				break;
		if (i == *n)
			(*n)++;
	}
	return NULL;
}

/*
 * POST /callbacks/bbb/analytics with a JSON body and "Authorization:
 * Bearer <JWT>" (HS512, the shared secret): the learning-analytics
 * report at the end of a meeting.  Each attendee whose ext_user_id is
 * one of our users becomes (or updates) a participant row with joins,
 * first join, last leave, minutes and engagement counts; each poll run
 * in the conferencing room (data.polls) joins the session's polls with
 * its answers and votes; all in one transaction, so a malformed
 * attendee or poll changes nothing.
 * 200 "ok", 400 malformed JSON or fields, 401 bad or missing bearer
 * token, 410 unknown or deleted session, 500/503 database.
 */
int
page_callback_analytics(struct req *r)
{
	const char		*auth = req_env(r, "HTTP_AUTHORIZATION");
	const char		*mid;
	struct json_limits	 lim;
	struct json		*root;
	const struct json	*att, *a;
	struct cb_participant	*rows, one;
	struct cb_poll		*polls;
	struct classroom	*c;
	const char		*bad;
	size_t			 n = 0, npolls, stored, stored_polls;

	if (auth == NULL || strncasecmp(auth, "Bearer ", 7) != 0)
		return send_text(r, 401, "bearer token required");
	for (auth += 7; *auth == ' '; auth++)
		;
	if (verified_claims(r, JWT_HS512, auth) == NULL)
		return send_text(r, 401, "bad bearer token");

	memset(&lim, 0, sizeof(lim));
	lim.max_size = r->cfg->body_limit;
	lim.max_depth = 16;
	lim.max_nodes = 200000;
	if (r->body == NULL || json_parse(r->a, r->body, r->body_len, &lim,
	    &root) != JSON_OK || root->type != JSON_OBJECT)
		return send_text(r, 400, "malformed JSON");
	mid = json_str(json_get(root, "meeting_id"));
	att = json_get(json_get(root, "data"), "attendees");
	if (mid == NULL || *mid == '\0' || att == NULL ||
	    att->type != JSON_ARRAY)
		return send_text(r, 400, "meeting_id and data.attendees "
		    "required");
	if (att->n > MAX_ATTENDEES)
		return send_text(r, 400, "too many attendees");

	rows = arena_alloc(r->a, sizeof(*rows) * (att->n + 1));
	for (a = att->child; a != NULL; a = a->next) {
		if (!attendee(a, &one))
			return send_text(r, 400, "malformed attendee");
		if (one.user_id != 0)
			merge(rows, &n, &one);
	}
	if ((bad = report_polls(r, json_get(root, "data"), &polls,
	    &npolls)) != NULL)
		return send_text(r, 400, bad);
	if (db_classroom_by_meeting(r->db, r->a, mid, &c) != DB_OK)
		return send_db_error(r);
	if (!callable(c))
		return send_text(r, 410, "gone");
	if (db_callback_report(r->db, c->id, rows, n, polls, npolls, &stored,
	    &stored_polls) != DB_OK)
		return send_db_error(r);
	return send_text(r, 200, "ok");
}
