/*
 * db.c: the training domain's statement table and its functions:
 * training sessions, their courses and coaches, their learners (one by
 * one, by class, from CSV), the tracking page, and what learners and
 * coaches see ("My sessions", a session's page, a course in it).  Every
 * change to a session's courses or learners updates its course_count
 * and learner_count in the same transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "training/training.h"
#include "lib/util.h"

enum {
	TRN_GET = DB_BASE(TRAINING_SLOT),
	TRN_INSERT,
	TRN_UPDATE,
	TRN_LIST_NAME_ASC,
	TRN_LIST_NAME_DESC,
	TRN_LIST_START_ASC,
	TRN_LIST_START_DESC,
	TRN_LIST_END_ASC,
	TRN_LIST_END_DESC,
	TRN_COURSES_DELTA,
	TRN_LEARNERS_DELTA,
	OPT_TEACHERS,
	OPT_CATEGORIES,
	OPT_COURSES,
	OPT_CLASSES,
	COURSE_FIND,
	CLASS_FIND,
	SC_LIST,
	SC_INSERT,
	SC_SET_COACH,
	SC_DELETE,
	SCL_FILL_COURSE,
	SCL_FILL_LEARNER,
	SCL_INSERT_ONE,
	SCL_DELETE_COURSE,
	SCL_DELETE_LEARNER,
	SL_PAGE,
	SL_ALL,
	SL_SEARCH,
	SL_INSERT,
	SL_INSERT_CSV,
	SL_DELETE,
	CLASS_COUNT,
	CLASS_SCL,
	CLASS_SL,
	TRACK_PAGE,
	CSV_TRAINING_BY_ID,
	CSV_TRAINING_BY_NAME,
	CSV_COURSE,
	CSV_USER_STATE,
	LEARNER_MY_ENROLLED,
	LEARNER_MY_COACHED,
	LEARNER_TRAINING,
	LEARNER_COURSES_ALL,
	LEARNER_COURSES_COACHED,
	LEARNER_COURSES_ENROLLED,
	LEARNER_COURSE,
	LEARNER_LESSONS,
	LEARNER_TRACK,
	LEARNER_COURSE_LEARNERS_FIRST,
	LEARNER_COURSE_LEARNERS_AFTER,
	TRN_COUNT,
	TRN_COURSE_PROGRESS,
	TRN__END
};

#define TRN_COLS \
	"s.id, s.name, s.description, s.category_id, c.name, s.coach_id, " \
	"u.name, s.visibility, s.display_start, s.display_end, " \
	"s.access_start, s.access_end, s.coach_start, s.coach_end, " \
	"s.course_count, s.learner_count, s.sort_start, s.sort_end"

/*
 * The session list: every filter is optional ("? IS NULL OR ..."), the
 * status is worked out from the access dates against today's date
 * (bound), and the keyset position is optional too.  The search finds
 * the words of the name in its full-text index (db_words()).  One
 * statement per sort column and direction, 18 parameters each:
 *   words, words, like, like, category, category, status, today, today,
 *   status, from, from, to, to, after_id, after, after, after_id.
 */
#define LIST_HEAD \
	"SELECT s.id, s.name, s.access_start, s.access_end, c.name, " \
	"s.course_count, s.learner_count, s.sort_start, s.sort_end " \
	"FROM lms_sessions s " \
	"LEFT JOIN session_categories c ON c.id = s.category_id " \
	"WHERE (? IS NULL OR MATCH (s.name) AGAINST (? IN BOOLEAN MODE)) " \
	"AND (? IS NULL OR s.name LIKE ?) " \
	"AND (? IS NULL OR s.category_id = ?) " \
	"AND (? IS NULL OR (CASE WHEN s.access_start > ? THEN 'upcoming' " \
	"WHEN s.access_end < ? THEN 'past' ELSE 'active' END) = ?) " \
	"AND (? IS NULL OR s.sort_end >= ?) " \
	"AND (? IS NULL OR s.sort_start <= ?) "
#define LIST_PAGE	"LIMIT 51"
#define LIST_BY(col, cmp, dir) \
	LIST_HEAD "AND (? IS NULL OR " col " " cmp " ? OR (" col " = ? " \
	"AND s.id " cmp " ?)) ORDER BY " col " " dir ", s.id " dir " " LIST_PAGE

_Static_assert(TRAINING_PAGE + 1 == 51, "LIST_PAGE fetches one page and one");

/* Learners of a session in name order after an optional (name, id). */
#define LEARNER_KEYSET \
	"(? IS NULL OR u.name > ? OR (u.name = ? AND u.id > ?))"
#define LEARNER_COLS \
	"u.id, u.name, u.email, sl.source, cl.name, sl.enrolled_at, " \
	"u.disabled"
#define LEARNER_FROM \
	"FROM session_learners sl JOIN users u ON u.id = sl.user_id " \
	"LEFT JOIN classes cl ON cl.id = sl.class_id WHERE sl.session_id = ? "

/* Members of a class who are active learners. */
#define CLASS_LEARNERS \
	"FROM class_members m JOIN users u ON u.id = m.user_id " \
	"AND u.role = 'learner' AND u.disabled = 0 "

/*
 * "My sessions": the inner query names each session's window (d_start,
 * d_end); the middle one its section (0 current, 1 upcoming, 2 past,
 * decided like date_window() in lib/dates.c: before the start first, then
 * after the end; today is bound twice); the outer one numbers the rows
 * of each section in display order (current: ending soonest; upcoming:
 * starting soonest; past: ended most recently) so that only the first
 * rows of each come back.
 */
#define MY_RANKED(inner) \
	"SELECT id, name, d_start, d_end, sec, session_coach, hidden, " \
	"readable FROM (" \
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

