/*
 * clock.c: conversions between UTC instants and local wall clocks.
 * The C library converts in the zone named by TZ; each function sets it
 * for its own call and puts the old value back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/clock.h"
#include "lib/valid.h"

/* Switch TZ to zone; returns the previous value (to pass to zone_end). */
static char *
zone_begin(const char *tz)
{
	char	*old = getenv("TZ"), zone[80];

	old = old ? strdup(old) : NULL;
	snprintf(zone, sizeof(zone), ":%s", tz);
	setenv("TZ", zone, 1);
	tzset();
	return old;
}

static void
zone_end(char *old)
{
	if (old != NULL) {
		setenv("TZ", old, 1);
		free(old);
	} else
		unsetenv("TZ");
	tzset();
}

/* tm cleared and set to the date and time given.  Pure. */
static void
tm_set(struct tm *tm, int y, int mo, int d, int h, int mi, int sec)
{
	memset(tm, 0, sizeof(*tm));
	tm->tm_year = y - 1900;
	tm->tm_mon = mo - 1;
	tm->tm_mday = d;
	tm->tm_hour = h;
	tm->tm_min = mi;
	tm->tm_sec = sec;
}

/* mktime of the fields with a given DST guess. */
static time_t
try_mktime(int y, int mo, int d, int h, int mi, int isdst, struct tm *back)
{
	struct tm	 tm;
	time_t		 t;

	tm_set(&tm, y, mo, d, h, mi, 0);
	tm.tm_isdst = isdst;
	t = mktime(&tm);
	localtime_r(&t, back);
	return t;
}

static int
same_wall(const struct tm *tm, int y, int mo, int d, int h, int mi)
{
	return tm->tm_year == y - 1900 && tm->tm_mon == mo - 1 &&
	    tm->tm_mday == d && tm->tm_hour == h && tm->tm_min == mi;
}

int
local_to_utc(const char *tz, int y, int mo, int d, int h, int mi, time_t *out)
{
	struct tm	 a, b;
	time_t		 ta, tb;
	char		*old;
	int		 oka, okb;

	if (tz == NULL || !valid_timezone(tz) || mo < 1 || mo > 12 ||
	    d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59)
		return 0;
	old = zone_begin(tz);
	ta = try_mktime(y, mo, d, h, mi, 0, &a);
	tb = try_mktime(y, mo, d, h, mi, 1, &b);
	oka = ta != (time_t)-1 && same_wall(&a, y, mo, d, h, mi);
	okb = tb != (time_t)-1 && same_wall(&b, y, mo, d, h, mi);
	if (oka && okb)
		*out = ta < tb ? ta : tb;	/* twice: the earlier */
	else if (oka)
		*out = ta;
	else if (okb)
		*out = tb;
	else {
		/* Skipped by the clocks: the later reading moves forward. */
		*out = ta > tb ? ta : tb;
	}
	zone_end(old);
	return *out != (time_t)-1;
}

int
utc_to_local(time_t t, const char *tz, struct tm *out, char abbr[16])
{
	char	*old;
	int	 ok;

	if (tz == NULL || !valid_timezone(tz))
		return 0;
	old = zone_begin(tz);
	ok = localtime_r(&t, out) != NULL;
	if (ok && abbr != NULL &&
	    strftime(abbr, 16, "%Z", out) == 0)
		abbr[0] = '\0';
	zone_end(old);
	return ok;
}

int
local_text(const char *utc, const char *tz, char out[LOCALTEXT_LEN],
    char abbr[16])
{
	struct tm	 tm;
	char		 ab[16];
	time_t		 t;

	if (!dbtime_parse(utc, &t) || !utc_to_local(t, tz, &tm, ab) ||
	    strftime(out, LOCALTEXT_LEN, "%Y-%m-%d %H:%M", &tm) == 0)
		return 0;
	if (abbr != NULL)
		memcpy(abbr, ab, sizeof(ab));
	return 1;
}

int
dbtime_parse(const char *s, time_t *out)
{
	struct tm	 tm;
	int		 y, mo, d, h, mi, sec;
	char		 tail;

	if (s == NULL || sscanf(s, "%4d-%2d-%2d %2d:%2d:%2d%c", &y, &mo, &d,
	    &h, &mi, &sec, &tail) != 6)
		return 0;
	tm_set(&tm, y, mo, d, h, mi, sec);
	*out = timegm(&tm);
	return *out != (time_t)-1;
}

void
dbtime_format(time_t t, char out[DBTIME_LEN])
{
	struct tm	 tm;

	gmtime_r(&t, &tm);
	if (strftime(out, DBTIME_LEN, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		out[0] = '\0';
}

int
date_weekday(const char *date)
{
	struct tm	 tm;
	int		 y, mo, d;

	if (!valid_date(date, &y, &mo, &d))
		return -1;
	tm_set(&tm, y, mo, d, 12, 0, 0);
	if (timegm(&tm) == (time_t)-1)
		return -1;
	return (tm.tm_wday + 6) % 7;
}
