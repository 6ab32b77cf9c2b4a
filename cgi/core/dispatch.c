/*
 * dispatch.c: serving one request.  The dispatcher decides everything
 * that is not a page's own business: unknown route (404), wrong method
 * (405), sign-in and role (redirect or 403), a temporary password not
 * yet replaced (redirect to the password form), body size (413),
 * malformed input, a repeated key, a NUL byte in a value and invalid
 * declared parameters (400, or field errors for a form), CSRF (403),
 * database down (503).  Handlers run only after all of that passed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/auth.h"
#include "core/config.h"
#include "core/db.h"
#include "core/dispatch.h"
#include "core/layout.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/routes.h"
#include "lib/escape.h"
#include "lib/parse.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "lib/valid.h"

/*
 * Match path against a pattern; ":id" segments must be row ids and are
 * stored in r->ids; one ":token" segment (a secret in the address, such
 * as a calendar feed's) is stored in r->token.  Returns 1 on a match.
 */
static int
match(struct req *r, const char *pat, const char *path)
{
	int64_t	 id;
	char	 seg[PATH_ID_MAX + 1];
	size_t	 n;
	int	 nids = 0;

	r->token = NULL;
	while (*pat != '\0' && *path != '\0') {
		if (strncmp(pat, ":token", 6) == 0) {
			n = strspn(path, PATH_TOKEN_CHARS);
			if (n < PATH_TOKEN_MIN || n > PATH_TOKEN_MAX)
				return 0;
			r->token = arena_strndup(r->a, path, n);
			pat += 6;
			path += n;
			continue;
		}
		if (strncmp(pat, ":id", 3) == 0) {
			n = strcspn(path, "/");
			if (n == 0 || n >= sizeof(seg))
				return 0;
			memcpy(seg, path, n);
			seg[n] = '\0';
			if (!valid_id(seg, &id) || nids == PATH_MAX_IDS)
				return 0;
			r->ids[nids++] = id;
			pat += 3;
			path += n;
			continue;
		}
		if (*pat != *path)
			return 0;
		pat++;
		path++;
	}
	if (*pat != '\0' || *path != '\0')
		return 0;
	r->nids = nids;
	return 1;
}

/* Validate one declared parameter; fills pv. */
static void
check_param(struct req *r, const struct pdecl *d, struct pval *pv)
{
	const char	*raw = pv->raw;
	const char	*label = d->label ? d->label : d->name;
	struct upload	*u;
	int		 i;

	if (d->type == PT_FILE) {
		for (u = r->uploads; u != NULL; u = u->next)
			if (strcmp(u->field, d->name) == 0 && u->size > 0)
				break;
		pv->file = u;
		if (u == NULL && (d->flags & PF_REQ))
			pv->error = arena_printf(r->a, "Choose a file for %s.",
			    label);
		return;
	}
	if (d->type == PT_BOOL) {
		pv->num = raw != NULL && *raw != '\0';
		return;
	}
	if (raw == NULL || *raw == '\0') {
		if (d->flags & PF_REQ)
			pv->error = arena_printf(r->a, "%s is required.", label);
		return;
	}
	switch (d->type) {
	case PT_INT:
		if (!valid_int(raw, d->min, d->max, &pv->num))
			pv->error = arena_printf(r->a, "%s must be a whole "
			    "number from %lld to %lld.", label, d->min, d->max);
		break;
	case PT_ID: {
		int64_t id;

		if (!valid_id(raw, &id))
			pv->error = arena_printf(r->a, "%s is not valid.", label);
		else
			pv->num = id;
		break;
	}
	case PT_DATE:
		if (!valid_date(raw, &pv->y, &pv->mo, &pv->d))
			pv->error = arena_printf(r->a, "%s must be a date "
			    "(YYYY-MM-DD).", label);
		break;
	case PT_DATETIME:
		if (!valid_datetime(raw, &pv->y, &pv->mo, &pv->d, &pv->h,
		    &pv->mi, &pv->s))
			pv->error = arena_printf(r->a, "%s must be a date "
			    "and time (YYYY-MM-DD HH:MM).", label);
		break;
	case PT_ENUM:
		if ((i = valid_enum(raw, d->opts)) < 0)
			pv->error = arena_printf(r->a, "Choose one of the "
			    "offered values for %s.", label);
		else
			pv->num = i;
		break;
	case PT_TEXT:
	case PT_SECRET:
		if (!valid_text(raw, strlen(raw), (size_t)d->max,
		    (d->flags & PF_MULTILINE) != 0))
			pv->error = arena_printf(r->a, "%s must be at most "
			    "%lld characters of text.", label, d->max);
		else if (d->min > 0 && (long long)utf8_chars(raw) < d->min)
			pv->error = arena_printf(r->a, "%s must be at least "
			    "%lld characters.", label, d->min);
		break;
	case PT_EMAIL:
		if (!valid_email(raw))
			pv->error = arena_printf(r->a, "Enter a valid email "
			    "address.");
		break;
	case PT_TZ:
		if (!valid_timezone(raw))
			pv->error = arena_printf(r->a, "Choose a timezone "
			    "from the list.");
		break;
	default:
		break;
	}
}

