/*
 * training.h: the training domain: training sessions (seed 002) with
 * their courses, coaches and learners, as administrators manage them and
 * as learners and coaches see them.  The records the domain's functions
 * (db.c) hand to its pages, those functions, the shared page logic
 * (training.c) and the page handlers.  Functions over the database
 * return DB_OK or the failure; lookups that find nothing return DB_OK
 * with NULL.  Results are allocated in the given arena.
 */
#ifndef LECTERN_TRAINING_H
#define LECTERN_TRAINING_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"

/* Slot of the statement table in training/db.c (see app.c). */
#define TRAINING_SLOT	5
extern const struct sqltable	sql_training;
extern const struct routeset	training_routes;

struct arena;
struct req;
struct tpl_dict;

/* One training session; dates are "YYYY-MM-DD" or NULL (open end). */
struct training_session {
	int64_t		 id;
	char		*name;
	char		*description;	/* NULL: none */
	int64_t		 category_id;	/* 0: none */
	char		*category_name;	/* NULL: none */
	int64_t		 coach_id;	/* 0: none */
	char		*coach_name;	/* NULL: none */
	char		*visibility;	/* listed, hidden, readonly_after_end */
	char		*display_start, *display_end;
	char		*access_start, *access_end;
	char		*coach_start, *coach_end;
	long long	 course_count;
	long long	 learner_count;
	char		*sort_start;	/* access_start, 1000-01-01 when open */
	char		*sort_end;	/* access_end, 9999-12-31 when open */
};

/* A choice in a select: a teacher, a category, a course or a class. */
struct option {
	int64_t		 id;
	char		*label;
	char		*extra;		/* course code, email; may be NULL */
	int		 flag;		/* inactive teacher, archived */
};

/* A course of a session with its course coach. */
struct training_course {
	int64_t		 course_id;
	char		*title;
	char		*code;
	int		 archived;
	int64_t		 coach_id;	/* 0: none */
	char		*coach_name;
	long long	 lessons;	/* non-archived lessons */
};

/* A learner of a session, or a learner found by a search. */
struct training_learner {
	int64_t		 user_id;
	char		*name;
	char		*email;
	char		*source;	/* individual, class, csv */
	char		*class_name;	/* NULL unless source is class */
	char		*enrolled_at;	/* UTC "YYYY-MM-DD HH:MM:SS" */
	int		 enrolled;	/* search results: already in */
	int		 disabled;
};

/* One row of the tracking page: a learner and one of their courses. */
struct training_track {
	int64_t		 user_id;
	char		*name;
	char		*email;
	int64_t		 course_id;	/* 0: the learner has no course */
	char		*last_access;	/* UTC, NULL: never */
	long long	 lessons_done;
	long long	 lessons_passed;	/* Passed or Verified */
	long long	 lessons_verified;
};

enum training_sort { TRAINING_BY_NAME, TRAINING_BY_START, TRAINING_BY_END };

/* Filters of the session list; NULL or 0 leaves a filter out. */
struct training_filter {
	const char	*search;	/* name contains */
	int64_t		 category_id;
	const char	*status;	/* "active", "upcoming", "past" */
	const char	*today;		/* needed with status */
	const char	*from, *to;	/* access window overlaps [from, to] */
};

/* db.c: administration */
enum db_rc	db_training_get(struct db *, struct arena *, int64_t,
		    struct training_session **);
enum db_rc	db_training_create(struct db *, const struct training_session *,
		    int64_t *id);
enum db_rc	db_training_update(struct db *,
		    const struct training_session *);
/*
 * One page of sessions in the chosen order, after the keyset position
 * (after: the sort column's value, after_id) when after_id > 0.
 * Fetches at most TRAINING_PAGE + 1 rows.
 */
#define TRAINING_PAGE	50
enum db_rc	db_training_list(struct db *, struct arena *,
		    const struct training_filter *, enum training_sort,
		    int desc, const char *after, int64_t after_id,
		    struct training_session **, size_t *);

/* How many sessions there are, and how many are open to learners
 * today (the access window holds it). */
