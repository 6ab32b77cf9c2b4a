/*
 * page-home.c: the home page, a dashboard for each role.  Learners see
 * what is live now, today's and the coming live lessons, their current
 * training sessions and their notifications; teachers the same for
 * what they teach, with the lessons still to complete and their
 * learners' attendance; administrators what is live across the school,
 * the sessions starting this week, mail and import problems and the
 * school's numbers.  Each list is cut to a few rows with a link to its
 * full page, and each dashboard runs the same few statements whatever
 * the amount of data.  Times are shown in the viewer's timezone, which
 * the page names.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "classroom/classroom.h"
#include "core/auth.h"
#include "core/config.h"
#include "core/db.h"
#include "core/model.h"
#include "core/layout.h"
#include "core/limits.h"
#include "core/req.h"
#include "core/routes.h"
#include "core/tpl.h"
#include "enrollment/enrollment.h"
#include "home/home.h"
#include "lib/clock.h"
#include "lib/dates.h"
#include "lib/util.h"
#include "notify/notify.h"
#include "people/people.h"
#include "schedule/schedule.h"
#include "schedule/feedback.h"
#include "training/training.h"

#define HOME_ROWS	8	/* rows of a list on the dashboard */
#define HOME_NEXT	5	/* lessons after today */
#define HOME_NOTICES	5	/* latest notifications */
#define HOME_TRAINING	5	/* training sessions of each section */
#define HOME_DAYS	30	/* how far back teachers' lists look */
#define HOME_MAIL_LATE	3600	/* seconds a due email may wait */
#define HOME_IMPORT_DAYS 7	/* how far back unapplied uploads count */
#define HOME_WEEK	7	/* days "this week" looks ahead, today too */

static const char *const day_names[] = { "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday" };

/* What every part of the dashboard needs to know. */
struct home {
	time_t		 now;
	char		 nowtext[DBTIME_LEN];
	char		 today[DATE_LEN];	/* in the viewer's zone */
	char		 tomorrow[DATE_LEN];
	int		 joins;		/* a Join Session form shown */
};

/* The viewer's local "YYYY-MM-DD" and "HH:MM" of UTC text utc. */
static void
local_parts(struct req *r, const char *utc, char day[DATE_LEN],
    char hm[6])
{
	char	 out[LOCALTEXT_LEN];

	day[0] = '\0';
	snprintf(hm, 6, "?");
	if (utc == NULL || !local_text(utc, viewer_zone(r), out, NULL))
		return;
	snprintf(day, DATE_LEN, "%.10s", out);
	snprintf(hm, 6, "%.5s", out + 11);
}

/* "Today", "Tomorrow" or "Wednesday 2031-03-26" for a local date. */
static const char *
day_label(struct req *r, const struct home *h, const char *day)
{
	int	 wd;

	if (strcmp(day, h->today) == 0)
		return "Today";
	if (strcmp(day, h->tomorrow) == 0)
		return "Tomorrow";
	if ((wd = date_weekday(day)) < 0)
		return day;
	return arena_printf(r->a, "%s %s", day_names[wd], day);
}

/* The shown name of a live lesson: its title, else course and lesson. */
static const char *
lesson_name(struct req *r, const struct live_lesson *s)
{
	if (s->title != NULL && *s->title != '\0')
		return s->title;
	if (s->lesson_title != NULL && *s->lesson_title != '\0')
		return arena_printf(r->a, "%s: %s", s->course_title,
		    s->lesson_title);
	return s->course_title;
}

/* "1 learner", "3 learners": n and a noun that takes an s. */
static const char *
how_many(struct req *r, long long n, const char *noun)
{
	return arena_printf(r->a, "%lld %s%s", n, noun, n == 1 ? "" : "s");
}

/* How a lesson row shows itself. */
enum row_kind {
	ROW_LIVE,		/* live now: no day, the actions */
	ROW_TODAY,		/* today: no day, the actions */
	ROW_NEXT,		/* later: the day */
	ROW_TODO		/* over: the day and what is missing */
};

/*
 * One live lesson as a row of section sec of d (home-lesson.tpl): its
 * times, its name, who is in it and what the viewer may do now.
 */
