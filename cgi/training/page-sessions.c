/*
 * page-sessions.c: the administrator's training session pages: the
 * session list (search, filters, sorting, keyset pages), creating and
 * editing a session, its courses and course coaches, the tracking page
 * and the export of its learners.  The enrollment pages are in
 * page-enroll.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/auth.h"
#include "core/config.h"
#include "lib/csvfile.h"
#include "core/db.h"
#include "lib/escape.h"
#include "lib/dates.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/routes.h"
#include "training/training.h"
#include "core/tpl.h"
#include "lib/util.h"
#include "lib/valid.h"

#define LEARNER_PAGE	50
#define SEARCH_PAGE	20
#define TRACK_PAGE	50
#define OPEN_START	"1000-01-01"	/* sort_start of an open start */
#define OPEN_END	"9999-12-31"	/* sort_end of an open end */

static const char *const sort_names[] = { "name", "start", "end" };
static const char *const filters[] = { "q", "category", "status", "from",
    "to" };

static const struct {
	const char	*value;
	const char	*label;
} visibilities[] = {
	{ "listed", "Listed" },
	{ "hidden", "Hidden" },
	{ "readonly_after_end", "Read-only after end" },
};

/* The date pairs of the form: field names and the message of each. */
static const struct {
	const char	*start, *end;
	const char	*message;
} date_pairs[] = {
	{ "display_start", "display_end",
	    "The display end must be on or after the display start." },
	{ "access_start", "access_end",
	    "The access end must be on or after the access start." },
	{ "coach_start", "coach_end",
	    "The coach access end must be on or after the coach access "
	    "start." },
};

/* A date for a list, or "open" for an open end. */
static const char *
date_or_open(const char *d)
{
	return empty(d) ? "open" : d;
}

/*
 * 1 when the coach window covers the learner access window: starts no
 * later and ends no earlier, an empty date being open.  Pure.
 */
static int
coach_covers(const struct lms_session *s)
{
	int	 start_ok, end_ok;

	start_ok = empty(s->coach_start) || (!empty(s->access_start) &&
	    strcmp(s->coach_start, s->access_start) <= 0);
	end_ok = empty(s->coach_end) || (!empty(s->access_end) &&
	    strcmp(s->coach_end, s->access_end) >= 0);
	return start_ok && end_ok;
}

/* Add one repetition of section per option, with VALUE, LABEL, SELECTED. */
static void
option_list(struct tpl_dict *d, const char *section, const struct option *o,
    size_t n, int64_t selected, int active_only)
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
static const struct option *
option_find(const struct option *o, size_t n, int64_t id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (o[i].id == id)
			return &o[i];
	return NULL;
}

/*
 * The session of the first path id, or NULL after sending 404 or 503
 * (the status in *status).  Allocates in the request arena.
 */
struct lms_session *
session_from_path(struct req *r, int *status)
{
	struct lms_session	*s;

	*status = 0;
	if (db_session_get(r->db, r->a, r->ids[0], &s) != DB_OK) {
		*status = send_db_error(r);
		return NULL;
	}
	if (s == NULL)
		*status = send_error(r, 404, "There is no such session.");
	return s;
}

/* ------------------------------------------------------------------ */
/* The session list                                                    */

/* The list's state from its parameters, for links. */
struct list_state {
	const char	*q, *status, *from, *to;
	int64_t		 category;
	enum sess_sort	 sort;
	int		 desc;
};

/* The list address for st, with sort and dir as given, on page one. */
static char *
list_url(struct req *r, const struct list_state *st, enum sess_sort sort,
    int desc)
{
	struct buf	 b;
	char		*p;

	buf_init(&b);
	buf_printf(&b, "/admin/sessions?sort=%s&dir=%s", sort_names[sort],
	    desc ? "desc" : "asc");
	if (!empty(st->q))
		buf_printf(&b, "&q=%s", url_encode(r->a, st->q));
	if (st->category > 0)
		buf_printf(&b, "&category=%lld", (long long)st->category);
	if (!empty(st->status))
		buf_printf(&b, "&status=%s", st->status);
	if (!empty(st->from))
		buf_printf(&b, "&from=%s", st->from);
	if (!empty(st->to))
		buf_printf(&b, "&to=%s", st->to);
	p = arena_strdup(r->a, b.data);
	buf_free(&b);
	return p;
}

