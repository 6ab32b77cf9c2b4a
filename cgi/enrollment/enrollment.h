/*
 * enrollment.h: course enrollments (a learner in a course with a
 * teacher), their recurring schedule rules and student groups: the
 * records the domain's statements (db.c) hand to its pages and to the
 * generator, its functions, and the page handlers of
 * page-enrollments.c.  Functions return DB_OK or the failure; lookups
 * that find nothing return DB_OK with NULL.  Results are allocated in
 * the given arena.
 */
#ifndef LECTERN_ENROLLMENT_H
#define LECTERN_ENROLLMENT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/db.h"

/* Slot of the statement table in enrollment/db.c (see app.c). */
#define ENROLLMENT_SLOT	8
extern const struct sqltable	sql_enrollment;
extern const struct routeset	enrollment_routes;
/* Slot of the statement table in enrollment/db-lessons.c. */
#define ENROLLMENT_LESSONS_SLOT	22
extern const struct sqltable	sql_enrollment_lessons;

struct arena;
struct req;

#define ENROLLMENT_PAGE	50	/* enrollments (and groups) per list page */
#define PICK_LIMIT	50	/* learners offered by a search */
#define UPCOMING_MAX	20	/* upcoming lessons on the detail page */
#define ATTENDANCE_MAX	12	/* latest lessons in the attendance chart */

struct enrollment {
	int64_t		 id;
	int64_t		 learner_id;
	char		*learner_name;
	char		*learner_email;
	int64_t		 course_id;
	char		*course_title;
	int64_t		 teacher_id;
	char		*teacher_name;
	int		 default_length;
	int		 active;
};

/* A recurring rule: weekdays bit 0 Monday ... bit 6 Sunday. */
struct sched_rule {
	int64_t		 id;
	int64_t		 enrollment_id;
	int		 weekdays;
	int		 hour, minute;
	int		 duration;
	char		*timezone;
	char		*start_date;
	char		*end_date;	/* NULL: no end */
	/* filled by the generator's query only */
	int64_t		 learner_id, course_id, teacher_id;
};

/*
 * enrollment.c: the calendar of a rule.  Pure.
 * 1 when the local date (YYYY-MM-DD) is one of the rule's days: its
 * weekday is set and it lies within the rule's dates.
 */
int	rule_has_date(const struct sched_rule *, const char *date);
/*
 * The UTC start and end ("YYYY-MM-DD HH:MM:SS") of the occurrence of a
 * rule on a local date, through the rule's timezone.  Returns 1, or 0
 * when the zone or date cannot convert.
 */
int	rule_instant(const struct sched_rule *, const char *date,
	    char starts[20], char ends[20]);
/* Days rule_next() looks ahead: two weeks and today. */
#define RULE_NEXT_DAYS	15
/* The first occurrence that starts after now, within RULE_NEXT_DAYS;
 * 1 when found. */
int	rule_next(const struct sched_rule *, time_t now, char starts[20],
	    char ends[20]);

/* A generated or planned live lesson of an enrollment. */
struct live_row {
	int64_t		 id;
	char		*starts_at;	/* UTC "YYYY-MM-DD HH:MM:SS" */
	char		*rule_date;	/* NULL unless generated */
	int		 duration;
	char		*status;
};

/* A choice in a select. */
struct pick {
	int64_t		 id;
	char		*label;
	char		*extra;
};

struct student_group {
	int64_t		 id;
	char		*name;
	int64_t		 teacher_id;
	char		*teacher_name;
	int		 archived;
	long long	 members;
};

/* db.c: enrollments */
enum db_rc	db_enrollment_get(struct db *, struct arena *, int64_t,
		    struct enrollment **);
/*
 * One page of enrollments, newest first, after after_id when > 0:
 * search (learner name or email or course title contains) and teacher
 * (0: any) are optional.  Fetches at most ENROLLMENT_PAGE + 1 rows.
 */
enum db_rc	db_enrollment_list(struct db *, struct arena *,
		    const char *search, int64_t teacher, int64_t after_id,
		    struct enrollment **, size_t *);
/* DB_DUPLICATE when the learner has this course with this teacher. */
enum db_rc	db_enrollment_create(struct db *, const struct enrollment *,
		    int64_t *id);
/* New teacher and length; future scheduled sessions not changed by
 * hand follow the teacher (after now, UTC).  One transaction. */
enum db_rc	db_enrollment_update(struct db *, const struct enrollment *,
		    const char *now);
enum db_rc	db_enrollment_set_active(struct db *, int64_t, int active);
/* How many enrollments are active. */
enum db_rc	db_enrollment_count(struct db *, struct arena *, long long *);
/* Active learners whose name or email contains q (NULL: all), by name. */
enum db_rc	db_enrollment_learners(struct db *, struct arena *,
		    const char *q, struct pick **, size_t *);
/* Active teachers; non-archived courses; a user's kind by id. */
enum db_rc	db_enrollment_teachers(struct db *, struct arena *,
		    struct pick **, size_t *);
enum db_rc	db_enrollment_courses(struct db *, struct arena *,
		    struct pick **, size_t *);
/* *ok = 1 when id is an active user of role ("learner", "teacher"). */
enum db_rc	db_enrollment_user_ok(struct db *, struct arena *, int64_t,
		    const char *role, int *ok);
