/*
 * page-schedule.c: the schedule of live lessons (a week as a time
 * grid, a month with the lessons of each day, or a list of what is
 * coming), creating and editing a lesson, its page with the
 * status changes (start, mark as completed, cancel) and its attendance.
 * Times are stored in UTC and shown in the viewer's timezone, which is
 * named on every page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "classroom/classroom.h"
#include "lib/clock.h"
#include "core/auth.h"
#include "core/config.h"
#include "core/db.h"
#include "core/handler.h"
#include "lib/escape.h"
#include "schedule/feedback.h"
#include "schedule/schedule.h"
#include "lib/dates.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "lib/parse.h"
#include "core/req.h"
#include "core/routes.h"
#include "core/tpl.h"
#include "lib/util.h"
#include "lib/valid.h"


static const char *const day_names[] = { "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday" };

static const struct {
	const char	*value;
	const char	*label;
} attendances[] = {
	{ "present", "Present" },
	{ "late", "Late" },
	{ "absent", "Absent" },
	{ "excused", "Excused" },
};

/* The label of a meeting type.  Pure. */
static const char *
meeting_label(const char *s)
{
	return s != NULL && strcmp(s, "group") == 0 ? "Group" : "Individual";
}

/*
 * The local fields of UTC text utc in the viewer's zone; abbr gets the
 * zone's abbreviation.  Returns 1, or 0 when it cannot be converted.
 */
static int
to_local(const struct req *r, const char *utc, struct tm *tm, char abbr[16])
{
	time_t	t;

	if (utc == NULL || !dbtime_parse(utc, &t))
		return 0;
	return utc_to_local(t, viewer_zone(r), tm, abbr);
}

/* "HH:MM" of UTC text in the viewer's zone; an arena string. */
static char *
hhmm(struct req *r, const char *utc)
{
	struct tm	tm;
	char		abbr[16];

	if (!to_local(r, utc, &tm, abbr))
		return arena_strdup(r->a, "?");
	return arena_printf(r->a, "%02d:%02d", tm.tm_hour, tm.tm_min);
}

/* "YYYY-MM-DD" of UTC text in the viewer's zone into out. */
static void
local_day(struct req *r, const char *utc, char out[DATE_LEN])
{
	struct tm	tm;
	char		abbr[16], tmp[48];

	out[0] = '\0';
	if (!to_local(r, utc, &tm, abbr))
		return;
	snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday);
	if (strlen(tmp) < DATE_LEN)
		memcpy(out, tmp, strlen(tmp) + 1);
}

/* "Times in Zone (ABBR)" for now; an arena string. */
static char *
zone_line(struct req *r)
{
	struct tm	tm;
	char		abbr[16];

	if (!utc_to_local(time(NULL), viewer_zone(r), &tm, abbr))
		return arena_printf(r->a, "Times in %s", viewer_zone(r));
	if (*abbr == '\0' || strcmp(abbr, viewer_zone(r)) == 0)
		return arena_printf(r->a, "Times in %s", viewer_zone(r));
	return arena_printf(r->a, "Times in %s (%s)", viewer_zone(r), abbr);
}

/* The shown name of a session: its title, else course and lesson. */
static char *
live_name(struct req *r, const struct live_lesson *s)
{
	return live_title(r->a, s);
}

/* One session line of the schedule into section sec of d; its dict. */
static struct tpl_dict *
live_item(struct req *r, struct tpl_dict *d, const char *sec,
    const struct live_lesson *s)
{
	struct tpl_dict	*e = tpl_section(d, sec);
	char		 day[DATE_LEN];

	local_day(r, s->starts_at, day);
	tpl_set_int(e, "LIVE_ID", s->id);
	tpl_set(e, "DAY", day);
	tpl_set(e, "START", hhmm(r, s->starts_at));
	tpl_set(e, "END", hhmm(r, s->ends_at));
	tpl_set(e, "NAME", live_name(r, s));
	tpl_set(e, "MEETING", meeting_label(s->meeting_type));
	tpl_set(e, "STATUS", live_status_label(s->status));
	tpl_set(e, "STATUS_VALUE", live_status_name(s->status));
	tpl_set_int(e, "PARTICIPANTS", s->participants);
	tpl_set(e, "TEACHER_NAME", s->teacher_name);
	if (s->status == LIVE_CANCELED)
		tpl_show(e, "CANCELED");
	return e;
}

/* ------------------------------------------------------------------ */
/* The schedule                                                        */

/* The sessions this user may see in the schedule. */
static void
viewer_scope(struct req *r, struct live_scope *sc)
{
	memset(sc, 0, sizeof(*sc));
	if (r->user->role == ROLE_LEARNER)
		sc->learner_id = r->user->id;
	else if (r->user->role == ROLE_TEACHER)
		sc->teacher_id = r->user->id;
	else
		sc->teacher_id = (int64_t)P_num(r, "teacher");
}

/* The admin's teacher filter; 1, or 0 on a database failure. */
static int
teacher_filter(struct req *r, struct tpl_dict *d, const char *view)
{
	struct live_option	*t;
	struct tpl_dict		*e;
	size_t			 n, i;

	if (r->user->role != ROLE_ADMIN)
		return 1;
	if (db_live_teachers(r->db, r->a, &t, &n) != DB_OK)
		return 0;
	e = tpl_section(d, "FILTER");
	tpl_set(e, "VIEW", view);
	if (P_str(r, "week") != NULL)
		tpl_set(tpl_section(e, "WEEK_KEEP"), "WEEK", P_str(r, "week"));
	if (P_str(r, "month") != NULL)
		tpl_set(tpl_section(e, "MONTH_KEEP"), "MONTH",
		    P_str(r, "month"));
	for (i = 0; i < n; i++) {
		struct tpl_dict *o = tpl_section(e, "TEACHER_OPT");

		tpl_set_int(o, "VALUE", t[i].id);
		tpl_set(o, "LABEL", t[i].label);
		if (t[i].id == (int64_t)P_num(r, "teacher"))
			tpl_show(o, "SELECTED");
	}
	return 1;
}

/* "&teacher=N" when the admin filters by teacher, else "". */
static const char *
teacher_arg(struct req *r)
{
	if (r->user->role != ROLE_ADMIN || P_num(r, "teacher") <= 0)
		return "";
	return arena_printf(r->a, "&teacher=%lld", P_num(r, "teacher"));
}

/*
 * The week grid: a row per quarter of an hour over the hours that have
 * lessons (at least GRID_FROM to GRID_TO), a column per day, lessons
 * side by side in up to GRID_LANES lanes when they overlap.  The
 * stylesheet has a class per row (r-N), span (s-N), lane (l-N),
 * number of lanes (lanes-N) and number of hours (hrs-N): the
 * Content-Security-Policy allows no inline style.
 */
#define QUARTER		15		/* minutes a grid row stands for */
#define DAY_MIN		(24 * 60)
#define GRID_FROM	(8 * 60)
#define GRID_TO		(18 * 60)
#define GRID_LANES	4

/* A lesson's place in the week grid. */
struct place {
	int	 day;		/* 0 Monday ... 6 Sunday */
	int	 from, to;	/* local minutes of the day, to <= DAY_MIN */
	int	 lane;		/* from 0 */
	int	 lanes;		/* lanes of its group of overlapping lessons */
};

