/*
 * page-enrollments.c: enrollments, student groups and schedule rules.
 * An enrollment is seen by the administrators, its teacher and
 * (read-only) its learner; anybody else gets 404, as if it did not
 * exist.  Its schedule rules are managed by the administrators and its
 * teacher; adding or changing a rule fills the schedule at once.
 * Student groups belong to a teacher, who manages them (administrators
 * manage all).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/clock.h"
#include "core/auth.h"
#include "core/config.h"
#include "core/db.h"
#include "core/handler.h"
#include "catalogue/content.h"
#include "enrollment/enrollment.h"
#include "lib/escape.h"
#include "enrollment/generate.h"
#include "lib/dates.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/routes.h"
#include "core/tpl.h"
#include "lib/util.h"

static const struct {
	const char	*field;
	const char	*label;
} days[7] = {
	{ "day_mon", "Monday" },
	{ "day_tue", "Tuesday" },
	{ "day_wed", "Wednesday" },
	{ "day_thu", "Thursday" },
	{ "day_fri", "Friday" },
	{ "day_sat", "Saturday" },
	{ "day_sun", "Sunday" },
};

/* 1 for an administrator.  Pure. */
static int
is_admin(const struct req *r)
{
	return r->user->role == ROLE_ADMIN;
}

/* Now as database text (UTC). */
static void
now_text(char out[DBTIME_LEN])
{
	dbtime_format(time(NULL), out);
}

/* The rule's days as "Mon, Wed".  An arena string. */
static char *
days_text(struct req *r, int weekdays)
{
	struct buf	 b;
	char		*s;
	int		 i;

	buf_init(&b);
	for (i = 0; i < 7; i++)
		if (weekdays & (1 << i)) {
			if (b.len > 0)
				buf_puts(&b, ", ");
			buf_puts(&b, days[i].label);
		}
	buf_putc(&b, '\0');
	s = arena_strdup(r->a, b.data);
	buf_free(&b);
	return s;
}

/* Select options from picks, selecting id. */
static void
pick_options(struct tpl_dict *d, const char *sec, const struct pick *p,
    size_t n, int64_t selected)
{
	struct tpl_dict	*o;
	size_t		 i;

	for (i = 0; i < n; i++) {
		o = tpl_section(d, sec);
		tpl_set_int(o, "VALUE", (long long)p[i].id);
		tpl_set(o, "LABEL", p[i].label ? p[i].label : "");
		tpl_set(o, "EXTRA", p[i].extra ? p[i].extra : "");
		if (p[i].id == selected)
			tpl_show(o, "SELECTED");
	}
}

/*
 * The enrollment named by the first path id when this user may see it
 * (manage: may change its schedule), else NULL once 404 or 503 was sent
 * (the loader contract, core/handler.h).
 */
static struct enrollment *
enrollment_load(struct req *r, int manage)
{
	static const char	 missing[] = "There is no such enrollment.";
	struct enrollment	*e;
	enum db_rc		 rc;

	rc = db_enrollment_get(r->db, r->a, r->ids[0], &e);
	if (!load_found(r, rc, e, missing))
		return NULL;
	if (is_admin(r) ||
	    (r->user->role == ROLE_TEACHER && e->teacher_id == r->user->id) ||
	    (!manage && r->user->role == ROLE_LEARNER &&
	    e->learner_id == r->user->id))
		return e;
	load_refuse(r, missing);
	return NULL;
}

/* One row of an enrollment list. */
static void
enrollment_list_row(struct tpl_dict *d, const struct enrollment *e)
{
	struct tpl_dict	*row;

	row = tpl_section(d, "ENROLLMENT");
	tpl_set_int(row, "ID", (long long)e->id);
	tpl_set(row, "LEARNER", e->learner_name);
	tpl_set(row, "EMAIL", e->learner_email);
	tpl_set(row, "COURSE", e->course_title);
	tpl_set(row, "TEACHER", e->teacher_name);
	tpl_set_int(row, "LENGTH", e->default_length);
	tpl_set(row, "STATE", e->active ? "Active" : "Inactive");
}

/*
 * A list page of enrollments: the admin's (with search and teacher
 * filter) or a teacher's own.
 */
