/*
 * clock.h: instants and wall clocks.  The database keeps UTC; people
 * read and type local times in their timezone, and recurring lessons are
 * planned in local time, so that a 14:00 Monday lesson stays at 14:00
 * across a daylight-saving change.  Nothing here allocates.
 */
#ifndef LECTERN_CLOCK_H
#define LECTERN_CLOCK_H

#include <time.h>

#define DBTIME_LEN	20	/* "YYYY-MM-DD HH:MM:SS" and NUL */

/*
 * The UTC instant of a local wall-clock time in zone tz.  A time the
 * clocks skip (spring forward) moves on by the size of the jump (02:30
 * becomes 03:30); a time that happens twice (fall back) is the earlier
 * of the two.  Returns 1, or 0 for an unknown zone or impossible fields.
 */
int	local_to_utc(const char *tz, int y, int mo, int d, int h, int mi,
	    time_t *out);
/* The local fields of an instant in zone tz, with the zone's abbreviation
 * (CET, EDT...) in abbr.  Returns 1, or 0 for an unknown zone. */
int	utc_to_local(time_t t, const char *tz, struct tm *out,
	    char abbr[16]);
/* Database DATETIME text (UTC) as local "YYYY-MM-DD HH:MM" in zone tz,
 * with the zone's abbreviation in abbr (may be NULL).  Returns 1, or 0
 * for text that is not a DATETIME or an unknown zone. */
#define LOCALTEXT_LEN	17
int	local_text(const char *utc, const char *tz, char out[LOCALTEXT_LEN],
	    char abbr[16]);
/* Database DATETIME text (UTC) to an instant and back. */
int	dbtime_parse(const char *, time_t *);
void	dbtime_format(time_t, char out[DBTIME_LEN]);
/* Day of the week of a YYYY-MM-DD date: 0 Monday ... 6 Sunday, -1 if bad. */
int	date_weekday(const char *);

#endif