/* *ok = 1 when id is a course not archived. */
enum db_rc	db_enrollment_course_ok(struct db *, struct arena *, int64_t,
		    int *ok);
/* The next UPCOMING_MAX sessions of the enrollment from now (UTC). */
enum db_rc	db_enrollment_upcoming(struct db *, struct arena *, int64_t,
		    const char *now, struct live_row **, size_t *);
/* The learner's recorded attendance at the enrollment's latest
 * ATTENDANCE_MAX lessons, newest first (status: the attendance). */
enum db_rc	db_enrollment_attendance(struct db *, struct arena *,
		    const struct enrollment *, struct live_row **, size_t *);

/* db.c: schedule rules */
enum db_rc	db_rules_list(struct db *, struct arena *, int64_t enrollment,
		    struct sched_rule **, size_t *);
/* A non-deleted rule of the enrollment, or NULL. */
enum db_rc	db_rule_get(struct db *, struct arena *, int64_t enrollment,
		    int64_t id, struct sched_rule **);
/* Add a rule with the learner's one note about it (notices.h); its
 * lessons, generated later, get no message each.  One transaction. */
enum db_rc	db_rule_create(struct db *, const struct sched_rule *,
		    int64_t *id);
/*
 * Save a rule and fit its future (after now) scheduled sessions not
 * changed by hand: those on a date the rule no longer has are deleted,
 * the rest take the new time and length.  The generator fills the new
 * dates.  One transaction, with the learner's note.
 */
enum db_rc	db_rule_update(struct db *, struct arena *,
		    const struct sched_rule *, const char *now);
/* Mark deleted and delete its future scheduled sessions not changed by
 * hand.  One transaction, with the learner's note. */
enum db_rc	db_rule_delete(struct db *, int64_t id, const char *now);

/* db.c: the generator's statements (generate.c) */
/* Non-deleted rules of active enrollments not generated up to until. */
enum db_rc	db_gen_rules(struct db *, struct arena *, const char *until,
		    struct sched_rule **, size_t *);
/* Insert one occurrence and its participant unless it exists: *made 1
 * when new.  Inside the caller's transaction. */
enum db_rc	db_gen_insert(struct db *, const struct sched_rule *,
		    const char *rule_date, const char *starts,
		    const char *ends, int *made);
enum db_rc	db_gen_done(struct db *, int64_t rule, const char *until);

/* db.c: student groups */
/* Groups of teacher (0: all), by name then id, after (name, id). */
enum db_rc	db_groups_list(struct db *, struct arena *, int64_t teacher,
		    const char *after_name, int64_t after_id,
		    struct student_group **, size_t *);
enum db_rc	db_group_get(struct db *, struct arena *, int64_t,
		    struct student_group **);
/* DB_DUPLICATE when the teacher has a group of that name. */
enum db_rc	db_group_create(struct db *, int64_t teacher, const char *name,
		    int64_t *id);
enum db_rc	db_group_rename(struct db *, int64_t, const char *name);
enum db_rc	db_group_set_archived(struct db *, int64_t, int archived);
/* Members by name (label name, extra email). */
enum db_rc	db_group_members(struct db *, struct arena *, int64_t,
		    struct pick **, size_t *);
/* Active learners enrolled with teacher whose name or email contains q. */
enum db_rc	db_group_candidates(struct db *, struct arena *, int64_t teacher,
		    const char *q, struct pick **, size_t *);
/* *ok = 1 when the learner is enrolled with the teacher. */
enum db_rc	db_group_can_add(struct db *, struct arena *, int64_t teacher,
		    int64_t learner, int *ok);
enum db_rc	db_group_add(struct db *, int64_t, int64_t learner);
enum db_rc	db_group_remove(struct db *, int64_t, int64_t learner);

/*
 * db-lessons.c: the learner's active enrollments after after_id, in id
 * order, limit of them (course title and teacher name filled).
 */
enum db_rc	db_learner_enrollments(struct db *, struct arena *,
		    int64_t learner, int64_t after_id, int limit,
		    struct enrollment **, size_t *n);

/* page-lessons.c: a learner's lessons, answers and their verification */
int	page_my_lessons(struct req *);
int	page_enrollment_lesson(struct req *);
int	page_enrollment_answer(struct req *);
int	page_enrollment_marks(struct req *);
int	page_enrollment_verify(struct req *);
int	page_enrollment_revoke(struct req *);

/* page-enrollments.c */
int	page_enrollment_list(struct req *);
int	page_enrollment_new(struct req *);
int	page_enrollment_create(struct req *);
int	page_enrollment_mine(struct req *);
int	page_enrollment_view(struct req *);
int	page_enrollment_save(struct req *);
int	page_enrollment_deactivate(struct req *);
int	page_enrollment_activate(struct req *);
int	page_rule_new(struct req *);
int	page_rule_create(struct req *);
int	page_rule_edit(struct req *);
int	page_rule_save(struct req *);
int	page_rule_delete(struct req *);
int	page_groups(struct req *);
int	page_group_create(struct req *);
int	page_group_view(struct req *);
int	page_group_rename(struct req *);
int	page_group_archive(struct req *);
int	page_group_member_add(struct req *);
int	page_group_member_remove(struct req *);

#endif
