/*
 * db-content.c: the SQL of lesson content and its functions: lesson
 * documents, their exercises, learners' attempts with their answers and
 * log.  Every list is bounded: a document has at most DOC_EXERCISES_MAX
 * exercises, a live lesson INSTANTS_MAX instant lessons, a log is read
 * 50 rows at a time, and a course's lessons are few.
 */
#include <string.h>

#include "catalogue/content.h"
#include "core/db.h"
#include "lib/util.h"

enum {
	CT_DOC_OF_LESSON = DB_BASE(CONTENT_SLOT),
	CT_DOC_GET,
	CT_DOC_INSERT_LESSON,
	CT_DOC_SAVE,
	CT_DOC_INSTANTS,
	CT_DOC_INSTANT_COUNT,
	CT_DOC_INSERT_INSTANT,
	CT_LIVE_LOCK,
	CT_DOC_LOCK,
	CT_EX_LIST,
	CT_EX_COUNT,
	CT_EX_INSERT,
	CT_EX_UPDATE,
	CT_EX_DELETE,
	CT_EX_GET,
	CT_EX_ABOVE,
	CT_EX_BELOW,
	CT_EX_SET_POSITION,
	CT_ATT_GET,
	CT_ATT_INSERT,
	CT_ATT_LOCK,
	CT_ATT_ANSWERS,
	CT_ANS_DELETE,
	CT_ANS_INSERT,
	CT_ANS_MARK,
	CT_ATT_COMPLETE,
	CT_ATT_RESCORE,
	CT_ATT_VERIFY,
	CT_ATT_REVOKE,
	CT_LOG_INSERT,
	CT_LOG_LIST,
	CT_PROGRESS,
	CT_DOC_ATTEMPTS,
	CT__END
};

#define CT_N	(CT__END - DB_BASE(CONTENT_SLOT))
#define IDX(st)	[(st) - DB_BASE(CONTENT_SLOT)]

#define DOC_COLS	"id, COALESCE(lesson_id, 0), " \
			"COALESCE(live_session_id, 0), title, body"
#define EX_COLS		"id, position, kind, prompt, spec"
#define ATT_COLS	"a.id, a.doc_id, a.learner_id, a.state, a.score, " \
			"a.max_score, a.completed_at, a.verified_at, u.name"

