/*
 * handler.c: the loader contract and the keyset pager (see handler.h).
 */
#include <stdint.h>

#include "core/handler.h"
#include "core/layout.h"
#include "core/req.h"
#include "core/tpl.h"
#include "lib/escape.h"
#include "lib/util.h"

int
load_found(struct req *r, enum db_rc rc, const void *obj, const char *missing)
{
	if (rc != DB_OK) {
		send_db_error(r);
		return 0;
	}
	if (obj == NULL)
		return load_refuse(r, missing);
	return 1;
}

int
load_refuse(struct req *r, const char *missing)
{
	send_error(r, 404, missing);
	return 0;
}

/*
 * The address of path with the kept parameters and, when after_id is
 * above 0, the position; allocated in the request's arena.
 */
static char *
pager_url(struct req *r, const char *path, const char *const *keep,
    const char *after_text, int64_t after_id)
{
	struct buf	 b;
	const char	*v, *sep = "?";
	char		*url;
	size_t		 i;

	buf_init(&b);
	buf_puts(&b, path);
	for (i = 0; keep != NULL && keep[i] != NULL; i++) {
		if ((v = P_str(r, keep[i])) == NULL)
			continue;
		buf_printf(&b, "%s%s=%s", sep, keep[i], url_encode(r->a, v));
		sep = "&";
	}
	if (after_id > 0) {
		if (after_text != NULL) {
			buf_printf(&b, "%safter_text=%s", sep,
			    url_encode(r->a, after_text));
			sep = "&";
		}
		buf_printf(&b, "%safter_id=%lld", sep, (long long)after_id);
	}
	url = arena_strndup(r->a, b.data, b.len);
	buf_free(&b);
	return url;
}

void
pager_links(struct req *r, struct tpl_dict *d, const char *path,
    const char *const *keep, int more, const char *last_text,
    int64_t last_id)
{
	if (P_num(r, "after_id") > 0)
		tpl_set(tpl_section(d, "FIRST_PAGE"), "URL",
		    pager_url(r, path, keep, NULL, 0));
	if (more)
		tpl_set(tpl_section(d, "NEXT"), "URL",
		    pager_url(r, path, keep, last_text, last_id));
}
