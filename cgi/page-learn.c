/*
 * page-learn.c: pages of the learn group.
 */
#include "routes.h"
