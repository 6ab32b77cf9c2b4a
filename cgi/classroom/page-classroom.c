/*
 * page-classroom.c: classrooms as their members see them.  The list of
 * the user's channels with a LIVE badge, a channel's page (the hero
 * with "Start Classroom" for its admins, the waiting line for members,
 * or the active session with "Join Session" and "End Session", then the
 * past sessions), the "Start Classroom" form, joining and ending a
 * session (classroom.c does the work), and a session's summary.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "classroom/classroom.h"
#include "conference/conference.h"
#include "core/auth.h"
#include "core/config.h"
#include "core/db.h"
#include "core/handler.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/routes.h"
#include "core/tpl.h"
#include "lib/clock.h"
#include "lib/crypto.h"
#include "lib/util.h"

static const char no_session[] = "There is no such classroom session.";
static const char waiting[] = "No classroom session is currently active. "
    "Your instructor will notify you when class begins.";

/* "45 min", "1 h 05 min", "under a minute"; an arena string. */
static char *
duration_text(struct arena *a, long long seconds)
{
	long long	 m = seconds / 60;

	if (seconds < 60)
		return arena_strdup(a, "under a minute");
	if (m < 60)
		return arena_printf(a, "%lld min", m);
	return arena_printf(a, "%lld h %02lld min", m / 60, m % 60);
}

/*
 * Date and time of UTC text in the viewer's zone: "YYYY-MM-DD" into
 * date, "HH:MM" into hm; abbr gets the zone's abbreviation.
 */
static void
local_parts(struct req *r, const char *utc, char date[11], char hm[6],
    char abbr[16])
{
	char	 text[LOCALTEXT_LEN];

	date[0] = hm[0] = abbr[0] = '\0';
	if (!local_text(utc, viewer_zone(r), text, abbr))
		return;
	memcpy(date, text, 10);
	date[10] = '\0';
	memcpy(hm, text + 11, 5);
	hm[5] = '\0';
}

/* ------------------------------------------------------------------ */
/* The user's classrooms                                               */

/*
 * GET /platform/channels?after_text=&after_id=: the channels the user
 * belongs to (site administrators: every channel), by name, 50 at a
 * time, each with a LIVE badge while a session is active; one query.
 * Statuses: 200, 400 (bad position), 503.
 */
int
page_classrooms(struct req *r)
{
	struct tpl_dict	*d, *row, *s;
	struct channel	*list;
	size_t		 n, i, shown;
	int		 all = r->user->role == ROLE_ADMIN;

	if (db_channel_user_list(r->db, r->a, r->user->id, all,
	    P_str(r, "after_text"), (int64_t)P_num(r, "after_id"), &list,
	    &n) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "classroom-list.tpl", "Classrooms");
	shown = n > CHANNEL_PAGE ? CHANNEL_PAGE : n;
	for (i = 0; i < shown; i++) {
		row = tpl_section(d, "CHANNEL");
		tpl_set_int(row, "ID", (long long)list[i].id);
		tpl_set(row, "NAME", list[i].name);
		if (list[i].description != NULL)
			tpl_set(tpl_section(row, "DESCRIPTION"),
			    "DESCRIPTION_TEXT", list[i].description);
		if (list[i].active_id != 0) {
			s = tpl_section(row, "LIVE");
			tpl_set(s, "SESSION_NAME", list[i].active_name);
		}
		if (list[i].is_admin)
			tpl_show(row, "CHANNEL_ADMIN");
	}
	if (shown == 0)
		tpl_show(d, P_num(r, "after_id") > 0 ? "NO_MORE" : "NONE");
	if (all)
		tpl_show(d, "SITE_ADMIN");
	pager_links(r, d, "/platform/channels", NULL, n > CHANNEL_PAGE,
	    shown > 0 ? list[shown - 1].name : NULL,
	    shown > 0 ? list[shown - 1].id : 0);
	return page_send(r, 200);
}

/* ------------------------------------------------------------------ */
/* A channel                                                           */

/*
 * The channel of the path when the user may see it (a member or a site
 * administrator), else NULL after sending 404 or 503.
 */
static struct channel *
channel_load(struct req *r)
{
	static const char	 missing[] = "There is no such classroom.";
	struct channel		*ch;
	enum db_rc		 rc;

	rc = db_channel_get(r->db, r->a, r->ids[0], r->user->id, &ch);
	if (!load_found(r, rc, ch, missing))
		return NULL;
	if (!ch->is_member && r->user->role != ROLE_ADMIN) {
		load_refuse(r, missing);
		return NULL;
	}
	return ch;
}

/* 1 when the user may start and end sessions in ch. */
static int
channel_admin(const struct req *r, const struct channel *ch)
{
	return r->user->role == ROLE_ADMIN || ch->is_admin;
}

