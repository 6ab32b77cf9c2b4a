/*
 * lms.c: dates, windows, session status and access rules.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/dates.h"
#include "lib/valid.h"

int
local_date(time_t now, const char *tz, char out[DATE_LEN])
{
	struct tm	 tm;
	char		*old, *saved = NULL, zone[80];
	int		 ok = 1;

	if (tz == NULL || !valid_timezone(tz)) {
		ok = 0;
		tz = "UTC";
	}
	/* localtime_r follows TZ; set it for this call only. */
	if ((old = getenv("TZ")) != NULL)
		saved = strdup(old);
	snprintf(zone, sizeof(zone), ":%s", tz);
	setenv("TZ", zone, 1);
	tzset();
	if (localtime_r(&now, &tm) == NULL) {
		gmtime_r(&now, &tm);
		ok = 0;
	}
	if (saved != NULL) {
		setenv("TZ", saved, 1);
		free(saved);
	} else
		unsetenv("TZ");
	tzset();
	if (strftime(out, DATE_LEN, "%Y-%m-%d", &tm) != DATE_LEN - 1)
		return 0;
	return ok;
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static long
days_from_civil(int y, int m, int d)
{
	long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, int *y, int *m, int *d)
{
	long	 era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
date_add_days(const char *date, int days, char out[DATE_LEN])
{
	int	 y, m, d;

	if (date == NULL || !valid_date(date, &y, &m, &d))
		return 0;
	civil_from_days(days_from_civil(y, m, d) + days, &y, &m, &d);
	if (y < 1 || y > 9999)
		return 0;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
	return 1;
}

long
date_diff_days(const char *a, const char *b)
{
	int	 ya, ma, da, yb, mb, db;

	if (!valid_date(a, &ya, &ma, &da) || !valid_date(b, &yb, &mb, &db))
		return 0;
	return days_from_civil(yb, mb, db) - days_from_civil(ya, ma, da);
}

static int
open_end(const char *s)
{
	return s == NULL || *s == '\0';
}

enum window
date_window(const char *start, const char *end, const char *today)
{
	if (!open_end(start) && strcmp(today, start) < 0)
		return WIN_BEFORE;
	if (!open_end(end) && strcmp(today, end) > 0)
		return WIN_AFTER;
	return WIN_INSIDE;
}

enum sess_status
session_status(const char *start, const char *end, const char *today)
{
	switch (date_window(start, end, today)) {
	case WIN_BEFORE:
		return SESS_UPCOMING;
	case WIN_AFTER:
		return SESS_PAST;
	default:
		return SESS_ACTIVE;
	}
}

const char *
sess_status_name(enum sess_status s)
{
	return s == SESS_UPCOMING ? "upcoming" : s == SESS_PAST ? "past" :
	    "active";
}

const char *
sess_status_label(enum sess_status s)
{
	return s == SESS_UPCOMING ? "Upcoming" : s == SESS_PAST ? "Past" :
	    "Active";
}

enum access
learner_access(const char *start, const char *end, int readonly_after_end,
    const char *today)
{
	switch (date_window(start, end, today)) {
	case WIN_BEFORE:
		return ACC_NOT_YET;
	case WIN_AFTER:
		return readonly_after_end ? ACC_READONLY : ACC_CLOSED;
	default:
		return ACC_OPEN;
	}
}

enum access
coach_access(const char *start, const char *end, const char *today)
{
	switch (date_window(start, end, today)) {
	case WIN_BEFORE:
		return ACC_NOT_YET;
	case WIN_AFTER:
		return ACC_CLOSED;
	default:
		return ACC_OPEN;
	}
}
