/*
 * generate.c: live lessons generated from schedule rules: each
 * occurrence of a rule (enrollment.c) up to the horizon becomes a live
 * lesson with its learner, through the generator's statements (db.c).
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
