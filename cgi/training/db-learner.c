/*
 * db-learn.c: the SQL of the learner's and coach's pages of training
 * sessions, and the domain functions over it (declared in learn.h).
 */
#include <string.h>

#include "core/db.h"
#include "training/learner.h"
#include "lib/util.h"

enum {
	LEARN_MY_ENROLLED = DB_BASE(LEARNER_SLOT),
	LEARN_MY_COACHED,
	LEARN_SESSION,
	LEARN_COURSES_ALL,
	LEARN_COURSES_COACHED,
	LEARN_COURSES_ENROLLED,
	LEARN_COURSE,
	LEARN_LESSONS,
	LEARN_TRACK,
	LEARN_LEARNERS_FIRST,
	LEARN_LEARNERS_AFTER,
	LEARN__END
};

#define LEARN_N		(LEARN__END - DB_BASE(LEARNER_SLOT))

/*
 * "My sessions": the inner query names each session's window (d_start,
 * d_end); the middle one its section (0 current, 1 upcoming, 2 past,
 * decided like date_window() in lms.c: before the start first, then
 * after the end; today is bound twice); the outer one numbers the rows
 * of each section in display order (current: ending soonest; upcoming:
 * starting soonest; past: ended most recently) so that only the first
 * rows of each come back.
 */
#define MY_RANKED(inner) \
	"SELECT id, name, d_start, d_end, sec, session_coach, hidden FROM (" \
	"SELECT x.*, ROW_NUMBER() OVER (PARTITION BY x.sec ORDER BY " \
	"CASE x.sec WHEN 0 THEN COALESCE(x.d_end, '9999-12-31') " \
	"WHEN 1 THEN x.d_start END, " \
	"CASE WHEN x.sec = 2 THEN x.d_end END DESC, x.name, x.id) AS rn " \
	"FROM (SELECT w.*, CASE WHEN w.d_start > ? THEN 1 " \
	"WHEN w.d_end < ? THEN 2 ELSE 0 END AS sec " \
	"FROM (" inner ") w) x) y WHERE y.rn <= ? ORDER BY y.sec, y.rn"

#define COURSE_COLS \
	"c.id, c.title, c.code, c.description, sc.coach_id, u.name"
#define COURSE_FROM \
	"FROM session_courses sc JOIN courses c ON c.id = sc.course_id " \
	"LEFT JOIN users u ON u.id = sc.coach_id "
#define COURSE_ORDER	" ORDER BY sc.position, c.title, c.id"

#define LEARNERS_SELECT \
	"SELECT u.id, u.name, u.email, t.last_access_at, " \
	"COALESCE(t.access_count, 0) FROM session_course_learners scl " \
	"JOIN session_learners sl ON sl.session_id = scl.session_id " \
	"AND sl.user_id = scl.user_id " \
	"JOIN users u ON u.id = scl.user_id " \
	"LEFT JOIN session_tracking t ON t.session_id = scl.session_id " \
	"AND t.course_id = scl.course_id AND t.user_id = scl.user_id " \
	"WHERE scl.session_id = ? AND scl.course_id = ? "

