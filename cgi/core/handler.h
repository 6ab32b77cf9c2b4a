/*
 * handler.h: what every page handler shares beyond the request and its
 * answer: the loader contract and the keyset pager.
 *
 * The loader contract.  A page's loader ("course_load", "session_load")
 * returns the object the path names, or NULL once it has answered: 503
 * when the database failed, 404 when there is no such object or the
 * user may not see it.  The handler then returns the status sent:
 *
 *	if ((c = course_load(r)) == NULL)
 *		return r->status;
 *
 * load_found() is the common middle of every loader.
 */
#ifndef LECTERN_HANDLER_H
#define LECTERN_HANDLER_H

#include <stdint.h>

#include "core/db.h"

struct req;
struct tpl_dict;

/*
 * 1 when a lookup that returned rc found obj; else 0 after sending 503
 * (rc is not DB_OK) or 404 with missing as the message (obj is NULL).
 */
int	load_found(struct req *, enum db_rc rc, const void *obj,
	    const char *missing);
/* Send 404 with missing as the message; returns 0 (for loaders). */
int	load_refuse(struct req *, const char *missing);

/*
 * The keyset pager of a list page ordered by (text, id) or by id.  The
 * page reads its position from the declared parameters "after_text"
 * (when ordered by text) and "after_id".  pager_links() fills, in d:
 *   FIRST_PAGE with URL, when this is not the first page;
 *   NEXT with URL (the position after the last row shown), when more
 *   rows follow.
 * The links keep the parameters named in keep (a NULL-terminated list
 * of declared parameters, such as the search "q"), URL-encoded.
 * last_text is NULL for lists ordered by id alone.
 */
void	pager_links(struct req *, struct tpl_dict *d, const char *path,
	    const char *const *keep, int more, const char *last_text,
	    int64_t last_id);

#endif
