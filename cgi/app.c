/*
 * app.c: Lectern's domains put together.  Core names no domain: this
 * file hands it the route sets, in the order the dispatcher searches
 * them, and the statement tables, each at the slot its domain declares.
 */
#include <stddef.h>

#include "app.h"
#include "core/db.h"
#include "core/routes.h"
#include "catalogue/catalogue.h"
#include "catalogue/content.h"
#include "classroom/classroom.h"
#include "conference/health.h"
#include "enrollment/enrollment.h"
#include "home/home.h"
#include "notify/notify.h"
#include "people/people.h"
#include "schedule/schedule.h"
#include "schedule/feedback.h"
#include "training/training.h"

static const struct routeset *const sets[] = {
	&home_routes,
	&people_routes,
	&catalogue_routes,
	&training_routes,
	&enrollment_routes,
	&schedule_routes,
	&notify_routes,
	&classroom_routes,
};

/* A slot named twice is an error of -Woverride-init (in -Wextra). */
static const struct sqltable *const tables[DB_SLOTS] = {
	[NOTIFY_SLOT] = &sql_notify,
	[PEOPLE_SLOT] = &sql_people,
	[CATALOGUE_SLOT] = &sql_catalogue,
	[TRAINING_SLOT] = &sql_training,
	[SCHEDULE_SLOT] = &sql_schedule,
	[SCHEDULE_NOTICES_SLOT] = &sql_schedule_notices,
	[ENROLLMENT_SLOT] = &sql_enrollment,
	[CLASSROOM_SLOT] = &sql_classroom,
	[SCHEDULE_FEEDBACK_SLOT] = &sql_schedule_feedback,
	[CONF_HEALTH_SLOT] = &sql_conference,
	[CONTENT_SLOT] = &sql_content,
	[ENROLLMENT_LESSONS_SLOT] = &sql_enrollment_lessons,
};

void
app_init(void)
{
	routes_register(sets, sizeof(sets) / sizeof(sets[0]));
	db_tables(tables, DB_SLOTS);
}
