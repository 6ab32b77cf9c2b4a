/*
 * db-analytics.c: the statements of a channel's analytics
 * (analytics.h) and their functions.  Each page runs a fixed number of
 * them whatever the channel's size: one for the latest sessions, one
 * for the count of sessions held, one for a page of learners.
 */
#include <string.h>

#include "classroom/analytics.h"
#include "core/db.h"
#include "lib/util.h"

enum {
	AN_SESSIONS = DB_BASE(CLASSROOM_ANALYTICS_SLOT),
	AN_HELD,
	AN_LEARNERS,
	AN__END
};

/* An ended session s of the channel that was not deleted. */
#define ENDED \
	"s.status = 'ended' AND s.deleted_at IS NULL "
/* User col is a learner of session s's channel: not one of its
 * admins, not a site administrator. */
#define LEARNER(col) \
	"NOT EXISTS (SELECT 1 FROM channel_members k WHERE k.channel_id = " \
	"s.channel_id AND k.user_id = " col " AND k.is_admin = 1) AND " \
	"NOT EXISTS (SELECT 1 FROM users a WHERE a.id = " col " AND " \
	"a.role = 'admin') "
/* Rows p of member u (whose user column is col) in the channel's
 * ended sessions s. */
#define MINE(col) \
	"JOIN classroom_sessions s ON s.id = p.session_id WHERE " \
	col " = u.id AND s.channel_id = m.channel_id AND " ENDED

_Static_assert(ANALYTICS_SESSIONS == 12, "AN_SESSIONS' LIMIT");

#define S(id)	((id) - AN_SESSIONS)

static const char *const sqltab[] = {
	[S(AN_SESSIONS)] =
	    "SELECT s.id, s.name, s.started_at, "
	    "(SELECT COUNT(*) FROM classroom_participants p WHERE "
	    "p.session_id = s.id AND p.joins > 0 AND " LEARNER("p.user_id")
	    "), (SELECT COALESCE(SUM(p.minutes), 0) FROM "
	    "classroom_participants p WHERE p.session_id = s.id AND "
	    "p.joins > 0 AND " LEARNER("p.user_id") "), "
	    "(SELECT COALESCE(SUM(p.chats), 0) FROM classroom_participants p "
	    "WHERE p.session_id = s.id AND " LEARNER("p.user_id") ") + "
	    "(SELECT COUNT(*) FROM classroom_chat c WHERE c.session_id = "
	    "s.id AND " LEARNER("c.user_id") "), "
	    "(SELECT COALESCE(SUM(p.poll_votes), 0) FROM "
	    "classroom_participants p WHERE p.session_id = s.id AND "
	    LEARNER("p.user_id") ") + (SELECT COUNT(*) FROM "
	    "classroom_poll_votes v JOIN classroom_polls q ON q.id = "
	    "v.poll_id WHERE q.session_id = s.id AND q.provider_poll_id IS "
	    "NULL AND " LEARNER("v.user_id") ") "
	    "FROM classroom_sessions s WHERE s.channel_id = ? AND " ENDED
	    "ORDER BY s.started_at DESC, s.id DESC LIMIT 12",
	[S(AN_HELD)] =
	    "SELECT COUNT(*) FROM classroom_sessions s WHERE s.channel_id = ? "
	    "AND " ENDED,
	/* A page of plain members, each with their figures. */
	[S(AN_LEARNERS)] =
	    "SELECT u.id, u.name, u.email, "
	    "(SELECT COUNT(*) FROM classroom_participants p " MINE("p.user_id")
	    "AND p.joins > 0), "
	    "(SELECT COALESCE(SUM(p.minutes), 0) FROM classroom_participants "
	    "p " MINE("p.user_id") "AND p.joins > 0), "
	    "(SELECT COALESCE(SUM(p.chats), 0) FROM classroom_participants p "
	    MINE("p.user_id") ") + (SELECT COUNT(*) FROM classroom_chat p "
	    MINE("p.user_id") "), "
	    "(SELECT COALESCE(SUM(p.poll_votes), 0) FROM "
	    "classroom_participants p " MINE("p.user_id") ") + (SELECT COUNT(*) "
	    "FROM classroom_poll_votes v JOIN classroom_polls p ON p.id = "
	    "v.poll_id AND p.provider_poll_id IS NULL " MINE("v.user_id")
	    ") FROM channel_members m JOIN users u ON u.id = m.user_id "
	    "WHERE m.channel_id = ? AND m.is_admin = 0 AND u.role <> 'admin' "
	    "AND (? = 0 OR u.name > ? OR (u.name = ? AND u.id > ?)) "
	    "ORDER BY u.name, u.id LIMIT ?",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == S(AN__END),
    "one SQL text per analytics statement");

const struct sqltable sql_classroom_analytics = { S(AN__END), sqltab };

enum db_rc
db_analytics_sessions(struct db *db, struct arena *a, int64_t channel_id,
    struct an_session **list, size_t *n, long long *held)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	*list = NULL;
	*n = 0;
	*held = 0;
	if ((rc = db_query(db, a, AN_HELD, &res, "i",
	    (long long)channel_id)) != DB_OK)
		return rc;
	if (db_next(res))
		*held = db_int(res, 0);
	if ((rc = db_query(db, a, AN_SESSIONS, &res, "i",
	    (long long)channel_id)) != DB_OK)
		return rc;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		(*list)[i].id = db_int(res, 0);
		(*list)[i].name = db_dup(a, res, 1);
		(*list)[i].started_at = db_dup(a, res, 2);
		(*list)[i].learners = db_int(res, 3);
		(*list)[i].minutes = db_int(res, 4);
		(*list)[i].messages = db_int(res, 5);
		(*list)[i].votes = db_int(res, 6);
	}
	*n = i;
	return DB_OK;
}

enum db_rc
db_analytics_learners(struct db *db, struct arena *a, int64_t channel_id,
    const char *after_name, int64_t after_id, size_t limit,
    struct an_learner **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	*list = NULL;
	*n = 0;
	if (after_name == NULL || after_id == 0) {
		after_name = "";
		after_id = 0;
	}
	if ((rc = db_query(db, a, AN_LEARNERS, &res, "iissii",
	    (long long)channel_id, (long long)after_id, after_name,
	    after_name, (long long)after_id, (long long)limit)) != DB_OK)
		return rc;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		(*list)[i].id = db_int(res, 0);
		(*list)[i].name = db_dup(a, res, 1);
		(*list)[i].email = db_dup(a, res, 2);
		(*list)[i].attended = db_int(res, 3);
		(*list)[i].minutes = db_int(res, 4);
		(*list)[i].messages = db_int(res, 5);
		(*list)[i].votes = db_int(res, 6);
	}
	*n = i;
	return DB_OK;
}