/* Header links: each column sorts ascending, or flips when it is on. */
static void
sort_headers(struct req *r, struct tpl_dict *d, const struct list_state *st)
{
	static const char *const urls[] = {
		"SORT_NAME_URL", "SORT_START_URL", "SORT_END_URL"
	};
	static const char *const marks[] = {
		"SORTED_NAME", "SORTED_START", "SORTED_END"
	};
	struct tpl_dict	*m;
	int		 i, on;

	for (i = 0; i < 3; i++) {
		on = st->sort == (enum sess_sort)i;
		tpl_set(d, urls[i], list_url(r, st, (enum sess_sort)i,
		    on && !st->desc));
		if (on) {
			m = tpl_section(d, marks[i]);
			tpl_set(m, "ARIA_SORT", st->desc ? "descending" :
			    "ascending");
			tpl_set(m, "ARROW", st->desc ? "▼" : "▲");
		}
	}
}

/*
 * GET /admin/sessions: the sessions, 50 a page, searched by name,
 * filtered by category, status and dates, sorted by name or access
 * dates.  Two queries whatever the page.
 * Statuses: 200, 400 (bad sort or position), 422 (bad filter), 503.
 */
int
page_sessions(struct req *r)
{
	struct session_filter	 f;
	struct list_state	 st;
	struct lms_session	*list = NULL, *last;
	struct option		*cats;
	struct tpl_dict		*d, *row, *s;
	const struct pval	*pv;
	const char		*after = P_str(r, "after");
	char			 today[DATE_LEN];
	size_t			 n = 0, ncats, i, shown;
	int			 bad = 0;

	pv = P(r, "sort");
	if (pv->error == NULL && (pv = P(r, "dir"))->error == NULL &&
	    (pv = P(r, "after"))->error == NULL)
		pv = P(r, "after_id");
	if (pv->error != NULL)
		return send_error(r, 400, pv->error);
	memset(&st, 0, sizeof(st));
	st.sort = (enum sess_sort)P_num(r, "sort");
	st.desc = P_num(r, "dir") == 1;
	/* Open dates sort as the generated columns' far dates. */
	if (after != NULL && st.sort != SORT_NAME && !valid_date(after,
	    NULL, NULL, NULL) && strcmp(after, OPEN_START) != 0 &&
	    strcmp(after, OPEN_END) != 0)
		return send_error(r, 400, "The page position is not valid.");
	for (i = 0; i < sizeof(filters) / sizeof(filters[0]); i++)
		if (P(r, filters[i])->error != NULL)
			bad = 1;
	st.q = P_str(r, "q");
	st.category = (int64_t)P_num(r, "category");
	st.status = P_str(r, "status");
	st.from = P_str(r, "from");
	st.to = P_str(r, "to");
	if (!empty(st.from) && !empty(st.to) && strcmp(st.from, st.to) > 0) {
		P_fail(r, "to", "The end of the date range must be on or "
		    "after its start.");
		bad = 1;
	}

	school_today(r, today);
	memset(&f, 0, sizeof(f));
	f.search = st.q;
	f.category_id = st.category;
	f.status = st.status;
	f.today = today;
	f.from = st.from;
	f.to = st.to;
	if (db_category_options(r->db, r->a, st.category, 1, &cats, &ncats) !=
	    DB_OK)
		return send_db_error(r);
	if (!bad && db_session_list(r->db, r->a, &f, st.sort, st.desc, after,
	    (int64_t)P_num(r, "after_id"), &list, &n) != DB_OK)
		return send_db_error(r);

	d = page_begin(r, "session-list.tpl", "Sessions");
	tpl_set(d, "Q", st.q ? st.q : "");
	tpl_set(d, "FROM", st.from ? st.from : "");
	tpl_set(d, "TO", st.to ? st.to : "");
	tpl_set(d, "SORT", sort_names[st.sort]);
	tpl_set(d, "DIR", st.desc ? "desc" : "asc");
	tpl_set(d, "TODAY", today);
	form_field(d, P(r, "q"), NULL, "Q_ERROR");
	form_field(d, P(r, "category"), NULL, "CATEGORY_ERROR");
	form_field(d, P(r, "status"), NULL, "STATUS_ERROR");
	form_field(d, P(r, "from"), "FROM", "FROM_ERROR");
	form_field(d, P(r, "to"), "TO", "TO_ERROR");
	option_list(d, "CATEGORY_OPT", cats, ncats, st.category, 0);
	for (i = 0; i < 3; i++) {
		static const char *const values[] = { "active", "upcoming",
		    "past" };

		s = tpl_section(d, "STATUS_OPT");
		tpl_set(s, "VALUE", values[i]);
		tpl_set(s, "LABEL", sess_status_label(i == 0 ? SESS_ACTIVE :
		    i == 1 ? SESS_UPCOMING : SESS_PAST));
		if (st.status != NULL && strcmp(st.status, values[i]) == 0)
			tpl_show(s, "SELECTED");
	}
	sort_headers(r, d, &st);

	shown = n > SESSION_PAGE ? SESSION_PAGE : n;
	for (i = 0; i < shown; i++) {
		row = tpl_section(d, "SESSION");
		tpl_set_int(row, "ID", (long long)list[i].id);
		tpl_set(row, "NAME", list[i].name);
		tpl_set(row, "START", date_or_open(list[i].access_start));
		tpl_set(row, "END", date_or_open(list[i].access_end));
		tpl_set(row, "CATEGORY", list[i].category_name ?
		    list[i].category_name : "");
		tpl_set_int(row, "COURSES", list[i].course_count);
		tpl_set_int(row, "LEARNERS", list[i].learner_count);
		tpl_set(row, "STATUS", sess_status_label(session_status(
		    list[i].access_start, list[i].access_end, today)));
	}
	if (bad)
		tpl_show(d, "BAD_FILTER");
	else if (shown == 0)
		tpl_show(d, P_num(r, "after_id") > 0 || !empty(st.q) ||
		    st.category > 0 || st.status || st.from || st.to ?
		    "NO_MATCH" : "NO_SESSIONS");
	if (n > SESSION_PAGE) {
		last = &list[shown - 1];
		s = tpl_section(d, "NEXT");
		tpl_set(s, "URL", arena_printf(r->a,
		    "%s&after=%s&after_id=%lld",
		    list_url(r, &st, st.sort, st.desc), url_encode(r->a,
		    st.sort == SORT_NAME ? last->name : st.sort == SORT_START ?
		    last->sort_start : last->sort_end), (long long)last->id));
	}
	if (P_num(r, "after_id") > 0)
		tpl_set(tpl_section(d, "FIRST_PAGE"), "URL",
		    list_url(r, &st, st.sort, st.desc));
	return page_send(r, bad ? 422 : 200);
}