/* The cards of past sessions into repetitions of section sec. */
static void
past_cards(struct req *r, struct tpl_dict *d, const char *sec,
    const struct classroom_past *list, size_t n)
{
	struct tpl_dict	*e, *f;
	char		 date[11], hm[6], abbr[16], edate[11], ehm[6];
	size_t		 i, j;

	for (i = 0; i < n; i++) {
		e = tpl_section(d, sec);
		tpl_set_int(e, "SUMMARY_ID", (long long)list[i].id);
		tpl_set(e, "SESSION_NAME", list[i].name);
		local_parts(r, list[i].started_at, date, hm, abbr);
		local_parts(r, list[i].ended_at, edate, ehm, abbr);
		tpl_set(e, "DATE", date);
		tpl_set(e, "TIME", arena_printf(r->a, "%s–%s", hm, ehm));
		tpl_set(e, "ZONE", zone_label(r, abbr));
		tpl_set(e, "DURATION", duration_text(r->a, list[i].seconds));
		tpl_set_int(e, "PARTICIPANTS", list[i].participants);
		for (j = 0; j < list[i].nfaces; j++) {
			f = tpl_section(e, "FACE");
			tpl_set(f, "FACE_NAME", list[i].faces[j]);
			classroom_face(r, f, list[i].face_ids[j],
			    list[i].faces[j], list[i].face_avatars[j]);
		}
		if (list[i].participants > (long long)list[i].nfaces)
			tpl_set_int(tpl_section(e, "MORE_FACES"), "MORE",
			    list[i].participants - (long long)list[i].nfaces);
		if (list[i].participants == 0)
			tpl_show(e, "NOBODY");
	}
}

/*
 * The engagement chart of the channel page from its latest ended
 * sessions (newest first), drawn oldest first: a bar of participants
 * per session and a line of their minutes, with a table of the same
 * figures.
 */
static void
engagement_chart(struct req *r, struct tpl_dict *d,
    const struct classroom_point *pt, size_t n)
{
	struct tpl_dict	*c;
	long long	 maxp = 0, totp = 0, totm = 0;
	long long	 bars[ENGAGEMENT_MAX], line[ENGAGEMENT_MAX];
	const char	*labels[ENGAGEMENT_MAX];
	char		 date[11], hm[6], abbr[16];
	size_t		 i, k;

	if (n == 0) {
		tpl_show(d, "NO_ENGAGEMENT");
		return;
	}
	if (n > ENGAGEMENT_MAX)
		n = ENGAGEMENT_MAX;
	for (k = 0; k < n; k++) {
		i = n - 1 - k;
		local_parts(r, pt[i].started_at, date, hm, abbr);
		labels[k] = arena_printf(r->a, "%s %s", date, hm);
		bars[k] = pt[i].participants;
		line[k] = pt[i].minutes;
		if (bars[k] > maxp)
			maxp = bars[k];
		totp += bars[k];
		totm += line[k];
	}
	c = tpl_section(d, "ENGAGEMENT");
	tpl_set_int(c, "SESSIONS", (long long)n);
	tpl_set(c, "ENG_SUMMARY", arena_printf(r->a, "Over the last %zu "
	    "sessions: %lld participants and %lld minutes in all, at most "
	    "%lld participants in one session.", n, totp, totm, maxp));
	classroom_chart(r, c, labels, bars, line, n);
}

/*
 * The channel's page: the active session or what to do without one,
 * then a page of past sessions.  notice (may be NULL) is shown on top.
 */
static int
channel_page(struct req *r, const struct channel *ch, int status,
    const char *notice)
{
	struct classroom_past	*past;
	struct classroom_point	*points;
	struct tpl_dict		*d, *s;
	const char		*after = P_str(r, "after_text");
	int64_t			 after_id = (int64_t)P_num(r, "after_id");
	time_t			 t;
	size_t			 n, shown, npoints;
	int			 admin = channel_admin(r, ch);

	if (after != NULL && !dbtime_parse(after, &t))
		return send_error(r, 400, "The page position is not valid.");
	if (db_classroom_history(r->db, r->a, ch->id, after, after_id, &past,
	    &n) != DB_OK ||
	    db_classroom_engagement(r->db, r->a, ch->id, &points,
	    &npoints) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "classroom-channel.tpl", ch->name);
	tpl_set_int(d, "CHANNEL_ID", (long long)ch->id);
	tpl_set(d, "NAME", ch->name);
	tpl_set(d, "MEMBERS_TEXT", ch->members == 1 ? "1 member" :
	    arena_printf(r->a, "%lld members", ch->members));
	if (ch->description != NULL)
		tpl_set(tpl_section(d, "DESCRIPTION"), "DESCRIPTION_TEXT",
		    ch->description);
	if (notice != NULL)
		tpl_set(tpl_section(d, "NOTICE"), "NOTICE_TEXT", notice);
	if (r->user->role == ROLE_ADMIN)
		tpl_show(d, "MANAGE");
	if (ch->active_id != 0) {
		s = tpl_section(d, "LIVE");
		tpl_set_int(s, "SESSION_ID", (long long)ch->active_id);
		tpl_set(s, "SESSION_NAME", ch->active_name);
		tpl_set(s, "STARTED", show_time(r, ch->active_started_at));
		if (admin)
			tpl_show(s, "CAN_END");
		classroom_csp_join(r);
	} else if (ch->archived)
		tpl_show(d, "ARCHIVED");
	else if (admin)
		tpl_show(d, "HERO");
	else
		tpl_set(tpl_section(d, "WAITING"), "WAITING_TEXT", waiting);

	if (admin)
		tpl_show(d, "ANALYTICS");
	engagement_chart(r, d, points, npoints);
	shown = n > HISTORY_PAGE ? HISTORY_PAGE : n;
	past_cards(r, d, "PAST", past, shown);
	if (shown == 0)
		tpl_show(d, after_id > 0 ? "NO_MORE_PAST" : "NO_PAST");
	pager_links(r, tpl_section(d, "PAST_PAGER"), arena_printf(r->a,
	    "/platform/channels/%lld", (long long)ch->id), NULL,
	    n > HISTORY_PAGE, shown > 0 ? past[shown - 1].started_at : NULL,
	    shown > 0 ? past[shown - 1].id : 0);
	return page_send(r, status);
}