/*
 * Place lesson s of the week starting monday: its local day and
 * minutes, a lesson that goes on past midnight cut at the day's end.
 * Pure but for the zone conversion.
 */
static void
place_lesson(struct req *r, const char *monday, const struct live_lesson *s,
    struct place *p)
{
	struct tm	tm;
	char		abbr[16], day[DATE_LEN];
	time_t		a, b;
	long		len, diff;

	memset(p, 0, sizeof(*p));
	local_day(r, s->starts_at, day);
	diff = *day ? date_diff_days(monday, day) : 0;
	p->day = diff < 0 ? 0 : diff > 6 ? 6 : (int)diff;
	if (to_local(r, s->starts_at, &tm, abbr))
		p->from = tm.tm_hour * 60 + tm.tm_min;
	/* Elapsed time, so that a lesson over a clock change keeps its
	 * length. */
	if (dbtime_parse(s->starts_at, &a) && dbtime_parse(s->ends_at, &b) &&
	    b > a)
		len = (long)((b - a + 59) / 60);
	else
		len = s->duration_min;
	if (len < 1)
		len = 1;
	p->to = len > DAY_MIN - p->from ? DAY_MIN : p->from + (int)len;
}

/*
 * Give the lessons of each day lanes: a lesson takes the first lane
 * free at its start; a group of lessons that overlap one another shares
 * the day's width.  Lessons are in order of start.  lanes[day] gets the
 * most lanes of the day.  Pure.
 */
static void
place_lanes(struct place *p, size_t n, int lanes[7])
{
	int	 end[GRID_LANES], day, l, group_end, most;
	size_t	 i, first;

	for (day = 0; day < 7; day++) {
		lanes[day] = 1;
		group_end = -1;
		most = 0;
		first = 0;
		for (l = 0; l < GRID_LANES; l++)
			end[l] = -1;
		for (i = 0; i <= n; i++) {
			if (i < n && p[i].day != day)
				continue;
			/* A group ends where no lesson overlaps the next. */
			if (i == n || p[i].from >= group_end) {
				for (; first < i; first++)
					if (p[first].day == day)
						p[first].lanes = most;
				if (most > lanes[day])
					lanes[day] = most;
				if (i == n)
					break;
				most = 0;
				for (l = 0; l < GRID_LANES; l++)
					end[l] = -1;
			}
			for (l = 0; l < GRID_LANES - 1; l++)
				if (end[l] <= p[i].from)
					break;
			p[i].lane = l;
			end[l] = p[i].to > end[l] ? p[i].to : end[l];
			if (l + 1 > most)
				most = l + 1;
			if (p[i].to > group_end)
				group_end = p[i].to;
		}
	}
}

/* The classes that place p in a grid starting at minute lo; arena. */
static char *
place_classes(struct req *r, const struct place *p, int lo)
{
	int	 row = (p->from - lo) / QUARTER + 1;
	int	 span = (p->to - lo + QUARTER - 1) / QUARTER + 1 - row;

	if (span < 1)
		span = 1;
	if (p->lanes <= 1)
		return arena_printf(r->a, "r-%d s-%d l-all", row, span);
	return arena_printf(r->a, "r-%d s-%d l-%d", row, span, p->lane + 1);
}

/* The week view as a time grid.  Statuses: 200, 400, 503. */
static int
schedule_week(struct req *r, struct tpl_dict *d)
{
	struct live_scope	 sc;
	struct live_lesson	*list;
	struct place		*pl;
	struct tpl_dict		*w, *day, *items, *e;
	size_t			 n, k;
	char			 anchor[DATE_LEN], monday[DATE_LEN];
	char			 date[DATE_LEN], today[DATE_LEN];
	char			 from[DBTIME_LEN], to[DBTIME_LEN], abbr[16];
	int			 wd, i, y, mo, dd, lanes[7], lo, hi, h, shown;
	struct tm		 tm;
	time_t			 t0, t1;

	if (P_str(r, "week") != NULL)
		snprintf(anchor, sizeof(anchor), "%s", P_str(r, "week"));
	else
		(void)local_date(time(NULL), viewer_zone(r), anchor);
	(void)local_date(time(NULL), viewer_zone(r), today);
	if ((wd = date_weekday(anchor)) < 0)
		wd = 0;
	(void)date_add_days(anchor, -wd, monday);
	(void)date_add_days(monday, 7, date);
	if (sscanf(monday, "%4d-%2d-%2d", &y, &mo, &dd) != 3 ||
	    !local_to_utc(viewer_zone(r), y, mo, dd, 0, 0, &t0) ||
	    sscanf(date, "%4d-%2d-%2d", &y, &mo, &dd) != 3 ||
	    !local_to_utc(viewer_zone(r), y, mo, dd, 0, 0, &t1))
		return send_error(r, 400, "That week cannot be shown.");
	dbtime_format(t0, from);
	dbtime_format(t1, to);
	viewer_scope(r, &sc);
	if (db_live_range(r->db, r->a, &sc, from, to, &list, &n) != DB_OK)
		return send_db_error(r);

	/* Where each lesson goes, and the hours that have lessons. */
	pl = arena_alloc(r->a, (n + 1) * sizeof(*pl));
	lo = GRID_FROM;
	hi = GRID_TO;
	for (k = 0; k < n; k++) {
		place_lesson(r, monday, &list[k], &pl[k]);
		if (pl[k].from < lo)
			lo = pl[k].from;
		if (pl[k].to > hi)
			hi = pl[k].to;
	}
	lo -= lo % 60;
	hi = hi % 60 ? hi + 60 - hi % 60 : hi;
	place_lanes(pl, n, lanes);

	w = tpl_section(d, "WEEK_VIEW");
	tpl_set(w, "MONDAY", monday);
	(void)date_add_days(monday, 6, date);
	tpl_set(w, "SUNDAY", date);
	(void)date_add_days(monday, -7, date);
	tpl_set(w, "PREV_URL", arena_printf(r->a,
	    "/platform/schedule?week=%s%s", date, teacher_arg(r)));
	(void)date_add_days(monday, 7, date);
	tpl_set(w, "NEXT_URL", arena_printf(r->a,
	    "/platform/schedule?week=%s%s", date, teacher_arg(r)));
	tpl_set(w, "TODAY_URL", arena_printf(r->a, "/platform/schedule%s%s",
	    *teacher_arg(r) ? "?" : "", *teacher_arg(r) ? teacher_arg(r) + 1 :
	    ""));
	tpl_set(w, "MONTH_URL", arena_printf(r->a,
	    "/platform/schedule?view=month&month=%.7s%s", anchor,
	    teacher_arg(r)));
	/* The zone's abbreviation in the week (as of its Monday noon). */
	if (utc_to_local(t0 + 12 * 3600, viewer_zone(r), &tm, abbr) &&
	    *abbr != '\0' && strcmp(abbr, viewer_zone(r)) != 0)
		tpl_set(w, "ZONE_ABBR", abbr);
	else
		tpl_set(w, "ZONE_ABBR", viewer_zone(r));
	tpl_set_int(w, "HOURS", (hi - lo) / 60);
	for (h = lo / 60; h < hi / 60; h++) {
		e = tpl_section(w, "HOUR");
		tpl_set(e, "HOUR_LABEL", arena_printf(r->a, "%02d:00", h));
		tpl_set_int(e, "HOUR_ROW", (h * 60 - lo) / QUARTER + 1);
	}
	if (n == 0)
		tpl_show(w, "NO_WEEK");
	for (i = 0; i < 7; i++) {
		(void)date_add_days(monday, i, date);
		day = tpl_section(w, "DAY");
		tpl_set(day, "DAY_NAME", day_names[i]);
		tpl_set(day, "DATE", date);
		if (strcmp(date, today) == 0)
			tpl_show(day, "TODAY");
		shown = 0;
		items = NULL;
		for (k = 0; k < n; k++) {
			if (pl[k].day != i)
				continue;
			if (items == NULL) {
				items = tpl_section(day, "ITEMS");
				tpl_set_int(items, "LANES", lanes[i]);
			}
			e = live_item(r, items, "ITEM", &list[k]);
			tpl_set(e, "PLACE", place_classes(r, &pl[k], lo));
			shown++;
		}
		if (shown == 0)
			tpl_show(day, "EMPTY");
	}
	return page_send(r, 200);
}

