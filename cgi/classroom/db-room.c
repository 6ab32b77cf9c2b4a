/*
 * db-room.c: the room domain's SQL and its functions: chat messages,
 * polls with their options and answers, presentation slides, the
 * participants list, moderator decisions and presence.  Every change a
 * moderator makes is written with its classroom_events row in one
 * transaction, so the session's history never misses an action.
 */
#include <stdlib.h>
#include <string.h>

#include "classroom/classroom.h"
#include "core/db.h"
#include "classroom/room.h"
#include "lib/utf8.h"
#include "lib/util.h"

enum {
	RM_CHAT_LATEST = DB_BASE(ROOM_SLOT),
	RM_CHAT_AFTER,
	RM_CHAT_ADD,
	RM_POLLS,
	RM_POLL_ADD,
	RM_OPTION_ADD,
	RM_POLL_LOCK,
	RM_VOTE_COUNT,
	RM_VOTE_ADD,
	RM_POLL_CLOSE,
	RM_EVENT,
	RM_SLIDES,
	RM_SLIDE_GET,
	RM_SLIDE_ADD,
	RM_SLIDE_DEL,
	RM_PEOPLE,
	RM_PROMOTE,
	RM_REMOVE,
	RM_LOCKS,
	RM_JOIN,
	RM_LEAVE,
	RM__END
};

#define S(id)	((id) - RM_CHAT_LATEST)

#define CHAT_COLS \
	"c.id, c.user_id, u.name, c.body, c.posted_at " \
	"FROM classroom_chat c JOIN users u ON u.id = c.user_id "
#define SLIDE_COLS \
	"id, session_id, filename, stored_name, size, uploaded_at " \
	"FROM classroom_slides "

_Static_assert(ROOM_CHAT_SHOWN == 100, "the chat statements fetch 100");
_Static_assert(ROOM_POLLS_SHOWN == 20, "RM_POLLS fetches 20 polls");
_Static_assert(ROOM_SLIDES_SHOWN == 50, "RM_SLIDES fetches 50");
_Static_assert(ROOM_PEOPLE_PAGE == 50, "RM_PEOPLE fetches a page and one");

