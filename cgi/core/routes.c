/*
 * routes.c: the route registry.  The pages themselves are declared by
 * each domain in its routes.c; app.c hands core the list of route sets
 * at start, in the order the dispatcher searches them, and the program
 * checks them (routes_check) before it serves anything.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/limits.h"
#include "core/model.h"
#include "core/req.h"
#include "core/routes.h"

const struct routeset *const	*routesets;
size_t				 nroutesets;

void
routes_register(const struct routeset *const *sets, size_t n)
{
	routesets = sets;
	nroutesets = n;
}

const struct pdecl *
route_param(const struct route *rt, const char *name)
{
	const struct pdecl	*d;

	if (rt == NULL || rt->params == NULL)
		return NULL;
	for (d = rt->params; d->name != NULL; d++)
		if (strcmp(d->name, name) == 0)
			return d;
	return NULL;
}

/*
 * 1 when s is a name of at most max bytes: a letter, then letters,
 * digits, '_' (and '.' when dots is set).  Route names are lowercase;
 * parameter names may take capitals, for the providers' own
 * ("meetingID").  Pure.
 */
static int
name_ok(const char *s, size_t max, int route)
{
	size_t	 i;
	char	 c;

	for (i = 0; s != NULL && s[i] != '\0'; i++) {
		c = s[i];
		if (i >= max || !((c >= 'a' && c <= 'z') ||
		    (!route && c >= 'A' && c <= 'Z') ||
		    (i > 0 && ((c >= '0' && c <= '9') || c == '_' ||
		    (route && c == '.')))))
			return 0;
	}
	return i > 0;
}

/*
 * 1 when s is a route pattern: '/' and then segments of letters,
 * digits and "-_.", or the placeholders ":id" and ":token".  Pure.
 */
static int
pattern_ok(const char *s)
{
	int	 ids = 0;

	if (s == NULL || *s != '/')
		return 0;
	for (; *s != '\0'; s++) {
		if (*s == ':') {
			if (strncmp(s, ":id", 3) == 0) {
				if (++ids > PATH_MAX_IDS)
					return 0;
				s += 2;
			} else if (strncmp(s, ":token", 6) == 0)
				s += 5;
			else
				return 0;
			continue;
		}
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '/' || *s == '-' || *s == '_' || *s == '.'))
			return 0;
	}
	return 1;
}

/* Check one route's own declarations; returns its problems. */
static int
check_route(const struct route *rt)
{
	const struct pdecl	*d, *e;
	int			 bad = 0;

	if (!name_ok(rt->name, ROUTE_NAME_MAX, 1)) {
		fprintf(stderr, "lectern: routes: route name \"%s\" is not "
		    "a name\n", rt->name ? rt->name : "(null)");
		bad++;
	}
	if (!pattern_ok(rt->pattern)) {
		fprintf(stderr, "lectern: routes: %s: pattern \"%s\" is not "
		    "a path\n", rt->name, rt->pattern ? rt->pattern : "(null)");
		bad++;
	}
	if (rt->handler == NULL || (rt->method != M_GET &&
	    rt->method != M_POST)) {
		fprintf(stderr, "lectern: routes: %s: no handler or no "
		    "method\n", rt->name);
		bad++;
	}
	for (d = rt->params; d != NULL && d->name != NULL; d++) {
		if (!name_ok(d->name, PARAM_NAME_MAX, 0)) {
			fprintf(stderr, "lectern: routes: %s: parameter "
			    "\"%s\" is not a name\n", rt->name, d->name);
			bad++;
		}
		for (e = rt->params; e != d; e++)
			if (strcmp(e->name, d->name) == 0) {
				fprintf(stderr, "lectern: routes: %s: "
				    "parameter \"%s\" is declared twice\n",
				    rt->name, d->name);
				bad++;
				break;
			}
		if (d->type == PT_ENUM && d->opts == NULL) {
			fprintf(stderr, "lectern: routes: %s: parameter "
			    "\"%s\" offers no values\n", rt->name, d->name);
			bad++;
		}
	}
	return bad;
}

/* FNV-1a of a route's method and pattern, for routes_check's table. */
static size_t
route_hash(const struct route *rt)
{
	const unsigned char	*p = (const unsigned char *)rt->pattern;
	uint32_t		 h = 2166136261u ^ (uint32_t)rt->method;

	for (; *p != '\0'; p++)
		h = (h ^ *p) * 16777619u;
	return h;
}

/*
 * Every route's own declarations, and no two routes with the same
 * method and pattern.  The pairs are found through a hash table of the
 * routes rather than by comparing every route with every earlier one:
 * each plain-CGI process runs this check.
 */
int
routes_check(void)
{
	const struct route	*rt, **slot, **table;
	size_t			 s, i, n = 0, size = 16, h;
	int			 bad = 0;

	for (s = 0; s < nroutesets; s++)
		n += routesets[s]->n;
	while (size < 2 * n)
		size *= 2;
	if ((table = calloc(size, sizeof(*table))) == NULL) {
		fprintf(stderr, "lectern: routes: out of memory\n");
		return 0;
	}
	for (s = 0; s < nroutesets; s++)
		for (i = 0; i < routesets[s]->n; i++) {
			rt = &routesets[s]->routes[i];
			bad += check_route(rt);
			if (rt->pattern == NULL)
				continue;
			/* Every earlier route of the same hash, then a
			 * free slot for this one. */
			for (h = route_hash(rt) & (size - 1);
			    *(slot = &table[h]) != NULL;
			    h = (h + 1) & (size - 1)) {
				if ((*slot)->method != rt->method ||
				    strcmp((*slot)->pattern, rt->pattern) != 0)
					continue;
				fprintf(stderr, "lectern: routes: %s and %s "
				    "are both %s %s\n", (*slot)->name,
				    rt->name, rt->method == M_POST ? "POST" :
				    "GET", rt->pattern);
				bad++;
			}
			*slot = rt;
		}
	free(table);
	return bad == 0;
}

void
routes_print(void)
{
	const struct route	*rt;
	size_t			 s, i;

	for (s = 0; s < nroutesets; s++)
		for (i = 0; i < routesets[s]->n; i++) {
			rt = &routesets[s]->routes[i];
			printf("%s %s %s%s%s%s %s\n",
			    rt->method == M_POST ? "POST" : "GET",
			    rt->pattern,
			    rt->roles == 0 ? "public" : "",
			    rt->roles & ROLE_ADMIN ? "admin," : "",
			    rt->roles & ROLE_TEACHER ? "teacher," : "",
			    rt->roles & ROLE_LEARNER ? "learner," : "",
			    rt->flags & RT_CSRF ? "csrf" :
			    rt->flags & RT_SIGNED ? "signed" : "-");
		}
}
