/*
 * page-room.c: the room page, Lectern's side beside the conferencing
 * provider.  It shows the session, the "Join Session" button (the join
 * itself is classroom.c's), and keeps what the provider does not
 * keep for us: the chat, polls and presentation slides, the moderator
 * decisions (promote, remove, locks for the next joins) and the Jitsi
 * presence beacons.  Everything works with plain forms; static/room.js
 * only refreshes the chat and the polls in place.
 *
 * Every handler first loads the session and the viewer's access to it
 * (db_classroom_access): unknown or deleted sessions are 404, anyone
 * without a part in it 403.  Moderator actions also need CR_MODERATOR.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "classroom/classroom.h"
#include "conference/conference.h"
#include "core/auth.h"
#include "core/config.h"
#include "core/db.h"
#include "core/handler.h"
#include "lib/escape.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/routes.h"
#include "core/tpl.h"
#include "lib/clock.h"
#include "lib/crypto.h"
#include "lib/escape.h"
#include "lib/parse.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "lib/valid.h"
#include "people/people.h"

/* What a failed action shows on the re-rendered room page. */
struct room_form {
	int		 status;
	const char	*notice;	/* over the whole page */
	const char	*chat_error;
	const char	*chat_value;
	const char	*question_error;
	const char	*options_error;
	const char	*question_value;
	const char	*const *option_values;
	size_t		 noption_values;
	const char	*vote_error;
	const char	*slide_error;
	const char	*mod_error;
};

/* The session a request is about and the viewer's part in it. */
struct room {
	struct classroom	*c;
	struct classroom_access	 acc;
	int			 active;
	int			 moderator;
};

/* ------------------------------------------------------------------ */
/* Small helpers                                                       */

/* The largest slide file this installation takes. */
static size_t
slide_limit(const struct req *r)
{
	return r->cfg->upload_limit < (size_t)ROOM_SLIDE_MAX ?
	    r->cfg->upload_limit : (size_t)ROOM_SLIDE_MAX;
}

/* "HH:MM" of UTC text in the viewer's zone; an arena string. */
static char *
clock_time(struct req *r, const char *utc)
{
	char	out[LOCALTEXT_LEN];

	if (utc == NULL || !local_text(utc, viewer_zone(r), out, NULL))
		return arena_strdup(r->a, utc ? utc : "");
	return arena_strdup(r->a, out + 11);
}

/* The room's address with an anchor; an arena string. */
static char *
room_url(struct req *r, const char *anchor)
{
	return arena_printf(r->a, "/platform/classroom/%lld%s%s",
	    (long long)r->ids[0], anchor ? "#" : "", anchor ? anchor : "");
}

/*
 * Load the session of r->ids[0] and the viewer's access into x.
 * Returns x when the viewer may go on, else NULL once answered: 404
 * (no such session), 403 (no part in it, or removed), 503.
 */
static struct room *
room_load(struct req *r, struct room *x)
{
	memset(x, 0, sizeof(*x));
	if ((x->c = classroom_load(r, &x->acc, "There is no classroom "
	    "session at this address.")) == NULL)
		return NULL;
	if (x->acc.role == CR_NONE) {
		send_error(r, 403, x->acc.removed ?
		    "You were removed from this session." :
		    "You are not a participant of this session.");
		return NULL;
	}
	x->active = x->c->status != NULL && strcmp(x->c->status, "active") == 0
	    && x->c->ended_at == NULL;
	x->moderator = x->acc.role == CR_MODERATOR;
	return x;
}

/* ------------------------------------------------------------------ */
/* Rendering                                                           */

/* The messages into d (section MSG). */
static void
fill_messages(struct req *r, struct tpl_dict *d, const struct room_msg *m,
    size_t n)
{
	struct tpl_dict	*e;
	size_t		 i;

	for (i = 0; i < n; i++) {
		e = tpl_section(d, "MSG");
		tpl_set_int(e, "MSG_ID", m[i].id);
		tpl_set(e, "AUTHOR", m[i].user_name);
		tpl_set(e, "WHEN", clock_time(r, m[i].posted_at));
		if (strlen(m[i].posted_at) == DBTIME_LEN - 1)
			tpl_set(e, "WHEN_ISO", arena_printf(r->a,
			    "%.10sT%sZ", m[i].posted_at, m[i].posted_at + 11));
		tpl_set(e, "BODY", m[i].body);
	}
}

/*
 * The polls into d (section POLL): everyone who has not answered an
 * open poll gets its form; moderators always see the counts, everyone
 * else once the poll is closed.
 */
