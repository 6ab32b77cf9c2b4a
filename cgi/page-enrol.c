/*
 * page-enrol.c: enrollments, student groups and schedule rules.
 */
#include "routes.h"
