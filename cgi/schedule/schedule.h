/*
 * schedule.h: the schedule domain: live lessons (code word "live"),
 * their participants, status history and attendance.  The records its
 * statements (db.c) hand to its pages, what schedule.c shares about a
 * lesson's status and join window, and the page handlers of
 * page-schedule.c.  Functions return DB_OK or the failure; lookups that
 * find nothing return DB_OK with NULL.  Results are allocated in the
 * given arena.  Instants are UTC "YYYY-MM-DD HH:MM:SS".
 */
#ifndef LECTERN_SCHEDULE_H
#define LECTERN_SCHEDULE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/db.h"

/* Slots of the statement tables in schedule/db.c and
 * schedule/db-notices.c (see app.c). */
#define SCHEDULE_SLOT		7
#define SCHEDULE_NOTICES_SLOT	12
extern const struct sqltable	sql_schedule;
extern const struct sqltable	sql_schedule_notices;
extern const struct routeset	schedule_routes;

struct arena;
struct req;

/*
 * "Join Session" opens this many minutes before a lesson's start (and
 * its teacher may start it from then): every text that names the rule
 * prints this number.
 */
#define LIVE_JOIN_EARLY_MIN	10
#define LIVE_JOIN_EARLY		(LIVE_JOIN_EARLY_MIN * 60)	/* seconds */

/* The status of a live lesson (the column's words in live_status_name). */
enum live_status {
	LIVE_SCHEDULED,
	LIVE_ACTIVE,
	LIVE_ENDED,		/* shown as "Completed" */
	LIVE_CANCELED
};

/* Lessons of a list page; the statement fetches one more. */
#define LIVE_PAGE	50

/* One live lesson, as listed or as shown on its page. */
struct live_lesson {
	int64_t		 id;
	int64_t		 course_id;
	char		*course_title;
	int64_t		 lesson_id;	/* 0: none */
	char		*lesson_title;	/* NULL: none */
	int64_t		 teacher_id;
	char		*teacher_name;
	char		*meeting_type;	/* individual, group */
	int64_t		 enrollment_id;	/* 0: none */
	int64_t		 group_id;	/* 0: none */
	char		*title;		/* NULL: none */
	char		*notes;		/* NULL: none */
	char		*starts_at, *ends_at;
	long long	 duration_min;
	enum live_status status;
	char		*cancel_reason;	/* NULL: none */
	char		*session_notes;	/* NULL: none */
	int64_t		 rule_id;	/* 0: made by hand */
	long long	 participants;
	long long	 token_cost;	/* tokens each learner present pays
					   (group lessons; 0: free) */
	long long	 untaken;	/* db_live_to_complete only: learners
					   whose attendance is not taken */
};

/* Who sees which lessons: 0 leaves a side out. */
struct live_scope {
	int64_t		 teacher_id;
	int64_t		 learner_id;
};

struct live_participant {
	int64_t		 learner_id;
	char		*name;
	char		*attendance;	/* NULL: not taken */
	long long	 balance;	/* their tokens now */
	char		*charge;	/* the lesson's ledger word for them
					   (group_lesson, unpaid), or NULL */
};

struct live_log {
	int		 created;	/* 1: no status before (from unset) */
	enum live_status from_status;
	enum live_status to_status;
	char		*user_name;	/* NULL: the system */
	char		*reason;
	char		*changed_at;
};

/* A choice of the lesson form. */
struct live_option {
	int64_t		 id;
	int64_t		 course_id;	/* lessons, enrollments */
	int64_t		 learner_id;	/* enrollments */
	char		*label;
	char		*extra;		/* course title of an enrollment */
};

/* What the form creates or changes. */
struct live_input {
	int64_t		 teacher_id;
	int64_t		 course_id;
	int64_t		 lesson_id;	/* 0: none */
	const char	*meeting_type;
	int64_t		 enrollment_id;	/* 0: none */
	int64_t		 group_id;	/* 0: none */
	const char	*title;		/* NULL: none */
	const char	*notes;		/* NULL: none */
	const char	*starts_at, *ends_at;
	long long	 duration_min;
	long long	 token_cost;	/* group lessons; 0: free */
	const int64_t	*learners;
	size_t		 nlearners;
};

/* schedule.c: the status and the join window.  Pure. */
/* The status named word (as stored); 1, or 0 for an unknown word. */
int		 live_status_parse(const char *, enum live_status *);
/* The stored word of a status ("scheduled", "ended", ...). */
const char	*live_status_name(enum live_status);
/* The label people read ("Scheduled", "Completed", ...). */
const char	*live_status_label(enum live_status);

/* Where now stands with a lesson's "Join Session". */
enum live_join {
	LIVE_JOIN_OVER,		/* not scheduled or active, or it ended */
	LIVE_JOIN_NOT_YET,	/* more than LIVE_JOIN_EARLY before start */
	LIVE_JOIN_OPEN		/* from LIVE_JOIN_EARLY before start to end */
};
enum live_join	 live_join_state(const struct live_lesson *, time_t now);
/* The name a lesson goes by: its title, else "Course: Course lesson",
 * else the course's title (in arena when composed). */
char		*live_title(struct arena *, const struct live_lesson *);

/* db.c */
/* Lessons starting in [from, to) seen by scope, with participant counts. */
enum db_rc	db_live_range(struct db *, struct arena *,
		    const struct live_scope *, const char *from,
		    const char *to, struct live_lesson **, size_t *);
/* Lessons starting in one quarter of an hour. */
struct live_count {
	char		*at;		/* UTC start of the quarter */
	long long	 lessons;
};
/*
 * The lessons not canceled starting in [from, to) seen by scope, counted
 * per quarter of an hour (UTC), in order: at most 96 rows a day.
 */
