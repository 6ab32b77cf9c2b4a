/*
 * item.c: the flows every kind of catalogue item shares (see item.h).
 * Nothing here deletes; archiving hides an item from everyday lists and
 * keeps it, badged "Archived", for the administrator.
 */
#include <stdint.h>
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

/* See item.h. */
void
require_text(struct req *r, const char *name)
{
	const struct pval	*pv = P(r, name);
	const char		*s = P_str(r, name);

	if (pv != NULL && s != NULL && blank(s))
		P_fail(r, name, arena_printf(r->a, "%s is required.",
		    pv->decl->label));
}

/* See item.h. */
char *
optional_text(struct req *r, const char *name)
{
	const char	*s = P_str(r, name);

	return s == NULL || blank(s) ? NULL : (char *)s;
}

/* See item.h. */
void
show_state(struct tpl_dict *d, int archived)
{
	tpl_show(d, archived ? "IS_ARCHIVED" : "IS_ACTIVE");
}

/*
 * Load the path's item of kind k into it, with its page.  Returns 1, or
 * 0 once answered.
 */
static int
item_load(struct req *r, const struct kind *k, struct item *it)
{
	memset(it, 0, sizeof(*it));
	if (!k->load(r, it))
		return 0;
	if (it->page == NULL)
		it->page = arena_printf(r->a, "%s/%lld", k->list,
		    (long long)it->id);
	return 1;
}

/*
 * Check the posted form and store it into it (NULL: a new item); a
 * refused form is shown again with 422.  Returns the status sent.
 */
static int
item_store(struct req *r, const struct kind *k, const struct item *it)
{
	const char	*name, *back;
	int64_t		 id = 0;
	enum db_rc	 rc;

	require_text(r, k->name_field);
	if (k->check != NULL)
		k->check(r);
	if (r->nerrors > 0)
		return k->form(r, it, 422, 1);
	rc = k->store(r, it, &id);
	if (rc == DB_DUPLICATE && k->key != NULL) {
		P_fail(r, k->key, k->taken);
		return k->form(r, it, 422, 1);
	}
	if (rc != DB_OK)
		return send_db_error(r);
	name = P_str(r, k->name_field);
	if (it != NULL) {
		flash_set(r, arena_printf(r->a, "Saved the %s %s.", k->word,
		    name));
		return send_redirect(r, it->page);
	}
	flash_set(r, arena_printf(r->a, "Added the %s %s.%s", k->word, name,
	    k->added_hint));
	back = k->added_to_list ? k->list : arena_printf(r->a, "%s/%lld",
	    k->list, (long long)id);
	return send_redirect(r, back);
}

/* See item.h. */
int
item_new(struct req *r, const struct kind *k)
{
	return k->form(r, NULL, 200, 0);
}

/* See item.h. */
int
item_edit(struct req *r, const struct kind *k)
{
	struct item	 it;

	if (!item_load(r, k, &it))
		return r->status;
	return k->form(r, &it, 200, 0);
}

/* See item.h. */
int
item_create(struct req *r, const struct kind *k)
{
	return item_store(r, k, NULL);
}

/* See item.h. */
int
item_save(struct req *r, const struct kind *k)
{
	struct item	 it;

	if (!item_load(r, k, &it))
		return r->status;
	return item_store(r, k, &it);
}

/* See item.h. */
int
item_archive(struct req *r, const struct kind *k, int archived)
{
	struct item	 it;

	if (!item_load(r, k, &it))
		return r->status;
	if (k->set_archived(r->db, it.id, archived) != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, archived ? "The %s %s is archived." :
	    "The %s %s is back in use.", k->word, it.name));
	return send_redirect(r, it.page);
}

/* See item.h. */
void
list_start(struct req *r, struct list *l, const char *q)
{
	memset(l, 0, sizeof(*l));
	l->q = q;
	l->archived = P_num(r, "archived") != 0;
	l->ks.after_text = P_str(r, "after_text");
	l->ks.after_id = (int64_t)P_num(r, "after_id");
	l->ks.limit = LIST_ROWS + 1;
}

/* See item.h. */
struct tpl_dict *
list_page(struct req *r, struct list *l, const char *tpl, const char *title)
{
	struct tpl_dict	*d = page_begin(r, tpl, title);

	tpl_set(d, "Q", l->q != NULL ? l->q : "");
	if (l->archived)
		tpl_show(d, "ARCHIVED_CHECKED");
	l->shown = l->n > LIST_ROWS ? LIST_ROWS : l->n;
	return d;
}

/* See item.h. */
int
list_send(struct req *r, struct tpl_dict *d, const struct list *l,
    const char *path, const char *const *keep, const char *last_text,
    int64_t last_id)
{
	if (l->shown == 0)
		tpl_show(d, l->q != NULL ? "NO_MATCH" : "NONE");
	pager_links(r, d, path, keep, l->n > LIST_ROWS, last_text, last_id);
	return page_send(r, 200);
}
