/*
 * notify.h: notifications.  In-app notifications and email queued in
 * the outbox are written by the caller inside its own open transaction,
 * so a change and the messages it causes commit or roll back together.
 * The worker (lecternctl worker) delivers the outbox.
 */
#ifndef LECTERN_NOTIFY_H
#define LECTERN_NOTIFY_H

#include <stdint.h>

#include "db.h"

/* An in-app notification for one user; link may be NULL. */
enum db_rc	notify_inapp(struct db *, int64_t user_id, const char *kind,
		    const char *subject, const char *body, const char *link);
/*
 * An email to one user (address and name read from users; disabled
 * accounts get none).  dedupe (may be NULL) names a message that must
 * exist at most once: queueing it again changes nothing.
 */
enum db_rc	notify_email(struct db *, int64_t user_id, const char *kind,
		    const char *subject, const char *body, const char *dedupe);
/*
 * In-app notifications (inapp set) and emails (email set) for every
 * member of a classroom channel but except_user (0: none), each as one
 * statement whatever the channel's size.
 */
enum db_rc	notify_channel(struct db *, int64_t channel_id,
		    int64_t except_user, int inapp, int email,
		    const char *kind, const char *subject, const char *body,
		    const char *link);

#endif
