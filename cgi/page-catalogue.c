/*
 * page-catalogue.c: pages of the catalogue group.
 */
#include "routes.h"