static const char *const sqltab[CT_N] = {
	IDX(CT_DOC_OF_LESSON) =
	    "SELECT " DOC_COLS " FROM lesson_docs WHERE lesson_id = ?",
	IDX(CT_DOC_GET) =
	    "SELECT " DOC_COLS " FROM lesson_docs WHERE id = ?",
	IDX(CT_DOC_INSERT_LESSON) =
	    "INSERT IGNORE INTO lesson_docs (lesson_id, body, created_at, "
	    "updated_at) VALUES (?, '', UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	IDX(CT_DOC_SAVE) =
	    "UPDATE lesson_docs SET title = ?, body = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",
	IDX(CT_DOC_INSTANTS) =
	    "SELECT " DOC_COLS " FROM lesson_docs WHERE live_session_id = ? "
	    "ORDER BY id LIMIT 20",
	IDX(CT_DOC_INSTANT_COUNT) =
	    "SELECT COUNT(*) FROM lesson_docs WHERE live_session_id = ?",
	IDX(CT_DOC_INSERT_INSTANT) =
	    "INSERT INTO lesson_docs (live_session_id, title, body, "
	    "created_by, created_at, updated_at) VALUES (?, ?, ?, ?, "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	/* Serialise the instant lessons of one live lesson. */
	IDX(CT_LIVE_LOCK) =
	    "SELECT id FROM live_sessions WHERE id = ? FOR UPDATE",
	/* Serialise changes to the order of one document's exercises. */
	IDX(CT_DOC_LOCK) =
	    "SELECT id FROM lesson_docs WHERE id = ? FOR UPDATE",

	IDX(CT_EX_LIST) =
	    "SELECT " EX_COLS " FROM lesson_exercises WHERE doc_id = ? "
	    "ORDER BY position, id LIMIT 40",
	IDX(CT_EX_COUNT) =
	    "SELECT COUNT(*) FROM lesson_exercises WHERE doc_id = ?",
	IDX(CT_EX_INSERT) =
	    "INSERT INTO lesson_exercises (doc_id, position, kind, prompt, "
	    "spec, created_at, updated_at) SELECT ?, "
	    "COALESCE(MAX(position), 0) + 1, ?, ?, ?, UTC_TIMESTAMP(), "
	    "UTC_TIMESTAMP() FROM lesson_exercises WHERE doc_id = ?",
	IDX(CT_EX_UPDATE) =
	    "UPDATE lesson_exercises SET prompt = ?, spec = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ? AND doc_id = ?",
	IDX(CT_EX_DELETE) =
	    "DELETE FROM lesson_exercises WHERE id = ? AND doc_id = ?",
	IDX(CT_EX_GET) =
	    "SELECT id, position FROM lesson_exercises "
	    "WHERE id = ? AND doc_id = ?",
	IDX(CT_EX_ABOVE) =
	    "SELECT id, position FROM lesson_exercises WHERE doc_id = ? "
	    "AND (position < ? OR (position = ? AND id < ?)) "
	    "ORDER BY position DESC, id DESC LIMIT 1",
	IDX(CT_EX_BELOW) =
	    "SELECT id, position FROM lesson_exercises WHERE doc_id = ? "
	    "AND (position > ? OR (position = ? AND id > ?)) "
	    "ORDER BY position, id LIMIT 1",
	IDX(CT_EX_SET_POSITION) =
	    "UPDATE lesson_exercises SET position = ? "
	    "WHERE id = ? AND doc_id = ?",

	IDX(CT_ATT_GET) =
	    "SELECT " ATT_COLS " FROM lesson_attempts a LEFT JOIN users u "
	    "ON u.id = a.verified_by WHERE a.doc_id = ? AND "
	    "a.learner_id = ? AND a.scope = ?",
	IDX(CT_ATT_INSERT) =
	    "INSERT IGNORE INTO lesson_attempts (doc_id, learner_id, "
	    "enrollment_id, created_at, updated_at) VALUES (?, ?, "
	    "NULLIF(?, 0), UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	IDX(CT_ATT_LOCK) =
	    "SELECT id, state FROM lesson_attempts WHERE doc_id = ? AND "
	    "learner_id = ? AND scope = ? FOR UPDATE",
	IDX(CT_ATT_ANSWERS) =
	    "SELECT exercise_id, answer, COALESCE(points, -1), max_points "
	    "FROM lesson_answers WHERE attempt_id = ? LIMIT 40",
	IDX(CT_ANS_DELETE) =
	    "DELETE FROM lesson_answers WHERE attempt_id = ?",
	IDX(CT_ANS_INSERT) =
	    "INSERT INTO lesson_answers (attempt_id, exercise_id, answer, "
	    "points, max_points) VALUES (?, ?, ?, IF(? < 0, NULL, ?), ?)",
	IDX(CT_ANS_MARK) =
	    "UPDATE lesson_answers SET points = ? WHERE attempt_id = ? AND "
	    "exercise_id = ?",
	IDX(CT_ATT_COMPLETE) =
	    "UPDATE lesson_attempts SET state = 'passed', score = ?, "
	    "max_score = ?, completed_at = UTC_TIMESTAMP(), "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",
	IDX(CT_ATT_RESCORE) =
	    "UPDATE lesson_attempts SET score = (SELECT "
	    "COALESCE(SUM(points), 0) FROM lesson_answers WHERE "
	    "attempt_id = ?), updated_at = UTC_TIMESTAMP() WHERE id = ?",
	IDX(CT_ATT_VERIFY) =
	    "UPDATE lesson_attempts SET state = 'verified', verified_by = ?, "
	    "verified_at = UTC_TIMESTAMP(), updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND state = 'passed'",
	IDX(CT_ATT_REVOKE) =
	    "UPDATE lesson_attempts SET state = 'passed', verified_by = NULL, "
	    "verified_at = NULL, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND state = 'verified'",
	IDX(CT_LOG_INSERT) =
	    "INSERT INTO lesson_attempt_log (attempt_id, user_id, action, "
	    "changed_at) VALUES (?, NULLIF(?, 0), ?, UTC_TIMESTAMP())",
	IDX(CT_LOG_LIST) =
	    "SELECT l.action, u.name, l.changed_at FROM lesson_attempt_log l "
	    "LEFT JOIN users u ON u.id = l.user_id WHERE l.attempt_id = ? "
	    "ORDER BY l.id DESC LIMIT 50",
	IDX(CT_PROGRESS) =
	    "SELECT l.id, l.title, l.type, (SELECT COUNT(*) FROM "
	    "lesson_exercises x WHERE x.doc_id = d.id), "
	    "COALESCE(a.state, ''), COALESCE(a.score, 0), "
	    "COALESCE(a.max_score, 0) FROM course_lessons l "
	    "LEFT JOIN lesson_docs d ON d.lesson_id = l.id "
	    "LEFT JOIN lesson_attempts a ON a.doc_id = d.id AND a.scope = ? "
	    "WHERE l.course_id = ? AND l.archived = 0 "
	    "ORDER BY l.position, l.id LIMIT 200",

	IDX(CT_DOC_ATTEMPTS) =
	    "SELECT " ATT_COLS " FROM lesson_attempts a LEFT JOIN users u "
	    "ON u.id = a.verified_by WHERE a.doc_id = ? AND a.scope = ? "
	    "ORDER BY a.id LIMIT 200",
};

