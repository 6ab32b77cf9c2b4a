/*
 * db.c: the schedule domain's SQL and its functions: live lessons,
 * their participants, status history and attendance.  A lesson, its
 * participants, its status log and the notices they cause (notices.h)
 * change together in one transaction.
 */
#include <stdlib.h>
#include <string.h>

#include "billing/billing.h"
#include "core/db.h"
#include "schedule/notices.h"
#include "schedule/schedule.h"
#include "lib/util.h"

enum {
	LV_RANGE = DB_BASE(SCHEDULE_SLOT),
	LV_UPCOMING,
	LV_GET,
	LV_PARTICIPANTS,
	LV_LOG,
	LV_TEACHERS,
	LV_COURSES,
	LV_LESSONS,
	LV_ENROLLMENTS,
	LV_GROUPS,
	LV_MEMBERS,
	LV_CLASH,
	LV_INSERT,
	LV_UPDATE,
	LV_PART_CLEAR,
	LV_PART_ADD,
	LV_LOG_ADD,
	LV_LEARNER_CLASH,
	LV_MOVE,
	LV_ATTEND,
	LV_NOTES,
	LV_TODO,
	LV_GLANCE,
	LV_QUARTERS,
	LV__END
};

/*
 * The list columns and their source.  The scope binds four values:
 * teacher, teacher, learner, learner (0 leaves that side out).
 */
#define LIST_COLS \
	"s.id, s.course_id, c.title, s.lesson_id, l.title, s.teacher_id, " \
	"t.name, s.meeting_type, s.enrollment_id, s.group_id, s.title, " \
	"s.notes, s.starts_at, s.ends_at, s.duration_min, s.status, " \
	"s.cancel_reason, s.session_notes, s.rule_id, (SELECT COUNT(*) " \
	"FROM live_participants pc WHERE pc.session_id = s.id), " \
	"s.token_cost"
#define LIST_FROM \
	"FROM live_sessions s JOIN courses c ON c.id = s.course_id " \
	"LEFT JOIN course_lessons l ON l.id = s.lesson_id " \
	"JOIN users t ON t.id = s.teacher_id " \
	"WHERE (? = 0 OR s.teacher_id = ?) AND (? = 0 OR EXISTS (SELECT 1 " \
	"FROM live_participants x WHERE x.session_id = s.id AND " \
	"x.learner_id = ?)) "
#define LIST_ORDER	"ORDER BY s.starts_at, s.id "

_Static_assert(LIVE_PAGE + 1 == 51, "LV_UPCOMING fetches a page and one");

#define S(id)	((id) - LV_RANGE)

