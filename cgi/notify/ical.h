/*
 * ical.h: a user's live lessons as an iCalendar feed (RFC 5545), built
 * with libical.
 */
#ifndef LECTERN_ICAL_H
#define LECTERN_ICAL_H

#include <stddef.h>
#include <time.h>

struct arena;
struct cal_event;
struct config;

/*
 * The VCALENDAR text (CRLF lines) named calname with one VEVENT per
 * session.  Times carry TZID = the school's timezone, described by a
 * VTIMEZONE; a school in UTC (or in a zone libical does not know) gets
 * UTC times instead.  Canceled sessions are STATUS:CANCELLED and
 * SEQUENCE grows with every change.  Allocated in arena; NULL when
 * libical fails.
 */
char	*ical_feed(struct arena *, const struct config *, const char *calname,
	    const struct cal_event *, size_t n);

#endif