/*
 * GET /platform/channels/:id?after_text=&after_id=: the channel's page,
 * for its members and site administrators (anyone else: 404).
 * Statuses: 200, 400 (bad position), 404, 503.
 */
int
page_classroom_channel(struct req *r)
{
	struct channel	*ch;

	if ((ch = channel_load(r)) == NULL)
		return r->status;
	return channel_page(r, ch, 200, NULL);
}

/*
 * The channel of the path when the user may start a session in it now,
 * else NULL after sending the answer: 403 for a plain member, 404, 409
 * for an archived channel or one with a session already active.
 */
static struct channel *
start_load(struct req *r)
{
	struct channel	*ch;

	if ((ch = channel_load(r)) == NULL)
		return NULL;
	if (!channel_admin(r, ch))
		send_error(r, 403, "Only the channel's admins can start a "
		    "classroom session.");
	else if (ch->archived)
		send_error(r, 409, "This channel is archived: no session can "
		    "start in it.");
	else if (ch->active_id != 0)
		channel_page(r, ch, 409, "A session is already active.");
	else
		return ch;
	return NULL;
}

/* The "Start Classroom" form; fresh shows the defaults. */
static int
start_form(struct req *r, const struct channel *ch, int status)
{
	static const struct {
		const char	*name;
		const char	*sec;
		int		 dflt;
	} opts[] = {
		{ "record", "RECORD", 0 },
		{ "allow_camera", "ALLOW_CAMERA", 1 },
		{ "allow_mic", "ALLOW_MIC", 1 },
		{ "mute_on_join", "MUTE_ON_JOIN", 0 },
		{ "notify_system", "NOTIFY_SYSTEM", 1 },
		{ "notify_email", "NOTIFY_EMAIL", 0 },
	};
	struct tpl_dict	*d;
	size_t		 i;
	int		 posted = r->method == M_POST;

	d = page_begin(r, "classroom-start.tpl", "Start Classroom");
	tpl_set_int(d, "CHANNEL_ID", (long long)ch->id);
	tpl_set(d, "CHANNEL_NAME", ch->name);
	if (posted) {
		form_field(d, P(r, "name"), "NAME_VALUE", "NAME_ERROR");
		form_field(d, P(r, "description"), "DESCRIPTION_VALUE",
		    "DESCRIPTION_ERROR");
	}
	for (i = 0; i < sizeof(opts) / sizeof(opts[0]); i++)
		if (posted ? P_num(r, opts[i].name) != 0 : opts[i].dflt)
			tpl_show(d, opts[i].sec);
	return page_send(r, status);
}

/*
 * GET /platform/channels/:id/start: the "Start Classroom" form, for the
 * channel's admins and site administrators.
 * Statuses: 200, 403, 404, 409, 503.
 */
int
page_classroom_form(struct req *r)
{
	struct channel	*ch;

	if ((ch = start_load(r)) == NULL)
		return r->status;
	return start_form(r, ch, 200);
}

/*
 * POST /platform/channels/:id/start: start a session with the form's
 * options.  One transaction writes the session (its unique active key
 * refuses a second active session), its "started" event and the
 * notifications asked for, to every member but the starter.  The
 * provider is not called: its meeting is made just before the first
 * join.
 * Statuses: 303, 403, 404, 409 (a session is already active), 422, 503.
 */