/* Index in the table below of a statement id. */
#define S(id)	((id) - TRN_GET)

/* How many lessons of the course the learner completed (Passed or
 * Verified, through any enrollment) in the given states. */
#define LESSONS_IN(states) \
	    "(SELECT COUNT(DISTINCT ld.lesson_id) FROM lesson_attempts la " \
	    "JOIN lesson_docs ld ON ld.id = la.doc_id JOIN course_lessons cl " \
	    "ON cl.id = ld.lesson_id WHERE la.learner_id = pl.id AND " \
	    "cl.course_id = scl.course_id AND la.state IN (" states "))"

static const char *const sqltab[] = {
	[S(TRN_GET)] =
	    "SELECT " TRN_COLS " FROM lms_sessions s "
	    "LEFT JOIN session_categories c ON c.id = s.category_id "
	    "LEFT JOIN users u ON u.id = s.coach_id WHERE s.id = ?",
	[S(TRN_INSERT)] =
	    "INSERT INTO lms_sessions (name, description, category_id, "
	    "coach_id, visibility, display_start, display_end, access_start, "
	    "access_end, coach_start, coach_end, created_at, updated_at) "
	    "VALUES (?, ?, NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[S(TRN_UPDATE)] =
	    "UPDATE lms_sessions SET name = ?, description = ?, "
	    "category_id = NULLIF(?, 0), coach_id = NULLIF(?, 0), "
	    "visibility = ?, display_start = ?, display_end = ?, "
	    "access_start = ?, access_end = ?, coach_start = ?, "
	    "coach_end = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?",
	[S(TRN_LIST_NAME_ASC)] = LIST_BY("s.name", ">", "ASC"),
	[S(TRN_LIST_NAME_DESC)] = LIST_BY("s.name", "<", "DESC"),
	[S(TRN_LIST_START_ASC)] = LIST_BY("s.sort_start", ">", "ASC"),
	[S(TRN_LIST_START_DESC)] = LIST_BY("s.sort_start", "<", "DESC"),
	[S(TRN_LIST_END_ASC)] = LIST_BY("s.sort_end", ">", "ASC"),
	[S(TRN_LIST_END_DESC)] = LIST_BY("s.sort_end", "<", "DESC"),
	[S(TRN_COURSES_DELTA)] =
	    "UPDATE lms_sessions SET course_count = "
	    "CAST(course_count AS SIGNED) + ? WHERE id = ?",
	[S(TRN_LEARNERS_DELTA)] =
	    "UPDATE lms_sessions SET learner_count = "
	    "CAST(learner_count AS SIGNED) + ? WHERE id = ?",

	[S(OPT_TEACHERS)] =
	    "SELECT id, name, email, disabled OR role <> 'teacher' FROM users "
	    "WHERE (role = 'teacher' AND disabled = 0) OR id = ? "
	    "ORDER BY name, id",
	[S(OPT_CATEGORIES)] =
	    "SELECT id, name, NULL, archived FROM session_categories "
	    "WHERE archived = 0 OR id = ? OR ? = 1 ORDER BY name, id",
	[S(OPT_COURSES)] =
	    "SELECT c.id, c.title, c.code, 0 FROM courses c "
	    "WHERE c.archived = 0 AND NOT EXISTS (SELECT 1 FROM "
	    "session_courses sc WHERE sc.session_id = ? AND "
	    "sc.course_id = c.id) ORDER BY c.title, c.id",
	[S(OPT_CLASSES)] =
	    "SELECT cl.id, cl.name, NULL, (SELECT COUNT(*) " CLASS_LEARNERS
	    "WHERE m.class_id = cl.id) FROM classes cl WHERE cl.archived = 0 "
	    "ORDER BY cl.name, cl.id",
	[S(COURSE_FIND)] =
	    "SELECT id, title, code, archived FROM courses WHERE id = ?",
	[S(CLASS_FIND)] =
	    "SELECT id, name, NULL, archived FROM classes WHERE id = ?",

	[S(SC_LIST)] =
	    "SELECT sc.course_id, c.title, c.code, c.archived, sc.coach_id, "
	    "u.name, (SELECT COUNT(*) FROM course_lessons l WHERE "
	    "l.course_id = sc.course_id AND l.archived = 0) "
	    "FROM session_courses sc JOIN courses c ON c.id = sc.course_id "
	    "LEFT JOIN users u ON u.id = sc.coach_id WHERE sc.session_id = ? "
	    "ORDER BY sc.position, c.title, sc.course_id",
	[S(SC_INSERT)] =
	    "INSERT INTO session_courses (session_id, course_id, coach_id, "
	    "position, added_at) SELECT ?, ?, NULLIF(?, 0), "
	    "COALESCE(MAX(position), 0) + 1, UTC_TIMESTAMP() "
	    "FROM session_courses WHERE session_id = ?",
	[S(SC_SET_COACH)] =
	    "UPDATE session_courses SET coach_id = NULLIF(?, 0) "
	    "WHERE session_id = ? AND course_id = ?",
	[S(SC_DELETE)] =
	    "DELETE FROM session_courses "
	    "WHERE session_id = ? AND course_id = ?",
	[S(SCL_FILL_COURSE)] =
	    "INSERT IGNORE INTO session_course_learners (session_id, "
	    "course_id, user_id, enrolled_at) SELECT session_id, ?, user_id, "
	    "UTC_TIMESTAMP() FROM session_learners WHERE session_id = ?",
	[S(SCL_FILL_LEARNER)] =
	    "INSERT IGNORE INTO session_course_learners (session_id, "
	    "course_id, user_id, enrolled_at) SELECT session_id, course_id, ?, "
	    "UTC_TIMESTAMP() FROM session_courses WHERE session_id = ?",
	[S(SCL_INSERT_ONE)] =
	    "INSERT IGNORE INTO session_course_learners (session_id, "
	    "course_id, user_id, enrolled_at) "
	    "VALUES (?, ?, ?, UTC_TIMESTAMP())",
	[S(SCL_DELETE_COURSE)] =
	    "DELETE FROM session_course_learners "
	    "WHERE session_id = ? AND course_id = ?",
	[S(SCL_DELETE_LEARNER)] =
	    "DELETE FROM session_course_learners "
	    "WHERE session_id = ? AND user_id = ?",

	[S(SL_PAGE)] =
	    "SELECT " LEARNER_COLS " " LEARNER_FROM "AND " LEARNER_KEYSET
	    " ORDER BY u.name, u.id LIMIT ?",
	[S(SL_ALL)] =
	    "SELECT " LEARNER_COLS " " LEARNER_FROM "ORDER BY u.name, u.id",
	[S(SL_SEARCH)] =
	    "SELECT u.id, u.name, u.email, sl.user_id IS NOT NULL "
	    "FROM users u LEFT JOIN session_learners sl ON "
	    "sl.session_id = ? AND sl.user_id = u.id "
	    "WHERE u.role = 'learner' AND u.disabled = 0 "
	    "AND (u.name LIKE ? OR u.email LIKE ?) AND " LEARNER_KEYSET
	    " ORDER BY u.name, u.id LIMIT ?",
	[S(SL_INSERT)] =
	    "INSERT INTO session_learners (session_id, user_id, source, "
	    "class_id, enrolled_at) VALUES (?, ?, 'individual', NULL, "
	    "UTC_TIMESTAMP())",
	[S(SL_INSERT_CSV)] =
	    "INSERT IGNORE INTO session_learners (session_id, user_id, "
	    "source, class_id, enrolled_at) VALUES (?, ?, 'csv', NULL, "
	    "UTC_TIMESTAMP())",
	[S(SL_DELETE)] =
	    "DELETE FROM session_learners WHERE session_id = ? AND user_id = ?",

	[S(CLASS_COUNT)] =
	    "SELECT COUNT(*) " CLASS_LEARNERS "WHERE m.class_id = ?",
	[S(CLASS_SCL)] =
	    "INSERT IGNORE INTO session_course_learners (session_id, "
	    "course_id, user_id, enrolled_at) SELECT sc.session_id, "
	    "sc.course_id, m.user_id, UTC_TIMESTAMP() " CLASS_LEARNERS
	    "JOIN session_courses sc ON sc.session_id = ? "
	    "WHERE m.class_id = ? AND NOT EXISTS (SELECT 1 FROM "
	    "session_learners sl WHERE sl.session_id = sc.session_id "
	    "AND sl.user_id = m.user_id)",
	[S(CLASS_SL)] =
	    "INSERT IGNORE INTO session_learners (session_id, user_id, "
	    "source, class_id, enrolled_at) SELECT ?, m.user_id, 'class', "
	    "m.class_id, UTC_TIMESTAMP() " CLASS_LEARNERS
	    "WHERE m.class_id = ?",

	[S(TRACK_PAGE)] =
	    "SELECT pl.id, pl.name, pl.email, scl.course_id, "
	    "t.last_access_at, COALESCE(t.lessons_done, 0), "
	    LESSONS_IN("'passed', 'verified'") ", "
	    LESSONS_IN("'verified'") " FROM "
	    "(SELECT u.id, u.name, u.email FROM session_learners sl "
	    "JOIN users u ON u.id = sl.user_id WHERE sl.session_id = ? AND "
	    LEARNER_KEYSET " ORDER BY u.name, u.id LIMIT ?) pl "
	    "LEFT JOIN session_course_learners scl ON scl.session_id = ? "
	    "AND scl.user_id = pl.id "
	    "LEFT JOIN session_courses sc ON sc.session_id = scl.session_id "
	    "AND sc.course_id = scl.course_id "
	    "LEFT JOIN session_tracking t ON t.session_id = scl.session_id "
	    "AND t.course_id = scl.course_id AND t.user_id = pl.id "
	    "ORDER BY pl.name, pl.id, sc.position, scl.course_id",

	[S(CSV_TRAINING_BY_ID)] =
	    "SELECT id, name FROM lms_sessions WHERE id = ?",
	[S(CSV_TRAINING_BY_NAME)] =
	    "SELECT id, name FROM lms_sessions WHERE name = ? "
	    "AND CAST(name AS BINARY) = CAST(? AS BINARY) ORDER BY id LIMIT 2",
	[S(CSV_COURSE)] =
	    "SELECT c.id, c.title, sc.course_id IS NOT NULL FROM courses c "
	    "LEFT JOIN session_courses sc ON sc.session_id = ? "
	    "AND sc.course_id = c.id WHERE c.code = ?",
	[S(CSV_USER_STATE)] =
	    "SELECT u.id, u.name, u.role = 'learner', u.disabled, "
	    "EXISTS (SELECT 1 FROM "
	    "session_learners sl WHERE sl.session_id = ? AND "
	    "sl.user_id = u.id), EXISTS (SELECT 1 FROM "
	    "session_course_learners x WHERE x.session_id = ? AND "
	    "x.course_id = ? AND x.user_id = u.id) FROM users u "
	    "WHERE u.email = ?",
	/* today, today (section), uid, today, today (display), limit */
	[S(LEARNER_MY_ENROLLED)] = MY_RANKED(
	    "SELECT s.id, s.name, s.access_start AS d_start, "
	    "s.access_end AS d_end, 0 AS session_coach, 0 AS hidden, "
	    "s.visibility = 'readonly_after_end' AS readable "
	    "FROM session_learners l JOIN lms_sessions s "
	    "ON s.id = l.session_id WHERE l.user_id = ? "
	    "AND s.visibility <> 'hidden' "
	    "AND (s.display_start IS NULL OR s.display_start <= ?) "
	    "AND (s.display_end IS NULL OR s.display_end >= ?)"),
	/* today, today (section), uid, uid, uid, limit */
	[S(LEARNER_MY_COACHED)] = MY_RANKED(
	    "SELECT s.id, s.name, s.coach_start AS d_start, "
	    "s.coach_end AS d_end, s.coach_id <=> ? AS session_coach, "
	    "s.visibility = 'hidden' AS hidden, "
	    "s.visibility = 'readonly_after_end' AS readable "
	    "FROM (SELECT id AS sid FROM lms_sessions WHERE coach_id = ? "
	    "UNION SELECT session_id FROM session_courses "
	    "WHERE coach_id = ?) k JOIN lms_sessions s ON s.id = k.sid"),
	[S(LEARNER_TRAINING)] =
	    "SELECT s.id, s.name, s.description, s.visibility, "
	    "s.access_start, s.access_end, s.coach_start, s.coach_end, "
	    "s.coach_id, u.name, "
	    "EXISTS (SELECT 1 FROM session_learners l "
	    "WHERE l.session_id = s.id AND l.user_id = ?), "
	    "EXISTS (SELECT 1 FROM session_courses sc "
	    "WHERE sc.session_id = s.id AND sc.coach_id = ?) "
	    "FROM lms_sessions s LEFT JOIN users u ON u.id = s.coach_id "
	    "WHERE s.id = ?",
	[S(LEARNER_COURSES_ALL)] =
	    "SELECT " COURSE_COLS ", 0 " COURSE_FROM
	    "WHERE sc.session_id = ?" COURSE_ORDER,
	[S(LEARNER_COURSES_COACHED)] =
	    "SELECT " COURSE_COLS ", 0 " COURSE_FROM
	    "WHERE sc.session_id = ? AND sc.coach_id = ?" COURSE_ORDER,
	[S(LEARNER_COURSES_ENROLLED)] =
	    "SELECT " COURSE_COLS ", 1 " COURSE_FROM
	    "JOIN session_course_learners scl "
	    "ON scl.session_id = sc.session_id "
	    "AND scl.course_id = sc.course_id "
	    "WHERE sc.session_id = ? AND scl.user_id = ?" COURSE_ORDER,
	[S(LEARNER_COURSE)] =
	    "SELECT " COURSE_COLS ", "
	    "EXISTS (SELECT 1 FROM session_course_learners scl "
	    "WHERE scl.session_id = sc.session_id "
	    "AND scl.course_id = sc.course_id AND scl.user_id = ?) "
	    COURSE_FROM "WHERE sc.session_id = ? AND sc.course_id = ?",
	[S(LEARNER_LESSONS)] =
	    "SELECT id, title, type FROM course_lessons "
	    "WHERE course_id = ? AND archived = 0 ORDER BY position, id",
	[S(LEARNER_TRACK)] =
	    "INSERT INTO session_tracking (session_id, course_id, user_id, "
	    "first_access_at, last_access_at, access_count) "
	    "VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), 1) "
	    "ON DUPLICATE KEY UPDATE last_access_at = UTC_TIMESTAMP(), "
	    "access_count = access_count + 1",
	[S(LEARNER_COURSE_LEARNERS_FIRST)] =
	    LEARNERS_SELECT "ORDER BY u.name, u.id LIMIT ?",
	[S(LEARNER_COURSE_LEARNERS_AFTER)] =
	    LEARNERS_SELECT "AND (u.name > ? OR (u.name = ? AND u.id > ?)) "
	    "ORDER BY u.name, u.id LIMIT ?",
	/* Every session, and those whose access window holds today. */
	[S(TRN_COUNT)] =
	    "SELECT COUNT(*), COALESCE(SUM(sort_start <= ? AND "
	    "sort_end >= ?), 0) FROM lms_sessions",
	/* The tracking page's chart: per course, its learners, those who
	 * opened it and their lessons done. */
	[S(TRN_COURSE_PROGRESS)] =
	    "SELECT l.course_id, COUNT(*), COUNT(t.user_id), "
	    "COALESCE(SUM(t.lessons_done), 0) FROM session_course_learners l "
	    "LEFT JOIN session_tracking t ON t.session_id = l.session_id AND "
	    "t.course_id = l.course_id AND t.user_id = l.user_id "
	    "WHERE l.session_id = ? GROUP BY l.course_id",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == TRN__END - TRN_GET,
    "one SQL text per sessions statement");