enum db_rc	db_training_count(struct db *, struct arena *, const char *today,
		    long long *all, long long *active);

/* Active teachers, and keep_id whatever its state (0: none). */
enum db_rc	db_teacher_options(struct db *, struct arena *, int64_t keep_id,
		    struct option **, size_t *);
/* Categories not archived (all of them when all is set), and keep_id
 * whatever its state. */
enum db_rc	db_category_options(struct db *, struct arena *,
		    int64_t keep_id, int all, struct option **, size_t *);
/* Courses not archived and not yet in the session. */
enum db_rc	db_course_options(struct db *, struct arena *, int64_t sid,
		    struct option **, size_t *);
/* Classes not archived, with their member counts in flag. */
enum db_rc	db_class_options(struct db *, struct arena *,
		    struct option **, size_t *);
/* A course by id: label title, extra code, flag archived; NULL if none. */
enum db_rc	db_course_find(struct db *, struct arena *, int64_t,
		    struct option **);
/* A class by id: label name, flag archived; NULL if none. */
enum db_rc	db_class_find(struct db *, struct arena *, int64_t,
		    struct option **);

/* The session's courses in their order, with lesson counts. */
enum db_rc	db_training_courses(struct db *, struct arena *, int64_t sid,
		    struct training_course **, size_t *);
/* Add a course (and every learner of the session to it); DB_DUPLICATE
 * when it is in the session already.  One transaction. */
enum db_rc	db_training_add_course(struct db *, int64_t sid, int64_t cid,
		    int64_t coach_id);
/* Change the coach (0: none) of a course of the session. */
enum db_rc	db_training_set_coach(struct db *, int64_t sid, int64_t cid,
		    int64_t coach_id);
/* Remove a course and its learners' places in it.  One transaction. */
enum db_rc	db_training_remove_course(struct db *, int64_t sid, int64_t cid,
		    int *found);

/* One page of the session's learners by name, after (name, id). */
enum db_rc	db_learners_page(struct db *, struct arena *, int64_t sid,
		    const char *after_name, int64_t after_id, int limit,
		    struct training_learner **, size_t *);
/* Every learner of the session, by name (the export). */
enum db_rc	db_learners_all(struct db *, struct arena *,
		    int64_t sid, struct training_learner **, size_t *);
/* Learners whose name or email contains q, by name, after (name, id);
 * enrolled says who is in the session already. */
enum db_rc	db_learners_search(struct db *, struct arena *, int64_t sid,
		    const char *q, const char *after_name, int64_t after_id,
		    int limit, struct training_learner **, size_t *);
/* Enroll one learner in the session and all its courses; DB_DUPLICATE
 * when enrolled already.  One transaction. */
enum db_rc	db_learners_add(struct db *, int64_t sid, int64_t uid);
/* Unenroll a learner from the session and its courses. */
enum db_rc	db_learners_remove(struct db *, int64_t sid,
		    int64_t uid, int *found);
/* Enroll the class's current learners who are not in the session yet
 * (source class); *added, and *already for those who were.  One
 * transaction. */
enum db_rc	db_learners_add_class(struct db *, int64_t sid,
		    int64_t class_id, long long *added, long long *already);

/* Per course of a session: its learners, how many opened it and the
 * lessons they did (the tracking page's chart). */
struct training_progress {
	int64_t		 course_id;
	long long	 learners;
	long long	 opened;
	long long	 lessons_done;
};
enum db_rc	db_training_progress(struct db *, struct arena *, int64_t sid,
		    struct training_progress **, size_t *);
/* One page of tracking rows: learners by name after (name, id), at most
 * limit learners, each with one row per course (or one without). */
enum db_rc	db_training_tracking(struct db *, struct arena *, int64_t sid,
		    const char *after_name, int64_t after_id, int limit,
		    struct training_track **, size_t *);

