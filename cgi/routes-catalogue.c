/*
 * routes-catalogue.c: the catalogue pages of the route table.
 */
#include "routes.h"

const struct routeset catalogue_routes = { NULL, 0 };
