/*
 * db-classroom.c: the classroom domain's SQL: channels, their members
 * and classroom sessions.
 */
#include <stdlib.h>
#include <string.h>

#include "classroom.h"
#include "db.h"
#include "model.h"
#include "util.h"

enum {
	CL_GET = DOM_BASE(DOM_CLASSROOM),
	CL_BY_MEETING,
	CL_ACCESS,
	CL__END
};

#define S(id)	((id) - CL_GET)

#define SESSION_COLS \
	"s.id, s.channel_id, s.live_session_id, " \
	"COALESCE(ch.name, ls.title, c.title), s.provider, s.meeting_id, " \
	"s.name, s.description, s.record, s.allow_camera, s.allow_mic, " \
	"s.mute_on_join, s.notify_system, s.notify_email, s.lock_camera, " \
	"s.lock_mic, s.status, s.create_time, s.started_at, s.ended_at, " \
	"s.deleted_at IS NOT NULL"
#define SESSION_FROM \
	"FROM classroom_sessions s " \
	"LEFT JOIN channels ch ON ch.id = s.channel_id " \
	"LEFT JOIN live_sessions ls ON ls.id = s.live_session_id " \
	"LEFT JOIN courses c ON c.id = ls.course_id "

static const char *const sqltab[] = {
	[S(CL_GET)] =
	    "SELECT " SESSION_COLS " " SESSION_FROM "WHERE s.id = ?",
	[S(CL_BY_MEETING)] =
	    "SELECT " SESSION_COLS " " SESSION_FROM "WHERE s.meeting_id = ?",
	/*
	 * One row: channel admin, channel member, lesson teacher, lesson
	 * learner, promoted, removed; for session ? and user ?.
	 */
	[S(CL_ACCESS)] =
	    "SELECT COALESCE(MAX(m.is_admin), 0), COUNT(m.user_id), "
	    "COALESCE(MAX(ls.teacher_id = u.id), 0), "
	    "COALESCE(MAX(lp.learner_id IS NOT NULL), 0), "
	    "COALESCE(MAX(p.promoted), 0), COALESCE(MAX(p.removed), 0) "
	    "FROM classroom_sessions s JOIN users u ON u.id = ? "
	    "LEFT JOIN channel_members m ON m.channel_id = s.channel_id "
	    "AND m.user_id = u.id "
	    "LEFT JOIN live_sessions ls ON ls.id = s.live_session_id "
	    "LEFT JOIN live_participants lp ON lp.session_id = ls.id "
	    "AND lp.learner_id = u.id "
	    "LEFT JOIN classroom_participants p ON p.session_id = s.id "
	    "AND p.user_id = u.id WHERE s.id = ?",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == S(CL__END),
    "one SQL text per statement");

const struct sqltable sql_classroom = { S(CL__END), sqltab };

static enum db_rc
load(struct db *db, struct arena *a, int stmt, const char *fmt,
    long long id, const char *mid, struct classroom **out)
{
	struct dbres	*res;
	struct classroom *c;
	enum db_rc	 rc;

	*out = NULL;
	rc = fmt[0] == 'i' ? db_query(db, a, stmt, &res, fmt, id) :
	    db_query(db, a, stmt, &res, fmt, mid);
	if (rc != DB_OK)
		return rc;
	if (!db_next(res))
		return DB_OK;
	c = arena_alloc(a, sizeof(*c));
	c->id = db_int(res, 0);
	c->channel_id = db_int(res, 1);
	c->live_session_id = db_int(res, 2);
	c->room_name = db_dup(a, res, 3);
	c->provider = db_dup(a, res, 4);
	c->meeting_id = db_dup(a, res, 5);
	c->name = db_dup(a, res, 6);
	c->description = db_dup(a, res, 7);
	c->record = (int)db_int(res, 8);
	c->allow_camera = (int)db_int(res, 9);
	c->allow_mic = (int)db_int(res, 10);
	c->mute_on_join = (int)db_int(res, 11);
	c->notify_system = (int)db_int(res, 12);
	c->notify_email = (int)db_int(res, 13);
	c->lock_camera = (int)db_int(res, 14);
	c->lock_mic = (int)db_int(res, 15);
	c->status = db_dup(a, res, 16);
	c->create_time = db_int(res, 17);
	c->started_at = db_dup(a, res, 18);
	c->ended_at = db_dup(a, res, 19);
	c->deleted = (int)db_int(res, 20);
	if (c->room_name == NULL)
		c->room_name = arena_strdup(a, c->name);
	*out = c;
	return DB_OK;
}

enum db_rc
db_classroom_get(struct db *db, struct arena *a, int64_t id,
    struct classroom **out)
{
	return load(db, a, CL_GET, "i", (long long)id, NULL, out);
}

enum db_rc
db_classroom_by_meeting(struct db *db, struct arena *a,
    const char *meeting_id, struct classroom **out)
{
	return load(db, a, CL_BY_MEETING, "s", 0, meeting_id, out);
}

enum db_rc
db_classroom_access(struct db *db, const struct classroom *c,
    const struct user *u, struct classroom_access *acc)
{
	struct arena	*a;
	struct dbres	*res;
	enum db_rc	 rc;
	int		 ch_admin, member, teacher, learner;

	memset(acc, 0, sizeof(*acc));
	if (u == NULL || c == NULL)
		return DB_OK;
	a = arena_new();
	if ((rc = db_query(db, a, CL_ACCESS, &res, "ii", (long long)u->id,
	    (long long)c->id)) != DB_OK || !db_next(res)) {
		arena_free(a);
		return rc;
	}
	ch_admin = (int)db_int(res, 0);
	member = db_int(res, 1) > 0;
	teacher = (int)db_int(res, 2);
	learner = (int)db_int(res, 3);
	acc->promoted = (int)db_int(res, 4);
	acc->removed = (int)db_int(res, 5);
	arena_free(a);

	if (u->role == ROLE_ADMIN || ch_admin || teacher) {
		acc->role = CR_MODERATOR;
		acc->admin = 1;
		acc->removed = 0;
	} else if (acc->removed)
		acc->role = CR_NONE;
	else if (member || learner)
		acc->role = acc->promoted ? CR_MODERATOR : CR_VIEWER;
	return DB_OK;
}