static int
enrollment_list_page(struct req *r, int admin)
{
	static const char *const keep[] = { "q", "teacher", NULL };
	struct tpl_dict		*d;
	struct enrollment	*list;
	struct pick		*teachers = NULL;
	size_t			 n, i, nt = 0;
	const char		*q = NULL;
	int64_t			 teacher = 0, after = 0;
	int			 status = 200;

	d = page_begin(r, "enrollment-list.tpl", "Enrollments");
	if (admin) {
		tpl_show(d, "ADMIN");
		form_field(d, P(r, "q"), "Q", "Q_ERROR");
		form_field(d, P(r, "teacher"), "TEACHER_VALUE",
		    "TEACHER_ERROR");
		if (r->nerrors > 0)
			status = 422;
		q = P_str(r, "q");
		teacher = P_num(r, "teacher");
		if (db_enrollment_teachers(r->db, r->a, &teachers, &nt) !=
		    DB_OK)
			return send_db_error(r);
		pick_options(d, "TEACHER_OPT", teachers, nt, teacher);
	} else
		teacher = r->user->id;
	after = P_num(r, "after_id");
	if (db_enrollment_list(r->db, r->a, q, teacher, after, &list,
	    &n) != DB_OK)
		return send_db_error(r);
	for (i = 0; i < n && i < ENROLLMENT_PAGE; i++)
		enrollment_list_row(d, &list[i]);
	if (n == 0)
		tpl_show(d, after > 0 || !empty(q) || (admin && teacher > 0) ?
		    "NO_MATCH" : "NO_ENROLLMENTS");
	pager_links(r, d, admin ? "/admin/enrollments" :
	    "/platform/enrollments", keep, n > ENROLLMENT_PAGE, NULL,
	    n > ENROLLMENT_PAGE ? list[ENROLLMENT_PAGE - 1].id : 0);
	return page_send(r, status);
}

/*
 * GET /admin/enrollments: every enrollment, newest first, with search
 * and teacher filter, by keyset pages.
 * Statuses: 200, 422 (bad filter), 503.
 */
int
page_enrollment_list(struct req *r)
{
	return enrollment_list_page(r, 1);
}

/*
 * GET /platform/enrollments: a teacher's own enrollments (every one for
 * an administrator).
 * Statuses: 200, 503.
 */
int
page_enrollment_mine(struct req *r)
{
	return enrollment_list_page(r, is_admin(r));
}

/* The create form; values from the request. */
static int
enrollment_form(struct req *r, int status, const char *learner_error)
{
	struct tpl_dict	*d;
	struct pick	*learners, *courses, *teachers;
	size_t		 nl, nc, nt;
	const char	*lq = P_str(r, "lq");

	d = page_begin(r, "enrollment-form.tpl", "New enrollment");
	if (db_enrollment_learners(r->db, r->a, lq, &learners, &nl) != DB_OK ||
	    db_enrollment_courses(r->db, r->a, &courses, &nc) != DB_OK ||
	    db_enrollment_teachers(r->db, r->a, &teachers, &nt) != DB_OK)
		return send_db_error(r);
	tpl_set(d, "LQ", lq ? lq : "");
	pick_options(d, "LEARNER_OPT", learners, nl, P_num_opt(r, "learner"));
	pick_options(d, "COURSE_OPT", courses, nc, P_num_opt(r, "course"));
	pick_options(d, "TEACHER_OPT", teachers, nt, P_num_opt(r, "teacher"));
	if (nl == 0)
		tpl_show(d, "NO_LEARNERS");
	if (r->method == M_POST) {
		form_field(d, P(r, "learner"), "LEARNER_VALUE", "LEARNER_ERROR");
		form_field(d, P(r, "course"), "COURSE_VALUE", "COURSE_ERROR");
		form_field(d, P(r, "teacher"), "TEACHER_VALUE", "TEACHER_ERROR");
		form_field(d, P(r, "default_length"), "LENGTH_VALUE",
		    "LENGTH_ERROR");
	} else {
		form_field(d, P(r, "lq"), "LQ", "LQ_ERROR");
		tpl_set(d, "LENGTH_VALUE", "45");
	}
	if (learner_error != NULL)
		form_error(d, "LEARNER_ERROR", learner_error);
	return page_send(r, status);
}

/*
 * GET /admin/enrollments/new: the form; lq narrows the learners offered.
 * Statuses: 200, 503.
 */
int
page_enrollment_new(struct req *r)
{
	return enrollment_form(r, r->nerrors > 0 ? 422 : 200, NULL);
}

/*
 * POST /admin/enrollments/new: enroll an active learner in a course
 * that is not archived with an active teacher.
 * Statuses: 303, 422, 503.
 */
int
page_enrollment_create(struct req *r)
{
	struct enrollment	 e;
	int64_t			 id;
	int			 ok;
	enum db_rc		 rc;

	memset(&e, 0, sizeof(e));
	e.learner_id = P_num(r, "learner");
	e.course_id = P_num(r, "course");
	e.teacher_id = P_num(r, "teacher");
	e.default_length = (int)P_num(r, "default_length");
	if (P(r, "learner")->error == NULL && e.learner_id > 0) {
		if (db_enrollment_user_ok(r->db, r->a, e.learner_id, "learner",
		    &ok) != DB_OK)
			return send_db_error(r);
		if (!ok)
			P_fail(r, "learner", "Choose an active learner.");
	}
	if (P(r, "course")->error == NULL && e.course_id > 0) {
		if (db_enrollment_course_ok(r->db, r->a, e.course_id,
		    &ok) != DB_OK)
			return send_db_error(r);
		if (!ok)
			P_fail(r, "course", "Choose a course that is not "
			    "archived.");
	}
	if (P(r, "teacher")->error == NULL && e.teacher_id > 0) {
		if (db_enrollment_user_ok(r->db, r->a, e.teacher_id, "teacher",
		    &ok) != DB_OK)
			return send_db_error(r);
		if (!ok)
			P_fail(r, "teacher", "Choose an active teacher.");
	}
	if (r->nerrors > 0)
		return enrollment_form(r, 422, NULL);
	rc = db_enrollment_create(r->db, &e, &id);
	if (rc == DB_DUPLICATE)
		return enrollment_form(r, 422, "This learner already has this "
		    "course with this teacher.");
	if (rc != DB_OK)
		return send_db_error(r);
	flash_set(r, "Created the enrollment. Add its schedule below.");
	return send_redirect(r, arena_printf(r->a, "/platform/enrollments/%lld",
	    (long long)id));
}

