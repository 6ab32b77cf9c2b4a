/*
 * auth.h: sign-in sessions (signing in and out, the sign-in cookie,
 * the flash kept with the session), CSRF tokens and sign-in throttling.
 */
#ifndef LECTERN_AUTH_H
#define LECTERN_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"

struct req;

#define SESSION_COOKIE	"lectern_session"
/*
 * The pre-sign-in cookie: a random nonce for the forms of visitors not
 * signed in (the sign-in and welcome forms).  Their form token is an
 * HMAC of it with the server's key, so a cookie the browser was given
 * by anyone else, with a token of its choosing, does not pass.  Over
 * HTTPS (a Secure cookie) its name has the __Host- prefix: the browser
 * then takes it only from this host, Secure, with Path=/ and no Domain.
 */
#define PRE_COOKIE	"lectern_pre"
#define PRE_COOKIE_HOST	"__Host-lectern_pre"

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

/* The pre-sign-in cookie's name for a Secure cookie or not.  Pure. */
const char	*pre_cookie_name(int secure);
/*
 * The form token of a pre-sign-in nonce (2 * TOKEN_BYTES hex digits):
 * the first TOKEN_BYTES of an HMAC-SHA-256 of it under key, in hex,
 * into out (2 * TOKEN_BYTES + 1 bytes).  Pure.
 */
void		pre_token(const char *key, size_t keylen, const char *nonce,
		    char *out);
/*
 * 1 when nonce (from the cookie) has the shape of a token and sent (from
 * the form) is its pre_token() under key; compared in constant time.
 */
int		pre_token_ok(const char *key, size_t keylen, const char *nonce,
		    const char *sent);

/*
 * 1 when this email or this address has failed too often recently;
 * wait_minutes gets the minutes until the oldest failure ages out.
 * Returns -1 on database failure.
 */
int		auth_throttled(struct req *, const char *email, int *wait_minutes);
void		auth_failed(struct req *, const char *email);
void		auth_succeeded(struct req *, const char *email);

#endif
