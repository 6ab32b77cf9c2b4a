/*
 * routes-enrol.c: the enrol pages of the route table.
 */
#include "routes.h"

const struct routeset enrol_routes = { NULL, 0 };
