/*
 * auth.c: sign-in sessions, CSRF tokens and sign-in throttling.
 * The cookie carries 128 random bits; the database keeps only their
 * SHA-256, so a copy of the database does not let anyone sign in.
 * Before sign-in, forms carry an HMAC of a nonce the pre-sign-in cookie
 * holds (see auth.h), never the cookie's own value.
 * The session row also carries the flash, the message for the next
 * page: written when a handler sets it, cleared once a page showed it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/auth.h"
#include "core/config.h"
#include "core/db.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "lib/crypto.h"
#include "lib/util.h"

/* 1 when s is exactly 2*TOKEN_BYTES lowercase hex digits. */
static int
token_shape(const char *s)
{
	size_t	 i;

	if (s == NULL || strlen(s) != 2 * TOKEN_BYTES)
		return 0;
	for (i = 0; s[i] != '\0'; i++)
		if (!isxdigit((unsigned char)s[i]) ||
		    isupper((unsigned char)s[i]))
			return 0;
	return 1;
}

enum db_rc
auth_load(struct req *r)
{
	const char	*tok = kv_get(&r->cookies, SESSION_COOKIE);
	struct dbres	*res;
	struct user	*u;
	char		 hash[SHA256_HEX];
	long long	 unread;
	enum db_rc	 rc;

	if (!token_shape(tok))
		return DB_OK;
	sha256_hex(tok, strlen(tok), hash);
	rc = db_query(r->db, r->a, STMT_AUTH_LOAD, &res, "ssii", hash, hash,
	    (long long)r->cfg->session_idle_minutes,
	    (long long)r->cfg->session_absolute_hours);
	if (rc != DB_OK)
		return rc;
	if (res->nrows == 0) {
		/* Expired or unknown: drop the stale cookie. */
		out_cookie(r, SESSION_COOKIE, "", 0);
		return DB_OK;
	}
	u = arena_alloc(r->a, sizeof(*u));
	u->id = db_int(res, 0);
	u->name = arena_strdup(r->a, db_text(res, 1));
	u->email = arena_strdup(r->a, db_text(res, 2));
	u->role = role_parse(db_text(res, 3));
	u->timezone = db_dup(r->a, res, 4);
	u->password_temporary = (int)db_int(res, 5);
	r->user = u;
	r->token_hash = arena_strdup(r->a, hash);
	r->csrf = arena_strdup(r->a, db_text(res, 6));
	if (db_textn(res, 7) != NULL) {
		r->flash = arena_strdup(r->a, db_text(res, 7));
		r->flash_pending = 1;
	}
	unread = db_int(res, 9);
	r->unread = unread > UNREAD_MAX ? UNREAD_MAX + 1 : (int)unread;
	/*
	 * Note activity at most once a minute, to spare writes; with a
	 * flash waiting, auth_done() notes it when a page showed the flash.
	 */
	if (db_int(res, 8) >= 60 && !r->flash_pending)
		(void)db_exec(r->db, STMT_AUTH_TOUCH, NULL, "s", hash);
	return DB_OK;
}

void
auth_done(struct req *r)
{
	if (r->flash_shown && r->token_hash != NULL && r->db != NULL)
		(void)db_exec(r->db, STMT_AUTH_TOUCH, NULL, "s", r->token_hash);
}

void
flash_set(struct req *r, const char *msg)
{
	if (r->token_hash == NULL)
		return;
	(void)db_exec(r->db, STMT_AUTH_SET_FLASH, NULL, "ss", msg,
	    r->token_hash);
}

enum db_rc
auth_start(struct req *r, int64_t user_id)
{
	char		 tok[2 * TOKEN_BYTES + 1], hash[SHA256_HEX];
	char		 csrf[2 * TOKEN_BYTES + 1];
	enum db_rc	 rc;

	/* Whatever session this browser had ends now. */
	if (r->token_hash != NULL)
		(void)db_exec(r->db, STMT_AUTH_DELETE, NULL, "s", r->token_hash);
	(void)db_exec(r->db, STMT_AUTH_PURGE, NULL, "ii",
	    (long long)r->cfg->session_idle_minutes,
	    (long long)r->cfg->session_absolute_hours);
	random_hex(tok, TOKEN_BYTES);
	random_hex(csrf, TOKEN_BYTES);
	sha256_hex(tok, strlen(tok), hash);
	rc = db_exec(r->db, STMT_AUTH_INSERT, NULL, "sis", hash,
	    (long long)user_id, csrf);
	if (rc != DB_OK)
		return rc;
	r->token_hash = arena_strdup(r->a, hash);
	r->csrf = arena_strdup(r->a, csrf);
	out_cookie(r, SESSION_COOKIE, tok, -1);
	out_cookie(r, pre_cookie_name(out_cookie_secure(r)), "", 0);
	return DB_OK;
}

