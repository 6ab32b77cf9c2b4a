/*
 * page-learner.c: training sessions as learners and coaches see them:
 * "My sessions", a session's page and a course inside a session.  Who
 * may enter is decided here from the viewer's ties to the session (an
 * enrolled learner, the session coach, a course coach, an
 * administrator) and the date windows of lib/dates.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/config.h"
#include "lib/clock.h"
#include "core/db.h"
#include "core/handler.h"
#include "training/training.h"
#include "lib/dates.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/req.h"
#include "core/routes.h"
#include "core/tpl.h"
#include "lib/util.h"

/* Sessions shown per section of "My sessions". */
#define MY_LIMIT	100
/* Learners per page on a coach's course page. */
#define LEARNERS_PAGE	50

/* How the viewer stands to a session, strongest tie first. */
enum viewer {
	V_NONE,
	V_LEARNER,		/* enrolled in it */
	V_COURSE_COACH,		/* coaches some of its courses */
	V_SESSION_COACH,	/* coaches the whole session */
	V_ADMIN
};

/* "start – end" with "open" for an open end; "open" when both are. */
static const char *
dates_text(struct arena *a, const char *start, const char *end)
{
	int	 s = start != NULL && *start != '\0';
	int	 e = end != NULL && *end != '\0';

	if (!s && !e)
		return "open";
	return arena_printf(a, "%s – %s", s ? start : "open", e ? end : "open");
}

/* The section a session belongs in today, from the dates of its window. */
static enum my_section
section_of(const char *start, const char *end, const char *today)
{
	switch (session_status(start, end, today)) {
	case SESS_UPCOMING:
		return MY_UPCOMING;
	case SESS_PAST:
		return MY_PAST;
	default:
		return MY_CURRENT;
	}
}

/*
 * How far the session is from today, in words: "3 days left", "Last
 * day", "Starts in 5 days", "Ended 2 days ago".  Allocates.
 */
static const char *
days_text(struct arena *a, enum my_section sec, const char *start,
    const char *end, const char *today)
{
	long	 n;

	switch (sec) {
	case MY_UPCOMING:
		n = date_diff_days(today, start);
		if (n == 1)
			return "Starts tomorrow";
		return arena_printf(a, "Starts in %ld days", n);
	case MY_PAST:
		n = date_diff_days(end, today);
		if (n == 1)
			return "Ended yesterday";
		return arena_printf(a, "Ended %ld days ago", n);
	default:
		if (end == NULL || *end == '\0')
			return "No end date";
		n = date_diff_days(today, end);
		if (n == 0)
			return "Last day";
		if (n == 1)
			return "1 day left";
		return arena_printf(a, "%ld days left", n);
	}
}

/* Dates compare as strings; an open end sorts after every date. */
static const char *
end_key(const char *end)
{
	return end != NULL && *end != '\0' ? end : "9999-12-31";
}

/*
 * Order within a section: current sessions ending soonest first,
 * upcoming ones starting soonest first, past ones ended most recently
 * first; then by name and id.
 */
static int
my_cmp(const void *pa, const void *pb)
{
	const struct my_training	*a = *(struct my_training *const *)pa;
	const struct my_training	*b = *(struct my_training *const *)pb;
	int				 c = 0;

	switch (a->section) {
	case MY_UPCOMING:
		c = strcmp(a->start ? a->start : "", b->start ? b->start : "");
		break;
	case MY_PAST:
		c = strcmp(end_key(b->end), end_key(a->end));
		break;
	default:
		c = strcmp(end_key(a->end), end_key(b->end));
		break;
	}
	if (c == 0)
		c = strcmp(a->name, b->name);
	if (c == 0)
		c = a->id < b->id ? -1 : a->id > b->id;
	return c;
}

/* 1 when session id is in the list. */
static int
listed(const struct my_training *list, size_t n, int64_t id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (list[i].id == id)
			return 1;
	return 0;
}

/*
 * Why m cannot be opened today, as training_gate() would refuse it:
 * "Opens on <date>" or "Closed on <date>"; NULL when it can (the list
 * links it).  A coach whose coach window is shut may still come in as
 * a learner of it (en, the user's enrolled sessions).  Allocates.
 */
