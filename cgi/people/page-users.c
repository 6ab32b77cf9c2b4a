/*
 * page-users.c: the administrator's user pages: list and search,
 * create, edit, disable and enable, reset password.
 */
#include <stdio.h>
#include <string.h>

#include "core/auth.h"
#include "core/config.h"
#include "lib/crypto.h"
#include "lib/util.h"
#include "core/config.h"
#include "core/db.h"
#include "core/layout.h"
#include "core/handler.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "people/people.h"

#define PAGE_SIZE	50

static const enum role roles_offered[] = {
	ROLE_LEARNER, ROLE_TEACHER, ROLE_ADMIN
};

/* The parameters the list's page links keep. */
static const char *const list_keep[] = { "q", NULL };

_Static_assert(PASSWORD_TEMP_LEN >= PASSWORD_MIN,
    "temporary passwords follow the password rules");

/*
 * GET /admin/users?q=&after_text=&after_id=: one page of users, in name
 * order, 50 at a time; two queries whatever the page.
 * Statuses: 200, 400 (bad position), 503.
 */
int
page_users(struct req *r)
{
	const char	*q = P_str(r, "q");
	struct tpl_dict	*d, *row;
	struct user	*list;
	size_t		 n, i, shown;

	if (db_user_list(r->db, r->a, q, P_str(r, "after_text"),
	    (int64_t)P_num(r, "after_id"), PAGE_SIZE + 1, &list, &n) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "people-users.tpl", "Users");
	tpl_set(d, "Q", q ? q : "");
	shown = n > PAGE_SIZE ? PAGE_SIZE : n;
	for (i = 0; i < shown; i++) {
		row = tpl_section(d, "USER");
		tpl_set_int(row, "ID", (long long)list[i].id);
		tpl_set(row, "NAME", list[i].name);
		tpl_set(row, "EMAIL", list[i].email);
		tpl_set(row, "ROLE", role_label(list[i].role));
		tpl_set(row, "TIMEZONE", list[i].timezone ?
		    list[i].timezone : "School default");
		if (list[i].disabled)
			tpl_show(row, "DISABLED");
	}
	if (shown == 0)
		tpl_show(d, q ? "NO_MATCH" : "NO_USERS");
	pager_links(r, d, "/admin/users", list_keep, n > PAGE_SIZE,
	    shown ? list[shown - 1].name : NULL,
	    shown ? list[shown - 1].id : 0);
	return page_send(r, 200);
}

/*
 * The create/edit form.  u supplies the values when shown fresh; after
 * a failed POST the submitted values and their errors are shown.
 */
static int
user_form(struct req *r, const struct user *u, int status, const char *error)
{
	struct tpl_dict	*d, *o;
	const char	*tz;
	enum role	 role;
	size_t		 i;
	int		 posted = r->method == M_POST;

	d = page_begin(r, "people-user-form.tpl", u ? "Edit user" :
	    "Add a user");
	if (posted) {
		form_field(d, P(r, "name"), "NAME_VALUE", "NAME_ERROR");
		form_field(d, P(r, "email"), "EMAIL_VALUE", "EMAIL_ERROR");
		form_field(d, P(r, "role"), NULL, "ROLE_ERROR");
		form_field(d, P(r, "timezone"), NULL, "TIMEZONE_ERROR");
		role = role_parse(P_str(r, "role"));
		tz = P_str(r, "timezone");
	} else {
		tpl_set(d, "NAME_VALUE", u ? u->name : "");
		tpl_set(d, "EMAIL_VALUE", u ? u->email : "");
		role = u ? u->role : ROLE_LEARNER;
		tz = u ? u->timezone : NULL;
	}
	if (error != NULL)
		form_error(d, "FORM_ERROR", error);
	for (i = 0; i < sizeof(roles_offered) / sizeof(roles_offered[0]); i++) {
		o = tpl_section(d, "ROLE_OPT");
		tpl_set(o, "VALUE", role_name(roles_offered[i]));
		tpl_set(o, "LABEL", role_label(roles_offered[i]));
		if (roles_offered[i] == role)
			tpl_show(o, "SELECTED");
	}
	tpl_set(d, "SCHOOL_TIMEZONE", r->cfg->timezone);
	if (tz == NULL || *tz == '\0')
		tpl_show(d, "SCHOOL_DEFAULT_SELECTED");
	tz_options(d, "TZ", tz);
	if (u != NULL) {
		o = tpl_section(d, "EDIT");
		tpl_set_int(o, "USER_ID", (long long)u->id);
		tpl_set(o, "CREATED", u->created_at);
		if (u->disabled)
			tpl_show(o, "IS_DISABLED");
		else
			tpl_show(o, "IS_ACTIVE");
		if (u->password_hash == NULL)
			tpl_show(o, "NO_PASSWORD");
		tpl_set(d, "ACTION", arena_printf(r->a, "/admin/users/%lld",
		    (long long)u->id));
	} else {
		tpl_show(d, "CREATE");
		tpl_set(d, "ACTION", "/admin/users/new");
	}
	return page_send(r, status);
}

/* The user named by the path, or NULL after sending 404 (or 503). */
static struct user *
user_load(struct req *r)
{
	struct user	*u;
	enum db_rc	 rc;

	rc = db_user_get(r->db, r->a, r->ids[0], &u);
	if (!load_found(r, rc, u, "There is no such user."))
		return NULL;
	return u;
}