int
page_classroom_start(struct req *r)
{
	struct channel		*ch;
	struct classroom_input	 in;
	struct classroom_notice	 nt;
	const char		*desc = P_str(r, "description");
	char			 meeting[33];
	char			*link, *url;
	int64_t			 sid;
	enum db_rc		 rc;

	if ((ch = start_load(r)) == NULL)
		return r->status;
	if (r->nerrors > 0)
		return start_form(r, ch, 422);
	memset(&in, 0, sizeof(in));
	in.name = blank(P_str(r, "name")) ? ch->name : P_str(r, "name");
	in.description = blank(desc) ? NULL : desc;
	in.record = P_num(r, "record") != 0;
	in.allow_camera = P_num(r, "allow_camera") != 0;
	in.allow_mic = P_num(r, "allow_mic") != 0;
	in.mute_on_join = P_num(r, "mute_on_join") != 0;
	in.notify_system = P_num(r, "notify_system") != 0;
	in.notify_email = P_num(r, "notify_email") != 0;

	link = arena_printf(r->a, "/platform/channels/%lld", (long long)ch->id);
	url = arena_printf(r->a, "%s%s", r->cfg->base_url, link);
	memset(&nt, 0, sizeof(nt));
	nt.subject = arena_printf(r->a, "Class has started: %s", in.name);
	nt.body = arena_printf(r->a, "%s started the classroom session "
	    "\"%s\" in %s.\n\n%s%sJoin it from the channel's page:\n%s\n",
	    r->user->name, in.name, ch->name, in.description ?
	    in.description : "", in.description ? "\n\n" : "", url);
	nt.link = link;

	random_hex(meeting, 16);
	rc = db_classroom_start(r->db, ch->id, r->user->id,
	    conf_provider(r->cfg)->name, meeting, &in, &nt, &sid);
	if (rc == DB_DUPLICATE) {
		/* Someone started one meanwhile: show theirs. */
		if ((ch = channel_load(r)) == NULL)
			return r->status;
		return channel_page(r, ch, 409, "A session is already active.");
	}
	if (rc != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Classroom started: %s.", in.name));
	return send_redirect(r, link);
}

/* ------------------------------------------------------------------ */
/* Joining and ending                                                  */

/*
 * POST /platform/classroom/:id/join: join an active session as a
 * moderator (channel admins, site administrators, the lesson's teacher,
 * promoted participants) or a viewer.  Answers 303 to the address the
 * provider made for this join (its meeting made again when the server
 * lost it), the embedding page, or the Jitsi room page.
 * Statuses: 200, 303, 403 (not a member, removed), 404, 503 (the
 * conferencing server is unavailable).
 */
int
page_classroom_join(struct req *r)
{
	struct classroom	*c;
	struct classroom_access	 acc;

	if ((c = classroom_load(r, &acc, no_session)) == NULL)
		return r->status;
	return classroom_join(r, c, &acc);
}

/*
 * The page that asks before session c ends: what ending does, and a
 * form that posts again with confirm=1.  Returns 200.
 */
static int
end_confirm(struct req *r, const struct classroom *c)
{
	struct tpl_dict	*d;

	d = page_begin(r, "classroom-confirm.tpl", "End Session");
	tpl_set(d, "TITLE", arena_printf(r->a, "End “%s”?", c->name));
	/* Jitsi has no call that ends a room (conference/jitsi.c). */
	if (strcmp(c->provider, "bbb") != 0)
		tpl_set(d, "WHAT", "Nobody can join the session any more. "
		    "People already in the video room stay until they leave "
		    "it, or until you end it for all from inside the room.");
	else
		tpl_set(d, "WHAT", c->record ? "Everyone in the room is "
		    "disconnected and the recording stops." : "Everyone in "
		    "the room is disconnected.");
	tpl_set(d, "ACTION", arena_printf(r->a,
	    "/platform/classroom/%lld/end", (long long)c->id));
	tpl_set(d, "BUTTON", "End Session");
	tpl_set(d, "BACK", classroom_back_path(r, c));
	tpl_set(d, "BACK_TEXT", "Keep the session running");
	return page_send(r, 200);
}

/*
 * POST /platform/classroom/:id/end: end the session for everyone; for
 * channel admins, site administrators and the lesson's teacher.  Only
 * with confirm=1: without it the page says what ending does and asks.
 * Statuses: 200 (the question), 303, 403, 404, 503.
 */
int
page_classroom_end(struct req *r)
{
	struct classroom	*c;
	struct classroom_access	 acc;
	int			 ended, reached;

	if ((c = classroom_load(r, &acc, no_session)) == NULL)
		return r->status;
	if (!acc.admin)
		return send_error(r, 403, "Only the classroom's admins can "
		    "end its session.");
	if (strcmp(c->status, "active") != 0) {
		flash_set(r, "This session had already ended.");
		return send_redirect(r, classroom_back_path(r, c));
	}
	if (!P_num(r, "confirm"))
		return end_confirm(r, c);
	if (classroom_end(r, c, "ended by moderator", &ended, &reached) !=
	    DB_OK)
		return send_db_error(r);
	flash_set(r, !ended ? "This session had already ended." : reached ?
	    "Session ended." : "Session ended. The conferencing server "
	    "could not be reached; Lectern will close its room there as "
	    "soon as it answers.");
	return send_redirect(r, classroom_back_path(r, c));
}

/* ------------------------------------------------------------------ */
/* The summary                                                         */

/*
 * What a moderator event says: its label into *label, and the detail
 * worth showing into *shown (NULL: none).  Poll and slide rows begin
 * their detail with what happened ("closed: <question>"); an ending's
 * detail is a reason in Lectern's own words, said here for people; a
 * recording's is the provider's id, which tells a reader nothing.
 * Pure.
 */
static void
event_text(const char *kind, const char *detail, const char **label,
    const char **shown)
{
	static const struct {
		const char	*kind;
		const char	*prefix;	/* of the detail; NULL: any */
		const char	*label;
	} labels[] = {
		{ "started", NULL, "Started the session" },
		{ "ended", NULL, "Ended the session" },
		{ "promoted", NULL, "Promoted to moderator" },
		{ "removed", NULL, "Removed from the session" },
		{ "lock_camera", NULL, "Locked cameras" },
		{ "unlock_camera", NULL, "Unlocked cameras" },
		{ "lock_mic", NULL, "Locked microphones" },
		{ "unlock_mic", NULL, "Unlocked microphones" },
		{ "slides", "uploaded: ", "Added slides" },
		{ "slides", "deleted: ", "Deleted slides" },
		{ "poll", "created: ", "Started a poll" },
		{ "poll", "closed: ", "Closed a poll" },
		{ "recording", NULL, "Received a recording" },
		{ "transcript", "uploaded: ", "Added a transcript" },
		{ "document", "uploaded: ", "Added a document" },
		{ "whiteboard", "uploaded: ", "Added a whiteboard" },
	};
	static const struct {
		const char	*detail;
		const char	*text;		/* NULL: nothing to add */
	} endings[] = {
		{ "ended by moderator", NULL },
		{ "lesson completed", "the lesson was marked as completed" },
		{ "by the provider", "the conferencing server closed the "
		    "meeting" },
		{ "by the provider; recording processing", "the conferencing "
		    "server closed the meeting; its recording is being "
		    "processed" },
		{ "not running on the server", "the meeting was no longer "
		    "running on the conferencing server" },
	};
	size_t	 i, n;

	*label = kind;
	*shown = detail;
	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		if (strcmp(kind, labels[i].kind) != 0)
			continue;
		if (labels[i].prefix == NULL) {
			*label = labels[i].label;
			break;
		}
		n = strlen(labels[i].prefix);
		if (detail != NULL && strncmp(detail, labels[i].prefix, n) ==
		    0) {
			*label = labels[i].label;
			*shown = detail + n;
			break;
		}
	}
	if (strcmp(kind, "recording") == 0)
		*shown = NULL;
	if (strcmp(kind, "ended") == 0 && detail != NULL)
		for (i = 0; i < sizeof(endings) / sizeof(endings[0]); i++)
			if (strcmp(detail, endings[i].detail) == 0)
				*shown = endings[i].text;
}