static const char *
shut_text(struct req *r, const struct my_training *m,
    const struct my_training *en, size_t nen, const char *today)
{
	enum access	 acc;
	size_t		 i;

	if (r->user->role == ROLE_ADMIN)
		return NULL;
	if (m->coach) {
		acc = coach_access(m->start, m->end, today);
		for (i = 0; acc != ACC_OPEN && i < nen; i++)
			if (en[i].id == m->id && learner_access(en[i].start,
			    en[i].end, en[i].readable, today) == ACC_OPEN)
				return NULL;
	} else
		acc = learner_access(m->start, m->end, m->readable, today);
	if (acc == ACC_NOT_YET)
		return arena_printf(r->a, "Opens on %s", m->start);
	if (acc == ACC_CLOSED)
		return arena_printf(r->a, "Closed on %s", m->end);
	return NULL;
}

static const char *const section_heading[MY__MAX] = {
	"Current sessions", "Upcoming sessions", "Past sessions"
};
static const char *const section_empty[MY__MAX] = {
	"You have no current sessions.",
	"You have no upcoming sessions.",
	"You have no past sessions."
};
static const char *const section_id[MY__MAX] = {
	"current", "upcoming", "past"
};

/*
 * GET /sessions: the sessions of the signed-in user in three sections,
 * Current, Upcoming and Past.  Sessions they learn in are listed while
 * their display window is open and sorted by the access window; the
 * sessions they coach (the whole session or one course) are all listed,
 * hidden ones too, and sorted by the coach window.  A session both
 * learnt in and coached shows once, as coached.  Two queries whatever
 * the number of sessions; at most MY_LIMIT per section, with a note
 * when there are more.
 * Statuses: 200, 503.
 */
int
page_learner_list(struct req *r)
{
	struct my_training	*co, *en, **sec[MY__MAX];
	size_t			 nco, nen, nsec[MY__MAX], i, k;
	int			 more[MY__MAX], fetched[2][MY__MAX];
	struct tpl_dict		*d, *s, *ul, *it;
	char			 today[DATE_LEN];
	enum my_section		 w;

	school_today(r, today);
	if (db_learner_coached(r->db, r->a, r->user->id, today, MY_LIMIT + 1,
	    &co, &nco) != DB_OK ||
	    db_learner_enrolled(r->db, r->a, r->user->id, today,
	    MY_LIMIT + 1, &en, &nen) != DB_OK)
		return send_db_error(r);

	/*
	 * Each query returns up to MY_LIMIT + 1 rows per section; fetched
	 * counts them to tell when a section has more than it shows.  The
	 * section shown is decided again here by the rules of lib/dates.h.
	 */
	memset(fetched, 0, sizeof(fetched));
	for (k = 0; k < MY__MAX; k++) {
		sec[k] = arena_alloc(r->a, sizeof(*sec[k]) * (nco + nen + 1));
		nsec[k] = 0;
	}
	for (i = 0; i < nco; i++) {
		if (co[i].section >= 0 && co[i].section < MY__MAX)
			fetched[0][co[i].section]++;
		w = section_of(co[i].start, co[i].end, today);
		co[i].section = w;
		sec[w][nsec[w]++] = &co[i];
	}
	for (i = 0; i < nen; i++) {
		if (en[i].section >= 0 && en[i].section < MY__MAX)
			fetched[1][en[i].section]++;
		if (listed(co, nco, en[i].id))
			continue;
		w = section_of(en[i].start, en[i].end, today);
		en[i].section = w;
		sec[w][nsec[w]++] = &en[i];
	}

	d = page_begin(r, "training-learner-list.tpl", "My sessions");
	if (r->user->role == ROLE_ADMIN)
		tpl_show(d, "ADMIN_LINK");
	for (k = 0; k < MY__MAX; k++) {
		qsort(sec[k], nsec[k], sizeof(sec[k][0]), my_cmp);
		more[k] = nsec[k] > MY_LIMIT || fetched[0][k] > MY_LIMIT ||
		    fetched[1][k] > MY_LIMIT;
		if (nsec[k] > MY_LIMIT)
			nsec[k] = MY_LIMIT;
		s = tpl_section(d, "SECTION");
		tpl_set(s, "SECTION_ID", section_id[k]);
		tpl_set(s, "HEADING", section_heading[k]);
		if (nsec[k] == 0) {
			it = tpl_section(s, "EMPTY");
			tpl_set(it, "MESSAGE", section_empty[k]);
			continue;
		}
		ul = tpl_section(s, "LIST");
		for (i = 0; i < nsec[k]; i++) {
			const struct my_training *m = sec[k][i];

			const char *shut = shut_text(r, m, en, nen, today);

			it = tpl_section(ul, "ITEM");
			tpl_set_int(it, "ID", (long long)m->id);
			tpl_set(it, "NAME", m->name);
			if (shut != NULL)
				tpl_set(tpl_section(it, "SHUT"), "SHUT_TEXT",
				    shut);
			else
				tpl_show(it, "LINK");
			tpl_set(it, "DATES", dates_text(r->a, m->start, m->end));
			tpl_set(it, "DAYS", days_text(r->a, (enum my_section)k,
			    m->start, m->end, today));
			if (m->coach)
				tpl_set(tpl_section(it, "ROLE"), "LABEL",
				    m->session_coach ? "Session coach" :
				    "Course coach");
			if (m->hidden)
				tpl_show(it, "HIDDEN");
		}
		if (more[k]) {
			it = tpl_section(s, "MORE");
			tpl_set_int(it, "LIMIT", MY_LIMIT);
		}
	}
	return page_send(r, 200);
}