static void
fill_polls(struct req *r, struct tpl_dict *d, const struct room *x,
    const struct room_poll *p, size_t n)
{
	struct tpl_dict	*e, *s, *o;
	size_t		 i, j;
	long long	 pct;

	tpl_set_int(d, "SESSION_ID", x->c->id);
	tpl_set(d, "CSRF", csrf_token(r));
	if (n == 0)
		tpl_show(d, "NO_POLLS");
	for (i = 0; i < n; i++) {
		e = tpl_section(d, "POLL");
		tpl_set_int(e, "POLL_ID", p[i].id);
		tpl_set(e, "QUESTION", p[i].question);
		tpl_show(e, p[i].closed ? "POLL_CLOSED" : "POLL_OPEN");
		if (!p[i].closed && p[i].my_vote == 0 && x->active) {
			s = tpl_section(e, "VOTE_FORM");
			for (j = 0; j < p[i].nopts; j++) {
				o = tpl_section(s, "CHOICE");
				tpl_set_int(o, "IDX", p[i].opts[j].idx);
				tpl_set(o, "LABEL", p[i].opts[j].label);
			}
		}
		if (p[i].my_vote != 0) {
			s = tpl_section(e, "THANKS");
			for (j = 0; j < p[i].nopts; j++)
				if (p[i].opts[j].idx == p[i].my_vote)
					tpl_set(tpl_section(s, "MY_ANSWER"),
					    "LABEL", p[i].opts[j].label);
		}
		if (!p[i].closed && !x->moderator)
			tpl_show(e, "WAIT_RESULTS");
		if (p[i].closed || x->moderator) {
			s = tpl_section(e, "RESULTS");
			for (j = 0; j < p[i].nopts; j++) {
				o = tpl_section(s, "RESULT");
				pct = p[i].total > 0 ? (p[i].opts[j].votes *
				    100 + p[i].total / 2) / p[i].total : 0;
				tpl_set_int(o, "IDX", p[i].opts[j].idx);
				tpl_set(o, "LABEL", p[i].opts[j].label);
				tpl_set_int(o, "VOTES", p[i].opts[j].votes);
				tpl_set_int(o, "PCT", pct);
			}
			tpl_set_int(s, "TOTAL", p[i].total);
			tpl_set(s, "TOTAL_WORD", p[i].total == 1 ? "vote" :
			    "votes");
		}
		if (!p[i].closed && x->moderator)
			tpl_show(e, "CLOSE_FORM");
	}
}

/* The state of one person in the participants list; an arena string. */
static char *
person_state(struct req *r, const struct room *x, const struct room_person *p)
{
	const char	*who, *where;

	if (p->site_admin)
		who = "Site administrator";
	else if (p->room_admin)
		who = x->c->channel_id ? "Channel admin" : "Teacher";
	else if (p->promoted)
		who = "Promoted to moderator";
	else
		who = "Participant";
	if (p->removed && !p->site_admin && !p->room_admin)
		return arena_printf(r->a, "Removed (was: %s)", who);
	if (p->present)
		where = "in the room now";
	else if (p->joins > 0)
		where = arena_printf(r->a, "joined %lld %s, %lld min",
		    p->joins, p->joins == 1 ? "time" : "times", p->minutes);
	else
		where = "not joined yet";
	return arena_printf(r->a, "%s · %s", who, where);
}

/*
 * 1 when the locks of c can no longer change: BigBlueButton takes them
 * at create, so once its meeting exists (the first join made it) they
 * are changed in the conferencing client only.  Pure.
 */
static int
locks_fixed(const struct classroom *c)
{
	return strcmp(c->provider, "bbb") == 0 && c->create_time != 0;
}

/* What the lock form does not offer once the locks are fixed. */
static const char locks_where[] = "To change them now, open the "
    "participants list's settings (the gear) inside the conferencing "
    "room and choose “Lock viewers”.";

/* The moderators' participants section.  Returns 1, or 0 on a database
 * failure. */
static int
fill_people(struct req *r, struct tpl_dict *d, const struct room *x,
    const struct room_form *f)
{
	struct room_person *p;
	struct tpl_dict	*m, *e;
	const struct pval *pv = P_declared(r, "after_id") ?
			    P(r, "after_id") : NULL;
	const char	*after_name = P_str_opt(r, "after_text");
	int64_t		 after_id = 0;
	size_t		 n, i, shown;
	int		 admin;

	if (r->method == M_GET && pv != NULL && pv->error == NULL)
		after_id = (int64_t)P_num(r, "after_id");
	if (r->method != M_GET)
		after_name = NULL;
	if (db_room_people(r->db, r->a, x->c, after_name, after_id, &p,
	    &n) != DB_OK)
		return 0;
	m = tpl_section(d, "MODERATION");
	tpl_set_int(m, "SESSION_ID", x->c->id);
	if (f != NULL && f->mod_error != NULL)
		form_error(m, "MOD_ERROR", f->mod_error);
	if (x->active && locks_fixed(x->c)) {
		e = tpl_section(m, "LOCKS_FIXED");
		tpl_set(e, "LOCKS_TEXT", arena_printf(r->a, "Cameras %s, "
		    "microphones %s: set when the conferencing room opened.",
		    x->c->lock_camera ? "locked" : "allowed",
		    x->c->lock_mic ? "locked" : "allowed"));
		tpl_set(e, "LOCKS_WHERE", locks_where);
	} else if (x->active) {
		e = tpl_section(m, "LOCK_FORM");
		if (x->c->lock_camera)
			tpl_show(e, "CAMERA_LOCKED");
		if (x->c->lock_mic)
			tpl_show(e, "MIC_LOCKED");
	}
	shown = n > ROOM_PEOPLE_PAGE ? ROOM_PEOPLE_PAGE : n;
	for (i = 0; i < shown; i++) {
		e = tpl_section(m, "PERSON");
		tpl_set_int(e, "USER_ID", p[i].user_id);
		tpl_set(e, "PERSON_NAME", p[i].name);
		classroom_face(r, e, p[i].user_id, p[i].name, p[i].avatar);
		tpl_set(e, "STATE", person_state(r, x, &p[i]));
		admin = p[i].site_admin || p[i].room_admin;
		if (!x->active || admin || p[i].removed)
			continue;
		if (!p[i].promoted)
			tpl_show(e, "PROMOTE");
		if (p[i].user_id != r->user->id)
			tpl_show(e, "REMOVE");
	}
	if (n > ROOM_PEOPLE_PAGE)
		tpl_set(tpl_section(m, "MORE_PEOPLE"), "NEXT_URL",
		    arena_printf(r->a, "/platform/classroom/%lld?after_text=%s"
		    "&after_id=%lld#moderation", (long long)x->c->id,
		    url_encode(r->a, p[shown - 1].name),
		    (long long)p[shown - 1].user_id));
	return 1;
}