const struct sqltable sql_training = {
	sizeof(sqltab) / sizeof(sqltab[0]), sqltab
};

/* "" and NULL both mean an open date: bind NULL. */
static const char *
date_arg(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

enum db_rc
db_training_count(struct db *db, struct arena *a, const char *today,
    long long *all, long long *active)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*all = *active = 0;
	if ((rc = db_query(db, a, TRN_COUNT, &res, "ss", today,
	    today)) != DB_OK)
		return rc;
	if (db_next(res)) {
		*all = db_int(res, 0);
		*active = db_int(res, 1);
	}
	return DB_OK;
}

enum db_rc
db_training_get(struct db *db, struct arena *a, int64_t id,
    struct training_session **out)
{
	struct dbres		*res;
	struct training_session	*s;
	enum db_rc		 rc;

	*out = NULL;
	if ((rc = db_query(db, a, TRN_GET, &res, "i", (long long)id)) != DB_OK)
		return rc;
	if (!db_next(res))
		return DB_OK;
	s = arena_alloc(a, sizeof(*s));
	s->id = db_int(res, 0);
	s->name = db_dup(a, res, 1);
	s->description = db_dup(a, res, 2);
	s->category_id = db_int(res, 3);
	s->category_name = db_dup(a, res, 4);
	s->coach_id = db_int(res, 5);
	s->coach_name = db_dup(a, res, 6);
	s->visibility = db_dup(a, res, 7);
	s->display_start = db_dup(a, res, 8);
	s->display_end = db_dup(a, res, 9);
	s->access_start = db_dup(a, res, 10);
	s->access_end = db_dup(a, res, 11);
	s->coach_start = db_dup(a, res, 12);
	s->coach_end = db_dup(a, res, 13);
	s->course_count = db_int(res, 14);
	s->learner_count = db_int(res, 15);
	s->sort_start = db_dup(a, res, 16);
	s->sort_end = db_dup(a, res, 17);
	*out = s;
	return DB_OK;
}

