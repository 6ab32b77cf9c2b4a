/*
 * routes-sessions.c: the sessions pages of the route table.
 */
#include "routes.h"

const struct routeset session_routes = { NULL, 0 };
