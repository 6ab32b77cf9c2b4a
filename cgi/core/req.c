/*
 * req.c: what handlers read from the request: the declared parameters
 * the dispatcher validated, the environment, uploads, and the viewer's
 * timezone.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <fcgiapp.h>

#include "core/config.h"
#include "core/model.h"
#include "core/req.h"
#include "lib/dates.h"
#include "lib/parse.h"
#include "lib/util.h"

const char *
req_env(const struct req *r, const char *name)
{
	return FCGX_GetParam(name, r->env);
}

/*
 * The parameter name among the route's declarations, or NULL after
 * logging that the handler asked for a name its route does not declare.
 */
static struct pval *
lookup(const struct req *r, const char *name)
{
	size_t	 i;

	for (i = 0; i < r->npv; i++)
		if (strcmp(r->pv[i].decl->name, name) == 0)
			return &r->pv[i];
	fprintf(stderr, "lectern: route %s asks for parameter \"%s\", "
	    "which it does not declare\n",
	    r->route != NULL ? r->route->name : "-", name);
	return NULL;
}

int
P_declared(const struct req *r, const char *name)
{
	size_t	 i;

	for (i = 0; i < r->npv; i++)
		if (strcmp(r->pv[i].decl->name, name) == 0)
			return 1;
	return 0;
}

const struct pval *
P(const struct req *r, const char *name)
{
	return lookup(r, name);
}

const char *
P_str(const struct req *r, const char *name)
{
	const struct pval *pv = P(r, name);

	/* An empty field counts as not given. */
	if (pv == NULL || pv->error != NULL || pv->raw == NULL ||
	    *pv->raw == '\0')
		return NULL;
	return pv->raw;
}

long long
P_num(const struct req *r, const char *name)
{
	const struct pval *pv = P(r, name);

	if (pv == NULL || pv->error != NULL || pv->raw == NULL)
		return 0;
	return pv->num;
}

const char *
P_str_opt(const struct req *r, const char *name)
{
	return P_declared(r, name) ? P_str(r, name) : NULL;
}

long long
P_num_opt(const struct req *r, const char *name)
{
	return P_declared(r, name) ? P_num(r, name) : 0;
}

const char **
P_all(struct req *r, const char *name, size_t *n)
{
	const struct pval	*pv = P(r, name);
	const struct kvlist	*src = r->method == M_POST ? &r->form : &r->qs;
	const struct kv		*kv;
	const char		**vals;

	*n = 0;
	vals = arena_alloc(r->a, (src->count + 1) * sizeof(*vals));
	if (pv == NULL)
		return vals;
	for (kv = src->head; kv != NULL; kv = kv->next)
		if (strcmp(kv->key, name) == 0)
			vals[(*n)++] = kv->val;
	return vals;
}

void
P_fail(struct req *r, const char *name, const char *msg)
{
	struct pval	*pv;

	if ((pv = lookup(r, name)) == NULL)
		return;
	if (pv->error == NULL)
		r->nerrors++;
	pv->error = msg;
}

const char *
viewer_zone(const struct req *r)
{
	if (r->user != NULL && r->user->timezone != NULL &&
	    *r->user->timezone != '\0')
		return r->user->timezone;
	return r->cfg->timezone;
}

void
school_today(const struct req *r, char today[DATE_LEN])
{
	(void)local_date(time(NULL), r->cfg->timezone, today);
}

int
req_upload_read(struct req *r, const struct upload *up, char **data,
    size_t *len)
{
	FILE	*f;
	char	*p;

	if ((f = fopen(up->path, "rb")) == NULL) {
		fprintf(stderr, "lectern: %s: %s\n", up->path, strerror(errno));
		return 0;
	}
	p = arena_alloc(r->a, up->size + 1);
	*len = fread(p, 1, up->size, f);
	fclose(f);
	*data = p;
	return *len == up->size;
}