static const char *const month_names[] = { "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December" };

/*
 * A month written YYYY-MM into its year and month; 1, or 0 when it is
 * not one (years 1970 to 9998, so that the next month exists).  Pure.
 */
static int
month_parse(const char *s, int *y, int *mo)
{
	int	i;

	if (s == NULL || strlen(s) != 7 || s[4] != '-')
		return 0;
	for (i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return 0;
	*y = atoi(s);
	*mo = atoi(s + 5);
	return *y >= 1970 && *y <= 9998 && *mo >= 1 && *mo <= 12;
}

/* The month view's URL of year y, month mo; an arena string. */
static char *
month_url(struct req *r, int y, int mo)
{
	if (mo < 1) {
		mo = 12;
		y--;
	} else if (mo > 12) {
		mo = 1;
		y++;
	}
	return arena_printf(r->a, "/platform/schedule?view=month&month="
	    "%04d-%02d%s", y, mo, teacher_arg(r));
}

/*
 * The month view: a calendar of the month with the number of lessons
 * (not canceled) of each day, each day linking to its week.
 * Statuses: 200, 400, 503.
 */
static int
schedule_month(struct req *r, struct tpl_dict *d)
{
	struct live_scope	 sc;
	struct live_count	*q;
	struct tpl_dict		*m, *wk, *e;
	size_t			 n, k;
	long long		 count[32];
	char			 first[DATE_LEN], date[DATE_LEN];
	char			 today[DATE_LEN], sday[DATE_LEN];
	char			 from[DBTIME_LEN], to[DBTIME_LEN];
	const char		*month = P_str(r, "month");
	int			 y, mo, ny, nmo, wd, i, j, dy, dm, dd;
	time_t			 t0, t1;

	(void)local_date(time(NULL), viewer_zone(r), today);
	if (month != NULL) {
		if (!month_parse(month, &y, &mo))
			return send_error(r, 400, "The month must be written "
			    "YYYY-MM, for example 2026-12, between 1970-01 "
			    "and 9998-12.");
	} else if (P_str(r, "week") == NULL ||
	    !month_parse(arena_printf(r->a, "%.7s", P_str(r, "week")), &y,
	    &mo)) {
		if (!month_parse(arena_printf(r->a, "%.7s", today), &y, &mo))
			return send_error(r, 400, "That month cannot be "
			    "shown.");
	}
	ny = mo == 12 ? y + 1 : y;
	nmo = mo == 12 ? 1 : mo + 1;
	if (!local_to_utc(viewer_zone(r), y, mo, 1, 0, 0, &t0) ||
	    !local_to_utc(viewer_zone(r), ny, nmo, 1, 0, 0, &t1))
		return send_error(r, 400, "That month cannot be shown.");
	dbtime_format(t0, from);
	dbtime_format(t1, to);
	viewer_scope(r, &sc);
	if (db_live_quarters(r->db, r->a, &sc, from, to, &q, &n) != DB_OK)
		return send_db_error(r);
	memset(count, 0, sizeof(count));
	for (k = 0; k < n; k++) {
		local_day(r, q[k].at, sday);
		if (sscanf(sday, "%4d-%2d-%2d", &dy, &dm, &dd) == 3 &&
		    dy == y && dm == mo && dd >= 1 && dd <= 31)
			count[dd] += q[k].lessons;
	}

	m = tpl_section(d, "MONTH_VIEW");
	tpl_set(m, "MONTH_NAME", arena_printf(r->a, "%s %04d",
	    month_names[mo - 1], y));
	tpl_set(m, "PREV_URL", month_url(r, y, mo - 1));
	tpl_set(m, "NEXT_URL", month_url(r, y, mo + 1));
	tpl_set(m, "THIS_URL", arena_printf(r->a,
	    "/platform/schedule?view=month%s", teacher_arg(r)));
	snprintf(first, sizeof(first), "%04d-%02d-01", y, mo);
	tpl_set(m, "WEEK_URL", arena_printf(r->a,
	    "/platform/schedule?week=%s%s", first, teacher_arg(r)));
	/* Whole weeks, Monday to Sunday, from the one of the 1st. */
	if ((wd = date_weekday(first)) < 0)
		wd = 0;
	(void)date_add_days(first, -wd, date);
	for (i = 0; i < 6; i++) {
		if (i > 0 && (sscanf(date, "%4d-%2d", &dy, &dm) != 2 ||
		    dy != y || dm != mo))
			break;
		wk = tpl_section(m, "MONTH_WEEK");
		for (j = 0; j < 7; j++) {
			e = tpl_section(wk, "CELL");
			tpl_set(e, "DATE", date);
			tpl_set_int(e, "DAY_NUM", atoi(date + 8));
			tpl_set(e, "DAY_NAME", day_names[j]);
			tpl_set(e, "CELL_URL", arena_printf(r->a,
			    "/platform/schedule?week=%s%s", date,
			    teacher_arg(r)));
			if (strcmp(date, today) == 0)
				tpl_show(e, "TODAY");
			if (sscanf(date, "%4d-%2d-%2d", &dy, &dm, &dd) != 3 ||
			    dy != y || dm != mo)
				tpl_show(e, "OUTSIDE");
			else if (count[dd] > 0) {
				struct tpl_dict *c = tpl_section(e, "COUNT");

				tpl_set_int(c, "LESSONS", count[dd]);
				tpl_set(c, "WORD", count[dd] == 1 ? "lesson" :
				    "lessons");
			}
			(void)date_add_days(date, 1, date);
		}
	}
	return page_send(r, 200);
}

/* The list view.  Statuses: 200, 503. */
static int
schedule_list(struct req *r, struct tpl_dict *d)
{
	static const char *const keep[] = { "view", "teacher", NULL };
	struct live_scope	 sc;
	struct live_lesson	*list;
	struct tpl_dict		*l;
	size_t			 n, i, shown;
	char			 now[DBTIME_LEN];
	int64_t			 after_id = (int64_t)P_num(r, "after_id");
	const char		*after = P_str(r, "after_text");
	time_t			 t;

	dbtime_format(time(NULL), now);
	if (after == NULL || !dbtime_parse(after, &t))
		after_id = 0;
	viewer_scope(r, &sc);
	if (db_live_upcoming(r->db, r->a, &sc, now, after_id ? after : NULL,
	    after_id, &list, &n) != DB_OK)
		return send_db_error(r);
	l = tpl_section(d, "LIST_VIEW");
	tpl_set(l, "WEEK_URL", arena_printf(r->a, "/platform/schedule%s%s",
	    *teacher_arg(r) ? "?" : "", *teacher_arg(r) ? teacher_arg(r) + 1 :
	    ""));
	tpl_set(l, "MONTH_URL", arena_printf(r->a,
	    "/platform/schedule?view=month%s", teacher_arg(r)));
	shown = n > LIVE_PAGE ? LIVE_PAGE : n;
	for (i = 0; i < shown; i++)
		live_item(r, l, "ROW", &list[i]);
	if (shown == 0)
		tpl_show(l, "EMPTY");
	pager_links(r, l, "/platform/schedule", keep, n > LIVE_PAGE,
	    shown > 0 ? list[shown - 1].starts_at : NULL,
	    shown > 0 ? list[shown - 1].id : 0);
	return page_send(r, 200);
}

/*
 * GET /platform/schedule: the week (default), the month
 * (?view=month&month=YYYY-MM) or the upcoming list.
 * Statuses: 200, 400, 503.
 */
int
page_schedule(struct req *r)
{
	struct tpl_dict	*d;
	const char	*view = P_str(r, "view");

	if (view == NULL)
		view = "week";
	d = page_begin(r, "schedule-page.tpl", "Schedule");
	tpl_set(d, "ZONE_LINE", zone_line(r));
	if (r->user->role != ROLE_LEARNER)
		tpl_show(d, "CAN_CREATE");
	if (!teacher_filter(r, d, view))
		return send_db_error(r);
	tpl_set(d, "LIST_URL", arena_printf(r->a,
	    "/platform/schedule?view=list%s", teacher_arg(r)));
	if (strcmp(view, "list") == 0)
		return schedule_list(r, d);
	if (strcmp(view, "month") == 0)
		return schedule_month(r, d);
	return schedule_week(r, d);
}

/* ------------------------------------------------------------------ */
/* The session form                                                    */

/* The choices of the form for one teacher. */
struct choices {
	struct live_option	*teachers, *courses, *lessons, *enrollments,
				*groups;
	size_t			 nteachers, ncourses, nlessons, nenrollments,
				 ngroups;
	int64_t			 teacher_id;	/* 0: not chosen yet */
};

/* The option with id in o, or NULL.  Pure. */
static const struct live_option *
opt_find(const struct live_option *o, size_t n, int64_t id)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (o[i].id == id)
			return &o[i];
	return NULL;
}

