/*
 * page-auth.c: signing in and out, and the one-time welcome link that
 * lets a new user choose a password.
 */
#include <ctype.h>
#include <string.h>

#include "core/auth.h"
#include "core/config.h"
#include "lib/crypto.h"
#include "core/db.h"
#include "lib/escape.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/routes.h"
#include "people/people.h"
#include "core/tpl.h"
#include "people/people.h"
#include "lib/util.h"

/* Where to go after signing in: a safe local path, else home. */
static const char *
next_path(struct req *r)
{
	const char	*next = P_str(r, "next");

	if (next == NULL || !local_path_safe(next) ||
	    strncmp(next, "/login", 6) == 0)
		return "/";
	return next;
}

/* The sign-in form with an optional error; returns the status sent. */
static int
login_form(struct req *r, int status, const char *error)
{
	struct tpl_dict	*d = page_begin(r, "login.tpl", "Sign in");
	const char	*email = P_str_opt(r, "email");	/* posted */

	tpl_set(d, "EMAIL_VALUE", email ? email : "");
	tpl_set(d, "NEXT", P_str(r, "next") ? P_str(r, "next") : "");
	if (error != NULL)
		form_error(d, "ERROR", error);
	if (r->method == M_GET && P_num(r, "signed_out"))
		tpl_show(d, "SIGNED_OUT");
	return page_send(r, status);
}

/*
 * GET /login: the sign-in form; signed-in users go home.
 * Statuses: 200, 303.
 */
int
page_login(struct req *r)
{
	if (r->user != NULL)
		return send_redirect(r, next_path(r));
	return login_form(r, 200, NULL);
}

/* Lowercase copy of an address, the key for throttling. */
static char *
email_key(struct req *r, const char *email)
{
	char	*k = arena_strdup(r->a, email), *p;

	for (p = k; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return k;
}

/*
 * POST /login: check the password and start a session.  The same
 * message answers an unknown email and a wrong password.
 * Statuses: 303 signed in, 401 wrong, 422 incomplete form, 429
 * throttled, 503.
 */
int
page_login_post(struct req *r)
{
	const char	*email = P_str(r, "email");
	const char	*pw = P_str(r, "password");
	struct user	*u;
	char		 hash[PW_HASH_MAX], *key;
	int		 wait = 0, t, ok;

	if (r->nerrors > 0 || email == NULL || pw == NULL)
		return login_form(r, 422, "Enter your email and password.");
	key = email_key(r, email);
	if ((t = auth_throttled(r, key, &wait)) < 0)
		return send_db_error(r);
	if (t > 0) {
		const char *msg = arena_printf(r->a, "Too many failed "
		    "sign-in attempts. Try again in %d minute%s.", wait,
		    wait == 1 ? "" : "s");
		return login_form(r, 429, msg);
	}
	if (db_user_by_email(r->db, r->a, email, &u) != DB_OK)
		return send_db_error(r);
	if (u == NULL || u->disabled || u->password_hash == NULL) {
		pw_dummy_verify(pw);
		ok = 0;
	} else
		ok = pw_verify(u->password_hash, pw);
	if (!ok) {
		auth_failed(r, key);
		return login_form(r, 401, "Email or password is incorrect.");
	}
	/* Limits changed since this hash was made: store a fresh one. */
	if (pw_needs_rehash(u->password_hash) && pw_hash(pw, hash))
		(void)db_user_set_password(r->db, u->id, hash,
		    u->password_temporary);
	auth_succeeded(r, key);
	if (auth_start(r, u->id) != DB_OK)
		return send_db_error(r);
	return send_redirect(r, next_path(r));
}

/*
 * POST /logout: end the session everywhere it counts (the server row).
 * Statuses: 303.
 */
int
page_logout(struct req *r)
{
	auth_end(r);
	return send_redirect(r, "/login?signed_out=1");
}

/* The welcome form for a link's user. */
static int
welcome_form(struct req *r, const struct user *u, int status,
    const char *error)
{
	struct tpl_dict	*d = page_begin(r, "welcome.tpl", "Choose a password");

	tpl_set(d, "NAME", u->name);
	tpl_set(d, "EMAIL", u->email);
	tpl_set(d, "TOKEN", P_str(r, "t"));
	if (error != NULL)
		form_error(d, "ERROR", error);
	return page_send(r, status);
}

/* The link's user, or NULL after sending a 404 page (or a db error). */
static struct user *
welcome_user(struct req *r, int *status)
{
	struct user	*u = NULL;
	const char	*t = P_str(r, "t");

	*status = 0;
	if (t == NULL || strlen(t) != 32) {
		*status = send_error(r, 404, "This link is not valid. Ask your "
		    "school's administrator for a new one.");
		return NULL;
	}
	if (db_welcome_find(r->db, r->a, t, &u) != DB_OK) {
		*status = send_db_error(r);
		return NULL;
	}
	if (u == NULL)
		*status = send_error(r, 404, "This link has expired or was "
		    "already used. Ask your school's administrator for a new "
		    "one.");
	return u;
}

/*
 * GET /welcome?t=TOKEN: form to choose a first password.
 * Statuses: 200, 404 unknown or used link.
 */
int
page_welcome(struct req *r)
{
	struct user	*u;
	int		 status;

	if ((u = welcome_user(r, &status)) == NULL)
		return status;
	return welcome_form(r, u, 200, NULL);
}

/*
 * POST /welcome: set the password, use up the link, sign in.
 * Statuses: 303, 404, 422, 503.
 */
int
page_welcome_post(struct req *r)
{
	const char	*pw = P_str(r, "new_password");
	const char	*problem;
	char		 hash[PW_HASH_MAX];
	struct user	*u;
	int		 status, ok;

	if ((u = welcome_user(r, &status)) == NULL)
		return status;
	problem = pw == NULL ? "Choose a password of at least 10 characters." :
	    password_problem(pw, P_str(r, "confirm") ?
	    P_str(r, "confirm") : "");
	if (problem != NULL)
		return welcome_form(r, u, 422, problem);
	if (!pw_hash(pw, hash))
		return send_error(r, 500, NULL);
	if (db_begin(r->db) != DB_OK)
		return send_db_error(r);
	if (db_welcome_use(r->db, P_str(r, "t"), &ok) != DB_OK ||
	    (ok && db_user_set_password(r->db, u->id, hash, 0) != DB_OK)) {
		db_rollback(r->db);
		return send_db_error(r);
	}
	if (!ok) {
		db_rollback(r->db);
		return send_error(r, 404, "This link was already used.");
	}
	if (db_commit(r->db) != DB_OK)
		return send_db_error(r);
	if (auth_start(r, u->id) != DB_OK)
		return send_db_error(r);
	flash_set(r, "Your password is set. Welcome to Lectern.");
	return send_redirect(r, "/");
}
