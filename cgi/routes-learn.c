/*
 * routes-learn.c: the learn pages of the route table.
 */
#include "routes.h"

const struct routeset learn_routes = { NULL, 0 };