/* The field error for a value holding a NUL byte. */
static const char *
nul_message(struct req *r, const struct pdecl *d)
{
	return arena_printf(r->a, "%s contains a NUL character (a zero "
	    "byte), which is not allowed. Remove it and try again.",
	    d->label ? d->label : d->name);
}

/*
 * A PF_MULTI parameter's values after the first (which pv holds): the
 * first that is not valid gives pv its error.
 */
static void
check_more(struct req *r, const struct kvlist *src, const struct pdecl *d,
    struct pval *pv)
{
	const struct kv	*kv;
	struct pval	 more;
	int		 first = 1;

	for (kv = src->head; kv != NULL && pv->error == NULL; kv = kv->next) {
		if (strcmp(kv->key, d->name) != 0)
			continue;
		if (first) {
			first = 0;
			continue;
		}
		if (kv_has_nul(kv)) {
			pv->error = nul_message(r, d);
			break;
		}
		memset(&more, 0, sizeof(more));
		more.decl = d;
		more.raw = kv->val;
		check_param(r, d, &more);
		pv->error = more.error;
	}
}

/*
 * Validate every declared parameter of the route.  A value holding a
 * NUL byte is refused here, never cut short at it.
 */
static void
check_params(struct req *r)
{
	const struct pdecl	*d;
	const struct kvlist	*src;
	const struct kv		*kv;
	size_t			 n = 0, i;

	if (r->route->params == NULL)
		return;
	for (d = r->route->params; d->name != NULL; d++)
		n++;
	r->pv = arena_alloc(r->a, sizeof(struct pval) * (n + 1));
	r->npv = n;
	src = r->method == M_POST ? &r->form : &r->qs;
	for (i = 0; i < n; i++) {
		d = &r->route->params[i];
		r->pv[i].decl = d;
		kv = kv_find(src, d->name);
		r->pv[i].raw = kv != NULL ? kv->val : NULL;
		if (kv_has_nul(kv))
			r->pv[i].error = nul_message(r, d);
		else
			check_param(r, d, &r->pv[i]);
		if ((d->flags & PF_MULTI) && r->pv[i].error == NULL)
			check_more(r, src, d, &r->pv[i]);
		if (r->pv[i].error != NULL)
			r->nerrors++;
	}
}

/*
 * Keep a POST body of len bytes as it came (any content type; the
 * handler parses it), up to body_limit.  Returns 0, 400 or 413.
 */
static int
read_raw(struct req *r, size_t len)
{
	size_t	 got = 0;
	int	 n;

	if (len > r->cfg->body_limit)
		return 413;
	r->body = arena_alloc(r->a, len + 1);
	while (got < len) {
		n = r->io->read(r->io->ctx, r->body + got, len - got);
		if (n <= 0)
			return 400;
		got += (size_t)n;
		r->body_read = got;
	}
	r->body_len = got;
	return 0;
}

/* The status a parse result answers: 0 when it went well; 503 when an
 * uploaded file found no room in tmp_dir.  Pure. */
static int
body_status(enum parse_rc rc)
{
	switch (rc) {
	case PARSE_OK: return 0;
	case PARSE_TOO_BIG: return 413;
	case PARSE_NO_ROOM: return 503;
	default: return 400;
	}
}

/*
 * Read and parse a POST body.  Returns 0 when it went well, else the
 * status to answer (400, 413 or 503).
 */