/* "How it ended" from a session's end reason.  Pure. */
static const char *
end_reason_label(const char *reason)
{
	if (reason == NULL)
		return "–";
	if (strcmp(reason, "ended by moderator") == 0)
		return "Ended by a moderator";
	if (strcmp(reason, "lesson completed") == 0)
		return "The lesson was marked as completed";
	if (strcmp(reason, "provider") == 0)
		return "Closed by the conferencing server";
	return reason;
}

/* Label of a recording's state.  Pure. */
static const char *
recording_label(const char *state)
{
	if (strcmp(state, "processing") == 0)
		return "Processing: usually ready 10–30 minutes after "
		    "the session ends";
	if (strcmp(state, "published") == 0)
		return "Published";
	if (strcmp(state, "unpublished") == 0)
		return "Unpublished";
	return state;
}

/* Show a DATETIME, or a dash when there is none. */
static const char *
time_or_dash(struct req *r, const char *utc)
{
	return utc != NULL ? show_time(r, utc) : "–";
}

/* "HH:MM" of a DATETIME in the viewer's zone (the day and zone are on
 * the page already), or a dash. */
static const char *
clock_or_dash(struct req *r, const char *utc)
{
	char	 date[11], hm[6], abbr[16];

	if (utc == NULL)
		return "–";
	local_parts(r, utc, date, hm, abbr);
	return hm[0] != '\0' ? arena_strdup(r->a, hm) : "–";
}

/* The participants card. */
static void
summary_people(struct req *r, struct tpl_dict *d,
    const struct classroom_person *pp, size_t n)
{
	struct tpl_dict	*e;
	size_t		 i;

	for (i = 0; i < n; i++) {
		e = tpl_section(d, "PERSON");
		tpl_set_int(e, "USER_ID", (long long)pp[i].user_id);
		tpl_set(e, "PERSON_NAME", pp[i].name);
		classroom_face(r, e, pp[i].user_id, pp[i].name,
		    pp[i].avatar);
		tpl_set(e, "ROLE", pp[i].joined_as == NULL ? "–" :
		    strcmp(pp[i].joined_as, "moderator") == 0 ? "Moderator" :
		    "Viewer");
		tpl_set(e, "FIRST_JOIN", clock_or_dash(r, pp[i].first_join_at));
		tpl_set(e, "LAST_LEAVE", clock_or_dash(r, pp[i].last_leave_at));
		tpl_set_int(e, "JOINS", pp[i].joins);
		tpl_set_int(e, "MINUTES", pp[i].minutes);
		tpl_set_int(e, "CHATS", pp[i].chats);
		tpl_set_int(e, "TALKS", pp[i].talks);
		tpl_set_int(e, "RAISE_HANDS", pp[i].raise_hands);
		tpl_set_int(e, "POLL_VOTES", pp[i].poll_votes);
		tpl_set_int(e, "EMOJIS", pp[i].emojis);
		if (pp[i].promoted)
			tpl_show(e, "PROMOTED");
		if (pp[i].removed)
			tpl_show(e, "REMOVED");
	}
	if (n == 0)
		tpl_show(d, "NO_PEOPLE");
}

/* Lines of the transcript into repetitions of section CHAT of d. */
static void
chat_lines(struct req *r, struct tpl_dict *d,
    const struct classroom_chatline *chat, size_t n)
{
	struct tpl_dict	*e;
	size_t		 i;

	for (i = 0; i < n; i++) {
		e = tpl_section(d, "CHAT");
		tpl_set_int(e, "CHAT_ID", (long long)chat[i].id);
		tpl_set(e, "CHAT_NAME", chat[i].name);
		tpl_set(e, "CHAT_BODY", chat[i].body);
		tpl_set(e, "CHAT_AT", show_time(r, chat[i].posted_at));
	}
}

/*
 * The Transcriptions card: each transcript with its time and the
 * participants it names; the upload form for the session's admins once
 * it has ended.  Returns how many there are, or -1 on a database
 * failure.
 */
