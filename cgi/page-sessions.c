/*
 * page-sessions.c: pages of the sessions group.
 */
#include "routes.h"
