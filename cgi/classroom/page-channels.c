/*
 * page-channels.c: the site administrator's classroom channel pages:
 * the list with search, adding and editing a channel (its name is
 * unique), archiving it, and its members: adding people found by name
 * or email, removing them, and making them channel admins (who start
 * and end the channel's sessions) or plain members again.
 */
#include <stdio.h>
#include <string.h>

#include "classroom/classroom.h"
#include "core/db.h"
#include "core/handler.h"
#include "core/auth.h"
#include "lib/escape.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/routes.h"
#include "core/tpl.h"
#include "lib/escape.h"
#include "lib/util.h"
#include "people/people.h"

/* People a member search shows at most. */
#define CANDIDATES_SHOWN	20

/* The text of an optional field: NULL when empty or blank. */
static const char *
optional_text(struct req *r, const char *name)
{
	const char	*s = P_str(r, name);

	return s == NULL || blank(s) ? NULL : s;
}

/*
 * GET /admin/channels?q=&after_text=&after_id=: every channel, archived
 * ones too, by name, 50 at a time, each with its member count and a LIVE
 * badge while a session is active; one query whatever the page.
 * Statuses: 200, 400 (bad position), 503.
 */
int
page_channels(struct req *r)
{
	static const char *const keep[] = { "q", NULL };
	const char	*q = P_str(r, "q");
	struct tpl_dict	*d, *row;
	struct channel	*list;
	size_t		 n, i, shown;

	if (db_channel_admin_list(r->db, r->a, q, P_str(r, "after_text"),
	    (int64_t)P_num(r, "after_id"), &list, &n) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "classroom-admin-channels.tpl", "Channels");
	tpl_set(d, "Q", q ? q : "");
	shown = n > CHANNEL_PAGE ? CHANNEL_PAGE : n;
	for (i = 0; i < shown; i++) {
		row = tpl_section(d, "CHANNEL");
		tpl_set_int(row, "ID", (long long)list[i].id);
		tpl_set(row, "NAME", list[i].name);
		tpl_set_int(row, "MEMBERS", list[i].members);
		if (list[i].archived)
			tpl_show(row, "ARCHIVED");
		if (list[i].active_id != 0)
			tpl_show(row, "LIVE");
	}
	if (shown == 0)
		tpl_show(d, q ? "NO_MATCH" : "NO_CHANNELS");
	pager_links(r, d, "/admin/channels", keep, n > CHANNEL_PAGE,
	    shown > 0 ? list[shown - 1].name : NULL,
	    shown > 0 ? list[shown - 1].id : 0);
	return page_send(r, 200);
}

/* The channel of the path, or NULL after sending 404 or 503. */
static struct channel *
path_channel(struct req *r)
{
	struct channel	*c;
	enum db_rc	 rc;

	rc = db_channel_get(r->db, r->a, r->ids[0], r->user->id, &c);
	if (!load_found(r, rc, c, "There is no such channel."))
		return NULL;
	return c;
}

/*
 * The members section of a channel's page: a page of members, then
 * the people matching find.  Returns 1, or 0 on a database failure.
 */