/* The words, classes and strip heights of the four attendances. */
static const struct {
	const char	*value;
	const char	*word;
	int		 strip;		/* height of a lesson's mark */
} attendances[] = {
	{ "present", "Present", 32 },
	{ "late", "Late", 22 },
	{ "absent", "Absent", 4 },
	{ "excused", "Excused", 12 },
};
#define NATTENDANCE	(sizeof(attendances) / sizeof(attendances[0]))
#define BAR_TOP		20	/* y of the tallest bar */
#define BAR_BASE	90	/* y of the bars' baseline */
#define BAR_STEP	58	/* x from one bar to the next */
#define MARK_STEP	20	/* x from one lesson's mark to the next */
#define MARK_BASE	36	/* y of the marks' baseline */

/*
 * The attendance chart of the enrollment page from its latest lessons
 * (newest first): a bar per attendance with its count, and a strip of
 * the lessons from the oldest, each with a data table beside it.  All
 * coordinates are integers; the template writes the SVG.
 */
static void
attendance_chart(struct req *r, struct tpl_dict *d,
    const struct live_row *rows, size_t n)
{
	struct tpl_dict	*c, *row;
	long long	 count[NATTENDANCE], max;
	size_t		 i, k;
	int		 h;

	if (n == 0) {
		tpl_show(d, "NO_ATTENDANCE");
		return;
	}
	memset(count, 0, sizeof(count));
	max = 1;
	for (i = 0; i < n; i++)
		for (k = 0; k < NATTENDANCE; k++)
			if (strcmp(rows[i].status, attendances[k].value) == 0 &&
			    ++count[k] > max)
				max = count[k];
	c = tpl_section(d, "ATTENDANCE");
	tpl_set_int(c, "LESSONS", (long long)n);
	tpl_set(c, "SUMMARY", arena_printf(r->a, "Over the last %zu "
	    "recorded lessons: %lld present, %lld late, %lld absent, "
	    "%lld excused.", n, count[0], count[1], count[2], count[3]));
	tpl_set_int(c, "BARS_W", (long long)(NATTENDANCE * BAR_STEP + 8));
	for (k = 0; k < NATTENDANCE; k++) {
		h = (int)(count[k] * (BAR_BASE - BAR_TOP) / max);
		row = tpl_section(c, "BAR");
		tpl_set(row, "KIND", attendances[k].value);
		tpl_set(row, "WORD", attendances[k].word);
		tpl_set_int(row, "COUNT", count[k]);
		tpl_set_int(row, "BAR_X", (long long)(k * BAR_STEP + 12));
		tpl_set_int(row, "BAR_MID", (long long)(k * BAR_STEP + 32));
		tpl_set_int(row, "BAR_Y", (long long)(BAR_BASE - h));
		tpl_set_int(row, "BAR_H", (long long)h);
		tpl_set_int(row, "COUNT_Y", (long long)(BAR_BASE - h - 4));
	}
	tpl_set_int(c, "MARKS_W", (long long)(ATTENDANCE_MAX * MARK_STEP));
	for (i = n; i-- > 0; ) {
		for (k = 0; k < NATTENDANCE; k++)
			if (strcmp(rows[i].status, attendances[k].value) == 0)
				break;
		if (k == NATTENDANCE)
			continue;
		row = tpl_section(c, "MARK");
		tpl_set(row, "KIND", attendances[k].value);
		tpl_set(row, "WORD", attendances[k].word);
		tpl_set(row, "WHEN", show_time(r, rows[i].starts_at));
		tpl_set_int(row, "MARK_X", (long long)((n - 1 - i) *
		    MARK_STEP + 2));
		tpl_set_int(row, "MARK_Y",
		    (long long)(MARK_BASE - attendances[k].strip));
		tpl_set_int(row, "MARK_H", (long long)attendances[k].strip);
	}
}

