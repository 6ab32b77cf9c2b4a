/*
 * db.c: the enrollment domain's SQL and its functions: enrollments,
 * their schedule rules (with the learner's note about each change),
 * the statements of the lesson generator and student groups.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "enrollment/enrollment.h"
#include "enrollment/notices.h"
#include "lib/util.h"

enum {
	ENR_GET = DB_BASE(ENROLLMENT_SLOT),
	ENR_LIST,
	ENR_INSERT,
	ENR_UPDATE,
	ENR_RETEACH,
	ENR_SET_ACTIVE,
	ENR_LEARNERS,
	ENR_TEACHERS,
	ENR_COURSES,
	ENR_USER_OK,
	ENR_COURSE_OK,
	ENR_UPCOMING,
	RULE_LIST,
	RULE_GET,
	RULE_INSERT,
	RULE_UPDATE,
	RULE_FUTURE,
	RULE_DROP_SESSION,
	RULE_MOVE_SESSION,
	RULE_DELETE,
	RULE_DROP_FUTURE,
	RULE_NOTE,
	GEN_RULES,
	GEN_INSERT,
	GEN_PARTICIPANT,
	GEN_LOG,
	GEN_DONE,
	GRP_LIST,
	GRP_GET,
	GRP_INSERT,
	GRP_RENAME,
	GRP_ARCHIVE,
	GRP_MEMBERS,
	GRP_CANDIDATES,
	GRP_CAN_ADD,
	GRP_ADD,
	GRP_REMOVE,
	ENR_COUNT,
	ENR_ATTENDANCE,
	ENROLLMENT__END
};

#define ENR_COLS \
	"e.id, e.learner_id, l.name, l.email, e.course_id, c.title, " \
	"e.teacher_id, t.name, e.default_length, e.active"
#define ENR_FROM \
	"FROM enrollments e JOIN users l ON l.id = e.learner_id " \
	"JOIN courses c ON c.id = e.course_id " \
	"JOIN users t ON t.id = e.teacher_id "
#define RULE_COLS \
	"r.id, r.enrollment_id, r.weekdays, HOUR(r.local_time), " \
	"MINUTE(r.local_time), r.duration_min, r.timezone, r.start_date, " \
	"r.end_date"
/* Future sessions of a rule that its edits may change. */
#define RULE_OWNS \
	"rule_id = ? AND starts_at > ? AND status = 'scheduled' " \
	"AND detached = 0"

#define S(id)	((id) - ENR_GET)