enum db_rc	db_live_quarters(struct db *, struct arena *,
		    const struct live_scope *, const char *from,
		    const char *to, struct live_count **, size_t *);
/* Lessons not ended before now, after (after, after_id) when after_id
 * > 0; at most LIVE_PAGE + 1. */
enum db_rc	db_live_upcoming(struct db *, struct arena *,
		    const struct live_scope *, const char *now,
		    const char *after, int64_t after_id,
		    struct live_lesson **, size_t *);
/*
 * Lessons of scope over by now that started from since on and are not
 * done with: not marked as completed, or completed without session
 * notes or without every learner's attendance (untaken counts those).
 * The latest first, at most limit.
 */
enum db_rc	db_live_to_complete(struct db *, struct arena *,
		    const struct live_scope *, const char *since,
		    const char *now, int limit, struct live_lesson **,
		    size_t *);

/* One learner's attendance over a teacher's completed lessons. */
struct live_glance {
	int64_t		 learner_id;
	char		*name;
	long long	 lessons;	/* completed lessons they were in */
	/* Lessons of each attendance; the rest are not taken. */
	long long	 present, late, absent, excused;
};
/* Per learner, by name, the completed lessons of teacher_id starting in
 * [from, to); at most limit learners. */
enum db_rc	db_live_glance(struct db *, struct arena *, int64_t teacher_id,
		    const char *from, const char *to, int limit,
		    struct live_glance **, size_t *);
enum db_rc	db_live_get(struct db *, struct arena *, int64_t,
		    struct live_lesson **);
enum db_rc	db_live_participants(struct db *, struct arena *, int64_t,
		    struct live_participant **, size_t *);
enum db_rc	db_live_log(struct db *, struct arena *, int64_t,
		    struct live_log **, size_t *);
/* Active teachers (label name). */
enum db_rc	db_live_teachers(struct db *, struct arena *,
		    struct live_option **, size_t *);
/* Courses not archived, and keep_id whatever its state. */
enum db_rc	db_live_courses(struct db *, struct arena *, int64_t keep_id,
		    struct live_option **, size_t *);
/* Lessons of courses not archived, and keep_id. */
enum db_rc	db_live_lessons(struct db *, struct arena *, int64_t keep_id,
		    struct live_option **, size_t *);
/* The teacher's active enrollments: label learner name, extra course. */
enum db_rc	db_live_enrollments(struct db *, struct arena *, int64_t tid,
		    struct live_option **, size_t *);
/* The teacher's groups not archived. */
enum db_rc	db_live_groups(struct db *, struct arena *, int64_t tid,
		    struct live_option **, size_t *);
/* Learner ids of a group. */
enum db_rc	db_live_group_members(struct db *, struct arena *, int64_t gid,
		    int64_t **, size_t *);
/*
 * Create (id 0) or change lesson id from in, with its participants,
 * in one transaction; a new lesson gets its first status log row by
 * user_id, and the notifications the change causes (notices.h) are
 * written in the same transaction.  When the teacher has another
 * lesson not canceled that overlaps, nothing is written and *clash is
 * 1.  Learners booked elsewhere at the same time come back as names in
 * *warn (may be 0).
 */
enum db_rc	db_live_save(struct db *, struct arena *, int64_t id,
		    const struct live_input *, int64_t user_id, int64_t *newid,
		    int *clash, char ***warn, size_t *nwarn);
/*
 * Move lesson id from status from to status to, logging it by user
 * with reason (may be NULL), in one transaction with its notifications
 * (canceled: to everyone; ended: the learners' follow-up).  *moved is 0
 * when the lesson was no longer in status from (nothing written).
 */
enum db_rc	db_live_transition(struct db *, int64_t id,
		    enum live_status from, enum live_status to,
		    int64_t user_id, const char *reason, int *moved);
/*
 * Attendance of each listed learner and the lesson notes, together,
 * with the follow-up mail that carries the notes.  With cost > 0 each
 * learner present or late is charged cost tokens for the lesson, once
 * (billing.h), by user_id, in the same transaction.
 */
enum db_rc	db_live_attendance(struct db *, int64_t id,
		    const struct live_participant *, size_t,
		    const char *notes, long long cost, int64_t user_id);

/* page-schedule.c */
/*
 * instant.c: the live lesson named by the first path id when this user
 * may see it (manage: only its teacher or an administrator; else its
 * learners too), with its participants in *p; NULL once 404 or 503 was
 * sent (the loader contract, core/handler.h).
 */
struct live_lesson *live_lesson_load(struct req *, int manage,
		    struct live_participant **p, size_t *np);
/*
 * The {{>INSTANT}} part of the live lesson's page: its instant lessons
 * and, for manage while the lesson is live, "Create Instant Lesson".
 * Returns 1, or 0 on a database failure.
 */
struct tpl_dict;
int	instant_lesson_part(struct req *, struct tpl_dict *,
	    const struct live_lesson *, int manage);

/* page-instant.c: instant lessons */
int	page_instant_create(struct req *);
int	page_instant_show(struct req *);
int	page_instant_text(struct req *);
int	page_instant_add(struct req *);
int	page_instant_save(struct req *);
int	page_instant_move(struct req *);
int	page_instant_remove(struct req *);
int	page_instant_answer(struct req *);

int	page_schedule(struct req *);
int	page_live_new(struct req *);
int	page_live_create(struct req *);
int	page_live_show(struct req *);
int	page_live_edit(struct req *);
int	page_live_save(struct req *);
int	page_live_cancel(struct req *);
int	page_live_start(struct req *);
int	page_live_complete(struct req *);
int	page_live_attendance(struct req *);
/* page-join.c */
int	page_live_join(struct req *);

#endif