static const char *const sqltab[] = {
	[S(LV_RANGE)] =
	    "SELECT " LIST_COLS " " LIST_FROM
	    "AND s.starts_at >= ? AND s.starts_at < ? " LIST_ORDER,
	[S(LV_UPCOMING)] =
	    "SELECT " LIST_COLS " " LIST_FROM "AND s.ends_at > ? "
	    "AND (? = 0 OR s.starts_at > ? OR (s.starts_at = ? AND s.id > ?)) "
	    LIST_ORDER "LIMIT 51",
	[S(LV_GET)] =
	    "SELECT " LIST_COLS " " LIST_FROM "AND s.id = ?",
	[S(LV_PARTICIPANTS)] =
	    "SELECT p.learner_id, u.name, p.attendance, COALESCE(a.balance, "
	    "0), (SELECT g.reason FROM token_ledger g WHERE g.session_id = "
	    "p.session_id AND g.account_id = a.id) FROM live_participants "
	    "p JOIN users u ON u.id = p.learner_id LEFT JOIN token_accounts "
	    "a ON a.user_id = p.learner_id WHERE p.session_id = ? "
	    "ORDER BY u.name, u.id",
	[S(LV_LOG)] =
	    "SELECT g.from_status, g.to_status, u.name, g.reason, "
	    "g.changed_at FROM live_status_log g LEFT JOIN users u ON "
	    "u.id = g.user_id WHERE g.session_id = ? ORDER BY g.id",
	[S(LV_TEACHERS)] =
	    "SELECT id, 0, 0, name, NULL FROM users WHERE role = 'teacher' "
	    "AND disabled = 0 ORDER BY name, id",
	[S(LV_COURSES)] =
	    "SELECT id, id, 0, title, NULL FROM courses WHERE archived = 0 "
	    "OR id = ? ORDER BY title, id",
	[S(LV_LESSONS)] =
	    "SELECT l.id, l.course_id, 0, l.title, c.title FROM course_lessons "
	    "l JOIN courses c ON c.id = l.course_id WHERE (c.archived = 0 AND "
	    "l.archived = 0) OR l.id = ? ORDER BY c.title, c.id, l.position, "
	    "l.id",
	[S(LV_ENROLLMENTS)] =
	    "SELECT e.id, e.course_id, e.learner_id, u.name, c.title FROM "
	    "enrollments e JOIN users u ON u.id = e.learner_id JOIN courses c "
	    "ON c.id = e.course_id WHERE e.teacher_id = ? AND e.active = 1 "
	    "AND u.disabled = 0 ORDER BY u.name, u.id, c.title, e.id",
	[S(LV_GROUPS)] =
	    "SELECT id, 0, 0, name, NULL FROM student_groups WHERE "
	    "teacher_id = ? AND archived = 0 ORDER BY name, id",
	[S(LV_MEMBERS)] =
	    "SELECT learner_id FROM student_group_members WHERE group_id = ?",
	[S(LV_CLASH)] =
	    "SELECT id FROM live_sessions WHERE teacher_id = ? AND "
	    "status <> 'canceled' AND starts_at < ? AND ends_at > ? AND "
	    "id <> ? LIMIT 1 FOR UPDATE",
	[S(LV_INSERT)] =
	    "INSERT INTO live_sessions (course_id, lesson_id, teacher_id, "
	    "meeting_type, enrollment_id, group_id, title, notes, starts_at, "
	    "ends_at, duration_min, token_cost, status, created_at, "
	    "updated_at) VALUES (?, NULLIF(?, 0), ?, ?, NULLIF(?, 0), "
	    "NULLIF(?, 0), ?, ?, ?, ?, ?, ?, 'scheduled', UTC_TIMESTAMP(), "
	    "UTC_TIMESTAMP())",
	[S(LV_UPDATE)] =
	    "UPDATE live_sessions SET course_id = ?, lesson_id = NULLIF(?, 0), "
	    "teacher_id = ?, meeting_type = ?, enrollment_id = NULLIF(?, 0), "
	    "group_id = NULLIF(?, 0), title = ?, notes = ?, starts_at = ?, "
	    "ends_at = ?, duration_min = ?, token_cost = ?, "
	    "detached = rule_id IS NOT NULL, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ? AND status = "
	    "'scheduled'",
	[S(LV_PART_CLEAR)] =
	    "DELETE FROM live_participants WHERE session_id = ?",
	[S(LV_PART_ADD)] =
	    "INSERT IGNORE INTO live_participants (session_id, learner_id) "
	    "VALUES (?, ?)",
	[S(LV_LOG_ADD)] =
	    "INSERT INTO live_status_log (session_id, from_status, to_status, "
	    "user_id, reason, changed_at) VALUES (?, ?, ?, NULLIF(?, 0), ?, "
	    "UTC_TIMESTAMP())",
	[S(LV_LEARNER_CLASH)] =
	    "SELECT DISTINCT u.name FROM live_participants mine "
	    "JOIN live_participants p ON p.learner_id = mine.learner_id "
	    "AND p.session_id <> mine.session_id "
	    "JOIN live_sessions s ON s.id = p.session_id "
	    "JOIN users u ON u.id = p.learner_id "
	    "WHERE mine.session_id = ? AND s.status <> 'canceled' "
	    "AND s.starts_at < ? AND s.ends_at > ? ORDER BY u.name",
	[S(LV_MOVE)] =
	    "UPDATE live_sessions SET status = ?, cancel_reason = "
	    "IF(? = 'canceled', ?, cancel_reason), completed_at = "
	    "IF(? = 'ended', UTC_TIMESTAMP(), completed_at), updated_at = "
	    "UTC_TIMESTAMP() WHERE id = ? AND status = ?",
	[S(LV_ATTEND)] =
	    "UPDATE live_participants SET attendance = ? WHERE session_id = ? "
	    "AND learner_id = ?",
	[S(LV_NOTES)] =
	    "UPDATE live_sessions SET session_notes = ?, updated_at = "
	    "UTC_TIMESTAMP() WHERE id = ?",
	/*
	 * Lessons over but not done with: not marked as completed, or
	 * completed without notes or without everyone's attendance.  The
	 * extra column counts the learners whose attendance is not taken.
	 */
	[S(LV_TODO)] =
	    "SELECT " LIST_COLS ", (SELECT COUNT(*) FROM live_participants pu "
	    "WHERE pu.session_id = s.id AND pu.attendance IS NULL) " LIST_FROM
	    "AND s.starts_at >= ? AND s.ends_at <= ? AND (s.status IN "
	    "('scheduled', 'active') OR (s.status = 'ended' AND "
	    "(COALESCE(s.session_notes, '') = '' OR EXISTS (SELECT 1 FROM "
	    "live_participants pn WHERE pn.session_id = s.id AND "
	    "pn.attendance IS NULL)))) ORDER BY s.starts_at DESC, s.id DESC "
	    "LIMIT ?",
	/* Attendance per learner of a teacher's completed lessons. */
	[S(LV_GLANCE)] =
	    "SELECT p.learner_id, u.name, COUNT(*), "
	    "SUM(p.attendance = 'present'), SUM(p.attendance = 'late'), "
	    "SUM(p.attendance = 'absent'), SUM(p.attendance = 'excused') "
	    "FROM live_sessions s JOIN live_participants p ON "
	    "p.session_id = s.id JOIN users u ON u.id = p.learner_id "
	    "WHERE s.teacher_id = ? AND s.status = 'ended' AND "
	    "s.starts_at >= ? AND s.starts_at < ? GROUP BY p.learner_id, "
	    "u.name ORDER BY u.name, p.learner_id LIMIT ?",
	/*
	 * Lessons not canceled per quarter of an hour (UTC) of a range: a
	 * month has at most 31 * 96 rows whatever the number of lessons,
	 * and every zone's offset is a whole number of quarters, so each
	 * row falls on one local day.
	 */
	[S(LV_QUARTERS)] =
	    "SELECT s.starts_at - INTERVAL MOD(MINUTE(s.starts_at), 15) "
	    "MINUTE - INTERVAL SECOND(s.starts_at) SECOND AS q, COUNT(*) "
	    "FROM live_sessions s WHERE (? = 0 OR s.teacher_id = ?) AND "
	    "(? = 0 OR EXISTS (SELECT 1 FROM live_participants x WHERE "
	    "x.session_id = s.id AND x.learner_id = ?)) AND s.status <> "
	    "'canceled' AND s.starts_at >= ? AND s.starts_at < ? "
	    "GROUP BY q ORDER BY q",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == LV__END - LV_RANGE,
    "one SQL text per live statement");