enum db_rc
db_training_create(struct db *db, const struct training_session *s, int64_t *id)
{
	enum db_rc	 rc;

	rc = db_exec(db, TRN_INSERT, NULL, "ssiisssssss", s->name,
	    s->description, (long long)s->category_id,
	    (long long)s->coach_id, s->visibility,
	    date_arg(s->display_start), date_arg(s->display_end),
	    date_arg(s->access_start), date_arg(s->access_end),
	    date_arg(s->coach_start), date_arg(s->coach_end));
	if (rc == DB_OK && id != NULL)
		*id = db_last_id(db);
	return rc;
}

enum db_rc
db_training_update(struct db *db, const struct training_session *s)
{
	return db_exec(db, TRN_UPDATE, NULL, "ssiisssssssi", s->name,
	    s->description, (long long)s->category_id,
	    (long long)s->coach_id, s->visibility,
	    date_arg(s->display_start), date_arg(s->display_end),
	    date_arg(s->access_start), date_arg(s->access_end),
	    date_arg(s->coach_start), date_arg(s->coach_end),
	    (long long)s->id);
}

enum db_rc
db_training_list(struct db *db, struct arena *a,
    const struct training_filter *f, enum training_sort sort, int desc,
    const char *after, int64_t after_id, struct training_session **list,
    size_t *n)
{
	static const int	 stmts[3][2] = {
		{ TRN_LIST_NAME_ASC, TRN_LIST_NAME_DESC },
		{ TRN_LIST_START_ASC, TRN_LIST_START_DESC },
		{ TRN_LIST_END_ASC, TRN_LIST_END_DESC },
	};
	struct dbres		*res;
	struct training_session	*s;
	const char		*words = NULL, *pat = NULL, *cat = NULL;
	const char		*status = NULL, *today = NULL, *pos = NULL;
	enum db_rc		 rc;
	size_t			 i;

	if (f->search != NULL && *f->search != '\0')
		db_words(a, f->search, &words, &pat);
	if (f->category_id > 0)
		cat = arena_printf(a, "%lld", (long long)f->category_id);
	if (f->status != NULL && f->today != NULL) {
		status = f->status;
		today = f->today;
	}
	if (after_id > 0 && after != NULL)
		pos = arena_printf(a, "%lld", (long long)after_id);
	else
		after = NULL;
	rc = db_query(db, a, stmts[sort][desc != 0], &res,
	    "ssssssssssssssssss", words, words, pat, pat, cat, cat, status,
	    today, today, status, date_arg(f->from), date_arg(f->from),
	    date_arg(f->to), date_arg(f->to), pos, after, after, pos);
	if (rc != DB_OK)
		return rc;
	*n = res->nrows;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		s = &(*list)[i];
		s->id = db_int(res, 0);
		s->name = db_dup(a, res, 1);
		s->access_start = db_dup(a, res, 2);
		s->access_end = db_dup(a, res, 3);
		s->category_name = db_dup(a, res, 4);
		s->course_count = db_int(res, 5);
		s->learner_count = db_int(res, 6);
		s->sort_start = db_dup(a, res, 7);
		s->sort_end = db_dup(a, res, 8);
	}
	return DB_OK;
}