/* 1 when learner is enrolled with the teacher of c.  Pure. */
static int
enrolled(const struct choices *c, int64_t learner)
{
	size_t	i;

	for (i = 0; i < c->nenrollments; i++)
		if (c->enrollments[i].learner_id == learner)
			return 1;
	return 0;
}

/*
 * Load the choices for teacher tid (0: none chosen), keeping the course
 * and lesson of s on an edit.  Returns 1, or 0 on a database failure.
 */
static int
load_choices(struct req *r, int64_t tid, const struct live_lesson *s,
    struct choices *c)
{
	memset(c, 0, sizeof(*c));
	c->teacher_id = tid;
	if (r->user->role == ROLE_ADMIN && db_live_teachers(r->db, r->a,
	    &c->teachers, &c->nteachers) != DB_OK)
		return 0;
	if (db_live_courses(r->db, r->a, s ? s->course_id : 0, &c->courses,
	    &c->ncourses) != DB_OK ||
	    db_live_lessons(r->db, r->a, s ? s->lesson_id : 0, &c->lessons,
	    &c->nlessons) != DB_OK)
		return 0;
	if (tid > 0 && (db_live_enrollments(r->db, r->a, tid, &c->enrollments,
	    &c->nenrollments) != DB_OK || db_live_groups(r->db, r->a, tid,
	    &c->groups, &c->ngroups) != DB_OK))
		return 0;
	return 1;
}

/* The values the form starts with. */
struct form_vals {
	int64_t		 course, lesson, enrollment, group;
	const char	*date, *time, *meeting, *title, *notes;
	long long	 duration, cost;
	const int64_t	*learners;
	size_t		 nlearners;
};

/* 1 when id is among ids.  Pure. */
static int
has_id(const int64_t *ids, size_t n, int64_t id)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* Every valid "learner" value of the form; an arena array. */
static int64_t *
form_learners(struct req *r, size_t *n)
{
	struct kv	*kv;
	int64_t		*ids, id;
	size_t		 cap = 0;

	for (kv = r->form.head; kv != NULL; kv = kv->next)
		if (strcmp(kv->key, "learner") == 0)
			cap++;
	ids = arena_alloc(r->a, (cap + 1) * sizeof(*ids));
	*n = 0;
	for (kv = r->form.head; kv != NULL; kv = kv->next)
		if (strcmp(kv->key, "learner") == 0 &&
		    valid_id(kv->val, &id) && !has_id(ids, *n, id))
			ids[(*n)++] = id;
	return ids;
}

