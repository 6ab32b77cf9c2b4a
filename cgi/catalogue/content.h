/*
 * content.h: lesson content.  A lesson document holds text (headings
 * and paragraphs written as plain lines) and exercises of four kinds;
 * learners answer them in an attempt that is a draft, then Passed once
 * completed, then Verified by the teacher.  A document belongs to a
 * course lesson or is an instant lesson of a live lesson.  The records,
 * the rules (parsing, validation, scoring), the pieces of page the
 * editor and answer pages share (content.c), the database functions
 * (db-content.c) and the course lesson editor (page-content.c).
 *
 * Who may edit or answer is decided by the domain that owns the page:
 * these functions check the input, never the user.
 */
#ifndef LECTERN_CATALOGUE_CONTENT_H
#define LECTERN_CATALOGUE_CONTENT_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"

/* Slot of the statement table in catalogue/db-content.c (see app.c). */
#define CONTENT_SLOT	18
extern const struct sqltable	sql_content;

struct arena;
struct req;
struct tpl_dict;

#define DOC_TITLE_MAX		200
#define DOC_BODY_MAX		20000
#define EX_PROMPT_MAX		2000
#define EX_SPEC_MAX		2000
#define DOC_EXERCISES_MAX	40	/* exercises of one document */
#define EX_OPTIONS_MAX		12	/* options of a choice */
#define EX_GAPS_MAX		20	/* gaps of a gap fill */
#define ANSWER_MAX		5000	/* characters of one answer field */
#define ESSAY_POINTS		5	/* an essay is marked 0..5 */
#define INSTANTS_MAX		20	/* instant lessons of a live lesson */

enum ex_kind {
	EX_CHOICE = 0,
	EX_GAP,
	EX_SHORT,
	EX_ESSAY,
	EX__MAX
};

/* Option values for a PT_ENUM declaration, in enum order. */
extern const char *const ex_kind_opts[];
/* "Multiple choice", "Gap fill", "Short answer", "Essay". */
const char	*ex_kind_label(enum ex_kind);

struct lesson_doc {
	int64_t		 id;
	int64_t		 lesson_id;	/* 0: an instant lesson */
	int64_t		 live_id;	/* its live lesson, or 0 */
	char		*title;		/* instant lessons' title */
	char		*body;
};

struct exercise {
	int64_t		 id;
	long long	 position;
	enum ex_kind	 kind;
	char		*prompt;
	char		*spec;		/* options or accepted answers */
};

enum attempt_state {
	ATT_NONE = 0,		/* not started */
	ATT_DRAFT,
	ATT_PASSED,
	ATT_VERIFIED
};

/* "Not started", "Draft", "Passed", "Verified". */
const char	*attempt_state_label(enum attempt_state);

struct attempt {
	int64_t		 id;
	int64_t		 doc_id;
	int64_t		 learner_id;
	enum attempt_state state;
	long long	 score, max_score;
	char		*completed_at;	/* NULL: not completed */
	char		*verified_at;	/* NULL: not verified */
	char		*verifier;	/* name, NULL: not verified */
};

/* One answer: the text as stored (choice: "0,2"; gap: one line a gap). */
struct answer {
	int64_t		 exercise_id;
	char		*text;
	long long	 points;	/* -1: essay not marked yet */
	long long	 max_points;
};

struct attempt_log {
	char		*action;	/* completed, marked, verified, revoked */
	char		*who;		/* NULL: unknown */
	char		*when;		/* UTC */
};

/* A course lesson with a learner's state in it (the enrollment page). */
struct lesson_progress {
	int64_t		 lesson_id;
	char		*title;
	char		*type;		/* class, homework, independent */
	int		 exercises;	/* 0: no content yet */
	enum attempt_state state;
	long long	 score, max_score;
};

/* content.c: rules */
/*
 * Check an exercise's posted prompt and spec for its kind: NULL when
 * valid, else the message to show.  Pure.
 */
const char	*exercise_check(enum ex_kind, const char *prompt,
		    const char *spec);
/* Gaps of a gap fill prompt (0 when none or malformed).  Pure. */
int		 gap_count(const char *prompt);
/*
 * Score ans (whose text is set) against ex: sets points and
 * max_points; an essay gets points -1 (marked later).  Pure.
 */
void		 answer_score(const struct exercise *, struct answer *);

/* content.c: pieces of pages (templates catalogue-content-*.tpl) */
/* The document's text in the {{>TEXT}} include of d. */
void		 content_text(struct tpl_dict *d, const char *body);
/*
 * The editor in the {{>EDITOR}} include of d: the text form, each
 * exercise with its form and Move up/down and Remove, and the form
 * adding one; forms post to base + "/text", base + "/exercises", ...
 */
void		 content_editor(struct req *, struct tpl_dict *d,
		    const struct lesson_doc *, const struct exercise *,
		    size_t n, const char *base);
/*
 * The answer form (or, done, the results) in the {{>EXERCISES}}
 * include of d.  ans: the stored answers (n_ans of them), matched by
 * exercise id.  review: show the essay marking inputs.
 */
void		 content_exercises(struct req *, struct tpl_dict *d,
		    const struct exercise *, size_t n,
		    const struct answer *ans, size_t n_ans, int done,
		    int review);
/*
 * Read the posted answers ("pick", "field", "text") for the exercises
 * into *out (one per exercise, scored).  NULL, or the message when the
 * form does not match the lesson.
 */