/*
 * The room page with what f says went wrong (NULL: nothing).  A
 * constant number of statements however long the chat: one each for
 * the messages, the polls with their options and answers, the slides
 * and (moderators) a page of participants.  Returns the status sent.
 */
static int
room_page(struct req *r, const struct room *x, const struct room_form *f)
{
	struct room_msg	*msgs;
	struct room_poll *polls;
	struct room_slide *slides;
	struct tpl_dict	*d, *inc, *e, *s;
	size_t		 nmsgs, npolls, nslides, i;
	int		 older;

	if (db_room_chat_latest(r->db, r->a, x->c->id, &msgs, &nmsgs,
	    &older) != DB_OK ||
	    db_room_polls(r->db, r->a, x->c->id, r->user->id, &polls,
	    &npolls) != DB_OK ||
	    db_room_slides(r->db, r->a, x->c->id, &slides, &nslides) != DB_OK)
		return send_db_error(r);

	d = page_begin(r, "classroom-room.tpl", x->c->name);
	tpl_set_int(d, "SESSION_ID", x->c->id);
	tpl_set(d, "NAME", x->c->name);
	tpl_set(d, "ROOM_NAME", x->c->room_name ? x->c->room_name : "");
	if (x->c->live_id > 0)
		tpl_set_int(tpl_section(d, "LESSON_LINK"), "LIVE_ID",
		    x->c->live_id);
	else if (x->c->channel_id > 0)
		tpl_set_int(tpl_section(d, "CHANNEL_LINK"), "CHANNEL_ID",
		    x->c->channel_id);
	if (!empty(x->c->description))
		tpl_set(tpl_section(d, "DESCRIPTION"), "TEXT",
		    x->c->description);
	if (x->active) {
		tpl_show(d, "LIVE");
		e = tpl_section(d, "ACTIVE");
		if (x->acc.admin)
			tpl_show(e, "CAN_END");
		/* The join form's redirect ends at the conferencing server. */
		classroom_csp_join(r);
	} else {
		e = tpl_section(d, "ENDED");
		if (x->c->ended_at != NULL)
			tpl_set(tpl_section(e, "ENDED_AT"), "WHEN",
			    show_time(r, x->c->ended_at));
	}
	if (f != NULL && f->notice != NULL)
		form_error(d, "NOTICE", f->notice);

	/* Chat */
	tpl_set(d, "ZONE", zone_label(r, NULL));
	if (older)
		tpl_set_int(tpl_section(d, "OLDER"), "SHOWN",
		    ROOM_CHAT_SHOWN);
	tpl_set_int(d, "LAST_ID", nmsgs > 0 ? msgs[nmsgs - 1].id : 0);
	inc = tpl_include(d, "MESSAGES", "classroom-room-messages.tpl");
	fill_messages(r, inc, msgs, nmsgs);
	if (nmsgs == 0)
		tpl_show(d, "NO_MESSAGES");
	if (x->active) {
		tpl_show(d, "CHAT_LIVE");
		tpl_show(d, "POLLS_LIVE");
		s = tpl_section(d, "CHAT_FORM");
		tpl_set(s, "CHAT_VALUE", f && f->chat_value ? f->chat_value :
		    "");
		if (f != NULL && f->chat_error != NULL)
			form_error(s, "CHAT_ERROR", f->chat_error);
	}

	/* Polls */
	if (f != NULL && f->vote_error != NULL)
		form_error(d, "VOTE_ERROR", f->vote_error);
	inc = tpl_include(d, "POLL_LIST", "classroom-room-polls.tpl");
	fill_polls(r, inc, x, polls, npolls);
	if (x->moderator && x->active) {
		s = tpl_section(d, "POLL_FORM");
		tpl_set(s, "QUESTION_VALUE", f && f->question_value ?
		    f->question_value : "");
		if (f != NULL && f->question_error != NULL)
			form_error(s, "QUESTION_ERROR", f->question_error);
		if (f != NULL && f->options_error != NULL)
			form_error(s, "OPTIONS_ERROR", f->options_error);
		for (i = 0; i < ROOM_POLL_OPTIONS; i++) {
			e = tpl_section(s, "OPTION_FIELD");
			tpl_set_int(e, "N", (long long)i + 1);
			tpl_set(e, "VALUE", f && i < f->noption_values ?
			    f->option_values[i] : "");
		}
	}

	/* Slides */
	for (i = 0; i < nslides; i++) {
		e = tpl_section(d, "SLIDE");
		tpl_set_int(e, "SLIDE_ID", slides[i].id);
		tpl_set(e, "FILENAME", slides[i].filename);
		tpl_set(e, "SIZE", classroom_size_text(r->a, slides[i].size));
		if (x->moderator)
			tpl_show(e, "SLIDE_DELETE");
	}
	if (nslides == 0)
		tpl_show(d, "NO_SLIDES");
	if (x->moderator && x->active) {
		s = tpl_section(d, "SLIDE_FORM");
		tpl_set(s, "LIMIT", classroom_size_text(r->a, (long long)slide_limit(r)));
		if (f != NULL && f->slide_error != NULL)
			form_error(s, "SLIDE_ERROR", f->slide_error);
	}

	if (x->moderator && !fill_people(r, d, x, f))
		return send_db_error(r);
	return page_send(r, f != NULL && f->status ? f->status : 200);
}

