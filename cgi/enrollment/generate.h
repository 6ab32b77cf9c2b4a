/*
 * generate.h: live sessions made from recurring schedule rules.
 */
#ifndef LECTERN_GENERATE_H
#define LECTERN_GENERATE_H

#include <time.h>

#include "core/db.h"

struct arena;
struct config;
struct sched_rule;

/*
 * Create the live sessions (and their participant) of every non-deleted
 * rule of an active enrollment, from the later of the rule's start and
 * today up to today plus the configured horizon, as of instant now.
 * Occurrences that exist already, or would start before now, are left
 * out, so running it again creates nothing.  Each rule's batch is one
 * transaction.  *created counts the new sessions.  Allocates in arena.
 */
enum db_rc	generate_sessions(struct db *, struct arena *,
		    const struct config *, time_t now, int *created);

/*
 * 1 when the local date (YYYY-MM-DD) is one of the rule's days: its
 * weekday is set and it lies within the rule's dates.  Pure.
 */
int	rule_has_date(const struct sched_rule *, const char *date);
/*
 * The UTC start and end ("YYYY-MM-DD HH:MM:SS") of the occurrence of a
 * rule on a local date, through the rule's timezone.  Returns 1, or 0
 * when the zone or date cannot convert.
 */
int	rule_instant(const struct sched_rule *, const char *date,
	    char starts[20], char ends[20]);

#endif