/*
 * Answer 403 with a page that says when the viewer may come (or could
 * have come).  Returns NULL, for the gate.
 */
static struct learner_training *
closed_page(struct req *r, const struct learner_training *s, const char *msg)
{
	struct tpl_dict	*d = page_begin(r, "training-learner-closed.tpl",
	    s->name);

	tpl_set(d, "NAME", s->name);
	tpl_set(d, "MESSAGE", msg);
	page_send(r, 403);
	return NULL;
}

/*
 * The path's session, when the signed-in user may open it today, with
 * *who and *readonly set; else NULL once it has answered: 404 when the
 * session does not exist or the user has no tie to it (a learner of a
 * hidden session included: its existence is not revealed), 403 outside
 * the user's date window, 503.  A learner past the end of a session
 * that stays readable after its end gets *readonly = 1.
 */
static struct learner_training *
training_gate(struct req *r, enum viewer *who, int *readonly)
{
	struct learner_training	*s;
	char			 today[DATE_LEN];
	enum access		 acc;
	enum db_rc		 rc;
	int			 learner;

	*who = V_NONE;
	*readonly = 0;
	rc = db_learner_training(r->db, r->a, r->ids[0], r->user->id, &s);
	if (!load_found(r, rc, s, "There is no such session."))
		return NULL;
	learner = s->enrolled && strcmp(s->visibility, "hidden") != 0;
	if (r->user->role == ROLE_ADMIN)
		*who = V_ADMIN;
	else if (s->coach_id != 0 && s->coach_id == r->user->id)
		*who = V_SESSION_COACH;
	else if (s->course_coach)
		*who = V_COURSE_COACH;
	else if (learner)
		*who = V_LEARNER;
	else {
		load_refuse(r, "There is no such session.");
		return NULL;
	}

	school_today(r, today);
	if (*who == V_SESSION_COACH || *who == V_COURSE_COACH) {
		acc = coach_access(s->coach_start, s->coach_end, today);
		if (acc == ACC_OPEN)
			return s;
		/* Closed to them as a coach, but maybe open as a learner. */
		if (!learner || learner_access(s->access_start, s->access_end,
		    strcmp(s->visibility, "readonly_after_end") == 0,
		    today) != ACC_OPEN) {
			if (acc == ACC_NOT_YET)
				return closed_page(r, s, arena_printf(r->a,
				    "This session opens to coaches on %s.",
				    s->coach_start));
			return closed_page(r, s, arena_printf(r->a,
			    "This session closed to coaches on %s.",
			    s->coach_end));
		}
		*who = V_LEARNER;
	}
	if (*who == V_LEARNER) {
		acc = learner_access(s->access_start, s->access_end,
		    strcmp(s->visibility, "readonly_after_end") == 0, today);
		if (acc == ACC_NOT_YET)
			return closed_page(r, s, arena_printf(r->a,
			    "This session opens on %s.", s->access_start));
		if (acc == ACC_CLOSED)
			return closed_page(r, s, arena_printf(r->a,
			    "This session closed on %s.", s->access_end));
		*readonly = acc == ACC_READONLY;
	}
	return s;
}

/*
 * Show text as paragraphs: a blank line starts a new one.  Each
 * paragraph is a repetition of section sec with TEXT.
 */