/* Fill the form's fields: from the POST when posted, else from v. */
static void
form_fill(struct req *r, struct tpl_dict *d, const struct choices *c,
    const struct form_vals *v)
{
	struct tpl_dict	*o;
	size_t		 i, j;
	int		 posted = r->method == M_POST;
	int64_t		 course = posted ? P_num(r, "course") : v->course;
	int64_t		 lesson = posted ? P_num(r, "lesson") : v->lesson;
	int64_t		 enr = posted ? P_num(r, "enrollment") : v->enrollment;
	int64_t		 grp = posted ? P_num(r, "group") : v->group;
	const char	*meeting = posted ? (P(r, "meeting_type")->raw ?
	    P(r, "meeting_type")->raw : "") : v->meeting;
	const int64_t	*learners = v->learners;
	size_t		 nlearners = v->nlearners;
	static const char *const fields[] = { "date", "time", "duration",
	    "title", "notes", "cost" };
	static const char *const vars[] = { "DATE_VALUE", "TIME_VALUE",
	    "DURATION_VALUE", "TITLE_VALUE", "NOTES_VALUE", "COST_VALUE" };
	static const char *const errs[] = { "DATE_ERROR", "TIME_ERROR",
	    "DURATION_ERROR", "TITLE_ERROR", "NOTES_ERROR", "COST_ERROR" };

	if (posted) {
		for (i = 0; i < 6; i++)
			form_field(d, P(r, fields[i]), vars[i], errs[i]);
		form_field(d, P(r, "course"), "COURSE_VALUE", "COURSE_ERROR");
		form_field(d, P(r, "lesson"), "LESSON_VALUE", "LESSON_ERROR");
		form_field(d, P(r, "meeting_type"), "MEETING_VALUE",
		    "MEETING_ERROR");
		form_field(d, P(r, "enrollment"), "ENROLLMENT_VALUE",
		    "ENROLLMENT_ERROR");
		form_field(d, P(r, "learner"), "LEARNER_VALUE",
		    "LEARNER_ERROR");
		form_field(d, P(r, "group"), "GROUP_VALUE", "GROUP_ERROR");
		form_field(d, P(r, "teacher"), "TEACHER_VALUE",
		    "TEACHER_ERROR");
		learners = form_learners(r, &nlearners);
	} else {
		tpl_set(d, "DATE_VALUE", v->date ? v->date : "");
		tpl_set(d, "TIME_VALUE", v->time ? v->time : "");
		tpl_set_int(d, "DURATION_VALUE", v->duration);
		tpl_set_int(d, "COST_VALUE", v->cost);
		tpl_set(d, "TITLE_VALUE", v->title ? v->title : "");
		tpl_set(d, "NOTES_VALUE", v->notes ? v->notes : "");
	}
	if (r->user->role == ROLE_ADMIN) {
		o = tpl_section(d, "TEACHER_CHOICE");
		for (i = 0; i < c->nteachers; i++) {
			struct tpl_dict *t = tpl_section(o, "TEACHER_OPT");

			tpl_set_int(t, "VALUE", c->teachers[i].id);
			tpl_set(t, "LABEL", c->teachers[i].label);
			if (c->teachers[i].id == c->teacher_id)
				tpl_show(t, "SELECTED");
		}
	}
	if (c->teacher_id > 0)
		tpl_set_int(d, "TEACHER_ID", c->teacher_id);
	for (i = 0; i < c->ncourses; i++) {
		o = tpl_section(d, "COURSE_OPT");
		tpl_set_int(o, "VALUE", c->courses[i].id);
		tpl_set(o, "LABEL", c->courses[i].label);
		if (c->courses[i].id == course)
			tpl_show(o, "SELECTED");
	}
	for (i = 0; i < c->nlessons; i++) {
		o = tpl_section(d, "LESSON_OPT");
		tpl_set_int(o, "VALUE", c->lessons[i].id);
		tpl_set(o, "LABEL", arena_printf(r->a, "%s: %s",
		    c->lessons[i].extra, c->lessons[i].label));
		if (c->lessons[i].id == lesson)
			tpl_show(o, "SELECTED");
	}
	if (meeting == NULL || strcmp(meeting, "group") != 0)
		tpl_show(d, "INDIVIDUAL_CHECKED");
	else
		tpl_show(d, "GROUP_CHECKED");
	for (i = 0; i < c->nenrollments; i++) {
		o = tpl_section(d, "ENROLLMENT_OPT");
		tpl_set_int(o, "VALUE", c->enrollments[i].id);
		tpl_set(o, "LABEL", arena_printf(r->a, "%s (%s)",
		    c->enrollments[i].label, c->enrollments[i].extra));
		if (c->enrollments[i].id == enr)
			tpl_show(o, "SELECTED");
	}
	/* One checkbox per learner, however many of their enrollments. */
	for (i = 0; i < c->nenrollments; i++) {
		for (j = 0; j < i; j++)
			if (c->enrollments[j].learner_id ==
			    c->enrollments[i].learner_id)
				break;
		if (j < i)
			continue;
		o = tpl_section(d, "LEARNER_OPT");
		tpl_set_int(o, "VALUE", c->enrollments[i].learner_id);
		tpl_set(o, "LABEL", c->enrollments[i].label);
		if (has_id(learners, nlearners, c->enrollments[i].learner_id))
			tpl_show(o, "CHECKED");
	}
	for (i = 0; i < c->ngroups; i++) {
		o = tpl_section(d, "GROUP_OPT");
		tpl_set_int(o, "VALUE", c->groups[i].id);
		tpl_set(o, "LABEL", c->groups[i].label);
		if (c->groups[i].id == grp)
			tpl_show(o, "SELECTED");
	}
	if (c->teacher_id > 0 && c->nenrollments == 0)
		tpl_show(d, "NO_ENROLLMENTS");
}

/* Render the form (create when s is NULL) with status. */
static int
form_page(struct req *r, const struct choices *c, const struct live_lesson *s,
    const struct form_vals *v, int status)
{
	struct tpl_dict	*d = page_begin(r, "schedule-form.tpl",
	    s ? "Edit Session" : "Create Session");

	tpl_set(d, "ZONE_LINE", zone_line(r));
	if (s == NULL) {
		tpl_show(d, "CREATE");
		tpl_set(d, "ACTION", "/platform/sessions/new");
	} else {
		tpl_set(tpl_section(d, "EDIT"), "LIVE_ID",
		    arena_printf(r->a, "%lld", (long long)s->id));
		tpl_set(d, "ACTION", arena_printf(r->a,
		    "/platform/sessions/%lld/edit", (long long)s->id));
	}
	if (r->user->role == ROLE_ADMIN && s == NULL)
		tpl_show(d, "CHOOSE_TEACHER");
	form_fill(r, d, c, v);
	return page_send(r, status);
}

/*
 * Check the posted form against the choices and fill in; field errors
 * go through P_fail.  Allocates in the request arena.
 */
static void
form_check(struct req *r, const struct choices *c, struct live_input *in,
    char start[DBTIME_LEN], char end[DBTIME_LEN], char **moved)
{
	const struct live_option	*o;
	const struct pval		*pd = P(r, "date"), *pt = P(r, "time");
	int64_t				*ids, *members;
	size_t				 n, nm, i, cap;
	int				 h, mi, sec = 0, y, mo, d;
	char				 tail;
	time_t				 t;
	struct tm			 tm;
	char				 abbr[16];

	memset(in, 0, sizeof(*in));
	*moved = NULL;
	in->teacher_id = c->teacher_id;
	if (c->teacher_id <= 0)
		P_fail(r, "teacher", "Choose the teacher.");
	in->course_id = (int64_t)P_num(r, "course");
	if (P_str(r, "course") != NULL &&
	    opt_find(c->courses, c->ncourses, in->course_id) == NULL)
		P_fail(r, "course", "Choose a course from the list.");
	in->lesson_id = (int64_t)P_num(r, "lesson");
	if (P_str(r, "lesson") != NULL && ((o = opt_find(c->lessons,
	    c->nlessons, in->lesson_id)) == NULL ||
	    o->course_id != in->course_id))
		P_fail(r, "lesson", "Choose a lesson of the chosen course.");
	in->duration_min = P_num(r, "duration");
	in->token_cost = P_num(r, "cost");
	in->title = P_str(r, "title");
	in->notes = P_str(r, "notes");
	if (pt->raw != NULL && pt->error == NULL && (sscanf(pt->raw,
	    "%2d:%2d%c", &h, &mi, &tail) != 2 || strlen(pt->raw) != 5) &&
	    (sscanf(pt->raw, "%2d:%2d:%2d%c", &h, &mi, &sec, &tail) != 3 ||
	    strlen(pt->raw) != 8))
		P_fail(r, "time", "Enter the time as HH:MM.");
	else if (pt->raw != NULL && pt->error == NULL && (h < 0 || h > 23 ||
	    mi < 0 || mi > 59 || sec < 0 || sec > 59))
		P_fail(r, "time", "Enter the time as HH:MM.");
	if (pd->error == NULL && pt->error == NULL && pd->raw != NULL &&
	    pt->raw != NULL) {
		y = pd->y;
		mo = pd->mo;
		d = pd->d;
		if (!local_to_utc(viewer_zone(r), y, mo, d, h, mi, &t))
			P_fail(r, "time", "This time cannot be used.");
		else {
			dbtime_format(t, start);
			dbtime_format(t + in->duration_min * 60, end);
			in->starts_at = start;
			in->ends_at = end;
			if (utc_to_local(t, viewer_zone(r), &tm, abbr) &&
			    (tm.tm_hour != h || tm.tm_min != mi))
				*moved = arena_printf(r->a, "%02d:%02d %s does "
				    "not exist on that day (the clocks change); "
				    "the session starts at %02d:%02d %s.", h, mi,
				    viewer_zone(r), tm.tm_hour, tm.tm_min, abbr);
		}
	}
	in->meeting_type = P_str(r, "meeting_type");
	if (in->meeting_type == NULL)
		return;
	if (strcmp(in->meeting_type, "individual") == 0) {
		if (in->token_cost > 0)
			P_fail(r, "cost", "Only group sessions have a cost; "
			    "leave it at 0 for an individual session.");
		in->enrollment_id = (int64_t)P_num(r, "enrollment");
		o = opt_find(c->enrollments, c->nenrollments,
		    in->enrollment_id);
		if (o == NULL || o->course_id != in->course_id) {
			P_fail(r, "enrollment", "Choose one of your learners "
			    "enrolled in this course.");
			return;
		}
		ids = arena_alloc(r->a, sizeof(*ids));
		ids[0] = o->learner_id;
		in->learners = ids;
		in->nlearners = 1;
		return;
	}
	ids = form_learners(r, &n);
	for (i = 0; i < n; i++)
		if (!enrolled(c, ids[i])) {
			P_fail(r, "learner", "Choose learners enrolled with "
			    "the teacher.");
			return;
		}
	if (P_str(r, "group") != NULL) {
		in->group_id = (int64_t)P_num(r, "group");
		if (opt_find(c->groups, c->ngroups, in->group_id) == NULL) {
			P_fail(r, "group", "Choose one of the teacher's "
			    "groups.");
			return;
		}
		if (db_live_group_members(r->db, r->a, in->group_id, &members,
		    &nm) != DB_OK) {
			P_fail(r, "group", "The group cannot be read now.");
			return;
		}
		cap = n + nm;
		in->learners = arena_alloc(r->a, (cap + 1) * sizeof(int64_t));
		memcpy((int64_t *)in->learners, ids, n * sizeof(*ids));
		for (i = 0; i < nm; i++)
			if (!has_id(in->learners, n, members[i]))
				((int64_t *)in->learners)[n++] = members[i];
		ids = (int64_t *)in->learners;
	}
	in->learners = ids;
	in->nlearners = n;
	if (n == 0)
		P_fail(r, "learner", "Choose at least one learner or a group "
		    "with members.");
}

