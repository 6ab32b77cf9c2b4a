/*
 * notice.c: the words of the notifications about live sessions and
 * recurring schedules.  Each message is written for one reader, with
 * every time in the reader's own timezone and the zone named, because
 * a learner abroad must not have to convert a time in their head.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "lib/clock.h"
#include "notify/notice.h"
#include "lib/utf8.h"
#include "lib/util.h"

static const char *const day_names[] = { "Sunday", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday" };
/* Bit 0 of a rule's weekdays is Monday. */
static const char *const rule_days[] = { "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday" };

/* The zone the reader reads times in. */
static const char *
reader_zone(const struct notice_ctx *c, const struct notice_reader *r)
{
	return empty(r->tz) ? c->school_tz : r->tz;
}

/* "Europe/Berlin CET", or the zone alone when the abbreviation is its
 * name or missing. */
static char *
zone_name(struct arena *a, const char *tz, const char *abbr)
{
	if (empty(abbr) || strcmp(abbr, tz) == 0)
		return arena_strdup(a, tz);
	return arena_printf(a, "%s %s", tz, abbr);
}

char *
notice_when(struct arena *a, const char *start, const char *end,
    const char *tz)
{
	struct tm	 s, e;
	char		 abbr[16], eabbr[16];
	time_t		 t0, t1;

	if (!dbtime_parse(start, &t0) || !utc_to_local(t0, tz, &s, abbr))
		return arena_printf(a, "%s UTC", start ? start : "?");
	if (end == NULL || !dbtime_parse(end, &t1) ||
	    !utc_to_local(t1, tz, &e, eabbr))
		return arena_printf(a, "%s %04d-%02d-%02d, %02d:%02d (%s)",
		    day_names[s.tm_wday % 7], s.tm_year + 1900, s.tm_mon + 1,
		    s.tm_mday, s.tm_hour, s.tm_min, zone_name(a, tz, abbr));
	return arena_printf(a, "%s %04d-%02d-%02d, %02d:%02d\xe2\x80\x93"
	    "%02d:%02d (%s)", day_names[s.tm_wday % 7], s.tm_year + 1900,
	    s.tm_mon + 1, s.tm_mday, s.tm_hour, s.tm_min, e.tm_hour,
	    e.tm_min, zone_name(a, tz, abbr));
}

/* "2031-03-24 at 14:00 CET" for a subject line. */
static char *
short_when(struct arena *a, const char *start, const char *tz)
{
	struct tm	 s;
	char		 abbr[16];
	time_t		 t;

	if (!dbtime_parse(start, &t) || !utc_to_local(t, tz, &s, abbr))
		return arena_printf(a, "%s UTC", start ? start : "?");
	return arena_printf(a, "%04d-%02d-%02d at %02d:%02d %s",
	    s.tm_year + 1900, s.tm_mon + 1, s.tm_mday, s.tm_hour, s.tm_min,
	    empty(abbr) ? tz : abbr);
}

char *
notice_cut(struct arena *a, const char *s, size_t max)
{
	if (s == NULL)
		return arena_strdup(a, "");
	if (s[utf8_prefix(s, max)] == '\0')
		return arena_strdup(a, s);
	/* Too long: keep max - 3 characters and the dots. */
	return arena_printf(a, "%.*s...", (int)utf8_prefix(s, max - 3), s);
}

/* The shown name of a session: its title, else course and lesson. */
static const char *
session_name(struct arena *a, const struct notice_session *s)
{
	if (!empty(s->title))
		return s->title;
	if (!empty(s->lesson))
		return arena_printf(a, "%s: %s", s->course, s->lesson);
	return s->course;
}

/* The address of the session page. */
static char *
session_url(struct arena *a, const struct notice_ctx *c, int64_t id)
{
	return arena_printf(a, "%s/platform/sessions/%lld", c->base_url,
	    (long long)id);
}

