/*
 * demo.c: the demo school of "lecternctl demo-data": courses with their
 * lessons, a training session in each state (current, upcoming, past)
 * with coaches and learners, course enrollments with recurring rules,
 * live lessons of last week and this week (some completed with
 * attendance and notes, one canceled, one to complete), the demo
 * classroom channel with past sessions (participants, chat, a poll;
 * the latest one recorded), pictures for some of the demo people, and
 * the notifications all of it causes.  Dates are relative to today
 * in the school's timezone.  Everything goes through the domains'
 * functions, each change in its own transaction as the pages make it.
 *
 * Running it again adds nothing twice: each part is looked up first
 * (courses by code, sessions and channels by name, enrollments by
 * learner, course and teacher, rules by enrollment, past classroom
 * sessions by channel, the week's lessons by their week).  The
 * training sessions' dates are set again relative to today, so each
 * stays in its state; a run in a later week adds that week's lessons.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "billing/billing.h"
#include "catalogue/catalogue.h"
#include "catalogue/content.h"
#include "classroom/classroom.h"
#include "core/config.h"
#include "core/db.h"
#include "enrollment/enrollment.h"
#include "enrollment/generate.h"
#include "home/home.h"
#include "lib/clock.h"
#include "lib/crypto.h"
#include "lib/dates.h"
#include "lib/image.h"
#include "lib/util.h"
#include "lib/vtt.h"
#include "notify/notify.h"
#include "people/people.h"
#include "schedule/schedule.h"
#include "schedule/feedback.h"
#include "training/training.h"

#define DEMO_CHANNEL	"Demo classroom"
#define DEMO_GROUP	"Conversation club"
#define DEMO_GROUP_COST	20	/* tokens a group lesson costs each
				   learner present */
#define NCOURSES	3
#define NLESSONS	5

/* The people of the demo, by their place in struct demo_people. */
enum { TESS, THEO };
enum { LENA, LIAM, LUCIA, LEO, LINA };

static const struct {
	const char	*code;
	const char	*title;
	const char	*description;
	const char	*lessons[NLESSONS];
	enum lesson_type types[NLESSONS];
} courses[NCOURSES] = {
	{ "ENG-CONV", "English Conversation", "Speaking and listening "
	    "for everyday situations, one topic a week.",
	    { "Greetings and introductions", "Ordering food",
	    "Travel phrases", "Write about your weekend",
	    "Listening: a podcast" },
	    { LESSON_CLASS, LESSON_CLASS, LESSON_CLASS, LESSON_HOMEWORK,
	    LESSON_INDEPENDENT } },
	{ "MATH-FOUND", "Mathematics Foundations", "Fractions, "
	    "percentages and equations, with a practice sheet each week.",
	    { "Fractions", "Percentages", "Equations", "Practice sheet",
	    NULL },
	    { LESSON_CLASS, LESSON_CLASS, LESSON_CLASS, LESSON_HOMEWORK } },
	{ "ESP-BEG", "Spanish for Beginners", "First steps in Spanish: "
	    "greetings, numbers and the market.",
	    { "Saludos", "Los números", "En el mercado", "Vocabulary cards",
	    NULL },
	    { LESSON_CLASS, LESSON_CLASS, LESSON_CLASS, LESSON_HOMEWORK } },
};
enum { ENG, MATH, ESP };

/* What a run works with. */
struct demo {
	struct db		*db;
	struct arena		*a;
	const struct config	*cfg;
	const struct demo_people *p;
	struct demo_made	*made;
	time_t			 now;
	char			 nowtext[DBTIME_LEN];
	char			 today[DATE_LEN];	/* the school's */
	char			 monday[DATE_LEN];	/* of this week */
	int64_t			 course[NCOURSES];
	int64_t			 lesson[NCOURSES][NLESSONS];
	int			 fresh;	/* the school is new */
};

/* date + days, or date itself when it cannot be computed. */
static const char *
day_plus(struct demo *x, const char *date, int days)
{
	char	 out[DATE_LEN];

	if (!date_add_days(date, days, out))
		return date;
	return arena_strdup(x->a, out);
}

/* The UTC DATETIME of a local date and time in the school's zone. */
static const char *
instant(struct demo *x, const char *date, int hour, int minute)
{
	char	 out[DBTIME_LEN];
	time_t	 t;
	int	 y, mo, d;

	if (sscanf(date, "%4d-%2d-%2d", &y, &mo, &d) != 3 ||
	    !local_to_utc(x->cfg->timezone, y, mo, d, hour, minute, &t))
		t = x->now;
	dbtime_format(t, out);
	return arena_strdup(x->a, out);
}

/* A UTC DATETIME seconds after (or before) text t. */
static const char *
shifted(struct demo *x, const char *t, long seconds)
{
	char	 out[DBTIME_LEN];
	time_t	 v;

	if (!dbtime_parse(t, &v))
		v = x->now;
	dbtime_format(v + seconds, out);
	return arena_strdup(x->a, out);
}

/* ------------------------------------------------------------------ */
/* The catalogue                                                       */

/* The courses, found by code or made with their lessons. */
static enum db_rc
demo_courses(struct demo *x)
{
	struct course	 c, *list;
	struct lesson	*ls;
	struct keyset	 ks;
	size_t		 i, j, k, n, nls;
	int64_t		 id;
	enum db_rc	 rc;

	for (i = 0; i < NCOURSES; i++) {
		memset(&c, 0, sizeof(c));
		c.title = (char *)courses[i].title;
		c.code = (char *)courses[i].code;
		c.description = (char *)courses[i].description;
		rc = db_course_create(x->db, &c, &x->course[i]);
		if (rc == DB_OK) {
			x->made->courses++;
			if (i == 0)
				x->fresh = 1;
			for (j = 0; j < NLESSONS; j++)
				if (courses[i].lessons[j] != NULL &&
				    (rc = db_lesson_create(x->db, x->a,
				    x->course[i], courses[i].lessons[j],
				    courses[i].types[j], &id)) != DB_OK)
					return rc;
		} else if (rc == DB_DUPLICATE) {
			memset(&ks, 0, sizeof(ks));
			ks.limit = 10;
			if ((rc = db_course_list(x->db, x->a, courses[i].code,
			    1, &ks, &list, &n)) != DB_OK)
				return rc;
			for (k = 0; k < n; k++)
				if (strcasecmp(list[k].code,
				    courses[i].code) == 0)
					x->course[i] = list[k].id;
			if (x->course[i] == 0)
				return DB_ERROR;
		} else
			return rc;
		if ((rc = db_lesson_list(x->db, x->a, x->course[i], &ls,
		    &nls)) != DB_OK)
			return rc;
		for (j = 0; j < NLESSONS; j++)
			for (k = 0; k < nls; k++)
				if (courses[i].lessons[j] != NULL &&
				    strcmp(ls[k].title,
				    courses[i].lessons[j]) == 0)
					x->lesson[i][j] = ls[k].id;
	}
	return DB_OK;
}

