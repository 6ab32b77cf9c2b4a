/*
 * db-feedback.c: the statements of teacher feedback after a live
 * lesson (feedback.h) and their functions.  A feedback and the row of
 * its history that tells the change are written in one transaction,
 * with the feedback's row locked while its state is checked.
 */
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "schedule/feedback.h"
#include "lib/util.h"

enum {
	FB_OF_LESSON = DB_BASE(SCHEDULE_FEEDBACK_SLOT),
	FB_GET,
	FB_LOCK,
	FB_INSERT,
	FB_UPDATE,
	FB_SET_STATE,
	FB_LOG_ADD,
	FB_LOG,
	FB_LIST,
	FB_LEARNERS,
	FB_RECENT,
	FB__END
};

/* A feedback with its learner and lesson (read by feedback_rows). */
#define FB_COLS \
	"f.id, f.session_id, f.learner_id, u.name, f.speaking, " \
	"f.listening, f.reading, f.writing, f.grammar, f.vocabulary, " \
	"f.engagement, f.comment, f.state, f.verified_at, f.updated_at, " \
	"COALESCE(NULLIF(s.title, ''), CONCAT(c.title, ': ', l.title), " \
	"c.title), s.starts_at, s.teacher_id, t.name"
#define FB_FROM \
	"FROM live_feedback f JOIN users u ON u.id = f.learner_id " \
	"JOIN live_sessions s ON s.id = f.session_id " \
	"JOIN courses c ON c.id = s.course_id " \
	"LEFT JOIN course_lessons l ON l.id = s.lesson_id " \
	"JOIN users t ON t.id = s.teacher_id "
#define FB_SCORES \
	"NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0), " \
	"NULLIF(?, 0), NULLIF(?, 0), NULLIF(?, 0)"

_Static_assert(FEEDBACK_PAGE + 1 == 26, "FB_LIST fetches a page and one");
_Static_assert(FEEDBACK_SCORES == 7, "seven score columns");

#define S(id)	((id) - FB_OF_LESSON)

static const char *const sqltab[] = {
	[S(FB_OF_LESSON)] =
	    "SELECT " FB_COLS " " FB_FROM "WHERE f.session_id = ? "
	    "ORDER BY u.name, f.learner_id",
	[S(FB_GET)] =
	    "SELECT " FB_COLS " " FB_FROM "WHERE f.session_id = ? AND "
	    "f.learner_id = ?",
	[S(FB_LOCK)] =
	    "SELECT id FROM live_feedback WHERE session_id = ? AND "
	    "learner_id = ? FOR UPDATE",
	[S(FB_INSERT)] =
	    "INSERT INTO live_feedback (session_id, learner_id, speaking, "
	    "listening, reading, writing, grammar, vocabulary, engagement, "
	    "comment, state, created_at, updated_at) VALUES (?, ?, "
	    FB_SCORES ", ?, 'waiting', UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[S(FB_UPDATE)] =
	    "UPDATE live_feedback SET speaking = NULLIF(?, 0), listening = "
	    "NULLIF(?, 0), reading = NULLIF(?, 0), writing = NULLIF(?, 0), "
	    "grammar = NULLIF(?, 0), vocabulary = NULLIF(?, 0), engagement = "
	    "NULLIF(?, 0), comment = ?, updated_at = UTC_TIMESTAMP() WHERE "
	    "id = ? AND state = 'waiting'",
	[S(FB_SET_STATE)] =
	    "UPDATE live_feedback SET state = ?, verified_by = IF(? = "
	    "'verified', NULLIF(?, 0), NULL), verified_at = IF(? = "
	    "'verified', UTC_TIMESTAMP(), NULL), updated_at = "
	    "UTC_TIMESTAMP() WHERE id = ? AND state = ?",
	[S(FB_LOG_ADD)] =
	    "INSERT INTO live_feedback_log (feedback_id, user_id, action, "
	    "before_text, after_text, changed_at) VALUES (?, NULLIF(?, 0), ?, "
	    "?, ?, UTC_TIMESTAMP())",
	[S(FB_LOG)] =
	    "SELECT g.action, u.name, g.before_text, g.after_text, "
	    "g.changed_at FROM live_feedback_log g LEFT JOIN users u ON "
	    "u.id = g.user_id WHERE g.feedback_id = ? ORDER BY g.id",
	/*
	 * The Homework list, latest lessons first; each filter is off
	 * when its value is 0 or ''.  The position is the last row's
	 * lesson start and feedback id.
	 */
	[S(FB_LIST)] =
	    "SELECT " FB_COLS " " FB_FROM "WHERE (? = 0 OR s.teacher_id = ?) "
	    "AND (? = '' OR f.state = ?) AND (? = 0 OR f.learner_id = ?) "
	    "AND (? = '' OR s.starts_at >= ?) AND (? = '' OR s.starts_at < ?) "
	    "AND (? = 0 OR s.starts_at < ? OR (s.starts_at = ? AND "
	    "f.id < ?)) ORDER BY s.starts_at DESC, f.id DESC LIMIT 26",
	[S(FB_LEARNERS)] =
	    "SELECT DISTINCT u.id, u.name FROM live_feedback f JOIN "
	    "live_sessions s ON s.id = f.session_id JOIN users u ON "
	    "u.id = f.learner_id WHERE (? = 0 OR s.teacher_id = ?) "
	    "ORDER BY u.name, u.id LIMIT 500",
	[S(FB_RECENT)] =
	    "SELECT " FB_COLS " " FB_FROM "WHERE f.learner_id = ? AND "
	    "f.state = 'verified' AND f.verified_at >= ? ORDER BY "
	    "f.verified_at DESC, f.id DESC LIMIT ?",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == FB__END - FB_OF_LESSON,
    "one SQL text per feedback statement");