/* Fetch id, label, extra, flag rows into options. */
static enum db_rc
options(struct db *db, struct arena *a, int st, long long arg, int has_arg,
    struct option **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	rc = has_arg ? db_query(db, a, st, &res, "i", arg) :
	    db_query(db, a, st, &res, "");
	if (rc != DB_OK)
		return rc;
	*n = res->nrows;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		(*list)[i].id = db_int(res, 0);
		(*list)[i].label = db_dup(a, res, 1);
		(*list)[i].extra = db_dup(a, res, 2);
		(*list)[i].flag = (int)db_int(res, 3);
	}
	return DB_OK;
}

enum db_rc
db_teacher_options(struct db *db, struct arena *a, int64_t keep_id,
    struct option **list, size_t *n)
{
	return options(db, a, OPT_TEACHERS, (long long)keep_id, 1, list, n);
}

enum db_rc
db_category_options(struct db *db, struct arena *a, int64_t keep_id,
    int all, struct option **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	if ((rc = db_query(db, a, OPT_CATEGORIES, &res, "ii",
	    (long long)keep_id, (long long)(all != 0))) != DB_OK)
		return rc;
	*n = res->nrows;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		(*list)[i].id = db_int(res, 0);
		(*list)[i].label = db_dup(a, res, 1);
		(*list)[i].flag = (int)db_int(res, 3);
	}
	return DB_OK;
}

enum db_rc
db_course_options(struct db *db, struct arena *a, int64_t sid,
    struct option **list, size_t *n)
{
	return options(db, a, OPT_COURSES, (long long)sid, 1, list, n);
}

enum db_rc
db_class_options(struct db *db, struct arena *a, struct option **list,
    size_t *n)
{
	return options(db, a, OPT_CLASSES, 0, 0, list, n);
}

