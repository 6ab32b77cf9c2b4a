/*
 * routes.c: the route registry.  The pages themselves are declared by
 * each domain in its routes.c; app.c hands core the list of route sets
 * at start, in the order the dispatcher searches them.
 */
#include <stdio.h>

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