/*
 * GET /platform/classroom/:id: the room page.
 * Statuses: 200, 403, 404, 503.
 */
int
page_room(struct req *r)
{
	struct room	 x;

	if (room_load(r, &x) == NULL)
		return r->status;
	return room_page(r, &x, NULL);
}

/* An error of an action: the room page with f, or for the script a line
 * of text.  Returns the status sent. */
static int
room_fail(struct req *r, const struct room *x, struct room_form *f,
    int status, const char *msg)
{
	if (P_num(r, "js")) {
		out_header(r, "Content-Language", "en");
		return send_body(r, status, "text/plain; charset=utf-8", msg,
		    strlen(msg));
	}
	f->status = status;
	return room_page(r, x, f);
}

/* ------------------------------------------------------------------ */
/* Chat                                                                */

/* 1 when the request's If-None-Match names etag.  Pure. */
static int
not_modified(const struct req *r, const char *etag)
{
	const char	*inm = req_env(r, "HTTP_IF_NONE_MATCH");

	return inm != NULL && (strcmp(inm, etag) == 0 ||
	    strstr(inm, etag) != NULL || strcmp(inm, "*") == 0);
}

/*
 * GET /platform/classroom/:id/chat?after=N: the messages after N (the
 * latest ones without N) as a fragment of list items, for the page's
 * script.  The ETag names the last message and the session's state, so
 * a poll with nothing new costs one small query and answers 304.
 * Statuses: 200, 304, 403, 404, 503.
 */
int
page_room_chat(struct req *r)
{
	struct room	 x;
	struct room_msg	*m;
	struct tpl_dict	*d;
	struct buf	 b;
	size_t		 n;
	int64_t		 after = (int64_t)P_num(r, "after"), last;
	int		 st, more;
	char		*etag;

	if (room_load(r, &x) == NULL)
		return r->status;
	if (after > 0 ? db_room_chat_after(r->db, r->a, x.c->id, after, &m,
	    &n) != DB_OK : db_room_chat_latest(r->db, r->a, x.c->id, &m, &n,
	    &more) != DB_OK)
		return send_db_error(r);
	last = n > 0 ? m[n - 1].id : after;
	etag = arena_printf(r->a, "\"c%lld-%lld-%c\"", (long long)x.c->id,
	    (long long)last, x.active ? 'a' : 'e');
	out_header(r, "ETag", etag);
	out_header(r, "X-Chat-Last", arena_printf(r->a, "%lld",
	    (long long)last));
	out_header(r, "X-Session-State", x.active ? "active" : "ended");
	if (not_modified(r, etag))
		return send_body(r, 304, NULL, NULL, 0);
	d = tpl_dict_new();
	arena_on_free(r->a, tpl_dict_free, d);
	fill_messages(r, d, m, n);
	buf_init(&b);
	if (!tpl_expand("classroom-room-messages.tpl", d, &b)) {
		buf_free(&b);
		return send_error(r, 500, NULL);
	}
	st = send_body(r, 200, "text/html; charset=utf-8", b.data, b.len);
	buf_free(&b);
	return st;
}

/*
 * POST /platform/classroom/:id/chat: post a message (1 to 2000
 * characters once trimmed) while the session is active.  Without
 * script: 303 back to the chat; with js=1: 204.
 * Statuses: 204, 303, 403, 404, 409, 422, 503.
 */
int
page_room_chat_post(struct req *r)
{
	struct room	 x;
	struct room_form f;
	const struct pval *pv = P(r, "body");
	char		*body;
	int64_t		 id;

	if (room_load(r, &x) == NULL)
		return r->status;
	memset(&f, 0, sizeof(f));
	f.chat_value = pv && pv->raw && pv->error == NULL ? pv->raw : "";
	if (!x.active) {
		f.chat_error = "This session has ended: the chat is closed.";
		return room_fail(r, &x, &f, 409, f.chat_error);
	}
	body = classroom_trimmed(r->a, pv ? pv->raw : NULL);
	if (pv == NULL || pv->error != NULL ||
	    !valid_text(body, strlen(body), ROOM_CHAT_MAX, 1))
		f.chat_error = "A message must be text of at most 2000 "
		    "characters.";
	else if (*body == '\0')
		f.chat_error = "Write a message first.";
	else if (utf8_chars(body) > ROOM_CHAT_MAX)
		f.chat_error = "A message must be at most 2000 characters.";
	if (f.chat_error != NULL)
		return room_fail(r, &x, &f, 422, f.chat_error);
	if (db_room_chat_add(r->db, x.c->id, r->user->id, body, &id) != DB_OK)
		return send_db_error(r);
	if (P_num(r, "js"))
		return send_body(r, 204, NULL, NULL, 0);
	return send_redirect(r, room_url(r, "chat"));
}

/* ------------------------------------------------------------------ */
/* Polls                                                               */

/*
 * GET /platform/classroom/:id/polls: the polls as the viewer sees them,
 * a fragment for the page's script; the ETag is a digest of it.
 * Statuses: 200, 304, 403, 404, 503.
 */