/* The single option a lookup by id found, or NULL. */
static enum db_rc
find_one(struct db *db, struct arena *a, int st, int64_t id,
    struct option **out)
{
	struct option	*list;
	size_t		 n;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = options(db, a, st, (long long)id, 1, &list, &n)) != DB_OK)
		return rc;
	if (n > 0)
		*out = &list[0];
	return DB_OK;
}

enum db_rc
db_course_find(struct db *db, struct arena *a, int64_t id,
    struct option **out)
{
	return find_one(db, a, COURSE_FIND, id, out);
}

enum db_rc
db_class_find(struct db *db, struct arena *a, int64_t id,
    struct option **out)
{
	return find_one(db, a, CLASS_FIND, id, out);
}

enum db_rc
db_training_courses(struct db *db, struct arena *a, int64_t sid,
    struct training_course **list, size_t *n)
{
	struct dbres		*res;
	struct training_course	*c;
	enum db_rc		 rc;
	size_t			 i;

	if ((rc = db_query(db, a, SC_LIST, &res, "i", (long long)sid)) !=
	    DB_OK)
		return rc;
	*n = res->nrows;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		c = &(*list)[i];
		c->course_id = db_int(res, 0);
		c->title = db_dup(a, res, 1);
		c->code = db_dup(a, res, 2);
		c->archived = (int)db_int(res, 3);
		c->coach_id = db_int(res, 4);
		c->coach_name = db_dup(a, res, 5);
		c->lessons = db_int(res, 6);
	}
	return DB_OK;
}

enum db_rc
db_training_progress(struct db *db, struct arena *a, int64_t sid,
    struct training_progress **list, size_t *n)
{
	struct dbres		*res;
	enum db_rc		 rc;
	size_t			 i;

	if ((rc = db_query(db, a, TRN_COURSE_PROGRESS, &res, "i",
	    (long long)sid)) != DB_OK)
		return rc;
	*n = res->nrows;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		(*list)[i].course_id = db_int(res, 0);
		(*list)[i].learners = db_int(res, 1);
		(*list)[i].opened = db_int(res, 2);
		(*list)[i].lessons_done = db_int(res, 3);
	}
	return DB_OK;
}

enum db_rc
db_training_add_course(struct db *db, int64_t sid, int64_t cid,
    int64_t coach_id)
{
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, SC_INSERT, NULL, "iiii", (long long)sid,
	    (long long)cid, (long long)coach_id, (long long)sid)) != DB_OK ||
	    (rc = db_exec(db, SCL_FILL_COURSE, NULL, "ii", (long long)cid,
	    (long long)sid)) != DB_OK ||
	    (rc = db_exec(db, TRN_COURSES_DELTA, NULL, "ii", 1LL,
	    (long long)sid)) != DB_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

enum db_rc
db_training_set_coach(struct db *db, int64_t sid, int64_t cid,
    int64_t coach_id)
{
	return db_exec(db, SC_SET_COACH, NULL, "iii", (long long)coach_id,
	    (long long)sid, (long long)cid);
}

/*
 * Remove one row of a session (a course or a learner) in one transaction:
 * first its course enrollments (children), then the row itself, then
 * the session's counter by the rows removed.  *found = 0 when there was
 * no such row (nothing changes).
 */
static enum db_rc
remove_counted(struct db *db, int children, int row, int counter,
    int64_t sid, int64_t other, int *found)
{
	long long	 gone = 0;
	enum db_rc	 rc;

	*found = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, children, NULL, "ii", (long long)sid,
	    (long long)other)) != DB_OK ||
	    (rc = db_exec(db, row, &gone, "ii", (long long)sid,
	    (long long)other)) != DB_OK)
		goto fail;
	if (gone == 0) {
		db_rollback(db);
		return DB_OK;
	}
	if ((rc = db_exec(db, counter, NULL, "ii", -gone,
	    (long long)sid)) != DB_OK)
		goto fail;
	*found = 1;
	return db_commit(db);
fail:
	db_rollback(db);
	return rc;
}

enum db_rc
db_training_remove_course(struct db *db, int64_t sid, int64_t cid,
    int *found)
{
	return remove_counted(db, SCL_DELETE_COURSE, SC_DELETE,
	    TRN_COURSES_DELTA, sid, cid, found);
}

/* Copy LEARNER_COLS rows into learners. */
static void
learner_rows(struct arena *a, struct dbres *res, struct training_learner **list,
    size_t *n)
{
	struct training_learner	*l;
	size_t			 i;

	*n = res->nrows;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		l = &(*list)[i];
		l->user_id = db_int(res, 0);
		l->name = db_dup(a, res, 1);
		l->email = db_dup(a, res, 2);
		l->source = db_dup(a, res, 3);
		l->class_name = db_dup(a, res, 4);
		l->enrolled_at = db_dup(a, res, 5);
		l->disabled = (int)db_int(res, 6);
		l->enrolled = 1;
	}
}

/* The keyset position as bind values: NULL id on the first page. */
static const char *
keyset_id(struct arena *a, const char **after_name, int64_t after_id)
{
	if (after_id <= 0 || *after_name == NULL) {
		*after_name = NULL;
		return NULL;
	}
	return arena_printf(a, "%lld", (long long)after_id);
}

enum db_rc
db_learners_page(struct db *db, struct arena *a, int64_t sid,
    const char *after_name, int64_t after_id, int limit,
    struct training_learner **list, size_t *n)
{
	struct dbres	*res;
	const char	*pos = keyset_id(a, &after_name, after_id);
	enum db_rc	 rc;

