/*
 * page-training.c: the administrator's training session pages: the
 * session list (search, filters, sorting, keyset pages), creating and
 * editing a session, its courses and course coaches, the tracking page
 * and the export of its learners.  Its learners are added and removed
 * by page-learners.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/auth.h"
#include "core/config.h"
#include "lib/csvfile.h"
#include "core/db.h"
#include "core/handler.h"
#include "lib/escape.h"
#include "lib/dates.h"
#include "core/model.h"
#include "core/layout.h"
#include "core/out.h"
#include "core/req.h"
#include "core/routes.h"
#include "training/training.h"
#include "core/tpl.h"
#include "lib/util.h"
#include "lib/valid.h"

#define TRACK_PAGE	50
#define OPEN_START	"1000-01-01"	/* sort_start of an open start */
#define OPEN_END	"9999-12-31"	/* sort_end of an open end */

static const char *const sort_names[] = { "name", "start", "end" };
static const char *const filters[] = { "q", "category", "status", "from",
    "to" };
/* What the list's page links keep: the filters and the order. */
static const char *const kept[] = { "q", "category", "status", "from", "to",
    "sort", "dir", NULL };

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

/* ------------------------------------------------------------------ */
/* The session list                                                    */

/* The list's state from its parameters, for links. */
struct list_state {
	const char		*q, *status, *from, *to;
	int64_t			 category;
	enum training_sort	 sort;
	int			 desc;
};

