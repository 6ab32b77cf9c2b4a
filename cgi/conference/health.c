/*
 * health.c: the conferencing server's "not answering" mark in the
 * database (health.h): one row per provider in conference_health,
 * open_until in ms since the epoch by the database's clock, so that
 * every app host reads the same window.  A healthy server costs one
 * SELECT per click and no write.
 */
#include <stdio.h>
#include <string.h>

#include "conference/conference.h"
#include "conference/health.h"
#include "core/db.h"

enum {
	CF_STATE = DB_BASE(CONF_HEALTH_SLOT),
	CF_CLAIM,
	CF_OPEN,
	CF_CLOSE,
	CF__END
};

#define S(id)	((id) - CF_STATE)

/* The database's clock in ms since the epoch (its sessions run in UTC). */
#define DB_NOW_MS	"CAST(ROUND(UNIX_TIMESTAMP(NOW(3)) * 1000) AS SIGNED)"

static const char *const sqltab[] = {
	/* The mark (0: none) and the database's now. */
	[S(CF_STATE)] =
	    "SELECT COALESCE((SELECT open_until FROM conference_health "
	    "WHERE provider = ?), 0), " DB_NOW_MS,
	/* The trial call: only one click takes a window that is over. */
	[S(CF_CLAIM)] =
	    "UPDATE conference_health SET open_until = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE provider = ? AND "
	    "open_until = ?",
	[S(CF_OPEN)] =
	    "INSERT INTO conference_health (provider, open_until, timeouts, "
	    "updated_at) VALUES (?, ?, 1, UTC_TIMESTAMP()) "
	    "ON DUPLICATE KEY UPDATE "
	    "open_until = GREATEST(open_until, VALUES(open_until)), "
	    "timeouts = timeouts + 1, updated_at = UTC_TIMESTAMP()",
	[S(CF_CLOSE)] =
	    "UPDATE conference_health SET open_until = 0, "
	    "updated_at = UTC_TIMESTAMP() WHERE provider = ? AND "
	    "open_until <> 0",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == S(CF__END),
    "one SQL text per statement");

const struct sqltable sql_conference = { S(CF__END), sqltab };

/* The mark of provider and the database's now into *until and *now.
 * Returns 1, or 0 when the database could not tell. */
static int
state(struct db *db, struct arena *a, const char *provider,
    long long *until, long long *now)
{
	struct dbres	*res;

	if (db_query(db, a, CF_STATE, &res, "s", provider) != DB_OK ||
	    !db_next(res))
		return 0;
	*until = db_int(res, 0);
	*now = db_int(res, 1);
	return 1;
}

int
conf_health_admit(struct db *db, struct arena *a,
    const struct conf_provider *p, struct conf_pass *pass)
{
	long long	 until, now, next, changed = 0;

	memset(pass, 0, sizeof(*pass));
	pass->provider = p;
	if (p->timed_out == NULL)
		return 1;
	if (!state(db, a, p->name, &until, &now))
		return 1;
	switch (conf_gate_at(until, now, CONF_BREAKER_WINDOW_MS)) {
	case CONF_GATE_CLOSED:
		return 1;
	case CONF_GATE_OPEN:
		break;
	case CONF_GATE_PROBE:
		next = conf_gate_until(now, CONF_BREAKER_WINDOW_MS);
		if (db_exec(db, CF_CLAIM, &changed, "isi", next, p->name,
		    until) != DB_OK)
			return 1;
		if (changed == 1) {
			pass->probe = 1;
			fprintf(stderr, "lectern: %s: trying the server "
			    "again after it did not answer\n", p->name);
			return 1;
		}
		/* Another click took this window's trial call. */
		break;
	}
	fprintf(stderr, "lectern: %s: the server did not answer lately: "
	    "not called\n", p->name);
	return 0;
}

void
conf_health_after(struct db *db, struct arena *a, struct conf_pass *pass)
{
	const struct conf_provider	*p = pass->provider;
	long long			 until, now;

	if (p == NULL || p->timed_out == NULL)
		return;
	if (p->timed_out()) {
		if (!state(db, a, p->name, &until, &now) ||
		    db_exec(db, CF_OPEN, NULL, "si", p->name,
		    conf_gate_until(now, CONF_BREAKER_WINDOW_MS)) != DB_OK) {
			fprintf(stderr, "lectern: %s: the server's timeout "
			    "was not recorded\n", p->name);
			return;
		}
		fprintf(stderr, "lectern: %s: the server did not answer in "
		    "time: clicks fail at once for %lld s\n", p->name,
		    CONF_BREAKER_WINDOW_MS / 1000);
		pass->probe = 0;
		return;
	}
	if (!pass->probe)
		return;
	pass->probe = 0;
	if (db_exec(db, CF_CLOSE, NULL, "s", p->name) != DB_OK)
		fprintf(stderr, "lectern: %s: the server's answer was not "
		    "recorded\n", p->name);
	else
		fprintf(stderr, "lectern: %s: the server answers again\n",
		    p->name);
}

int
conf_health_recheck(struct db *db, struct arena *a,
    const struct config *cfg, const struct conf_provider *p)
{
	long long	 until, now;
	char		*err = NULL;
	int		 running = 0;
	enum conf_rc	 rc;

	if (p->timed_out == NULL || !state(db, a, p->name, &until, &now) ||
	    until == 0)
		return 0;
	rc = p->is_running(cfg, a, CONF_HEALTH_MEETING, &running, &err);
	if (rc != CONF_OK && rc != CONF_NOT_FOUND) {
		fprintf(stderr, "lecternctl: worker: %s: still not answering: "
		    "%s\n", p->name, err != NULL ? err : "no reason given");
		return 0;
	}
	if (db_exec(db, CF_CLOSE, NULL, "s", p->name) != DB_OK)
		return 0;
	fprintf(stderr, "lecternctl: worker: %s: the server answers again\n",
	    p->name);
	return 1;
}