void
auth_end(struct req *r)
{
	if (r->token_hash != NULL)
		(void)db_exec(r->db, STMT_AUTH_DELETE, NULL, "s", r->token_hash);
	r->token_hash = NULL;
	r->user = NULL;
	r->csrf = NULL;
	out_cookie(r, SESSION_COOKIE, "", 0);
}

const char *
pre_cookie_name(int secure)
{
	return secure ? PRE_COOKIE_HOST : PRE_COOKIE;
}

/* What pre_token() binds the nonce to, so the MAC serves nothing else. */
#define PRE_TOKEN_LABEL	"lectern pre-sign-in form\n"

void
pre_token(const char *key, size_t keylen, const char *nonce, char *out)
{
	unsigned char	 mac[32];
	char		 msg[sizeof(PRE_TOKEN_LABEL) + 2 * TOKEN_BYTES];
	size_t		 i, n;

	n = (size_t)snprintf(msg, sizeof(msg), "%s%s", PRE_TOKEN_LABEL,
	    nonce);
	if (n >= sizeof(msg))
		n = sizeof(msg) - 1;
	hmac_sha256(key, keylen, msg, n, mac);
	for (i = 0; i < TOKEN_BYTES; i++)
		snprintf(out + 2 * i, 3, "%02x", mac[i]);
	out[2 * TOKEN_BYTES] = '\0';
}

int
pre_token_ok(const char *key, size_t keylen, const char *nonce,
    const char *sent)
{
	char	 want[2 * TOKEN_BYTES + 1];

	if (!token_shape(nonce) || !token_shape(sent))
		return 0;
	pre_token(key, keylen, nonce, want);
	return ct_streq(sent, want);
}

/*
 * The key of pre-sign-in tokens: secret_key.  A configuration without
 * one falls back on its other secrets (database, conferencing and mail
 * passwords), which a visitor does not know either; set secret_key.
 */
static const char *
pre_key(struct req *r, size_t *len)
{
	const struct config	*c = r->cfg;
	const char		*k;

	if (*c->secret_key != '\0')
		k = c->secret_key;
	else
		k = arena_printf(r->a, "%s\n%s\n%s\n%s", c->db_password,
		    c->bbb_secret, c->jitsi_secret, c->smtp_password);
	*len = strlen(k);
	return k;
}

const char *
csrf_token(struct req *r)
{
	const char	*name, *key, *nonce;
	char		 fresh[2 * TOKEN_BYTES + 1], tok[2 * TOKEN_BYTES + 1];
	size_t		 keylen;

	if (r->csrf != NULL)
		return r->csrf;
	name = pre_cookie_name(out_cookie_secure(r));
	nonce = kv_get(&r->cookies, name);
	if (!token_shape(nonce)) {
		random_hex(fresh, TOKEN_BYTES);
		out_cookie(r, name, fresh, -1);
		nonce = fresh;
	}
	key = pre_key(r, &keylen);
	pre_token(key, keylen, nonce, tok);
	r->csrf = arena_strdup(r->a, tok);
	return r->csrf;
}

int
csrf_ok(struct req *r)
{
	const char	*sent = kv_get(&r->form, "csrf");
	const char	*key;
	size_t		 keylen;

	if (r->user != NULL)
		return token_shape(sent) && token_shape(r->csrf) &&
		    ct_streq(sent, r->csrf);
	key = pre_key(r, &keylen);
	return pre_token_ok(key, keylen, kv_get(&r->cookies,
	    pre_cookie_name(out_cookie_secure(r))), sent);
}

/* Failures counted for one statement; -1 on database failure. */
static int
count_failures(struct req *r, int st, const char *key, long long *age)
{
	struct dbres	*res;

	if (db_query(r->db, r->a, st, &res, "si", key,
	    (long long)r->cfg->login_window_minutes) != DB_OK)
		return -1;
	*age = db_int(res, 1);
	return (int)db_int(res, 0);
}

int
auth_throttled(struct req *r, const char *email, int *wait_minutes)
{
	long long	 age_e = 0, age_a = 0, window;
	int		 ne, na;

	window = (long long)r->cfg->login_window_minutes * 60;
	if ((ne = count_failures(r, STMT_FAIL_COUNT_EMAIL, email, &age_e)) < 0 ||
	    (na = count_failures(r, STMT_FAIL_COUNT_ADDRESS, r->addr, &age_a)) < 0)
		return -1;
	if (ne >= r->cfg->login_max_account_failures) {
		*wait_minutes = (int)((window - age_e + 59) / 60);
		return 1;
	}
	if (na >= r->cfg->login_max_address_failures) {
		*wait_minutes = (int)((window - age_a + 59) / 60);
		return 1;
	}
	return 0;
}

void
auth_failed(struct req *r, const char *email)
{
	(void)db_exec(r->db, STMT_FAIL_INSERT, NULL, "ss", email, r->addr);
}

void
auth_succeeded(struct req *r, const char *email)
{
	(void)db_exec(r->db, STMT_FAIL_CLEAR_EMAIL, NULL, "s", email);
	(void)db_exec(r->db, STMT_FAIL_PURGE, NULL, "");
}