static const char *const sqltab[] = {
	[S(ENR_GET)] = "SELECT " ENR_COLS " " ENR_FROM "WHERE e.id = ?",
	[S(ENR_LIST)] =
	    "SELECT " ENR_COLS " " ENR_FROM
	    "WHERE (? IS NULL OR l.name LIKE ? OR l.email LIKE ? "
	    "OR c.title LIKE ?) AND (? = 0 OR e.teacher_id = ?) "
	    "AND (? = 0 OR e.id < ?) ORDER BY e.id DESC LIMIT 51",
	[S(ENR_INSERT)] =
	    "INSERT INTO enrollments (learner_id, course_id, teacher_id, "
	    "default_length, active, created_at, updated_at) "
	    "VALUES (?, ?, ?, ?, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[S(ENR_UPDATE)] =
	    "UPDATE enrollments SET teacher_id = ?, default_length = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[S(ENR_RETEACH)] =
	    "UPDATE live_sessions SET teacher_id = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE enrollment_id = ? AND "
	    "rule_id IS NOT NULL AND starts_at > ? AND "
	    "status = 'scheduled' AND detached = 0",
	[S(ENR_SET_ACTIVE)] =
	    "UPDATE enrollments SET active = ?, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ?",
	[S(ENR_LEARNERS)] =
	    "SELECT id, name, email FROM users WHERE role = 'learner' AND "
	    "disabled = 0 AND (? IS NULL OR name LIKE ? OR email LIKE ?) "
	    "ORDER BY name, id LIMIT 50",
	[S(ENR_TEACHERS)] =
	    "SELECT id, name, email FROM users WHERE role = 'teacher' AND "
	    "disabled = 0 ORDER BY name, id",
	[S(ENR_COURSES)] =
	    "SELECT id, title, code FROM courses WHERE archived = 0 "
	    "ORDER BY title, id",
	[S(ENR_USER_OK)] =
	    "SELECT COUNT(*) FROM users WHERE id = ? AND role = ? AND "
	    "disabled = 0",
	[S(ENR_COURSE_OK)] =
	    "SELECT COUNT(*) FROM courses WHERE id = ? AND archived = 0",
	[S(ENR_UPCOMING)] =
	    "SELECT id, starts_at, rule_date, duration_min, status "
	    "FROM live_sessions WHERE enrollment_id = ? AND starts_at >= ? "
	    "ORDER BY starts_at, id LIMIT 20",

	[S(RULE_LIST)] =
	    "SELECT " RULE_COLS " FROM schedule_rules r WHERE "
	    "r.enrollment_id = ? AND r.deleted_at IS NULL ORDER BY r.id",
	[S(RULE_GET)] =
	    "SELECT " RULE_COLS " FROM schedule_rules r WHERE "
	    "r.enrollment_id = ? AND r.id = ? AND r.deleted_at IS NULL",
	[S(RULE_INSERT)] =
	    "INSERT INTO schedule_rules (enrollment_id, weekdays, local_time, "
	    "duration_min, timezone, start_date, end_date, created_at, "
	    "updated_at) VALUES (?, ?, MAKETIME(?, ?, 0), ?, ?, ?, ?, "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[S(RULE_UPDATE)] =
	    "UPDATE schedule_rules SET weekdays = ?, local_time = "
	    "MAKETIME(?, ?, 0), duration_min = ?, start_date = ?, "
	    "end_date = ?, generated_until = NULL, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[S(RULE_FUTURE)] =
	    "SELECT id, starts_at, rule_date, duration_min, status "
	    "FROM live_sessions WHERE " RULE_OWNS " ORDER BY rule_date "
	    "FOR UPDATE",
	[S(RULE_DROP_SESSION)] =
	    "DELETE FROM live_sessions WHERE id = ?",
	[S(RULE_MOVE_SESSION)] =
	    "UPDATE live_sessions SET starts_at = ?, ends_at = ?, "
	    "duration_min = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[S(RULE_DELETE)] =
	    "UPDATE schedule_rules SET deleted_at = UTC_TIMESTAMP(), "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ? AND deleted_at IS NULL",
	[S(RULE_DROP_FUTURE)] =
	    "DELETE FROM live_sessions WHERE " RULE_OWNS,
	/* A rule (deleted or not) with what its learner's note names. */
	[S(RULE_NOTE)] =
	    "SELECT " RULE_COLS ", c.title, t.name, u.id, u.name, u.timezone "
	    "FROM schedule_rules r JOIN enrollments e ON "
	    "e.id = r.enrollment_id JOIN courses c ON c.id = e.course_id "
	    "JOIN users t ON t.id = e.teacher_id "
	    "JOIN users u ON u.id = e.learner_id WHERE r.id = ? AND "
	    "u.disabled = 0",

	[S(GEN_RULES)] =
	    "SELECT " RULE_COLS ", e.learner_id, e.course_id, e.teacher_id "
	    "FROM schedule_rules r JOIN enrollments e ON "
	    "e.id = r.enrollment_id WHERE r.deleted_at IS NULL AND "
	    "e.active = 1 AND (r.generated_until IS NULL OR "
	    "r.generated_until < ?) ORDER BY r.id",
	[S(GEN_INSERT)] =
	    "INSERT IGNORE INTO live_sessions (course_id, teacher_id, "
	    "meeting_type, enrollment_id, starts_at, ends_at, duration_min, "
	    "status, rule_id, rule_date, detached, created_at, updated_at) "
	    "VALUES (?, ?, 'individual', ?, ?, ?, ?, 'scheduled', ?, ?, 0, "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[S(GEN_PARTICIPANT)] =
	    "INSERT IGNORE INTO live_participants (session_id, learner_id) "
	    "VALUES (?, ?)",
	[S(GEN_LOG)] =
	    "INSERT INTO live_status_log (session_id, from_status, to_status, "
	    "user_id, reason, changed_at) VALUES (?, NULL, 'scheduled', NULL, "
	    "'Generated from the schedule', UTC_TIMESTAMP())",
	[S(GEN_DONE)] =
	    "UPDATE schedule_rules SET generated_until = ? WHERE id = ?",

	[S(GRP_LIST)] =
	    "SELECT g.id, g.name, g.teacher_id, t.name, g.archived, "
	    "(SELECT COUNT(*) FROM student_group_members m WHERE "
	    "m.group_id = g.id) FROM student_groups g JOIN users t ON "
	    "t.id = g.teacher_id WHERE (? = 0 OR g.teacher_id = ?) AND "
	    "(? IS NULL OR g.name > ? OR (g.name = ? AND g.id > ?)) "
	    "ORDER BY g.name, g.id LIMIT 51",
	[S(GRP_GET)] =
	    "SELECT g.id, g.name, g.teacher_id, t.name, g.archived, "
	    "(SELECT COUNT(*) FROM student_group_members m WHERE "
	    "m.group_id = g.id) FROM student_groups g JOIN users t ON "
	    "t.id = g.teacher_id WHERE g.id = ?",
	[S(GRP_INSERT)] =
	    "INSERT INTO student_groups (name, teacher_id, archived, "
	    "created_at, updated_at) VALUES (?, ?, 0, UTC_TIMESTAMP(), "
	    "UTC_TIMESTAMP())",
	[S(GRP_RENAME)] =
	    "UPDATE student_groups SET name = ?, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ?",
	[S(GRP_ARCHIVE)] =
	    "UPDATE student_groups SET archived = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[S(GRP_MEMBERS)] =
	    "SELECT u.id, u.name, u.email FROM student_group_members m "
	    "JOIN users u ON u.id = m.learner_id WHERE m.group_id = ? "
	    "ORDER BY u.name, u.id",
	[S(GRP_CANDIDATES)] =
	    "SELECT u.id, u.name, u.email FROM users u WHERE "
	    "u.role = 'learner' AND u.disabled = 0 AND EXISTS (SELECT 1 FROM "
	    "enrollments e WHERE e.learner_id = u.id AND e.teacher_id = ?) "
	    "AND (? IS NULL OR u.name LIKE ? OR u.email LIKE ?) "
	    "ORDER BY u.name, u.id LIMIT 50",
	[S(GRP_CAN_ADD)] =
	    "SELECT COUNT(*) FROM users u WHERE u.id = ? AND "
	    "u.role = 'learner' AND u.disabled = 0 AND EXISTS (SELECT 1 FROM "
	    "enrollments e WHERE e.learner_id = u.id AND e.teacher_id = ?)",
	[S(GRP_ADD)] =
	    "INSERT IGNORE INTO student_group_members (group_id, learner_id, "
	    "added_at) VALUES (?, ?, UTC_TIMESTAMP())",
	[S(GRP_REMOVE)] =
	    "DELETE FROM student_group_members WHERE group_id = ? AND "
	    "learner_id = ?",
	[S(ENR_COUNT)] =
	    "SELECT COUNT(*) FROM enrollments WHERE active = 1",
	/* The learner's recorded attendance at the enrollment's latest
	 * lessons, newest first (the chart of the detail page). */
	[S(ENR_ATTENDANCE)] =
	    "SELECT s.id, s.starts_at, NULL, s.duration_min, p.attendance "
	    "FROM live_sessions s JOIN live_participants p ON "
	    "p.session_id = s.id AND p.learner_id = ? WHERE "
	    "s.enrollment_id = ? AND p.attendance IS NOT NULL "
	    "ORDER BY s.starts_at DESC, s.id DESC LIMIT 12",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == ENROLLMENT__END - ENR_GET,
    "one SQL text per enrollment statement");
