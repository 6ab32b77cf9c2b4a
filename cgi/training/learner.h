/*
 * learn.h: what learners and coaches see of training sessions: "My
 * sessions", a session's page and a course inside a session.  The
 * records and the domain functions of db-learn.c, and the handlers of
 * page-learn.c.
 */
#ifndef LECTERN_LEARN_H
#define LECTERN_LEARN_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"

/* Slot of the statement table in training/db-learner.c (see app.c). */
#define LEARNER_SLOT	6
extern const struct sqltable	sql_learner;
extern const struct routeset	learner_routes;

struct arena;
struct req;

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
struct my_session {
	int64_t		 id;
	char		*name;
	char		*start;
	char		*end;
	int		 section;	/* enum my_section, as the query saw it */
	int		 coach;		/* 1: coached, 0: enrolled */
	int		 session_coach;	/* coach of the whole session */
	int		 hidden;
};

/* A session as its page needs it, with the viewer's ties to it. */
struct learn_session {
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
struct learn_course {
	int64_t		 id;
	char		*title;
	char		*code;
	char		*description;
	int64_t		 coach_id;	/* course coach, 0: none */
	char		*coach_name;
	int		 enrolled;	/* viewer takes this course */
};

struct learn_lesson {
	int64_t		 id;
	char		*title;
	char		*type;		/* class, homework, independent */
};

/* A learner of a course in a session with their access tracking. */
struct learn_tracking {
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
enum db_rc	db_learn_my_enrolled(struct db *, struct arena *, int64_t uid,
		    const char *today, int limit, struct my_session **,
		    size_t *);
/*
 * The sessions user uid coaches (the whole session or one of its
 * courses), hidden ones included, sorted into sections by the coach
 * window; at most limit per section.  One query.  Allocates.
 */
enum db_rc	db_learn_my_coached(struct db *, struct arena *, int64_t uid,
		    const char *today, int limit, struct my_session **,
		    size_t *);
/* Session sid with the ties of user uid; *out NULL when there is none. */
enum db_rc	db_learn_session(struct db *, struct arena *, int64_t sid,
		    int64_t uid, struct learn_session **);
/* The courses of session sid that uid may open under scope. */
enum db_rc	db_learn_courses(struct db *, struct arena *, int64_t sid,
		    enum course_scope, int64_t uid, struct learn_course **,
		    size_t *);
/* Course cid of session sid with uid's enrollment; NULL when not in it. */
enum db_rc	db_learn_course(struct db *, struct arena *, int64_t sid,
		    int64_t cid, int64_t uid, struct learn_course **);
/* The lessons of a course that are not archived, in position order. */
enum db_rc	db_learn_lessons(struct db *, struct arena *, int64_t cid,
		    struct learn_lesson **, size_t *);
/* Record a visit of uid to course cid of session sid (0: the session). */
enum db_rc	db_learn_track(struct db *, int64_t sid, int64_t cid,
		    int64_t uid);
/*
 * One page of the learners of course cid in session sid, by name then
 * id, after (after_name, after_id) when after_id > 0; limit rows.
 */
enum db_rc	db_learn_course_learners(struct db *, struct arena *,
		    int64_t sid, int64_t cid, const char *after_name,
		    int64_t after_id, int limit, struct learn_tracking **,
		    size_t *);

/* page-learn.c */
int	page_my_sessions(struct req *);
int	page_learn_session(struct req *);
int	page_learn_course(struct req *);

#endif