static void
lesson_row(struct req *r, struct home *h, struct tpl_dict *d,
    const char *sec, const struct live_lesson *s, enum row_kind kind)
{
	struct tpl_dict	*e, *act = NULL;
	const struct user *u = r->user;
	char		 day[DATE_LEN], eday[DATE_LEN], start[6], end[6];
	const char	*who, *learners;
	int		 teaches = s->teacher_id == u->id;
	int		 open = live_join_state(s, h->now) == LIVE_JOIN_OPEN;

	e = tpl_include(tpl_section(d, sec), "LESSON", "home-lesson.tpl");
	tpl_set(e, "CSRF", csrf_token(r));
	tpl_set_int(e, "LIVE_ID", s->id);
	tpl_set(e, "NAME", lesson_name(r, s));
	tpl_set(e, "STATUS", live_status_label(s->status));
	tpl_set(e, "STATUS_VALUE", live_status_name(s->status));
	local_parts(r, s->starts_at, day, start);
	tpl_set(e, "START", start);
	local_parts(r, s->ends_at, eday, end);
	if (kind == ROW_NEXT || kind == ROW_TODO ||
	    (kind == ROW_LIVE && strcmp(day, h->today) != 0))
		tpl_set(tpl_section(e, "DAY"), "DAY_LABEL",
		    day_label(r, h, day));
	tpl_set(e, "END", end);
	learners = how_many(r, s->participants, "learner");
	if (u->role == ROLE_LEARNER)
		who = arena_printf(r->a, "with %s", s->teacher_name);
	else if (teaches)
		who = learners;
	else
		who = arena_printf(r->a, "%s · %s", s->teacher_name, learners);
	tpl_set(e, "WHO", who);
	if (s->status != LIVE_SCHEDULED || kind == ROW_TODO) {
		struct tpl_dict *b = tpl_section(e, "BADGE");

		if (s->status == LIVE_ACTIVE)
			tpl_show(b, "ACTIVE");
	}
	if (kind == ROW_TODO) {
		if (s->status != LIVE_ENDED)
			tpl_set(tpl_section(e, "MISSING"), "MISSING_TEXT",
			    "Not marked as completed");
		else if (s->untaken > 0)
			tpl_set(tpl_section(e, "MISSING"), "MISSING_TEXT",
			    arena_printf(r->a, "Attendance missing for %lld",
			    s->untaken));
		else
			tpl_set(tpl_section(e, "MISSING"), "MISSING_TEXT",
			    "Session notes missing");
		tpl_show(tpl_section(e, "ACTIONS"), "COMPLETE");
		return;
	}
	if (!open)
		return;
	act = tpl_section(e, "ACTIONS");
	if (teaches && s->status == LIVE_SCHEDULED)
		tpl_show(act, "START_FORM");
	else {
		tpl_show(act, "JOIN");
		h->joins = 1;
	}
}

/*
 * "Live now": the active classroom sessions of the viewer's channels
 * (every one for an administrator) and the live lessons whose Join
 * Session is open.  Then, for learners and teachers (lists set), the
 * rest of today's lessons and the next ones.  ls are the viewer's live
 * lessons not over yet, by start (db_live_upcoming).  Returns 1, or 0
 * on a database failure.
 */