_Static_assert(ENROLLMENT_PAGE + 1 == 51,
    "list statements fetch a page and one");
_Static_assert(PICK_LIMIT == 50 && UPCOMING_MAX == 20 &&
    ATTENDANCE_MAX == 12,
    "limits written in the SQL");

const struct sqltable sql_enrollment = {
	sizeof(sqltab) / sizeof(sqltab[0]), sqltab
};

/* "" and NULL both mean no value: bind NULL. */
static const char *
opt_arg(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

/* LIKE pattern for "contains s", or NULL for an empty s. */
static char *
contains(struct arena *a, const char *s)
{
	return s == NULL || *s == '\0' ? NULL : db_like_contains(a, s);
}

/* Fill an enrollment from the current row (ENR_COLS). */
static void
enrollment_row(struct arena *a, const struct dbres *res, struct enrollment *e)
{
	e->id = db_int(res, 0);
	e->learner_id = db_int(res, 1);
	e->learner_name = db_dup(a, res, 2);
	e->learner_email = db_dup(a, res, 3);
	e->course_id = db_int(res, 4);
	e->course_title = db_dup(a, res, 5);
	e->teacher_id = db_int(res, 6);
	e->teacher_name = db_dup(a, res, 7);
	e->default_length = (int)db_int(res, 8);
	e->active = db_int(res, 9) != 0;
}

/* Fill a rule from the current row (RULE_COLS). */
static void
rule_row(struct arena *a, const struct dbres *res, struct sched_rule *r)
{
	r->id = db_int(res, 0);
	r->enrollment_id = db_int(res, 1);
	r->weekdays = (int)db_int(res, 2);
	r->hour = (int)db_int(res, 3);
	r->minute = (int)db_int(res, 4);
	r->duration = (int)db_int(res, 5);
	r->timezone = db_dup(a, res, 6);
	r->start_date = db_dup(a, res, 7);
	r->end_date = db_dup(a, res, 8);
}

/* Rows of (id, label, extra) as picks. */
static enum db_rc
picks(struct db *db, struct arena *a, int stmt, struct pick **out,
    size_t *n, const char *fmt, const char *s1, const char *s2,
    const char *s3, long long i1)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	if (fmt[0] == 'i' && fmt[1] == 's')
		rc = db_query(db, a, stmt, &res, fmt, i1, s1, s2, s3);
	else if (fmt[0] == 'i')
		rc = db_query(db, a, stmt, &res, fmt, i1);
	else if (fmt[0] == 's')
		rc = db_query(db, a, stmt, &res, fmt, s1, s2, s3);
	else
		rc = db_query(db, a, stmt, &res, fmt);
	if (rc != DB_OK)
		return rc;
	*n = res->nrows;
	*out = arena_alloc(a, sizeof(**out) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		(*out)[i].id = db_int(res, 0);
		(*out)[i].label = db_dup(a, res, 1);
		(*out)[i].extra = db_dup(a, res, 2);
	}
	return DB_OK;
}

