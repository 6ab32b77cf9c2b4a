/*
 * page-classes.c: the administrator's classes: the list, the class page
 * with its members and the search that adds learners, adding, saving,
 * archiving and unarchiving (the flows are item.c's).
 */
#include <string.h>

#include "lib/escape.h"
#include "lib/util.h"
#include "core/auth.h"
#include "core/db.h"
#include "core/handler.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "catalogue/catalogue.h"
#include "catalogue/item.h"
#include "people/people.h"

#define CANDIDATES_SHOWN	25	/* learners offered by a search */

/* The parameters the list's page links keep. */
static const char *const list_keep[] = { "q", "archived", NULL };

/* The class named by the first path id, or NULL once answered. */
static struct klass *
class_load(struct req *r)
{
	struct klass	*k;
	enum db_rc	 rc;

	rc = db_class_get(r->db, r->a, r->ids[0], &k);
	if (!load_found(r, rc, k, "There is no such class."))
		return NULL;
	return k;
}

/* Where the class page is. */
static const char *
class_path(struct req *r, const struct klass *k)
{
	return arena_printf(r->a, "/admin/classes/%lld", (long long)k->id);
}

/*
 * GET /admin/classes?q=&archived=&after_text=&after_id=: classes in name
 * order with their member counts, 50 a page; one query whatever the
 * page (the counts come with the rows).
 * Statuses: 200, 400 (bad position), 503.
 */
int
page_classes(struct req *r)
{
	struct list	 l;
	struct tpl_dict	*d, *row;
	struct klass	*list;
	size_t		 i;

	list_start(r, &l, P_str(r, "q"));
	if (db_class_list(r->db, r->a, l.q, l.archived, &l.ks, &list,
	    &l.n) != DB_OK)
		return send_db_error(r);
	d = list_page(r, &l, "catalogue-classes.tpl", "Classes");
	for (i = 0; i < l.shown; i++) {
		row = tpl_section(d, "CLASS");
		tpl_set_int(row, "ID", (long long)list[i].id);
		tpl_set(row, "NAME", list[i].name);
		tpl_set_int(row, "MEMBERS", list[i].members);
		if (list[i].archived)
			tpl_show(row, "ARCHIVED");
	}
	return list_send(r, d, &l, "/admin/classes", list_keep,
	    l.shown ? list[l.shown - 1].name : NULL,
	    l.shown ? list[l.shown - 1].id : 0);
}

/*
 * What the class page shows besides the class: a page of its members
 * (after the position ks) and the learners matching find (NULL: no
 * search), or a reason a learner could not be added.
 */
struct class_view {
	struct keyset	 ks;
	const char	*find;
	const char	*member_error;
};

/*
 * The members of class k, a page at a time, and the learners a search
 * offers.  Returns 1, or 0 when the database failed.
 */