const struct sqltable sql_content = { CT_N, sqltab };

const char *const ex_kind_opts[] = {
	"choice", "gap", "short", "essay", NULL
};

static const char *const ex_kind_labels[] = {
	"Multiple choice", "Gap fill", "Short answer", "Essay"
};

_Static_assert(sizeof(ex_kind_labels) / sizeof(ex_kind_labels[0]) ==
    EX__MAX, "one label per exercise kind");

const char *
ex_kind_label(enum ex_kind k)
{
	return k < EX__MAX ? ex_kind_labels[k] : "";
}

const char *
attempt_state_label(enum attempt_state s)
{
	switch (s) {
	case ATT_DRAFT:
		return "Draft";
	case ATT_PASSED:
		return "Passed";
	case ATT_VERIFIED:
		return "Verified";
	default:
		return "Not started";
	}
}

/* Copy one DOC_COLS row. */
static struct lesson_doc *
doc_row(struct arena *a, const struct dbres *res)
{
	struct lesson_doc	*d = arena_alloc(a, sizeof(*d));

	d->id = db_int(res, 0);
	d->lesson_id = db_int(res, 1);
	d->live_id = db_int(res, 2);
	d->title = db_dup(a, res, 3);
	d->body = db_dup(a, res, 4);
	return d;
}

/* One document by statement st and its id argument. */
static enum db_rc
doc_query(struct db *db, struct arena *a, int st, int64_t id,
    struct lesson_doc **out)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, st, &res, "i", (long long)id)) != DB_OK)
		return rc;
	if (db_next(res))
		*out = doc_row(a, res);
	return DB_OK;
}

enum db_rc
db_doc_of_lesson(struct db *db, struct arena *a, int64_t lesson,
    struct lesson_doc **out)
{
	return doc_query(db, a, CT_DOC_OF_LESSON, lesson, out);
}

enum db_rc
db_doc_for_lesson(struct db *db, struct arena *a, int64_t lesson,
    struct lesson_doc **out)
{
	enum db_rc	 rc;

	if ((rc = doc_query(db, a, CT_DOC_OF_LESSON, lesson, out)) != DB_OK ||
	    *out != NULL)
		return rc;
	if ((rc = db_exec(db, CT_DOC_INSERT_LESSON, NULL, "i",
	    (long long)lesson)) != DB_OK)
		return rc;
	return doc_query(db, a, CT_DOC_OF_LESSON, lesson, out);
}

enum db_rc
db_lesson_doc_get(struct db *db, struct arena *a, int64_t id,
    struct lesson_doc **out)
{
	return doc_query(db, a, CT_DOC_GET, id, out);
}

enum db_rc
db_doc_save_text(struct db *db, int64_t doc, const char *title,
    const char *body)
{
	return db_exec(db, CT_DOC_SAVE, NULL, "ssi", title, body,
	    (long long)doc);
}

enum db_rc
db_doc_instants(struct db *db, struct arena *a, int64_t live,
    struct lesson_doc **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CT_DOC_INSTANTS, &res, "i",
	    (long long)live)) != DB_OK)
		return rc;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++)
		(*list)[i] = *doc_row(a, res);
	*n = res->nrows;
	return DB_OK;
}