/* A COUNT(*) > 0 as *ok. */
static enum db_rc
count_ok(struct db *db, struct arena *a, int stmt, int *ok,
    long long id, const char *s, long long id2)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*ok = 0;
	if (s != NULL)
		rc = db_query(db, a, stmt, &res, "is", id, s);
	else if (id2 >= 0)
		rc = db_query(db, a, stmt, &res, "ii", id, id2);
	else
		rc = db_query(db, a, stmt, &res, "i", id);
	if (rc == DB_OK && db_next(res))
		*ok = db_int(res, 0) > 0;
	return rc;
}

enum db_rc
db_enrollment_get(struct db *db, struct arena *a, int64_t id,
    struct enrollment **out)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, ENR_GET, &res, "i", (long long)id)) != DB_OK)
		return rc;
	if (db_next(res)) {
		*out = arena_alloc(a, sizeof(**out));
		enrollment_row(a, res, *out);
	}
	return DB_OK;
}

enum db_rc
db_enrollment_list(struct db *db, struct arena *a, const char *search,
    int64_t teacher, int64_t after_id, struct enrollment **out, size_t *n)
{
	struct dbres	*res;
	const char	*pat = contains(a, search);
	enum db_rc	 rc;
	size_t		 i;

	rc = db_query(db, a, ENR_LIST, &res, "ssssiiii", pat, pat, pat, pat,
	    (long long)teacher, (long long)teacher, (long long)after_id,
	    (long long)after_id);
	if (rc != DB_OK)
		return rc;
	*n = res->nrows;
	*out = arena_alloc(a, sizeof(**out) * (res->nrows + 1));
	for (i = 0; db_next(res); i++)
		enrollment_row(a, res, &(*out)[i]);
	return DB_OK;
}

enum db_rc
db_enrollment_create(struct db *db, const struct enrollment *e, int64_t *id)
{
	enum db_rc	 rc;

	rc = db_exec(db, ENR_INSERT, NULL, "iiii", (long long)e->learner_id,
	    (long long)e->course_id, (long long)e->teacher_id,
	    (long long)e->default_length);
	if (rc == DB_OK && id != NULL)
		*id = db_last_id(db);
	return rc;
}

enum db_rc
db_enrollment_update(struct db *db, const struct enrollment *e, const char *now)
{
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, ENR_UPDATE, NULL, "iii",
	    (long long)e->teacher_id, (long long)e->default_length,
	    (long long)e->id)) != DB_OK ||
	    (rc = db_exec(db, ENR_RETEACH, NULL, "iis",
	    (long long)e->teacher_id, (long long)e->id, now)) != DB_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