const struct sqltable sql_schedule = {
	sizeof(sqltab) / sizeof(sqltab[0]), sqltab
};

/* The sessions of a result (LIST_COLS); allocates the array. */
static void
live_rows(struct arena *a, struct dbres *res, struct live_lesson **list,
    size_t *n)
{
	struct live_lesson	*s;

	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	*n = 0;
	while (db_next(res)) {
		s = &(*list)[(*n)++];
		s->id = db_int(res, 0);
		s->course_id = db_int(res, 1);
		s->course_title = db_dup(a, res, 2);
		s->lesson_id = db_int(res, 3);
		s->lesson_title = db_dup(a, res, 4);
		s->teacher_id = db_int(res, 5);
		s->teacher_name = db_dup(a, res, 6);
		s->meeting_type = db_dup(a, res, 7);
		s->enrollment_id = db_int(res, 8);
		s->group_id = db_int(res, 9);
		s->title = db_dup(a, res, 10);
		s->notes = db_dup(a, res, 11);
		s->starts_at = db_dup(a, res, 12);
		s->ends_at = db_dup(a, res, 13);
		s->duration_min = db_int(res, 14);
		/* The column's ENUM holds no other word. */
		if (!live_status_parse(db_text(res, 15), &s->status))
			s->status = LIVE_CANCELED;
		s->cancel_reason = db_dup(a, res, 16);
		s->session_notes = db_dup(a, res, 17);
		s->rule_id = db_int(res, 18);
		s->participants = db_int(res, 19);
		s->token_cost = db_int(res, 20);
		if (res->ncols > 21)
			s->untaken = db_int(res, 21);
	}
}

