/*
 * page-enroll.c: pages of the enroll group.
 */
#include "routes.h"
