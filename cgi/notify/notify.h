/*
 * notify.h: notifications.  In-app notifications and email queued in
 * the outbox are written by the caller inside its own open transaction,
 * so a change and the messages it causes commit or roll back together.
 * The domains with news decide who hears what and write the words
 * (notice.h); the worker (lecternctl worker) delivers the outbox.
 */
#ifndef LECTERN_NOTIFY_H
#define LECTERN_NOTIFY_H

#include <stdint.h>

#include "core/db.h"

/* Slot of the statement table in notify/db.c (see app.c). */
#define NOTIFY_SLOT	2
extern const struct sqltable	sql_notify;
extern const struct routeset	notify_routes;

struct notice;

/* An in-app notification for one user; link may be NULL. */
enum db_rc	notify_inapp(struct db *, int64_t user_id, const char *kind,
		    const char *subject, const char *body, const char *link);
/*
 * An email to one user (address and name read from users; disabled
 * accounts get none).  dedupe (may be NULL) names a message that must
 * exist at most once: queueing it again changes nothing.  *queued (may
 * be NULL) is 1 when the message was queued, 0 when it was not.
 */
enum db_rc	notify_email(struct db *, int64_t user_id, const char *kind,
		    const char *subject, const char *body, const char *dedupe,
		    int *queued);
/*
 * An email held for hold_min minutes, once per dedupe key: queued again
 * while it has not gone out, it takes the new subject and body (and
 * the new time, when no attempt was made yet).
 */
enum db_rc	notify_email_held(struct db *, int64_t user_id,
		    const char *kind, const char *subject, const char *body,
		    const char *dedupe, int hold_min);
/* Drop the emails not gone out yet whose dedupe key starts with prefix
 * (letters, digits and colons). */
enum db_rc	notify_unqueue(struct db *, const char *prefix);
/* Message n (notice.h) for one user: the in-app notification and the
 * email, both. */
enum db_rc	notify_queue(struct db *, int64_t user_id,
		    const struct notice *n);
/*
 * In-app notifications (inapp set) and emails (email set) for every
 * member of a classroom channel but except_user (0: none), each as one
 * statement whatever the channel's size.
 */
enum db_rc	notify_channel(struct db *, int64_t channel_id,
		    int64_t except_user, int inapp, int email,
		    const char *kind, const char *subject, const char *body,
		    const char *link);

struct arena;

/* ------------------------------------------------------------------ */
/* In-app notifications                                                */

#define INAPP_PAGE	30	/* a page of the list; one more is fetched */

struct inapp {
	int64_t		 id;
	char		*kind;
	char		*subject;
	char		*body;
	char		*link;		/* NULL: none */
	char		*created_at;
	int		 unread;
};

/* Newest first, with ids below before_id (0: from the newest); at most
 * INAPP_PAGE + 1. */
enum db_rc	db_inapp_list(struct db *, struct arena *, int64_t user,
		    int64_t before_id, struct inapp **, size_t *);
/* The user's notification id, or NULL when it is not theirs. */
enum db_rc	db_inapp_get(struct db *, struct arena *, int64_t id,
		    int64_t user, struct inapp **);
enum db_rc	db_inapp_read(struct db *, int64_t id, int64_t user);
enum db_rc	db_inapp_read_all(struct db *, int64_t user, long long *);

/* ------------------------------------------------------------------ */
/* Calendar feed tokens (only their SHA-256 is kept)                   */

/* One live lesson of a calendar feed. */
struct cal_event {
	int64_t		 id;
	char		*title;		/* NULL: none */
	char		*course;
	char		*lesson;	/* NULL: none */
	char		*teacher;
	char		*starts_at, *ends_at;
	char		*status;
	char		*notes;		/* NULL: none */
	char		*cancel_reason;	/* NULL: none */
	char		*created_at, *updated_at;
	long long	 sequence;	/* grows with every change */
};

/* Live lessons a feed lists at most. */
#define CAL_MAX_EVENTS	2000

/* When the user's feed address was made, or NULL when there is none. */
enum db_rc	db_calendar_created(struct db *, struct arena *,
		    int64_t user, char **);
/* Make hash_hex (SHA-256, hex) the user's only feed token. */
enum db_rc	db_calendar_set(struct db *, int64_t user,
		    const char *hash_hex);
enum db_rc	db_calendar_revoke(struct db *, int64_t user);
/* The enabled user whose token has hash_hex; *user 0 when none. */
enum db_rc	db_calendar_owner(struct db *, struct arena *,
		    const char *hash_hex, int64_t *user, char **name);
/* The user's live lessons (teaching or taking part) starting in
 * [from, to), at most CAL_MAX_EVENTS, in one query. */
enum db_rc	db_calendar_events(struct db *, struct arena *, int64_t user,
		    const char *from, const char *to, struct cal_event **,
		    size_t *);

/* ------------------------------------------------------------------ */
/* The outbox, for the worker (worker.c)                               */

struct outbox_msg {
	int64_t		 id;
	char		*to_address;
	char		*to_name;
	char		*kind;
	char		*subject;
	char		*body;
	char		*dedupe;	/* NULL: none */
	int		 attempts;	/* this one included */
};

/* Claims older than lease seconds go back to the queue (or fail after
 * the last attempt). */
enum db_rc	db_outbox_release(struct db *, int lease, long long *);
/* Ids of due pending messages, oldest due first, at most limit. */
enum db_rc	db_outbox_due(struct db *, struct arena *, int limit,
		    int64_t **, size_t *);
/* Claim message id for worker (pending to sending, one conditional
 * UPDATE) and load it; *msg is NULL when another worker was first. */
enum db_rc	db_outbox_claim(struct db *, struct arena *, int64_t id,
		    const char *worker, struct outbox_msg **msg);
enum db_rc	db_outbox_sent(struct db *, int64_t id, const char *worker);
/* A failed attempt: back to pending after delay seconds, or 'failed'
 * when final is set. */
enum db_rc	db_outbox_retry(struct db *, int64_t id, const char *worker,
		    int final, long delay, const char *error);
/* Drop a claimed message that has no reason to go out any more. */
enum db_rc	db_outbox_drop(struct db *, int64_t id, const char *worker);
/* Failed messages back to the queue with fresh attempts. */
enum db_rc	db_outbox_requeue(struct db *, long long *);
/* Forget sent messages older than days (a bounded number per call). */
enum db_rc	db_outbox_purge(struct db *, int days, long long *);
/*
 * What the administrator's home page warns of: messages given up
 * (failed) and messages due before due_before (UTC) but still not sent
 * (the worker does not run, or the mail system is away).
 */
enum db_rc	db_outbox_problems(struct db *, struct arena *,
		    const char *due_before, long long *failed, long long *late);

/* ------------------------------------------------------------------ */
/* Pages                                                               */

struct req;

/* page-notifications.c */
int	page_notifications(struct req *);
int	page_notification_read(struct req *);
int	page_notifications_read_all(struct req *);
int	page_calendar_feed(struct req *);

#endif
