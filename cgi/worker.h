/*
 * worker.h: the background work behind "lecternctl worker": generating
 * live sessions from schedule rules, queueing the 24-hour reminders and
 * delivering the email outbox.
 */
#ifndef LECTERN_WORKER_H
#define LECTERN_WORKER_H

#include "classroom/classroom.h"
#include "core/db.h"

struct config;

/* A claim older than this goes back to the queue (seconds).  It must
 * outlast the slowest delivery of one message by far. */
#define WORKER_LEASE	600
/* Sent messages are kept this many days, then deleted. */
#define WORKER_KEEP_SENT_DAYS	90

/* What one pass did. */
struct worker_stats {
	int		 generated;	/* live sessions from rules */
	int		 reminders;	/* reminders queued */
	long long	 released;	/* expired claims back in the queue */
	int		 sent;
	int		 retry;		/* failed now, tried again later */
	int		 failed;	/* given up */
	int		 dropped;	/* stale reminders not sent */
	int		 left;		/* due but left for the next pass */
	int		 down;		/* 1: mail system unreachable, 2: no
					   usable mail_from */
	long long	 purged;	/* old sent messages forgotten */
	struct classroom_sync_stats classroom; /* recordings, missed ends */
};

/*
 * One pass: generation, reminders, the classrooms' recordings and
 * missed ends (classroom/sync.c), then at most worker_batch due
 * messages, each claimed (pending to sending, by "host:pid"), sent and
 * marked sent in its own statement.  Returns DB_OK, or the database
 * failure that stopped it; failed deliveries are counted, not
 * returned.
 */
enum db_rc	worker_pass(struct db *, const struct config *,
		    struct worker_stats *);
/* Ask the pass to stop after the message in hand (signal safe). */
void		worker_stop(void);
/* 1 once worker_stop was called. */
int		worker_stopping(void);

#endif