/* Show a new temporary password once. */
static int
password_page(struct req *r, const struct user *u, const char *pw,
    int created)
{
	struct tpl_dict	*d = page_begin(r, "people-user-password.tpl",
	    "Temporary password");

	tpl_set_int(d, "USER_ID", (long long)u->id);
	tpl_set(d, "NAME", u->name);
	tpl_set(d, "EMAIL", u->email);
	tpl_set(d, "PASSWORD", pw);
	tpl_show(d, created ? "CREATED" : "RESET");
	return page_send(r, 200);
}

/*
 * GET /admin/users/new.
 * Statuses: 200.
 */
int
page_user_new(struct req *r)
{
	return user_form(r, NULL, 200, NULL);
}

/* Fill u from the validated form. */
static void
user_from_form(struct req *r, struct user *u)
{
	const char	*tz = P_str(r, "timezone");

	u->name = (char *)P_str(r, "name");
	u->email = (char *)P_str(r, "email");
	u->role = role_parse(P_str(r, "role"));
	u->timezone = tz && *tz ? (char *)tz : NULL;
}

/*
 * POST /admin/users/new: create a user with a temporary password,
 * shown once.
 * Statuses: 200, 422, 503.
 */
int
page_user_create(struct req *r)
{
	struct user	 u;
	char		 pw[PASSWORD_TEMP_LEN + 1], hash[PW_HASH_MAX];
	int64_t		 id;
	enum db_rc	 rc;

	if (r->nerrors > 0)
		return user_form(r, NULL, 422, NULL);
	memset(&u, 0, sizeof(u));
	user_from_form(r, &u);
	random_password(pw, PASSWORD_TEMP_LEN);
	if (!pw_hash(pw, hash))
		return send_error(r, 500, NULL);
	rc = db_user_create(r->db, &u, hash, 1, &id);
	if (rc == DB_DUPLICATE) {
		P_fail(r, "email", "Another user already has this email.");
		return user_form(r, NULL, 422, NULL);
	}
	if (rc != DB_OK)
		return send_db_error(r);
	u.id = id;
	return password_page(r, &u, pw, 1);
}

/*
 * GET /admin/users/:id.
 * Statuses: 200, 404.
 */
int
page_user_edit(struct req *r)
{
	struct user	*u;

	if ((u = user_load(r)) == NULL)
		return r->status;
	return user_form(r, u, 200, NULL);
}

/*
 * POST /admin/users/:id: save name, email, role, timezone.  An
 * administrator cannot take away their own administrator role.
 * Statuses: 303, 404, 422, 503.
 */
int
page_user_save(struct req *r)
{
	struct user	*u, upd;
	enum db_rc	 rc;

	if ((u = user_load(r)) == NULL)
		return r->status;
	if (r->nerrors > 0)
		return user_form(r, u, 422, NULL);
	upd = *u;
	user_from_form(r, &upd);
	if (u->id == r->user->id && upd.role != ROLE_ADMIN)
		return user_form(r, u, 422, "You cannot remove your own "
		    "administrator role. Ask another administrator.");
	rc = db_user_update(r->db, &upd);
	if (rc == DB_DUPLICATE) {
		P_fail(r, "email", "Another user already has this email.");
		return user_form(r, u, 422, NULL);
	}
	if (rc != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Saved %s.", upd.name));
	return send_redirect(r, arena_printf(r->a, "/admin/users/%lld",
	    (long long)u->id));
}

/* Disable or enable the path's user. */
static int
set_disabled(struct req *r, int disabled)
{
	struct user	*u;

	if ((u = user_load(r)) == NULL)
		return r->status;
	if (disabled && u->id == r->user->id)
		return send_error(r, 409, "You cannot disable your own "
		    "account.");
	if (db_user_set_disabled(r->db, u->id, disabled) != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, disabled ? "%s is disabled and "
	    "signed out everywhere." : "%s can sign in again.", u->name));
	return send_redirect(r, arena_printf(r->a, "/admin/users/%lld",
	    (long long)u->id));
}

/*
 * POST /admin/users/:id/disable: the user cannot sign in and every
 * session of theirs ends now.
 * Statuses: 303, 404, 409 (own account), 503.
 */
int
page_user_disable(struct req *r)
{
	return set_disabled(r, 1);
}

/*
 * POST /admin/users/:id/enable.
 * Statuses: 303, 404, 503.
 */
int
page_user_enable(struct req *r)
{
	return set_disabled(r, 0);
}

/*
 * POST /admin/users/:id/password: a new temporary password, shown once;
 * the user's sessions end.
 * Statuses: 200, 404, 503.
 */
int
page_user_password(struct req *r)
{
	struct user	*u;
	char		 pw[PASSWORD_TEMP_LEN + 1], hash[PW_HASH_MAX];

	if ((u = user_load(r)) == NULL)
		return r->status;
	random_password(pw, PASSWORD_TEMP_LEN);
	if (!pw_hash(pw, hash))
		return send_error(r, 500, NULL);
	if (db_user_change_password(r->db, u->id, hash, 1,
	    u->id == r->user->id ? r->token_hash : NULL) != DB_OK)
		return send_db_error(r);
	return password_page(r, u, pw, 0);
}
