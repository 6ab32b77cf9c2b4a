/*
 * enrollment.c: the calendar of a schedule rule, shared by the rule
 * pages' statements (db.c), the generator (generate.c) and the notes
 * (notices.c).  A rule names local days and a local time in its own
 * timezone; each occurrence's UTC start comes from that zone's rules on
 * that date, so a 14:00 lesson stays at 14:00 local across
 * daylight-saving changes.  Pure functions.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "lib/clock.h"
#include "lib/dates.h"
#include "enrollment/enrollment.h"

int
rule_has_date(const struct sched_rule *r, const char *date)
{
	int	 wd;

	if ((wd = date_weekday(date)) < 0 || (r->weekdays & (1 << wd)) == 0)
		return 0;
	if (strcmp(date, r->start_date) < 0)
		return 0;
	if (r->end_date != NULL && *r->end_date != '\0' &&
	    strcmp(date, r->end_date) > 0)
		return 0;
	return 1;
}

int
rule_instant(const struct sched_rule *r, const char *date, char starts[20],
    char ends[20])
{
	int	 y, mo, d;
	time_t	 t;

	if (sscanf(date, "%4d-%2d-%2d", &y, &mo, &d) != 3)
		return 0;
	if (!local_to_utc(r->timezone, y, mo, d, r->hour, r->minute, &t))
		return 0;
	dbtime_format(t, starts);
	dbtime_format(t + (time_t)r->duration * 60, ends);
	return 1;
}

int
rule_next(const struct sched_rule *r, time_t now, char starts[20],
    char ends[20])
{
	char	 date[DATE_LEN], next[DATE_LEN], nowtext[DBTIME_LEN];
	int	 i;

	if (!local_date(now, r->timezone, date))
		return 0;
	if (strcmp(r->start_date, date) > 0)
		snprintf(date, sizeof(date), "%s", r->start_date);
	dbtime_format(now, nowtext);
	for (i = 0; i < RULE_NEXT_DAYS; i++) {
		if (rule_has_date(r, date) && rule_instant(r, date, starts,
		    ends) && strcmp(starts, nowtext) > 0)
			return 1;
		if (!date_add_days(date, 1, next))
			return 0;
		memcpy(date, next, sizeof(date));
	}
	return 0;
}