/*
 * The CSV import's lookups.  A session by id or by exact name: *n the
 * number of matches (the first in *sid, *name).  A course by code: *cid
 * 0 when unknown, *in_session when the session sid has it.  A user by
 * email with their enrollment state in session sid (0: none) and course
 * cid (0: none): *uid 0 when unknown, *learner 1 for the learner role,
 * *disabled 1 for a disabled account.
 */
enum db_rc	db_learners_csv_training(struct db *, struct arena *,
		    const char *key, int64_t *sid, char **name, int *n);
enum db_rc	db_learners_csv_course(struct db *, struct arena *, int64_t sid,
		    const char *code, int64_t *cid, char **title,
		    int *in_session);
enum db_rc	db_learners_csv_user(struct db *, struct arena *,
		    const char *email, int64_t sid, int64_t cid, int64_t *uid,
		    char **name, int *learner, int *disabled, int *in_session,
		    int *in_course);
/*
 * Inside the caller's transaction: enroll uid (source csv) in the
 * session when not yet, then in course cid, or in every course when cid
 * is 0.  *added is 1 when the session enrollment is new.
 */
enum db_rc	db_learners_csv_add(struct db *, int64_t sid, int64_t cid,
		    int64_t uid, int *added);
/* Inside the caller's transaction: learner_count += delta. */
enum db_rc	db_training_add_learner_count(struct db *, int64_t sid,
		    long long delta);

/* page-training.c */
int	page_training_list(struct req *);
int	page_training_new(struct req *);
int	page_training_create(struct req *);
int	page_training_edit(struct req *);
int	page_training_save(struct req *);
int	page_training_course_add(struct req *);
int	page_training_course_coach(struct req *);
int	page_training_course_remove(struct req *);
int	page_training_tracking(struct req *);
int	page_training_export(struct req *);

/* page-learners.c */
int	page_learners_add(struct req *);
int	page_learners_remove(struct req *);
int	page_learners_add_class(struct req *);
int	page_learners_import(struct req *);
int	page_learners_upload(struct req *);
int	page_learners_apply(struct req *);
int	page_learners_apply_valid(struct req *);

/*
 * training.c: shared by the administrator's pages.
 *
 * The training session of the first path id, or NULL once it has
 * answered 404 or 503 (the loader contract of core/handler.h).
 */
struct training_session	*training_load(struct req *);
/* The address of the session's edit page.  Allocates. */
char	*training_url(struct req *, const struct training_session *);

/* The selects of the session form: the teachers and categories offered. */
struct training_choices {
	struct option	*teachers;
	size_t		 nteachers;
	struct option	*cats;
	size_t		 ncats;
};
/* Load the choices, keeping s's current ones (s may be NULL); 1, or 0
 * on database failure. */
int	training_choices(struct req *, const struct training_session *,
	    struct training_choices *);
/* The option with this id, or NULL. */
const struct option	*training_option_find(const struct option *, size_t,
			    int64_t);
/*
 * One repetition of section per option, with VALUE, LABEL, EXTRA (when
 * set), INACTIVE (flag) and SELECTED (the selected id); active_only
 * leaves out the flagged options but the selected one.
 */
void	training_option_list(struct tpl_dict *, const char *section,
	    const struct option *, size_t, int64_t selected, int active_only);

/* A message next to the form of a section of the edit page, or NULL. */
struct training_msgs {
	const char	*course_error;
	const char	*learner_error;
	const char	*class_error;
};
/*
 * The session form page with the given status: the create form (s
 * NULL) or s's edit page with its courses, learners and the learner
 * search, m (may be NULL) giving a section's message; c the choices
 * when the caller has loaded them (else NULL).  Returns the status sent.
 */
int	training_form_page(struct req *, const struct training_session *s,
	    const struct training_choices *c, int status,
	    const struct training_msgs *m);

/*
 * What learners and coaches see of training sessions: the records and
 * functions of db.c for page-learner.c.
 */

/* Sections of "My sessions", in the order the page shows them. */
enum my_section {
	MY_CURRENT = 0,
	MY_UPCOMING,
	MY_PAST,
	MY__MAX
};

/*
 * One line of "My sessions".  start and end are the dates that decide
 * the section: the access dates of a learner, the coach dates of a
 * coach; NULL is an open end.
 */
