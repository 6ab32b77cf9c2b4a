/*
 * page-categories.c: the administrator's session categories: the list,
 * adding, renaming, archiving and unarchiving (the flows are item.c's).
 */
#include <string.h>

#include "lib/util.h"
#include "core/auth.h"
#include "core/db.h"
#include "core/layout.h"
#include "core/handler.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "catalogue/catalogue.h"
#include "catalogue/item.h"

/* The parameters the list's page links keep. */
static const char *const list_keep[] = { "archived", NULL };

/*
 * GET /admin/categories?archived=&after_text=&after_id=: session
 * categories in name order, 50 a page; one query whatever the page.
 * Statuses: 200, 400 (bad position), 503.
 */
int
page_categories(struct req *r)
{
	struct list	 l;
	struct tpl_dict	*d, *row;
	struct category	*list;
	size_t		 i;

	list_start(r, &l, NULL);
	if (db_category_list(r->db, r->a, l.archived, &l.ks, &list,
	    &l.n) != DB_OK)
		return send_db_error(r);
	d = list_page(r, &l, "catalogue-categories.tpl", "Session categories");
	for (i = 0; i < l.shown; i++) {
		row = tpl_section(d, "CATEGORY");
		tpl_set_int(row, "ID", (long long)list[i].id);
		tpl_set(row, "NAME", list[i].name);
		if (list[i].archived)
			tpl_show(row, "ARCHIVED");
	}
	return list_send(r, d, &l, "/admin/categories", list_keep,
	    l.shown ? list[l.shown - 1].name : NULL,
	    l.shown ? list[l.shown - 1].id : 0);
}

/* The category kind's hooks (see struct kind in item.h): load the path's. */
static int
category_item(struct req *r, struct item *it)
{
	struct category	*c;
	enum db_rc	 rc;

	rc = db_category_get(r->db, r->a, r->ids[0], &c);
	if (!load_found(r, rc, c, "There is no such category."))
		return 0;
	it->obj = c;
	it->id = c->id;
	it->name = c->name;
	return 1;
}

/* The category create/rename page; it is NULL for a new one. */
static int
category_form(struct req *r, const struct item *it, int status, int posted)
{
	const struct category *c = it ? it->obj : NULL;
	struct tpl_dict	*d, *e;

	d = page_begin(r, "catalogue-category-form.tpl", c ?
	    "Rename category" : "Add a category");
	if (posted)
		form_field(d, P(r, "name"), "NAME_VALUE", "NAME_ERROR");
	else
		tpl_set(d, "NAME_VALUE", c ? c->name : "");
	if (c == NULL) {
		tpl_show(d, "CREATE");
		tpl_set(d, "ACTION", "/admin/categories/new");
		return page_send(r, status);
	}
	tpl_set(d, "ACTION", it->page);
	e = tpl_section(d, "EDIT");
	tpl_set_int(e, "CATEGORY_ID", (long long)c->id);
	tpl_set(e, "CATEGORY_NAME", c->name);
	show_state(e, c->archived);
	return page_send(r, status);
}

/* Rename it to the posted name, or add a category. */
static enum db_rc
category_store(struct req *r, const struct item *it, int64_t *id)
{
	if (it != NULL)
		return db_category_rename(r->db, it->id, P_str(r, "name"));
	return db_category_create(r->db, P_str(r, "name"), id);
}

/* A new category goes back to the list. */
static const struct kind categories = {
	"category", "/admin/categories", "name", "name",
	"Another category already has this name.", "", 1,
	category_item, NULL, category_form, category_store,
	db_category_set_archived
};

/*
 * GET /admin/categories/new.
 * Statuses: 200.
 */
int
page_category_new(struct req *r)
{
	return item_new(r, &categories);
}

/*
 * POST /admin/categories/new.
 * Statuses: 303, 422, 503.
 */
int
page_category_create(struct req *r)
{
	return item_create(r, &categories);
}

/*
 * GET /admin/categories/:id.
 * Statuses: 200, 404, 503.
 */
int
page_category_edit(struct req *r)
{
	return item_edit(r, &categories);
}

/*
 * POST /admin/categories/:id: rename.
 * Statuses: 303, 404, 422, 503.
 */
int
page_category_save(struct req *r)
{
	return item_save(r, &categories);
}

/*
 * POST /admin/categories/:id/archive.
 * Statuses: 303, 404, 503.
 */
int
page_category_archive(struct req *r)
{
	return item_archive(r, &categories, 1);
}

/*
 * POST /admin/categories/:id/unarchive.
 * Statuses: 303, 404, 503.
 */
int
page_category_unarchive(struct req *r)
{
	return item_archive(r, &categories, 0);
}