	if ((rc = db_query(db, a, SL_PAGE, &res, "issssi", (long long)sid,
	    pos, after_name, after_name, pos, (long long)limit)) != DB_OK)
		return rc;
	learner_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_learners_all(struct db *db, struct arena *a, int64_t sid,
    struct training_learner **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	if ((rc = db_query(db, a, SL_ALL, &res, "i", (long long)sid)) != DB_OK)
		return rc;
	learner_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_learners_search(struct db *db, struct arena *a, int64_t sid,
    const char *q, const char *after_name, int64_t after_id, int limit,
    struct training_learner **list, size_t *n)
{
	struct dbres		*res;
	struct training_learner	*l;
	const char		*pos = keyset_id(a, &after_name, after_id);
	char			*pat = db_like_contains(a, q);
	enum db_rc		 rc;
	size_t			 i;

	if ((rc = db_query(db, a, SL_SEARCH, &res, "issssssi",
	    (long long)sid, pat, pat, pos, after_name, after_name, pos,
	    (long long)limit)) != DB_OK)
		return rc;
	*n = res->nrows;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		l = &(*list)[i];
		l->user_id = db_int(res, 0);
		l->name = db_dup(a, res, 1);
		l->email = db_dup(a, res, 2);
		l->enrolled = (int)db_int(res, 3);
	}
	return DB_OK;
}

enum db_rc
db_learners_add(struct db *db, int64_t sid, int64_t uid)
{
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, SL_INSERT, NULL, "ii", (long long)sid,
	    (long long)uid)) != DB_OK ||
	    (rc = db_exec(db, SCL_FILL_LEARNER, NULL, "ii", (long long)uid,
	    (long long)sid)) != DB_OK ||
	    (rc = db_exec(db, TRN_LEARNERS_DELTA, NULL, "ii", 1LL,
	    (long long)sid)) != DB_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

enum db_rc
db_learners_remove(struct db *db, int64_t sid, int64_t uid,
    int *found)
{
	return remove_counted(db, SCL_DELETE_LEARNER, SL_DELETE,
	    TRN_LEARNERS_DELTA, sid, uid, found);
}

enum db_rc
db_learners_add_class(struct db *db, int64_t sid, int64_t class_id,
    long long *added, long long *already)
{
	struct arena	*a = arena_new();
	struct dbres	*res;
	long long	 members;
	enum db_rc	 rc;

	*added = *already = 0;
	if ((rc = db_begin(db)) != DB_OK)
		goto out;
	if ((rc = db_query(db, a, CLASS_COUNT, &res, "i",
	    (long long)class_id)) != DB_OK)
		goto fail;
	members = db_int(res, 0);
	/* Courses first: afterwards everyone would look enrolled already. */
	if ((rc = db_exec(db, CLASS_SCL, NULL, "ii", (long long)sid,
	    (long long)class_id)) != DB_OK ||
	    (rc = db_exec(db, CLASS_SL, added, "ii", (long long)sid,
	    (long long)class_id)) != DB_OK)
		goto fail;
	if (*added > 0 && (rc = db_exec(db, TRN_LEARNERS_DELTA, NULL, "ii",
	    *added, (long long)sid)) != DB_OK)
		goto fail;
	if ((rc = db_commit(db)) != DB_OK)
		goto out;
	*already = members - *added;
	goto out;
fail:
	db_rollback(db);
	*added = 0;
out:
	arena_free(a);
	return rc;
}

enum db_rc
db_training_tracking(struct db *db, struct arena *a, int64_t sid,
    const char *after_name, int64_t after_id, int limit,
    struct training_track **list, size_t *n)
{
	struct dbres		*res;
	struct training_track	*t;
	const char		*pos = keyset_id(a, &after_name, after_id);
	enum db_rc		 rc;
	size_t			 i;

	if ((rc = db_query(db, a, TRACK_PAGE, &res, "issssii", (long long)sid,
	    pos, after_name, after_name, pos, (long long)limit,
	    (long long)sid)) != DB_OK)
		return rc;
	*n = res->nrows;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		t = &(*list)[i];
		t->user_id = db_int(res, 0);
		t->name = db_dup(a, res, 1);
		t->email = db_dup(a, res, 2);
		t->course_id = db_int(res, 3);
		t->last_access = db_dup(a, res, 4);
		t->lessons_done = db_int(res, 5);
		t->lessons_passed = db_int(res, 6);
		t->lessons_verified = db_int(res, 7);
	}
	return DB_OK;
}

enum db_rc
db_learners_csv_training(struct db *db, struct arena *a, const char *key,
    int64_t *sid, char **name, int *n)
{
	struct dbres	*res;
	long long	 id;
	enum db_rc	 rc;
	const char	*p;

	*sid = 0;
	*name = NULL;
	*n = 0;
	for (p = key; *p >= '0' && *p <= '9'; p++)
		continue;
	/* A number is an id; a name of digits is found when no id is. */
	res = NULL;
	if (*key != '\0' && *p == '\0' && strlen(key) <= 15) {
		id = strtoll(key, NULL, 10);
		if ((rc = db_query(db, a, CSV_TRAINING_BY_ID, &res, "i",
		    id)) != DB_OK)
			return rc;
	}
	if ((res == NULL || res->nrows == 0) && (rc = db_query(db, a,
	    CSV_TRAINING_BY_NAME, &res, "ss", key, key)) != DB_OK)
		return rc;
	*n = (int)res->nrows;
	if (db_next(res)) {
		*sid = db_int(res, 0);
		*name = db_dup(a, res, 1);
	}
	return DB_OK;
}

enum db_rc
db_learners_csv_course(struct db *db, struct arena *a, int64_t sid,
    const char *code, int64_t *cid, char **title, int *in_session)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*cid = 0;
	*title = NULL;
	*in_session = 0;
	if ((rc = db_query(db, a, CSV_COURSE, &res, "is", (long long)sid,
	    code)) != DB_OK)
		return rc;
	if (db_next(res)) {
		*cid = db_int(res, 0);
		*title = db_dup(a, res, 1);
		*in_session = (int)db_int(res, 2);
	}
	return DB_OK;
}