static long
summary_transcripts(struct req *r, struct tpl_dict *d, int64_t sid,
    int admin, int ended)
{
	struct classroom_transcript	*t;
	struct tpl_dict			*e;
	struct buf			 b;
	size_t				 n, i, j;
	size_t				 limit;

	if (db_transcripts(r->db, r->a, sid, &t, &n) != DB_OK)
		return -1;
	for (i = 0; i < n; i++) {
		e = tpl_section(d, "TRANSCRIPT");
		tpl_set_int(e, "TRANSCRIPT_ID", (long long)t[i].id);
		tpl_set(e, "TRANSCRIPT_FILE", t[i].filename);
		tpl_set(e, "TRANSCRIPT_AT", show_time(r, t[i].created_at));
		tpl_set(e, "TRANSCRIPT_LENGTH", arena_printf(r->a, "%lld "
		    "line%s, %s", t[i].cues, t[i].cues == 1 ? "" : "s",
		    duration_text(r->a, t[i].duration_ms / 1000)));
		buf_init(&b);
		for (j = 0; j < t[i].nspeakers; j++)
			buf_printf(&b, "%s%s", j == 0 ? "" : j + 1 ==
			    t[i].nspeakers && !t[i].more_speakers ? " and " :
			    ", ", t[i].speakers[j]);
		if (t[i].more_speakers)
			buf_puts(&b, " and others");
		tpl_set(e, "TRANSCRIPT_PEOPLE", b.len > 0 ? b.data :
		    "not named in the file");
		buf_free(&b);
	}
	if (n == 0)
		tpl_show(d, "NO_TRANSCRIPTS");
	if (admin && ended && n < TRANSCRIPTS_MAX) {
		limit = r->cfg->upload_limit < 2 * 1024 * 1024 ?
		    r->cfg->upload_limit : 2 * 1024 * 1024;
		tpl_set_int(tpl_section(d, "TRANSCRIPT_FORM"), "LIMIT_KB",
		    (long long)(limit / 1024));
	}
	return (long)n;
}

/* Everything produced in the session: chat, polls, recordings, slides,
 * documents and whiteboards. */
static int
summary_content(struct req *r, struct tpl_dict *d, int64_t sid, int admin,
    long ntranscripts)
{
	struct classroom_chatline	*chat;
	struct classroom_poll		*polls;
	struct classroom_rec		*recs;
	struct room_slide		*slides;
	struct tpl_dict			*e, *o;
	size_t				 nchat, npolls, nrecs, nslides, i, j;
	long				 ndocs;

	if (db_classroom_chat(r->db, r->a, sid, 0, SUMMARY_CHAT + 1, &chat,
	    &nchat) != DB_OK ||
	    db_classroom_polls(r->db, r->a, sid, &polls, &npolls) != DB_OK ||
	    db_classroom_recordings(r->db, r->a, sid, &recs, &nrecs) !=
	    DB_OK ||
	    db_room_slides(r->db, r->a, sid, &slides, &nslides) != DB_OK ||
	    (ndocs = classroom_summary_docs(r, d, sid, admin, slides,
	    nslides)) < 0)
		return 0;
	chat_lines(r, d, chat, nchat > SUMMARY_CHAT ? SUMMARY_CHAT : nchat);
	if (nchat > SUMMARY_CHAT)
		tpl_set(tpl_section(d, "CHAT_MORE"), "NEXT_URL", arena_printf(
		    r->a, "/platform/classroom/%lld/summary/chat?after_id=%lld",
		    (long long)sid, (long long)chat[SUMMARY_CHAT - 1].id));
	if (nchat > 0)
		tpl_set_int(tpl_section(d, "CHAT_DOWNLOAD"), "SESSION_ID",
		    (long long)sid);
	for (i = 0; i < npolls; i++) {
		e = tpl_section(d, "POLL");
		tpl_set(e, "QUESTION", polls[i].question[0] != '\0' ?
		    polls[i].question : "Poll without a question");
		tpl_set(e, "POLL_AT", show_time(r, polls[i].created_at));
		if (polls[i].provider)
			tpl_show(e, polls[i].published ? "ROOM_POLL" :
			    "ROOM_POLL_HIDDEN");
		if (polls[i].closed_at == NULL)
			tpl_show(e, "POLL_OPEN");
		for (j = 0; j < polls[i].noptions; j++) {
			o = tpl_section(e, "OPTION");
			tpl_set(o, "LABEL", polls[i].options[j].label);
			tpl_set_int(o, "VOTES", polls[i].options[j].votes);
		}
	}
	for (i = 0; i < nrecs; i++) {
		e = tpl_section(d, "RECORDING");
		tpl_set(e, "STATE", recording_label(recs[i].state));
		if (recs[i].start_time > 0 && recs[i].end_time >
		    recs[i].start_time)
			tpl_set(tpl_section(e, "LENGTH"), "LENGTH_TEXT",
			    duration_text(r->a, (recs[i].end_time -
			    recs[i].start_time) / 1000));
		tpl_set_int(e, "RECORDING_ID", (long long)recs[i].id);
		tpl_set(e, "STATE_CLASS", recs[i].state);
		if (recs[i].playback_url != NULL &&
		    strcmp(recs[i].state, "published") == 0)
			tpl_set(tpl_section(e, "PLAYBACK"), "PLAYBACK_URL",
			    recs[i].playback_url);
		/* The actions call the provider; the page never does. */
		if (admin) {
			o = tpl_section(e, "REC_ACTIONS");
			tpl_set_int(o, "REC_SESSION", (long long)sid);
			tpl_set_int(o, "REC_ID", (long long)recs[i].id);
			if (strcmp(recs[i].state, "published") == 0)
				tpl_show(o, "CAN_UNPUBLISH");
			else if (strcmp(recs[i].state, "unpublished") == 0)
				tpl_show(o, "CAN_PUBLISH");
		}
	}
	for (i = 0; i < nslides; i++) {
		e = tpl_section(d, "SLIDE");
		tpl_set(e, "FILENAME", slides[i].filename);
		tpl_set_int(e, "KILOBYTES", (slides[i].size + 1023) / 1024);
	}
	if (nchat == 0)
		tpl_show(d, "NO_CHAT");
	if (npolls == 0)
		tpl_show(d, "NO_POLLS");
	if (nrecs == 0)
		tpl_show(d, "NO_RECORDINGS");
	if (nslides == 0)
		tpl_show(d, "NO_SLIDES");
	if (nchat == 0 && npolls == 0 && nrecs == 0 && nslides == 0 &&
	    ntranscripts == 0 && ndocs == 0)
		tpl_show(d, "NOTHING_PRODUCED");
	return 1;
}

