/*
 * notice.c: what the words of every notification share.  Each message
 * is written for one reader, with every time in the reader's own
 * timezone and the zone named, because a learner abroad must not have
 * to convert a time in their head.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "lib/clock.h"
#include "core/config.h"
#include "notify/notice.h"
#include "lib/utf8.h"
#include "lib/util.h"

static const char *const day_names[] = { "Sunday", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday" };

void
notice_ctx_init(struct notice_ctx *c, const struct config *cfg)
{
	c->base_url = cfg->base_url;
	c->school_name = cfg->school_name;
	c->school_tz = cfg->timezone;
}

const char *
notice_zone(const struct notice_ctx *c, const struct notice_reader *r)
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

char *
notice_short_when(struct arena *a, const char *start, const char *tz)
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

void
notice_begin(struct buf *b, const struct notice_reader *r)
{
	buf_init(b);
	buf_printf(b, "Hello %s,\n\n", empty(r->name) ? "there" : r->name);
}

void
notice_end(struct arena *a, const struct notice_ctx *c, struct buf *b,
    struct notice *out)
{
	buf_printf(b, "\n-- \n%s\n", c->school_name);
	out->body = arena_strdup(a, b->data);
	out->summary = notice_cut(a, out->summary, NOTICE_SUMMARY_MAX);
	buf_free(b);
}