int
page_room_polls(struct req *r)
{
	struct room	 x;
	struct room_poll *p;
	struct tpl_dict	*d;
	struct buf	 b;
	size_t		 n;
	int		 st;
	char		 hex[65], *etag;

	if (room_load(r, &x) == NULL)
		return r->status;
	if (db_room_polls(r->db, r->a, x.c->id, r->user->id, &p, &n) != DB_OK)
		return send_db_error(r);
	d = tpl_dict_new();
	arena_on_free(r->a, tpl_dict_free, d);
	fill_polls(r, d, &x, p, n);
	buf_init(&b);
	if (!tpl_expand("classroom-room-polls.tpl", d, &b)) {
		buf_free(&b);
		return send_error(r, 500, NULL);
	}
	sha256_hex(b.data, b.len, hex);
	hex[24] = '\0';
	etag = arena_printf(r->a, "\"p%s\"", hex);
	out_header(r, "ETag", etag);
	if (not_modified(r, etag))
		st = send_body(r, 304, NULL, NULL, 0);
	else
		st = send_body(r, 200, "text/html; charset=utf-8", b.data,
		    b.len);
	buf_free(&b);
	return st;
}

/*
 * POST /platform/classroom/:id/polls: a moderator creates a poll: a
 * question of 1 to 300 characters and 2 to 6 answers in the "option"
 * fields, in order; empty fields after the last answer are ignored.
 * Statuses: 303, 403, 404, 409, 422, 503.
 */
int
page_room_poll_create(struct req *r)
{
	struct room	 x;
	struct room_form f;
	struct kv	*kv;
	const char	**vals, **opts;
	char		*q, *o;
	size_t		 nvals = 0, i, last = 0, bad = 0;
	int64_t		 pid;

	if (room_load(r, &x) == NULL)
		return r->status;
	if (!x.moderator)
		return send_error(r, 403, "Only moderators create polls.");
	memset(&f, 0, sizeof(f));
	for (kv = r->form.head; kv != NULL; kv = kv->next)
		if (strcmp(kv->key, "option") == 0)
			nvals++;
	vals = arena_alloc(r->a, (nvals + 1) * sizeof(*vals));
	opts = arena_alloc(r->a, (nvals + 1) * sizeof(*opts));
	nvals = 0;
	for (kv = r->form.head; kv != NULL; kv = kv->next)
		if (strcmp(kv->key, "option") == 0) {
			/* Not text (a NUL, a control, bad UTF-8): refused. */
			if (!valid_text(kv->val, kv->vlen, 1000, 0) ||
			    strlen(kv->val) != kv->vlen) {
				vals[nvals] = "";
				if (bad == 0)
					bad = nvals + 1;
			} else
				vals[nvals] = kv->val;
			o = classroom_trimmed(r->a, vals[nvals]);
			opts[nvals++] = o;
			if (*o != '\0' || bad == nvals)
				last = nvals;
		}
	f.option_values = vals;
	f.noption_values = nvals;
	f.question_value = P(r, "question") && P(r, "question")->raw ?
	    P(r, "question")->raw : "";
	if (!x.active)
		return room_fail(r, &x, &f, 409, "This session has ended: "
		    "no new polls.");

	q = classroom_trimmed(r->a, P(r, "question") ? P(r, "question")->raw : NULL);
	if (P(r, "question") == NULL || P(r, "question")->error != NULL)
		f.question_error = "The question must be text of at most 300 "
		    "characters.";
	else if (*q == '\0')
		f.question_error = "Write the question.";
	else if (utf8_chars(q) > 300)
		f.question_error = "The question must be at most 300 "
		    "characters.";

	/* Blank fields after the last answer are the form's spare ones. */
	if (bad > 0)
		f.options_error = arena_printf(r->a, "Answer %zu must be text "
		    "of at most 200 characters.", bad);
	for (i = 0; i < last && f.options_error == NULL; i++) {
		if (*opts[i] == '\0')
			f.options_error = arena_printf(r->a, "Answer %zu is "
			    "empty: fill it in or leave only the last fields "
			    "empty.", i + 1);
		else if (utf8_chars(opts[i]) > 200)
			f.options_error = arena_printf(r->a, "Answer %zu must "
			    "be at most 200 characters.", i + 1);
	}
	if (f.options_error == NULL && last < 2)
		f.options_error = "Give at least two answers.";
	else if (f.options_error == NULL && last > ROOM_POLL_OPTIONS)
		f.options_error = "Give at most six answers.";
	if (f.question_error != NULL || f.options_error != NULL)
		return room_fail(r, &x, &f, 422, f.question_error ?
		    f.question_error : f.options_error);
	if (db_room_poll_create(r->db, x.c->id, r->user->id, q, opts, last,
	    &pid) != DB_OK)
		return send_db_error(r);
	return send_redirect(r, arena_printf(r->a,
	    "/platform/classroom/%lld#poll-%lld", (long long)x.c->id,
	    (long long)pid));
}

/*
 * POST /platform/classroom/:id/polls/:id/vote: answer a poll once.  A
 * second answer changes nothing and says so.
 * Statuses: 303, 403, 404, 409, 422, 503.
 */
