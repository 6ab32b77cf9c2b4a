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

const struct pval *
P(const struct req *r, const char *name)
{
	size_t	 i;

	for (i = 0; i < r->npv; i++)
		if (strcmp(r->pv[i].decl->name, name) == 0)
			return &r->pv[i];
	return NULL;
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

void
P_fail(struct req *r, const char *name, const char *msg)
{
	size_t	 i;

	for (i = 0; i < r->npv; i++)
		if (strcmp(r->pv[i].decl->name, name) == 0) {
			if (r->pv[i].error == NULL)
				r->nerrors++;
			r->pv[i].error = msg;
		}
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
