/*
 * routes.c: the people domain's pages: sign-in and welcome links, the
 * account page (with its calendar feed address and picture), users'
 * pictures, and the administrator's users and CSV import.
 */
#include "core/model.h"
#include "core/req.h"
#include "core/routes.h"
#include "people/people.h"

#define ANY_ROLE	(ROLE_ADMIN | ROLE_TEACHER | ROLE_LEARNER)
#define ADMIN		ROLE_ADMIN

static const char *const role_opts[] = { "learner", "teacher", "admin", NULL };

static const struct pdecl login_get[] = {
	{ "next", PT_TEXT, 0, 0, 500, NULL, "Next page" },
	{ "signed_out", PT_BOOL, 0, 0, 0, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl login_post[] = {
	{ "email", PT_TEXT, PF_REQ, 0, 254, NULL, "Email" },
	{ "password", PT_SECRET, PF_REQ, 0, PASSWORD_SIGNIN_MAX, NULL,
	    "Password" },
	{ "next", PT_TEXT, 0, 0, 500, NULL, "Next page" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl welcome_get[] = {
	{ "t", PT_TEXT, PF_REQ, 0, 64, NULL, "Link" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl welcome_post[] = {
	{ "t", PT_TEXT, PF_REQ, 0, 64, NULL, "Link" },
	{ "new_password", PT_SECRET, PF_REQ, PASSWORD_MIN, PASSWORD_MAX, NULL,
	    "New password" },
	{ "confirm", PT_SECRET, PF_REQ, 0, PASSWORD_MAX, NULL,
	    "Repeat the password" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl password_post[] = {
	{ "current", PT_SECRET, PF_REQ, 0, PASSWORD_SIGNIN_MAX, NULL,
	    "Current password" },
	{ "new_password", PT_SECRET, PF_REQ, PASSWORD_MIN, PASSWORD_MAX, NULL,
	    "New password" },
	{ "confirm", PT_SECRET, PF_REQ, 0, PASSWORD_MAX, NULL,
	    "Repeat the new password" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl timezone_post[] = {
	{ "timezone", PT_TZ, 0, 0, 0, NULL, "Timezone" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl users_get[] = {
	{ "q", PT_TEXT, 0, 0, 100, NULL, "Search" },
	{ "after_text", PT_TEXT, 0, 0, 100, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl user_post[] = {
	{ "name", PT_TEXT, PF_REQ, 1, 100, NULL, "Name" },
	{ "email", PT_EMAIL, PF_REQ, 0, 0, NULL, "Email" },
	{ "role", PT_ENUM, PF_REQ, 0, 0, role_opts, "Role" },
	{ "timezone", PT_TZ, 0, 0, 0, NULL, "Timezone" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl import_post[] = {
	{ "file", PT_FILE, PF_REQ, 0, 0, NULL, "CSV file" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl avatar_post[] = {
	{ "picture", PT_FILE, 0, 0, 0, NULL, "Picture" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

/* The version in a picture's address: only makes the address new. */
static const struct pdecl avatar_get[] = {
	{ "v", PT_TEXT, 0, 0, 64, NULL, "Version" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

/* A picture's signed address for the conferencing server. */
static const struct pdecl avatar_public_get[] = {
	{ "v", PT_TEXT, 0, 0, 64, NULL, NULL },
	{ "exp", PT_TEXT, 0, 0, 20, NULL, NULL },
	{ "sig", PT_TEXT, 0, 0, 128, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct route routes[] = {
	{ "people.login", M_GET, "/login", page_login, 0, 0, login_get },
	{ "people.login.post", M_POST, "/login", page_login_post, 0,
	    RT_CSRF | RT_FORM, login_post },
	{ "people.logout", M_POST, "/logout", page_logout, ANY_ROLE,
	    RT_CSRF | RT_TEMP_PASSWORD, NULL },
	{ "people.welcome", M_GET, "/welcome", page_welcome, 0, RT_NO_REFERRER,
	    welcome_get },
	{ "people.welcome.post", M_POST, "/welcome", page_welcome_post, 0,
	    RT_CSRF | RT_FORM | RT_NO_REFERRER, welcome_post },

	{ "people.account", M_GET, "/account", page_account, ANY_ROLE,
	    RT_TEMP_PASSWORD, NULL },
	{ "people.account.password", M_POST, "/account/password",
	    page_account_password, ANY_ROLE,
	    RT_CSRF | RT_FORM | RT_TEMP_PASSWORD, password_post },
	{ "people.account.timezone", M_POST, "/account/timezone",
	    page_account_timezone, ANY_ROLE, RT_CSRF | RT_FORM,
	    timezone_post },
	{ "people.account.calendar", M_POST, "/account/calendar",
	    page_account_calendar, ANY_ROLE, RT_CSRF | RT_NO_REFERRER, NULL },
	{ "people.account.calendar.revoke", M_POST, "/account/calendar/revoke",
	    page_account_calendar_revoke, ANY_ROLE, RT_CSRF, NULL },

	{ "people.account.avatar", M_POST, "/account/avatar",
	    page_avatar_upload, ANY_ROLE, RT_CSRF | RT_FORM | RT_MULTIPART,
	    avatar_post },
	{ "people.account.avatar.remove", M_POST, "/account/avatar/remove",
	    page_avatar_remove, ANY_ROLE, RT_CSRF, NULL },
	{ "people.avatar", M_GET, "/avatars/:id", page_avatar_get, ANY_ROLE,
	    0, avatar_get },
	{ "people.avatar.public", M_GET, "/files/avatars/:id",
	    page_avatar_public, 0, 0, avatar_public_get },

	{ "people.users", M_GET, "/admin/users", page_users, ADMIN, 0,
	    users_get },
	{ "people.user.new", M_GET, "/admin/users/new", page_user_new, ADMIN,
	    0, NULL },
	{ "people.user.create", M_POST, "/admin/users/new", page_user_create,
	    ADMIN, RT_CSRF | RT_FORM, user_post },
	{ "people.user", M_GET, "/admin/users/:id", page_user_edit, ADMIN, 0,
	    NULL },
	{ "people.user.save", M_POST, "/admin/users/:id", page_user_save,
	    ADMIN, RT_CSRF | RT_FORM, user_post },
	{ "people.user.disable", M_POST, "/admin/users/:id/disable",
	    page_user_disable, ADMIN, RT_CSRF, NULL },
	{ "people.user.enable", M_POST, "/admin/users/:id/enable",
	    page_user_enable, ADMIN, RT_CSRF, NULL },
	{ "people.user.password", M_POST, "/admin/users/:id/password",
	    page_user_password, ADMIN, RT_CSRF | RT_NO_REFERRER, NULL },
	{ "people.import", M_GET, "/admin/import/users", page_import, ADMIN, 0,
	    NULL },
	{ "people.import.upload", M_POST, "/admin/import/users",
	    page_import_upload, ADMIN, RT_CSRF | RT_FORM | RT_MULTIPART,
	    import_post },
	{ "people.import.apply", M_POST, "/admin/import/users/:id/apply",
	    page_import_apply, ADMIN, RT_CSRF | RT_NO_REFERRER, NULL },
};

ROUTESET(people_routes, routes);
