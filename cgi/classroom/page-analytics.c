/*
 * page-analytics.c: a channel's analytics across its sessions and its
 * attendance as CSV (analytics.h), for the people who run the channel:
 * its channel admins and site administrators.  Plain members are
 * refused (they would see each other's attendance); anyone else does
 * not learn that the channel exists.
 */
#include <stdio.h>
#include <string.h>

#include "classroom/analytics.h"
#include "classroom/classroom.h"
#include "core/db.h"
#include "core/handler.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "lib/util.h"

/*
 * The channel of the path when the user may see its analytics, else
 * NULL after sending 403 (a plain member), 404 or 503.
 */
static struct channel *
analytics_load(struct req *r)
{
	static const char	 missing[] = "There is no such classroom.";
	struct channel		*ch;
	enum db_rc		 rc;
	int			 site_admin = r->user->role == ROLE_ADMIN;

	rc = db_channel_get(r->db, r->a, r->ids[0], r->user->id, &ch);
	if (!load_found(r, rc, ch, missing))
		return NULL;
	if (!ch->is_member && !site_admin) {
		load_refuse(r, missing);
		return NULL;
	}
	if (!ch->is_admin && !site_admin) {
		send_error(r, 403, "Only the channel's admins can see its "
		    "analytics.");
		return NULL;
	}
	return ch;
}

/* Attended of held as a whole percentage, rounded. */
static long long
rate(long long attended, long long held)
{
	return held > 0 ? (attended * 100 + held / 2) / held : 0;
}

/*
 * The two charts and the table of the latest sessions (newest first
 * in s), drawn oldest first: learners present and their minutes, then
 * their messages and poll votes.
 */
static void
session_charts(struct req *r, struct tpl_dict *d, const struct an_session *s,
    size_t n)
{
	static const struct {
		const char	*id, *title, *bar, *line;
	} charts[] = {
		{ "presence", "Learners present and their minutes",
		    "learners present", "minutes" },
		{ "activity", "Chat messages and poll votes of learners",
		    "messages", "poll votes" },
	};
	struct tpl_dict	*c, *e;
	long long	 bars[2][ANALYTICS_SESSIONS], line[2][ANALYTICS_SESSIONS];
	long long	 tb[2] = { 0, 0 }, tl[2] = { 0, 0 };
	const char	*labels[ANALYTICS_SESSIONS];
	size_t		 i, k, j;

	if (n > ANALYTICS_SESSIONS)
		n = ANALYTICS_SESSIONS;
	for (k = 0; k < n; k++) {
		i = n - 1 - k;
		labels[k] = show_time(r, s[i].started_at);
		bars[0][k] = s[i].learners;
		line[0][k] = s[i].minutes;
		bars[1][k] = s[i].messages;
		line[1][k] = s[i].votes;
		for (j = 0; j < 2; j++) {
			tb[j] += bars[j][k];
			tl[j] += line[j][k];
		}
		e = tpl_section(d, "SESSION");
		tpl_set_int(e, "SESSION_ID", (long long)s[i].id);
		tpl_set(e, "SESSION_NAME", s[i].name);
		tpl_set(e, "STARTED", labels[k]);
		tpl_set_int(e, "LEARNERS", s[i].learners);
		tpl_set_int(e, "MINUTES", s[i].minutes);
		tpl_set_int(e, "MESSAGES", s[i].messages);
		tpl_set_int(e, "VOTES", s[i].votes);
	}
	tpl_set_int(d, "CHARTED", (long long)n);
	for (j = 0; j < 2; j++) {
		c = tpl_section(d, "CHART");
		tpl_set(c, "CHART_ID", charts[j].id);
		tpl_set(c, "CHART_TITLE", charts[j].title);
		tpl_set(c, "BAR_NAME", charts[j].bar);
		tpl_set(c, "LINE_NAME", charts[j].line);
		tpl_set(c, "CHART_DESC", arena_printf(r->a, "Over the last "
		    "%zu sessions, oldest first: %lld %s and %lld %s in all. "
		    "Bars: %s; line: %s.", n, tb[j], charts[j].bar, tl[j],
		    charts[j].line, charts[j].bar, charts[j].line));
		classroom_chart(r, c, labels, bars[j], line[j], n);
	}
}

/*
 * GET /platform/channels/:id/analytics?after_text=&after_id=: the
 * channel's sessions charted and, a page at a time by name, each
 * learner's attendance rate, minutes, messages and poll votes.  Four
 * queries whatever the channel's size.
 * Statuses: 200, 403, 404, 503.
 */