/* ------------------------------------------------------------------ */
/* Create and edit                                                     */

/* The selects of the session form. */
struct choices {
	struct option	*teachers;
	size_t		 nteachers;
	struct option	*cats;
	size_t		 ncats;
};

/* Load the teachers and categories offered, keeping s's current ones. */
static int
load_choices(struct req *r, const struct lms_session *s, struct choices *c)
{
	return db_teacher_options(r->db, r->a, s ? s->coach_id : 0,
	    &c->teachers, &c->nteachers) == DB_OK &&
	    db_category_options(r->db, r->a, s ? s->category_id : 0, 0,
	    &c->cats, &c->ncats) == DB_OK;
}

/* Fill the form fields from the session (fresh) or from the POST. */
static void
form_values(struct req *r, struct tpl_dict *d, const struct lms_session *s,
    const struct choices *c)
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
	int		 posted = r->method == M_POST && P_declared(r, "name");

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
	option_list(d, "COACH_OPT", c->teachers, c->nteachers, coach, 0);
	option_list(d, "CATEGORY_OPT", c->cats, c->ncats, cat, 0);
	for (i = 0; i < sizeof(visibilities) / sizeof(visibilities[0]); i++) {
		o = tpl_section(d, "VISIBILITY_OPT");
		tpl_set(o, "VALUE", visibilities[i].value);
		tpl_set(o, "LABEL", visibilities[i].label);
		if (vis != NULL && strcmp(vis, visibilities[i].value) == 0)
			tpl_show(o, "SELECTED");
	}
}