int
page_room_poll_vote(struct req *r)
{
	struct room	 x;
	struct room_form f;
	const struct pval *pv = P(r, "option");
	int		 res;

	if (room_load(r, &x) == NULL)
		return r->status;
	memset(&f, 0, sizeof(f));
	if (!x.active) {
		f.vote_error = "This session has ended: its polls are closed.";
		return room_fail(r, &x, &f, 409, f.vote_error);
	}
	if (pv == NULL || pv->raw == NULL || *pv->raw == '\0' ||
	    pv->error != NULL) {
		f.vote_error = "Choose one of the answers first.";
		return room_fail(r, &x, &f, 422, f.vote_error);
	}
	if (db_room_poll_vote(r->db, x.c->id, r->ids[1], r->user->id,
	    (int)pv->num, &res) != DB_OK)
		return send_db_error(r);
	switch (res) {
	case 0:
		return send_redirect(r, arena_printf(r->a,
		    "/platform/classroom/%lld#poll-%lld", (long long)x.c->id,
		    (long long)r->ids[1]));
	case 1:
		f.vote_error = "You have already answered this poll; your "
		    "first answer stays recorded.";
		return room_fail(r, &x, &f, 409, f.vote_error);
	case 3:
		f.vote_error = "This poll is closed.";
		return room_fail(r, &x, &f, 409, f.vote_error);
	case 4:
		f.vote_error = "Choose one of the answers first.";
		return room_fail(r, &x, &f, 422, f.vote_error);
	default:
		return send_error(r, 404, "There is no such poll in this "
		    "session.");
	}
}

/*
 * POST /platform/classroom/:id/polls/:id/close: a moderator closes a
 * poll; everyone then sees its results.  Closing twice is harmless.
 * Statuses: 303, 403, 404, 503.
 */
int
page_room_poll_close(struct req *r)
{
	struct room	 x;
	int		 res;

	if (room_load(r, &x) == NULL)
		return r->status;
	if (!x.moderator)
		return send_error(r, 403, "Only moderators close polls.");
	if (db_room_poll_close(r->db, x.c->id, r->ids[1], r->user->id,
	    &res) != DB_OK)
		return send_db_error(r);
	if (res == 2)
		return send_error(r, 404, "There is no such poll in this "
		    "session.");
	return send_redirect(r, arena_printf(r->a,
	    "/platform/classroom/%lld#poll-%lld", (long long)x.c->id,
	    (long long)r->ids[1]));
}

/* ------------------------------------------------------------------ */
/* Slides                                                              */

/* 1 when data looks like a whole PDF file: the header at the start and
 * the end-of-file marker near the end.  Pure. */
static int
is_pdf(const char *data, size_t len)
{
	size_t	from, i;

	if (len < 16 || memcmp(data, "%PDF-", 5) != 0)
		return 0;
	/* Writers may put a few bytes (line ends, padding) after it. */
	from = len > 1024 ? len - 1024 : 0;
	for (i = len - 5; i + 1 > from; i--) {
		if (memcmp(data + i, "%%EOF", 5) == 0)
			return 1;
		if (i == 0)
			break;
	}
	return 0;
}

/*
 * POST /platform/classroom/:id/slides (multipart): a moderator adds a
 * PDF while the session is active.  The file is checked by content,
 * kept under data_dir (never the web root), and its name is only shown.
 * Statuses: 303, 403, 404, 409, 413, 422, 500, 503.
 */
int
page_room_slide_upload(struct req *r)
{
	struct room	 x;
	struct room_form f;
	struct room_slide *list;
	const struct pval *pv = P(r, "file");
	char		*data, *name, stored[33];
	size_t		 len, n;
	int64_t		 id;
	int		 e;

	if (room_load(r, &x) == NULL)
		return r->status;
	if (!x.moderator)
		return send_error(r, 403, "Only moderators upload slides.");
	memset(&f, 0, sizeof(f));
	if (!x.active) {
		f.slide_error = "This session has ended: no new slides.";
		return room_fail(r, &x, &f, 409, f.slide_error);
	}
	if (pv == NULL || pv->file == NULL) {
		f.slide_error = "Choose a PDF file to upload.";
		return room_fail(r, &x, &f, 422, f.slide_error);
	}
	if (pv->file->size > slide_limit(r)) {
		f.slide_error = arena_printf(r->a, "The file is larger than "
		    "%s.", classroom_size_text(r->a, (long long)slide_limit(r)));
		return room_fail(r, &x, &f, 413, f.slide_error);
	}
	if (db_room_slides(r->db, r->a, x.c->id, &list, &n) != DB_OK)
		return send_db_error(r);
	if (n >= ROOM_SLIDES_SHOWN) {
		f.slide_error = "A session holds at most 50 slide files: "
		    "delete one first.";
		return room_fail(r, &x, &f, 409, f.slide_error);
	}
	if (!req_upload_read(r, pv->file, &data, &len))
		return send_error(r, 500, NULL);
	if (!is_pdf(data, len)) {
		f.slide_error = "This file is not a PDF document. Save or "
		    "export the slides as PDF and upload that.";
		return room_fail(r, &x, &f, 422, f.slide_error);
	}
	name = classroom_file_label(r->a, pv->file->filename, "slides.pdf");
	if ((e = classroom_file_store(r->cfg, r->a, SLIDE_DIR, data, len,
	    stored)) == ENOSPC || e == EDQUOT) {
		f.slide_error = CLASSROOM_NO_ROOM;
		return room_fail(r, &x, &f, 503, f.slide_error);
	}
	if (e != 0)
		return send_error(r, 500, "The file could not be stored. "
		    "The problem has been logged.");
	if (db_room_slide_add(r->db, x.c->id, r->user->id, name, stored,
	    (long long)len, &id) != DB_OK) {
		classroom_file_remove(r, SLIDE_DIR, stored);
		return send_db_error(r);
	}
	return send_redirect(r, room_url(r, "slides"));
}

/*
 * GET /platform/classroom/:id/slides/:id: download a slide file, for
 * anyone with a part in the session.
 * Statuses: 200, 403, 404, 503.
 */