/*
 * GET /platform/classroom/:id/summary: the session's dashboard, read
 * only: session info, participants with attendance and engagement,
 * moderator events, the chat transcript, polls with their results,
 * recordings, slides, documents and whiteboards (page-docs.c); for the
 * classroom's members and admins.  Its
 * admins also get buttons to publish, unpublish and delete recordings
 * (page-recordings.c).
 * Statuses: 200, 404, 503.
 */
int
page_classroom_summary(struct req *r)
{
	struct classroom	*c;
	struct classroom_access	 acc;
	struct classroom_info	 info;
	struct classroom_person	*pp;
	struct classroom_event	*ev;
	struct tpl_dict		*d, *e;
	const char		*label, *shown;
	size_t			 npp, nev, i;
	long			 ntr;

	if ((c = classroom_load(r, &acc, no_session)) == NULL)
		return r->status;
	if (acc.role == CR_NONE && !acc.removed)
		return send_error(r, 404, no_session);
	if (db_classroom_info(r->db, r->a, c->id, &info) != DB_OK ||
	    db_classroom_people(r->db, r->a, c->id, &pp, &npp) != DB_OK ||
	    db_classroom_events(r->db, r->a, c->id, &ev, &nev) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "classroom-summary.tpl", c->name);
	tpl_set_int(d, "SESSION_ID", (long long)c->id);
	tpl_set(d, "NAME", c->name);
	tpl_set(d, "ROOM_NAME", c->room_name);
	tpl_set(d, "BACK", classroom_back_path(r, c));
	tpl_set(d, "STARTED", show_time(r, c->started_at));
	tpl_set(d, "DURATION", duration_text(r->a, info.seconds));
	tpl_set(d, "STARTED_BY", info.started_by ? info.started_by : "–");
	if (c->description != NULL)
		tpl_set(tpl_section(d, "DESCRIPTION"), "DESCRIPTION_TEXT",
		    c->description);
	if (strcmp(c->status, "active") == 0) {
		tpl_show(d, "IN_PROGRESS");
	} else {
		e = tpl_section(d, "ENDED");
		tpl_set(e, "ENDED_AT", time_or_dash(r, c->ended_at));
		tpl_set(e, "ENDED_BY", info.ended_by ? info.ended_by : "–");
		tpl_set(e, "END_REASON", end_reason_label(info.end_reason));
	}
	tpl_set(d, "OPTIONS", arena_printf(r->a, "Recording %s; cameras %s; "
	    "microphones %s%s.", c->record ? "on" : "off", c->allow_camera ?
	    "allowed" : "locked", c->allow_mic ? "allowed" : "locked",
	    c->mute_on_join ? "; muted on join" : ""));
	summary_people(r, d, pp, npp);
	for (i = 0; i < nev; i++) {
		e = tpl_section(d, "EVENT");
		tpl_set(e, "EVENT_AT", show_time(r, ev[i].at));
		event_text(ev[i].kind, ev[i].detail, &label, &shown);
		tpl_set(e, "EVENT_LABEL", label);
		tpl_set(e, "ACTOR", ev[i].actor ? ev[i].actor : "Lectern");
		if (ev[i].subject != NULL)
			tpl_set(tpl_section(e, "EVENT_SUBJECT"), "SUBJECT",
			    ev[i].subject);
		if (shown != NULL)
			tpl_set(tpl_section(e, "EVENT_DETAIL"), "DETAIL",
			    shown);
	}
	if (nev == 0)
		tpl_show(d, "NO_EVENTS");
	if ((ntr = summary_transcripts(r, d, c->id, acc.admin,
	    strcmp(c->status, "ended") == 0)) < 0 ||
	    !summary_content(r, d, c->id, acc.admin, ntr))
		return send_db_error(r);
	if (npp > 0)
		tpl_show(d, "ATTENDANCE");
	return page_send(r, 200);
}

/* ------------------------------------------------------------------ */
/* The session's chat                                                  */

/*
 * The session of the path when the user may read its summary (its
 * members and admins, and people removed from it), else NULL after
 * sending 404 or 503.
 */