enum db_rc
db_enrollment_set_active(struct db *db, int64_t id, int active)
{
	return db_exec(db, ENR_SET_ACTIVE, NULL, "ii", (long long)(active != 0),
	    (long long)id);
}

enum db_rc
db_enrollment_learners(struct db *db, struct arena *a, const char *q,
    struct pick **out, size_t *n)
{
	const char	*pat = contains(a, q);

	return picks(db, a, ENR_LEARNERS, out, n, "sss", pat, pat, pat, 0);
}

enum db_rc
db_enrollment_teachers(struct db *db, struct arena *a, struct pick **out,
    size_t *n)
{
	return picks(db, a, ENR_TEACHERS, out, n, "", NULL, NULL, NULL, 0);
}

enum db_rc
db_enrollment_courses(struct db *db, struct arena *a, struct pick **out,
    size_t *n)
{
	return picks(db, a, ENR_COURSES, out, n, "", NULL, NULL, NULL, 0);
}

enum db_rc
db_enrollment_user_ok(struct db *db, struct arena *a, int64_t id,
    const char *role, int *ok)
{
	return count_ok(db, a, ENR_USER_OK, ok, (long long)id, role, -1);
}

enum db_rc
db_enrollment_course_ok(struct db *db, struct arena *a, int64_t id, int *ok)
{
	return count_ok(db, a, ENR_COURSE_OK, ok, (long long)id, NULL, -1);
}

/* Rows of live sessions (id, starts_at, rule_date, duration, status). */
static void
live_rows(struct arena *a, struct dbres *res, struct live_row **out,
    size_t *n)
{
	size_t	 i;

	*n = res->nrows;
	*out = arena_alloc(a, sizeof(**out) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		(*out)[i].id = db_int(res, 0);
		(*out)[i].starts_at = db_dup(a, res, 1);
		(*out)[i].rule_date = db_dup(a, res, 2);
		(*out)[i].duration = (int)db_int(res, 3);
		(*out)[i].status = db_dup(a, res, 4);
	}
}

enum db_rc
db_enrollment_upcoming(struct db *db, struct arena *a, int64_t id,
    const char *now, struct live_row **out, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	if ((rc = db_query(db, a, ENR_UPCOMING, &res, "is", (long long)id,
	    now)) != DB_OK)
		return rc;
	live_rows(a, res, out, n);
	return DB_OK;
}

enum db_rc
db_enrollment_attendance(struct db *db, struct arena *a,
    const struct enrollment *e, struct live_row **out, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	if ((rc = db_query(db, a, ENR_ATTENDANCE, &res, "ii",
	    (long long)e->learner_id, (long long)e->id)) != DB_OK)
		return rc;
	live_rows(a, res, out, n);
	return DB_OK;
}

enum db_rc
db_rules_list(struct db *db, struct arena *a, int64_t enrollment,
    struct sched_rule **out, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	if ((rc = db_query(db, a, RULE_LIST, &res, "i",
	    (long long)enrollment)) != DB_OK)
		return rc;
	*n = res->nrows;
	*out = arena_alloc(a, sizeof(**out) * (res->nrows + 1));
	for (i = 0; db_next(res); i++)
		rule_row(a, res, &(*out)[i]);
	return DB_OK;
}

enum db_rc
db_rule_get(struct db *db, struct arena *a, int64_t enrollment, int64_t id,
    struct sched_rule **out)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, RULE_GET, &res, "ii", (long long)enrollment,
	    (long long)id)) != DB_OK)
		return rc;
	if (db_next(res)) {
		*out = arena_alloc(a, sizeof(**out));
		rule_row(a, res, *out);
	}
	return DB_OK;
}

/*
 * The learner's one note about rule id (notices.h), inside the open
 * transaction; nothing when the learner's account is disabled.
 */