static int
channel_members(struct req *r, struct tpl_dict *d, const struct channel *c)
{
	const char		*find = P_str_opt(r, "find");
	struct channel_member	*list;
	struct tpl_dict		*row, *s;
	size_t			 n, i, shown;
	int64_t			 after_id = (int64_t)P_num_opt(r, "after_id");

	if (db_channel_members(r->db, r->a, c->id, P_str_opt(r, "after_text"),
	    after_id, &list, &n) != DB_OK)
		return 0;
	shown = n > CHANNEL_PAGE ? CHANNEL_PAGE : n;
	for (i = 0; i < shown; i++) {
		row = tpl_section(d, "MEMBER");
		tpl_set_int(row, "USER_ID", (long long)list[i].user_id);
		tpl_set(row, "NAME", list[i].name);
		tpl_set(row, "EMAIL", list[i].email);
		tpl_set(row, "ADDED", list[i].added_at);
		if (list[i].disabled)
			tpl_show(row, "DISABLED");
		tpl_show(row, list[i].is_admin ? "IS_ADMIN" : "IS_MEMBER");
	}
	if (shown == 0)
		tpl_show(d, after_id > 0 ? "NO_MORE_MEMBERS" : "NO_MEMBERS");
	pager_links(r, tpl_section(d, "MEMBERS_PAGER"), arena_printf(r->a,
	    "/admin/channels/%lld", (long long)c->id), NULL,
	    n > CHANNEL_PAGE, shown > 0 ? list[shown - 1].name : NULL,
	    shown > 0 ? list[shown - 1].user_id : 0);

	tpl_set(d, "FIND", find ? find : "");
	if (find == NULL)
		return 1;
	if (db_channel_candidates(r->db, r->a, c->id, find,
	    CANDIDATES_SHOWN + 1, &list, &n) != DB_OK)
		return 0;
	s = tpl_section(d, "SEARCHED");
	shown = n > CANDIDATES_SHOWN ? CANDIDATES_SHOWN : n;
	for (i = 0; i < shown; i++) {
		row = tpl_section(s, "CANDIDATE");
		tpl_set_int(row, "USER_ID", (long long)list[i].user_id);
		tpl_set(row, "NAME", list[i].name);
		tpl_set(row, "EMAIL", list[i].email);
		if (list[i].member)
			tpl_show(row, list[i].is_admin ? "ALREADY_ADMIN" :
			    "ALREADY_MEMBER");
		else
			tpl_show(row, "CAN_ADD");
	}
	if (shown == 0)
		tpl_show(s, "NO_CANDIDATES");
	if (n > CANDIDATES_SHOWN) {
		row = tpl_section(s, "MORE_CANDIDATES");
		tpl_set_int(row, "SHOWN", CANDIDATES_SHOWN);
	}
	return 1;
}

/*
 * The channel create/edit page; c is NULL for a new channel.
 * member_error (may be NULL) says why a person could not be added.
 */
static int
channel_form(struct req *r, const struct channel *c, int status,
    const char *member_error)
{
	struct tpl_dict	*d, *e;

	d = page_begin(r, "classroom-admin-channel.tpl", c ? "Edit channel" :
	    "Add a channel");
	if (r->method == M_POST && P_declared(r, "name") &&
	    !P_declared(r, "user_id")) {
		form_field(d, P(r, "name"), "NAME_VALUE", "NAME_ERROR");
		form_field(d, P(r, "description"), "DESCRIPTION_VALUE",
		    "DESCRIPTION_ERROR");
	} else if (c != NULL) {
		tpl_set(d, "NAME_VALUE", c->name);
		tpl_set(d, "DESCRIPTION_VALUE", c->description ?
		    c->description : "");
	}
	if (c == NULL) {
		tpl_show(d, "CREATE");
		tpl_set(d, "ACTION", "/admin/channels/new");
		return page_send(r, status);
	}
	tpl_set(d, "ACTION", arena_printf(r->a, "/admin/channels/%lld",
	    (long long)c->id));
	e = tpl_section(d, "EDIT");
	tpl_set_int(e, "CHANNEL_ID", (long long)c->id);
	tpl_set(e, "CHANNEL_NAME", c->name);
	tpl_set(e, "CREATED", c->created_at);
	tpl_set_int(e, "MEMBER_COUNT", c->members);
	tpl_show(e, c->archived ? "IS_ARCHIVED" : "IS_ACTIVE");
	if (c->active_id != 0)
		tpl_show(e, "LIVE");
	if (member_error != NULL)
		form_error(e, "MEMBER_ERROR", member_error);
	if (!channel_members(r, e, c))
		return send_db_error(r);
	return page_send(r, status);
}

/* Check the name: not only spaces. */
static void
check_form(struct req *r)
{
	const char	*name = P_str(r, "name");

	if (name != NULL && blank(name))
		P_fail(r, "name", "Name is required.");
}