/* The detail page of e. */
static int
enrollment_page(struct req *r, struct enrollment *e, int status)
{
	struct tpl_dict		*d, *s, *row;
	struct pick		*teachers;
	struct lesson_progress	*lessons;
	long long		 passed = 0, verified = 0;
	struct sched_rule	*rules;
	struct live_row		*up, *att;
	size_t			 nl, nr, nu, nt, na, i;
	char			 now[DBTIME_LEN];
	int			 manage;

	manage = is_admin(r) || e->teacher_id == r->user->id;
	now_text(now);
	if (db_course_progress(r->db, r->a, e->course_id, e->id, &lessons,
	    &nl) != DB_OK ||
	    db_rules_list(r->db, r->a, e->id, &rules, &nr) != DB_OK ||
	    db_enrollment_upcoming(r->db, r->a, e->id, now, &up, &nu) != DB_OK ||
	    db_enrollment_attendance(r->db, r->a, e, &att, &na) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "enrollment-view.tpl", "Enrollment");
	tpl_set_int(d, "ID", (long long)e->id);
	tpl_set(d, "LEARNER", e->learner_name);
	tpl_set(d, "EMAIL", e->learner_email);
	tpl_set(d, "COURSE", e->course_title);
	tpl_set(d, "TEACHER", e->teacher_name);
	tpl_set_int(d, "LENGTH", e->default_length);
	tpl_set(d, "STATE", e->active ? "Active" : "Inactive");
	tpl_set(d, "ZONE", viewer_zone(r));
	if (manage)
		tpl_show(d, "MANAGE");
	if (is_admin(r)) {
		if (db_enrollment_teachers(r->db, r->a, &teachers, &nt) !=
		    DB_OK)
			return send_db_error(r);
		s = tpl_section(d, "ADMIN");
		pick_options(s, "TEACHER_OPT", teachers, nt,
		    r->method == M_POST ? P_num(r, "teacher") : e->teacher_id);
		if (r->method == M_POST) {
			form_field(s, P(r, "teacher"), "TEACHER_VALUE",
			    "TEACHER_ERROR");
			form_field(s, P(r, "default_length"), "LENGTH_VALUE",
			    "LENGTH_ERROR");
		} else
			tpl_set_int(s, "LENGTH_VALUE", e->default_length);
		tpl_show(s, e->active ? "CAN_DEACTIVATE" : "CAN_ACTIVATE");
	}
	for (i = 0; i < nl; i++) {
		row = tpl_section(d, "LESSON");
		tpl_set_int(row, "LESSON_ID", (long long)lessons[i].lesson_id);
		tpl_set(row, "TITLE", lessons[i].title);
		tpl_set(row, "LESSON_STATE",
		    attempt_state_label(lessons[i].state));
		if (lessons[i].state >= ATT_PASSED) {
			passed++;
			tpl_set(tpl_section(row, "LESSON_SCORE"), "POINTS",
			    arena_printf(r->a, "%lld of %lld",
			    lessons[i].score, lessons[i].max_score));
		}
		verified += lessons[i].state == ATT_VERIFIED;
		if (lessons[i].exercises == 0)
			tpl_show(row, "NO_EXERCISES");
	}
	tpl_set_int(d, "PASSED", passed);
	tpl_set_int(d, "VERIFIED_COUNT", verified);
	tpl_set_int(d, "LESSON_COUNT", (long long)nl);
	if (nl == 0)
		tpl_show(d, "NO_LESSONS");
	for (i = 0; i < nr; i++) {
		row = tpl_section(d, "RULE");
		tpl_set_int(row, "RULE_ID", (long long)rules[i].id);
		tpl_set(row, "DAYS", days_text(r, rules[i].weekdays));
		tpl_set(row, "TIME", arena_printf(r->a, "%02d:%02d",
		    rules[i].hour, rules[i].minute));
		tpl_set(row, "RULE_ZONE", rules[i].timezone);
		tpl_set_int(row, "RULE_LENGTH", rules[i].duration);
		tpl_set(row, "START", rules[i].start_date);
		tpl_set(row, "END", empty(rules[i].end_date) ? "no end" :
		    rules[i].end_date);
		if (manage)
			tpl_show(row, "RULE_MANAGE");
	}
	if (nr == 0)
		tpl_show(d, "NO_RULES");
	for (i = 0; i < nu; i++) {
		row = tpl_section(d, "UPCOMING");
		tpl_set(row, "WHEN", show_time(r, up[i].starts_at));
		tpl_set_int(row, "DURATION", up[i].duration);
		tpl_set(row, "STATUS", up[i].status);
	}
	if (nu == 0)
		tpl_show(d, "NO_UPCOMING");
	attendance_chart(r, d, att, na);
	return page_send(r, status);
}

/*
 * GET /platform/enrollments/:id: learner, course, teacher, lessons, the
 * schedule rules and the upcoming sessions.
 * Statuses: 200, 404, 503.
 */
int
page_enrollment_view(struct req *r)
{
	struct enrollment	*e;

	if ((e = enrollment_load(r, 0)) == NULL)
		return r->status;
	return enrollment_page(r, e, 200);
}

/*
 * POST /admin/enrollments/:id: change the teacher and default length.
 * Statuses: 303, 404, 422, 503.
 */
