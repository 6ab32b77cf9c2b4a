/*
 * notices.c: the words of the notices about a live lesson (see
 * notices.h), written for one reader in the reader's own timezone:
 * scheduled, changed, taken off, canceled, the follow-up after it and
 * the reminder the day before.  Pure text work.
 */
#include <string.h>

#include "notify/notice.h"
#include "schedule/notices.h"
#include "schedule/schedule.h"
#include "lib/util.h"

/* The shown name of a lesson: its title, else course and lesson. */
static const char *
live_name(struct arena *a, const struct live_notice *s)
{
	if (!empty(s->title))
		return s->title;
	if (!empty(s->lesson))
		return arena_printf(a, "%s: %s", s->course, s->lesson);
	return s->course;
}

/* The address of the session page. */
static char *
live_url(struct arena *a, const struct notice_ctx *c, int64_t id)
{
	return arena_printf(a, "%s/platform/sessions/%lld", c->base_url,
	    (long long)id);
}

/* The facts of a session, one per line, for reader r. */
static void
details(struct buf *b, struct arena *a, const struct notice_ctx *c,
    const struct live_notice *s, const struct notice_reader *r)
{
	buf_printf(b, "  Session:  %s\n", live_name(a, s));
	buf_printf(b, "  Course:   %s\n", s->course);
	if (!empty(s->lesson))
		buf_printf(b, "  Lesson:   %s\n", s->lesson);
	buf_printf(b, "  When:     %s\n", notice_when(a, s->starts_at,
	    s->ends_at, notice_zone(c, r)));
	if (r->teacher)
		buf_printf(b, "  Learners: %lld\n", s->participants);
	else
		buf_printf(b, "  Teacher:  %s\n", s->teacher);
}

/* A block of free text (notes) under a heading, when there is any. */
static void
block(struct buf *b, const char *heading, const char *text)
{
	if (empty(text))
		return;
	buf_printf(b, "\n%s\n%s\n", heading, text);
}

/* How to join, with the link. */
static void
join_text(struct buf *b, struct arena *a, const struct notice_ctx *c,
    int64_t id)
{
	buf_printf(b, "\nHow to join: open the session page and press "
	    "\"Join Session\"; the button\nopens %d minutes before the "
	    "start.\n%s\n", LIVE_JOIN_EARLY_MIN, live_url(a, c, id));
}

/* What to prepare for a session: its lesson and its notes. */
static void
prepare_text(struct buf *b, const struct live_notice *s, int teacher)
{
	buf_puts(b, "\nWhat to prepare:\n");
	if (!empty(s->lesson))
		buf_printf(b, "- The course lesson \"%s\": %s.\n", s->lesson,
		    teacher ? "have its material ready to share" :
		    "work through it or review it beforehand");
	if (!empty(s->notes))
		buf_printf(b, "- From the session notes:\n%s\n", s->notes);
	if (empty(s->lesson) && empty(s->notes))
		buf_puts(b, "- Nothing special: bring your questions.\n");
	buf_printf(b, "\nWhat will be covered: %s.\n", !empty(s->lesson) ?
	    s->lesson : !empty(s->title) ? s->title : s->course);
	buf_puts(b, "\nTechnical requirements: a computer with a camera and "
	    "a microphone,\nheadphones (they prevent echo) and an Internet "
	    "connection of at least\n5 Mbps.  The session runs in the "
	    "browser; nothing needs installing.\n");
}

/* The subject of a message: the event, the name and the time. */
static char *
subject(struct arena *a, const char *what, const struct live_notice *s,
    const char *tz)
{
	return notice_cut(a, arena_printf(a, "%s: %s on %s", what,
	    live_name(a, s), notice_short_when(a, s->starts_at, tz)),
	    NOTICE_SUBJECT_MAX);
}