/* A category by name, made when missing; *id 0 when not found. */
static enum db_rc
demo_category(struct demo *x, const char *name, int64_t *id)
{
	struct category	*list;
	struct keyset	 ks;
	size_t		 n, i;
	enum db_rc	 rc;

	*id = 0;
	if ((rc = db_category_create(x->db, name, id)) != DB_DUPLICATE)
		return rc;
	memset(&ks, 0, sizeof(ks));
	ks.limit = 200;
	if ((rc = db_category_list(x->db, x->a, 1, &ks, &list, &n)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++)
		if (strcmp(list[i].name, name) == 0)
			*id = list[i].id;
	return DB_OK;
}

/* A class of three learners, for "add a whole class". */
static enum db_rc
demo_class(struct demo *x)
{
	static const int members[] = { LENA, LIAM, LUCIA };
	struct klass	 k;
	int64_t		 id;
	size_t		 i;
	int		 added;
	enum db_rc	 rc;

	memset(&k, 0, sizeof(k));
	k.name = "Class 2B";
	k.description = "Tuesday and Thursday evening learners.";
	if ((rc = db_class_create(x->db, &k, &id)) == DB_DUPLICATE)
		return DB_OK;
	if (rc != DB_OK)
		return rc;
	for (i = 0; i < sizeof(members) / sizeof(members[0]); i++) {
		rc = db_class_add_member(x->db, id,
		    x->p->learners[members[i]], &added);
		if (rc != DB_OK && rc != DB_DUPLICATE)
			return rc;
	}
	return DB_OK;
}

/* ------------------------------------------------------------------ */
/* Training sessions                                                   */

/*
 * One training session by name: made when missing, its dates set again
 * from today (first..last days from today, the coaches a week longer
 * on each side), with courses (and their coaches) and learners added
 * when missing.
 */
static enum db_rc
demo_training(struct demo *x, const char *name, const char *description,
    int64_t category, int coach, int first, int last, const char *visibility,
    const int *course_list, const int *coach_list, size_t ncourses,
    const int *learner_list, size_t nlearners)
{
	struct training_session s;
	char		*found;
	int64_t		 sid;
	size_t		 i;
	int		 n;
	enum db_rc	 rc;

	memset(&s, 0, sizeof(s));
	s.name = (char *)name;
	s.description = (char *)description;
	s.category_id = category;
	s.coach_id = x->p->teachers[coach];
	s.visibility = (char *)visibility;
	s.display_start = (char *)day_plus(x, x->today, first - 14);
	s.display_end = (char *)day_plus(x, x->today, last + 30);
	s.access_start = (char *)day_plus(x, x->today, first);
	s.access_end = (char *)day_plus(x, x->today, last);
	s.coach_start = (char *)day_plus(x, x->today, first - 7);
	s.coach_end = (char *)day_plus(x, x->today, last + 7);
	if ((rc = db_learners_csv_training(x->db, x->a, name, &sid, &found,
	    &n)) != DB_OK)
		return rc;
	if (n == 0) {
		if ((rc = db_training_create(x->db, &s, &sid)) != DB_OK)
			return rc;
		x->made->trainings++;
	} else {
		s.id = sid;
		if ((rc = db_training_update(x->db, &s)) != DB_OK)
			return rc;
	}
	for (i = 0; i < ncourses; i++) {
		rc = db_training_add_course(x->db, sid,
		    x->course[course_list[i]], x->p->teachers[coach_list[i]]);
		if (rc != DB_OK && rc != DB_DUPLICATE)
			return rc;
	}
	for (i = 0; i < nlearners; i++) {
		rc = db_learners_add(x->db, sid,
		    x->p->learners[learner_list[i]]);
		if (rc != DB_OK && rc != DB_DUPLICATE)
			return rc;
	}
	return DB_OK;
}

/* A session in each state: current, upcoming and past. */
static enum db_rc
demo_trainings(struct demo *x)
{
	static const int cur_courses[] = { ENG, MATH };
	static const int cur_coaches[] = { TESS, THEO };
	static const int cur_learners[] = { LENA, LIAM, LUCIA, LEO };
	static const int up_courses[] = { ESP };
	static const int up_coaches[] = { THEO };
	static const int up_learners[] = { LENA, LINA };
	static const int past_courses[] = { ENG };
	static const int past_coaches[] = { TESS };
	static const int past_learners[] = { LIAM, LEO, LINA };
	int64_t		 lang, math;
	enum db_rc	 rc;

	if ((rc = demo_category(x, "Languages", &lang)) != DB_OK ||
	    (rc = demo_category(x, "Mathematics", &math)) != DB_OK)
		return rc;
	if ((rc = demo_training(x, "Evening courses", "English conversation "
	    "and mathematics on weekday evenings.", lang, TESS, -30, 60,
	    "listed", cur_courses, cur_coaches, 2, cur_learners, 4)) != DB_OK)
		return rc;
	if ((rc = demo_training(x, "Spanish intensive", "Four weeks of "
	    "Spanish for beginners.", lang, THEO, 3, 31, "listed",
	    up_courses, up_coaches, 1, up_learners, 2)) != DB_OK)
		return rc;
	return demo_training(x, "Foundation term", "The first term: "
	    "English conversation for new learners.", math, TESS, -120, -40,
	    "readonly_after_end", past_courses, past_coaches, 1,
	    past_learners, 3);
}

/* ------------------------------------------------------------------ */
/* Course enrollments, rules and the student group                     */

/* The enrollments of the demo, with their recurring rules. */
static const struct {
	int		 learner, course, teacher;
	int		 weekdays;	/* bit 0 Monday; 0: no rule */
	int		 hour, minute, length;
} enrollments[] = {
	{ LENA, ENG, TESS, 0x05, 16, 0, 45 },		/* Mon, Wed */
	{ LIAM, ENG, TESS, 0x0a, 16, 0, 45 },		/* Tue, Thu */
	{ LUCIA, ENG, TESS, 0, 0, 0, 45 },
	{ LUCIA, MATH, THEO, 0x09, 15, 0, 60 },		/* Mon, Thu */
	{ LEO, MATH, THEO, 0x10, 10, 0, 45 },		/* Fri */
	{ LINA, ESP, THEO, 0, 0, 0, 45 },
};
#define NENROLLMENTS	(sizeof(enrollments) / sizeof(enrollments[0]))

/* The enrollment of learner in course with teacher; *id 0 if none. */
static enum db_rc
find_enrollment(struct demo *x, int64_t teacher, int64_t course,
    int64_t learner, int64_t *id)
{
	struct live_option *list;
	size_t		 n, i;
	enum db_rc	 rc;

	*id = 0;
	if ((rc = db_live_enrollments(x->db, x->a, teacher, &list,
	    &n)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++)
		if (list[i].course_id == course &&
		    list[i].learner_id == learner)
			*id = list[i].id;
	return DB_OK;
}

/*
 * The enrollments, each with its rule from the Monday of last week
 * (made only when the enrollment has none), then the lessons of the
 * rules up to the horizon, as the worker would make them.
 */
static enum db_rc
demo_enrollments(struct demo *x, int64_t ids[NENROLLMENTS])
{
	struct enrollment e;
	struct sched_rule r, *rules;
	size_t		 i, n;
	int64_t		 rid;
	int		 created;
	enum db_rc	 rc;

	for (i = 0; i < NENROLLMENTS; i++) {
		memset(&e, 0, sizeof(e));
		e.learner_id = x->p->learners[enrollments[i].learner];
		e.course_id = x->course[enrollments[i].course];
		e.teacher_id = x->p->teachers[enrollments[i].teacher];
		e.default_length = enrollments[i].length;
		e.active = 1;
		rc = db_enrollment_create(x->db, &e, &ids[i]);
		if (rc == DB_OK)
			x->made->enrollments++;
		else if (rc != DB_DUPLICATE ||
		    (rc = find_enrollment(x, e.teacher_id, e.course_id,
		    e.learner_id, &ids[i])) != DB_OK)
			return rc;
		if (enrollments[i].weekdays == 0 || ids[i] == 0)
			continue;
		if ((rc = db_rules_list(x->db, x->a, ids[i], &rules,
		    &n)) != DB_OK)
			return rc;
		if (n > 0)
			continue;
		memset(&r, 0, sizeof(r));
		r.enrollment_id = ids[i];
		r.weekdays = enrollments[i].weekdays;
		r.hour = enrollments[i].hour;
		r.minute = enrollments[i].minute;
		r.duration = enrollments[i].length;
		r.timezone = (char *)x->cfg->timezone;
		r.start_date = (char *)day_plus(x, x->monday, -7);
		if ((rc = db_rule_create(x->db, &r, &rid)) != DB_OK)
			return rc;
		x->made->rules++;
	}
	if ((rc = generate_sessions(x->db, x->a, x->cfg, x->now,
	    &created)) != DB_OK)
		return rc;
	x->made->lessons += created;
	return DB_OK;
}

/* Tess's student group for group lessons; *id its id. */
static enum db_rc
demo_group(struct demo *x, int64_t *id)
{
	static const int members[] = { LENA, LIAM, LUCIA };
	struct student_group *list;
	size_t		 n, i;
	enum db_rc	 rc;

	*id = 0;
	rc = db_group_create(x->db, x->p->teachers[TESS], DEMO_GROUP, id);
	if (rc == DB_DUPLICATE) {
		if ((rc = db_groups_list(x->db, x->a, x->p->teachers[TESS],
		    NULL, 0, &list, &n)) != DB_OK)
			return rc;
		for (i = 0; i < n; i++)
			if (strcmp(list[i].name, DEMO_GROUP) == 0)
				*id = list[i].id;
		return DB_OK;
	}
	if (rc != DB_OK)
		return rc;
	for (i = 0; i < sizeof(members) / sizeof(members[0]); i++)
		if ((rc = db_group_add(x->db, *id,
		    x->p->learners[members[i]])) != DB_OK)
			return rc;
	return DB_OK;
}

/* ------------------------------------------------------------------ */
/* Live lessons of last week and this week                             */

/* Tokens granted once to the school and to each learner (Liam gets too
 * few for a group lesson, so one of his shows "not charged"). */
static const long long demo_grants[] = { 100, 30, 100, 60, 60 };

/*
 * The administrator's first grants: to the school, and to each learner
 * who has no token account yet, before the group lessons charge them.
 */
static enum db_rc
demo_tokens(struct demo *x)
{
	struct token_account	*t;
	struct token_entry	*e;
	int64_t			 account;
	size_t			 n, i;
	int			 applied;
	enum db_rc		 rc;

	if ((rc = db_begin(x->db)) != DB_OK)
		return rc;
	if ((rc = db_tokens_school(x->db, x->a, &t)) != DB_OK)
		goto fail;
	if (t != NULL && (rc = db_tokens_ledger(x->db, x->a, t->id, 0, &e,
	    &n)) != DB_OK)
		goto fail;
	if (t != NULL && n == 0 && (rc = billing_change(x->db, t->id, 1000,
	    TOKENS_GRANT, "Tokens bought for the school year", x->p->admin,
	    &applied)) != DB_OK)
		goto fail;
	for (i = 0; i < sizeof(demo_grants) / sizeof(demo_grants[0]); i++) {
		if ((rc = db_tokens_learner(x->db, x->a, x->p->learners[i],
		    &t)) != DB_OK)
			goto fail;
		if (t == NULL || t->id != 0)
			continue;
		if ((rc = billing_learner_account(x->db, x->a,
		    x->p->learners[i], &account)) != DB_OK ||
		    (rc = billing_change(x->db, account, demo_grants[i],
		    TOKENS_GRANT, "Welcome tokens for group sessions",
		    x->p->admin, &applied)) != DB_OK)
			goto fail;
	}
	return db_commit(x->db);
fail:
	db_rollback(x->db);
	return rc;
}

/* One live lesson made by hand, as a teacher plans it. */
struct demo_lesson {
	int		 teacher;
	int		 course, lesson;	/* lesson -1: none */
	int		 enrollment;	/* index, -1: a group lesson */
	int		 day;		/* from this week's Monday */
	int		 hour, minute, length;
	int		 learners[3];	/* -1 ends the list */
	enum live_status status;	/* what it becomes */
	const char	*attendance[3];	/* of each learner, when completed */
	const char	*notes;		/* session notes, or the reason it
					   was canceled */
};

/* Last week's lessons: completed, with attendance and notes. */
static const struct demo_lesson past_lessons[] = {
	{ TESS, ENG, 0, -1, -6, 11, 0, 45, { LENA, LIAM, LUCIA }, LIVE_ENDED,
	    { "present", "late", "absent" }, "We introduced ourselves and "
	    "practised small talk. Lucia missed the lesson: please read the "
	    "dialogue on page 4." },
	{ TESS, ENG, 1, -1, -4, 11, 0, 45, { LENA, LIAM, LUCIA }, LIVE_ENDED,
	    { "present", "present", "excused" }, "Role play in a restaurant. "
	    "Homework: write a short menu for your favourite dish." },
	{ THEO, MATH, 0, 3, -5, 9, 0, 60, { LUCIA, -1, -1 }, LIVE_ENDED,
	    { "present" }, "Adding fractions with different denominators. "
	    "Well done!" },
	{ THEO, MATH, 1, 4, -3, 9, 0, 45, { LEO, -1, -1 }, LIVE_ENDED,
	    { "absent" }, "Leo was ill; we move percentages to next week." },
	/* Two weeks ago: Lena's and Lucia's enrollments have a history
	 * for the attendance chart of their enrollment page. */
	{ TESS, ENG, 0, 0, -13, 14, 0, 45, { LENA, -1, -1 }, LIVE_ENDED,
	    { "present" }, "A first conversation about hobbies." },
	{ TESS, ENG, 1, 0, -11, 14, 0, 45, { LENA, -1, -1 }, LIVE_ENDED,
	    { "late" }, "Ordering in a cafe; Lena joined ten minutes late." },
	{ TESS, ENG, 2, 0, -9, 14, 0, 45, { LENA, -1, -1 }, LIVE_ENDED,
	    { "present" }, "Asking for directions in town." },
	{ THEO, MATH, 0, 3, -12, 9, 0, 60, { LUCIA, -1, -1 }, LIVE_ENDED,
	    { "excused" }, "Lucia let us know in advance; sheet sent home." },
	{ THEO, MATH, 0, 3, -10, 9, 0, 60, { LUCIA, -1, -1 }, LIVE_ENDED,
	    { "present" }, "Comparing fractions on the number line." },
};

/* This week's lessons by hand (the rules add the recurring ones). */
static const struct demo_lesson week_lessons[] = {
	{ TESS, ENG, 2, 1, 2, 12, 0, 45, { LIAM, -1, -1 }, LIVE_CANCELED,
	    { NULL }, "The teacher is at a conference; we catch up next "
	    "week." },
	{ TESS, ENG, 3, -1, 3, 11, 0, 45, { LENA, LIAM, LUCIA },
	    LIVE_SCHEDULED, { NULL }, NULL },
	{ THEO, ESP, 0, 5, 1, 13, 0, 45, { LINA, -1, -1 }, LIVE_SCHEDULED,
	    { NULL }, NULL },
};

/*
 * Plan lesson l at local date and time (one hour later, up to three
 * times, when the teacher is busy then) as its teacher would; *id 0
 * when no time was free.
 */
static enum db_rc
plan(struct demo *x, const struct demo_lesson *l, const int64_t *enr,
    int64_t group, const char *date, int hour, int minute, int64_t *id)
{
	struct live_input in;
	int64_t		 learners[3];
	char		**warn;
	size_t		 nwarn, i;
	int		 clash, try;
	enum db_rc	 rc;

	memset(&in, 0, sizeof(in));
	in.teacher_id = x->p->teachers[l->teacher];
	in.course_id = x->course[l->course];
	in.lesson_id = l->lesson >= 0 ? x->lesson[l->course][l->lesson] : 0;
	in.meeting_type = l->enrollment >= 0 ? "individual" : "group";
	in.enrollment_id = l->enrollment >= 0 ? enr[l->enrollment] : 0;
	in.group_id = l->enrollment >= 0 ? 0 : group;
	in.title = l->enrollment >= 0 ? NULL : DEMO_GROUP;
	in.duration_min = l->length;
	in.token_cost = l->enrollment >= 0 ? 0 : DEMO_GROUP_COST;
	for (i = 0; i < 3 && l->learners[i] >= 0; i++)
		learners[i] = x->p->learners[l->learners[i]];
	in.learners = learners;
	in.nlearners = i;
	*id = 0;
	for (try = 0; try < 3 && hour + try < 24; try++) {
		in.starts_at = instant(x, date, hour + try, minute);
		in.ends_at = shifted(x, in.starts_at, (long)l->length * 60);
		if ((rc = db_live_save(x->db, x->a, 0, &in, in.teacher_id, id,
		    &clash, &warn, &nwarn)) != DB_OK)
			return rc;
		if (!clash) {
			x->made->lessons++;
			return DB_OK;
		}
	}
	return DB_OK;
}

/*
 * Take lesson id through its teacher's steps to the status l names:
 * started and completed with attendance and notes, or canceled with a
 * reason.
 */
static enum db_rc
conclude(struct demo *x, const struct demo_lesson *l, int64_t id)
{
	struct live_participant *p;
	int64_t		 who = x->p->teachers[l->teacher];
	size_t		 n, i, k;
	int		 moved;
	enum db_rc	 rc;

	if (l->status == LIVE_CANCELED)
		return db_live_transition(x->db, id, LIVE_SCHEDULED,
		    LIVE_CANCELED, who, l->notes, &moved);
	if (l->status != LIVE_ENDED)
		return DB_OK;
	if ((rc = db_live_transition(x->db, id, LIVE_SCHEDULED, LIVE_ACTIVE,
	    who, NULL, &moved)) != DB_OK ||
	    (rc = db_live_transition(x->db, id, LIVE_ACTIVE, LIVE_ENDED, who,
	    NULL, &moved)) != DB_OK ||
	    (rc = db_live_participants(x->db, x->a, id, &p, &n)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++)
		for (k = 0; k < 3 && l->learners[k] >= 0; k++)
			if (p[i].learner_id == x->p->learners[l->learners[k]])
				p[i].attendance = (char *)l->attendance[k];
	return db_live_attendance(x->db, id, p, n, l->notes,
	    l->enrollment >= 0 ? 0 : DEMO_GROUP_COST, who);
}

/*
 * The lessons of last week and this week, once a week: made unless
 * Tess has a group lesson of the demo in those two weeks.  Last week's
 * and yesterday's lesson nobody completed come first, their
 * notifications then count as read; then today's and the rest of this
 * week's.
 */
static enum db_rc
demo_lessons(struct demo *x, const int64_t *enr, int64_t group)
{
	struct live_scope sc;
	struct live_lesson *ls;
	struct demo_lesson today;
	const char	*from, *to;
	char		 hm[LOCALTEXT_LEN];
	long long	 nread;
	size_t		 n, i;
	int64_t		 id;
	int		 hour, minute;
	enum db_rc	 rc;

	memset(&sc, 0, sizeof(sc));
	sc.teacher_id = x->p->teachers[TESS];
	from = instant(x, day_plus(x, x->monday, -7), 0, 0);
	to = instant(x, day_plus(x, x->monday, 7), 0, 0);
	if ((rc = db_live_range(x->db, x->a, &sc, from, to, &ls, &n)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++)
		if (ls[i].title != NULL && strcmp(ls[i].title, DEMO_GROUP) == 0)
			return DB_OK;
	for (i = 0; i < sizeof(past_lessons) / sizeof(past_lessons[0]); i++) {
		const struct demo_lesson *l = &past_lessons[i];

		if ((rc = plan(x, l, enr, group, day_plus(x, x->monday,
		    l->day), l->hour, l->minute, &id)) != DB_OK)
			return rc;
		if (id != 0 && (rc = conclude(x, l, id)) != DB_OK)
			return rc;
	}
	/* Yesterday's group lesson: over, but nobody completed it. */
	today = past_lessons[0];
	today.lesson = 2;
	today.status = LIVE_SCHEDULED;
	if ((rc = plan(x, &today, enr, group, day_plus(x, x->today, -1), 11,
	    30, &id)) != DB_OK)
		return rc;
	for (i = 0; i < 5; i++)
		if ((rc = db_inapp_read_all(x->db, x->p->learners[i],
		    &nread)) != DB_OK)
			return rc;
	/* Today's, two hours from now on the quarter hour. */
	if (!local_text(x->nowtext, x->cfg->timezone, hm, NULL) ||
	    sscanf(hm + 11, "%2d:%2d", &hour, &minute) != 2)
		hour = minute = 0;
	minute = (minute + 14) / 15 * 15;
	hour += 2 + minute / 60;
	minute %= 60;
	today.lesson = 3;
	if (hour < 22 && (rc = plan(x, &today, enr, group, x->today, hour,
	    minute, &id)) != DB_OK)
		return rc;
	for (i = 0; i < sizeof(week_lessons) / sizeof(week_lessons[0]); i++) {
		const struct demo_lesson *l = &week_lessons[i];

		/* Days of this week that are past move to next week. */
		if ((rc = plan(x, l, enr, group, day_plus(x, x->monday,
		    strcmp(day_plus(x, x->monday, l->day), x->today) <= 0 ?
		    l->day + 7 : l->day), l->hour, l->minute, &id)) != DB_OK)
			return rc;
		if (id != 0 && (rc = conclude(x, l, id)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

/* ------------------------------------------------------------------ */
/* Teacher feedback of last week's group lesson                        */

/* The feedback Tess gives after it; verified or waiting. */
static const struct {
	int		 learner;
	int		 scores[FEEDBACK_SCORES];
	const char	*comment;
	int		 verified;
} demo_feedbacks[] = {
	{ LENA, { 4, 5, 0, 0, 4, 3, 5 }, "You introduced yourself "
	    "confidently and asked good follow-up questions. For next week, "
	    "practise the past tense of the irregular verbs on page 6.", 1 },
	{ LIAM, { 3, 4, 0, 0, 2, 0, 4 }, "You caught up quickly after "
	    "joining late. Review the dialogue on page 4, and watch the word "
	    "order in questions.", 0 },
};

/*
 * Tess's feedback on last week's completed group lesson: Lena's
 * verified, Liam's waiting for verification, so her Homework page and
 * Lena's lesson show them.  Feedback already given is left as it is.
 */
static enum db_rc
demo_feedback(struct demo *x)
{
	struct live_scope sc;
	struct live_lesson *ls;
	struct live_feedback in, *had;
	enum feedback_change done;
	int64_t		 tess = x->p->teachers[TESS], sid = 0, lid;
	size_t		 n, i;
	enum db_rc	 rc;

	memset(&sc, 0, sizeof(sc));
	sc.teacher_id = tess;
	if ((rc = db_live_range(x->db, x->a, &sc, instant(x, day_plus(x,
	    x->monday, -7), 0, 0), instant(x, x->monday, 0, 0), &ls,
	    &n)) != DB_OK)
		return rc;
	for (i = 0; i < n && sid == 0; i++)
		if (ls[i].status == LIVE_ENDED && ls[i].title != NULL &&
		    strcmp(ls[i].title, DEMO_GROUP) == 0)
			sid = ls[i].id;
	for (i = 0; sid != 0 && i < sizeof(demo_feedbacks) /
	    sizeof(demo_feedbacks[0]); i++) {
		lid = x->p->learners[demo_feedbacks[i].learner];
		if ((rc = db_feedback_get(x->db, x->a, sid, lid, &had)) !=
		    DB_OK)
			return rc;
		if (had != NULL)
			continue;
		memset(&in, 0, sizeof(in));
		memcpy(in.scores, demo_feedbacks[i].scores, sizeof(in.scores));
		in.comment = (char *)demo_feedbacks[i].comment;
		if ((rc = db_feedback_save(x->db, x->a, sid, lid, &in, tess,
		    &done)) != DB_OK)
			return rc;
		if (demo_feedbacks[i].verified && done == FEEDBACK_DONE &&
		    (rc = db_feedback_verify(x->db, x->a, sid, lid, 1, tess,
		    &done)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

/* ------------------------------------------------------------------ */
/* The demo classroom channel and its past sessions                    */

/* One past session of the channel. */
struct demo_past {
	const char	*name;
	int		 teacher;
	int		 days_ago, minutes;
	int		 learners[3];
	const char	*chat[4];	/* the teacher's, the learners' */
	const char	*question;
	const char	*options[3];
	int		 votes[3];	/* each learner's option, from 1 */
	int		 recorded;	/* "Record this session" was ticked */
};

static const struct demo_past past_sessions[] = {
	{ "Weekly questions and answers", TESS, 8, 50, { LENA, LIAM, LUCIA },
	    { "Welcome! Ask anything about this week's lessons.",
	    "How do I say \"I would like the bill\"?",
	    "Is the homework due on Monday?",
	    "Thank you, see you next week!" },
	    "Which topic should we practise next week?",
	    { "Travel", "Food and restaurants", "Work" }, { 1, 2, 1 }, 0 },
	{ "Pronunciation workshop", THEO, 3, 40, { LENA, LEO, LINA },
	    { "Today: the sounds of Spanish vowels.",
	    "Can we repeat the \"rr\" sound?",
	    "My microphone works now.",
	    "¡Muchas gracias!" },
	    "How confident are you with the vowels now?",
	    { "Very", "A little", "Not yet" }, { 1, 2, 2 }, 1 },
};

/* The demo channel (made when missing) with its teachers as channel
 * admins and its learners as members; *id its id. */
static enum db_rc
demo_channel(struct demo *x, int64_t *id)
{
	struct channel	*list;
	size_t		 i, n;
	int		 added;
	enum db_rc	 rc;

	*id = 0;
	rc = db_channel_create(x->db, DEMO_CHANNEL, "A channel to try "
	    "Start Classroom, Join Session and the room with the demo "
	    "accounts.", id);
	if (rc == DB_DUPLICATE) {
		if ((rc = db_channel_admin_list(x->db, x->a, DEMO_CHANNEL,
		    NULL, 0, &list, &n)) != DB_OK)
			return rc;
		for (i = 0; i < n; i++)
			if (strcmp(list[i].name, DEMO_CHANNEL) == 0)
				*id = list[i].id;
		return DB_OK;
	}
	if (rc != DB_OK)
		return rc;
	for (i = 0; i < 2; i++) {
		rc = db_channel_add_member(x->db, *id, x->p->teachers[i], 1,
		    &added);
		if (rc != DB_OK && rc != DB_DUPLICATE)
			return rc;
	}
	for (i = 0; i < 5; i++) {
		rc = db_channel_add_member(x->db, *id, x->p->learners[i], 0,
		    &added);
		if (rc != DB_OK && rc != DB_DUPLICATE)
			return rc;
	}
	return DB_OK;
}

/* ---- Demo transcript (the session record's Transcriptions card) ---- */

/* What the first past session's transcript says, as WebVTT with voice
 * tags: three speakers, one of them on two lines. */
static const char demo_vtt[] =
    "WEBVTT - Weekly questions and answers\n\n"
    "00:00:02.000 --> 00:00:06.500\n"
    "<v Tess Teacher>Welcome! Ask anything about this week's lessons.\n\n"
    "00:00:07.000 --> 00:00:10.000\n"
    "<v Tess Teacher>Who would like to start?\n\n"
    "00:00:11.000 --> 00:00:15.500\n"
    "<v Lena Learner>How do I say \"I would like the bill\"?\n"
    "In a restaurant, I mean.\n\n"
    "00:00:16.000 --> 00:00:21.000\n"
    "<v Tess Teacher>\"Me gustar\xc3\xad" "a la cuenta, por favor.\" "
    "Repeat after me.\n\n"
    "00:00:22.000 --> 00:00:25.000\n"
    "<v Lena Learner>Me gustar\xc3\xad" "a la cuenta, por favor.\n\n"
    "00:00:26.000 --> 00:00:29.500\n"
    "<v Liam Learner>Is the homework due on Monday?\n\n"
    "00:00:30.000 --> 00:00:34.000\n"
    "<v Tess Teacher>Yes, on Monday. Thank you, see you next week!\n";

/* The transcript of past session sid, read as an upload would be. */
static enum db_rc
demo_transcript(struct demo *x, int64_t sid, int64_t uid)
{
	struct vtt_cue	*cues;
	size_t		 n;
	char		 err[200];
	int64_t		 id;

	if (!vtt_parse(x->a, demo_vtt, sizeof(demo_vtt) - 1, &cues, &n, err,
	    sizeof(err)))
		return DB_ERROR;
	return db_transcript_add(x->db, sid, uid, "weekly-questions.vtt",
	    cues, n, &id);
}

/* ---- Demo document and whiteboard (the record's other cards) ---- */

/* The notes the teacher shared after the first past session. */
static const char demo_notes[] =
    "Weekly questions and answers: notes\n"
    "\n"
    "- \"I would like the bill\": Me gustar\xc3\xad" "a la cuenta, "
    "por favor.\n"
    "- Homework: exercises 4 to 7, due on Monday.\n"
    "- Next week: ordering food, numbers up to 100.\n";

/* Side of the demo whiteboard, in pixels. */
#define BOARD_W		480
#define BOARD_H		270

/* Paint a rectangle of the board in colour rgb (clipped). */
static void
board_fill(unsigned char *px, int x0, int y0, int x1, int y1,
    unsigned long rgb)
{
	int	 x, y;

	for (y = y0 < 0 ? 0 : y0; y < y1 && y < BOARD_H; y++)
		for (x = x0 < 0 ? 0 : x0; x < x1 && x < BOARD_W; x++) {
			px[(y * BOARD_W + x) * 3] = (unsigned char)(rgb >> 16);
			px[(y * BOARD_W + x) * 3 + 1] =
			    (unsigned char)(rgb >> 8);
			px[(y * BOARD_W + x) * 3 + 2] = (unsigned char)rgb;
		}
}

/*
 * A whiteboard as a teacher leaves it, drawn here: a light grid, a
 * framed box, a few underlined "lines of text" and a rising curve of
 * strokes; as a JPEG in *jpeg.
 */
static int
demo_board(struct demo *x, char **jpeg, size_t *len)
{
	unsigned char	*px = arena_alloc(x->a, BOARD_W * BOARD_H * 3);
	int		 i, y;

	board_fill(px, 0, 0, BOARD_W, BOARD_H, 0xffffff);
	for (i = 0; i < BOARD_W; i += 30)
		board_fill(px, i, 0, i + 1, BOARD_H, 0xe8eef4);
	for (i = 0; i < BOARD_H; i += 30)
		board_fill(px, 0, i, BOARD_W, i + 1, 0xe8eef4);
	board_fill(px, 20, 20, 260, 24, 0x1d4f91);
	board_fill(px, 20, 120, 260, 124, 0x1d4f91);
	board_fill(px, 20, 20, 24, 124, 0x1d4f91);
	board_fill(px, 256, 20, 260, 124, 0x1d4f91);
	for (i = 0; i < 3; i++) {
		board_fill(px, 40, 40 + i * 26, 200 - i * 30, 52 + i * 26,
		    0x333333);
		board_fill(px, 40, 160 + i * 26, 220 - i * 40, 172 + i * 26,
		    0x2e7d32);
	}
	board_fill(px, 40, 240, 180, 243, 0xc62828);
	for (i = 0; i < 160; i++) {
		y = 230 - (i * i) / 160;
		board_fill(px, 290 + i, y, 294 + i, y + 4, 0xc62828);
	}
	return image_jpeg(x->a, px, BOARD_W, BOARD_H, 85, jpeg, len) ==
	    IMAGE_OK;
}

/* A document and a whiteboard of past session sid, added by uid. */
static enum db_rc
demo_docs(struct demo *x, int64_t sid, int64_t uid)
{
	char		 stored[33], *jpeg;
	size_t		 len;
	int64_t		 id;
	enum db_rc	 rc;

	if (classroom_file_store(x->cfg, x->a, DOCUMENT_DIR, demo_notes,
	    sizeof(demo_notes) - 1, stored) != 0)
		return DB_ERROR;
	if ((rc = db_doc_add(x->db, sid, uid, DOC_DOCUMENT, "Lesson notes",
	    "lesson-notes.txt", "text/plain; charset=utf-8", stored,
	    (long long)sizeof(demo_notes) - 1, &id)) != DB_OK)
		return rc;
	if (!demo_board(x, &jpeg, &len) ||
	    classroom_file_store(x->cfg, x->a, WHITEBOARD_DIR, jpeg, len,
	    stored) != 0)
		return DB_ERROR;
	return db_doc_add(x->db, sid, uid, DOC_WHITEBOARD, "Restaurant "
	    "phrases", "restaurant-phrases.jpg", "image/jpeg", stored,
	    (long long)len, &id);
}

/*
 * One past session of channel ch as it would have run: started by the
 * teacher, joined, chatted in, a poll answered and closed, ended; then
 * moved to its day, with what the conferencing server reports of each
 * participant.
 */
static enum db_rc
demo_past(struct demo *x, int64_t ch, const struct demo_past *ps)
{
	struct classroom_input in;
	struct cb_participant part[4];
	const char	*start;
	char		 meeting[33];
	int64_t		 sid, pid, mid, uid[4];
	size_t		 i, stored;
	int		 res, ended;
	enum db_rc	 rc;

	memset(&in, 0, sizeof(in));
	in.name = ps->name;
	in.allow_camera = 1;
	in.allow_mic = 1;
	in.record = ps->recorded;
	random_hex(meeting, 16);
	uid[0] = x->p->teachers[ps->teacher];
	for (i = 0; i < 3; i++)
		uid[i + 1] = x->p->learners[ps->learners[i]];
	if ((rc = db_classroom_start(x->db, ch, uid[0], "bbb", meeting, &in,
	    NULL, &sid)) != DB_OK)
		return rc;
	/* The meeting was made on the server when the teacher joined. */
	if (ps->recorded && (rc = db_classroom_set_created(x->db, sid,
	    ((long long)x->now - (long long)ps->days_ago * 86400) * 1000)) !=
	    DB_OK)
		return rc;
	for (i = 0; i < 4; i++)
		if ((rc = db_classroom_joined(x->db, sid, uid[i],
		    i == 0)) != DB_OK)
			return rc;
	for (i = 0; i < 4; i++)
		if ((rc = db_room_chat_add(x->db, sid, uid[i], ps->chat[i],
		    &mid)) != DB_OK)
			return rc;
	if ((rc = db_room_poll_create(x->db, sid, uid[0], ps->question,
	    ps->options, 3, &pid)) != DB_OK)
		return rc;
	for (i = 0; i < 3; i++)
		if ((rc = db_room_poll_vote(x->db, sid, pid, uid[i + 1],
		    ps->votes[i], &res)) != DB_OK)
			return rc;
	/* The first session leaves a document and a whiteboard. */
	if (ps == &past_sessions[0] && (rc = demo_docs(x, sid, uid[0])) !=
	    DB_OK)
		return rc;
	if ((rc = db_room_poll_close(x->db, sid, pid, uid[0], &res)) != DB_OK ||
	    (rc = db_classroom_end(x->db, sid, uid[0], "ended by moderator",
	    NULL, &ended)) != DB_OK ||
	    (rc = db_classroom_backdate(x->db, sid,
	    (long long)ps->days_ago * 86400, (long long)ps->minutes * 60)) !=
	    DB_OK ||
	    (rc = db_docs_backdate(x->db, sid, (long long)ps->days_ago *
	    86400)) != DB_OK)
		return rc;
	start = shifted(x, x->nowtext, -(long)ps->days_ago * 86400);
	memset(part, 0, sizeof(part));
	for (i = 0; i < 4; i++) {
		part[i].user_id = uid[i];
		part[i].moderator = i == 0;
		part[i].joins = 1;
		snprintf(part[i].first_join, sizeof(part[i].first_join), "%s",
		    shifted(x, start, (long)i * 60));
		snprintf(part[i].last_join, sizeof(part[i].last_join), "%s",
		    part[i].first_join);
		snprintf(part[i].last_leave, sizeof(part[i].last_leave), "%s",
		    shifted(x, start, (long)ps->minutes * 60 - (long)i * 30));
		part[i].minutes = ps->minutes - (long long)i;
		part[i].chats = 1;
		part[i].talks = i == 0 ? 12 : 3 - (long long)(i % 2);
		part[i].talk_seconds = i == 0 ? 1200 : 90 + (long long)i * 20;
		part[i].raise_hands = i == 0 ? 0 : (long long)(i % 2);
		part[i].poll_votes = i == 0 ? 0 : 1;
		part[i].emojis = (long long)i;
	}
	if ((rc = db_callback_participants(x->db, sid, part, 4, &stored)) !=
	    DB_OK)
		return rc;
	/* The first session has a transcript (see demo_transcript). */
	return ps == &past_sessions[0] ? demo_transcript(x, sid, uid[0]) :
	    DB_OK;
}

/*
 * Note the channel's recorded past session in x->made, so that a
 * development conferencing server can be given its recording (see
 * demo_made); the worker then finds it there as it finds any other.
 */
static enum db_rc
demo_recorded(struct demo *x, const struct classroom_past *past, size_t n)
{
	struct classroom *c;
	time_t		 t0, t1;
	size_t		 i;
	enum db_rc	 rc;

	for (i = 0; i < n; i++) {
		if ((rc = db_classroom_get(x->db, x->a, past[i].id, &c)) !=
		    DB_OK)
			return rc;
		if (c == NULL || !c->record || c->create_time == 0 ||
		    strcmp(c->provider, "bbb") != 0 || c->ended_at == NULL ||
		    !dbtime_parse(c->started_at, &t0) ||
		    !dbtime_parse(c->ended_at, &t1))
			continue;
		snprintf(x->made->rec_meeting, sizeof(x->made->rec_meeting),
		    "%s", c->meeting_id);
		snprintf(x->made->rec_name, sizeof(x->made->rec_name), "%s",
		    c->name);
		x->made->rec_start = (long long)t0 * 1000;
		x->made->rec_end = (long long)t1 * 1000;
		break;
	}
	return DB_OK;
}

/* The channel's past sessions, made when it has none yet. */
static enum db_rc
demo_classroom(struct demo *x)
{
	struct classroom_past *past;
	size_t		 n, i;
	int64_t		 ch;
	enum db_rc	 rc;

	if ((rc = demo_channel(x, &ch)) != DB_OK)
		return rc;
	if (ch == 0)
		return DB_ERROR;
	if ((rc = db_classroom_history(x->db, x->a, ch, NULL, 0, &past,
	    &n)) != DB_OK)
		return rc;
	if (n > 0)
		return demo_recorded(x, past, n);
	for (i = 0; i < sizeof(past_sessions) / sizeof(past_sessions[0]);
	    i++) {
		if ((rc = demo_past(x, ch, &past_sessions[i])) != DB_OK)
			return rc;
		x->made->classrooms++;
	}
	if ((rc = db_classroom_history(x->db, x->a, ch, NULL, 0, &past,
	    &n)) != DB_OK)
		return rc;
	return demo_recorded(x, past, n);
}

/* ---- Demo pictures (faces on cards; the others show initials) ---- */

#define PICTURE_SIDE	128

/*
 * A head-and-shoulders silhouette in a light colour on a background of
 * colour (r, g, b), side x side RGB pixels in the arena.
 */
static unsigned char *
silhouette(struct demo *x, int r, int g, int b)
{
	unsigned char	*px, *p;
	long		 dx, dy, c = PICTURE_SIDE / 2;
	int		 y, xx, in;

	px = arena_alloc(x->a, (size_t)PICTURE_SIDE * PICTURE_SIDE * 3);
	for (y = 0; y < PICTURE_SIDE; y++)
		for (xx = 0; xx < PICTURE_SIDE; xx++) {
			p = px + ((size_t)y * PICTURE_SIDE + xx) * 3;
			dx = xx - c;
			dy = y - 50;
			/* the head: a circle of radius 24 */
			in = dx * dx + dy * dy <= 24 * 24;
			/* the shoulders: half an ellipse 46 by 40 */
			dy = y - PICTURE_SIDE;
			in = in || dx * dx * 40 * 40 + dy * dy * 46 * 46 <=
			    40L * 40 * 46 * 46;
			p[0] = (unsigned char)(in ? 240 : r);
			p[1] = (unsigned char)(in ? 236 : g);
			p[2] = (unsigned char)(in ? 228 : b);
		}
	return px;
}

/*
 * Pictures for the teachers and three of the learners, each the JPEG
 * an upload would have become; Lena, Liam and the administrator keep
 * their initials.  A person who already has a picture keeps it.
 */
static enum db_rc
demo_pictures(struct demo *x)
{
	static const struct {
		int	 teacher;	/* 1: teachers[who], 0: learners[who] */
		int	 who;
		int	 r, g, b;
	} faces[] = {
		{ 1, TESS, 52, 101, 164 },
		{ 1, THEO, 46, 125, 50 },
		{ 0, LUCIA, 173, 20, 87 },
		{ 0, LEO, 191, 90, 14 },
		{ 0, LINA, 94, 53, 177 },
	};
	char		 sha[SHA256_HEX], *jpeg, *have;
	size_t		 i, len;
	int64_t		 uid;
	enum db_rc	 rc;

	for (i = 0; i < sizeof(faces) / sizeof(faces[0]); i++) {
		uid = faces[i].teacher ? x->p->teachers[faces[i].who] :
		    x->p->learners[faces[i].who];
		if ((rc = db_avatar_tag(x->db, x->a, uid, &have)) != DB_OK)
			return rc;
		if (have != NULL)
			continue;
		if (image_jpeg(x->a, silhouette(x, faces[i].r,
		    faces[i].g, faces[i].b), PICTURE_SIDE, PICTURE_SIDE,
		    AVATAR_QUALITY, &jpeg, &len) != IMAGE_OK)
			return DB_ERROR;
		sha256_hex(jpeg, len, sha);
		if ((rc = db_avatar_set(x->db, uid, jpeg, len, sha)) != DB_OK)
			return rc;
		x->made->pictures++;
	}
	return DB_OK;
}

/* ------------------------------------------------------------------ */
/* Lesson content and a learner's answers                              */

#define DEMO_TEXT \
	"Read the dialogue aloud with a partner, then answer the " \
	"exercises below.\n\n## Dialogue\n\nAnna: Good morning! My name " \
	"is Anna.\nBen: Nice to meet you, Anna. I am Ben.\n\n" \
	"Anna: See you tomorrow, Ben!"

/* The demo's exercises: one of each kind. */
static const struct {
	enum ex_kind	 kind;
	const char	*prompt;
	const char	*spec;
	const char	*answer;	/* what Lena answered */
} demo_exercises[] = {
	{ EX_CHOICE, "Which of these are polite greetings?",
	    "* Good morning\nGo away\n* Nice to meet you", "0,2" },
	{ EX_GAP, "Nice to [[meet]] you. How [[are|have]] you?", "",
	    "meet\nwere" },
	{ EX_SHORT, "What does Anna say when she leaves?",
	    "See you tomorrow\nSee you", "see you tomorrow" },
	{ EX_ESSAY, "Introduce yourself in three sentences.", "",
	    "I am Lena. I live in Lisbon. I like music and long walks." },
};
#define NDEMO_EX	(sizeof(demo_exercises) / sizeof(demo_exercises[0]))

/* Text and exercises for the English lessons that have none yet. */
static enum db_rc
demo_content(struct demo *x)
{
	struct lesson_doc *doc;
	struct exercise	*ex;
	size_t		 n, i, j;
	int		 added;
	enum db_rc	 rc;

	for (i = 0; i < NLESSONS; i++) {
		if (x->lesson[ENG][i] == 0)
			continue;
		if ((rc = db_doc_for_lesson(x->db, x->a, x->lesson[ENG][i],
		    &doc)) != DB_OK || doc == NULL ||
		    (rc = db_exercises(x->db, x->a, doc->id, &ex, &n)) !=
		    DB_OK)
			return rc != DB_OK ? rc : DB_ERROR;
		if (n > 0)
			continue;
		if ((rc = db_doc_save_text(x->db, doc->id, "",
		    arena_printf(x->a, "# %s\n\n%s", courses[ENG].lessons[i],
		    DEMO_TEXT))) != DB_OK)
			return rc;
		for (j = 0; j < NDEMO_EX; j++)
			if ((rc = db_exercise_add(x->db, x->a, doc->id,
			    demo_exercises[j].kind, demo_exercises[j].prompt,
			    demo_exercises[j].spec, &added)) != DB_OK)
				return rc;
	}
	return DB_OK;
}

/*
 * Lena's answers to English lesson l (enrollment enr), completed once:
 * with verify set, Tess marks her essay 4 of 5 and verifies it.
 */
static enum db_rc
demo_answers(struct demo *x, int64_t enr, int l, int verify)
{
	struct lesson_doc *doc;
	struct exercise	*ex;
	struct attempt	*t;
	struct answer	*ans;
	size_t		 n, i;
	int64_t		 lena = x->p->learners[LENA];
	int		 stored, changed;
	enum db_rc	 rc;

	if ((rc = db_doc_of_lesson(x->db, x->a, x->lesson[ENG][l],
	    &doc)) != DB_OK || doc == NULL ||
	    (rc = db_attempt_get(x->db, x->a, doc->id, lena, enr, &t)) !=
	    DB_OK || t != NULL ||
	    (rc = db_exercises(x->db, x->a, doc->id, &ex, &n)) != DB_OK ||
	    n != NDEMO_EX)
		return rc;
	ans = arena_alloc(x->a, sizeof(*ans) * n);
	for (i = 0; i < n; i++) {
		ans[i].exercise_id = ex[i].id;
		ans[i].text = (char *)demo_exercises[i].answer;
		answer_score(&ex[i], &ans[i]);
	}
	if ((rc = db_attempt_save(x->db, x->a, doc->id, lena, enr, ans, n, 1,
	    lena, &stored)) != DB_OK || !verify ||
	    (rc = db_attempt_get(x->db, x->a, doc->id, lena, enr, &t)) !=
	    DB_OK || t == NULL)
		return rc;
	ans[n - 1].points = 4;
	if ((rc = db_attempt_mark(x->db, t->id, ans, n,
	    x->p->teachers[TESS])) != DB_OK)
		return rc;
	return db_attempt_verify(x->db, t->id, 1, x->p->teachers[TESS],
	    &changed);
}

/* ------------------------------------------------------------------ */

enum db_rc
demo_school(struct db *db, const struct config *cfg,
    const struct demo_people *p, time_t now, struct demo_made *made)
{
	struct demo	 x;
	int64_t		 enr[NENROLLMENTS], group;
	int		 wd, i;
	enum db_rc	 rc;

	memset(&x, 0, sizeof(x));
	memset(made, 0, sizeof(*made));
	x.db = db;
	x.a = arena_new();
	x.cfg = cfg;
	x.p = p;
	x.made = made;
	x.now = now;
	dbtime_format(now, x.nowtext);
	(void)local_date(now, cfg->timezone, x.today);
	if ((wd = date_weekday(x.today)) < 0)
		wd = 0;
	if (!date_add_days(x.today, -wd, x.monday))
		memcpy(x.monday, x.today, sizeof(x.monday));
	memset(enr, 0, sizeof(enr));
	if ((rc = demo_pictures(&x)) != DB_OK ||
	    (rc = demo_classroom(&x)) != DB_OK ||
	    (rc = demo_courses(&x)) != DB_OK ||
	    (rc = demo_class(&x)) != DB_OK ||
	    (rc = demo_trainings(&x)) != DB_OK ||
	    (rc = demo_enrollments(&x, enr)) != DB_OK ||
	    (rc = demo_group(&x, &group)) != DB_OK ||
	    (rc = demo_tokens(&x)) != DB_OK ||
	    (rc = demo_lessons(&x, enr, group)) != DB_OK ||
	    (rc = demo_feedback(&x)) != DB_OK ||
	    (rc = demo_content(&x)) != DB_OK ||
	    (rc = demo_answers(&x, enr[0], 0, 1)) != DB_OK ||
	    (rc = demo_answers(&x, enr[0], 1, 0)) != DB_OK)
		goto out;
	/* A word of welcome in each demo account's notifications, once. */
	if (!x.fresh || (rc = db_begin(db)) != DB_OK)
		goto out;
	for (i = 0; i < 8; i++) {
		int64_t uid = i == 0 ? p->admin : i < 3 ? p->teachers[i - 1] :
		    p->learners[i - 3];

		if ((rc = notify_inapp(db, uid, "demo.welcome", "Welcome to "
		    "the demo school", "Your home page shows what is live "
		    "now, your next lessons and what waits for you.",
		    "/")) != DB_OK) {
			db_rollback(db);
			goto out;
		}
	}
	rc = db_commit(db);
out:
	arena_free(x.a);
	return rc;
}