int
page_enrollment_save(struct req *r)
{
	struct enrollment	*e;
	char			 now[DBTIME_LEN];
	int			 ok;
	int64_t			 teacher = P_num(r, "teacher");

	if ((e = enrollment_load(r, 1)) == NULL)
		return r->status;
	if (P(r, "teacher")->error == NULL && teacher > 0) {
		if (db_enrollment_user_ok(r->db, r->a, teacher, "teacher",
		    &ok) != DB_OK)
			return send_db_error(r);
		if (!ok)
			P_fail(r, "teacher", "Choose an active teacher.");
	}
	if (r->nerrors > 0)
		return enrollment_page(r, e, 422);
	e->teacher_id = teacher;
	e->default_length = (int)P_num(r, "default_length");
	now_text(now);
	switch (db_enrollment_update(r->db, e, now)) {
	case DB_OK:
		break;
	case DB_DUPLICATE:
		P_fail(r, "teacher", "The learner already has this course "
		    "with that teacher.");
		return enrollment_page(r, e, 422);
	default:
		return send_db_error(r);
	}
	flash_set(r, "Saved the enrollment.");
	return send_redirect(r, arena_printf(r->a, "/platform/enrollments/%lld",
	    (long long)e->id));
}

/* Set the enrollment's active flag and go back to it. */
static int
enrollment_set_active(struct req *r, int active)
{
	struct enrollment	*e;

	if ((e = enrollment_load(r, 1)) == NULL)
		return r->status;
	if (db_enrollment_set_active(r->db, e->id, active) != DB_OK)
		return send_db_error(r);
	flash_set(r, active ? "The enrollment is active again." :
	    "The enrollment is inactive: no new sessions are generated.");
	return send_redirect(r, arena_printf(r->a, "/platform/enrollments/%lld",
	    (long long)e->id));
}

/*
 * POST /admin/enrollments/:id/deactivate and .../activate.
 * Statuses: 303, 404, 503.
 */
int
page_enrollment_deactivate(struct req *r)
{
	return enrollment_set_active(r, 0);
}

int
page_enrollment_activate(struct req *r)
{
	return enrollment_set_active(r, 1);
}

/* The rule form: for a new rule (rule NULL) or to edit one. */
static int
rule_form(struct req *r, const struct enrollment *e,
    const struct sched_rule *rule, int status)
{
	struct tpl_dict	*d, *o;
	char		 today[DATE_LEN];
	int		 i, on;

	d = page_begin(r, "enrollment-rule.tpl", rule ? "Edit Schedule Rule" :
	    "Add Schedule Rule");
	tpl_set_int(d, "ID", (long long)e->id);
	tpl_set(d, "LEARNER", e->learner_name);
	tpl_set(d, "COURSE", e->course_title);
	tpl_set(d, "ZONE", rule ? rule->timezone : r->cfg->timezone);
	if (rule != NULL) {
		o = tpl_section(d, "EDIT");
		tpl_set_int(o, "RULE_ID", (long long)rule->id);
		tpl_set(d, "ACTION", arena_printf(r->a,
		    "/platform/enrollments/%lld/rules/%lld", (long long)e->id,
		    (long long)rule->id));
	} else {
		tpl_show(d, "CREATE");
		tpl_set(d, "ACTION", arena_printf(r->a,
		    "/platform/enrollments/%lld/rules/new", (long long)e->id));
	}
	for (i = 0; i < 7; i++) {
		o = tpl_section(d, "DAY");
		tpl_set(o, "FIELD", days[i].field);
		tpl_set(o, "LABEL", days[i].label);
		if (r->method == M_POST)
			on = P_num(r, days[i].field) != 0;
		else
			on = rule != NULL && (rule->weekdays & (1 << i));
		if (on)
			tpl_show(o, "CHECKED");
	}
	if (r->method == M_POST) {
		form_field(d, P(r, "time"), "TIME_VALUE", "TIME_ERROR");
		form_field(d, P(r, "length"), "LENGTH_VALUE", "LENGTH_ERROR");
		form_field(d, P(r, "start_date"), "START_VALUE", "START_ERROR");
		form_field(d, P(r, "end_date"), "END_VALUE", "END_ERROR");
		form_field(d, P(r, "day_mon"), "DAYS_VALUE", "DAYS_ERROR");
	} else if (rule != NULL) {
		tpl_set(d, "TIME_VALUE", arena_printf(r->a, "%02d:%02d",
		    rule->hour, rule->minute));
		tpl_set_int(d, "LENGTH_VALUE", rule->duration);
		tpl_set(d, "START_VALUE", rule->start_date);
		tpl_set(d, "END_VALUE", rule->end_date ? rule->end_date : "");
	} else {
		school_today(r, today);
		tpl_set_int(d, "LENGTH_VALUE", e->default_length);
		tpl_set(d, "START_VALUE", today);
	}
	return page_send(r, status);
}

/*
 * Check the rule form and fill rule from it; field errors are marked.
 * Returns 1 when valid.
 */