static int
live_now(struct req *r, struct home *h, struct tpl_dict *d,
    const struct live_lesson *ls, size_t nls, int lists)
{
	struct classroom *cl;
	struct tpl_dict	*e, *live = NULL, *sec = NULL, *today = NULL;
	struct tpl_dict	*next = NULL;
	char		 day[DATE_LEN], hm[6];
	size_t		 ncl, i, nlive = 0, ntoday = 0, nnext = 0;
	int64_t		 who;

	who = r->user->role == ROLE_ADMIN ? 0 : r->user->id;
	if (db_classroom_live(r->db, r->a, who, HOME_ROWS, &cl, &ncl) !=
	    DB_OK)
		return 0;
	for (i = 0; i < ncl; i++) {
		if (live == NULL)
			live = tpl_section(d, "ANY_LIVE");
		e = tpl_section(live, "CLASSROOM");
		tpl_set_int(e, "SESSION_ID", cl[i].id);
		tpl_set(e, "ROOM", cl[i].room_name);
		tpl_set(e, "SESSION_NAME", cl[i].name);
		tpl_set(e, "PLACE_URL", cl[i].channel_id > 0 ?
		    arena_printf(r->a, "/platform/channels/%lld",
		    (long long)cl[i].channel_id) :
		    arena_printf(r->a, "/platform/sessions/%lld",
		    (long long)cl[i].live_id));
		local_parts(r, cl[i].started_at, day, hm);
		tpl_set(e, "SINCE", strcmp(day, h->today) == 0 ? hm :
		    arena_printf(r->a, "%s %s", day, hm));
		h->joins = 1;
	}
	if (lists)
		sec = tpl_section(d, "LESSONS");
	for (i = 0; i < nls; i++) {
		const struct live_lesson *s = &ls[i];

		local_parts(r, s->starts_at, day, hm);
		if (live_join_state(s, h->now) == LIVE_JOIN_OPEN) {
			if (nlive++ >= HOME_ROWS) {
				tpl_show(d, "LIVE_MORE");
				continue;
			}
			if (live == NULL)
				live = tpl_section(d, "ANY_LIVE");
			lesson_row(r, h, live, "LIVE_LESSON", s, ROW_LIVE);
		} else if (sec == NULL)
			continue;
		else if (strcmp(day, h->today) <= 0) {
			if (ntoday++ >= HOME_ROWS)
				continue;
			if (today == NULL)
				today = tpl_section(sec, "ANY_TODAY");
			lesson_row(r, h, today, "TODAY_LESSON", s, ROW_TODAY);
		} else if (nnext < HOME_NEXT) {
			if (nnext++ == 0)
				next = tpl_section(sec, "ANY_NEXT");
			lesson_row(r, h, next, "NEXT_LESSON", s, ROW_NEXT);
		}
	}
	if (live == NULL)
		tpl_show(d, "NOTHING_LIVE");
	if (sec != NULL && ntoday == 0)
		tpl_show(sec, "NO_TODAY");
	if (sec != NULL && nnext == 0)
		tpl_show(sec, "NO_NEXT");
	return 1;
}

/* The lessons of scope not over yet, and "Live now" with them. */
static int
lessons(struct req *r, struct home *h, struct tpl_dict *d,
    const struct live_scope *sc, int lists)
{
	struct live_lesson *ls;
	size_t		 nls;

	if (db_live_upcoming(r->db, r->a, sc, h->nowtext, NULL, 0, &ls,
	    &nls) != DB_OK)
		return 0;
	return live_now(r, h, d, ls, nls, lists);
}

/*
 * The training sessions the viewer takes (coached 0) or coaches: the
 * current ones, then the upcoming ones.  Returns 1, or 0 on a database
 * failure.
 */
static int
my_training(struct req *r, struct tpl_dict *d, int coached)
{
	struct my_training *m;
	struct tpl_dict	*s, *list = NULL, *e;
	char		 today[DATE_LEN];
	size_t		 n, i, shown = 0;
	int		 k;
	enum db_rc	 rc;

	school_today(r, today);
	rc = coached ? db_learner_coached(r->db, r->a, r->user->id, today,
	    HOME_TRAINING, &m, &n) : db_learner_enrolled(r->db, r->a,
	    r->user->id, today, HOME_TRAINING, &m, &n);
	if (rc != DB_OK)
		return 0;
	s = tpl_section(d, "MY_TRAINING");
	tpl_set(s, "HEADING", coached ? "Sessions you coach" :
	    "My training sessions");
	for (k = MY_CURRENT; k <= MY_UPCOMING; k++)
		for (i = 0; i < n; i++) {
			if (m[i].section != k)
				continue;
			if (list == NULL)
				list = tpl_section(s, "ANY_TRAINING");
			e = tpl_section(list, "TRAINING");
			tpl_set_int(e, "ID", m[i].id);
			tpl_set(e, "NAME", m[i].name);
			if (k == MY_UPCOMING) {
				tpl_show(e, "UPCOMING");
				tpl_set(e, "DATES", arena_printf(r->a,
				    "opens %s", m[i].start ? m[i].start :
				    "soon"));
			} else
				tpl_set(e, "DATES", m[i].end ?
				    arena_printf(r->a, "until %s", m[i].end) :
				    "no end date");
			shown++;
		}
	if (shown == 0)
		tpl_set(tpl_section(s, "NO_TRAINING"), "EMPTY", coached ?
		    "You coach no current or upcoming training session." :
		    "You take no current or upcoming training session.");
	return 1;
}