static enum db_rc
rule_note(struct db *db, int64_t id, enum rule_event ev)
{
	struct arena		*a = arena_new();
	struct sched_rule	 r;
	struct rule_note	 n;
	struct dbres		*res;
	enum db_rc		 rc;

	if ((rc = db_query(db, a, RULE_NOTE, &res, "i",
	    (long long)id)) != DB_OK || !db_next(res))
		goto out;
	memset(&n, 0, sizeof(n));
	rule_row(a, res, &r);
	n.rule = &r;
	n.course = db_dup(a, res, 9);
	n.teacher = db_dup(a, res, 10);
	n.learner = db_int(res, 11);
	n.reader.name = db_dup(a, res, 12);
	n.reader.tz = db_dup(a, res, 13);
	rc = rule_note_queue(db, a, ev, &n);
out:
	arena_free(a);
	return rc;
}

enum db_rc
db_rule_create(struct db *db, const struct sched_rule *r, int64_t *id)
{
	int64_t		 rid;
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	rc = db_exec(db, RULE_INSERT, NULL, "iiiiisss",
	    (long long)r->enrollment_id, (long long)r->weekdays,
	    (long long)r->hour, (long long)r->minute, (long long)r->duration,
	    r->timezone, r->start_date, opt_arg(r->end_date));
	rid = rc == DB_OK ? db_last_id(db) : 0;
	/* One note for the rule; its generated sessions get none each. */
	if (rc == DB_OK)
		rc = rule_note(db, rid, RULE_ADDED);
	if (rc != DB_OK) {
		db_rollback(db);
		return rc;
	}
	if ((rc = db_commit(db)) == DB_OK && id != NULL)
		*id = rid;
	return rc;
}

enum db_rc
db_rule_update(struct db *db, struct arena *a, const struct sched_rule *r,
    const char *now)
{
	struct dbres	*res;
	struct live_row	*rows;
	enum db_rc	 rc;
	size_t		 n, i;
	char		 starts[20], ends[20];

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	rc = db_exec(db, RULE_UPDATE, NULL, "iiiissi", (long long)r->weekdays,
	    (long long)r->hour, (long long)r->minute, (long long)r->duration,
	    r->start_date, opt_arg(r->end_date), (long long)r->id);
	if (rc == DB_OK)
		rc = db_query(db, a, RULE_FUTURE, &res, "is", (long long)r->id,
		    now);
	if (rc != DB_OK) {
		db_rollback(db);
		return rc;
	}
	live_rows(a, res, &rows, &n);
	for (i = 0; i < n && rc == DB_OK; i++) {
		if (rows[i].rule_date == NULL)
			continue;
		if (!rule_has_date(r, rows[i].rule_date) ||
		    !rule_instant(r, rows[i].rule_date, starts, ends) ||
		    strcmp(starts, now) <= 0)
			rc = db_exec(db, RULE_DROP_SESSION, NULL, "i",
			    (long long)rows[i].id);
		else
			rc = db_exec(db, RULE_MOVE_SESSION, NULL, "ssii",
			    starts, ends, (long long)r->duration,
			    (long long)rows[i].id);
	}
	if (rc == DB_OK)
		rc = rule_note(db, r->id, RULE_CHANGED);
	if (rc != DB_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

enum db_rc
db_rule_delete(struct db *db, int64_t id, const char *now)
{
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, RULE_DELETE, NULL, "i",
	    (long long)id)) != DB_OK ||
	    (rc = db_exec(db, RULE_DROP_FUTURE, NULL, "is", (long long)id,
	    now)) != DB_OK ||
	    (rc = rule_note(db, id, RULE_REMOVED)) != DB_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

enum db_rc
db_gen_rules(struct db *db, struct arena *a, const char *until,
    struct sched_rule **out, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	if ((rc = db_query(db, a, GEN_RULES, &res, "s", until)) != DB_OK)
		return rc;
	*n = res->nrows;
	*out = arena_alloc(a, sizeof(**out) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		rule_row(a, res, &(*out)[i]);
		(*out)[i].learner_id = db_int(res, 9);
		(*out)[i].course_id = db_int(res, 10);
		(*out)[i].teacher_id = db_int(res, 11);
	}
	return DB_OK;
}

enum db_rc
db_gen_insert(struct db *db, const struct sched_rule *r,
    const char *rule_date, const char *starts, const char *ends, int *made)
{
	long long	 affected = 0, sid;
	enum db_rc	 rc;

	*made = 0;
	rc = db_exec(db, GEN_INSERT, &affected, "iiissiis",
	    (long long)r->course_id, (long long)r->teacher_id,
	    (long long)r->enrollment_id, starts, ends, (long long)r->duration,
	    (long long)r->id, rule_date);
	if (rc != DB_OK || affected == 0)
		return rc;
	sid = db_last_id(db);
	*made = 1;
	if ((rc = db_exec(db, GEN_PARTICIPANT, NULL, "ii", sid,
	    (long long)r->learner_id)) != DB_OK)
		return rc;
	return db_exec(db, GEN_LOG, NULL, "i", sid);
}

enum db_rc
db_gen_done(struct db *db, int64_t rule, const char *until)
{
	return db_exec(db, GEN_DONE, NULL, "si", until, (long long)rule);
}

/* Fill groups from GRP_LIST / GRP_GET rows. */
static void
group_rows(struct arena *a, struct dbres *res, struct student_group **out,
    size_t *n)
{
	struct student_group	*g;
	size_t			 i;

	*n = res->nrows;
	*out = arena_alloc(a, sizeof(**out) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		g = &(*out)[i];
		g->id = db_int(res, 0);
		g->name = db_dup(a, res, 1);
		g->teacher_id = db_int(res, 2);
		g->teacher_name = db_dup(a, res, 3);
		g->archived = db_int(res, 4) != 0;
		g->members = db_int(res, 5);
	}
}

enum db_rc
db_groups_list(struct db *db, struct arena *a, int64_t teacher,
    const char *after_name, int64_t after_id, struct student_group **out,
    size_t *n)
{
	struct dbres	*res;
	const char	*pos = NULL;
	enum db_rc	 rc;

	if (after_id > 0 && after_name != NULL)
		pos = after_name;
	rc = db_query(db, a, GRP_LIST, &res, "iisssi", (long long)teacher,
	    (long long)teacher, pos, pos, pos, (long long)after_id);
	if (rc != DB_OK)
		return rc;
	group_rows(a, res, out, n);
	return DB_OK;
}

enum db_rc
db_group_get(struct db *db, struct arena *a, int64_t id,
    struct student_group **out)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 n;

	*out = NULL;
	if ((rc = db_query(db, a, GRP_GET, &res, "i", (long long)id)) != DB_OK)
		return rc;
	group_rows(a, res, out, &n);
	if (n == 0)
		*out = NULL;
	return DB_OK;
}