int
page_room_slide_get(struct req *r)
{
	struct room	 x;
	struct room_slide *s;
	char		*data;
	size_t		 len;

	if (room_load(r, &x) == NULL)
		return r->status;
	if (db_room_slide_get(r->db, r->a, r->ids[1], &s) != DB_OK)
		return send_db_error(r);
	if (s == NULL || s->session_id != x.c->id)
		return send_error(r, 404, "There is no such slide file in "
		    "this session.");
	if (!classroom_file_read(r, SLIDE_DIR, s->stored_name, &data, &len))
		return send_error(r, 404, "The slide file is missing on the "
		    "server. The problem has been logged.");
	return send_download(r, "application/pdf",
	    classroom_header_name(r->a, s->filename), data, len);
}

/*
 * POST /platform/classroom/:id/slides/:id/delete: a moderator deletes a
 * slide file (its row, then the file).
 * Statuses: 303, 403, 404, 503.
 */
int
page_room_slide_delete(struct req *r)
{
	struct room	 x;
	struct room_slide *s;
	int		 gone;

	if (room_load(r, &x) == NULL)
		return r->status;
	if (!x.moderator)
		return send_error(r, 403, "Only moderators delete slides.");
	if (db_room_slide_get(r->db, r->a, r->ids[1], &s) != DB_OK)
		return send_db_error(r);
	if (s == NULL || s->session_id != x.c->id)
		return send_error(r, 404, "There is no such slide file in "
		    "this session.");
	if (db_room_slide_delete(r->db, x.c->id, s->id, r->user->id,
	    s->filename, &gone) != DB_OK)
		return send_db_error(r);
	if (gone)
		classroom_file_remove(r, SLIDE_DIR, s->stored_name);
	return send_redirect(r, room_url(r, "slides"));
}

/*
 * GET /files/slides/:id?exp=&sig=: the slide for the conferencing
 * server, which fetches it without signing in.  The address is signed
 * (by classroom.c: conf_token "slide" over "<id>:<exp>") and expires at
 * exp.
 * Statuses: 200, 403 (bad or expired signature), 404, 503.
 */
int
page_room_slide_public(struct req *r)
{
	struct classroom *c = NULL;
	struct room_slide *s;
	const char	*exp_s = P_str(r, "exp"), *sig = P_str(r, "sig");
	long long	 exp;
	char		 subject[64], *data;
	size_t		 len;

	if (exp_s == NULL || sig == NULL ||
	    !valid_int(exp_s, 0, 1LL << 40, &exp) || exp < (long long)time(NULL))
		return send_error(r, 403, "This file address has expired or "
		    "is not valid.");
	snprintf(subject, sizeof(subject), "%lld:%lld", (long long)r->ids[0],
	    exp);
	if (!conf_token_ok(r->cfg, "slide", subject, sig))
		return send_error(r, 403, "This file address has expired or "
		    "is not valid.");
	if (db_room_slide_get(r->db, r->a, r->ids[0], &s) != DB_OK)
		return send_db_error(r);
	if (s != NULL && db_classroom_get(r->db, r->a, s->session_id,
	    &c) != DB_OK)
		return send_db_error(r);
	if (s == NULL || c == NULL || c->deleted)
		return send_error(r, 404, "There is no such file.");
	if (!classroom_file_read(r, SLIDE_DIR, s->stored_name, &data, &len))
		return send_error(r, 404, "There is no such file.");
	return send_download(r, "application/pdf",
	    classroom_header_name(r->a, s->filename), data, len);
}

/* ------------------------------------------------------------------ */
/* Moderator controls                                                  */

/*
 * The checks shared by promote and remove: x's session, the viewer a
 * moderator of it while it is active, and the person r->ids[1] with
 * their part in it (into acc).  Returns that person, or NULL once
 * answered: 403, 404 (unknown session or person, or not a participant),
 * 409 (the session ended), 503.
 */
static struct user *
moderate_load(struct req *r, struct room *x, struct room_form *f,
    struct classroom_access *acc)
{
	struct user	*u;
	enum db_rc	 rc;

	memset(f, 0, sizeof(*f));
	if (room_load(r, x) == NULL)
		return NULL;
	if (!x->moderator) {
		send_error(r, 403, "Only moderators manage participants.");
		return NULL;
	}
	if (!x->active) {
		f->mod_error = "This session has ended.";
		f->status = 409;
		room_page(r, x, f);
		return NULL;
	}
	rc = db_user_get(r->db, r->a, r->ids[1], &u);
	if (!load_found(r, rc, u, "There is no such person."))
		return NULL;
	if (db_classroom_access(r->db, x->c, u, acc) != DB_OK) {
		send_db_error(r);
		return NULL;
	}
	if (acc->role == CR_NONE && !acc->removed) {
		load_refuse(r, "This person is not a participant of this "
		    "session.");
		return NULL;
	}
	return u;
}

/*
 * POST /platform/classroom/:id/participants/:id/promote: the person
 * joins as a moderator from their next join on.
 * Statuses: 303, 403, 404, 409, 503.
 */
int
page_room_promote(struct req *r)
{
	struct room	 x;
	struct room_form f;
	struct user	*u;
	struct classroom_access acc;

	if ((u = moderate_load(r, &x, &f, &acc)) == NULL)
		return r->status;
	f.status = 409;
	if (acc.removed) {
		f.mod_error = arena_printf(r->a, "%s was removed from this "
		    "session and cannot be promoted.", u->name);
		return room_page(r, &x, &f);
	}
	if (acc.admin) {
		f.mod_error = arena_printf(r->a, "%s is already a moderator "
		    "of this session.", u->name);
		return room_page(r, &x, &f);
	}
	if (!acc.promoted) {
		if (db_room_flag(r->db, x.c->id, u->id, r->user->id,
		    ROOM_PROMOTE) != DB_OK)
			return send_db_error(r);
		flash_set(r, arena_printf(r->a, "%s is now a moderator: they "
		    "join as one from their next join.", u->name));
	}
	return send_redirect(r, room_url(r, "moderation"));
}