int
page_channel_analytics(struct req *r)
{
	struct channel		*ch;
	struct an_session	*s;
	struct an_learner	*l;
	struct tpl_dict		*d, *e, *h;
	int64_t			 after_id = (int64_t)P_num(r, "after_id");
	long long		 held, pct;
	size_t			 ns, n, i, shown;

	if ((ch = analytics_load(r)) == NULL)
		return r->status;
	if (db_analytics_sessions(r->db, r->a, ch->id, &s, &ns, &held) !=
	    DB_OK || db_analytics_learners(r->db, r->a, ch->id,
	    P_str(r, "after_text"), after_id, ANALYTICS_PAGE + 1, &l, &n) !=
	    DB_OK)
		return send_db_error(r);
	d = page_begin(r, "classroom-analytics.tpl", arena_printf(r->a,
	    "Analytics: %s", ch->name));
	tpl_set_int(d, "CHANNEL_ID", (long long)ch->id);
	tpl_set(d, "NAME", ch->name);
	tpl_set(d, "HELD_TEXT", held == 1 ? "1 session held" :
	    arena_printf(r->a, "%lld sessions held", held));
	if (ns == 0)
		tpl_show(d, "NO_SESSIONS");
	else
		session_charts(r, tpl_section(d, "SESSIONS"), s, ns);

	shown = n > ANALYTICS_PAGE ? ANALYTICS_PAGE : n;
	h = tpl_section(d, "LEARNERS");
	tpl_set_int(h, "HELD", held);
	for (i = 0; i < shown; i++) {
		e = tpl_section(h, "LEARNER");
		pct = rate(l[i].attended, held);
		tpl_set_int(e, "USER_ID", (long long)l[i].id);
		tpl_set(e, "LEARNER_NAME", l[i].name);
		tpl_set_int(e, "ATTENDED", l[i].attended);
		tpl_set_int(e, "RATE", pct);
		tpl_set_int(e, "RATE_W", pct);	/* of a 100 wide meter */
		tpl_set_int(e, "L_MINUTES", l[i].minutes);
		tpl_set_int(e, "L_MESSAGES", l[i].messages);
		tpl_set_int(e, "L_VOTES", l[i].votes);
	}
	if (shown == 0)
		tpl_show(h, after_id > 0 ? "NO_MORE_LEARNERS" : "NO_LEARNERS");
	pager_links(r, tpl_section(d, "LEARNERS_PAGER"), arena_printf(r->a,
	    "/platform/channels/%lld/analytics", (long long)ch->id), NULL,
	    n > ANALYTICS_PAGE, shown > 0 ? l[shown - 1].name : NULL,
	    shown > 0 ? l[shown - 1].id : 0);
	return page_send(r, 200);
}

/*
 * GET /platform/channels/:id/analytics/attendance: every learner of the
 * channel (at most ANALYTICS_CSV_MAX) as CSV: name, email, sessions
 * attended and held, attendance rate, minutes, messages, poll votes.
 * Every cell is neutralised against spreadsheet formulas.
 * Statuses: 200, 403, 404, 503.
 */
int
page_channel_analytics_csv(struct req *r)
{
	struct channel		*ch;
	struct an_session	*s;
	struct an_learner	*l;
	struct buf		 b;
	long long		 held;
	size_t			 ns, n, i;
	int			 status;

	if ((ch = analytics_load(r)) == NULL)
		return r->status;
	if (db_analytics_sessions(r->db, r->a, ch->id, &s, &ns, &held) !=
	    DB_OK || db_analytics_learners(r->db, r->a, ch->id, NULL, 0,
	    ANALYTICS_CSV_MAX, &l, &n) != DB_OK)
		return send_db_error(r);
	buf_init(&b);
	buf_puts(&b, "Name,Email,Sessions attended,Sessions held,"
	    "Attendance rate (%),Minutes,Messages,Poll votes\r\n");
	for (i = 0; i < n; i++) {
		classroom_csv_cell(r, &b, l[i].name, 0);
		classroom_csv_cell(r, &b, l[i].email, 0);
		classroom_csv_cell(r, &b, arena_printf(r->a, "%lld",
		    l[i].attended), 0);
		classroom_csv_cell(r, &b, arena_printf(r->a, "%lld", held), 0);
		classroom_csv_cell(r, &b, arena_printf(r->a, "%lld",
		    rate(l[i].attended, held)), 0);
		classroom_csv_cell(r, &b, arena_printf(r->a, "%lld",
		    l[i].minutes), 0);
		classroom_csv_cell(r, &b, arena_printf(r->a, "%lld",
		    l[i].messages), 0);
		classroom_csv_cell(r, &b, arena_printf(r->a, "%lld",
		    l[i].votes), 1);
	}
	status = send_download(r, "text/csv; charset=utf-8",
	    arena_printf(r->a, "channel-%lld-attendance.csv",
	    (long long)ch->id), b.data ? b.data : "", b.len);
	buf_free(&b);
	return status;
}