const struct sqltable sql_schedule_feedback = {
	sizeof(sqltab) / sizeof(sqltab[0]), sqltab
};

/* The seed's skills, in its order; the columns of FB_COLS follow it. */
const struct feedback_skill feedback_skills[FEEDBACK_SCORES] = {
	{ "speaking", "Speaking" },
	{ "listening", "Listening" },
	{ "reading", "Reading" },
	{ "writing", "Writing" },
	{ "grammar", "Grammar" },
	{ "vocabulary", "Vocabulary" },
	{ "engagement", "Engagement" },
};

const char *
feedback_state_label(enum feedback_state s)
{
	return s == FEEDBACK_VERIFIED ? "Verified" :
	    "Waiting for verification";
}

/*
 * The words of a feedback as its history keeps them: "Waiting for
 * verification. Speaking 4, Grammar 3. Comment: ...".  An arena string.
 */
char *
feedback_text(struct arena *a, const struct live_feedback *f)
{
	struct buf	 b;
	size_t		 k;
	int		 any = 0;
	char		*s;

	buf_init(&b);
	buf_puts(&b, feedback_state_label(f->state));
	buf_puts(&b, ".");
	for (k = 0; k < FEEDBACK_SCORES; k++) {
		if (f->scores[k] == 0)
			continue;
		buf_printf(&b, "%s%s %d", any ? ", " : " ",
		    feedback_skills[k].label, f->scores[k]);
		any = 1;
	}
	buf_puts(&b, any ? "." : " No scores.");
	if (f->comment != NULL && f->comment[0] != '\0') {
		buf_puts(&b, " Comment: ");
		buf_puts(&b, f->comment);
	}
	s = arena_strdup(a, b.data != NULL ? b.data : "");
	buf_free(&b);
	return s;
}

/* The feedback of a result (FB_COLS); allocates the array. */
static void
feedback_rows(struct arena *a, struct dbres *res, struct live_feedback **list,
    size_t *n)
{
	struct live_feedback	*f;
	size_t			 k;

	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	*n = 0;
	while (db_next(res)) {
		f = &(*list)[(*n)++];
		memset(f, 0, sizeof(*f));
		f->id = db_int(res, 0);
		f->session_id = db_int(res, 1);
		f->learner_id = db_int(res, 2);
		f->learner_name = db_dup(a, res, 3);
		for (k = 0; k < FEEDBACK_SCORES; k++)
			f->scores[k] = (int)db_int(res, 4 + k);
		f->comment = db_dup(a, res, 11);
		f->state = strcmp(db_text(res, 12), "verified") == 0 ?
		    FEEDBACK_VERIFIED : FEEDBACK_WAITING;
		f->verified_at = db_dup(a, res, 13);
		f->updated_at = db_dup(a, res, 14);
		f->lesson_name = db_dup(a, res, 15);
		f->starts_at = db_dup(a, res, 16);
		f->teacher_id = db_int(res, 17);
		f->teacher_name = db_dup(a, res, 18);
	}
}