/* The teacher of a form post: the admin's choice or the teacher. */
static int64_t
form_teacher(struct req *r)
{
	if (r->user->role == ROLE_ADMIN)
		return (int64_t)P_num(r, "teacher");
	return r->user->id;
}

/*
 * Save a posted form (create when s is NULL): redirect to the session,
 * or show the form with errors.  Statuses: 303, 422, 503.
 */
static int
form_save(struct req *r, const struct live_lesson *s)
{
	struct choices		 c;
	struct live_input	 in;
	struct form_vals	 v;
	int64_t			 tid = s ? s->teacher_id : form_teacher(r), id;
	char			 start[DBTIME_LEN], end[DBTIME_LEN], *moved;
	char			**warn;
	size_t			 nwarn, i;
	int			 clash;
	struct buf		 msg;

	if (r->user->role == ROLE_ADMIN && tid > 0 && s == NULL) {
		if (!load_choices(r, 0, NULL, &c))
			return send_db_error(r);
		if (opt_find(c.teachers, c.nteachers, tid) == NULL)
			tid = 0;
	}
	if (!load_choices(r, tid, s, &c))
		return send_db_error(r);
	memset(&v, 0, sizeof(v));
	form_check(r, &c, &in, start, end, &moved);
	if (r->nerrors > 0)
		return form_page(r, &c, s, &v, 422);
	if (db_live_save(r->db, r->a, s ? s->id : 0, &in, r->user->id, &id,
	    &clash, &warn, &nwarn) != DB_OK)
		return send_db_error(r);
	if (clash) {
		P_fail(r, "time", "The teacher already has a session at this "
		    "time.");
		return form_page(r, &c, s, &v, 422);
	}
	buf_init(&msg);
	buf_puts(&msg, s ? "Saved the session." : "Created the session.");
	if (moved != NULL) {
		buf_putc(&msg, ' ');
		buf_puts(&msg, moved);
	}
	if (nwarn > 0) {
		buf_puts(&msg, " Warning: already booked at this time: ");
		for (i = 0; i < nwarn; i++) {
			if (i > 0)
				buf_puts(&msg, ", ");
			buf_puts(&msg, warn[i]);
		}
		buf_putc(&msg, '.');
	}
	flash_set(r, arena_strdup(r->a, msg.data));
	buf_free(&msg);
	return send_redirect(r, arena_printf(r->a, "/platform/sessions/%lld",
	    (long long)id));
}

/*
 * GET /platform/sessions/new: the create form; an admin picks the
 * teacher first (?teacher=).
 * Statuses: 200, 503.
 */
int
page_live_new(struct req *r)
{
	struct choices		 c;
	struct form_vals	 v;
	int64_t			 tid = form_teacher(r);

	if (r->user->role == ROLE_ADMIN && tid > 0) {
		if (!load_choices(r, 0, NULL, &c))
			return send_db_error(r);
		if (opt_find(c.teachers, c.nteachers, tid) == NULL)
			tid = 0;
	}
	if (!load_choices(r, tid, NULL, &c))
		return send_db_error(r);
	memset(&v, 0, sizeof(v));
	v.duration = 45;
	v.meeting = "individual";
	return form_page(r, &c, NULL, &v, 200);
}

/*
 * POST /platform/sessions/new: create the session.
 * Statuses: 303, 422, 503.
 */
int
page_live_create(struct req *r)
{
	return form_save(r, NULL);
}

/* ------------------------------------------------------------------ */
/* One session                                                         */

/* The join line of a session for now. */
static void
join_line(struct req *r, struct tpl_dict *d, const struct live_lesson *s)
{
	enum live_join	 state = live_join_state(s, time(NULL));
	time_t		 st;
	struct tm	 tm;
	char		 abbr[16];

	if (state == LIVE_JOIN_OVER || !dbtime_parse(s->starts_at, &st) ||
	    !utc_to_local(st - LIVE_JOIN_EARLY, viewer_zone(r), &tm, abbr))
		return;
	if (state == LIVE_JOIN_NOT_YET)
		tpl_set(d, "JOIN_LINE", arena_printf(r->a, "Join Session opens "
		    "at %02d:%02d (%s).", tm.tm_hour, tm.tm_min,
		    zone_label(r, abbr)));
	else {
		tpl_set(d, "JOIN_LINE", arena_printf(r->a, "You can join from "
		    "%02d:%02d until %s (%s).", tm.tm_hour, tm.tm_min,
		    hhmm(r, s->ends_at), zone_label(r, abbr)));
		tpl_show(d, "CAN_JOIN");
		classroom_csp_join(r);
	}
	tpl_show(d, "JOIN");
}

/*
 * The lesson's classroom: a link to its room while one is active, and
 * its past classroom sessions with their summaries.  Returns 1, or 0
 * on a database failure.
 */
