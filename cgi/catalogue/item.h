/*
 * item.h: what the administrator's catalogue pages share, for every
 * kind of item (course, lesson, category, class): the flows of their
 * forms (new, create, edit, save, archive and unarchive) written once
 * with a hook per kind, and their list pages.  For catalogue's page
 * files only (item.c).
 */
#ifndef LECTERN_CATALOGUE_ITEM_H
#define LECTERN_CATALOGUE_ITEM_H

#include <stddef.h>
#include <stdint.h>

#include "catalogue/catalogue.h"
#include "core/db.h"

struct req;
struct tpl_dict;

#define LIST_ROWS	50	/* rows of a list page */

/* One item as the shared flows see it, filled by its kind's load. */
struct item {
	int64_t			 id;
	const char		*name;	/* title or name, for messages */
	const char		*page;	/* where to go after a change; NULL:
					   the kind's list path, then the id */
	const void		*obj;	/* the record */
	const struct course	*course; /* a lesson's course, else NULL */
};

/* A kind of item: its words and the hooks of the shared flows. */
struct kind {
	const char	*word;		/* "course", in messages */
	const char	*list;		/* its list page: "/admin/courses" */
	const char	*name_field;	/* the form's field naming it */
	const char	*key;		/* a field that must be unique, */
	const char	*taken;		/* with the message when it is not */
	const char	*added_hint;	/* ends "Added the course X.", or "" */
	int		 added_to_list;	/* after adding, go to the list */
	/* Load the path's item into it: 1, or 0 once answered (404, 503). */
	int		(*load)(struct req *, struct item *it);
	/* Checks of the posted form beyond its name field, or NULL. */
	void		(*check)(struct req *);
	/*
	 * Send the item's page (it NULL: the form for a new one) with the
	 * status; posted: show the posted form's values and errors.
	 */
	int		(*form)(struct req *, const struct item *it,
			    int status, int posted);
	/* Store the posted form: update it, or add one (it NULL: sets *id). */
	enum db_rc	(*store)(struct req *, const struct item *it,
			    int64_t *id);
	/* Set the archived flag of the item with this id. */
	enum db_rc	(*set_archived)(struct db *, int64_t, int archived);
};

/* GET .../new: the empty form.  Statuses: 200. */
int	item_new(struct req *, const struct kind *);
/* GET .../:id: the item's page.  Statuses: 200, 404, 503. */
int	item_edit(struct req *, const struct kind *);
/*
 * POST .../new: check and add an item, then go to its page (or the
 * list).  Statuses: 303, 422, 503.
 */
int	item_create(struct req *, const struct kind *);
/* POST .../:id: check and save the item.  Statuses: 303, 404, 422, 503. */
int	item_save(struct req *, const struct kind *);
/* POST .../:id/(un)archive.  Statuses: 303, 404, 503. */
int	item_archive(struct req *, const struct kind *, int archived);

/*
 * A required text field made only of blanks is as good as empty: mark
 * it with the message the dispatcher gives an empty one.
 */
void	require_text(struct req *, const char *name);
/* An optional text field: NULL when empty or blank, else its value. */
char	*optional_text(struct req *, const char *name);
/* Show the "Archived" badge section IS_ARCHIVED, or IS_ACTIVE. */
void	show_state(struct tpl_dict *, int archived);

/*
 * A list page of items in (text, id) order, 50 rows a page, with the
 * search q (NULL: none) and the "archived" box.  list_start() reads
 * the position ("after_text", "after_id") and the box; after the query
 * (of ks.limit rows), list_page() begins the page and says how many
 * rows to show; list_send() shows NONE or NO_MATCH when there are none,
 * the page links (keeping the parameters in keep), and sends it.
 */
struct list {
	struct keyset	 ks;
	const char	*q;
	int		 archived;
	size_t		 n;		/* rows fetched */
	size_t		 shown;		/* rows to show */
};

void	list_start(struct req *, struct list *, const char *q);
struct tpl_dict	*list_page(struct req *, struct list *, const char *tpl,
	    const char *title);
int	list_send(struct req *, struct tpl_dict *, const struct list *,
	    const char *path, const char *const *keep, const char *last_text,
	    int64_t last_id);

#endif
