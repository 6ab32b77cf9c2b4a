/*
 * training.c: what the training pages share: the session a path names
 * (the loader), the choices of the session form, and the form page
 * itself: the create form, or a session's edit page with its courses,
 * course coaches and learners.  The handlers of page-training.c and
 * page-learners.c show the edit page again, with a message next to the
 * section whose form failed.
 */
#include <stdlib.h>
#include <string.h>

#include "core/db.h"
#include "core/handler.h"
#include "core/model.h"
#include "core/layout.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "lib/dates.h"
#include "lib/escape.h"
#include "lib/util.h"
#include "training/training.h"

#define LEARNER_PAGE	50
#define SEARCH_PAGE	20

static const struct {
	const char	*value;
	const char	*label;
} visibilities[] = {
	{ "listed", "Listed" },
	{ "hidden", "Hidden" },
	{ "readonly_after_end", "Read-only after end" },
};

/*
 * 1 when the coach window covers the learner access window: starts no
 * later and ends no earlier, an empty date being open.  Pure.
 */
static int
coach_covers(const struct training_session *s)
{
	int	 start_ok, end_ok;

	start_ok = empty(s->coach_start) || (!empty(s->access_start) &&
	    strcmp(s->coach_start, s->access_start) <= 0);
	end_ok = empty(s->coach_end) || (!empty(s->access_end) &&
	    strcmp(s->coach_end, s->access_end) >= 0);
	return start_ok && end_ok;
}

/* The options of a select as section repetitions (see training.h). */
void
training_option_list(struct tpl_dict *d, const char *section,
    const struct option *o, size_t n, int64_t selected, int active_only)
{
	struct tpl_dict	*s;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (active_only && o[i].flag && o[i].id != selected)
			continue;
		s = tpl_section(d, section);
		tpl_set_int(s, "VALUE", (long long)o[i].id);
		tpl_set(s, "LABEL", o[i].label);
		if (o[i].flag)
			tpl_show(s, "INACTIVE");
		if (o[i].extra != NULL)
			tpl_set(s, "EXTRA", o[i].extra);
		if (o[i].id == selected)
			tpl_show(s, "SELECTED");
	}
}

/* The option with this id, or NULL. */
const struct option *
training_option_find(const struct option *o, size_t n, int64_t id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (o[i].id == id)
			return &o[i];
	return NULL;
}

/*
 * The session of the first path id, or NULL once 404 or 503 is sent.
 * Allocates in the request's arena.
 */
struct training_session *
training_load(struct req *r)
{
	struct training_session	*s;
	enum db_rc		 rc;

	rc = db_training_get(r->db, r->a, r->ids[0], &s);
	if (!load_found(r, rc, s, "There is no such session."))
		return NULL;
	return s;
}

/* Load the teachers and categories offered, keeping s's current ones;
 * 1, or 0 on database failure. */
int
training_choices(struct req *r, const struct training_session *s,
    struct training_choices *c)
{
	return db_teacher_options(r->db, r->a, s ? s->coach_id : 0,
	    &c->teachers, &c->nteachers) == DB_OK &&
	    db_category_options(r->db, r->a, s ? s->category_id : 0, 0,
	    &c->cats, &c->ncats) == DB_OK;
}

/* Fill the form fields from the session (fresh) or from the POST. */
static void
form_values(struct req *r, struct tpl_dict *d, const struct training_session *s,
    const struct training_choices *c)
{
	static const char *const dates[] = {
		"display_start", "display_end", "access_start", "access_end",
		"coach_start", "coach_end"
	};
	static const char *const vars[] = {
		"DISPLAY_START_VALUE", "DISPLAY_END_VALUE",
		"ACCESS_START_VALUE", "ACCESS_END_VALUE",
		"COACH_START_VALUE", "COACH_END_VALUE"
	};
	static const char *const errs[] = {
		"DISPLAY_START_ERROR", "DISPLAY_END_ERROR",
		"ACCESS_START_ERROR", "ACCESS_END_ERROR",
		"COACH_START_ERROR", "COACH_END_ERROR"
	};
	struct tpl_dict	*o;
	const char	*vis, *raw;
	int64_t		 coach, cat;
	size_t		 i;
	int		 posted = r->method == M_POST && P(r, "name") != NULL;

	if (posted) {
		form_field(d, P(r, "name"), "NAME_VALUE", "NAME_ERROR");
		form_field(d, P(r, "description"), "DESCRIPTION_VALUE",
		    "DESCRIPTION_ERROR");
		for (i = 0; i < 6; i++)
			form_field(d, P(r, dates[i]), vars[i], errs[i]);
		form_field(d, P(r, "coach"), NULL, "COACH_ERROR");
		form_field(d, P(r, "category"), NULL, "CATEGORY_ERROR");
		form_field(d, P(r, "visibility"), NULL, "VISIBILITY_ERROR");
		raw = P(r, "coach")->raw;
		coach = raw ? strtoll(raw, NULL, 10) : 0;
		raw = P(r, "category")->raw;
		cat = raw ? strtoll(raw, NULL, 10) : 0;
		vis = P(r, "visibility")->raw;
	} else {
		const char *v[6] = { NULL };

		if (s != NULL) {
			v[0] = s->display_start;
			v[1] = s->display_end;
			v[2] = s->access_start;
			v[3] = s->access_end;
			v[4] = s->coach_start;
			v[5] = s->coach_end;
		}
		tpl_set(d, "NAME_VALUE", s ? s->name : "");
		tpl_set(d, "DESCRIPTION_VALUE", s && s->description ?
		    s->description : "");
		for (i = 0; i < 6; i++)
			tpl_set(d, vars[i], v[i] ? v[i] : "");
		coach = s ? s->coach_id : 0;
		cat = s ? s->category_id : 0;
		vis = s ? s->visibility : "listed";
	}
	training_option_list(d, "COACH_OPT", c->teachers, c->nteachers, coach,
	    0);
	training_option_list(d, "CATEGORY_OPT", c->cats, c->ncats, cat, 0);
	for (i = 0; i < sizeof(visibilities) / sizeof(visibilities[0]); i++) {
		o = tpl_section(d, "VISIBILITY_OPT");
		tpl_set(o, "VALUE", visibilities[i].value);
		tpl_set(o, "LABEL", visibilities[i].label);
		if (vis != NULL && strcmp(vis, visibilities[i].value) == 0)
			tpl_show(o, "SELECTED");
	}
}