/* A count by statement st of one id argument into *n. */
static enum db_rc
count_query(struct db *db, struct arena *a, int st, int64_t id,
    long long *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*n = 0;
	if ((rc = db_query(db, a, st, &res, "i", (long long)id)) != DB_OK)
		return rc;
	if (db_next(res))
		*n = db_int(res, 0);
	return DB_OK;
}

/* Lock row id with statement st for the transaction; *found set. */
static enum db_rc
lock_row(struct db *db, struct arena *a, int st, int64_t id, int *found)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*found = 0;
	if ((rc = db_query(db, a, st, &res, "i", (long long)id)) != DB_OK)
		return rc;
	*found = res->nrows > 0;
	return DB_OK;
}

enum db_rc
db_doc_instant_create(struct db *db, struct arena *a, int64_t live,
    const char *title, const char *body, int64_t user, int64_t *id)
{
	long long	 n;
	enum db_rc	 rc;
	int		 found;

	*id = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = lock_row(db, a, CT_LIVE_LOCK, live, &found)) != DB_OK ||
	    !found ||
	    (rc = count_query(db, a, CT_DOC_INSTANT_COUNT, live, &n)) !=
	    DB_OK || n >= INSTANTS_MAX)
		goto fail;
	if ((rc = db_exec(db, CT_DOC_INSERT_INSTANT, NULL, "issi",
	    (long long)live, title, body, (long long)user)) != DB_OK)
		goto fail;
	*id = db_last_id(db);
	if ((rc = db_commit(db)) != DB_OK)
		*id = 0;
	return rc;
fail:
	db_rollback(db);
	return rc;
}

enum db_rc
db_exercises(struct db *db, struct arena *a, int64_t doc,
    struct exercise **list, size_t *n)
{
	struct dbres	*res;
	struct exercise	*e;
	enum db_rc	 rc;
	size_t		 i, k;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CT_EX_LIST, &res, "i", (long long)doc)) !=
	    DB_OK)
		return rc;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		e = &(*list)[i];
		e->id = db_int(res, 0);
		e->position = db_int(res, 1);
		e->kind = EX_CHOICE;
		for (k = 0; k < EX__MAX; k++)
			if (strcmp(db_text(res, 2), ex_kind_opts[k]) == 0)
				e->kind = (enum ex_kind)k;
		e->prompt = db_dup(a, res, 3);
		e->spec = db_dup(a, res, 4);
	}
	*n = res->nrows;
	return DB_OK;
}

enum db_rc
db_exercise_add(struct db *db, struct arena *a, int64_t doc, enum ex_kind k,
    const char *prompt, const char *spec, int *added)
{
	long long	 n;
	enum db_rc	 rc;
	int		 found;

	*added = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = lock_row(db, a, CT_DOC_LOCK, doc, &found)) != DB_OK ||
	    !found ||
	    (rc = count_query(db, a, CT_EX_COUNT, doc, &n)) != DB_OK ||
	    n >= DOC_EXERCISES_MAX)
		goto fail;
	if ((rc = db_exec(db, CT_EX_INSERT, NULL, "isssi", (long long)doc,
	    ex_kind_opts[k], prompt, spec, (long long)doc)) != DB_OK)
		goto fail;
	if ((rc = db_commit(db)) == DB_OK)
		*added = 1;
	return rc;
fail:
	db_rollback(db);
	return rc;
}

enum db_rc
db_exercise_update(struct db *db, int64_t doc, int64_t ex, const char *prompt,
    const char *spec, int *changed)
{
	enum db_rc	 rc;

	rc = db_exec(db, CT_EX_UPDATE, NULL, "ssii", prompt, spec,
	    (long long)ex, (long long)doc);
	/* An unchanged row counts 0: the caller checked it exists. */
	*changed = rc == DB_OK;
	return rc;
}

enum db_rc
db_exercise_remove(struct db *db, int64_t doc, int64_t ex, int *changed)
{
	long long	 n = 0;
	enum db_rc	 rc;

	rc = db_exec(db, CT_EX_DELETE, &n, "ii", (long long)ex,
	    (long long)doc);
	*changed = rc == DB_OK && n > 0;
	return rc;
}