/*
 * Check what the parameters cannot: a name of blanks, each end before
 * its start, a coach or category that is not offered.  Marks fields.
 */
static void
form_check(struct req *r, const struct lms_session *s, const struct choices *c)
{
	const struct option	*o;
	const char		*name = P_str(r, "name"), *a, *b;
	int64_t			 id;
	size_t			 i;

	if (name != NULL && blank(name))
		P_fail(r, "name", "Session name is required.");
	for (i = 0; i < sizeof(date_pairs) / sizeof(date_pairs[0]); i++) {
		a = P_str(r, date_pairs[i].start);
		b = P_str(r, date_pairs[i].end);
		if (!empty(a) && !empty(b) && strcmp(b, a) < 0)
			P_fail(r, date_pairs[i].end, date_pairs[i].message);
	}
	if ((id = (int64_t)P_num(r, "coach")) > 0 &&
	    ((o = option_find(c->teachers, c->nteachers, id)) == NULL ||
	    (o->flag && (s == NULL || s->coach_id != id))))
		P_fail(r, "coach", "Choose a session coach from the list.");
	if ((id = (int64_t)P_num(r, "category")) > 0 &&
	    ((o = option_find(c->cats, c->ncats, id)) == NULL ||
	    (o->flag && (s == NULL || s->category_id != id))))
		P_fail(r, "category", "Choose a category from the list.");
}

/* Fill a session from the checked form. */
static void
form_session(struct req *r, struct lms_session *s)
{
	const char	*desc = P_str(r, "description");

	s->name = (char *)P_str(r, "name");
	s->description = empty(desc) ? NULL : (char *)desc;
	s->display_start = (char *)P_str(r, "display_start");
	s->display_end = (char *)P_str(r, "display_end");
	s->access_start = (char *)P_str(r, "access_start");
	s->access_end = (char *)P_str(r, "access_end");
	s->coach_start = (char *)P_str(r, "coach_start");
	s->coach_end = (char *)P_str(r, "coach_end");
	s->coach_id = (int64_t)P_num(r, "coach");
	s->category_id = (int64_t)P_num(r, "category");
	s->visibility = (char *)P_str(r, "visibility");
}

/* The create form, fresh or with the POST's errors. */
static int
create_form(struct req *r, const struct choices *c, int status)
{
	struct tpl_dict	*d = page_begin(r, "session-form.tpl",
	    "Create a session");

	tpl_show(d, "CREATE");
	tpl_set(d, "ACTION", "/admin/sessions/new");
	form_values(r, d, NULL, c);
	return page_send(r, status);
}

/*
 * GET /admin/sessions/new.
 * Statuses: 200, 503.
 */
int
page_session_new(struct req *r)
{
	struct choices	 c;

	if (!load_choices(r, NULL, &c))
		return send_db_error(r);
	return create_form(r, &c, 200);
}

/*
 * POST /admin/sessions/new: create the session, then show its edit
 * page (with the coach dates warning when it applies).
 * Statuses: 303, 422, 503.
 */
int
page_session_create(struct req *r)
{
	struct lms_session	 s;
	struct choices		 c;
	int64_t			 id;

	if (!load_choices(r, NULL, &c))
		return send_db_error(r);
	form_check(r, NULL, &c);
	if (r->nerrors > 0)
		return create_form(r, &c, 422);
	memset(&s, 0, sizeof(s));
	form_session(r, &s);
	if (db_session_create(r->db, &s, &id) != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Created the session %s. Add its "
	    "courses and learners below.", s.name));
	return send_redirect(r, arena_printf(r->a, "/admin/sessions/%lld",
	    (long long)id));
}