void
live_notice_compose(struct arena *a, const struct notice_ctx *c,
    enum live_notice_kind k, const struct live_notice *s,
    const struct live_notice *other, const struct notice_reader *r,
    const char *actor, struct notice *out)
{
	struct buf	 b;
	const char	*tz = notice_zone(c, r), *who;
	char		*when = notice_when(a, s->starts_at, s->ends_at, tz);
	char		*name = (char *)live_name(a, s);

	who = empty(actor) ? s->teacher : actor;
	notice_begin(&b, r);
	out->link = arena_printf(a, "/platform/sessions/%lld",
	    (long long)s->id);
	switch (k) {
	case LN_SCHEDULED:
		out->kind = "session_scheduled";
		out->subject = subject(a, "Live session scheduled", s, tz);
		buf_printf(&b, "%s scheduled a live session %s.\n\n", who,
		    r->teacher ? "for you to teach" : "with you");
		details(&b, a, c, s, r);
		block(&b, "Notes:", s->notes);
		join_text(&b, a, c, s->id);
		out->summary = arena_printf(a, "%s scheduled \"%s\": %s.", who,
		    name, when);
		break;
	case LN_CHANGED:
		out->kind = "session_changed";
		out->subject = subject(a, "Live session changed", s, tz);
		buf_printf(&b, "%s changed a live session of yours.\n\n", who);
		if (other != NULL && (strcmp(other->starts_at,
		    s->starts_at) != 0 || strcmp(other->ends_at,
		    s->ends_at) != 0))
			buf_printf(&b, "It moves to %s\n(it was %s).\n\n", when,
			    notice_when(a, other->starts_at, other->ends_at,
			    tz));
		details(&b, a, c, s, r);
		block(&b, "Notes:", s->notes);
		join_text(&b, a, c, s->id);
		out->summary = arena_printf(a, "%s changed \"%s\": now %s.",
		    who, name, when);
		break;
	case LN_REMOVED:
		out->kind = "session_removed";
		/* The session page is not theirs any more. */
		out->link = arena_strdup(a, "/platform/schedule");
		out->subject = subject(a, "Live session canceled for you", s,
		    tz);
		buf_printf(&b, "%s took you off the live session \"%s\" of "
		    "%s.\nIt is no longer on your schedule.\n", who, name,
		    when);
		out->summary = arena_printf(a, "%s took you off \"%s\" (%s).",
		    who, name, when);
		break;
	case LN_CANCELED:
		out->kind = "session_canceled";
		out->subject = subject(a, "Live session canceled", s, tz);
		buf_printf(&b, "%s canceled the live session \"%s\" planned "
		    "for\n%s.\n", who, name, when);
		if (!empty(s->cancel_reason))
			buf_printf(&b, "\nReason: %s\n", s->cancel_reason);
		if (!empty(s->lesson))
			buf_printf(&b, "\nThe course lesson \"%s\" stays "
			    "available and can be scheduled again.\n",
			    s->lesson);
		buf_printf(&b, "\nSession page: %s\n", live_url(a, c,
		    s->id));
		out->summary = empty(s->cancel_reason) ?
		    arena_printf(a, "%s canceled \"%s\" (%s).", who, name,
		    when) : arena_printf(a, "%s canceled \"%s\" (%s). Reason: "
		    "%s", who, name, when, s->cancel_reason);
		break;
	case LN_FOLLOWUP:
		out->kind = "session_followup";
		out->subject = notice_cut(a, arena_printf(a, "After your live "
		    "session: %s", name), NOTICE_SUBJECT_MAX);
		buf_printf(&b, "Thank you for the live session \"%s\" of\n"
		    "%s.\n", name, when);
		if (!empty(s->session_notes))
			block(&b, arena_printf(a, "Notes from %s (key points, "
			    "material, homework):", s->teacher),
			    s->session_notes);
		else
			buf_puts(&b, "\nYour teacher's notes, when added, "
			    "appear on the session page.\n");
		if (other != NULL) {
			buf_printf(&b, "\nYour next session with %s: \"%s\"\n"
			    "%s\n", s->teacher, live_name(a, other),
			    notice_when(a, other->starts_at, other->ends_at,
			    tz));
			if (!empty(other->lesson))
				buf_printf(&b, "To prepare: the course lesson "
				    "\"%s\".\n", other->lesson);
			block(&b, "Its notes:", other->notes);
			buf_printf(&b, "%s\n", live_url(a, c, other->id));
		} else
			buf_printf(&b, "\nNo further session with %s is "
			    "scheduled yet.\n", s->teacher);
		buf_printf(&b, "\nThis session: %s\n", live_url(a, c,
		    s->id));
		out->summary = other != NULL ? arena_printf(a, "Notes and "
		    "next steps after \"%s\". Next session: %s.", name,
		    notice_when(a, other->starts_at, other->ends_at, tz)) :
		    arena_printf(a, "Notes and next steps after \"%s\".",
		    name);
		break;
	case LN_REMINDER:
		out->kind = LIVE_REMINDER_KIND;
		out->subject = subject(a, "Reminder", s, tz);
		buf_printf(&b, "Your live session \"%s\" starts within 24 "
		    "hours.\n\n", name);
		details(&b, a, c, s, r);
		join_text(&b, a, c, s->id);
		prepare_text(&b, s, r->teacher);
		out->summary = arena_printf(a, "\"%s\" starts %s.", name,
		    when);
		break;
	}
	notice_end(a, c, &b, out);
}