enum db_rc
db_live_range(struct db *db, struct arena *a, const struct live_scope *sc,
    const char *from, const char *to, struct live_lesson **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, LV_RANGE, &res, "iiiiss",
	    (long long)sc->teacher_id, (long long)sc->teacher_id,
	    (long long)sc->learner_id, (long long)sc->learner_id, from,
	    to)) != DB_OK)
		return rc;
	live_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_live_upcoming(struct db *db, struct arena *a, const struct live_scope *sc,
    const char *now, const char *after, int64_t after_id,
    struct live_lesson **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if (after == NULL)
		after = now;
	if ((rc = db_query(db, a, LV_UPCOMING, &res, "iiiisissi",
	    (long long)sc->teacher_id, (long long)sc->teacher_id,
	    (long long)sc->learner_id, (long long)sc->learner_id, now,
	    (long long)after_id, after, after, (long long)after_id)) != DB_OK)
		return rc;
	live_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_live_to_complete(struct db *db, struct arena *a,
    const struct live_scope *sc, const char *since, const char *now,
    int limit, struct live_lesson **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, LV_TODO, &res, "iiiissi",
	    (long long)sc->teacher_id, (long long)sc->teacher_id,
	    (long long)sc->learner_id, (long long)sc->learner_id, since, now,
	    (long long)limit)) != DB_OK)
		return rc;
	live_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_live_glance(struct db *db, struct arena *a, int64_t teacher_id,
    const char *from, const char *to, int limit, struct live_glance **list,
    size_t *n)
{
	struct dbres	*res;
	struct live_glance *g;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, LV_GLANCE, &res, "issi",
	    (long long)teacher_id, from, to, (long long)limit)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		g = &(*list)[(*n)++];
		g->learner_id = db_int(res, 0);
		g->name = db_dup(a, res, 1);
		g->lessons = db_int(res, 2);
		g->present = db_int(res, 3);
		g->late = db_int(res, 4);
		g->absent = db_int(res, 5);
		g->excused = db_int(res, 6);
	}
	return DB_OK;
}

enum db_rc
db_live_quarters(struct db *db, struct arena *a, const struct live_scope *sc,
    const char *from, const char *to, struct live_count **list, size_t *n)
{
	struct dbres	*res;
	struct live_count *c;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, LV_QUARTERS, &res, "iiiiss",
	    (long long)sc->teacher_id, (long long)sc->teacher_id,
	    (long long)sc->learner_id, (long long)sc->learner_id, from,
	    to)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		c = &(*list)[(*n)++];
		c->at = db_dup(a, res, 0);
		c->lessons = db_int(res, 1);
	}
	return DB_OK;
}

enum db_rc
db_live_get(struct db *db, struct arena *a, int64_t id,
    struct live_lesson **out)
{
	struct dbres	*res;
	size_t		 n;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, LV_GET, &res, "iiiii", 0LL, 0LL, 0LL, 0LL,
	    (long long)id)) != DB_OK)
		return rc;
	live_rows(a, res, out, &n);
	if (n == 0)
		*out = NULL;
	return DB_OK;
}