enum db_rc
db_exercise_move(struct db *db, struct arena *a, int64_t doc, int64_t ex,
    int up, int *moved)
{
	struct dbres	*res;
	long long	 pos, other_id, other_pos;
	enum db_rc	 rc;
	int		 found;

	*moved = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = lock_row(db, a, CT_DOC_LOCK, doc, &found)) != DB_OK ||
	    !found)
		goto fail;
	if ((rc = db_query(db, a, CT_EX_GET, &res, "ii", (long long)ex,
	    (long long)doc)) != DB_OK || !db_next(res))
		goto fail;
	pos = db_int(res, 1);
	if ((rc = db_query(db, a, up ? CT_EX_ABOVE : CT_EX_BELOW, &res,
	    "iiii", (long long)doc, pos, pos, (long long)ex)) != DB_OK ||
	    !db_next(res))
		goto fail;
	other_id = db_int(res, 0);
	other_pos = db_int(res, 1);
	if ((rc = db_exec(db, CT_EX_SET_POSITION, NULL, "iii", other_pos,
	    (long long)ex, (long long)doc)) != DB_OK ||
	    (rc = db_exec(db, CT_EX_SET_POSITION, NULL, "iii", pos, other_id,
	    (long long)doc)) != DB_OK)
		goto fail;
	if ((rc = db_commit(db)) == DB_OK)
		*moved = 1;
	return rc;
fail:
	/* Also the way out when there is nothing to move (rc is DB_OK). */
	db_rollback(db);
	return rc;
}

/* "draft", "passed", "verified" as the enum (ATT_NONE for ""). */
static enum attempt_state
state_parse(const char *s)
{
	if (strcmp(s, "draft") == 0)
		return ATT_DRAFT;
	if (strcmp(s, "passed") == 0)
		return ATT_PASSED;
	if (strcmp(s, "verified") == 0)
		return ATT_VERIFIED;
	return ATT_NONE;
}

/* Copy one ATT_COLS row into t. */
static void
attempt_row(struct arena *a, const struct dbres *res, struct attempt *t)
{
	t->id = db_int(res, 0);
	t->doc_id = db_int(res, 1);
	t->learner_id = db_int(res, 2);
	t->state = state_parse(db_text(res, 3));
	t->score = db_int(res, 4);
	t->max_score = db_int(res, 5);
	t->completed_at = db_dup(a, res, 6);
	t->verified_at = db_dup(a, res, 7);
	t->verifier = db_dup(a, res, 8);
}

enum db_rc
db_attempt_get(struct db *db, struct arena *a, int64_t doc, int64_t learner,
    int64_t scope, struct attempt **out)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, CT_ATT_GET, &res, "iii", (long long)doc,
	    (long long)learner, (long long)scope)) != DB_OK)
		return rc;
	if (db_next(res)) {
		*out = arena_alloc(a, sizeof(**out));
		attempt_row(a, res, *out);
	}
	return DB_OK;
}

enum db_rc
db_doc_attempts(struct db *db, struct arena *a, int64_t doc, int64_t scope,
    struct attempt **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CT_DOC_ATTEMPTS, &res, "ii", (long long)doc,
	    (long long)scope)) != DB_OK)
		return rc;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++)
		attempt_row(a, res, &(*list)[i]);
	*n = res->nrows;
	return DB_OK;
}

enum db_rc
db_attempt_answers(struct db *db, struct arena *a, int64_t attempt,
    struct answer **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CT_ATT_ANSWERS, &res, "i",
	    (long long)attempt)) != DB_OK)
		return rc;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		(*list)[i].exercise_id = db_int(res, 0);
		(*list)[i].text = db_dup(a, res, 1);
		(*list)[i].points = db_int(res, 2);
		(*list)[i].max_points = db_int(res, 3);
	}
	*n = res->nrows;
	return DB_OK;
}

