/*
 * routes.c: the home page of every role.
 */
#include "core/model.h"
#include "core/req.h"
#include "core/routes.h"
#include "home/home.h"

#define ANY_ROLE	(ROLE_ADMIN | ROLE_TEACHER | ROLE_LEARNER)

static const struct route routes[] = {
	{ "home", M_GET, "/", page_home, ANY_ROLE, 0, NULL },
};

ROUTESET(home_routes, routes);