static int
classroom_lines(struct req *r, struct tpl_dict *d,
    const struct live_lesson *s)
{
	struct classroom_past	*past;
	struct tpl_dict		*e;
	size_t			 n, i;
	int64_t			 sid;

	if (db_classroom_lesson_active(r->db, s->id, &sid) != DB_OK ||
	    db_classroom_lesson_history(r->db, r->a, s->id, &past, &n) !=
	    DB_OK)
		return 0;
	if (sid != 0)
		tpl_set_int(tpl_section(d, "ROOM"), "ROOM_ID", sid);
	for (i = 0; i < n; i++) {
		e = tpl_section(d, "CLASSROOM_PAST");
		tpl_set_int(e, "SUMMARY_ID", past[i].id);
		tpl_set(e, "PAST_STARTED", show_time(r, past[i].started_at));
		tpl_set_int(e, "PAST_PEOPLE", past[i].participants);
	}
	return 1;
}

/* A participant's balance and whether the lesson charged them. */
static void
participant_tokens(struct tpl_dict *e, const struct live_participant *p)
{
	struct tpl_dict	*t = tpl_section(e, "TOKENS");

	tpl_set_int(t, "BALANCE", p->balance);
	if (p->charge != NULL)
		tpl_show(t, strcmp(p->charge, "unpaid") == 0 ? "UNPAID" :
		    "CHARGED");
}

/*
 * GET /platform/sessions/:id: the session with its participants, status
 * history and the actions its teacher may take now.
 * Statuses: 200, 404, 503.
 */
int
page_live_show(struct req *r)
{
	struct live_lesson	*s;
	struct live_participant	*p;
	struct live_log		*log;
	struct tpl_dict		*d, *e, *o;
	size_t			 np, nlog, i, j;
	int			 manage, ended, cost;

	if ((s = live_lesson_load(r, 0, &p, &np)) == NULL)
		return r->status;
	if (db_live_log(r->db, r->a, s->id, &log, &nlog) != DB_OK)
		return send_db_error(r);
	manage = r->user->role == ROLE_ADMIN || s->teacher_id == r->user->id;
	ended = s->status == LIVE_ENDED;
	d = page_begin(r, "schedule-lesson.tpl", live_name(r, s));
	tpl_set_int(d, "LIVE_ID", s->id);
	tpl_set(d, "NAME", live_name(r, s));
	tpl_set(d, "COURSE", s->course_title);
	if (s->lesson_title != NULL)
		tpl_set(tpl_section(d, "LESSON"), "LESSON_TITLE",
		    s->lesson_title);
	tpl_set(d, "TEACHER_NAME", s->teacher_name);
	tpl_set(d, "STARTS", show_time(r, s->starts_at));
	tpl_set(d, "ENDS", show_time(r, s->ends_at));
	tpl_set_int(d, "DURATION", s->duration_min);
	tpl_set(d, "MEETING", meeting_label(s->meeting_type));
	tpl_set(d, "STATUS", live_status_label(s->status));
	tpl_set(d, "STATUS_VALUE", live_status_name(s->status));
	tpl_set(d, "ZONE_LINE", zone_line(r));
	cost = strcmp(s->meeting_type, "group") == 0 && s->token_cost > 0;
	if (cost)
		tpl_set_int(tpl_section(d, "COST"), "COST_TOKENS",
		    s->token_cost);
	if (s->notes != NULL)
		tpl_set(tpl_section(d, "NOTES"), "NOTES_TEXT", s->notes);
	if (s->cancel_reason != NULL)
		tpl_set(tpl_section(d, "CANCEL_REASON"), "REASON",
		    s->cancel_reason);
	join_line(r, d, s);
	if (!classroom_lines(r, d, s))
		return send_db_error(r);
	for (i = 0; i < np; i++) {
		e = tpl_section(d, "PARTICIPANT");
		tpl_set_int(e, "LEARNER_ID", p[i].learner_id);
		tpl_set(e, "LEARNER_NAME", p[i].name);
		for (j = 0; j < sizeof(attendances) / sizeof(attendances[0]);
		    j++) {
			if (p[i].attendance != NULL && strcmp(p[i].attendance,
			    attendances[j].value) == 0)
				tpl_set(e, "ATTENDANCE",
				    attendances[j].label);
		}
		/* Its teacher sees who can pay before and who paid after. */
		if (cost && manage)
			participant_tokens(e, &p[i]);
	}
	for (i = 0; i < nlog; i++) {
		e = tpl_section(d, "LOG");
		tpl_set(e, "FROM", log[i].created ? "(new)" :
		    live_status_label(log[i].from_status));
		tpl_set(e, "TO", live_status_label(log[i].to_status));
		tpl_set(e, "WHO", log[i].user_name ? log[i].user_name :
		    "Lectern");
		tpl_set(e, "WHEN", show_time(r, log[i].changed_at));
		if (log[i].reason != NULL)
			tpl_set(tpl_section(e, "LOG_REASON"), "REASON",
			    log[i].reason);
	}
	if (ended && s->session_notes != NULL)
		tpl_set(tpl_section(d, "SESSION_NOTES"), "SESSION_NOTES_TEXT",
		    s->session_notes);
	if (!feedback_lesson_part(r, d, s, p, np, manage) ||
	    !instant_lesson_part(r, d, s, manage))
		return send_db_error(r);
	if (!manage)
		return page_send(r, 200);
	if (s->status == LIVE_SCHEDULED) {
		tpl_show(d, "CAN_EDIT");
		tpl_show(d, "CAN_CANCEL");
		if (live_join_state(s, time(NULL)) == LIVE_JOIN_OPEN)
			tpl_show(d, "CAN_START");
	}
	if (s->status == LIVE_ACTIVE)
		tpl_show(d, "CAN_COMPLETE");
	if (ended) {
		e = tpl_section(d, "ATTENDANCE_FORM");
		tpl_set_int(e, "LIVE_ID", s->id);
		tpl_set(e, "SESSION_NOTES_VALUE", s->session_notes ?
		    s->session_notes : "");
		for (i = 0; i < np; i++) {
			struct tpl_dict *row = tpl_section(e, "ATT_ROW");

			tpl_set_int(row, "LEARNER_ID", p[i].learner_id);
			tpl_set(row, "LEARNER_NAME", p[i].name);
			for (j = 0; j < sizeof(attendances) /
			    sizeof(attendances[0]); j++) {
				o = tpl_section(row, "ATT_OPT");
				tpl_set(o, "VALUE", attendances[j].value);
				tpl_set(o, "LABEL", attendances[j].label);
				tpl_set_int(o, "LEARNER_ID", p[i].learner_id);
				if (p[i].attendance != NULL &&
				    strcmp(p[i].attendance,
				    attendances[j].value) == 0)
					tpl_show(o, "CHECKED");
			}
		}
	}
	return page_send(r, 200);
}

/*
 * GET /platform/sessions/:id/edit: the form with the session's values.
 * Statuses: 200, 404, 409, 503.
 */
