/*
 * dispatch.h: serving one request.  The dispatcher parses the request,
 * matches the route, runs every check that is not a page's own business
 * (404, 405, sign-in and role, 413, 400, CSRF, the declared parameters)
 * and only then calls the route's handler.
 */
#ifndef LECTERN_DISPATCH_H
#define LECTERN_DISPATCH_H

struct config;
struct db;
struct io;

/*
 * Serve one request: parse, route, authorise, run, log.  *db is the
 * worker's connection, opened here when there is none yet.
 */
void	dispatch_serve(const struct config *, struct db **, struct io *,
	    char **env);

#endif