/* The list address for st, with sort and dir as given, on page one. */
static char *
list_url(struct req *r, const struct list_state *st, enum training_sort sort,
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
		on = st->sort == (enum training_sort)i;
		tpl_set(d, urls[i], list_url(r, st, (enum training_sort)i,
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
page_training_list(struct req *r)
{
	struct training_filter	 f;
	struct list_state	 st;
	struct training_session	*list = NULL, *last = NULL;
	struct option		*cats;
	struct tpl_dict		*d, *row, *s;
	const struct pval	*pv;
	const char		*after = P_str(r, "after_text");
	char			 today[DATE_LEN];
	size_t			 n = 0, ncats, i, shown;
	int			 bad = 0;

	pv = P(r, "sort");
	if (pv->error == NULL && (pv = P(r, "dir"))->error == NULL &&
	    (pv = P(r, "after_text"))->error == NULL)
		pv = P(r, "after_id");
	if (pv->error != NULL)
		return send_error(r, 400, pv->error);
	memset(&st, 0, sizeof(st));
	st.sort = (enum training_sort)P_num(r, "sort");
	st.desc = P_num(r, "dir") == 1;
	/* Open dates sort as the generated columns' far dates. */
	if (after != NULL && st.sort != TRAINING_BY_NAME && !valid_date(after,
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
	if (!bad && db_training_list(r->db, r->a, &f, st.sort, st.desc, after,
	    (int64_t)P_num(r, "after_id"), &list, &n) != DB_OK)
		return send_db_error(r);

	d = page_begin(r, "training-list.tpl", "Sessions");
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
	training_option_list(d, "CATEGORY_OPT", cats, ncats, st.category, 0);
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

	shown = n > TRAINING_PAGE ? TRAINING_PAGE : n;
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
	if (n > TRAINING_PAGE)
		last = &list[shown - 1];
	pager_links(r, d, "/admin/sessions", kept, last != NULL, last == NULL ?
	    NULL : st.sort == TRAINING_BY_NAME ? last->name :
	    st.sort == TRAINING_BY_START ? last->sort_start : last->sort_end,
	    last == NULL ? 0 : last->id);
	return page_send(r, bad ? 422 : 200);
}

/* ------------------------------------------------------------------ */
/* Create and edit                                                     */

/*
 * Check what the parameters cannot: a name of blanks, each end before
 * its start, a coach or category that is not offered.  Marks fields.
 */
static void
form_check(struct req *r, const struct training_session *s,
    const struct training_choices *c)
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
	    ((o = training_option_find(c->teachers, c->nteachers, id)) ==
	    NULL || (o->flag && (s == NULL || s->coach_id != id))))
		P_fail(r, "coach", "Choose a session coach from the list.");
	if ((id = (int64_t)P_num(r, "category")) > 0 &&
	    ((o = training_option_find(c->cats, c->ncats, id)) == NULL ||
	    (o->flag && (s == NULL || s->category_id != id))))
		P_fail(r, "category", "Choose a category from the list.");
}

/* Fill a session from the checked form. */
static void
form_training(struct req *r, struct training_session *s)
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

/*
 * GET /admin/sessions/new.
 * Statuses: 200, 503.
 */
int
page_training_new(struct req *r)
{
	struct training_choices	 c;

	if (!training_choices(r, NULL, &c))
		return send_db_error(r);
	return training_form_page(r, NULL, &c, 200, NULL);
}

/*
 * POST /admin/sessions/new: create the session, then show its edit
 * page (with the coach dates warning when it applies).
 * Statuses: 303, 422, 503.
 */
int
page_training_create(struct req *r)
{
	struct training_session	 s;
	struct training_choices	 c;
	int64_t			 id;

	if (!training_choices(r, NULL, &c))
		return send_db_error(r);
	form_check(r, NULL, &c);
	if (r->nerrors > 0)
		return training_form_page(r, NULL, &c, 422, NULL);
	memset(&s, 0, sizeof(s));
	form_training(r, &s);
	if (db_training_create(r->db, &s, &id) != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Created the session %s. Add its "
	    "courses and learners below.", s.name));
	return send_redirect(r, arena_printf(r->a, "/admin/sessions/%lld",
	    (long long)id));
}

/*
 * GET /admin/sessions/:id: the session's form, its courses and coaches,
 * its learners (50 a page) and the learner search.
 * Statuses: 200, 404, 503.
 */
int
page_training_edit(struct req *r)
{
	struct training_session	*s;

	if ((s = training_load(r)) == NULL)
		return r->status;
	return training_form_page(r, s, NULL, 200, NULL);
}

/*
 * POST /admin/sessions/:id: save name, description, dates, coach,
 * category and visibility.
 * Statuses: 303, 404, 422, 503.
 */
int
page_training_save(struct req *r)
{
	struct training_session	*s, upd;
	struct training_choices	 c;

	if ((s = training_load(r)) == NULL)
		return r->status;
	if (!training_choices(r, s, &c))
		return send_db_error(r);
	form_check(r, s, &c);
	if (r->nerrors > 0)
		return training_form_page(r, s, &c, 422, NULL);
	upd = *s;
	form_training(r, &upd);
	if (db_training_update(r->db, &upd) != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Saved the session %s.", upd.name));
	return send_redirect(r, training_url(r, s));
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
	o = training_option_find(t, n, id);
	return o != NULL && (!o->flag || id == keep);
}

/*
 * POST /admin/sessions/:id/courses: add a course with an optional
 * course coach; every learner of the session joins it.
 * Statuses: 303, 404, 422, 503.
 */
int
page_training_course_add(struct req *r)
{
	struct training_session	*s;
	struct option		*course;
	struct training_msgs	 m;
	int64_t			 coach = (int64_t)P_num(r, "coach");
	int			 ok;
	enum db_rc		 rc;

	if ((s = training_load(r)) == NULL)
		return r->status;
	memset(&m, 0, sizeof(m));
	if (P(r, "course")->error != NULL || P(r, "coach")->error != NULL) {
		m.course_error = "Choose a course and a course coach from the "
		    "lists.";
		return training_form_page(r, s, NULL, 422, &m);
	}
	if (db_course_find(r->db, r->a, (int64_t)P_num(r, "course"),
	    &course) != DB_OK)
		return send_db_error(r);
	if (course == NULL || course->flag) {
		m.course_error = "That course does not exist or is archived.";
		return training_form_page(r, s, NULL, 422, &m);
	}
	if (coach > 0 && (ok = active_teacher(r, coach, 0)) <= 0) {
		if (ok < 0)
			return send_db_error(r);
		m.course_error = "Choose a course coach from the list of "
		    "teachers.";
		return training_form_page(r, s, NULL, 422, &m);
	}
	rc = db_training_add_course(r->db, s->id, course->id, coach);
	if (rc == DB_DUPLICATE) {
		m.course_error = arena_printf(r->a, "%s is already in this "
		    "session.", course->label);
		return training_form_page(r, s, NULL, 422, &m);
	}
	if (rc != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Added the course %s.", course->label));
	return send_redirect(r, training_url(r, s));
}

/*
 * The course of session s that the second path id names, or NULL once
 * 404 (not in the session) or 503 is sent.
 */
static struct training_course *
course_load(struct req *r, const struct training_session *s)
{
	struct training_course	*sc;
	size_t			 n, i;

	if (db_training_courses(r->db, r->a, s->id, &sc, &n) != DB_OK) {
		send_db_error(r);
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (sc[i].course_id == r->ids[1])
			return &sc[i];
	load_refuse(r, "This course is not in the session.");
	return NULL;
}

/*
 * POST /admin/sessions/:id/courses/:id/coach: change (or clear) the
 * course coach.
 * Statuses: 303, 404 (no session, course not in it), 422, 503.
 */
int
page_training_course_coach(struct req *r)
{
	struct training_session	*s;
	struct training_course	*sc;
	struct training_msgs	 m;
	int64_t			 coach = (int64_t)P_num(r, "coach");
	int			 ok = 1;

	if ((s = training_load(r)) == NULL)
		return r->status;
	if ((sc = course_load(r, s)) == NULL)
		return r->status;
	memset(&m, 0, sizeof(m));
	if (P(r, "coach")->error == NULL && coach > 0 &&
	    (ok = active_teacher(r, coach, sc->coach_id)) < 0)
		return send_db_error(r);
	if (P(r, "coach")->error != NULL || !ok) {
		m.course_error = "Choose a course coach from the list of "
		    "teachers.";
		return training_form_page(r, s, NULL, 422, &m);
	}
	if (db_training_set_coach(r->db, s->id, sc->course_id, coach) != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Changed the coach of %s.", sc->title));
	return send_redirect(r, training_url(r, s));
}

/*
 * POST /admin/sessions/:id/courses/:id/remove: take the course out of
 * the session, with its learners' places in it.
 * Statuses: 303, 404 (no session, course not in it), 503.
 */
int
page_training_course_remove(struct req *r)
{
	struct training_session	*s;
	struct training_course	*sc;
	int			 found;

	if ((s = training_load(r)) == NULL)
		return r->status;
	if ((sc = course_load(r, s)) == NULL)
		return r->status;
	if (db_training_remove_course(r->db, s->id, sc->course_id, &found) !=
	    DB_OK)
		return send_db_error(r);
	if (!found)
		return send_error(r, 404, "This course is not in the session.");
	flash_set(r, arena_printf(r->a, "Removed the course %s.", sc->title));
	return send_redirect(r, training_url(r, s));
}

/* ------------------------------------------------------------------ */
/* Tracking and export                                                 */

#define PROGRESS_MAX	12	/* courses in the tracking chart */
#define PROGRESS_ROW	30	/* y from one course to the next */
#define PROGRESS_W	200	/* the width of 100 % */

/* part of whole in percent (0..100), 0 when whole is 0. */
static int
percent(long long part, long long whole)
{
	if (whole <= 0 || part <= 0)
		return 0;
	return part >= whole ? 100 : (int)(part * 100 / whole);
}

/*
 * The tracking page's chart: per course of the session (at most
 * PROGRESS_MAX, in the session's order), the share of its learners who
 * opened it and the share of its lessons they did, as two bars, with a
 * table of the same figures.  Integer coordinates.
 */
static void
progress_chart(struct req *r, struct tpl_dict *d,
    const struct training_course *sc, size_t nsc,
    const struct training_progress *p, size_t np)
{
	struct tpl_dict	*c, *e;
	size_t		 i, k, shown = 0;
	int		 po, pd;

	for (i = 0; i < np; i++)
		if (p[i].learners > 0)
			break;
	if (i == np) {
		tpl_show(d, "NO_PROGRESS");
		return;
	}
	c = tpl_section(d, "PROGRESS");
	for (k = 0; k < nsc && shown < PROGRESS_MAX; k++) {
		for (i = 0; i < np; i++)
			if (p[i].course_id == sc[k].course_id)
				break;
		if (i == np || p[i].learners == 0)
			continue;
		po = percent(p[i].opened, p[i].learners);
		pd = percent(p[i].lessons_done, p[i].learners *
		    sc[k].lessons);
		e = tpl_section(c, "COURSE_BAR");
		tpl_set(e, "BAR_COURSE", sc[k].title);
		tpl_set_int(e, "BAR_LEARNERS", p[i].learners);
		tpl_set_int(e, "BAR_OPENED", p[i].opened);
		tpl_set_int(e, "BAR_DONE", p[i].lessons_done);
		tpl_set_int(e, "BAR_LESSONS", p[i].learners * sc[k].lessons);
		tpl_set_int(e, "OPENED_PCT", po);
		tpl_set_int(e, "DONE_PCT", pd);
		tpl_set_int(e, "ROW_Y", (long long)(shown * PROGRESS_ROW + 4));
		tpl_set_int(e, "DONE_Y", (long long)(shown * PROGRESS_ROW + 16));
		tpl_set_int(e, "OPENED_W", (long long)(po * PROGRESS_W / 100));
		tpl_set_int(e, "DONE_W", (long long)(pd * PROGRESS_W / 100));
		tpl_set_int(e, "OPENED_TX", (long long)(po * PROGRESS_W /
		    100 + 4));
		tpl_set_int(e, "DONE_TX", (long long)(pd * PROGRESS_W / 100 +
		    4));
		tpl_set_int(e, "OPENED_TY", (long long)(shown *
		    PROGRESS_ROW + 13));
		tpl_set_int(e, "DONE_TY", (long long)(shown * PROGRESS_ROW +
		    25));
		shown++;
	}
	tpl_set_int(c, "COURSES", (long long)shown);
	tpl_set_int(c, "PROGRESS_H", (long long)(shown * PROGRESS_ROW + 4));
}

/*
 * GET /admin/sessions/:id/tracking: per learner (50 a page, by name)
 * and course, the last access and the lessons done, with a chart of
 * each course's progress.  Four queries whatever the page.
 * Statuses: 200, 404, 503.
 */
int
page_training_tracking(struct req *r)
{
	struct training_session	*s;
	struct training_course	*sc;
	struct training_track	*t;
	struct training_progress *prog;
	struct tpl_dict		*d, *row = NULL, *c;
	const char		*tz = viewer_zone(r);
	size_t			 nsc, n, i, k, learners = 0, end, nprog;

	if ((s = training_load(r)) == NULL)
		return r->status;
	if (db_training_courses(r->db, r->a, s->id, &sc, &nsc) != DB_OK ||
	    db_training_tracking(r->db, r->a, s->id, P_str(r, "after_text"),
	    (int64_t)P_num(r, "after_id"), TRACK_PAGE + 1, &t, &n) != DB_OK ||
	    db_training_progress(r->db, r->a, s->id, &prog, &nprog) != DB_OK)
		return send_db_error(r);
	/* Rows of the learner past the page only say there is a next page. */
	for (end = 0; end < n; end++) {
		if (end == 0 || t[end].user_id != t[end - 1].user_id)
			learners++;
		if (learners > TRACK_PAGE)
			break;
	}

	d = page_begin(r, "training-tracking.tpl", "Session tracking");
	tpl_set_int(d, "SESSION_ID", (long long)s->id);
	tpl_set(d, "SESSION_NAME", s->name);
	tpl_set(d, "ZONE", tz);
	progress_chart(r, d, sc, nsc, prog, nprog);
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
		tpl_set_int(c, "PASSED", t[i].lessons_passed);
		tpl_set_int(c, "VERIFIED", t[i].lessons_verified);
	}
	if (end == 0)
		tpl_show(d, P_num(r, "after_id") > 0 ? "NO_MORE" :
		    "NO_LEARNERS");
	pager_links(r, d, arena_printf(r->a, "%s/tracking", training_url(r, s)),
	    NULL, end < n, end < n ? t[end - 1].name : NULL,
	    end < n ? t[end - 1].user_id : 0);
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
page_training_export(struct req *r)
{
	struct training_session	*s;
	struct training_learner	*l;
	struct buf		 b;
	size_t			 n, i;
	int			 status;
	char			*at;

	if ((s = training_load(r)) == NULL)
		return r->status;
	if (db_learners_all(r->db, r->a, s->id, &l, &n) != DB_OK)
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