/* The edit page's Courses section. */
static void
courses_section(struct tpl_dict *e, const struct choices *c,
    const struct session_course *sc, size_t nsc, const struct option *avail,
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
		option_list(row, "CC_OPT", c->teachers, c->nteachers,
		    sc[i].coach_id, 1);
		/* A coach no longer offered still shows as chosen. */
		if (sc[i].coach_id > 0 && option_find(c->teachers,
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
		option_list(row, "COURSE_OPT", avail, navail, 0, 0);
		option_list(row, "TEACHER_OPT", c->teachers, c->nteachers, 0,
		    1);
	} else
		tpl_show(e, "NO_MORE_COURSES");
}

/* The edit page address with extra query text (may be ""). */
static char *
edit_url(struct req *r, const struct lms_session *s, const char *query)
{
	return arena_printf(r->a, "/admin/sessions/%lld%s%s",
	    (long long)s->id, *query ? "?" : "", query);
}

/* The edit page's Learners section: search, classes, the list. */
static int
learners_section(struct req *r, struct tpl_dict *e, struct lms_session *s,
    const struct edit_msgs *m)
{
	struct session_learner	*l, *found;
	struct option		*classes;
	struct tpl_dict		*row, *sec;
	const char		*lq = P_str_opt(r, "lq");
	size_t			 n, nfound, nclasses, i, shown;

	if (db_class_options(r->db, r->a, &classes, &nclasses) != DB_OK ||
	    db_session_learners(r->db, r->a, s->id, P_str_opt(r, "after_name"),
	    (int64_t)P_num_opt(r, "after_id"), LEARNER_PAGE + 1, &l,
	    &n) != DB_OK)
		return 0;
	tpl_set(e, "LQ", lq ? lq : "");
	if (m != NULL && m->learner_error != NULL)
		form_error(e, "LEARNER_ERROR", m->learner_error);
	if (m != NULL && m->class_error != NULL)
		form_error(e, "CLASS_ERROR", m->class_error);
	if (!empty(lq)) {
		if (db_learner_search(r->db, r->a, s->id, lq,
		    P_str_opt(r, "lq_after_name"),
		    (int64_t)P_num_opt(r, "lq_after_id"),
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
			    edit_url(r, s, arena_printf(r->a, "lq=%s&"
			    "lq_after_name=%s&lq_after_id=%lld",
			    url_encode(r->a, lq), url_encode(r->a,
			    found[shown - 1].name),
			    (long long)found[shown - 1].user_id)));
	}
	for (i = 0; i < nclasses; i++) {
		classes[i].extra = arena_printf(r->a, "%d", classes[i].flag);
		classes[i].flag = 0;
	}
	if (nclasses > 0)
		option_list(tpl_section(e, "HAS_CLASSES"), "CLASS_OPT",
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
	if (shown == 0 && P_num_opt(r, "after_id") == 0)
		tpl_show(e, "NO_LEARNERS");
	if (n > LEARNER_PAGE)
		tpl_set(tpl_section(e, "LEARNERS_NEXT"), "URL", edit_url(r, s,
		    arena_printf(r->a, "after_name=%s&after_id=%lld",
		    url_encode(r->a, l[shown - 1].name),
		    (long long)l[shown - 1].user_id)));
	if (P_num_opt(r, "after_id") > 0)
		tpl_set(tpl_section(e, "LEARNERS_FIRST"), "URL",
		    edit_url(r, s, ""));
	return 1;
}

/*
 * The edit page of s with the given status: the form (fresh, or the
 * POST with its errors), courses, learners and the learner search; m
 * (may be NULL) puts a message next to a section's form.  Returns the
 * status sent.  A constant number of queries.
 */
int
session_edit_page(struct req *r, struct lms_session *s, int status,
    const struct edit_msgs *m)
{
	struct session_course	*sc;
	struct option		*avail;
	struct choices		 c;
	struct tpl_dict		*d, *e;
	char			 today[DATE_LEN];
	size_t			 nsc, navail;

	if (!load_choices(r, s, &c) ||
	    db_session_courses(r->db, r->a, s->id, &sc, &nsc) != DB_OK ||
	    db_course_options(r->db, r->a, s->id, &avail, &navail) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "session-form.tpl", s->name);
	e = tpl_section(d, "EDIT");
	tpl_set_int(d, "SESSION_ID", (long long)s->id);
	tpl_set(d, "SESSION_NAME", s->name);
	tpl_set(d, "ACTION", edit_url(r, s, ""));
	school_today(r, today);
	tpl_set(e, "STATUS", sess_status_label(session_status(s->access_start,
	    s->access_end, today)));
	tpl_set_int(e, "COURSE_COUNT", s->course_count);
	tpl_set_int(e, "LEARNER_COUNT", s->learner_count);
	if (!coach_covers(s))
		tpl_show(e, "COVERAGE_WARNING");
	form_values(r, d, s, &c);
	courses_section(e, &c, sc, nsc, avail, navail,
	    m ? m->course_error : NULL);
	if (!learners_section(r, e, s, m))
		return send_db_error(r);
	return page_send(r, status);
}

/*
 * GET /admin/sessions/:id: the session's form, its courses and coaches,
 * its learners (50 a page) and the learner search.
 * Statuses: 200, 404, 503.
 */
int
page_session_edit(struct req *r)
{
	struct lms_session	*s;
	int			 status;

	if ((s = session_from_path(r, &status)) == NULL)
		return status;
	return session_edit_page(r, s, 200, NULL);
}

/*
 * POST /admin/sessions/:id: save name, description, dates, coach,
 * category and visibility.
 * Statuses: 303, 404, 422, 503.
 */
int
page_session_save(struct req *r)
{
	struct lms_session	*s, upd;
	struct choices		 c;
	int			 status;

	if ((s = session_from_path(r, &status)) == NULL)
		return status;
	if (!load_choices(r, s, &c))
		return send_db_error(r);
	form_check(r, s, &c);
	if (r->nerrors > 0)
		return session_edit_page(r, s, 422, NULL);
	upd = *s;
	form_session(r, &upd);
	if (db_session_update(r->db, &upd) != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Saved the session %s.", upd.name));
	return send_redirect(r, edit_url(r, s, ""));
}

/* ------------------------------------------------------------------ */
/* Courses and coaches                                                 */

/* Is id an active teacher?  Returns 1 yes, 0 no, -1 database failure. */
static int
active_teacher(struct req *r, int64_t id, int64_t keep)
{
	struct option		*t;
	const struct option	*o;
	size_t			 n;

	if (db_teacher_options(r->db, r->a, keep, &t, &n) != DB_OK)
		return -1;
	o = option_find(t, n, id);
	return o != NULL && (!o->flag || id == keep);
}

/*
 * POST /admin/sessions/:id/courses: add a course with an optional
 * course coach; every learner of the session joins it.
 * Statuses: 303, 404, 422, 503.
 */
int
page_session_course_add(struct req *r)
{
	struct lms_session	*s;
	struct option		*course;
	struct edit_msgs	 m;
	int64_t			 coach = (int64_t)P_num(r, "coach");
	int			 status, ok;
	enum db_rc		 rc;

	if ((s = session_from_path(r, &status)) == NULL)
		return status;
	memset(&m, 0, sizeof(m));
	if (P(r, "course")->error != NULL || P(r, "coach")->error != NULL) {
		m.course_error = "Choose a course and a course coach from the "
		    "lists.";
		return session_edit_page(r, s, 422, &m);
	}
	if (db_course_find(r->db, r->a, (int64_t)P_num(r, "course"),
	    &course) != DB_OK)
		return send_db_error(r);
	if (course == NULL || course->flag) {
		m.course_error = "That course does not exist or is archived.";
		return session_edit_page(r, s, 422, &m);
	}
	if (coach > 0 && (ok = active_teacher(r, coach, 0)) <= 0) {
		if (ok < 0)
			return send_db_error(r);
		m.course_error = "Choose a course coach from the list of "
		    "teachers.";
		return session_edit_page(r, s, 422, &m);
	}
	rc = db_session_add_course(r->db, s->id, course->id, coach);
	if (rc == DB_DUPLICATE) {
		m.course_error = arena_printf(r->a, "%s is already in this "
		    "session.", course->label);
		return session_edit_page(r, s, 422, &m);
	}
	if (rc != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Added the course %s.", course->label));
	return send_redirect(r, edit_url(r, s, ""));
}

/* The session course named by the second path id, or 404 / 503. */
static struct session_course *
path_course(struct req *r, struct lms_session *s, int *status)
{
	struct session_course	*sc;
	size_t			 n, i;

	*status = 0;
	if (db_session_courses(r->db, r->a, s->id, &sc, &n) != DB_OK) {
		*status = send_db_error(r);
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (sc[i].course_id == r->ids[1])
			return &sc[i];
	*status = send_error(r, 404, "This course is not in the session.");
	return NULL;
}

/*
 * POST /admin/sessions/:id/courses/:id/coach: change (or clear) the
 * course coach.
 * Statuses: 303, 404 (no session, course not in it), 422, 503.
 */
int
page_session_course_coach(struct req *r)
{
	struct lms_session	*s;
	struct session_course	*sc;
	struct edit_msgs	 m;
	int64_t			 coach = (int64_t)P_num(r, "coach");
	int			 status, ok = 1;

	if ((s = session_from_path(r, &status)) == NULL)
		return status;
	if ((sc = path_course(r, s, &status)) == NULL)
		return status;
	memset(&m, 0, sizeof(m));
	if (P(r, "coach")->error == NULL && coach > 0 &&
	    (ok = active_teacher(r, coach, sc->coach_id)) < 0)
		return send_db_error(r);
	if (P(r, "coach")->error != NULL || !ok) {
		m.course_error = "Choose a course coach from the list of "
		    "teachers.";
		return session_edit_page(r, s, 422, &m);
	}
	if (db_session_set_coach(r->db, s->id, sc->course_id, coach) != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Changed the coach of %s.", sc->title));
	return send_redirect(r, edit_url(r, s, ""));
}

/*
 * POST /admin/sessions/:id/courses/:id/remove: take the course out of
 * the session, with its learners' places in it.
 * Statuses: 303, 404 (no session, course not in it), 503.
 */
int
page_session_course_remove(struct req *r)
{
	struct lms_session	*s;
	struct session_course	*sc;
	int			 status, found;

	if ((s = session_from_path(r, &status)) == NULL)
		return status;
	if ((sc = path_course(r, s, &status)) == NULL)
		return status;
	if (db_session_remove_course(r->db, s->id, sc->course_id, &found) !=
	    DB_OK)
		return send_db_error(r);
	if (!found)
		return send_error(r, 404, "This course is not in the session.");
	flash_set(r, arena_printf(r->a, "Removed the course %s.", sc->title));
	return send_redirect(r, edit_url(r, s, ""));
}

/* ------------------------------------------------------------------ */
/* Tracking and export                                                 */

/*
 * GET /admin/sessions/:id/tracking: per learner (50 a page, by name)
 * and course, the last access and the lessons done.  Three queries
 * whatever the page.
 * Statuses: 200, 404, 503.
 */
int
page_session_tracking(struct req *r)
{
	struct lms_session	*s;
	struct session_course	*sc;
	struct track_row	*t;
	struct tpl_dict		*d, *row = NULL, *c;
	const char		*tz = viewer_zone(r);
	size_t			 nsc, n, i, k, learners = 0, end;
	int			 status;

	if ((s = session_from_path(r, &status)) == NULL)
		return status;
	if (db_session_courses(r->db, r->a, s->id, &sc, &nsc) != DB_OK ||
	    db_tracking_page(r->db, r->a, s->id, P_str(r, "after_name"),
	    (int64_t)P_num(r, "after_id"), TRACK_PAGE + 1, &t, &n) != DB_OK)
		return send_db_error(r);
	/* Rows of the learner past the page only say there is a next page. */
	for (end = 0; end < n; end++) {
		if (end == 0 || t[end].user_id != t[end - 1].user_id)
			learners++;
		if (learners > TRACK_PAGE)
			break;
	}

	d = page_begin(r, "session-tracking.tpl", "Session tracking");
	tpl_set_int(d, "SESSION_ID", (long long)s->id);
	tpl_set(d, "SESSION_NAME", s->name);
	tpl_set(d, "ZONE", tz);
	for (i = 0; i < end; i++) {
		if (i == 0 || t[i].user_id != t[i - 1].user_id) {
			row = tpl_section(d, "LEARNER");
			tpl_set(row, "NAME", t[i].name);
			tpl_set(row, "EMAIL", t[i].email);
		}
		c = tpl_section(row, "TRACK");
		if (t[i].course_id == 0) {
			tpl_show(c, "NO_COURSE");
			continue;
		}
		c = tpl_section(c, "IN_COURSE");
		for (k = 0; k < nsc; k++)
			if (sc[k].course_id == t[i].course_id)
				break;
		tpl_set(c, "COURSE", k < nsc ? sc[k].title : "");
		tpl_set(c, "LAST_ACCESS", t[i].last_access ?
		    show_time(r, t[i].last_access) : "Never");
		tpl_set(c, "PROGRESS", arena_printf(r->a, "%lld of %lld",
		    t[i].lessons_done, k < nsc ? sc[k].lessons : 0));
	}
	if (end == 0)
		tpl_show(d, P_num(r, "after_id") > 0 ? "NO_MORE" :
		    "NO_LEARNERS");
	if (end < n)
		tpl_set(tpl_section(d, "NEXT"), "URL", arena_printf(r->a,
		    "/admin/sessions/%lld/tracking?after_name=%s&after_id=%lld",
		    (long long)s->id, url_encode(r->a, t[end - 1].name),
		    (long long)t[end - 1].user_id));
	if (P_num(r, "after_id") > 0)
		tpl_show(d, "FIRST_PAGE");
	return page_send(r, 200);
}

/* Append one CSV cell: neutralised, quoted when it needs quotes. */
static void
csv_cell(struct req *r, struct buf *b, const char *v, int last)
{
	const char	*s = csv_export_cell(r->a, v);

	if (strpbrk(s, ",\"\r\n") != NULL) {
		buf_putc(b, '"');
		for (; *s != '\0'; s++) {
			if (*s == '"')
				buf_putc(b, '"');
			buf_putc(b, *s);
		}
		buf_putc(b, '"');
	} else
		buf_puts(b, s);
	buf_puts(b, last ? "\r\n" : ",");
}

/*
 * GET /admin/sessions/:id/learners.csv: every learner of the session
 * with name, email, enrollment time (UTC) and how they came.
 * Statuses: 200, 404, 503.
 */
int
page_session_export(struct req *r)
{
	struct lms_session	*s;
	struct session_learner	*l;
	struct buf		 b;
	size_t			 n, i;
	int			 status;
	char			*at;

	if ((s = session_from_path(r, &status)) == NULL)
		return status;
	if (db_session_learners_all(r->db, r->a, s->id, &l, &n) != DB_OK)
		return send_db_error(r);
	buf_init(&b);
	buf_puts(&b, "name,email,enrolled at,source\r\n");
	for (i = 0; i < n; i++) {
		csv_cell(r, &b, l[i].name, 0);
		csv_cell(r, &b, l[i].email, 0);
		at = arena_strdup(r->a, l[i].enrolled_at ?
		    l[i].enrolled_at : "");
		if (strlen(at) == 19) {
			at[10] = 'T';
			at = arena_printf(r->a, "%sZ", at);
		}
		csv_cell(r, &b, at, 0);
		csv_cell(r, &b, strcmp(l[i].source, "class") == 0 &&
		    l[i].class_name ? arena_printf(r->a, "class %s",
		    l[i].class_name) : l[i].source, 1);
	}
	status = send_download(r, "text/csv; charset=utf-8",
	    arena_printf(r->a, "session-%lld-learners.csv", (long long)s->id),
	    b.data ? b.data : "", b.len);
	buf_free(&b);
	return status;
}
