/*
 * page-notifications.c: a user's in-app notifications (newest first,
 * unread ones marked, each with its link), marking them read, and the
 * private calendar feed of live lessons (/calendar/TOKEN.ics).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "lib/clock.h"
#include "core/auth.h"
#include "core/config.h"
#include "lib/crypto.h"
#include "lib/escape.h"
#include "core/handler.h"
#include "notify/ical.h"
#include "core/layout.h"
#include "core/model.h"
#include "notify/notify.h"
#include "core/out.h"
#include "core/req.h"
#include "core/routes.h"
#include "core/tpl.h"
#include "lib/util.h"

/* The feed lists sessions from this many days back to the horizon. */
#define FEED_DAYS_BACK	180

/* The link of a notification when it is a local page, else NULL. */
static const char *
local_link(const struct inapp *n)
{
	if (n->link == NULL || !local_path_safe(n->link))
		return NULL;
	return n->link;
}

/*
 * GET /notifications: the user's notifications, newest first, a page
 * at a time (?after_id=ID: those older than ID); unread ones are marked
 * and can be opened (which marks them read) or marked read.
 * Statuses: 200, 503.
 */
int
page_notifications(struct req *r)
{
	struct inapp	*list;
	struct tpl_dict	*d, *e;
	size_t		 n, i, shown;
	int64_t		 after = (int64_t)P_num(r, "after_id");

	if (db_inapp_list(r->db, r->a, r->user->id, after, &list, &n) !=
	    DB_OK)
		return send_db_error(r);
	d = page_begin(r, "notify-list.tpl", "Notifications");
	shown = n > INAPP_PAGE ? INAPP_PAGE : n;
	for (i = 0; i < shown; i++) {
		e = tpl_section(d, "ITEM");
		tpl_set_int(e, "ID", list[i].id);
		tpl_set(e, "KIND", list[i].kind);
		tpl_set(e, "SUBJECT", list[i].subject);
		tpl_set(e, "BODY", list[i].body);
		tpl_set(e, "WHEN", show_time(r, list[i].created_at));
		if (after > 0)
			tpl_set_int(tpl_section(e, "KEEP_PAGE"), "AFTER_ID",
			    after);
		if (list[i].unread) {
			tpl_show(e, "ITEM_UNREAD");
			if (local_link(&list[i]) != NULL)
				tpl_show(e, "OPEN_BUTTON");
			else
				tpl_show(e, "PLAIN_SUBJECT");
		} else if (local_link(&list[i]) != NULL)
			tpl_set(tpl_section(e, "SUBJECT_LINK"), "LINK",
			    local_link(&list[i]));
		else
			tpl_show(e, "PLAIN_SUBJECT");
	}
	if (shown == 0)
		tpl_show(d, after > 0 ? "NO_OLDER" : "EMPTY");
	else
		tpl_show(d, "READ_ALL");
	pager_links(r, d, "/notifications", NULL, n > INAPP_PAGE, NULL,
	    shown > 0 ? list[shown - 1].id : 0);
	return page_send(r, 200);
}

/*
 * POST /notifications/:id/read: mark one of the user's notifications
 * read; with open=1 go on to the page it is about.  Another user's
 * notification is not found.
 * Statuses: 303, 404, 503.
 */
int
page_notification_read(struct req *r)
{
	struct inapp	*n;
	int64_t		 after = (int64_t)P_num(r, "after_id");
	enum db_rc	 rc;

	rc = db_inapp_get(r->db, r->a, r->ids[0], r->user->id, &n);
	if (!load_found(r, rc, n, "There is no such notification."))
		return r->status;
	if (n->unread && db_inapp_read(r->db, n->id, r->user->id) != DB_OK)
		return send_db_error(r);
	if (P_num(r, "open") && local_link(n) != NULL)
		return send_redirect(r, local_link(n));
	return send_redirect(r, after > 0 ? arena_printf(r->a,
	    "/notifications?after_id=%lld", (long long)after) :
	    "/notifications");
}

/*
 * POST /notifications/read-all: mark every notification of the user
 * read.
 * Statuses: 303, 503.
 */
int
page_notifications_read_all(struct req *r)
{
	long long	 n = 0;

	if (db_inapp_read_all(r->db, r->user->id, &n) != DB_OK)
		return send_db_error(r);
	flash_set(r, n == 1 ? "Marked 1 notification as read." :
	    arena_printf(r->a, "Marked %lld notifications as read.", n));
	return send_redirect(r, "/notifications");
}

/*
 * GET /calendar/:token.ics: the live sessions of the token's owner
 * (teaching or taking part) from 180 days back to the schedule horizon,
 * as iCalendar.  Public: the token is the key, and an unknown or
 * revoked one is simply not found.
 * Statuses: 200, 404, 500, 503.
 */
int
page_calendar_feed(struct req *r)
{
	struct cal_event	*ev;
	char			 hash[65], from[DBTIME_LEN], to[DBTIME_LEN];
	char			*name, *text;
	int64_t			 user;
	size_t			 n;
	time_t			 now = time(NULL);
	int			 weeks = r->cfg->schedule_horizon_weeks;

	if (r->token == NULL)
		return send_error(r, 404, NULL);
	sha256_hex(r->token, strlen(r->token), hash);
	if (db_calendar_owner(r->db, r->a, hash, &user, &name) != DB_OK)
		return send_db_error(r);
	if (user == 0)
		return send_error(r, 404, "There is no calendar at this "
		    "address.");
	dbtime_format(now - (time_t)FEED_DAYS_BACK * 86400, from);
	dbtime_format(now + (time_t)((weeks > 0 ? weeks : 8) * 7 + 1) * 86400,
	    to);
	if (db_calendar_events(r->db, r->a, user, from, to, &ev, &n) != DB_OK)
		return send_db_error(r);
	text = ical_feed(r->a, r->cfg, arena_printf(r->a, "%s: live sessions "
	    "of %s", r->cfg->school_name, name), ev, n);
	if (text == NULL)
		return send_error(r, 500, NULL);
	return send_body(r, 200, "text/calendar; charset=utf-8", text,
	    strlen(text));
}