enum db_rc
db_group_create(struct db *db, int64_t teacher, const char *name,
    int64_t *id)
{
	enum db_rc	 rc;

	rc = db_exec(db, GRP_INSERT, NULL, "si", name, (long long)teacher);
	if (rc == DB_OK && id != NULL)
		*id = db_last_id(db);
	return rc;
}

enum db_rc
db_group_rename(struct db *db, int64_t id, const char *name)
{
	return db_exec(db, GRP_RENAME, NULL, "si", name, (long long)id);
}

enum db_rc
db_group_set_archived(struct db *db, int64_t id, int archived)
{
	return db_exec(db, GRP_ARCHIVE, NULL, "ii", (long long)(archived != 0),
	    (long long)id);
}

enum db_rc
db_group_members(struct db *db, struct arena *a, int64_t id,
    struct pick **out, size_t *n)
{
	return picks(db, a, GRP_MEMBERS, out, n, "i", NULL, NULL, NULL,
	    (long long)id);
}

enum db_rc
db_group_candidates(struct db *db, struct arena *a, int64_t teacher,
    const char *q, struct pick **out, size_t *n)
{
	const char	*pat = contains(a, q);

	return picks(db, a, GRP_CANDIDATES, out, n, "isss", pat, pat, pat,
	    (long long)teacher);
}

enum db_rc
db_group_can_add(struct db *db, struct arena *a, int64_t teacher,
    int64_t learner, int *ok)
{
	return count_ok(db, a, GRP_CAN_ADD, ok, (long long)learner, NULL,
	    (long long)teacher);
}

enum db_rc
db_group_add(struct db *db, int64_t id, int64_t learner)
{
	return db_exec(db, GRP_ADD, NULL, "ii", (long long)id,
	    (long long)learner);
}

enum db_rc
db_group_remove(struct db *db, int64_t id, int64_t learner)
{
	return db_exec(db, GRP_REMOVE, NULL, "ii", (long long)id,
	    (long long)learner);
}

enum db_rc
db_enrollment_count(struct db *db, struct arena *a, long long *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*n = 0;
	if ((rc = db_query(db, a, ENR_COUNT, &res, "")) != DB_OK)
		return rc;
	if (db_next(res))
		*n = db_int(res, 0);
	return DB_OK;
}