enum db_rc
db_learners_csv_user(struct db *db, struct arena *a, const char *email,
    int64_t sid, int64_t cid, int64_t *uid, char **name, int *learner,
    int *disabled, int *in_session, int *in_course)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*uid = 0;
	*name = NULL;
	*learner = *disabled = *in_session = *in_course = 0;
	if ((rc = db_query(db, a, CSV_USER_STATE, &res, "iiis",
	    (long long)sid, (long long)sid, (long long)cid, email)) != DB_OK)
		return rc;
	if (db_next(res)) {
		*uid = db_int(res, 0);
		*name = db_dup(a, res, 1);
		*learner = (int)db_int(res, 2);
		*disabled = (int)db_int(res, 3);
		*in_session = (int)db_int(res, 4);
		*in_course = (int)db_int(res, 5);
	}
	return DB_OK;
}

enum db_rc
db_learners_csv_add(struct db *db, int64_t sid, int64_t cid, int64_t uid,
    int *added)
{
	long long	 n = 0;
	enum db_rc	 rc;

	*added = 0;
	if ((rc = db_exec(db, SL_INSERT_CSV, &n, "ii", (long long)sid,
	    (long long)uid)) != DB_OK)
		return rc;
	*added = n > 0;
	if (cid > 0)
		return db_exec(db, SCL_INSERT_ONE, NULL, "iii", (long long)sid,
		    (long long)cid, (long long)uid);
	/*
	 * A row without a course means every course, even when an earlier
	 * row of the same file enrolled the learner in one of them.
	 */
	return db_exec(db, SCL_FILL_LEARNER, NULL, "ii", (long long)uid,
	    (long long)sid);
}

enum db_rc
db_training_add_learner_count(struct db *db, int64_t sid, long long delta)
{
	return db_exec(db, TRN_LEARNERS_DELTA, NULL, "ii", delta,
	    (long long)sid);
}

/* Copy the rows of a "My sessions" query into a new list. */
static void
my_rows(struct arena *a, struct dbres *res, int coach,
    struct my_training **list, size_t *n)
{
	struct my_training	*m;
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
		m->readable = db_int(res, 7) != 0;
	}
}

enum db_rc
db_learner_enrolled(struct db *db, struct arena *a, int64_t uid,
    const char *today, int limit, struct my_training **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	if ((rc = db_query(db, a, LEARNER_MY_ENROLLED, &res, "ssissi", today,
	    today, (long long)uid, today, today, (long long)limit)) != DB_OK)
		return rc;
	my_rows(a, res, 0, list, n);
	return DB_OK;
}

enum db_rc
db_learner_coached(struct db *db, struct arena *a, int64_t uid,
    const char *today, int limit, struct my_training **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	if ((rc = db_query(db, a, LEARNER_MY_COACHED, &res, "ssiiii", today,
	    today, (long long)uid, (long long)uid, (long long)uid,
	    (long long)limit)) != DB_OK)
		return rc;
	my_rows(a, res, 1, list, n);
	return DB_OK;
}

enum db_rc
db_learner_training(struct db *db, struct arena *a, int64_t sid, int64_t uid,
    struct learner_training **out)
{
	struct learner_training	*s;
	struct dbres		*res;
	enum db_rc		 rc;

	*out = NULL;
	if ((rc = db_query(db, a, LEARNER_TRAINING, &res, "iii", (long long)uid,
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
course_row(struct arena *a, const struct dbres *res, struct learner_course *c)
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
db_learner_courses(struct db *db, struct arena *a, int64_t sid,
    enum course_scope scope, int64_t uid, struct learner_course **list,
    size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	switch (scope) {
	case SCOPE_COACHED:
		rc = db_query(db, a, LEARNER_COURSES_COACHED, &res, "ii",
		    (long long)sid, (long long)uid);
		break;
	case SCOPE_ENROLLED:
		rc = db_query(db, a, LEARNER_COURSES_ENROLLED, &res, "ii",
		    (long long)sid, (long long)uid);
		break;
	default:
		rc = db_query(db, a, LEARNER_COURSES_ALL, &res, "i",
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
db_learner_course(struct db *db, struct arena *a, int64_t sid, int64_t cid,
    int64_t uid, struct learner_course **out)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, LEARNER_COURSE, &res, "iii", (long long)uid,
	    (long long)sid, (long long)cid)) != DB_OK)
		return rc;
	if (!db_next(res))
		return DB_OK;
	*out = arena_alloc(a, sizeof(**out));
	course_row(a, res, *out);
	return DB_OK;
}

enum db_rc
db_learner_lessons(struct db *db, struct arena *a, int64_t cid,
    struct learner_lesson **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	if ((rc = db_query(db, a, LEARNER_LESSONS, &res, "i",
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
db_learner_track(struct db *db, int64_t sid, int64_t cid, int64_t uid)
{
	return db_exec(db, LEARNER_TRACK, NULL, "iii", (long long)sid,
	    (long long)cid, (long long)uid);
}

enum db_rc
db_learner_course_learners(struct db *db, struct arena *a, int64_t sid,
    int64_t cid, const char *after_name, int64_t after_id, int limit,
    struct learner_tracking **list, size_t *n)
{
	struct learner_tracking	*t;
	struct dbres		*res;
	enum db_rc		 rc;
	size_t			 i;

	if (after_id > 0)
		rc = db_query(db, a, LEARNER_COURSE_LEARNERS_AFTER, &res,
		    "iissii", (long long)sid, (long long)cid,
		    after_name ? after_name : "", after_name ? after_name : "",
		    (long long)after_id, (long long)limit);
	else
		rc = db_query(db, a, LEARNER_COURSE_LEARNERS_FIRST, &res, "iii",
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