static const char *const sqltab[] = {
	/* One more than shown, to know whether older ones exist. */
	[S(RM_CHAT_LATEST)] =
	    "SELECT " CHAT_COLS "WHERE c.session_id = ? "
	    "ORDER BY c.id DESC LIMIT 101",
	[S(RM_CHAT_AFTER)] =
	    "SELECT " CHAT_COLS "WHERE c.session_id = ? AND c.id > ? "
	    "ORDER BY c.id LIMIT 100",
	[S(RM_CHAT_ADD)] =
	    "INSERT INTO classroom_chat (session_id, user_id, body, "
	    "posted_at) VALUES (?, ?, ?, UTC_TIMESTAMP())",
	/*
	 * The latest polls with every option and the viewer's answer in
	 * one statement, so the page costs the same however many polls.
	 */
	[S(RM_POLLS)] =
	    "SELECT p.id, p.question, p.closed_at IS NOT NULL, o.idx, "
	    "o.label, o.votes, COALESCE(v.idx, 0) FROM (SELECT id FROM "
	    "classroom_polls WHERE session_id = ? ORDER BY id DESC LIMIT 20) "
	    "t JOIN classroom_polls p ON p.id = t.id "
	    "JOIN classroom_poll_options o ON o.poll_id = p.id "
	    "LEFT JOIN classroom_poll_votes v ON v.poll_id = p.id "
	    "AND v.user_id = ? ORDER BY p.id DESC, o.idx",
	[S(RM_POLL_ADD)] =
	    "INSERT INTO classroom_polls (session_id, question, created_by, "
	    "created_at) VALUES (?, ?, ?, UTC_TIMESTAMP())",
	[S(RM_OPTION_ADD)] =
	    "INSERT INTO classroom_poll_options (poll_id, idx, label) "
	    "VALUES (?, ?, ?)",
	/* Votes and closing queue behind this row lock. */
	[S(RM_POLL_LOCK)] =
	    "SELECT closed_at IS NOT NULL, question FROM classroom_polls "
	    "WHERE id = ? AND session_id = ? FOR UPDATE",
	[S(RM_VOTE_COUNT)] =
	    "UPDATE classroom_poll_options SET votes = votes + 1 "
	    "WHERE poll_id = ? AND idx = ?",
	[S(RM_VOTE_ADD)] =
	    "INSERT INTO classroom_poll_votes (poll_id, user_id, idx, "
	    "voted_at) VALUES (?, ?, ?, UTC_TIMESTAMP())",
	[S(RM_POLL_CLOSE)] =
	    "UPDATE classroom_polls SET closed_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND closed_at IS NULL",
	[S(RM_EVENT)] =
	    "INSERT INTO classroom_events (session_id, kind, actor_id, "
	    "user_id, detail, at) VALUES (?, ?, NULLIF(?, 0), NULLIF(?, 0), "
	    "?, UTC_TIMESTAMP())",
	[S(RM_SLIDES)] =
	    "SELECT " SLIDE_COLS "WHERE session_id = ? ORDER BY id LIMIT 50",
	[S(RM_SLIDE_GET)] =
	    "SELECT " SLIDE_COLS "WHERE id = ?",
	[S(RM_SLIDE_ADD)] =
	    "INSERT INTO classroom_slides (session_id, filename, "
	    "stored_name, size, uploaded_by, uploaded_at) VALUES "
	    "(?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	[S(RM_SLIDE_DEL)] =
	    "DELETE FROM classroom_slides WHERE id = ? AND session_id = ?",
	/*
	 * The room's people: channel members, or the lesson's teacher and
	 * learners, and whoever has a participant row (site admins who
	 * came in); binds channel, live session, live session, session,
	 * session, then the keyset position (flag, name, name, id).
	 */
	[S(RM_PEOPLE)] =
	    "SELECT u.id, u.name, u.role = 'admin', MAX(x.adm), "
	    "MAX(COALESCE(p.promoted, 0)), MAX(COALESCE(p.removed, 0)), "
	    "MAX(COALESCE(p.joins, 0)), MAX(COALESCE(p.minutes, 0)), "
	    "MAX(p.last_join_at IS NOT NULL AND (p.last_leave_at IS NULL OR "
	    "p.last_leave_at < p.last_join_at)) FROM ("
	    "SELECT user_id AS uid, is_admin AS adm FROM channel_members "
	    "WHERE channel_id = ? "
	    "UNION ALL SELECT teacher_id, 1 FROM live_sessions WHERE id = ? "
	    "UNION ALL SELECT learner_id, 0 FROM live_participants "
	    "WHERE session_id = ? "
	    "UNION ALL SELECT user_id, 0 FROM classroom_participants "
	    "WHERE session_id = ?) x JOIN users u ON u.id = x.uid "
	    "LEFT JOIN classroom_participants p ON p.session_id = ? "
	    "AND p.user_id = u.id "
	    "WHERE (? = 0 OR u.name > ? OR (u.name = ? AND u.id > ?)) "
	    "GROUP BY u.id, u.name, u.role ORDER BY u.name, u.id LIMIT 51",
	[S(RM_PROMOTE)] =
	    "INSERT INTO classroom_participants (session_id, user_id, "
	    "promoted) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE promoted = 1",
	[S(RM_REMOVE)] =
	    "INSERT INTO classroom_participants (session_id, user_id, "
	    "removed) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE removed = 1",
	[S(RM_LOCKS)] =
	    "UPDATE classroom_sessions SET lock_camera = ?, lock_mic = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[S(RM_JOIN)] =
	    "INSERT INTO classroom_participants (session_id, user_id, "
	    "joined_as, joins, first_join_at, last_join_at) VALUES "
	    "(?, ?, ?, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP()) "
	    "ON DUPLICATE KEY UPDATE joins = joins + 1, "
	    "joined_as = VALUES(joined_as), "
	    "first_join_at = COALESCE(first_join_at, VALUES(first_join_at)), "
	    "last_join_at = VALUES(last_join_at)",
	/*
	 * Only an open visit (joined and not left since) is closed, so a
	 * repeated leave beacon adds nothing.
	 */
	[S(RM_LEAVE)] =
	    "UPDATE classroom_participants SET minutes = minutes + "
	    "ROUND(TIMESTAMPDIFF(SECOND, last_join_at, UTC_TIMESTAMP()) / 60), "
	    "last_leave_at = UTC_TIMESTAMP() WHERE session_id = ? AND "
	    "user_id = ? AND last_join_at IS NOT NULL AND "
	    "(last_leave_at IS NULL OR last_leave_at <= last_join_at)",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == S(RM__END),
    "one SQL text per room statement");

