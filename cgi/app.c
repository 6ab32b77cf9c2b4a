/*
 * app.c: Lectern's domains put together.  Core names no domain: this
 * file hands it the route sets, in the order the dispatcher searches
 * them, and the statement tables, each at the slot its domain declares.
 */
#include <stddef.h>

#include "app.h"
#include "core/db.h"
#include "core/routes.h"
#include "billing/billing.h"
#include "catalogue/catalogue.h"
#include "classroom/analytics.h"
#include "catalogue/content.h"
#include "classroom/classroom.h"
#include "classroom/search.h"
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
	&billing_routes,
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
	[CLASSROOM_DOCS_SLOT] = &sql_classroom_docs,
	[SCHEDULE_FEEDBACK_SLOT] = &sql_schedule_feedback,
	[CONF_HEALTH_SLOT] = &sql_conference,
	[CLASSROOM_SEARCH_SLOT] = &sql_classroom_search,
	[CLASSROOM_ANALYTICS_SLOT] = &sql_classroom_analytics,
	[BILLING_SLOT] = &sql_billing,
	[CONTENT_SLOT] = &sql_content,
	[ENROLLMENT_LESSONS_SLOT] = &sql_enrollment_lessons,
};

void
app_init(void)
{
	routes_register(sets, sizeof(sets) / sizeof(sets[0]));
	db_tables(tables, DB_SLOTS);
}