/*
 * GET /admin/channels/new.
 * Statuses: 200.
 */
int
page_channel_new(struct req *r)
{
	return channel_form(r, NULL, 200, NULL);
}

/*
 * POST /admin/channels/new: add a channel, then show its page, where
 * members are added.
 * Statuses: 303, 422, 503.
 */
int
page_channel_create(struct req *r)
{
	int64_t		 id;
	enum db_rc	 rc;

	check_form(r);
	if (r->nerrors > 0)
		return channel_form(r, NULL, 422, NULL);
	rc = db_channel_create(r->db, P_str(r, "name"),
	    optional_text(r, "description"), &id);
	if (rc == DB_DUPLICATE) {
		P_fail(r, "name", "Another channel already has this name.");
		return channel_form(r, NULL, 422, NULL);
	}
	if (rc != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Added the channel %s. Add its "
	    "members below.", P_str(r, "name")));
	return send_redirect(r, arena_printf(r->a, "/admin/channels/%lld",
	    (long long)id));
}

/*
 * GET /admin/channels/:id?find=&after_text=&after_id=: the channel,
 * its members a page at a time, and the people matching find.
 * Statuses: 200, 400 (bad position), 404, 503.
 */
int
page_channel_edit(struct req *r)
{
	struct channel	*c;

	if ((c = path_channel(r)) == NULL)
		return r->status;
	return channel_form(r, c, 200, NULL);
}

/*
 * POST /admin/channels/:id: save name and description.
 * Statuses: 303, 404, 422, 503.
 */
int
page_channel_save(struct req *r)
{
	struct channel	*c;
	enum db_rc	 rc;

	if ((c = path_channel(r)) == NULL)
		return r->status;
	check_form(r);
	if (r->nerrors > 0)
		return channel_form(r, c, 422, NULL);
	rc = db_channel_update(r->db, c->id, P_str(r, "name"),
	    optional_text(r, "description"));
	if (rc == DB_DUPLICATE) {
		P_fail(r, "name", "Another channel already has this name.");
		return channel_form(r, c, 422, NULL);
	}
	if (rc != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Saved the channel %s.",
	    P_str(r, "name")));
	return send_redirect(r, arena_printf(r->a, "/admin/channels/%lld",
	    (long long)c->id));
}

/* Archive or bring back the path's channel. */
static int
channel_archive(struct req *r, int archived)
{
	struct channel	*c;
	int		 changed;

	if ((c = path_channel(r)) == NULL)
		return r->status;
	if (db_channel_set_archived(r->db, c->id, archived, &changed) !=
	    DB_OK)
		return send_db_error(r);
	if (!changed && c->archived != archived)
		return send_error(r, 409, "A classroom session is active in "
		    "this channel. End it before archiving the channel.");
	flash_set(r, arena_printf(r->a, archived ? "The channel %s is "
	    "archived." : "The channel %s is back in use.", c->name));
	return send_redirect(r, arena_printf(r->a, "/admin/channels/%lld",
	    (long long)c->id));
}

/*
 * POST /admin/channels/:id/archive: members no longer see it among
 * their classrooms and no session can start; its history stays.
 * Statuses: 303, 404, 409 (a session is active), 503.
 */
int
page_channel_archive(struct req *r)
{
	return channel_archive(r, 1);
}

/*
 * POST /admin/channels/:id/unarchive.
 * Statuses: 303, 404, 503.
 */
int
page_channel_unarchive(struct req *r)
{
	return channel_archive(r, 0);
}

/* The channel's page again, with the member search find when there. */
static const char *
back_to(struct req *r, const struct channel *c)
{
	const char	*find = P_str(r, "find");
	const char	*back;

	back = arena_printf(r->a, "/admin/channels/%lld", (long long)c->id);
	if (find != NULL)
		back = arena_printf(r->a, "%s?find=%s#add", back,
		    url_encode(r->a, find));
	return back;
}