static void
paragraphs(struct req *r, struct tpl_dict *d, const char *sec,
    const char *text)
{
	struct buf	 b;
	const char	*p, *nl;
	size_t		 len;
	int		 blank;

	buf_init(&b);
	for (p = text; p != NULL && *p != '\0'; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		len = nl ? (size_t)(nl - p) : strlen(p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		blank = strspn(p, " \t") >= len;
		if (blank && b.len > 0) {
			tpl_set(tpl_section(d, sec), "TEXT", b.data);
			buf_reset(&b);
		} else if (!blank) {
			if (b.len > 0)
				buf_putc(&b, '\n');
			buf_append(&b, p, len);
		}
	}
	if (b.len > 0)
		tpl_set(tpl_section(d, sec), "TEXT", b.data);
	buf_free(&b);
}

/* Fill the facts every session and course page shows. */
static void
training_facts(struct req *r, struct tpl_dict *d,
    const struct learner_training *s, enum viewer who, int readonly)
{
	tpl_set_int(d, "SESSION_ID", (long long)s->id);
	tpl_set(d, "SESSION_NAME", s->name);
	tpl_set(d, "SESSION_COACH", s->coach_name ? s->coach_name :
	    "Not assigned yet");
	tpl_set(d, "ACCESS_DATES", dates_text(r->a, s->access_start,
	    s->access_end));
	if (who != V_LEARNER) {
		tpl_set(tpl_section(d, "COACH_DATES"), "DATES",
		    dates_text(r->a, s->coach_start, s->coach_end));
		if (strcmp(s->visibility, "hidden") == 0)
			tpl_show(d, "HIDDEN");
	}
	if (readonly)
		tpl_show(d, "READONLY");
}

/* Record a learner's visit; a failure only loses the record. */
static void
track(struct req *r, int64_t sid, int64_t cid, enum viewer who)
{
	if (who != V_LEARNER || r->head)
		return;
	if (db_learner_track(r->db, sid, cid, r->user->id) != DB_OK)
		fprintf(stderr, "lectern: cannot record a visit to session "
		    "%lld\n", (long long)sid);
}

/*
 * GET /sessions/:id: a session's description, dates and the courses
 * the viewer may open: a learner the courses they take, a course coach
 * the courses they coach, the session coach and administrators all of
 * them.  A learner's visit is recorded (course 0).
 * Statuses: 200, 403 (outside the viewer's dates), 404, 503.
 */
int
page_learner_training(struct req *r)
{
	struct learner_training	*s;
	struct learner_course	*cs;
	struct tpl_dict		*d, *row;
	enum viewer		 who;
	enum course_scope	 scope;
	size_t			 n, i;
	int			 readonly;

	if ((s = training_gate(r, &who, &readonly)) == NULL)
		return r->status;
	scope = who == V_LEARNER ? SCOPE_ENROLLED :
	    who == V_COURSE_COACH ? SCOPE_COACHED : SCOPE_ALL;
	if (db_learner_courses(r->db, r->a, s->id, scope, r->user->id, &cs,
	    &n) != DB_OK)
		return send_db_error(r);
	track(r, s->id, 0, who);

	d = page_begin(r, "training-learner-view.tpl", s->name);
	training_facts(r, d, s, who, readonly);
	paragraphs(r, d, "DESCRIPTION", s->description);
	for (i = 0; i < n; i++) {
		row = tpl_section(d, "COURSE");
		tpl_set_int(row, "COURSE_ID", (long long)cs[i].id);
		tpl_set(row, "TITLE", cs[i].title);
		tpl_set(row, "CODE", cs[i].code);
		tpl_set(row, "COURSE_COACH", cs[i].coach_name ?
		    cs[i].coach_name : "Not assigned yet");
		if (who != V_LEARNER && cs[i].coach_id == r->user->id)
			tpl_show(row, "YOURS");
	}
	if (n == 0)
		tpl_show(d, who == V_LEARNER ? "NO_COURSES_LEARNER" :
		    "NO_COURSES");
	return page_send(r, 200);
}

/* The label of a lesson type: "Class", "Homework", "Independent". */
static const char *
lesson_label(const char *type)
{
	if (strcmp(type, "class") == 0)
		return "Class";
	if (strcmp(type, "homework") == 0)
		return "Homework";
	if (strcmp(type, "independent") == 0)
		return "Independent";
	return type;
}

/*
 * Rewrite the UTC last visits of the learners' list as local
 * "YYYY-MM-DD HH:MM" in zone tz.  Allocates the new strings.
 */
static void
local_times(struct arena *a, const char *tz, struct learner_tracking *list,
    size_t n)
{
	char	 out[LOCALTEXT_LEN];
	size_t	 i;

	for (i = 0; i < n; i++)
		if (list[i].last_access != NULL &&
		    local_text(list[i].last_access, tz, out, NULL))
			list[i].last_access = arena_strdup(a, out);
}

/*
 * The learners of a course in a session with their last visit, for
 * its coaches: one page of LEARNERS_PAGE in name order (keyset).
 * Returns 1, or 0 on a database failure.
 */
static int
course_learners(struct req *r, struct tpl_dict *d, int64_t sid, int64_t cid)
{
	struct learner_tracking	*list;
	struct tpl_dict		*c, *row, *s;
	const char		*tz;
	size_t			 n, shown, i;
	int			 more;

	if (db_learner_course_learners(r->db, r->a, sid, cid,
	    P_str(r, "after_text"), (int64_t)P_num(r, "after_id"),
	    LEARNERS_PAGE + 1, &list, &n) != DB_OK)
		return 0;
	shown = n > LEARNERS_PAGE ? LEARNERS_PAGE : n;
	tz = viewer_zone(r);
	local_times(r->a, tz, list, shown);
	c = tpl_section(d, "COACH_VIEW");
	tpl_set(c, "TIMEZONE", tz);
	for (i = 0; i < shown; i++) {
		row = tpl_section(c, "LEARNER");
		tpl_set(row, "NAME", list[i].name);
		tpl_set(row, "EMAIL", list[i].email);
		if (list[i].last_access != NULL) {
			s = tpl_section(row, "VISITED");
			tpl_set(s, "LAST_ACCESS", list[i].last_access);
			tpl_set_int(s, "VISITS", list[i].count);
		} else
			tpl_show(row, "NEVER");
	}
	if (shown == 0)
		tpl_show(c, P_num(r, "after_id") > 0 ? "NO_MORE_LEARNERS" :
		    "NO_LEARNERS");
	more = n > LEARNERS_PAGE;
	pager_links(r, c, arena_printf(r->a, "/sessions/%lld/courses/%lld",
	    (long long)sid, (long long)cid), NULL, more,
	    more ? list[shown - 1].name : NULL,
	    more ? list[shown - 1].user_id : 0);
	return 1;
}

/*
 * GET /sessions/:id/courses/:id?after_name=&after_id=: a course of a
 * session with its lessons.  The session's own rule applies first; then
 * the course must be in the session and the viewer entitled to it: a
 * learner taking it, its coach in this session, the session coach or
 * an administrator.  Coaches and administrators also see its learners
 * with their last visit, 50 at a time.  A learner's visit is recorded.
 * Statuses: 200, 403 (outside the viewer's dates), 404, 503.
 */
int
page_learner_course(struct req *r)
{
	struct learner_training	*s;
	struct learner_course	*c;
	struct learner_lesson	*ls;
	struct tpl_dict		*d, *row;
	enum viewer		 who;
	size_t			 n, i;
	int			 readonly, ok;

	if ((s = training_gate(r, &who, &readonly)) == NULL)
		return r->status;
	if (db_learner_course(r->db, r->a, s->id, r->ids[1], r->user->id,
	    &c) != DB_OK)
		return send_db_error(r);
	switch (who) {
	case V_ADMIN:
	case V_SESSION_COACH:
		ok = c != NULL;
		break;
	case V_COURSE_COACH:
		ok = c != NULL && c->coach_id == r->user->id;
		break;
	default:
		ok = c != NULL && c->enrolled;
		break;
	}
	if (!ok)
		return send_error(r, 404, "There is no such course in this "
		    "session.");
	if (db_learner_lessons(r->db, r->a, c->id, &ls, &n) != DB_OK)
		return send_db_error(r);
	track(r, s->id, c->id, who);

	d = page_begin(r, "training-learner-course.tpl", c->title);
	training_facts(r, d, s, who, readonly);
	tpl_set_int(d, "COURSE_ID", (long long)c->id);
	tpl_set(d, "TITLE", c->title);
	tpl_set(d, "CODE", c->code);
	tpl_set(d, "COURSE_COACH", c->coach_name ? c->coach_name :
	    "Not assigned yet");
	paragraphs(r, d, "DESCRIPTION", c->description);
	for (i = 0; i < n; i++) {
		row = tpl_section(d, "LESSON");
		tpl_set_int(row, "POSITION", (long long)(i + 1));
		tpl_set(row, "LESSON_TITLE", ls[i].title);
		tpl_set(row, "TYPE", ls[i].type);
		tpl_set(row, "TYPE_LABEL", lesson_label(ls[i].type));
	}
	if (n == 0)
		tpl_show(d, "NO_LESSONS");
	if (who != V_LEARNER && !course_learners(r, d, s->id, c->id))
		return send_db_error(r);
	return page_send(r, 200);
}
