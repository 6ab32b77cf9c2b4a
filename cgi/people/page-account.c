/*
 * page-account.c: a user's own account: password, timezone, picture
 * and the private address of their calendar feed.
 */
#include <string.h>

#include "lib/crypto.h"
#include "lib/image.h"
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
 * The account page, with a message on one of its forms; cal_url (may
 * be NULL) is a calendar address just made, shown this once.
 */
static int
account_page(struct req *r, int status, const char *pw_error,
    const char *tz_error, const char *cal_url, const char *av_error)
{
	const struct user *u = r->user;
	struct tpl_dict	*d, *e;
	char		*created, *sha;

	if (db_calendar_created(r->db, r->a, u->id, &created) != DB_OK ||
	    db_avatar_tag(r->db, r->a, u->id, &sha) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "people-account.tpl", "Your account");
	if (sha != NULL) {
		e = tpl_section(d, "AVATAR_SET");
		tpl_set(e, "AVATAR_URL", avatar_url(r->a, u->id, sha));
	} else
		tpl_show(d, "AVATAR_NONE");
	tpl_set_int(d, "AVATAR_MAX_MB", AVATAR_MAX_BYTES / (1024 * 1024));
	if (av_error != NULL)
		form_error(d, "AVATAR_ERROR", av_error);
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
	return account_page(r, 200, NULL, NULL, NULL, NULL);
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
		    NULL, NULL, NULL);
	if (db_user_get(r->db, r->a, r->user->id, &u) != DB_OK || u == NULL)
		return send_db_error(r);
	if (u->password_hash == NULL || !pw_verify(u->password_hash, cur))
		return account_page(r, 422, "Your current password is not "
		    "correct.", NULL, NULL, NULL);
	if ((problem = new_password_problem(r)) != NULL)
		return account_page(r, 422, problem, NULL, NULL, NULL);
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
		return account_page(r, 422, NULL, pv->error, NULL, NULL);
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
	    "%s/calendar/%s.ics", r->cfg->base_url, token), NULL);
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

/*
 * POST /account/avatar: set one's picture from an uploaded PNG or JPEG.
 * The file is checked by content (signature and a full decode), its
 * declared size in pixels before any pixel is decoded, and what is
 * kept is a new AVATAR_SIDE-pixel JPEG made from it, never the upload.
 * A refused file changes nothing.
 * Statuses: 303, 413, 422, 500, 503.
 */
int
page_avatar_upload(struct req *r)
{
	const struct pval	*pv = P(r, "picture");
	struct image_limits	 lim;
	char			*data, *jpeg, sha[SHA256_HEX];
	size_t			 len, jlen;
	unsigned		 w, h;
	enum image_rc		 rc;

	if (pv == NULL || pv->file == NULL)
		return account_page(r, 422, NULL, NULL, NULL,
		    "Choose a PNG or JPEG picture to upload.");
	if (pv->file->size > AVATAR_MAX_BYTES)
		return account_page(r, 413, NULL, NULL, NULL, arena_printf(
		    r->a, "The picture is larger than %d MB. Choose a "
		    "smaller file.", AVATAR_MAX_BYTES / (1024 * 1024)));
	if (!req_upload_read(r, pv->file, &data, &len))
		return send_error(r, 500, NULL);
	memset(&lim, 0, sizeof(lim));
	lim.max_side = AVATAR_MAX_SIDE;
	lim.max_pixels = AVATAR_MAX_PIXELS;
	lim.side = AVATAR_SIDE;
	lim.quality = AVATAR_QUALITY;
	rc = image_square(r->a, data, len, &lim, &jpeg, &jlen, &w, &h);
	switch (rc) {
	case IMAGE_OK:
		break;
	case IMAGE_NOT_IMAGE:
		return account_page(r, 422, NULL, NULL, NULL,
		    "This file is not a PNG or JPEG picture. Choose a photo "
		    "or an image saved as PNG or JPEG.");
	case IMAGE_TOO_MANY_PIXELS:
		return account_page(r, 422, NULL, NULL, NULL, arena_printf(
		    r->a, "The picture is %u × %u pixels: at most %d pixels "
		    "a side and %lu megapixels are accepted. Choose a "
		    "smaller picture.", w, h, AVATAR_MAX_SIDE,
		    AVATAR_MAX_PIXELS / 1000000));
	case IMAGE_DAMAGED:
		return account_page(r, 422, NULL, NULL, NULL,
		    "This picture is damaged or incomplete and could not be "
		    "read. Choose another file.");
	default:
		return send_error(r, 500, NULL);
	}
	sha256_hex(jpeg, jlen, sha);
	if (db_avatar_set(r->db, r->user->id, jpeg, jlen, sha) != DB_OK)
		return send_db_error(r);
	flash_set(r, "Your picture was saved.");
	return send_redirect(r, "/account#picture");
}

/*
 * POST /account/avatar/remove: remove one's picture; one's initials
 * are shown again.
 * Statuses: 303, 503.
 */
int
page_avatar_remove(struct req *r)
{
	int	 removed;

	if (db_avatar_delete(r->db, r->user->id, &removed) != DB_OK)
		return send_db_error(r);
	flash_set(r, removed ? "Your picture was removed; your initials "
	    "are shown instead." : "You have no picture.");
	return send_redirect(r, "/account#picture");
}