/* The facts of a session, one per line, for reader r. */
static void
details(struct buf *b, struct arena *a, const struct notice_ctx *c,
    const struct notice_session *s, const struct notice_reader *r)
{
	buf_printf(b, "  Session:  %s\n", session_name(a, s));
	buf_printf(b, "  Course:   %s\n", s->course);
	if (!empty(s->lesson))
		buf_printf(b, "  Lesson:   %s\n", s->lesson);
	buf_printf(b, "  When:     %s\n", notice_when(a, s->starts_at,
	    s->ends_at, reader_zone(c, r)));
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

static void
greeting(struct buf *b, const struct notice_reader *r)
{
	buf_printf(b, "Hello %s,\n\n", empty(r->name) ? "there" : r->name);
}

static void
signature(struct buf *b, const struct notice_ctx *c)
{
	buf_printf(b, "\n-- \n%s\n", c->school_name);
}

/* How to join, with the link. */
static void
join_text(struct buf *b, struct arena *a, const struct notice_ctx *c,
    int64_t id)
{
	buf_printf(b, "\nHow to join: open the session page and press "
	    "\"Join Session\"; the button\nopens 10 minutes before the "
	    "start.\n%s\n", session_url(a, c, id));
}

/* What to prepare for a session: its lesson and its notes. */
static void
prepare_text(struct buf *b, const struct notice_session *s, int teacher)
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
subject(struct arena *a, const char *what, const struct notice_session *s,
    const char *tz)
{
	return notice_cut(a, arena_printf(a, "%s: %s on %s", what,
	    session_name(a, s), short_when(a, s->starts_at, tz)),
	    NOTICE_SUBJECT_MAX);
}

void
notice_session(struct arena *a, const struct notice_ctx *c,
    enum notice_kind k, const struct notice_session *s,
    const struct notice_session *other, const struct notice_reader *r,
    const char *actor, struct notice *out)
{
	struct buf	 b;
	const char	*tz = reader_zone(c, r), *who;
	char		*when = notice_when(a, s->starts_at, s->ends_at, tz);
	char		*name = (char *)session_name(a, s);

	who = empty(actor) ? s->teacher : actor;
	buf_init(&b);
	greeting(&b, r);
	out->link = arena_printf(a, "/platform/sessions/%lld",
	    (long long)s->id);
	switch (k) {
	case NK_SCHEDULED:
		out->kind = "session_scheduled";
		out->subject = subject(a, "New live session", s, tz);
		buf_printf(&b, "%s scheduled a live session %s.\n\n", who,
		    r->teacher ? "for you to teach" : "with you");
		details(&b, a, c, s, r);
		block(&b, "Notes:", s->notes);
		join_text(&b, a, c, s->id);
		out->summary = arena_printf(a, "%s scheduled \"%s\": %s.", who,
		    name, when);
		break;
	case NK_CHANGED:
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
	case NK_REMOVED:
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
	case NK_CANCELED:
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
		buf_printf(&b, "\nSession page: %s\n", session_url(a, c,
		    s->id));
		out->summary = empty(s->cancel_reason) ?
		    arena_printf(a, "%s canceled \"%s\" (%s).", who, name,
		    when) : arena_printf(a, "%s canceled \"%s\" (%s). Reason: "
		    "%s", who, name, when, s->cancel_reason);
		break;
	case NK_FOLLOWUP:
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
			    "%s\n", s->teacher, session_name(a, other),
			    notice_when(a, other->starts_at, other->ends_at,
			    tz));
			if (!empty(other->lesson))
				buf_printf(&b, "To prepare: the course lesson "
				    "\"%s\".\n", other->lesson);
			block(&b, "Its notes:", other->notes);
			buf_printf(&b, "%s\n", session_url(a, c, other->id));
		} else
			buf_printf(&b, "\nNo further session with %s is "
			    "scheduled yet.\n", s->teacher);
		buf_printf(&b, "\nThis session: %s\n", session_url(a, c,
		    s->id));
		out->summary = other != NULL ? arena_printf(a, "Notes and "
		    "next steps after \"%s\". Next session: %s.", name,
		    notice_when(a, other->starts_at, other->ends_at, tz)) :
		    arena_printf(a, "Notes and next steps after \"%s\".",
		    name);
		break;
	case NK_REMINDER:
		out->kind = "session_reminder";
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
	signature(&b, c);
	out->body = arena_strdup(a, b.data);
	out->summary = notice_cut(a, out->summary, 1000);
	buf_free(&b);
}

