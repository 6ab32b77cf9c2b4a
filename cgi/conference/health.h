/*
 * health.h: whether the conferencing server answers, as every app host
 * sees it (a circuit breaker kept in the database, since Lectern keeps
 * nothing between requests and several hosts may share one database).
 *
 * A person's click that calls the server (create and join, end,
 * publish, delete) asks conf_health_admit() first and reports with
 * conf_health_after() after each call.  A call that got no answer in
 * time marks the server as not answering for CONF_BREAKER_WINDOW_MS:
 * during that window clicks fail at once with the friendly message
 * instead of holding a web worker for the whole timeout.  Once the
 * window is over, the first click takes the next window for itself and
 * tries the server (one trial call per window): an answer clears the
 * mark, another timeout keeps it for a new window.  The worker's own
 * calls (end retries, recordings) do not ask: they keep their schedule.
 * Each worker pass also asks a marked server one cheap question
 * (conf_health_recheck), so that the mark goes as soon as the server
 * answers again, not only at a person's click.
 */
#ifndef LECTERN_HEALTH_H
#define LECTERN_HEALTH_H

struct arena;
struct conf_provider;
struct config;
struct db;
struct sqltable;

/* The statement table's slot (core/db.h), registered by app.c. */
#define CONF_HEALTH_SLOT	14
/* The meeting the worker's check asks about (one that never exists). */
#define CONF_HEALTH_MEETING	"lectern-health-check"
/* How long the server counts as not answering after a timeout. */
#define CONF_BREAKER_WINDOW_MS	30000LL

enum conf_gate {
	CONF_GATE_CLOSED,	/* answering: call it */
	CONF_GATE_PROBE,	/* the window is over: one trial call */
	CONF_GATE_OPEN		/* not answering: do not call */
};

/*
 * What a click should do at now (ms since the epoch) when the server
 * is marked as not answering until open_until (0: not marked).  A mark
 * further ahead than one window (the clock went back, a row written by
 * hand) counts as over, so that nothing refuses clicks for longer than
 * a window.  Pure.
 */
enum conf_gate	 conf_gate_at(long long open_until, long long now,
		    long long window);
/* The end of a window of window ms starting at now (saturating).  Pure. */
long long	 conf_gate_until(long long now, long long window);

/* What conf_health_admit() let through, for conf_health_after(). */
struct conf_pass {
	const struct conf_provider	*provider;
	int				 probe;	/* the trial call */
};

/*
 * Before a click's call to p: 1 to call the server, 0 when it is marked
 * as not answering (the caller shows the friendly message at once,
 * without calling).  Fills pass.  A provider that calls no server, or a
 * database that cannot tell, lets the call go.
 */
int		 conf_health_admit(struct db *, struct arena *,
		    const struct conf_provider *p, struct conf_pass *pass);
/*
 * After each call admitted by pass: no answer in time (p->timed_out())
 * marks the server for a window; any other end of the trial call
 * clears the mark.  Errors are logged, never fatal.
 */
void		 conf_health_after(struct db *, struct arena *,
		    struct conf_pass *pass);
/*
 * The worker's check: when p is marked as not answering, ask it whether
 * CONF_HEALTH_MEETING runs; a proper answer (running or not, or no such
 * meeting) clears the mark.  Returns 1 when it cleared the mark.  Does
 * nothing (no call) while p is not marked.
 */
int		 conf_health_recheck(struct db *, struct arena *,
		    const struct config *, const struct conf_provider *p);

extern const struct sqltable sql_conference;

#endif
