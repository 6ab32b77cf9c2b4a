/*
 * page-account.c: a user's own account: password, timezone and the
 * private address of their calendar feed.
 */
#include <string.h>

#include "lib/crypto.h"
#include "lib/util.h"
#include "core/auth.h"
#include "core/config.h"
#include "core/db.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "notify/notify.h"
#include "people/people.h"

/* Random bytes of a calendar feed token (64 hex characters). */
#define CAL_TOKEN_BYTES	32

/*
 * The account page, with a message on one of its two forms; cal_url
 * (may be NULL) is a calendar address just made, shown this once.
 */
static int
account_page(struct req *r, int status, const char *pw_error,
    const char *tz_error, const char *cal_url)
{
	const struct user *u = r->user;
	struct tpl_dict	*d;
	char		*created;

	if (db_calendar_created(r->db, r->a, u->id, &created) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "people-account.tpl", "Your account");
	if (cal_url != NULL)
		tpl_set(tpl_section(d, "CAL_NEW"), "CAL_URL", cal_url);
	if (created != NULL)
		tpl_set(tpl_section(d, "CAL_ACTIVE"), "CAL_CREATED",
		    show_time(r, created));
	else
		tpl_show(d, "CAL_NONE");

	tpl_set(d, "NAME", u->name);
	tpl_set(d, "EMAIL", u->email);
	tpl_set(d, "ROLE", role_label(u->role));
	tpl_set(d, "SCHOOL_TIMEZONE", r->cfg->timezone);
	if (u->timezone == NULL)
		tpl_show(d, "SCHOOL_DEFAULT_SELECTED");
	tz_options(d, "TZ", u->timezone);
	if (u->password_temporary)
		tpl_show(d, "TEMPORARY_PASSWORD");
	password_rules(d);
	if (pw_error != NULL)
		form_error(d, "PASSWORD_ERROR", pw_error);
	if (tz_error != NULL)
		form_error(d, "TIMEZONE_ERROR", tz_error);
	return page_send(r, status);
}

/*
 * GET /account.
 * Statuses: 200.
 */
int
page_account(struct req *r)
{
	return account_page(r, 200, NULL, NULL, NULL);
}

/*
 * POST /account/password: change one's own password; other sessions of
 * this user end, this one stays.
 * Statuses: 303, 422 (wrong current password or weak new one), 503.
 */
int
page_account_password(struct req *r)
{
	const char	*cur = P_str(r, "current");
	const char	*problem;
	char		 hash[PW_HASH_MAX];
	struct user	*u;

	if (cur == NULL)
		return account_page(r, 422, "Enter your current password.",
		    NULL, NULL);
	if (db_user_get(r->db, r->a, r->user->id, &u) != DB_OK || u == NULL)
		return send_db_error(r);
	if (u->password_hash == NULL || !pw_verify(u->password_hash, cur))
		return account_page(r, 422, "Your current password is not "
		    "correct.", NULL, NULL);
	if ((problem = new_password_problem(r)) != NULL)
		return account_page(r, 422, problem, NULL, NULL);
	if (!pw_hash(P_str(r, "new_password"), hash))
		return send_error(r, 500, NULL);
	if (db_user_change_password(r->db, u->id, hash, 0,
	    r->token_hash) != DB_OK)
		return send_db_error(r);
	flash_set(r, "Your password was changed. Other devices were signed "
	    "out.");
	return send_redirect(r, "/account");
}

/*
 * POST /account/timezone: choose a timezone, or "" for the school's.
 * Statuses: 303, 422, 503.
 */
int
page_account_timezone(struct req *r)
{
	const struct pval *pv = P(r, "timezone");
	const char	*tz = P_str(r, "timezone");

	if (pv->error != NULL)
		return account_page(r, 422, NULL, pv->error, NULL);
	if (tz != NULL && *tz == '\0')
		tz = NULL;
	if (db_user_set_timezone(r->db, r->user->id, tz) != DB_OK)
		return send_db_error(r);
	flash_set(r, tz ? "Your timezone was saved." :
	    "You now use the school's timezone.");
	return send_redirect(r, "/account");
}

/*
 * POST /account/calendar: make a new private calendar feed address
 * (the old one, if any, stops working) and show it this once; only its
 * token's SHA-256 is kept.
 * Statuses: 200, 503.
 */
int
page_account_calendar(struct req *r)
{
	char	 token[2 * CAL_TOKEN_BYTES + 1], hash[65];

	random_hex(token, CAL_TOKEN_BYTES);
	sha256_hex(token, strlen(token), hash);
	if (db_calendar_set(r->db, r->user->id, hash) != DB_OK)
		return send_db_error(r);
	return account_page(r, 200, NULL, NULL, arena_printf(r->a,
	    "%s/calendar/%s.ics", r->cfg->base_url, token));
}

/*
 * POST /account/calendar/revoke: the calendar feed address stops
 * working.
 * Statuses: 303, 503.
 */
int
page_account_calendar_revoke(struct req *r)
{
	if (db_calendar_revoke(r->db, r->user->id) != DB_OK)
		return send_db_error(r);
	flash_set(r, "Your calendar address was revoked; it no longer "
	    "works.");
	return send_redirect(r, "/account");
}