/*
 * The unread count (loaded with the sign-in session) and the latest
 * notifications.  Returns 1, or 0 on a database failure.
 */
static int
notices(struct req *r, struct tpl_dict *d)
{
	struct inapp	*list;
	struct tpl_dict	*any = NULL, *e, *s;
	size_t		 n, i;

	if (db_inapp_list(r->db, r->a, r->user->id, 0, &list, &n) != DB_OK)
		return 0;
	if (r->unread > 0)
		tpl_set(tpl_section(d, "UNREAD_LINE"), "UNREAD",
		    r->unread > UNREAD_MAX ? arena_printf(r->a, "%d+",
		    UNREAD_MAX) : arena_printf(r->a, "%d", r->unread));
	for (i = 0; i < n && i < HOME_NOTICES; i++) {
		if (any == NULL)
			any = tpl_section(d, "ANY_NOTICES");
		e = tpl_section(any, "NOTICE");
		tpl_set_int(e, "ID", list[i].id);
		tpl_set(e, "WHEN", show_time(r, list[i].created_at));
		if (list[i].unread)
			tpl_show(e, "NEW");
		if (list[i].link != NULL && list[i].link[0] == '/') {
			s = tpl_section(e, "LINKED");
			tpl_set(s, "LINK", list[i].link);
		} else
			s = tpl_section(e, "PLAIN");
		tpl_set(s, "SUBJECT", list[i].subject);
	}
	if (n == 0)
		tpl_show(d, "NO_NOTICES");
	return 1;
}

/*
 * A teacher's lessons of the last HOME_DAYS days still to complete, and
 * their learners' attendance over those days.  Returns 1, or 0 on a
 * database failure.
 */
static int
teacher_todo(struct req *r, struct home *h, struct tpl_dict *d)
{
	struct live_scope sc;
	struct live_lesson *ls;
	struct live_glance *g;
	struct tpl_dict	*t, *any = NULL, *e;
	char		 since[DBTIME_LEN];
	size_t		 n, ng, i;

	memset(&sc, 0, sizeof(sc));
	sc.teacher_id = r->user->id;
	dbtime_format(h->now - (time_t)HOME_DAYS * 86400, since);
	if (db_live_to_complete(r->db, r->a, &sc, since, h->nowtext,
	    HOME_ROWS + 1, &ls, &n) != DB_OK ||
	    db_live_glance(r->db, r->a, r->user->id, since, h->nowtext,
	    HOME_ROWS + 1, &g, &ng) != DB_OK)
		return 0;
	t = tpl_section(d, "TODO");
	tpl_set_int(t, "DAYS", HOME_DAYS);
	for (i = 0; i < n && i < HOME_ROWS; i++) {
		if (any == NULL)
			any = tpl_section(t, "ANY_TODO");
		lesson_row(r, h, any, "TODO_LESSON", &ls[i], ROW_TODO);
	}
	if (n == 0)
		tpl_show(t, "NO_TODO");
	if (n > HOME_ROWS)
		tpl_set_int(tpl_section(t, "TODO_MORE"), "SHOWN", HOME_ROWS);
	any = NULL;
	for (i = 0; i < ng && i < HOME_ROWS; i++) {
		if (any == NULL)
			any = tpl_section(t, "GLANCE");
		e = tpl_section(any, "GLANCE_ROW");
		tpl_set_int(e, "LEARNER_ID", g[i].learner_id);
		tpl_set(e, "LEARNER_NAME", g[i].name);
		tpl_set_int(e, "LESSONS", g[i].lessons);
		tpl_set_int(e, "PRESENT", g[i].present);
		tpl_set_int(e, "LATE", g[i].late);
		tpl_set_int(e, "ABSENT", g[i].absent);
		tpl_set_int(e, "EXCUSED", g[i].excused);
		tpl_set_int(e, "UNTAKEN", g[i].lessons - g[i].present -
		    g[i].late - g[i].absent - g[i].excused);
	}
	if (ng == 0)
		tpl_show(t, "NO_GLANCE");
	if (ng > HOME_ROWS)
		tpl_set_int(tpl_section(t, "GLANCE_MORE"), "SHOWN", HOME_ROWS);
	return 1;
}

