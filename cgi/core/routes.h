/*
 * routes.h: the route registry.  Each domain declares its pages in a
 * struct routeset (its routes.c) and its handlers in its own header;
 * each handler returns the HTTP status it sent.
 */
#ifndef LECTERN_ROUTES_H
#define LECTERN_ROUTES_H

#include <stddef.h>

#include "core/req.h"

/*
 * The route table is one array per group of pages; the registered list
 * holds them all, and the dispatcher searches them in order.
 */
struct routeset {
	const struct route	*routes;
	size_t			 n;
};

/* The route sets in search order, as app.c registered them. */
extern const struct routeset *const	*routesets;
extern size_t				 nroutesets;

/* Register the route sets (once, at start, before any request). */
void	routes_register(const struct routeset *const *, size_t);

/*
 * Check the registered tables: every route and parameter name well
 * formed, every pattern a path, no two routes with the same method and
 * pattern, no parameter declared twice in one route.  Logs each
 * problem; returns 1 when there is none, else 0.
 */
int	routes_check(void);

/* The declaration of name in the route, or NULL. */
const struct pdecl *route_param(const struct route *, const char *name);

#define ROUTESET(name, table) \
	const struct routeset name = { table, sizeof(table) / sizeof(table[0]) }

/* Print the route table (for tests): method, pattern, roles, flags. */
void	routes_print(void);

#endif
