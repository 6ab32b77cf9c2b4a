/*
 * generate.h: live lessons made from recurring schedule rules (the
 * worker's pass and "lecternctl generate").
 */
#ifndef LECTERN_GENERATE_H
#define LECTERN_GENERATE_H

#include <time.h>

#include "core/db.h"

struct arena;
struct config;

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

#endif