/* The edit page's Courses section. */
static void
courses_section(struct tpl_dict *e, const struct training_choices *c,
    const struct training_course *sc, size_t nsc, const struct option *avail,
    size_t navail, const char *error)
{
	struct tpl_dict	*row, *o;
	size_t		 i;

	for (i = 0; i < nsc; i++) {
		row = tpl_section(e, "COURSE");
		tpl_set_int(row, "COURSE_ID", (long long)sc[i].course_id);
		tpl_set(row, "TITLE", sc[i].title);
		tpl_set(row, "CODE", sc[i].code);
		tpl_set(row, "COACH_NAME", sc[i].coach_name ?
		    sc[i].coach_name : "None");
		tpl_set_int(row, "LESSONS", sc[i].lessons);
		if (sc[i].archived)
			tpl_show(row, "ARCHIVED");
		training_option_list(row, "CC_OPT", c->teachers, c->nteachers,
		    sc[i].coach_id, 1);
		/* A coach no longer offered still shows as chosen. */
		if (sc[i].coach_id > 0 && training_option_find(c->teachers,
		    c->nteachers, sc[i].coach_id) == NULL) {
			o = tpl_section(row, "CC_OPT");
			tpl_set_int(o, "VALUE", (long long)sc[i].coach_id);
			tpl_set(o, "LABEL", sc[i].coach_name ?
			    sc[i].coach_name : "");
			tpl_show(o, "SELECTED");
		}
	}
	if (nsc == 0)
		tpl_show(e, "NO_COURSES");
	if (error != NULL)
		form_error(e, "COURSE_ERROR", error);
	if (navail > 0) {
		row = tpl_section(e, "CAN_ADD_COURSE");
		training_option_list(row, "COURSE_OPT", avail, navail, 0, 0);
		training_option_list(row, "TEACHER_OPT", c->teachers,
		    c->nteachers, 0, 1);
	} else
		tpl_show(e, "NO_MORE_COURSES");
}

/* The edit page address of s.  Allocates in the request's arena. */
char *
training_url(struct req *r, const struct training_session *s)
{
	return arena_printf(r->a, "/admin/sessions/%lld", (long long)s->id);
}