enum db_rc
db_attempt_save(struct db *db, struct arena *a, int64_t doc, int64_t learner,
    int64_t scope, const struct answer *ans, size_t n, int complete,
    int64_t user, int *stored)
{
	struct dbres	*res;
	long long	 id, score = 0, max = 0;
	enum db_rc	 rc;
	size_t		 i;

	*stored = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, CT_ATT_INSERT, NULL, "iii", (long long)doc,
	    (long long)learner, (long long)scope)) != DB_OK ||
	    (rc = db_query(db, a, CT_ATT_LOCK, &res, "iii", (long long)doc,
	    (long long)learner, (long long)scope)) != DB_OK ||
	    !db_next(res) || strcmp(db_text(res, 1), "draft") != 0)
		goto fail;
	id = db_int(res, 0);
	if ((rc = db_exec(db, CT_ANS_DELETE, NULL, "i", id)) != DB_OK)
		goto fail;
	for (i = 0; i < n; i++) {
		if ((rc = db_exec(db, CT_ANS_INSERT, NULL, "iisiii", id,
		    (long long)ans[i].exercise_id, ans[i].text,
		    ans[i].points, ans[i].points, ans[i].max_points)) !=
		    DB_OK)
			goto fail;
		if (ans[i].points > 0)
			score += ans[i].points;
		max += ans[i].max_points;
	}
	if (complete &&
	    ((rc = db_exec(db, CT_ATT_COMPLETE, NULL, "iii", score, max,
	    id)) != DB_OK ||
	    (rc = db_exec(db, CT_LOG_INSERT, NULL, "iis", id,
	    (long long)user, "completed")) != DB_OK))
		goto fail;
	if ((rc = db_commit(db)) == DB_OK)
		*stored = 1;
	return rc;
fail:
	db_rollback(db);
	return rc;
}

enum db_rc
db_attempt_mark(struct db *db, int64_t attempt, const struct answer *ans,
    size_t n, int64_t user)
{
	enum db_rc	 rc;
	size_t		 i;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++)
		if (ans[i].points >= 0 &&
		    (rc = db_exec(db, CT_ANS_MARK, NULL, "iii", ans[i].points,
		    (long long)attempt, (long long)ans[i].exercise_id)) !=
		    DB_OK)
			goto fail;
	if ((rc = db_exec(db, CT_ATT_RESCORE, NULL, "ii", (long long)attempt,
	    (long long)attempt)) != DB_OK ||
	    (rc = db_exec(db, CT_LOG_INSERT, NULL, "iis", (long long)attempt,
	    (long long)user, "marked")) != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return rc;
}

enum db_rc
db_attempt_verify(struct db *db, int64_t attempt, int verify, int64_t user,
    int *changed)
{
	long long	 n = 0;
	enum db_rc	 rc;

	*changed = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if (verify)
		rc = db_exec(db, CT_ATT_VERIFY, &n, "ii", (long long)user,
		    (long long)attempt);
	else
		rc = db_exec(db, CT_ATT_REVOKE, &n, "i", (long long)attempt);
	if (rc != DB_OK || n == 0)
		goto fail;
	if ((rc = db_exec(db, CT_LOG_INSERT, NULL, "iis", (long long)attempt,
	    (long long)user, verify ? "verified" : "revoked")) != DB_OK)
		goto fail;
	if ((rc = db_commit(db)) == DB_OK)
		*changed = 1;
	return rc;
fail:
	db_rollback(db);
	return rc;
}

enum db_rc
db_attempt_log(struct db *db, struct arena *a, int64_t attempt,
    struct attempt_log **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CT_LOG_LIST, &res, "i",
	    (long long)attempt)) != DB_OK)
		return rc;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		(*list)[i].action = db_dup(a, res, 0);
		(*list)[i].who = db_dup(a, res, 1);
		(*list)[i].when = db_dup(a, res, 2);
	}
	*n = res->nrows;
	return DB_OK;
}

enum db_rc
db_course_progress(struct db *db, struct arena *a, int64_t course,
    int64_t scope, struct lesson_progress **list, size_t *n)
{
	struct dbres		*res;
	struct lesson_progress	*p;
	enum db_rc		 rc;
	size_t			 i;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CT_PROGRESS, &res, "ii", (long long)scope,
	    (long long)course)) != DB_OK)
		return rc;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		p = &(*list)[i];
		p->lesson_id = db_int(res, 0);
		p->title = db_dup(a, res, 1);
		p->type = db_dup(a, res, 2);
		p->exercises = (int)db_int(res, 3);
		p->state = state_parse(db_text(res, 4));
		p->score = db_int(res, 5);
		p->max_score = db_int(res, 6);
	}
	*n = res->nrows;
	return DB_OK;
}