static int
read_body(struct req *r)
{
	const char		*ctype = req_env(r, "CONTENT_TYPE");
	const char		*clen = req_env(r, "CONTENT_LENGTH");
	struct parse_limits	 lim;
	struct mp_parser	*mp;
	long long		 len = 0;
	size_t			 got = 0, limit;
	char			*body, chunk[BODY_CHUNK];
	int			 n, multipart;
	enum parse_rc		 rc;

	if (clen != NULL && *clen != '\0' &&
	    !valid_int(clen, 0, BODY_LENGTH_MAX, &len))
		return 400;
	if (len == 0)
		return 0;
	if (r->route->flags & RT_RAW_BODY)
		return read_raw(r, (size_t)len);
	if (ctype == NULL)
		return 400;
	multipart = strncasecmp(ctype, "multipart/form-data", 19) == 0;
	memset(&lim, 0, sizeof(lim));
	lim.tmpdir = r->cfg->tmp_dir;
	lim.max_file = r->cfg->upload_limit;
	limit = multipart ? r->cfg->upload_limit + MULTIPART_SLACK : r->cfg->body_limit;
	if ((size_t)len > limit)
		return 413;

	if (multipart) {
		if (!(r->route->flags & RT_MULTIPART))
			return 400;
		if ((mp = mp_new(r->a, ctype, &lim)) == NULL)
			return 400;
		while (got < (size_t)len) {
			n = r->io->read(r->io->ctx, chunk,
			    (size_t)len - got < sizeof(chunk) ?
			    (size_t)len - got : sizeof(chunk));
			if (n <= 0)
				return 400;
			got += (size_t)n;
			r->body_read = got;
			if ((rc = mp_feed(mp, chunk, (size_t)n)) != PARSE_OK)
				return body_status(rc);
		}
		return body_status(mp_finish(mp, &r->form, &r->uploads));
	}
	if (strncasecmp(ctype, "application/x-www-form-urlencoded", 33) != 0)
		return 400;
	body = arena_alloc(r->a, (size_t)len + 1);
	while (got < (size_t)len) {
		n = r->io->read(r->io->ctx, body + got, (size_t)len - got);
		if (n <= 0)
			return 400;
		got += (size_t)n;
		r->body_read = got;
	}
	return body_status(parse_urlencoded(r->a, body, got, &lim, &r->form));
}

/*
 * The first key that list carries more than once though the route does
 * not declare it PF_MULTI, or NULL.
 */
static const char *
repeated_key(const struct route *rt, const struct kvlist *list)
{
	const struct kv		*a, *b;
	const struct pdecl	*d;

	for (a = list->head; a != NULL; a = a->next)
		for (b = a->next; b != NULL; b = b->next) {
			if (strcmp(a->key, b->key) != 0)
				continue;
			d = route_param(rt, a->key);
			if (d == NULL || !(d->flags & PF_MULTI))
				return a->key;
			break;
		}
	return NULL;
}

/* The 400 message for a repeated key: named when it is a plain name. */
static const char *
repeated_message(struct req *r, const char *key)
{
	size_t	 n = strspn(key, "abcdefghijklmnopqrstuvwxyz0123456789_");

	if (n > 0 && n <= PARAM_NAME_MAX && key[n] == '\0')
		return arena_printf(r->a, "The request gives \"%s\" more "
		    "than once. Go back, reload the page and try again.", key);
	return "The request gives a field more than once. Go back, reload "
	    "the page and try again.";
}

/*
 * The first value holding a NUL byte that check_params() does not see
 * (a key the route does not declare, or the query string of a POST),
 * or NULL.  Such a value is refused whole: no one reads it cut short.
 */
static const struct kv *
stray_nul(const struct req *r)
{
	const struct kvlist	*lists[2] = { &r->qs, &r->form };
	const struct kv		*kv;
	size_t			 i;

	for (i = 0; i < 2; i++)
		for (kv = lists[i]->head; kv != NULL; kv = kv->next) {
			if (!kv_has_nul(kv))
				continue;
			if (lists[i] == &r->qs && r->method == M_POST)
				return kv;
			if (route_param(r->route, kv->key) == NULL)
				return kv;
		}
	return NULL;
}