const struct sqltable sql_room = { S(RM__END), sqltab };

/* The messages of a chat result (CHAT_COLS), in result order. */
static void
chat_rows(struct arena *a, struct dbres *res, struct room_msg **list,
    size_t *n)
{
	struct room_msg	*m;

	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	*n = 0;
	while (db_next(res)) {
		m = &(*list)[(*n)++];
		m->id = db_int(res, 0);
		m->user_id = db_int(res, 1);
		m->user_name = db_dup(a, res, 2);
		m->body = db_dup(a, res, 3);
		m->posted_at = db_dup(a, res, 4);
	}
}

enum db_rc
db_room_chat_latest(struct db *db, struct arena *a, int64_t sid,
    struct room_msg **list, size_t *n, int *more)
{
	struct dbres	*res;
	struct room_msg	 t;
	size_t		 i;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	*more = 0;
	if ((rc = db_query(db, a, RM_CHAT_LATEST, &res, "i",
	    (long long)sid)) != DB_OK)
		return rc;
	chat_rows(a, res, list, n);
	if (*n > ROOM_CHAT_SHOWN) {
		*more = 1;
		*n = ROOM_CHAT_SHOWN;
	}
	/* Newest first from the database; the page reads oldest first. */
	for (i = 0; i < *n / 2; i++) {
		t = (*list)[i];
		(*list)[i] = (*list)[*n - 1 - i];
		(*list)[*n - 1 - i] = t;
	}
	return DB_OK;
}

enum db_rc
db_room_chat_after(struct db *db, struct arena *a, int64_t sid,
    int64_t after, struct room_msg **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, RM_CHAT_AFTER, &res, "ii", (long long)sid,
	    (long long)after)) != DB_OK)
		return rc;
	chat_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_room_chat_add(struct db *db, int64_t sid, int64_t uid, const char *body,
    int64_t *id)
{
	enum db_rc	 rc;

	*id = 0;
	if ((rc = db_exec(db, RM_CHAT_ADD, NULL, "iis", (long long)sid,
	    (long long)uid, body)) != DB_OK)
		return rc;
	*id = db_last_id(db);
	return DB_OK;
}

/* One history row; inside the caller's transaction. */
static enum db_rc
event(struct db *db, int64_t sid, const char *kind, int64_t actor,
    int64_t target, const char *detail)
{
	return db_exec(db, RM_EVENT, NULL, "isiis", (long long)sid, kind,
	    (long long)actor, (long long)target, detail);
}

/* A detail text cut to the column's 500 characters, in a. */
static const char *
detail(struct arena *a, const char *what, const char *text)
{
	char	*s = arena_printf(a, "%s: %s", what, text);

	s[utf8_prefix(s, 500)] = '\0';	/* at a character boundary */
	return s;
}

enum db_rc
db_room_polls(struct db *db, struct arena *a, int64_t sid, int64_t uid,
    struct room_poll **list, size_t *n)
{
	struct dbres	*res;
	struct room_poll *p = NULL;
	struct room_option *o;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, RM_POLLS, &res, "ii", (long long)sid,
	    (long long)uid)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (ROOM_POLLS_SHOWN + 1) * sizeof(**list));
	while (db_next(res)) {
		if (p == NULL || p->id != db_int(res, 0)) {
			if (*n == ROOM_POLLS_SHOWN)
				break;
			p = &(*list)[(*n)++];
			p->id = db_int(res, 0);
			p->question = db_dup(a, res, 1);
			p->closed = (int)db_int(res, 2);
			p->my_vote = (int)db_int(res, 6);
		}
		if (p->nopts == ROOM_POLL_OPTIONS)
			continue;
		o = &p->opts[p->nopts++];
		o->idx = (int)db_int(res, 3);
		o->label = db_dup(a, res, 4);
		o->votes = db_int(res, 5);
		p->total += o->votes;
	}
	return DB_OK;
}