/* "Monday and Wednesday" from a rule's weekday bits. */
static char *
day_list(struct arena *a, int days)
{
	struct buf	 b;
	char		*s;
	int		 i, n = 0, total = 0;

	for (i = 0; i < 7; i++)
		if (days & (1 << i))
			total++;
	buf_init(&b);
	for (i = 0; i < 7; i++) {
		if (!(days & (1 << i)))
			continue;
		if (n > 0)
			buf_puts(&b, n == total - 1 ? " and " : ", ");
		buf_puts(&b, rule_days[i]);
		n++;
	}
	s = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

void
notice_rule(struct arena *a, const struct notice_ctx *c,
    enum notice_rule_event ev, const struct notice_rule *rule,
    const struct notice_reader *r, struct notice *out)
{
	struct buf	 b;
	char		*days = day_list(a, rule->weekdays);
	char		*pattern;
	const char	*what;

	pattern = arena_printf(a, "%s at %02d:%02d (%s), %d minutes", days,
	    rule->hour, rule->minute, rule->tz, rule->duration);
	what = ev == NR_ADDED ? "added" : ev == NR_CHANGED ? "changed" :
	    "removed";
	out->kind = ev == NR_ADDED ? "rule_added" : ev == NR_CHANGED ?
	    "rule_changed" : "rule_removed";
	out->link = arena_strdup(a, "/platform/schedule");
	out->subject = notice_cut(a, arena_printf(a, "Recurring lessons %s: "
	    "%s, %s at %02d:%02d", what, rule->course, days, rule->hour,
	    rule->minute), NOTICE_SUBJECT_MAX);
	buf_init(&b);
	greeting(&b, r);
	if (ev == NR_REMOVED) {
		buf_printf(&b, "The recurring schedule of your %s lessons "
		    "with %s\n(every %s) was removed.\nIts future lessons "
		    "are no longer on your schedule; lessons that were\n"
		    "changed by "
		    "hand stay as they are.\n", rule->course, rule->teacher,
		    pattern);
		out->summary = arena_printf(a, "The recurring %s lessons with "
		    "%s (every %s) were removed.", rule->course,
		    rule->teacher, pattern);
	} else {
		buf_printf(&b, "A recurring schedule was %s for your %s "
		    "lessons with %s:\n\n  Every %s\n  From %s%s%s\n", what,
		    rule->course, rule->teacher, pattern, rule->start_date,
		    empty(rule->end_date) ? "" : " until ",
		    empty(rule->end_date) ? "" : rule->end_date);
		if (rule->first_start != NULL)
			buf_printf(&b, "  Next lesson: %s\n", notice_when(a,
			    rule->first_start, rule->first_end,
			    reader_zone(c, r)));
		buf_puts(&b, "\nThe lessons appear on your schedule as they "
		    "are planned.  You get a\nreminder 24 hours before each "
		    "one, and no separate message for each\nlesson.\n");
		out->summary = arena_printf(a, "%s lessons with %s: every "
		    "%s.", rule->course, rule->teacher, pattern);
	}
	buf_printf(&b, "\nYour schedule: %s/platform/schedule\n", c->base_url);
	signature(&b, c);
	out->body = arena_strdup(a, b.data);
	out->summary = notice_cut(a, out->summary, 1000);
	buf_free(&b);
}