/* ------------------------------------------------------------------ */
/* Teacher feedback                                                    */

#define HOME_FEEDBACK	5	/* verified feedback a learner's home lists */

/*
 * A learner's Teacher Feedback verified in the last HOME_DAYS days,
 * latest first, each linking to its lesson's page (one statement).
 * Returns 1, or 0 on a database failure.
 */
static int
learner_feedback(struct req *r, struct home *h, struct tpl_dict *d)
{
	struct live_feedback *f;
	struct tpl_dict	*t, *any = NULL, *e;
	char		 since[DBTIME_LEN];
	size_t		 n, i;

	dbtime_format(h->now - (time_t)HOME_DAYS * 86400, since);
	if (db_feedback_recent(r->db, r->a, r->user->id, since, HOME_FEEDBACK,
	    &f, &n) != DB_OK)
		return 0;
	t = tpl_section(d, "FEEDBACK");
	tpl_set_int(t, "DAYS", HOME_DAYS);
	for (i = 0; i < n; i++) {
		if (any == NULL)
			any = tpl_section(t, "ANY_FEEDBACK");
		e = tpl_section(any, "FEEDBACK_ITEM");
		tpl_set_int(e, "LIVE_ID", f[i].session_id);
		tpl_set(e, "LESSON_NAME", f[i].lesson_name);
		tpl_set(e, "TEACHER_NAME", f[i].teacher_name);
		tpl_set(e, "STARTS", show_time(r, f[i].starts_at));
	}
	if (n == 0)
		tpl_show(t, "NO_FEEDBACK");
	return 1;
}

/* Show section sec with COUNT n, and PLURAL or SINGULAR. */
static void
count_line(struct tpl_dict *d, const char *sec, long long n)
{
	struct tpl_dict	*e = tpl_section(d, sec);

	tpl_set_int(e, "COUNT", n);
	tpl_show(e, n == 1 ? "SINGULAR" : "PLURAL");
}

/*
 * The administrator's parts: the training sessions starting this week
 * (from today, the school's, for HOME_WEEK days), mail and import
 * problems, and the school's numbers.
 * Returns 1, or 0 on a database failure.
 */
static int
admin_parts(struct req *r, struct home *h, struct tpl_dict *d)
{
	struct training_filter f;
	struct training_session *ts;
	struct tpl_dict	*w, *any = NULL, *e;
	char		 today[DATE_LEN], last[DATE_LEN], before[DATE_LEN];
	char		 due[DBTIME_LEN], since[DBTIME_LEN];
	long long	 failed, late, waiting, learners, teachers, admins;
	long long	 trainings, open, enrollments;
	size_t		 n, i;

	school_today(r, today);
	(void)date_add_days(today, HOME_WEEK - 1, last);
	(void)date_add_days(today, -1, before);
	/*
	 * Sessions whose access opens in the coming week: those open at
	 * some time of it, by start, from the position just after
	 * yesterday.
	 */
	memset(&f, 0, sizeof(f));
	f.from = today;
	f.to = last;
	dbtime_format(h->now - HOME_MAIL_LATE, due);
	dbtime_format(h->now - (time_t)HOME_IMPORT_DAYS * 86400, since);
	if (db_training_list(r->db, r->a, &f, TRAINING_BY_START, 0, before,
	    INT64_MAX, &ts, &n) != DB_OK ||
	    db_outbox_problems(r->db, r->a, due, &failed, &late) != DB_OK ||
	    db_upload_waiting(r->db, r->a, r->user->id, since,
	    &waiting) != DB_OK ||
	    db_user_counts(r->db, r->a, &learners, &teachers,
	    &admins) != DB_OK ||
	    db_training_count(r->db, r->a, today, &trainings,
	    &open) != DB_OK ||
	    db_enrollment_count(r->db, r->a, &enrollments) != DB_OK)
		return 0;
	w = tpl_section(d, "WEEK");
	tpl_set(w, "LAST", last);
	tpl_set(w, "WEEK_URL", arena_printf(r->a, "/admin/sessions?from=%s&"
	    "to=%s&sort=start", today, last));
	for (i = 0; i < n && i < HOME_ROWS; i++) {
		if (any == NULL)
			any = tpl_section(w, "ANY_STARTING");
		e = tpl_section(any, "STARTING");
		tpl_set_int(e, "ID", ts[i].id);
		tpl_set(e, "NAME", ts[i].name);
		tpl_set(e, "START", ts[i].access_start);
		if (ts[i].access_end != NULL)
			tpl_set(tpl_section(e, "END"), "END_DATE",
			    ts[i].access_end);
		tpl_set(e, "LEARNERS", how_many(r, ts[i].learner_count,
		    "learner"));
	}
	if (n == 0)
		tpl_show(w, "NO_STARTING");
	if (failed == 0 && late == 0 && waiting == 0)
		tpl_show(w, "NO_PROBLEMS");
	else {
		e = tpl_section(w, "PROBLEM_LIST");
		if (failed > 0)
			count_line(e, "MAIL_FAILED", failed);
		if (late > 0)
			count_line(e, "MAIL_LATE", late);
		if (waiting > 0)
			count_line(e, "IMPORTS_WAITING", waiting);
	}
	tpl_set(w, "USERS", arena_printf(r->a, "%s active: %s, %s, %s",
	    how_many(r, learners + teachers + admins, "user"),
	    how_many(r, learners, "learner"), how_many(r, teachers,
	    "teacher"), how_many(r, admins, "administrator")));
	tpl_set(w, "TRAININGS", arena_printf(r->a, "%s in all, %lld open to "
	    "learners today", how_many(r, trainings, "session"), open));
	tpl_set(w, "ENROLLMENTS", arena_printf(r->a, "%s active",
	    how_many(r, enrollments, "enrollment")));
	return 1;
}