enum db_rc
db_live_participants(struct db *db, struct arena *a, int64_t id,
    struct live_participant **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*n = 0;
	if ((rc = db_query(db, a, LV_PARTICIPANTS, &res, "i",
	    (long long)id)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		(*list)[*n].learner_id = db_int(res, 0);
		(*list)[*n].name = db_dup(a, res, 1);
		(*list)[*n].attendance = db_dup(a, res, 2);
		(*list)[*n].balance = db_int(res, 3);
		(*list)[*n].charge = db_dup(a, res, 4);
		(*n)++;
	}
	return DB_OK;
}

enum db_rc
db_live_log(struct db *db, struct arena *a, int64_t id, struct live_log **list,
    size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*n = 0;
	if ((rc = db_query(db, a, LV_LOG, &res, "i", (long long)id)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		(*list)[*n].created = !live_status_parse(db_textn(res, 0),
		    &(*list)[*n].from_status);
		if (!live_status_parse(db_text(res, 1), &(*list)[*n].to_status))
			(*list)[*n].to_status = LIVE_CANCELED;
		(*list)[*n].user_name = db_dup(a, res, 2);
		(*list)[*n].reason = db_dup(a, res, 3);
		(*list)[*n].changed_at = db_dup(a, res, 4);
		(*n)++;
	}
	return DB_OK;
}

/* The options of statement st with one id argument (or none). */
static enum db_rc
options(struct db *db, struct arena *a, int st, int has_arg, int64_t arg,
    struct live_option **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*n = 0;
	rc = has_arg ? db_query(db, a, st, &res, "i", (long long)arg) :
	    db_query(db, a, st, &res, "");
	if (rc != DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		(*list)[*n].id = db_int(res, 0);
		(*list)[*n].course_id = db_int(res, 1);
		(*list)[*n].learner_id = db_int(res, 2);
		(*list)[*n].label = db_dup(a, res, 3);
		(*list)[*n].extra = db_dup(a, res, 4);
		(*n)++;
	}
	return DB_OK;
}

enum db_rc
db_live_teachers(struct db *db, struct arena *a, struct live_option **list,
    size_t *n)
{
	return options(db, a, LV_TEACHERS, 0, 0, list, n);
}

enum db_rc
db_live_courses(struct db *db, struct arena *a, int64_t keep_id,
    struct live_option **list, size_t *n)
{
	return options(db, a, LV_COURSES, 1, keep_id, list, n);
}

enum db_rc
db_live_lessons(struct db *db, struct arena *a, int64_t keep_id,
    struct live_option **list, size_t *n)
{
	return options(db, a, LV_LESSONS, 1, keep_id, list, n);
}

enum db_rc
db_live_enrollments(struct db *db, struct arena *a, int64_t tid,
    struct live_option **list, size_t *n)
{
	return options(db, a, LV_ENROLLMENTS, 1, tid, list, n);
}

enum db_rc
db_live_groups(struct db *db, struct arena *a, int64_t tid,
    struct live_option **list, size_t *n)
{
	return options(db, a, LV_GROUPS, 1, tid, list, n);
}

enum db_rc
db_live_group_members(struct db *db, struct arena *a, int64_t gid,
    int64_t **ids, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*n = 0;
	if ((rc = db_query(db, a, LV_MEMBERS, &res, "i",
	    (long long)gid)) != DB_OK)
		return rc;
	*ids = arena_alloc(a, (res->nrows + 1) * sizeof(**ids));
	while (db_next(res))
		(*ids)[(*n)++] = db_int(res, 0);
	return DB_OK;
}

/* The steps of db_live_save inside its transaction. */
static enum db_rc
save_steps(struct db *db, struct arena *a, int64_t id,
    const struct live_input *in, int64_t user_id, int64_t *newid, int *clash,
    char ***warn, size_t *nwarn)
{
	struct dbres	*res;
	struct live_snapshot *before = NULL;
	long long	 changed;
	size_t		 i;
	enum db_rc	 rc;

	if ((rc = db_query(db, a, LV_CLASH, &res, "issi",
	    (long long)in->teacher_id, in->ends_at, in->starts_at,
	    (long long)id)) != DB_OK)
		return rc;
	if (res->nrows > 0) {
		*clash = 1;
		return DB_OK;
	}
	/* What the people of the session knew, to tell them what changed. */
	if (id > 0 && (rc = live_notice_before(db, a, id, &before)) != DB_OK)
		return rc;
	if (id == 0) {
		if ((rc = db_exec(db, LV_INSERT, NULL, "iiisiissssii",
		    (long long)in->course_id, (long long)in->lesson_id,
		    (long long)in->teacher_id, in->meeting_type,
		    (long long)in->enrollment_id, (long long)in->group_id,
		    in->title, in->notes, in->starts_at, in->ends_at,
		    in->duration_min, in->token_cost)) != DB_OK)
			return rc;
		id = db_last_id(db);
		if ((rc = db_exec(db, LV_LOG_ADD, NULL, "issis", (long long)id,
		    NULL, live_status_name(LIVE_SCHEDULED), (long long)user_id,
		    NULL)) != DB_OK)
			return rc;
	} else {
		if ((rc = db_exec(db, LV_UPDATE, &changed, "iiisiissssiii",
		    (long long)in->course_id, (long long)in->lesson_id,
		    (long long)in->teacher_id, in->meeting_type,
		    (long long)in->enrollment_id, (long long)in->group_id,
		    in->title, in->notes, in->starts_at, in->ends_at,
		    in->duration_min, in->token_cost, (long long)id)) != DB_OK)
			return rc;
		if ((rc = db_exec(db, LV_PART_CLEAR, NULL, "i",
		    (long long)id)) != DB_OK)
			return rc;
	}
	for (i = 0; i < in->nlearners; i++)
		if ((rc = db_exec(db, LV_PART_ADD, NULL, "ii", (long long)id,
		    (long long)in->learners[i])) != DB_OK)
			return rc;
	if ((rc = db_query(db, a, LV_LEARNER_CLASH, &res, "iss",
	    (long long)id, in->ends_at, in->starts_at)) != DB_OK)
		return rc;
	*warn = arena_alloc(a, (res->nrows + 1) * sizeof(**warn));
	while (db_next(res))
		(*warn)[(*nwarn)++] = db_dup(a, res, 0);
	if ((rc = live_notice_saved(db, a, before, id, user_id)) != DB_OK)
		return rc;
	*newid = id;
	return DB_OK;
}

enum db_rc
db_live_save(struct db *db, struct arena *a, int64_t id,
    const struct live_input *in, int64_t user_id, int64_t *newid, int *clash,
    char ***warn, size_t *nwarn)
{
	enum db_rc	 rc;

	*clash = 0;
	*nwarn = 0;
	*warn = NULL;
	*newid = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	rc = save_steps(db, a, id, in, user_id, newid, clash, warn, nwarn);
	if (rc != DB_OK || *clash) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

enum db_rc
db_live_transition(struct db *db, int64_t id, enum live_status from,
    enum live_status to, int64_t user_id, const char *reason, int *moved)
{
	const char	*fw = live_status_name(from);
	const char	*tw = live_status_name(to);
	long long	 changed = 0;
	enum db_rc	 rc;

	*moved = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, LV_MOVE, &changed, "ssssis", tw, tw, reason, tw,
	    (long long)id, fw)) != DB_OK)
		goto fail;
	if (changed == 0) {
		db_rollback(db);
		return DB_OK;
	}
	if ((rc = db_exec(db, LV_LOG_ADD, NULL, "issis", (long long)id, fw,
	    tw, (long long)user_id, reason)) != DB_OK)
		goto fail;
	if ((rc = live_notice_moved(db, id, to, user_id)) != DB_OK)
		goto fail;
	if ((rc = db_commit(db)) != DB_OK)
		return rc;
	*moved = 1;
	return DB_OK;
fail:
	db_rollback(db);
	return rc;
}

/* 1 when attendance a means the learner took part (present or late). */
static int
took_part(const char *a)
{
	return a != NULL && (strcmp(a, "present") == 0 ||
	    strcmp(a, "late") == 0);
}

enum db_rc
db_live_attendance(struct db *db, int64_t id,
    const struct live_participant *p, size_t n, const char *notes,
    long long cost, int64_t user_id)
{
	size_t		 i;
	int		 charged;
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++) {
		if ((rc = db_exec(db, LV_ATTEND, NULL, "sii", p[i].attendance,
		    (long long)id, (long long)p[i].learner_id)) != DB_OK)
			goto fail;
		if (cost > 0 && took_part(p[i].attendance) &&
		    (rc = billing_charge_live(db, id, p[i].learner_id, cost,
		    user_id, &charged)) != DB_OK)
			goto fail;
	}
	if ((rc = db_exec(db, LV_NOTES, NULL, "si", notes,
	    (long long)id)) != DB_OK)
		goto fail;
	if ((rc = live_notice_notes(db, id)) != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return rc;
}