const char	*content_collect(struct req *, const struct exercise *,
		    size_t n, struct answer **out);
/*
 * Read the posted essay marks ("essay", "mark") into the answers:
 * NULL, or the message when a mark is missing or out of range.
 */
const char	*content_marks(struct req *, const struct exercise *,
		    size_t n, struct answer *ans, size_t n_ans);
/* Fill the attempt's state, score and log rows in d. */
void		 content_attempt(struct req *, struct tpl_dict *d,
		    const struct attempt *, const struct attempt_log *,
		    size_t nlog);

/*
 * content.c: the editor's POST flows, shared by course lessons and
 * instant lessons.  Each checks and applies the posted form: NULL when
 * done (the flash is set), else the message to show (nothing changed).
 * *failed is set when the database failed (the message is then NULL).
 */
const char	*content_save_text(struct req *, const struct lesson_doc *,
		    int *failed);
const char	*content_add(struct req *, const struct lesson_doc *,
		    int *failed);
const char	*content_save_exercise(struct req *,
		    const struct lesson_doc *, int64_t ex, int *failed);
const char	*content_move(struct req *, const struct lesson_doc *,
		    int64_t ex, int *failed);
const char	*content_remove(struct req *, const struct lesson_doc *,
		    int64_t ex, int *failed);

/* db-content.c: documents */
/* The course lesson's document, NULL when it has none yet. */
enum db_rc	db_doc_of_lesson(struct db *, struct arena *, int64_t lesson,
		    struct lesson_doc **);
/* The course lesson's document, made empty when it has none yet. */
enum db_rc	db_doc_for_lesson(struct db *, struct arena *, int64_t lesson,
		    struct lesson_doc **);
enum db_rc	db_lesson_doc_get(struct db *, struct arena *, int64_t,
		    struct lesson_doc **);
enum db_rc	db_doc_save_text(struct db *, int64_t doc, const char *title,
		    const char *body);
/* Instant lessons of a live lesson, oldest first (INSTANTS_MAX). */
enum db_rc	db_doc_instants(struct db *, struct arena *, int64_t live,
		    struct lesson_doc **, size_t *n);
/* *id = 0 when the live lesson has INSTANTS_MAX already. */
enum db_rc	db_doc_instant_create(struct db *, struct arena *,
		    int64_t live, const char *title, const char *body,
		    int64_t user, int64_t *id);

/* db-content.c: exercises, in position order (DOC_EXERCISES_MAX) */
enum db_rc	db_exercises(struct db *, struct arena *, int64_t doc,
		    struct exercise **, size_t *n);
/* *added = 0 when the document has DOC_EXERCISES_MAX already. */
enum db_rc	db_exercise_add(struct db *, struct arena *, int64_t doc,
		    enum ex_kind, const char *prompt, const char *spec,
		    int *added);
/* *changed = 0 when the document has no such exercise. */
enum db_rc	db_exercise_update(struct db *, int64_t doc, int64_t ex,
		    const char *prompt, const char *spec, int *changed);
enum db_rc	db_exercise_remove(struct db *, int64_t doc, int64_t ex,
		    int *changed);
enum db_rc	db_exercise_move(struct db *, struct arena *, int64_t doc,
		    int64_t ex, int up, int *moved);

/* db-content.c: attempts.  scope: the enrollment, or 0. */
/* The attempt, NULL when the learner has not started. */
enum db_rc	db_attempt_get(struct db *, struct arena *, int64_t doc,
		    int64_t learner, int64_t scope, struct attempt **);
/* The document's attempts in that scope (instant lessons: 0). */
enum db_rc	db_doc_attempts(struct db *, struct arena *, int64_t doc,
		    int64_t scope, struct attempt **, size_t *n);
enum db_rc	db_attempt_answers(struct db *, struct arena *,
		    int64_t attempt, struct answer **, size_t *n);
/*
 * Store the answers of the learner's attempt, making it when needed,
 * and with complete mark it Passed with its score, in one transaction.
 * *stored = 0 when the attempt is completed already.
 */
enum db_rc	db_attempt_save(struct db *, struct arena *, int64_t doc,
		    int64_t learner, int64_t scope, const struct answer *,
		    size_t n, int complete, int64_t user, int *stored);
/* Store essay marks and the new score of a completed attempt. */
enum db_rc	db_attempt_mark(struct db *, int64_t attempt,
		    const struct answer *, size_t n, int64_t user);
/*
 * Verify (passed -> verified) or revoke (verified -> passed), logged;
 * *changed = 0 when the attempt was not in the state to leave.
 */
enum db_rc	db_attempt_verify(struct db *, int64_t attempt, int verify,
		    int64_t user, int *changed);
/* The attempt's log, newest first (at most 50 rows). */
enum db_rc	db_attempt_log(struct db *, struct arena *, int64_t attempt,
		    struct attempt_log **, size_t *n);
/* The course's active lessons with the scope's attempt states. */
enum db_rc	db_course_progress(struct db *, struct arena *,
		    int64_t course, int64_t scope, struct lesson_progress **,
		    size_t *n);

/* page-content.c: the course lesson's content editor (administrators) */
int	page_content_edit(struct req *);
int	page_content_text(struct req *);
int	page_content_add(struct req *);
int	page_content_save(struct req *);
int	page_content_move(struct req *);
int	page_content_remove(struct req *);

#endif