enum db_rc
db_room_poll_create(struct db *db, int64_t sid, int64_t uid,
    const char *question, const char *const *opts, size_t n, int64_t *pid)
{
	struct arena	*a;
	size_t		 i;
	enum db_rc	 rc;

	*pid = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, RM_POLL_ADD, NULL, "isi", (long long)sid,
	    question, (long long)uid)) != DB_OK)
		goto fail;
	*pid = db_last_id(db);
	for (i = 0; i < n; i++)
		if ((rc = db_exec(db, RM_OPTION_ADD, NULL, "iis",
		    (long long)*pid, (long long)(i + 1), opts[i])) != DB_OK)
			goto fail;
	a = arena_new();
	rc = event(db, sid, "poll", uid, 0, detail(a, "created", question));
	arena_free(a);
	if (rc != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	*pid = 0;
	db_rollback(db);
	return rc;
}

enum db_rc
db_room_poll_vote(struct db *db, int64_t sid, int64_t pid, int64_t uid,
    int idx, int *res)
{
	struct arena	*a;
	struct dbres	*r;
	long long	 changed = 0;
	enum db_rc	 rc;

	*res = 2;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	a = arena_new();
	rc = db_query(db, a, RM_POLL_LOCK, &r, "ii", (long long)pid,
	    (long long)sid);
	if (rc != DB_OK || !db_next(r))
		goto out;
	if (db_int(r, 0)) {
		*res = 3;
		goto out;
	}
	if ((rc = db_exec(db, RM_VOTE_COUNT, &changed, "ii", (long long)pid,
	    (long long)idx)) != DB_OK)
		goto out;
	if (changed == 0) {
		*res = 4;
		goto out;
	}
	/* The primary key (poll, user) keeps it to one answer each. */
	rc = db_exec(db, RM_VOTE_ADD, NULL, "iii", (long long)pid,
	    (long long)uid, (long long)idx);
	if (rc == DB_DUPLICATE) {
		*res = 1;
		rc = DB_OK;
		goto out;
	}
	if (rc != DB_OK)
		goto out;
	arena_free(a);
	if ((rc = db_commit(db)) == DB_OK)
		*res = 0;
	return rc;
out:
	arena_free(a);
	db_rollback(db);
	return rc;
}

enum db_rc
db_room_poll_close(struct db *db, int64_t sid, int64_t pid, int64_t actor,
    int *res)
{
	struct arena	*a;
	struct dbres	*r;
	enum db_rc	 rc;

	*res = 2;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	a = arena_new();
	rc = db_query(db, a, RM_POLL_LOCK, &r, "ii", (long long)pid,
	    (long long)sid);
	if (rc != DB_OK || !db_next(r))
		goto out;
	if (db_int(r, 0)) {
		*res = 1;
		goto out;
	}
	if ((rc = db_exec(db, RM_POLL_CLOSE, NULL, "i",
	    (long long)pid)) != DB_OK ||
	    (rc = event(db, sid, "poll", actor, 0, detail(a, "closed",
	    db_text(r, 1)))) != DB_OK)
		goto out;
	arena_free(a);
	if ((rc = db_commit(db)) == DB_OK)
		*res = 0;
	return rc;
out:
	arena_free(a);
	db_rollback(db);
	return rc;
}

/* The slides of a result (SLIDE_COLS). */
static void
slide_rows(struct arena *a, struct dbres *res, struct room_slide **list,
    size_t *n)
{
	struct room_slide *s;

	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	*n = 0;
	while (db_next(res)) {
		s = &(*list)[(*n)++];
		s->id = db_int(res, 0);
		s->session_id = db_int(res, 1);
		s->filename = db_dup(a, res, 2);
		s->stored_name = db_dup(a, res, 3);
		s->size = db_int(res, 4);
		s->uploaded_at = db_dup(a, res, 5);
	}
}

enum db_rc
db_room_slides(struct db *db, struct arena *a, int64_t sid,
    struct room_slide **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, RM_SLIDES, &res, "i",
	    (long long)sid)) != DB_OK)
		return rc;
	slide_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_room_slide_get(struct db *db, struct arena *a, int64_t id,
    struct room_slide **out)
{
	struct dbres	*res;
	size_t		 n;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, RM_SLIDE_GET, &res, "i",
	    (long long)id)) != DB_OK)
		return rc;
	slide_rows(a, res, out, &n);
	if (n == 0)
		*out = NULL;
	return DB_OK;
}