/* The edit page's Learners section: search, classes, the list. */
static int
learners_section(struct req *r, struct tpl_dict *e,
    const struct training_session *s, const struct training_msgs *m)
{
	struct training_learner	*l, *found;
	struct option		*classes;
	struct tpl_dict		*row, *sec;
	const char		*lq = P_str(r, "lq");
	size_t			 n, nfound, nclasses, i, shown;
	int			 more;

	if (db_class_options(r->db, r->a, &classes, &nclasses) != DB_OK ||
	    db_learners_page(r->db, r->a, s->id, P_str(r, "after_text"),
	    (int64_t)P_num(r, "after_id"), LEARNER_PAGE + 1, &l, &n) != DB_OK)
		return 0;
	tpl_set(e, "LQ", lq ? lq : "");
	if (m != NULL && m->learner_error != NULL)
		form_error(e, "LEARNER_ERROR", m->learner_error);
	if (m != NULL && m->class_error != NULL)
		form_error(e, "CLASS_ERROR", m->class_error);
	if (!empty(lq)) {
		if (db_learners_search(r->db, r->a, s->id, lq,
		    P_str(r, "lq_after_name"), (int64_t)P_num(r, "lq_after_id"),
		    SEARCH_PAGE + 1, &found, &nfound) != DB_OK)
			return 0;
		sec = tpl_section(e, "SEARCH");
		shown = nfound > SEARCH_PAGE ? SEARCH_PAGE : nfound;
		for (i = 0; i < shown; i++) {
			row = tpl_section(sec, "FOUND");
			tpl_set_int(row, "USER_ID",
			    (long long)found[i].user_id);
			tpl_set(row, "NAME", found[i].name);
			tpl_set(row, "EMAIL", found[i].email);
			tpl_show(row, found[i].enrolled ? "IS_ENROLLED" :
			    "CAN_ADD");
		}
		if (shown == 0)
			tpl_show(sec, "NO_FOUND");
		if (nfound > SEARCH_PAGE)
			tpl_set(tpl_section(sec, "FOUND_NEXT"), "URL",
			    arena_printf(r->a, "%s?lq=%s&lq_after_name=%s&"
			    "lq_after_id=%lld", training_url(r, s),
			    url_encode(r->a, lq), url_encode(r->a,
			    found[shown - 1].name),
			    (long long)found[shown - 1].user_id));
	}
	for (i = 0; i < nclasses; i++) {
		classes[i].extra = arena_printf(r->a, "%d", classes[i].flag);
		classes[i].flag = 0;
	}
	if (nclasses > 0)
		training_option_list(tpl_section(e, "HAS_CLASSES"), "CLASS_OPT",
		    classes, nclasses, 0, 0);
	else
		tpl_show(e, "NO_CLASSES");

	shown = n > LEARNER_PAGE ? LEARNER_PAGE : n;
	for (i = 0; i < shown; i++) {
		row = tpl_section(e, "LEARNER");
		tpl_set_int(row, "USER_ID", (long long)l[i].user_id);
		tpl_set(row, "NAME", l[i].name);
		tpl_set(row, "EMAIL", l[i].email);
		tpl_set(row, "SOURCE", strcmp(l[i].source, "class") == 0 &&
		    l[i].class_name ? arena_printf(r->a, "Class %s",
		    l[i].class_name) : strcmp(l[i].source, "csv") == 0 ?
		    "CSV import" : strcmp(l[i].source, "class") == 0 ?
		    "Class" : "Individual");
		tpl_set(row, "ENROLLED_AT", show_time(r, l[i].enrolled_at));
	}
	if (shown == 0 && P_num(r, "after_id") == 0)
		tpl_show(e, "NO_LEARNERS");
	more = n > LEARNER_PAGE;
	pager_links(r, e, training_url(r, s), NULL, more,
	    more ? l[shown - 1].name : NULL, more ? l[shown - 1].user_id : 0);
	return 1;
}

/*
 * The session form page with the given status.  s NULL: the create
 * form.  Else s's edit page: the form, its courses and coaches, its
 * learners and the learner search; m (may be NULL) puts a message next
 * to a section's form.  Either form is fresh, or the POST with its
 * errors.  c: the choices when the caller has them, else NULL.  Returns
 * the status sent.  A constant number of queries.
 */
int
training_form_page(struct req *r, const struct training_session *s,
    const struct training_choices *c, int status,
    const struct training_msgs *m)
{
	struct training_choices	 own;
	struct training_course	*sc;
	struct option		*avail;
	struct tpl_dict		*d, *e;
	char			 today[DATE_LEN];
	size_t			 nsc, navail;

	if (c == NULL) {
		if (!training_choices(r, s, &own))
			return send_db_error(r);
		c = &own;
	}
	if (s == NULL) {
		d = page_begin(r, "training-form.tpl", "Create a session");
		tpl_show(d, "CREATE");
		tpl_set(d, "ACTION", "/admin/sessions/new");
		form_values(r, d, NULL, c);
		return page_send(r, status);
	}
	if (db_training_courses(r->db, r->a, s->id, &sc, &nsc) != DB_OK ||
	    db_course_options(r->db, r->a, s->id, &avail, &navail) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "training-form.tpl", s->name);
	e = tpl_section(d, "EDIT");
	tpl_set_int(d, "SESSION_ID", (long long)s->id);
	tpl_set(d, "SESSION_NAME", s->name);
	tpl_set(d, "ACTION", training_url(r, s));
	school_today(r, today);
	tpl_set(e, "STATUS", sess_status_label(session_status(s->access_start,
	    s->access_end, today)));
	tpl_set_int(e, "COURSE_COUNT", s->course_count);
	tpl_set_int(e, "LEARNER_COUNT", s->learner_count);
	if (!coach_covers(s))
		tpl_show(e, "COVERAGE_WARNING");
	form_values(r, d, s, c);
	courses_section(e, c, sc, nsc, avail, navail,
	    m ? m->course_error : NULL);
	if (!learners_section(r, e, s, m))
		return send_db_error(r);
	return page_send(r, status);
}