static const char *const sqltab[LEARN_N] = {
	/* today, today (section), uid, today, today (display), limit */
	[LEARN_MY_ENROLLED - DB_BASE(LEARNER_SLOT)] = MY_RANKED(
	    "SELECT s.id, s.name, s.access_start AS d_start, "
	    "s.access_end AS d_end, 0 AS session_coach, 0 AS hidden "
	    "FROM session_learners l JOIN lms_sessions s "
	    "ON s.id = l.session_id WHERE l.user_id = ? "
	    "AND s.visibility <> 'hidden' "
	    "AND (s.display_start IS NULL OR s.display_start <= ?) "
	    "AND (s.display_end IS NULL OR s.display_end >= ?)"),
	/* today, today (section), uid, uid, uid, limit */
	[LEARN_MY_COACHED - DB_BASE(LEARNER_SLOT)] = MY_RANKED(
	    "SELECT s.id, s.name, s.coach_start AS d_start, "
	    "s.coach_end AS d_end, s.coach_id <=> ? AS session_coach, "
	    "s.visibility = 'hidden' AS hidden "
	    "FROM (SELECT id AS sid FROM lms_sessions WHERE coach_id = ? "
	    "UNION SELECT session_id FROM session_courses "
	    "WHERE coach_id = ?) k JOIN lms_sessions s ON s.id = k.sid"),
	[LEARN_SESSION - DB_BASE(LEARNER_SLOT)] =
	    "SELECT s.id, s.name, s.description, s.visibility, "
	    "s.access_start, s.access_end, s.coach_start, s.coach_end, "
	    "s.coach_id, u.name, "
	    "EXISTS (SELECT 1 FROM session_learners l "
	    "WHERE l.session_id = s.id AND l.user_id = ?), "
	    "EXISTS (SELECT 1 FROM session_courses sc "
	    "WHERE sc.session_id = s.id AND sc.coach_id = ?) "
	    "FROM lms_sessions s LEFT JOIN users u ON u.id = s.coach_id "
	    "WHERE s.id = ?",
	[LEARN_COURSES_ALL - DB_BASE(LEARNER_SLOT)] =
	    "SELECT " COURSE_COLS ", 0 " COURSE_FROM
	    "WHERE sc.session_id = ?" COURSE_ORDER,
	[LEARN_COURSES_COACHED - DB_BASE(LEARNER_SLOT)] =
	    "SELECT " COURSE_COLS ", 0 " COURSE_FROM
	    "WHERE sc.session_id = ? AND sc.coach_id = ?" COURSE_ORDER,
	[LEARN_COURSES_ENROLLED - DB_BASE(LEARNER_SLOT)] =
	    "SELECT " COURSE_COLS ", 1 " COURSE_FROM
	    "JOIN session_course_learners scl "
	    "ON scl.session_id = sc.session_id "
	    "AND scl.course_id = sc.course_id "
	    "WHERE sc.session_id = ? AND scl.user_id = ?" COURSE_ORDER,
	[LEARN_COURSE - DB_BASE(LEARNER_SLOT)] =
	    "SELECT " COURSE_COLS ", "
	    "EXISTS (SELECT 1 FROM session_course_learners scl "
	    "WHERE scl.session_id = sc.session_id "
	    "AND scl.course_id = sc.course_id AND scl.user_id = ?) "
	    COURSE_FROM "WHERE sc.session_id = ? AND sc.course_id = ?",
	[LEARN_LESSONS - DB_BASE(LEARNER_SLOT)] =
	    "SELECT id, title, type FROM course_lessons "
	    "WHERE course_id = ? AND archived = 0 ORDER BY position, id",
	[LEARN_TRACK - DB_BASE(LEARNER_SLOT)] =
	    "INSERT INTO session_tracking (session_id, course_id, user_id, "
	    "first_access_at, last_access_at, access_count) "
	    "VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), 1) "
	    "ON DUPLICATE KEY UPDATE last_access_at = UTC_TIMESTAMP(), "
	    "access_count = access_count + 1",
	[LEARN_LEARNERS_FIRST - DB_BASE(LEARNER_SLOT)] =
	    LEARNERS_SELECT "ORDER BY u.name, u.id LIMIT ?",
	[LEARN_LEARNERS_AFTER - DB_BASE(LEARNER_SLOT)] =
	    LEARNERS_SELECT "AND (u.name > ? OR (u.name = ? AND u.id > ?)) "
	    "ORDER BY u.name, u.id LIMIT ?",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == LEARN_N,
    "one SQL text per learn statement");

const struct sqltable sql_learner = { LEARN_N, sqltab };

/* Copy the rows of a "My sessions" query into a new list. */
static void
my_rows(struct arena *a, struct dbres *res, int coach,
    struct my_session **list, size_t *n)
{
	struct my_session	*m;
	size_t			 i;

	*n = res->nrows;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		m = &(*list)[i];
		m->id = db_int(res, 0);
		m->name = arena_strdup(a, db_text(res, 1));
		m->start = db_dup(a, res, 2);
		m->end = db_dup(a, res, 3);
		m->section = (int)db_int(res, 4);
		m->coach = coach;
		m->session_coach = db_int(res, 5) != 0;
		m->hidden = db_int(res, 6) != 0;
	}
}

enum db_rc
db_learn_my_enrolled(struct db *db, struct arena *a, int64_t uid,
    const char *today, int limit, struct my_session **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	if ((rc = db_query(db, a, LEARN_MY_ENROLLED, &res, "ssissi", today,
	    today, (long long)uid, today, today, (long long)limit)) != DB_OK)
		return rc;
	my_rows(a, res, 0, list, n);
	return DB_OK;
}

enum db_rc
db_learn_my_coached(struct db *db, struct arena *a, int64_t uid,
    const char *today, int limit, struct my_session **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	if ((rc = db_query(db, a, LEARN_MY_COACHED, &res, "ssiiii", today,
	    today, (long long)uid, (long long)uid, (long long)uid,
	    (long long)limit)) != DB_OK)
		return rc;
	my_rows(a, res, 1, list, n);
	return DB_OK;
}

enum db_rc
db_learn_session(struct db *db, struct arena *a, int64_t sid, int64_t uid,
    struct learn_session **out)
{
	struct learn_session	*s;
	struct dbres		*res;
	enum db_rc		 rc;