struct my_training {
	int64_t		 id;
	char		*name;
	char		*start;
	char		*end;
	int		 section;	/* enum my_section, as the query saw it */
	int		 coach;		/* 1: coached, 0: enrolled */
	int		 session_coach;	/* coach of the whole session */
	int		 hidden;
	int		 readable;	/* readonly_after_end */
};

/* A session as its page needs it, with the viewer's ties to it. */
struct learner_training {
	int64_t		 id;
	char		*name;
	char		*description;
	char		*visibility;	/* listed, hidden, readonly_after_end */
	char		*access_start, *access_end;
	char		*coach_start, *coach_end;
	int64_t		 coach_id;	/* 0: none */
	char		*coach_name;
	int		 enrolled;	/* viewer is a learner of it */
	int		 course_coach;	/* viewer coaches one of its courses */
};

/* A course of a session. */
struct learner_course {
	int64_t		 id;
	char		*title;
	char		*code;
	char		*description;
	int64_t		 coach_id;	/* course coach, 0: none */
	char		*coach_name;
	int		 enrolled;	/* viewer takes this course */
};

struct learner_lesson {
	int64_t		 id;
	char		*title;
	char		*type;		/* class, homework, independent */
};

/* A learner of a course in a session with their access tracking. */
struct learner_tracking {
	int64_t		 user_id;
	char		*name;
	char		*email;
	char		*last_access;	/* UTC "YYYY-MM-DD HH:MM:SS", NULL: never */
	long long	 count;
};

/* Which courses of a session a viewer may open. */
enum course_scope {
	SCOPE_ALL,		/* session coach, administrator */
	SCOPE_COACHED,		/* course coach: the courses they coach */
	SCOPE_ENROLLED		/* learner: the courses they take */
};

/*
 * The sessions user uid is enrolled in and may see listed today (not
 * hidden, inside the display window), sorted into sections by the
 * access window; at most limit per section.  One query.  Allocates the
 * list in the arena.
 */
enum db_rc	db_learner_enrolled(struct db *, struct arena *, int64_t uid,
		    const char *today, int limit, struct my_training **,
		    size_t *);
/*
 * The sessions user uid coaches (the whole session or one of its
 * courses), hidden ones included, sorted into sections by the coach
 * window; at most limit per section.  One query.  Allocates.
 */
enum db_rc	db_learner_coached(struct db *, struct arena *, int64_t uid,
		    const char *today, int limit, struct my_training **,
		    size_t *);
/* Session sid with the ties of user uid; *out NULL when there is none. */
enum db_rc	db_learner_training(struct db *, struct arena *, int64_t sid,
		    int64_t uid, struct learner_training **);
/* The courses of session sid that uid may open under scope. */
enum db_rc	db_learner_courses(struct db *, struct arena *, int64_t sid,
		    enum course_scope, int64_t uid, struct learner_course **,
		    size_t *);
/* Course cid of session sid with uid's enrollment; NULL when not in it. */
enum db_rc	db_learner_course(struct db *, struct arena *, int64_t sid,
		    int64_t cid, int64_t uid, struct learner_course **);
/* The lessons of a course that are not archived, in position order. */
enum db_rc	db_learner_lessons(struct db *, struct arena *, int64_t cid,
		    struct learner_lesson **, size_t *);
/* Record a visit of uid to course cid of session sid (0: the session). */
enum db_rc	db_learner_track(struct db *, int64_t sid, int64_t cid,
		    int64_t uid);
/*
 * One page of the learners of course cid in session sid, by name then
 * id, after (after_name, after_id) when after_id > 0; limit rows.
 */
enum db_rc	db_learner_course_learners(struct db *, struct arena *,
		    int64_t sid, int64_t cid, const char *after_name,
		    int64_t after_id, int limit, struct learner_tracking **,
		    size_t *);

/* page-learner.c */
int	page_learner_list(struct req *);
int	page_learner_training(struct req *);
int	page_learner_course(struct req *);

#endif