enum db_rc
db_feedback_of_lesson(struct db *db, struct arena *a, int64_t session_id,
    struct live_feedback **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, FB_OF_LESSON, &res, "i",
	    (long long)session_id)) != DB_OK)
		return rc;
	feedback_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_feedback_get(struct db *db, struct arena *a, int64_t session_id,
    int64_t learner_id, struct live_feedback **out)
{
	struct dbres	*res;
	size_t		 n;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, FB_GET, &res, "ii", (long long)session_id,
	    (long long)learner_id)) != DB_OK)
		return rc;
	feedback_rows(a, res, out, &n);
	if (n == 0)
		*out = NULL;
	return DB_OK;
}

enum db_rc
db_feedback_log(struct db *db, struct arena *a, int64_t feedback_id,
    struct feedback_log **list, size_t *n)
{
	struct dbres	*res;
	struct feedback_log *g;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, FB_LOG, &res, "i",
	    (long long)feedback_id)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		g = &(*list)[(*n)++];
		g->action = db_dup(a, res, 0);
		g->user_name = db_dup(a, res, 1);
		g->before = db_dup(a, res, 2);
		g->after = db_dup(a, res, 3);
		g->changed_at = db_dup(a, res, 4);
	}
	return DB_OK;
}

/*
 * Lock the feedback of learner_id at session_id (when there is one) and
 * read it into *out (NULL when none).  Inside a transaction.
 */
static enum db_rc
lock_feedback(struct db *db, struct arena *a, int64_t session_id,
    int64_t learner_id, struct live_feedback **out)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, FB_LOCK, &res, "ii", (long long)session_id,
	    (long long)learner_id)) != DB_OK)
		return rc;
	if (res->nrows == 0)
		return DB_OK;
	return db_feedback_get(db, a, session_id, learner_id, out);
}

/* The history row of a change. */
static enum db_rc
log_change(struct db *db, int64_t feedback_id, int64_t user_id,
    const char *action, const char *before, const char *after)
{
	return db_exec(db, FB_LOG_ADD, NULL, "iisss", (long long)feedback_id,
	    (long long)user_id, action, before, after);
}

/* The steps of db_feedback_save inside its transaction. */
static enum db_rc
save_steps(struct db *db, struct arena *a, int64_t session_id,
    int64_t learner_id, const struct live_feedback *in, int64_t user_id,
    enum feedback_change *out)
{
	struct live_feedback	*old, now;
	const int		*v = in->scores;
	char			*before = NULL, *after;
	int64_t			 id;
	long long		 changed = 0;
	enum db_rc		 rc;

	if ((rc = lock_feedback(db, a, session_id, learner_id, &old)) != DB_OK)
		return rc;
	if (old != NULL && old->state == FEEDBACK_VERIFIED) {
		*out = FEEDBACK_IS_VERIFIED;
		return DB_OK;
	}
	memset(&now, 0, sizeof(now));
	memcpy(now.scores, in->scores, sizeof(now.scores));
	now.comment = in->comment;
	now.state = FEEDBACK_WAITING;
	after = feedback_text(a, &now);
	if (old != NULL) {
		before = feedback_text(a, old);
		if (strcmp(before, after) == 0) {
			*out = FEEDBACK_UNCHANGED;
			return DB_OK;
		}
		if ((rc = db_exec(db, FB_UPDATE, &changed, "iiiiiiisi",
		    (long long)v[0], (long long)v[1], (long long)v[2],
		    (long long)v[3], (long long)v[4], (long long)v[5],
		    (long long)v[6], in->comment, (long long)old->id)) != DB_OK)
			return rc;
		id = old->id;
	} else {
		if ((rc = db_exec(db, FB_INSERT, &changed, "iiiiiiiiis",
		    (long long)session_id, (long long)learner_id,
		    (long long)v[0], (long long)v[1], (long long)v[2],
		    (long long)v[3], (long long)v[4], (long long)v[5],
		    (long long)v[6], in->comment)) != DB_OK)
			return rc;
		id = db_last_id(db);
	}
	if (changed == 0)
		return DB_ERROR;
	if ((rc = log_change(db, id, user_id, old != NULL ? "edited" :
	    "given", before, after)) != DB_OK)
		return rc;
	*out = FEEDBACK_DONE;
	return DB_OK;
}

