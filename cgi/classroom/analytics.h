/*
 * analytics.h: a channel's analytics across its sessions, for the
 * people who run it (its channel admins and site administrators): per
 * ended session, the learners present, their minutes, their chat
 * messages and poll votes; per learner, the sessions they attended of
 * those held, with the same figures; and the attendance as CSV.
 *
 * A learner is anyone but the channel's admins and site
 * administrators.  Messages are those of the room page's chat plus
 * those the conferencing server reported; poll votes likewise (the
 * room page's polls and the conferencing room's), so nothing is
 * counted twice.  Only ended sessions that were not deleted count.
 */
#ifndef LECTERN_CLASSROOM_ANALYTICS_H
#define LECTERN_CLASSROOM_ANALYTICS_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"

/* Slot of the statement table in classroom/db-analytics.c. */
#define CLASSROOM_ANALYTICS_SLOT	17
extern const struct sqltable	sql_classroom_analytics;

struct arena;
struct req;

#define ANALYTICS_SESSIONS	12	/* latest sessions charted */
#define ANALYTICS_PAGE		50	/* learners a page */
#define ANALYTICS_CSV_MAX	20000	/* learners in the CSV, at most */

/* One ended session of the channel. */
struct an_session {
	int64_t		 id;
	char		*name;
	char		*started_at;
	long long	 learners;	/* who joined */
	long long	 minutes;	/* theirs, summed */
	long long	 messages;
	long long	 votes;
};

/* One learner of the channel across its ended sessions. */
struct an_learner {
	int64_t		 id;
	char		*name;
	char		*email;
	long long	 attended;	/* sessions joined */
	long long	 minutes;
	long long	 messages;
	long long	 votes;
};

/* The latest ANALYTICS_SESSIONS ended sessions, newest first, and
 * how many ended sessions the channel has in all (*held). */
enum db_rc	db_analytics_sessions(struct db *, struct arena *,
		    int64_t channel_id, struct an_session **, size_t *,
		    long long *held);
/* The channel's learners (plain members) by name after the position
 * (after_name NULL: from the start), at most limit. */
enum db_rc	db_analytics_learners(struct db *, struct arena *,
		    int64_t channel_id, const char *after_name,
		    int64_t after_id, size_t limit, struct an_learner **,
		    size_t *);

/* page-analytics.c */
int	page_channel_analytics(struct req *);
int	page_channel_analytics_csv(struct req *);

#endif