/*
 * POST /admin/channels/:id/members (user_id, admin, find): add an
 * active user as a member (a channel admin with admin set), then go
 * back to the same search.
 * Statuses: 303, 404, 422 (disabled account), 503.
 */
int
page_channel_member_add(struct req *r)
{
	struct channel	*c;
	struct user	*u;
	int		 added, admin = P_num(r, "admin") != 0;
	enum db_rc	 rc;

	if ((c = path_channel(r)) == NULL)
		return r->status;
	if (db_user_get(r->db, r->a, (int64_t)P_num(r, "user_id"), &u) !=
	    DB_OK)
		return send_db_error(r);
	if (u == NULL)
		return send_error(r, 404, "There is no such user.");
	rc = db_channel_add_member(r->db, c->id, u->id, admin, &added);
	if (rc == DB_DUPLICATE)
		flash_set(r, arena_printf(r->a, "%s is already a member of "
		    "%s.", u->name, c->name));
	else if (rc != DB_OK)
		return send_db_error(r);
	else if (!added)
		return channel_form(r, c, 422, arena_printf(r->a, "%s cannot "
		    "be added: the account is disabled.", u->name));
	else
		flash_set(r, arena_printf(r->a, admin ? "Added %s to %s as a "
		    "channel admin." : "Added %s to %s.", u->name, c->name));
	return send_redirect(r, back_to(r, c));
}

/* The user of the path (second id), or NULL after sending 404 or 503. */
static struct user *
path_member(struct req *r)
{
	struct user	*u;
	enum db_rc	 rc;

	rc = db_user_get(r->db, r->a, r->ids[1], &u);
	if (!load_found(r, rc, u, "There is no such user."))
		return NULL;
	return u;
}

/*
 * POST /admin/channels/:id/members/:id/remove: the user leaves the
 * channel (the account and past sessions are untouched).
 * Statuses: 303, 404 (no such channel, or not a member), 503.
 */
int
page_channel_member_remove(struct req *r)
{
	struct channel	*c;
	struct user	*u;
	int		 removed;

	if ((c = path_channel(r)) == NULL || (u = path_member(r)) == NULL)
		return r->status;
	if (db_channel_remove_member(r->db, c->id, u->id, &removed) != DB_OK)
		return send_db_error(r);
	if (!removed)
		return send_error(r, 404, arena_printf(r->a, "%s is not a "
		    "member of this channel.", u->name));
	flash_set(r, arena_printf(r->a, "Removed %s from %s.", u->name,
	    c->name));
	return send_redirect(r, arena_printf(r->a, "/admin/channels/%lld",
	    (long long)c->id));
}

/* Make the path's member a channel admin (admin set) or not. */
static int
member_admin(struct req *r, int admin)
{
	struct channel	*c;
	struct user	*u;
	int		 changed;

	if ((c = path_channel(r)) == NULL || (u = path_member(r)) == NULL)
		return r->status;
	if (db_channel_set_admin(r->db, c->id, u->id, admin, &changed) !=
	    DB_OK)
		return send_db_error(r);
	/* Nothing changed: not a member, or already what was asked. */
	if (!changed)
		flash_set(r, arena_printf(r->a, admin ? "%s is already a "
		    "channel admin of %s, or not a member." : "%s is not a "
		    "channel admin of %s.", u->name, c->name));
	else
		flash_set(r, arena_printf(r->a, admin ? "%s is now a channel "
		    "admin of %s." : "%s is now a member of %s.", u->name,
		    c->name));
	return send_redirect(r, arena_printf(r->a, "/admin/channels/%lld",
	    (long long)c->id));
}

/*
 * POST /admin/channels/:id/members/:id/make-admin.
 * Statuses: 303, 404, 503.
 */
int
page_channel_member_admin(struct req *r)
{
	return member_admin(r, 1);
}

/*
 * POST /admin/channels/:id/members/:id/unmake-admin.
 * Statuses: 303, 404, 503.
 */
int
page_channel_member_unadmin(struct req *r)
{
	return member_admin(r, 0);
}
