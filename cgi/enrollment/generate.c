/*
 * generate.c: live sessions generated from schedule rules.  A rule
 * names local days and a local time in its own timezone; each
 * occurrence becomes a live session whose UTC start comes from that
 * zone's rules on that date, so a 14:00 lesson stays at 14:00 local
 * across daylight-saving changes.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "lib/clock.h"
#include "core/config.h"
#include "core/db.h"
#include "enrollment/enrollment.h"
#include "enrollment/generate.h"
#include "lib/dates.h"
#include "lib/util.h"

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

/*
 * Create the missing occurrences of one rule from first to last (local
 * dates, inclusive) that start after now, and record last as generated.
 * One transaction.  Adds the new sessions to *created.
 */
static enum db_rc
generate_rule(struct db *db, const struct sched_rule *r, const char *first,
    const char *last, const char *now, int *created)
{
	char		 date[DATE_LEN], next[DATE_LEN], starts[20], ends[20];
	enum db_rc	 rc;
	int		 made, n = 0;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	snprintf(date, sizeof(date), "%s", first);
	while (strcmp(date, last) <= 0) {
		if (rule_has_date(r, date) &&
		    rule_instant(r, date, starts, ends) &&
		    strcmp(starts, now) > 0) {
			rc = db_gen_insert(db, r, date, starts, ends, &made);
			if (rc != DB_OK) {
				db_rollback(db);
				return rc;
			}
			n += made;
		}
		if (!date_add_days(date, 1, next))
			break;
		memcpy(date, next, sizeof(date));
	}
	if ((rc = db_gen_done(db, r->id, last)) != DB_OK) {
		db_rollback(db);
		return rc;
	}
	if ((rc = db_commit(db)) != DB_OK)
		return rc;
	*created += n;
	return DB_OK;
}

enum db_rc
generate_sessions(struct db *db, struct arena *a, const struct config *cfg,
    time_t now, int *created)
{
	struct sched_rule	*rules;
	char			 today[DATE_LEN], until[DATE_LEN];
	char			 nowtext[DBTIME_LEN];
	const char		*first;
	enum db_rc		 rc;
	size_t			 n, i;
	int			 weeks;

	*created = 0;
	weeks = cfg->schedule_horizon_weeks > 0 ?
	    cfg->schedule_horizon_weeks : 8;
	(void)local_date(now, cfg->timezone, today);
	if (!date_add_days(today, weeks * 7, until))
		return DB_ERROR;
	dbtime_format(now, nowtext);
	if ((rc = db_gen_rules(db, a, until, &rules, &n)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++) {
		first = strcmp(rules[i].start_date, today) > 0 ?
		    rules[i].start_date : today;
		if ((rc = generate_rule(db, &rules[i], first, until, nowtext,
		    created)) != DB_OK)
			return rc;
	}
	return DB_OK;
}