static int
class_members(struct req *r, struct tpl_dict *d, const struct klass *k,
    const struct class_view *v)
{
	struct tpl_dict	*row, *s;
	struct member	*list;
	size_t		 n, i, shown;

	if (db_class_members(r->db, r->a, k->id, &v->ks, &list, &n) != DB_OK)
		return 0;
	shown = n > LIST_ROWS ? LIST_ROWS : n;
	for (i = 0; i < shown; i++) {
		row = tpl_section(d, "MEMBER");
		tpl_set_int(row, "USER_ID", (long long)list[i].user_id);
		tpl_set(row, "NAME", list[i].name);
		tpl_set(row, "EMAIL", list[i].email);
		tpl_set(row, "ADDED", list[i].added_at ?
		    list[i].added_at : "");
		if (list[i].disabled)
			tpl_show(row, "DISABLED");
	}
	if (shown == 0)
		tpl_show(d, v->ks.after_id > 0 ? "NO_MORE_MEMBERS" :
		    "NO_MEMBERS");
	/*
	 * Only the GET route declares the position pager_links() reads:
	 * shown again after a POST, the page is the first one, and needs
	 * no links unless more members follow.
	 */
	if (r->method == M_GET || n > LIST_ROWS)
		pager_links(r, d, class_path(r, k), NULL, n > LIST_ROWS,
		    shown ? list[shown - 1].name : NULL,
		    shown ? list[shown - 1].user_id : 0);

	tpl_set(d, "FIND", v->find ? v->find : "");
	if (v->find == NULL)
		return 1;
	if (db_class_candidates(r->db, r->a, k->id, v->find,
	    CANDIDATES_SHOWN + 1, &list, &n) != DB_OK)
		return 0;
	s = tpl_section(d, "SEARCHED");
	shown = n > CANDIDATES_SHOWN ? CANDIDATES_SHOWN : n;
	for (i = 0; i < shown; i++) {
		row = tpl_section(s, "CANDIDATE");
		tpl_set_int(row, "USER_ID", (long long)list[i].user_id);
		tpl_set(row, "NAME", list[i].name);
		tpl_set(row, "EMAIL", list[i].email);
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
 * The class create/edit page; k is NULL for a new class.  posted: show
 * the posted class form's values and errors.  Returns the status sent.
 */
static int
class_page(struct req *r, const struct klass *k, int status, int posted,
    const struct class_view *v)
{
	struct tpl_dict	*d, *e;

	d = page_begin(r, "catalogue-class-form.tpl", k ? "Edit class" :
	    "Add a class");
	if (posted) {
		form_field(d, P(r, "name"), "NAME_VALUE", "NAME_ERROR");
		form_field(d, P(r, "description"), "DESCRIPTION_VALUE",
		    "DESCRIPTION_ERROR");
	} else if (k != NULL) {
		tpl_set(d, "NAME_VALUE", k->name);
		tpl_set(d, "DESCRIPTION_VALUE", k->description ?
		    k->description : "");
	}
	if (k == NULL) {
		tpl_show(d, "CREATE");
		tpl_set(d, "ACTION", "/admin/classes/new");
		return page_send(r, status);
	}
	tpl_set(d, "ACTION", class_path(r, k));
	e = tpl_section(d, "EDIT");
	tpl_set_int(e, "CLASS_ID", (long long)k->id);
	tpl_set(e, "CLASS_NAME", k->name);
	tpl_set(e, "CREATED", k->created_at);
	tpl_set_int(e, "MEMBER_COUNT", k->members);
	show_state(e, k->archived);
	if (v->member_error != NULL)
		form_error(e, "MEMBER_ERROR", v->member_error);
	if (!class_members(r, e, k, v))
		return send_db_error(r);
	return page_send(r, status);
}

/* The class kind's hooks (see struct kind in item.h): load the path's. */
static int
class_item(struct req *r, struct item *it)
{
	struct klass	*k;

	if ((k = class_load(r)) == NULL)
		return 0;
	it->obj = k;
	it->id = k->id;
	it->name = k->name;
	return 1;
}

/*
 * The class page shown fresh (GET) reads the members' page position
 * and the learner search from the address; after a refused class form
 * it shows the first page of members and no search.
 */
static int
class_form(struct req *r, const struct item *it, int status, int posted)
{
	struct class_view v;

	memset(&v, 0, sizeof(v));
	v.ks.limit = LIST_ROWS + 1;
	if (it != NULL && !posted) {
		v.find = P_str(r, "find");
		v.ks.after_text = P_str(r, "after_text");
		v.ks.after_id = (int64_t)P_num(r, "after_id");
	}
	return class_page(r, it ? it->obj : NULL, status, posted, &v);
}

/* Save the posted class form into it, or add a class. */
static enum db_rc
class_store(struct req *r, const struct item *it, int64_t *id)
{
	struct klass	 k;

	if (it != NULL)
		k = *(const struct klass *)it->obj;
	else
		memset(&k, 0, sizeof(k));
	k.name = (char *)P_str(r, "name");
	k.description = optional_text(r, "description");
	if (it != NULL)
		return db_class_update(r->db, &k);
	return db_class_create(r->db, &k, id);
}

static const struct kind classes = {
	"class", "/admin/classes", "name", "name",
	"Another class already has this name.",
	" Add its learners below.", 0,
	class_item, NULL, class_form, class_store, db_class_set_archived
};

/*
 * GET /admin/classes/new.
 * Statuses: 200.
 */
int
page_class_new(struct req *r)
{
	return item_new(r, &classes);
}

/*
 * POST /admin/classes/new: add a class, then show its page, where
 * learners are added.
 * Statuses: 303, 422, 503.
 */
int
page_class_create(struct req *r)
{
	return item_create(r, &classes);
}

/*
 * GET /admin/classes/:id?find=&after_text=&after_id=: the class, its
 * members a page at a time, and learners matching find.
 * Statuses: 200, 400 (bad position), 404, 503.
 */
int
page_class_edit(struct req *r)
{
	return item_edit(r, &classes);
}

/*
 * POST /admin/classes/:id: save name and description.
 * Statuses: 303, 404, 422, 503.
 */
int
page_class_save(struct req *r)
{
	return item_save(r, &classes);
}

/*
 * POST /admin/classes/:id/archive.
 * Statuses: 303, 404, 503.
 */
int
page_class_archive(struct req *r)
{
	return item_archive(r, &classes, 1);
}

/*
 * POST /admin/classes/:id/unarchive.
 * Statuses: 303, 404, 503.
 */
int
page_class_unarchive(struct req *r)
{
	return item_archive(r, &classes, 0);
}

/*
 * The class page again with the reason a learner could not be added,
 * and the same search.  Returns the status sent (422).
 */
static int
member_refused(struct req *r, const struct klass *k, const char *why)
{
	struct class_view v;

	memset(&v, 0, sizeof(v));
	v.ks.limit = LIST_ROWS + 1;
	v.find = P_str(r, "find");
	v.member_error = why;
	return class_page(r, k, 422, 0, &v);
}

/*
 * POST /admin/classes/:id/members (user_id, find): add an active
 * learner to the class, then go back to the same search.  Anyone else
 * is refused with the reason on the class page.
 * Statuses: 303, 404, 422, 503.
 */
int
page_class_member_add(struct req *r)
{
	struct klass	*k;
	struct user	*u;
	const char	*find = P_str(r, "find");
	const char	*back;
	int		 added;
	enum db_rc	 rc;

	if ((k = class_load(r)) == NULL)
		return r->status;
	rc = db_user_get(r->db, r->a, (int64_t)P_num(r, "user_id"), &u);
	if (!load_found(r, rc, u, "There is no such user."))
		return r->status;
	if (u->role != ROLE_LEARNER)
		return member_refused(r, k, arena_printf(r->a, "Only learners "
		    "can be members of a class: %s is %s.", u->name,
		    u->role == ROLE_ADMIN ? "an administrator" : "a teacher"));
	if (u->disabled)
		return member_refused(r, k, arena_printf(r->a, "%s cannot be "
		    "added: the account is disabled.", u->name));
	rc = db_class_add_member(r->db, k->id, u->id, &added);
	if (rc == DB_DUPLICATE)
		flash_set(r, arena_printf(r->a, "%s is already a member of "
		    "%s.", u->name, k->name));
	else if (rc != DB_OK)
		return send_db_error(r);
	else if (!added)	/* the role or account changed meanwhile */
		return member_refused(r, k, arena_printf(r->a, "%s cannot "
		    "be added: only active learners can be members of a "
		    "class.", u->name));
	else
		flash_set(r, arena_printf(r->a, "Added %s to %s.", u->name,
		    k->name));
	back = class_path(r, k);
	if (find != NULL)
		back = arena_printf(r->a, "%s?find=%s", back,
		    url_encode(r->a, find));
	return send_redirect(r, back);
}

/*
 * POST /admin/classes/:id/members/:id/remove: the user leaves the
 * class (their account is untouched).
 * Statuses: 303, 404 (no such class, or not a member), 503.
 */
int
page_class_member_remove(struct req *r)
{
	struct klass	*k;
	struct user	*u;
	int		 removed;
	enum db_rc	 rc;

	if ((k = class_load(r)) == NULL)
		return r->status;
	rc = db_user_get(r->db, r->a, r->ids[1], &u);
	if (!load_found(r, rc, u, "There is no such user."))
		return r->status;
	if (db_class_remove_member(r->db, k->id, u->id, &removed) != DB_OK)
		return send_db_error(r);
	if (!removed)
		return send_error(r, 404, arena_printf(r->a, "%s is not a "
		    "member of this class.", u->name));
	flash_set(r, arena_printf(r->a, "Removed %s from %s.", u->name,
	    k->name));
	return send_redirect(r, class_path(r, k));
}