/* The 400 message for a NUL byte: the field named when it is a plain name. */
static const char *
nul_request_message(struct req *r, const char *key)
{
	size_t	 n = strspn(key, "abcdefghijklmnopqrstuvwxyz0123456789_");

	if (n > 0 && n <= PARAM_NAME_MAX && key[n] == '\0')
		return arena_printf(r->a, "The request gives \"%s\" a NUL "
		    "character (a zero byte), which is not allowed. Go back, "
		    "remove it and try again.", key);
	return "The request holds a NUL character (a zero byte), which is "
	    "not allowed. Go back, remove it and try again.";
}

/* Find the route; sets *status to 404/405 when there is none. */
static const struct route *
find_route(struct req *r, int *status)
{
	const struct route	*rt;
	size_t			 s, i;
	int			 path_seen = 0;

	for (s = 0; s < nroutesets; s++)
		for (i = 0; i < routesets[s]->n; i++) {
			rt = &routesets[s]->routes[i];
			if (!match(r, rt->pattern, r->path))
				continue;
			if (rt->method == r->method)
				return rt;
			path_seen = 1;
			r->route = rt;	/* for the Allow header */
		}
	*status = path_seen ? 405 : 404;
	return NULL;
}

/*
 * Run the route's handler; when a conflict undid its work before it had
 * sent or committed anything (send_db_error() then sets r->restart), run
 * it again from its start, at most REQ_RESTARTS times: with what it had
 * added to the headers and its parameters' errors forgotten.
 */
static int
run_handler(struct req *r)
{
	size_t	 headers = r->headers.len;
	int	 status;

	for (;;) {
		db_mark(r->db);
		status = r->route->handler(r);
		if (!r->restart || r->sent)
			return status;
		fprintf(stderr, "lectern: %s %s: a conflict undid the work; "
		    "running it again\n", r->method_s, r->route->pattern);
		r->restart = 0;
		db_backoff(r->restarts++);
		r->headers.len = headers;
		if (r->headers.data != NULL)
			r->headers.data[headers] = '\0';
		r->page = NULL;
		r->nerrors = 0;
		check_params(r);
	}
}

/* Everything between parsing and the handler; returns the status sent. */
static int
dispatch(struct req *r)
{
	const char		*uri, *cookie, *q, *key;
	const struct route	*rt;
	const struct kv		*kv;
	struct parse_limits	 lim;
	enum parse_rc		 prc;
	enum db_rc		 rc;
	int			 status = 0;

	r->method_s = req_env(r, "REQUEST_METHOD");
	if (r->method_s == NULL)
		r->method_s = "GET";
	if (strcmp(r->method_s, "GET") == 0)
		r->method = M_GET;
	else if (strcmp(r->method_s, "HEAD") == 0) {
		r->method = M_GET;
		r->head = 1;
	} else if (strcmp(r->method_s, "POST") == 0)
		r->method = M_POST;
	else
		r->method = 0;

	uri = req_env(r, "REQUEST_URI");
	if (uri == NULL || *uri != '/')
		uri = "/";
	q = strchr(uri, '?');
	r->path = q ? arena_strndup(r->a, uri, (size_t)(q - uri)) :
	    arena_strdup(r->a, uri);
	r->query = req_env(r, "QUERY_STRING");
	if (r->query == NULL)
		r->query = "";
	r->addr = req_env(r, "REMOTE_ADDR");
	if (r->addr == NULL)
		r->addr = "unknown";
	q = req_env(r, "HTTPS");
	r->https = q != NULL && strcasecmp(q, "on") == 0;

	memset(&lim, 0, sizeof(lim));
	if ((cookie = req_env(r, "HTTP_COOKIE")) != NULL &&
	    parse_cookies(r->a, cookie, &lim, &r->cookies) != PARSE_OK)
		memset(&r->cookies, 0, sizeof(r->cookies));

	if (r->method == 0) {
		r->route = NULL;
		return send_error(r, 405, NULL);
	}
	if ((rt = find_route(r, &status)) == NULL)
		return send_error(r, status, NULL);
	r->route = rt;

	lim.max_fields = QUERY_MAX_FIELDS;
	lim.max_field = QUERY_MAX_FIELD;
	if ((prc = parse_urlencoded(r->a, r->query, strlen(r->query), &lim,
	    &r->qs)) == PARSE_TOO_BIG)
		return send_error(r, 400, "The address is too long: shorten "
		    "what was typed in the form (a search, a name) and try "
		    "again.");
	if (prc != PARSE_OK)
		return send_error(r, 400, "The address contains malformed "
		    "parameters.");

	if (r->db == NULL)
		return send_error(r, 503, NULL);
	if ((rc = auth_load(r)) != DB_OK)
		return send_db_error(r);
	/*
	 * A password an administrator set is for signing in once: until
	 * the user chose their own, every page and form but the password
	 * form (and signing out) sends them there.
	 */
	if (r->user != NULL && r->user->password_temporary &&
	    !(rt->flags & RT_TEMP_PASSWORD))
		return send_redirect(r, TEMP_PASSWORD_PAGE);

	if (rt->roles != 0) {
		if (r->user == NULL) {
			if (r->method == M_GET) {
				const char *next = arena_printf(r->a,
				    "/login?next=%s", url_encode(r->a, r->path));
				return send_redirect(r, next);
			}
			return send_error(r, 403, "Please sign in first.");
		}
		if (!(rt->roles & r->user->role))
			return send_error(r, 403, NULL);
	}

	if (r->method == M_POST) {
		if ((status = read_body(r)) == 503)
			return send_error(r, status, "The server has no room "
			    "left to receive this file, so nothing was "
			    "changed. Please tell an administrator.");
		if (status != 0)
			return send_error(r, status, status == 413 ? NULL :
			    "The form data could not be read. Please try "
			    "again.");
		if ((rt->flags & RT_CSRF) && !csrf_ok(r))
			return send_error(r, 403, "This form has expired or "
			    "did not come from Lectern. Go back, reload the "
			    "page and try again.");
	}

	if ((key = repeated_key(rt, &r->qs)) != NULL ||
	    (key = repeated_key(rt, &r->form)) != NULL)
		return send_error(r, 400, repeated_message(r, key));
	if ((kv = stray_nul(r)) != NULL)
		return send_error(r, 400, nul_request_message(r, kv->key));

	check_params(r);
	if (r->nerrors > 0 && !(rt->flags & RT_FORM)) {
		size_t i;

		for (i = 0; i < r->npv; i++)
			if (r->pv[i].error != NULL)
				return send_error(r, 400, r->pv[i].error);
	}
	return run_handler(r);
}