/* The account part: who is signed in, their role and zone. */
static void
account_part(struct req *r, struct home *h, struct tpl_dict *d)
{
	const struct user *u = r->user;
	struct tm	 tm;
	char		 abbr[16];
	int		 wd;

	tpl_set(d, "NAME", u->name);
	tpl_set(d, "EMAIL", u->email);
	tpl_set(d, "ROLE", role_label(u->role));
	tpl_set(d, "TIMEZONE", viewer_zone(r));
	if (!utc_to_local(h->now, viewer_zone(r), &tm, abbr))
		abbr[0] = '\0';
	tpl_set(d, "ZONE", zone_label(r, abbr));
	wd = date_weekday(h->today);
	tpl_set(d, "TODAY_LABEL", wd < 0 ? h->today : arena_printf(r->a,
	    "%s %s", day_names[wd], h->today));
	if (u->password_temporary)
		tpl_show(d, "TEMPORARY_PASSWORD");
}

/*
 * GET /: the dashboard of the signed-in user's role.
 * Statuses: 200, 503.
 */
int
page_home(struct req *r)
{
	struct home	 h;
	struct live_scope sc;
	struct tpl_dict	*d;
	const struct user *u = r->user;
	int		 ok;

	memset(&h, 0, sizeof(h));
	h.now = time(NULL);
	dbtime_format(h.now, h.nowtext);
	(void)local_date(h.now, viewer_zone(r), h.today);
	(void)date_add_days(h.today, 1, h.tomorrow);
	memset(&sc, 0, sizeof(sc));
	d = page_begin(r, "home.tpl", "Home");
	account_part(r, &h, d);
	switch (u->role) {
	case ROLE_ADMIN:
		tpl_show(d, "ADMIN");
		ok = lessons(r, &h, d, &sc, 0) && admin_parts(r, &h, d);
		break;
	case ROLE_TEACHER:
		tpl_show(d, "TEACHER");
		sc.teacher_id = u->id;
		ok = lessons(r, &h, d, &sc, 1) && teacher_todo(r, &h, d) &&
		    my_training(r, d, 1);
		break;
	default:
		tpl_show(d, "LEARNER");
		sc.learner_id = u->id;
		ok = lessons(r, &h, d, &sc, 1) && my_training(r, d, 0) &&
		    learner_feedback(r, &h, d);
		break;
	}
	if (!ok || !notices(r, d))
		return send_db_error(r);
	if (h.joins)
		classroom_csp_join(r);
	return page_send(r, 200);
}