static int
rule_check(struct req *r, struct sched_rule *rule)
{
	const char	*t = P_str(r, "time"), *s, *e;
	int		 i, h, m, k;

	rule->weekdays = 0;
	for (i = 0; i < 7; i++)
		if (P_num(r, days[i].field))
			rule->weekdays |= 1 << i;
	if (rule->weekdays == 0)
		P_fail(r, "day_mon", "Choose at least one day of the week.");
	if (t != NULL) {
		k = -1;
		if (strlen(t) != 5 || sscanf(t, "%2d:%2d%n", &h, &m, &k) != 2 ||
		    k != 5 || t[0] < '0' || t[0] > '9' || t[3] < '0' ||
		    t[3] > '9' || h < 0 || h > 23 || m < 0 || m > 59)
			P_fail(r, "time", "Enter the time as HH:MM, for "
			    "example 14:00.");
		else {
			rule->hour = h;
			rule->minute = m;
		}
	}
	s = P_str(r, "start_date");
	e = P_str(r, "end_date");
	if (s != NULL && e != NULL && P(r, "end_date")->error == NULL &&
	    strcmp(e, s) < 0)
		P_fail(r, "end_date", "The end date must be on or after the "
		    "start date.");
	rule->duration = (int)P_num(r, "length");
	rule->start_date = (char *)s;
	rule->end_date = (char *)e;
	return r->nerrors == 0;
}

/* Fill the schedule now; a failure only leaves it to the next run. */
static int
fill_schedule(struct req *r)
{
	int	 created = 0;

	if (generate_sessions(r->db, r->a, r->cfg, time(NULL), &created) !=
	    DB_OK)
		return -1;
	return created;
}

/*
 * GET /platform/enrollments/:id/rules/new: the "Add Schedule Rule" form.
 * Statuses: 200, 404, 503.
 */
int
page_rule_new(struct req *r)
{
	struct enrollment	*e;

	if ((e = enrollment_load(r, 1)) == NULL)
		return r->status;
	return rule_form(r, e, NULL, 200);
}

/*
 * POST /platform/enrollments/:id/rules/new: add a rule in the school's
 * timezone and generate its sessions.
 * Statuses: 303, 404, 422, 503.
 */
int
page_rule_create(struct req *r)
{
	struct enrollment	*e;
	struct sched_rule	 rule;
	int64_t			 id;
	int			 n;

	if ((e = enrollment_load(r, 1)) == NULL)
		return r->status;
	memset(&rule, 0, sizeof(rule));
	if (!rule_check(r, &rule))
		return rule_form(r, e, NULL, 422);
	rule.enrollment_id = e->id;
	rule.timezone = r->cfg->timezone;
	if (db_rule_create(r->db, &rule, &id) != DB_OK)
		return send_db_error(r);
	n = fill_schedule(r);
	flash_set(r, n < 0 ? "Added the schedule rule; its sessions will be "
	    "scheduled shortly." : arena_printf(r->a, "Added the schedule "
	    "rule; %d session%s scheduled.", n, n == 1 ? "" : "s"));
	return send_redirect(r, arena_printf(r->a, "/platform/enrollments/%lld",
	    (long long)e->id));
}

/* The rule named by the second path id of enrollment e, or NULL once
 * 404 or 503 was sent. */
static struct sched_rule *
rule_load(struct req *r, const struct enrollment *e)
{
	struct sched_rule	*rule;
	enum db_rc		 rc;

	rc = db_rule_get(r->db, r->a, e->id, r->ids[1], &rule);
	if (!load_found(r, rc, rule, "There is no such schedule rule."))
		return NULL;
	return rule;
}

/*
 * GET /platform/enrollments/:id/rules/:id: the rule's edit form.
 * Statuses: 200, 404, 503.
 */
int
page_rule_edit(struct req *r)
{
	struct enrollment	*e;
	struct sched_rule	*rule;

	if ((e = enrollment_load(r, 1)) == NULL ||
	    (rule = rule_load(r, e)) == NULL)
		return r->status;
	return rule_form(r, e, rule, 200);
}

/*
 * POST /platform/enrollments/:id/rules/:id: save the rule; its future
 * scheduled sessions not changed by hand follow it.
 * Statuses: 303, 404, 422, 503.
 */
int
page_rule_save(struct req *r)
{
	struct enrollment	*e;
	struct sched_rule	*rule, upd;
	char			 now[DBTIME_LEN];
	int			 n;

	if ((e = enrollment_load(r, 1)) == NULL ||
	    (rule = rule_load(r, e)) == NULL)
		return r->status;
	upd = *rule;
	if (!rule_check(r, &upd))
		return rule_form(r, e, rule, 422);
	now_text(now);
	if (db_rule_update(r->db, r->a, &upd, now) != DB_OK)
		return send_db_error(r);
	n = fill_schedule(r);
	flash_set(r, n < 0 ? "Saved the schedule rule." : arena_printf(r->a,
	    "Saved the schedule rule; %d new session%s scheduled.", n,
	    n == 1 ? "" : "s"));
	return send_redirect(r, arena_printf(r->a, "/platform/enrollments/%lld",
	    (long long)e->id));
}

/*
 * POST /platform/enrollments/:id/rules/:id/delete: delete the rule and
 * its future scheduled sessions not changed by hand.
 * Statuses: 303, 404, 503.
 */