/*
 * A CGI program that exits without reading its input makes some servers
 * (fcgiwrap among them) answer 502 instead of our page: read what is
 * left of the body, up to a bound, and throw it away.
 */
static void
drain_body(struct req *r, size_t consumed)
{
	const char	*clen = req_env(r, "CONTENT_LENGTH");
	long long	 len = 0;
	char		 junk[BODY_CHUNK];
	int		 n;

	if (clen == NULL || !valid_int(clen, 0, BODY_LENGTH_MAX, &len))
		return;
	if (len > BODY_DRAIN_MAX)
		len = BODY_DRAIN_MAX;
	while ((long long)consumed < len) {
		n = r->io->read(r->io->ctx, junk, (size_t)(len - (long long)consumed) <
		    sizeof(junk) ? (size_t)(len - (long long)consumed) : sizeof(junk));
		if (n <= 0)
			break;
		consumed += (size_t)n;
	}
}

void
dispatch_serve(const struct config *cfg, struct db **dbp, struct io *io,
    char **env)
{
	struct req	 r;
	double		 t0 = now_ms();

	memset(&r, 0, sizeof(r));
	r.a = arena_new();
	r.cfg = cfg;
	r.io = io;
	r.env = env;
	buf_init(&r.headers);

	if (*dbp == NULL)
		*dbp = db_new(cfg);	/* connects on its first statement */
	r.db = *dbp;
	if (r.db != NULL)
		db_reset_count(r.db);

	(void)dispatch(&r);
	if (!r.sent) {
		fprintf(stderr, "lectern: handler for %s sent nothing\n",
		    r.path ? r.path : "?");
		if (r.db != NULL)
			db_rollback(r.db);
		(void)send_error(&r, 500, NULL);
	}
	if (r.db != NULL)
		db_rollback(r.db);	/* no-op unless a handler forgot */
	auth_done(&r);
	if (io->drain)
		drain_body(&r, r.body_read);

	fprintf(stderr, "lectern: %s %s %d %.1fms %u queries\n",
	    r.method_s ? r.method_s : "-",
	    r.route ? r.route->pattern : (r.path ? r.path : "-"),
	    r.status, now_ms() - t0, r.db ? db_queries(r.db) : 0);
	buf_free(&r.headers);
	arena_free(r.a);
}