/*
 * The page that asks before person u is removed from x's session: what
 * removing does, and a form that posts again with confirm=1.
 * Returns 200.
 */
static int
remove_confirm(struct req *r, const struct room *x, const struct user *u)
{
	struct tpl_dict	*d;

	d = page_begin(r, "classroom-confirm.tpl", "Remove participant");
	tpl_set(d, "TITLE", arena_printf(r->a, "Remove %s from “%s”?",
	    u->name, x->c->name));
	tpl_set(d, "WHAT", arena_printf(r->a, "%s leaves this session and "
	    "cannot join it again, nor chat on its room page. If they are "
	    "in the conferencing room now, remove them there too.",
	    u->name));
	tpl_set(d, "ACTION", arena_printf(r->a,
	    "/platform/classroom/%lld/participants/%lld/remove",
	    (long long)x->c->id, (long long)u->id));
	tpl_set(d, "BUTTON", arena_printf(r->a, "Remove %s", u->name));
	tpl_set(d, "BACK", room_url(r, "moderation"));
	tpl_set(d, "BACK_TEXT", "Keep them in the session");
	return page_send(r, 200);
}

/*
 * POST /platform/classroom/:id/participants/:id/remove: the person
 * cannot enter, rejoin or chat in this session any more.  Channel
 * admins, site administrators and the lesson's teacher cannot be
 * removed, nor can moderators remove themselves.  Only with confirm=1:
 * without it the page says what removing does and asks.
 * Statuses: 200 (the question), 303, 403, 404, 409, 503.
 */
int
page_room_remove(struct req *r)
{
	struct room	 x;
	struct room_form f;
	struct user	*u;
	struct classroom_access acc;

	if ((u = moderate_load(r, &x, &f, &acc)) == NULL)
		return r->status;
	f.status = 409;
	if (acc.admin) {
		f.mod_error = arena_printf(r->a, "%s cannot be removed: "
		    "channel admins, site administrators and the lesson's "
		    "teacher always keep their place.", u->name);
		return room_page(r, &x, &f);
	}
	if (u->id == r->user->id) {
		f.mod_error = "You cannot remove yourself.";
		return room_page(r, &x, &f);
	}
	if (!acc.removed) {
		if (!P_num(r, "confirm"))
			return remove_confirm(r, &x, u);
		if (db_room_flag(r->db, x.c->id, u->id, r->user->id,
		    ROOM_REMOVE) != DB_OK)
			return send_db_error(r);
		flash_set(r, arena_printf(r->a, "%s was removed from this "
		    "session and cannot rejoin it. If they are in the room "
		    "now, remove them there too.", u->name));
	}
	return send_redirect(r, room_url(r, "moderation"));
}

/*
 * POST /platform/classroom/:id/locks: lock or unlock cameras and
 * microphones of the conferencing room before it opens.  Once its
 * BigBlueButton meeting exists the locks are the server's: refused
 * with 409, nothing changed, the page saying where to change them.
 * Statuses: 303, 403, 404, 409, 503.
 */
int
page_room_locks(struct req *r)
{
	struct room	 x;
	struct room_form f;
	int		 cam = (int)P_num(r, "lock_camera");
	int		 mic = (int)P_num(r, "lock_mic");

	if (room_load(r, &x) == NULL)
		return r->status;
	if (!x.moderator)
		return send_error(r, 403, "Only moderators change the locks.");
	memset(&f, 0, sizeof(f));
	if (!x.active) {
		f.mod_error = "This session has ended.";
		f.status = 409;
		return room_page(r, &x, &f);
	}
	if (locks_fixed(x.c)) {
		f.mod_error = arena_printf(r->a, "The conferencing room is "
		    "open: its locks were set when it opened and Lectern "
		    "cannot change them. Nothing was changed. %s",
		    locks_where);
		f.status = 409;
		return room_page(r, &x, &f);
	}
	if (!cam == !x.c->lock_camera && !mic == !x.c->lock_mic)
		return send_redirect(r, room_url(r, "moderation"));
	if (db_room_locks(r->db, x.c->id, r->user->id, cam, x.c->lock_camera,
	    mic, x.c->lock_mic) != DB_OK)
		return send_db_error(r);
	flash_set(r, "Locks saved: the conferencing room opens with them.");
	return send_redirect(r, room_url(r, "moderation"));
}

/* ------------------------------------------------------------------ */
/* Presence                                                            */

/*
 * POST /platform/classroom/:id/presence: the Jitsi room page's beacon
 * (navigator.sendBeacon, multipart) when the viewer enters (event=join)
 * or leaves (event=leave) the meeting.  Joins count only while the
 * session is active; a leave always closes the open visit.
 * Statuses: 204, 403, 404, 409, 503.
 */
int
page_room_presence(struct req *r)
{
	struct room	 x;
	int		 join = P_num(r, "event") == 0;

	if (room_load(r, &x) == NULL)
		return r->status;
	if (join && !x.active)
		return send_error(r, 409, "This session has ended.");
	if (db_room_presence(r->db, x.c->id, r->user->id, join,
	    x.moderator) != DB_OK)
		return send_db_error(r);
	return send_body(r, 204, NULL, NULL, 0);
}