	*out = NULL;
	if ((rc = db_query(db, a, LEARN_SESSION, &res, "iii", (long long)uid,
	    (long long)uid, (long long)sid)) != DB_OK)
		return rc;
	if (!db_next(res))
		return DB_OK;
	s = arena_alloc(a, sizeof(*s));
	s->id = db_int(res, 0);
	s->name = arena_strdup(a, db_text(res, 1));
	s->description = db_dup(a, res, 2);
	s->visibility = arena_strdup(a, db_text(res, 3));
	s->access_start = db_dup(a, res, 4);
	s->access_end = db_dup(a, res, 5);
	s->coach_start = db_dup(a, res, 6);
	s->coach_end = db_dup(a, res, 7);
	s->coach_id = db_int(res, 8);
	s->coach_name = db_dup(a, res, 9);
	s->enrolled = db_int(res, 10) != 0;
	s->course_coach = db_int(res, 11) != 0;
	*out = s;
	return DB_OK;
}

/* Copy the current row of a COURSE_COLS query (plus "enrolled"). */
static void
course_row(struct arena *a, const struct dbres *res, struct learn_course *c)
{
	c->id = db_int(res, 0);
	c->title = arena_strdup(a, db_text(res, 1));
	c->code = arena_strdup(a, db_text(res, 2));
	c->description = db_dup(a, res, 3);
	c->coach_id = db_int(res, 4);
	c->coach_name = db_dup(a, res, 5);
	c->enrolled = db_int(res, 6) != 0;
}

enum db_rc
db_learn_courses(struct db *db, struct arena *a, int64_t sid,
    enum course_scope scope, int64_t uid, struct learn_course **list,
    size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	switch (scope) {
	case SCOPE_COACHED:
		rc = db_query(db, a, LEARN_COURSES_COACHED, &res, "ii",
		    (long long)sid, (long long)uid);
		break;
	case SCOPE_ENROLLED:
		rc = db_query(db, a, LEARN_COURSES_ENROLLED, &res, "ii",
		    (long long)sid, (long long)uid);
		break;
	default:
		rc = db_query(db, a, LEARN_COURSES_ALL, &res, "i",
		    (long long)sid);
		break;
	}
	if (rc != DB_OK)
		return rc;
	*n = res->nrows;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++)
		course_row(a, res, &(*list)[i]);
	return DB_OK;
}

enum db_rc
db_learn_course(struct db *db, struct arena *a, int64_t sid, int64_t cid,
    int64_t uid, struct learn_course **out)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, LEARN_COURSE, &res, "iii", (long long)uid,
	    (long long)sid, (long long)cid)) != DB_OK)
		return rc;
	if (!db_next(res))
		return DB_OK;
	*out = arena_alloc(a, sizeof(**out));
	course_row(a, res, *out);
	return DB_OK;
}

enum db_rc
db_learn_lessons(struct db *db, struct arena *a, int64_t cid,
    struct learn_lesson **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	if ((rc = db_query(db, a, LEARN_LESSONS, &res, "i",
	    (long long)cid)) != DB_OK)
		return rc;
	*n = res->nrows;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		(*list)[i].id = db_int(res, 0);
		(*list)[i].title = arena_strdup(a, db_text(res, 1));
		(*list)[i].type = arena_strdup(a, db_text(res, 2));
	}
	return DB_OK;
}

enum db_rc
db_learn_track(struct db *db, int64_t sid, int64_t cid, int64_t uid)
{
	return db_exec(db, LEARN_TRACK, NULL, "iii", (long long)sid,
	    (long long)cid, (long long)uid);
}

enum db_rc
db_learn_course_learners(struct db *db, struct arena *a, int64_t sid,
    int64_t cid, const char *after_name, int64_t after_id, int limit,
    struct learn_tracking **list, size_t *n)
{
	struct learn_tracking	*t;
	struct dbres		*res;
	enum db_rc		 rc;
	size_t			 i;

	if (after_id > 0)
		rc = db_query(db, a, LEARN_LEARNERS_AFTER, &res, "iissii",
		    (long long)sid, (long long)cid,
		    after_name ? after_name : "", after_name ? after_name : "",
		    (long long)after_id, (long long)limit);
	else
		rc = db_query(db, a, LEARN_LEARNERS_FIRST, &res, "iii",
		    (long long)sid, (long long)cid, (long long)limit);
	if (rc != DB_OK)
		return rc;
	*n = res->nrows;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		t = &(*list)[i];
		t->user_id = db_int(res, 0);
		t->name = arena_strdup(a, db_text(res, 1));
		t->email = arena_strdup(a, db_text(res, 2));
		t->last_access = db_dup(a, res, 3);
		t->count = db_int(res, 4);
	}
	return DB_OK;
}
