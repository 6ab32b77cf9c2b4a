/*
 * feedback.h: teacher feedback after a live lesson, part of the
 * schedule domain.  Per learner of a completed lesson: scores from 1
 * to 5 for seven skills (each optional) and a comment of at most
 * FEEDBACK_COMMENT_MAX characters.  Feedback waits for verification on
 * the teacher's Homework page; verified feedback shows as the "Teacher
 * Feedback" banner on the lesson's page, to its teacher and that
 * learner, and cannot change until the verification is revoked.  Every
 * change is logged with who, when, before and after.
 *
 * The statements are in db-feedback.c, what pages share in feedback.c,
 * the handlers in page-feedback.c.  Functions return DB_OK or the
 * failure; results are allocated in the given arena.
 */
#ifndef LECTERN_SCHEDULE_FEEDBACK_H
#define LECTERN_SCHEDULE_FEEDBACK_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"

/* Slot of the statement table in schedule/db-feedback.c (see app.c). */
#define SCHEDULE_FEEDBACK_SLOT	13
extern const struct sqltable	sql_schedule_feedback;

struct arena;
struct req;
struct tpl_dict;
struct live_lesson;
struct live_participant;

#define FEEDBACK_SCORES		7	/* Speaking .. Engagement */
#define FEEDBACK_COMMENT_MAX	1024	/* characters, not bytes */
#define FEEDBACK_PAGE		25	/* rows of a Homework page */

/* The skills in the seed's order: field name and label. */
struct feedback_skill {
	const char	*field;		/* "speaking" */
	const char	*label;		/* "Speaking" */
};
extern const struct feedback_skill feedback_skills[FEEDBACK_SCORES];

enum feedback_state {
	FEEDBACK_WAITING,	/* "Waiting for verification" */
	FEEDBACK_VERIFIED	/* "Verified" */
};

/* One feedback, with its lesson and learner for lists. */
struct live_feedback {
	int64_t		 id;		/* 0: none given yet */
	int64_t		 session_id;
	int64_t		 learner_id;
	char		*learner_name;
	int		 scores[FEEDBACK_SCORES];	/* 0: not given */
	char		*comment;	/* NULL: none */
	enum feedback_state state;
	char		*verified_at;	/* NULL: not verified */
	char		*updated_at;
	/* The lesson, for the Homework list and the dashboard. */
	char		*lesson_name;	/* title, else the course's title */
	char		*starts_at;
	int64_t		 teacher_id;
	char		*teacher_name;
};

/* One row of a feedback's history. */
struct feedback_log {
	char		*action;	/* given, edited, verified, revoked */
	char		*user_name;	/* NULL: the system */
	char		*before;	/* NULL: nothing before */
	char		*after;
	char		*changed_at;
};

/* What the Homework list shows. */
struct feedback_filter {
	int64_t		 teacher_id;	/* 0: every teacher (admins) */
	int		 state;		/* -1: any, else enum feedback_state */
	int64_t		 learner_id;	/* 0: any */
	const char	*from, *to;	/* lesson start in [from, to), UTC;
					   NULL: open */
	const char	*after;		/* position: lesson start ... */
	int64_t		 after_id;	/* ... and feedback id; 0: first page */
};

/* A learner of the Homework filter. */
struct feedback_person {
	int64_t		 id;
	char		*name;
};

/* What a change found: done, or why nothing was written. */
enum feedback_change {
	FEEDBACK_DONE,
	FEEDBACK_IS_VERIFIED,	/* verified: revoke first */
	FEEDBACK_NOT_VERIFIED,	/* nothing to revoke */
	FEEDBACK_MISSING,	/* no feedback to verify */
	FEEDBACK_UNCHANGED	/* the same values again */
};

/* feedback.c */
/*
 * The lesson page's feedback part (the FEEDBACK include): the "Teacher
 * Feedback" banners of the verified feedback the viewer may read (the
 * lesson's teacher and administrators: every learner's; a learner:
 * their own), and for manage set, once the lesson is completed, each
 * participant's feedback state with a link to give or see it.
 * Returns 1, or 0 on a database failure.
 */
int		 feedback_lesson_part(struct req *, struct tpl_dict *,
		    const struct live_lesson *, const struct live_participant *,
		    size_t np, int manage);

/* db-feedback.c: the words its history stores, and the statements. */
const char	*feedback_state_label(enum feedback_state);
/* The words of a feedback, as its history keeps them; arena string. */
char		*feedback_text(struct arena *, const struct live_feedback *);
/* The feedback of a lesson, by learner name. */
enum db_rc	db_feedback_of_lesson(struct db *, struct arena *,
		    int64_t session_id, struct live_feedback **, size_t *);
/* The feedback of one learner of a lesson; *out NULL when none. */
enum db_rc	db_feedback_get(struct db *, struct arena *, int64_t session_id,
		    int64_t learner_id, struct live_feedback **out);
enum db_rc	db_feedback_log(struct db *, struct arena *,
		    int64_t feedback_id, struct feedback_log **, size_t *);
/*
 * Give or change the feedback of learner_id at lesson session_id to
 * the scores and comment of in, by user_id, with its history row, in
 * one transaction.  *out tells what happened; nothing is written but
 * for FEEDBACK_DONE.
 */
enum db_rc	db_feedback_save(struct db *, struct arena *,
		    int64_t session_id, int64_t learner_id,
		    const struct live_feedback *in, int64_t user_id,
		    enum feedback_change *out);
/*
 * Verify (verify set) or revoke the verification of a feedback, by
 * user_id, with its history row, in one transaction.
 */
enum db_rc	db_feedback_verify(struct db *, struct arena *,
		    int64_t session_id, int64_t learner_id, int verify,
		    int64_t user_id, enum feedback_change *out);
/* The Homework list: latest lessons first, FEEDBACK_PAGE + 1 rows. */
enum db_rc	db_feedback_list(struct db *, struct arena *,
		    const struct feedback_filter *, struct live_feedback **,
		    size_t *);
/* The learners of a teacher's feedback (0: everyone's), by name. */
enum db_rc	db_feedback_learners(struct db *, struct arena *,
		    int64_t teacher_id, struct feedback_person **, size_t *);
/* A learner's feedback verified from since on, latest first, at most
 * limit. */
enum db_rc	db_feedback_recent(struct db *, struct arena *,
		    int64_t learner_id, const char *since, int limit,
		    struct live_feedback **, size_t *);

/* page-feedback.c */
int	page_feedback_show(struct req *);
int	page_feedback_save(struct req *);
int	page_feedback_verify(struct req *);
int	page_feedback_revoke(struct req *);
int	page_homework(struct req *);

#endif