int
page_rule_delete(struct req *r)
{
	struct enrollment	*e;
	struct sched_rule	*rule;
	char			 now[DBTIME_LEN];

	if ((e = enrollment_load(r, 1)) == NULL ||
	    (rule = rule_load(r, e)) == NULL)
		return r->status;
	now_text(now);
	if (db_rule_delete(r->db, rule->id, now) != DB_OK)
		return send_db_error(r);
	flash_set(r, "Deleted the schedule rule and its future sessions.");
	return send_redirect(r, arena_printf(r->a, "/platform/enrollments/%lld",
	    (long long)e->id));
}

/*
 * The group named by the first path id when this user manages it (its
 * teacher, or an administrator), else NULL once 404 or 503 was sent.
 */
static struct student_group *
group_load(struct req *r)
{
	static const char	 missing[] = "There is no such group.";
	struct student_group	*g;
	enum db_rc		 rc;

	rc = db_group_get(r->db, r->a, r->ids[0], &g);
	if (!load_found(r, rc, g, missing))
		return NULL;
	if (is_admin(r) || g->teacher_id == r->user->id)
		return g;
	load_refuse(r, missing);
	return NULL;
}

/* The group list with its create form. */
static int
groups_page(struct req *r, int status)
{
	struct tpl_dict		*d, *row;
	struct student_group	*list;
	struct pick		*teachers;
	size_t			 n, i, nt;
	int64_t			 after = P_num(r, "after_id");

	if (db_groups_list(r->db, r->a, is_admin(r) ? 0 : r->user->id,
	    P_str(r, "after_text"), after, &list, &n) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "enrollment-groups.tpl", "Groups");
	for (i = 0; i < n && i < ENROLLMENT_PAGE; i++) {
		row = tpl_section(d, "GROUP");
		tpl_set_int(row, "ID", (long long)list[i].id);
		tpl_set(row, "NAME", list[i].name);
		tpl_set(row, "TEACHER", list[i].teacher_name);
		tpl_set_int(row, "MEMBERS", list[i].members);
		if (list[i].archived)
			tpl_show(row, "ARCHIVED");
	}
	if (n == 0)
		tpl_show(d, "NO_GROUPS");
	pager_links(r, d, "/platform/groups", NULL, n > ENROLLMENT_PAGE,
	    n > ENROLLMENT_PAGE ? list[ENROLLMENT_PAGE - 1].name : NULL,
	    n > ENROLLMENT_PAGE ? list[ENROLLMENT_PAGE - 1].id : 0);
	if (is_admin(r)) {
		if (db_enrollment_teachers(r->db, r->a, &teachers, &nt) !=
		    DB_OK)
			return send_db_error(r);
		row = tpl_section(d, "PICK_TEACHER");
		pick_options(row, "TEACHER_OPT", teachers, nt,
		    r->method == M_POST ? P_num(r, "teacher") : 0);
		if (r->method == M_POST)
			form_field(row, P(r, "teacher"), "TEACHER_VALUE",
			    "TEACHER_ERROR");
	}
	if (r->method == M_POST)
		form_field(d, P(r, "name"), "NAME_VALUE", "NAME_ERROR");
	return page_send(r, status);
}

/*
 * GET /platform/groups: the groups of this teacher (all for an
 * administrator) by name, in keyset pages, and the create form.
 * Statuses: 200, 503.
 */
int
page_groups(struct req *r)
{
	return groups_page(r, 200);
}

/*
 * POST /platform/groups: create a group; the name is unique per
 * teacher.  An administrator names the teacher.
 * Statuses: 303, 422, 503.
 */
int
page_group_create(struct req *r)
{
	int64_t		 teacher, id;
	int		 ok;
	enum db_rc	 rc;

	teacher = is_admin(r) ? P_num(r, "teacher") : r->user->id;
	if (is_admin(r) && P(r, "teacher")->error == NULL) {
		if (teacher <= 0)
			P_fail(r, "teacher", "Choose a teacher.");
		else if (db_enrollment_user_ok(r->db, r->a, teacher, "teacher",
		    &ok) != DB_OK)
			return send_db_error(r);
		else if (!ok)
			P_fail(r, "teacher", "Choose an active teacher.");
	}
	if (r->nerrors > 0)
		return groups_page(r, 422);
	rc = db_group_create(r->db, teacher, P_str(r, "name"), &id);
	if (rc == DB_DUPLICATE) {
		P_fail(r, "name", "This teacher already has a group of that "
		    "name.");
		return groups_page(r, 422);
	}
	if (rc != DB_OK)
		return send_db_error(r);
	flash_set(r, "Created the group. Add its members below.");
	return send_redirect(r, arena_printf(r->a, "/platform/groups/%lld",
	    (long long)id));
}