enum db_rc
db_feedback_save(struct db *db, struct arena *a, int64_t session_id,
    int64_t learner_id, const struct live_feedback *in, int64_t user_id,
    enum feedback_change *out)
{
	enum db_rc	 rc;

	*out = FEEDBACK_UNCHANGED;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	rc = save_steps(db, a, session_id, learner_id, in, user_id, out);
	if (rc != DB_OK || *out != FEEDBACK_DONE) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

/* The steps of db_feedback_verify inside its transaction. */
static enum db_rc
verify_steps(struct db *db, struct arena *a, int64_t session_id,
    int64_t learner_id, int verify, int64_t user_id,
    enum feedback_change *out)
{
	struct live_feedback	*old, now;
	const char		*from, *to;
	long long		 changed = 0;
	enum db_rc		 rc;

	if ((rc = lock_feedback(db, a, session_id, learner_id, &old)) != DB_OK)
		return rc;
	if (old == NULL) {
		*out = FEEDBACK_MISSING;
		return DB_OK;
	}
	if (verify && old->state == FEEDBACK_VERIFIED) {
		*out = FEEDBACK_IS_VERIFIED;
		return DB_OK;
	}
	if (!verify && old->state != FEEDBACK_VERIFIED) {
		*out = FEEDBACK_NOT_VERIFIED;
		return DB_OK;
	}
	from = verify ? "waiting" : "verified";
	to = verify ? "verified" : "waiting";
	if ((rc = db_exec(db, FB_SET_STATE, &changed, "ssisis", to, to,
	    (long long)user_id, to, (long long)old->id, from)) != DB_OK)
		return rc;
	if (changed == 0)
		return DB_ERROR;
	now = *old;
	now.state = verify ? FEEDBACK_VERIFIED : FEEDBACK_WAITING;
	if ((rc = log_change(db, old->id, user_id, verify ? "verified" :
	    "revoked", feedback_text(a, old), feedback_text(a, &now))) !=
	    DB_OK)
		return rc;
	*out = FEEDBACK_DONE;
	return DB_OK;
}

enum db_rc
db_feedback_verify(struct db *db, struct arena *a, int64_t session_id,
    int64_t learner_id, int verify, int64_t user_id,
    enum feedback_change *out)
{
	enum db_rc	 rc;

	*out = FEEDBACK_MISSING;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	rc = verify_steps(db, a, session_id, learner_id, verify, user_id, out);
	if (rc != DB_OK || *out != FEEDBACK_DONE) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

enum db_rc
db_feedback_list(struct db *db, struct arena *a,
    const struct feedback_filter *f, struct live_feedback **list, size_t *n)
{
	struct dbres	*res;
	const char	*state, *from, *to, *after;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	state = f->state == FEEDBACK_WAITING ? "waiting" :
	    f->state == FEEDBACK_VERIFIED ? "verified" : "";
	from = f->from != NULL ? f->from : "";
	to = f->to != NULL ? f->to : "";
	after = f->after_id > 0 && f->after != NULL ? f->after : "";
	if ((rc = db_query(db, a, FB_LIST, &res, "iissiissssissi",
	    (long long)f->teacher_id, (long long)f->teacher_id, state, state,
	    (long long)f->learner_id, (long long)f->learner_id, from, from,
	    to, to, (long long)(after[0] != '\0' ? f->after_id : 0), after,
	    after, (long long)f->after_id)) != DB_OK)
		return rc;
	feedback_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_feedback_learners(struct db *db, struct arena *a, int64_t teacher_id,
    struct feedback_person **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, FB_LEARNERS, &res, "ii",
	    (long long)teacher_id, (long long)teacher_id)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		(*list)[*n].id = db_int(res, 0);
		(*list)[*n].name = db_dup(a, res, 1);
		(*n)++;
	}
	return DB_OK;
}

enum db_rc
db_feedback_recent(struct db *db, struct arena *a, int64_t learner_id,
    const char *since, int limit, struct live_feedback **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, FB_RECENT, &res, "isi",
	    (long long)learner_id, since, (long long)limit)) != DB_OK)
		return rc;
	feedback_rows(a, res, list, n);
	return DB_OK;
}
