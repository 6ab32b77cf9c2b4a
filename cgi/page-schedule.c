/*
 * page-schedule.c: the schedule of live sessions.
 */
#include "routes.h"
