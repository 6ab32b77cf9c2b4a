/*
 * auth.h: sign-in sessions (signing in and out, the sign-in cookie,
 * the flash kept with the session), CSRF tokens and sign-in throttling.
 */
#ifndef LECTERN_AUTH_H
#define LECTERN_AUTH_H

#include <stdint.h>

#include "core/db.h"

struct req;

#define SESSION_COOKIE	"lectern_session"
#define PRE_COOKIE	"lectern_pre"

/*
 * Load the signed-in user from the session cookie (expired, unknown
 * or disabled: stays anonymous), in one query with the session's flash
 * and the user's unread notifications.  Sets r->user, r->csrf,
 * r->flash, r->unread.  Returns DB_OK or the database failure.
 */
enum db_rc	auth_load(struct req *);
/*
 * The request is over: a flash a page showed is cleared (and the
 * session's activity noted with it).
 */
void		auth_done(struct req *);
/* Remember a message to show on the next page of this signed-in user. */
void		flash_set(struct req *, const char *msg);
/* Start a session for user id: new token, cookie set.  DB_OK or failure. */
enum db_rc	auth_start(struct req *, int64_t user_id);
/* End this request's session and clear the cookie. */
void		auth_end(struct req *);
/* The CSRF token for forms; for anonymous visitors a cookie-bound one. */
const char	*csrf_token(struct req *);
/* 1 when the POSTed "csrf" field matches this visitor's token. */
int		csrf_ok(struct req *);

/*
 * 1 when this email or this address has failed too often recently;
 * wait_minutes gets the minutes until the oldest failure ages out.
 * Returns -1 on database failure.
 */
int		auth_throttled(struct req *, const char *email, int *wait_minutes);
void		auth_failed(struct req *, const char *email);
void		auth_succeeded(struct req *, const char *email);

#endif