int
page_live_edit(struct req *r)
{
	struct live_lesson	*s;
	struct live_participant	*p;
	struct choices		 c;
	struct form_vals	 v;
	struct tm		 tm;
	char			 abbr[16];
	int64_t			*ids;
	size_t			 np, i;

	if ((s = live_lesson_load(r, 1, &p, &np)) == NULL)
		return r->status;
	if (s->status != LIVE_SCHEDULED)
		return send_error(r, 409, "Only a scheduled session can be "
		    "edited.");
	if (!load_choices(r, s->teacher_id, s, &c))
		return send_db_error(r);
	memset(&v, 0, sizeof(v));
	v.course = s->course_id;
	v.lesson = s->lesson_id;
	v.enrollment = s->enrollment_id;
	v.group = s->group_id;
	v.meeting = s->meeting_type;
	v.title = s->title;
	v.notes = s->notes;
	v.duration = s->duration_min;
	v.cost = s->token_cost;
	if (to_local(r, s->starts_at, &tm, abbr)) {
		v.date = arena_printf(r->a, "%04d-%02d-%02d", tm.tm_year + 1900,
		    tm.tm_mon + 1, tm.tm_mday);
		v.time = arena_printf(r->a, "%02d:%02d", tm.tm_hour,
		    tm.tm_min);
	}
	ids = arena_alloc(r->a, (np + 1) * sizeof(*ids));
	for (i = 0; i < np; i++)
		ids[i] = p[i].learner_id;
	v.learners = ids;
	v.nlearners = np;
	return form_page(r, &c, s, &v, 200);
}

/*
 * POST /platform/sessions/:id/edit: save a scheduled session.
 * Statuses: 303, 404, 409, 422, 503.
 */
int
page_live_save(struct req *r)
{
	struct live_lesson	*s;
	struct live_participant	*p;
	size_t			 np;

	if ((s = live_lesson_load(r, 1, &p, &np)) == NULL)
		return r->status;
	if (s->status != LIVE_SCHEDULED)
		return send_error(r, 409, "Only a scheduled session can be "
		    "edited.");
	return form_save(r, s);
}

/*
 * Move the path's session from status from to status to, for its
 * teacher or an admin.  Statuses: 303, 404, 409, 503.
 */
static int
transition(struct req *r, enum live_status from, enum live_status to,
    const char *reason, const char *done)
{
	struct live_lesson	*s;
	struct live_participant	*p;
	size_t			 np;
	int			 moved;

	if ((s = live_lesson_load(r, 1, &p, &np)) == NULL)
		return r->status;
	if (s->status != from)
		return send_error(r, 409, arena_printf(r->a, "This session is "
		    "%s: it cannot become %s.", live_status_label(s->status),
		    live_status_label(to)));
	if (to == LIVE_ACTIVE && live_join_state(s, time(NULL)) !=
	    LIVE_JOIN_OPEN)
		return send_error(r, 409, arena_printf(r->a, "A session can "
		    "be started from %d minutes before its start until its "
		    "end.", LIVE_JOIN_EARLY_MIN));
	if (db_live_transition(r->db, s->id, from, to, r->user->id, reason,
	    &moved) != DB_OK)
		return send_db_error(r);
	if (!moved)
		return send_error(r, 409, "This session changed meanwhile; "
		    "reload it.");
	/* A completed or canceled lesson closes its classroom too. */
	if (to == LIVE_ENDED || to == LIVE_CANCELED)
		classroom_end_lesson(r, s->id);
	flash_set(r, done);
	return send_redirect(r, arena_printf(r->a, "/platform/sessions/%lld",
	    (long long)s->id));
}

/*
 * POST /platform/sessions/:id/cancel: scheduled to canceled, which
 * emails its learners (and its teacher, when someone else cancels).
 * Only with confirm=1: without it the page says who is emailed and
 * asks, keeping the reason typed.
 * Statuses: 200 (the question), 303, 404, 409, 422, 503.
 */
int
page_live_cancel(struct req *r)
{
	struct live_lesson	*s;
	struct live_participant	*p;
	struct tpl_dict		*d;
	const char		*reason = P_str(r, "reason");
	size_t			 np, n;

	if (P_num(r, "confirm"))
		return transition(r, LIVE_SCHEDULED, LIVE_CANCELED, reason,
		    "Canceled the session.");
	if ((s = live_lesson_load(r, 1, &p, &np)) == NULL)
		return r->status;
	if (s->status != LIVE_SCHEDULED)
		return send_error(r, 409, arena_printf(r->a, "This session is "
		    "%s: it cannot become %s.", live_status_label(s->status),
		    live_status_label(LIVE_CANCELED)));
	/* As live_notice_moved() tells them. */
	n = np + (s->teacher_id != r->user->id);
	d = page_begin(r, "schedule-cancel.tpl", live_name(r, s));
	tpl_set_int(d, "LIVE_ID", s->id);
	tpl_set(d, "NAME", live_name(r, s));
	tpl_set(d, "STARTS", show_time(r, s->starts_at));
	tpl_set(d, "REASON", reason != NULL ? reason : "");
	tpl_set(d, "WHAT", n == 0 ? "Nobody is emailed: the lesson has no "
	    "learners." : arena_printf(r->a, "%zu %s emailed that the lesson "
	    "is canceled, with the reason below when you give one.", n,
	    n == 1 ? "person is" : "people are"));
	return page_send(r, 200);
}

/*
 * POST /platform/sessions/:id/start: scheduled to active.
 * Statuses: 303, 404, 409, 503.
 */
int
page_live_start(struct req *r)
{
	return transition(r, LIVE_SCHEDULED, LIVE_ACTIVE, NULL,
	    "Started the session.");
}

/*
 * POST /platform/sessions/:id/complete: active to ended.
 * Statuses: 303, 404, 409, 503.
 */
int
page_live_complete(struct req *r)
{
	return transition(r, LIVE_ACTIVE, LIVE_ENDED, NULL,
	    "Marked the session as completed.");
}

/*
 * POST /platform/sessions/:id/attendance: attendance per participant
 * ("att_<learner id>") and the session notes, after the session ended.
 * Statuses: 303, 404, 409, 422, 503.
 */
int
page_live_attendance(struct req *r)
{
	struct live_lesson	*s;
	struct live_participant	*p;
	size_t			 np, i, j;
	int			 ok;
	const char		*v;

	if ((s = live_lesson_load(r, 1, &p, &np)) == NULL)
		return r->status;
	if (s->status != LIVE_ENDED)
		return send_error(r, 409, "Attendance is taken after the "
		    "session is completed.");
	for (i = 0; i < np; i++) {
		v = kv_get(&r->form, arena_printf(r->a, "att_%lld",
		    (long long)p[i].learner_id));
		if (empty(v)) {
			p[i].attendance = NULL;
			continue;
		}
		for (ok = 0, j = 0; j < sizeof(attendances) /
		    sizeof(attendances[0]); j++)
			if (strcmp(v, attendances[j].value) == 0)
				ok = 1;
		if (!ok)
			return send_error(r, 422, arena_printf(r->a,
			    "Choose the attendance of %s from the list.",
			    p[i].name));
		p[i].attendance = (char *)v;
	}
	if (db_live_attendance(r->db, s->id, p, np,
	    P_str(r, "session_notes"), strcmp(s->meeting_type, "group") == 0 ?
	    s->token_cost : 0, r->user->id) != DB_OK)
		return send_db_error(r);
	flash_set(r, "Saved the attendance.");
	return send_redirect(r, arena_printf(r->a, "/platform/sessions/%lld",
	    (long long)s->id));
}