/* The group page: members, the add form with its search, rename. */
static int
group_page(struct req *r, struct student_group *g, int status,
    const char *member_error)
{
	struct tpl_dict	*d, *row;
	struct pick	*members, *cands;
	size_t		 nm, nc, i;
	const char	*q = r->method == M_GET ? P_str(r, "q") : NULL;

	if (db_group_members(r->db, r->a, g->id, &members, &nm) != DB_OK ||
	    db_group_candidates(r->db, r->a, g->teacher_id, q, &cands,
	    &nc) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "enrollment-group.tpl", g->name);
	tpl_set_int(d, "ID", (long long)g->id);
	tpl_set(d, "NAME", g->name);
	tpl_set(d, "TEACHER", g->teacher_name);
	tpl_show(d, g->archived ? "IS_ARCHIVED" : "IS_OPEN");
	for (i = 0; i < nm; i++) {
		row = tpl_section(d, "MEMBER");
		tpl_set_int(row, "MEMBER_ID", (long long)members[i].id);
		tpl_set(row, "MEMBER_NAME", members[i].label);
		tpl_set(row, "MEMBER_EMAIL", members[i].extra);
	}
	if (nm == 0)
		tpl_show(d, "NO_MEMBERS");
	pick_options(d, "CANDIDATE_OPT", cands, nc, 0);
	if (nc == 0)
		tpl_show(d, "NO_CANDIDATES");
	if (r->method == M_GET) {
		form_field(d, P(r, "q"), "Q", "Q_ERROR");
		tpl_set(d, "NAME_VALUE", g->name);
	} else if (P_declared(r, "name"))
		form_field(d, P(r, "name"), "NAME_VALUE", "NAME_ERROR");
	else
		tpl_set(d, "NAME_VALUE", g->name);
	if (member_error != NULL)
		form_error(d, "MEMBER_ERROR", member_error);
	return page_send(r, status);
}

/*
 * GET /platform/groups/:id: the group, its members and learners to add
 * (those enrolled with its teacher; q narrows them).
 * Statuses: 200, 404, 422, 503.
 */
int
page_group_view(struct req *r)
{
	struct student_group	*g;

	if ((g = group_load(r)) == NULL)
		return r->status;
	return group_page(r, g, r->nerrors > 0 ? 422 : 200, NULL);
}

/*
 * POST /platform/groups/:id: rename.
 * Statuses: 303, 404, 422, 503.
 */
int
page_group_rename(struct req *r)
{
	struct student_group	*g;
	enum db_rc		 rc;

	if ((g = group_load(r)) == NULL)
		return r->status;
	if (r->nerrors > 0 && P(r, "name")->error != NULL)
		return group_page(r, g, 422, NULL);
	rc = db_group_rename(r->db, g->id, P_str(r, "name"));
	if (rc == DB_DUPLICATE) {
		P_fail(r, "name", "This teacher already has a group of that "
		    "name.");
		return group_page(r, g, 422, NULL);
	}
	if (rc != DB_OK)
		return send_db_error(r);
	flash_set(r, "Renamed the group.");
	return send_redirect(r, arena_printf(r->a, "/platform/groups/%lld",
	    (long long)g->id));
}

/*
 * POST /platform/groups/:id/archive: archive (restore=1: restore).
 * Statuses: 303, 404, 503.
 */
int
page_group_archive(struct req *r)
{
	struct student_group	*g;
	int			 restore = P_num(r, "restore") != 0;

	if ((g = group_load(r)) == NULL)
		return r->status;
	if (db_group_set_archived(r->db, g->id, !restore) != DB_OK)
		return send_db_error(r);
	flash_set(r, restore ? "Restored the group." : "Archived the group.");
	return send_redirect(r, arena_printf(r->a, "/platform/groups/%lld",
	    (long long)g->id));
}

/*
 * POST /platform/groups/:id/members: add a learner enrolled with the
 * group's teacher.
 * Statuses: 303, 404, 422, 503.
 */
int
page_group_member_add(struct req *r)
{
	struct student_group	*g;
	int			 ok = 0;

	if ((g = group_load(r)) == NULL)
		return r->status;
	if (r->nerrors == 0 && db_group_can_add(r->db, r->a, g->teacher_id,
	    P_num(r, "learner"), &ok) != DB_OK)
		return send_db_error(r);
	if (!ok)
		return group_page(r, g, 422, "Choose an active learner "
		    "enrolled with this group's teacher.");
	if (db_group_add(r->db, g->id, P_num(r, "learner")) != DB_OK)
		return send_db_error(r);
	flash_set(r, "Added the learner to the group.");
	return send_redirect(r, arena_printf(r->a, "/platform/groups/%lld",
	    (long long)g->id));
}

/*
 * POST /platform/groups/:id/members/:id/remove.
 * Statuses: 303, 404, 503.
 */
int
page_group_member_remove(struct req *r)
{
	struct student_group	*g;

	if ((g = group_load(r)) == NULL)
		return r->status;
	if (db_group_remove(r->db, g->id, r->ids[1]) != DB_OK)
		return send_db_error(r);
	flash_set(r, "Removed the learner from the group.");
	return send_redirect(r, arena_printf(r->a, "/platform/groups/%lld",
	    (long long)g->id));
}
