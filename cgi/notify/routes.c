/*
 * routes.c: the notifications pages of the route table: the
 * in-app list and marking read, and the public calendar feed (the
 * secret token in the address is its key; people/ makes the address).
 */
#include <stddef.h>

#include "core/model.h"
#include "notify/notify.h"
#include "core/req.h"
#include "core/routes.h"

#define ANY_ROLE	(ROLE_ADMIN | ROLE_TEACHER | ROLE_LEARNER)
#define END		{ NULL, 0, 0, 0, 0, NULL, NULL }

static const struct pdecl list_get[] = {
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl read_post[] = {
	{ "open", PT_BOOL, 0, 0, 0, NULL, "Open" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct route routes[] = {
	{ "notify.list", M_GET, "/notifications", page_notifications,
	    ANY_ROLE, 0, list_get },
	{ "notify.read", M_POST, "/notifications/:id/read",
	    page_notification_read, ANY_ROLE, RT_CSRF, read_post },
	{ "notify.read_all", M_POST, "/notifications/read-all",
	    page_notifications_read_all, ANY_ROLE, RT_CSRF, NULL },
	{ "notify.calendar.feed", M_GET, "/calendar/:token.ics",
	    page_calendar_feed, 0, RT_NO_REFERRER, NULL },
};

ROUTESET(notify_routes, routes);