enum db_rc
db_room_slide_add(struct db *db, int64_t sid, int64_t uid,
    const char *filename, const char *stored, long long size, int64_t *id)
{
	struct arena	*a;
	enum db_rc	 rc;

	*id = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, RM_SLIDE_ADD, NULL, "issii", (long long)sid,
	    filename, stored, size, (long long)uid)) != DB_OK)
		goto fail;
	*id = db_last_id(db);
	a = arena_new();
	rc = event(db, sid, "slides", uid, 0, detail(a, "uploaded", filename));
	arena_free(a);
	if (rc != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	*id = 0;
	db_rollback(db);
	return rc;
}

enum db_rc
db_room_slide_delete(struct db *db, int64_t sid, int64_t id, int64_t actor,
    const char *filename, int *gone)
{
	struct arena	*a;
	long long	 changed = 0;
	enum db_rc	 rc;

	*gone = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, RM_SLIDE_DEL, &changed, "ii", (long long)id,
	    (long long)sid)) != DB_OK)
		goto fail;
	if (changed == 0) {
		db_rollback(db);
		return DB_OK;
	}
	a = arena_new();
	rc = event(db, sid, "slides", actor, 0, detail(a, "deleted",
	    filename));
	arena_free(a);
	if (rc != DB_OK)
		goto fail;
	if ((rc = db_commit(db)) == DB_OK)
		*gone = 1;
	return rc;
fail:
	db_rollback(db);
	return rc;
}

enum db_rc
db_room_people(struct db *db, struct arena *a, const struct classroom *c,
    const char *after_name, int64_t after_id, struct room_person **list,
    size_t *n)
{
	struct dbres	*res;
	struct room_person *p;
	enum db_rc	 rc;
	int		 keyset = after_name != NULL && after_id > 0;

	*list = NULL;
	*n = 0;
	if (!keyset)
		after_name = "";
	if ((rc = db_query(db, a, RM_PEOPLE, &res, "iiiiiissi",
	    (long long)c->channel_id, (long long)c->live_session_id,
	    (long long)c->live_session_id, (long long)c->id, (long long)c->id,
	    (long long)keyset, after_name, after_name,
	    (long long)after_id)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		p = &(*list)[(*n)++];
		p->user_id = db_int(res, 0);
		p->name = db_dup(a, res, 1);
		p->site_admin = (int)db_int(res, 2);
		p->room_admin = (int)db_int(res, 3);
		p->promoted = (int)db_int(res, 4);
		p->removed = (int)db_int(res, 5);
		p->joins = db_int(res, 6);
		p->minutes = db_int(res, 7);
		p->present = (int)db_int(res, 8);
	}
	return DB_OK;
}

enum db_rc
db_room_flag(struct db *db, int64_t sid, int64_t target, int64_t actor,
    enum room_flag flag)
{
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, flag == ROOM_PROMOTE ? RM_PROMOTE : RM_REMOVE,
	    NULL, "ii", (long long)sid, (long long)target)) != DB_OK ||
	    (rc = event(db, sid, flag == ROOM_PROMOTE ? "promoted" :
	    "removed", actor, target, NULL)) != DB_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

enum db_rc
db_room_locks(struct db *db, int64_t sid, int64_t actor, int lock_camera,
    int was_camera, int lock_mic, int was_mic)
{
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, RM_LOCKS, NULL, "iii", (long long)!!lock_camera,
	    (long long)!!lock_mic, (long long)sid)) != DB_OK)
		goto fail;
	if (!lock_camera != !was_camera && (rc = event(db, sid, lock_camera ?
	    "lock_camera" : "unlock_camera", actor, 0, NULL)) != DB_OK)
		goto fail;
	if (!lock_mic != !was_mic && (rc = event(db, sid, lock_mic ?
	    "lock_mic" : "unlock_mic", actor, 0, NULL)) != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return rc;
}

enum db_rc
db_room_presence(struct db *db, int64_t sid, int64_t uid, int join,
    int moderator)
{
	long long	 changed = 0;
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if (join)
		rc = db_exec(db, RM_JOIN, &changed, "iis", (long long)sid,
		    (long long)uid, moderator ? "moderator" : "viewer");
	else
		rc = db_exec(db, RM_LEAVE, &changed, "ii", (long long)sid,
		    (long long)uid);
	if (rc != DB_OK)
		goto fail;
	/* A leave with no visit open changes nothing and logs nothing. */
	if (changed > 0 && (rc = event(db, sid, join ? "joined" : "left",
	    uid, uid, NULL)) != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return rc;
}