static struct classroom *
summary_load(struct req *r, struct classroom_access *acc)
{
	struct classroom	*c;

	if ((c = classroom_load(r, acc, no_session)) == NULL)
		return NULL;
	if (acc->role == CR_NONE && !acc->removed) {
		send_error(r, 404, no_session);
		return NULL;
	}
	return c;
}

/*
 * GET /platform/classroom/:id/summary/chat?after_id=: the session's
 * chat, SUMMARY_CHAT messages a page, oldest first, keyset by id: the
 * same statements for any page of any chat.  For whoever may read the
 * summary.
 * Statuses: 200, 404, 503.
 */
int
page_classroom_summary_chat(struct req *r)
{
	struct classroom		*c;
	struct classroom_access		 acc;
	struct classroom_chatline	*chat;
	struct tpl_dict			*d;
	int64_t				 after = (int64_t)P_num(r, "after_id");
	size_t				 n, shown;

	if ((c = summary_load(r, &acc)) == NULL)
		return r->status;
	if (db_classroom_chat(r->db, r->a, c->id, after, SUMMARY_CHAT + 1,
	    &chat, &n) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "classroom-summary-chat.tpl",
	    arena_printf(r->a, "Chat: %s", c->name));
	tpl_set_int(d, "SESSION_ID", (long long)c->id);
	tpl_set(d, "NAME", c->name);
	tpl_set(d, "STARTED", show_time(r, c->started_at));
	shown = n > SUMMARY_CHAT ? SUMMARY_CHAT : n;
	chat_lines(r, d, chat, shown);
	if (shown == 0)
		tpl_show(d, after > 0 ? "NO_MORE" : "NO_CHAT");
	else
		tpl_show(d, "CHAT_DOWNLOAD");
	pager_links(r, d, arena_printf(r->a,
	    "/platform/classroom/%lld/summary/chat", (long long)c->id), NULL,
	    n > SUMMARY_CHAT, NULL, shown > 0 ? chat[shown - 1].id : 0);
	return page_send(r, 200);
}

/*
 * One message as lines of the text transcript: "YYYY-MM-DD HH:MM Name:
 * body", each further line of the body indented by two spaces.
 */
static void
chat_text(struct req *r, struct buf *b, const struct classroom_chatline *m)
{
	char		 when[LOCALTEXT_LEN], abbr[16];
	const char	*p;

	if (!local_text(m->posted_at, viewer_zone(r), when, abbr))
		snprintf(when, sizeof(when), "%s", m->posted_at);
	buf_printf(b, "%s %s: ", when, m->name);
	for (p = m->body; *p != '\0'; p++) {
		if (*p == '\r')
			continue;
		buf_putc(b, *p);
		if (*p == '\n')
			buf_puts(b, "  ");
	}
	buf_puts(b, "\n");
}

/*
 * GET /platform/classroom/:id/summary/chat/download: the whole chat as
 * a UTF-8 text file, read CHAT_BATCH messages a statement, each batch
 * in its own arena, so that memory holds the text and one batch.  It
 * stops, and says so on its last line, after CHAT_DOWNLOAD_MAX
 * messages or CHAT_DOWNLOAD_BYTES bytes.  For whoever may read the
 * summary.
 * Statuses: 200, 404, 503.
 */
int
page_classroom_chat_download(struct req *r)
{
	struct classroom		*c;
	struct classroom_access		 acc;
	struct classroom_chatline	*chat;
	struct arena			*a;
	struct buf			 b;
	char				 abbr[16], when[LOCALTEXT_LEN];
	int64_t				 after = 0;
	size_t				 n, i, total = 0;
	enum db_rc			 rc = DB_OK;
	int				 status, cut = 0;

	if ((c = summary_load(r, &acc)) == NULL)
		return r->status;
	buf_init(&b);
	if (!local_text(c->started_at, viewer_zone(r), when, abbr))
		abbr[0] = '\0';
	buf_printf(&b, "Chat of \"%s\" (%s), started %s\n"
	    "Times in %s.\n\n", c->name, c->room_name,
	    show_time(r, c->started_at), zone_label(r, abbr));
	for (;;) {
		a = arena_new();
		rc = db_classroom_chat(r->db, a, c->id, after, CHAT_BATCH,
		    &chat, &n);
		for (i = 0; rc == DB_OK && i < n; i++) {
			if (total == CHAT_DOWNLOAD_MAX ||
			    b.len >= CHAT_DOWNLOAD_BYTES) {
				cut = 1;
				break;
			}
			chat_text(r, &b, &chat[i]);
			total++;
		}
		if (n > 0)
			after = chat[n - 1].id;
		arena_free(a);
		if (rc != DB_OK || cut || n < CHAT_BATCH)
			break;
	}
	if (rc != DB_OK) {
		buf_free(&b);
		return send_db_error(r);
	}
	if (total == 0)
		buf_puts(&b, "No chat messages.\n");
	if (cut)
		buf_printf(&b, "\n[The download stops here: it holds at most "
		    "%d messages or %d MB. Read the rest on the session's chat "
		    "pages.]\n", CHAT_DOWNLOAD_MAX,
		    CHAT_DOWNLOAD_BYTES / (1024 * 1024));
	status = send_download(r, "text/plain; charset=utf-8",
	    arena_printf(r->a, "classroom-%lld-chat.txt", (long long)c->id),
	    b.data ? b.data : "", b.len);
	buf_free(&b);
	return status;
}
