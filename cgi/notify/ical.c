/*
 * ical.c: the calendar feed of live lessons, through libical.  Local
 * times come from the same zone database as every page (clock.c), and
 * the VTIMEZONE from libical's copy of it, so a 14:00 lesson reads
 * 14:00 on both sides of a daylight-saving change.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "lib/clock.h"
#include "core/config.h"
#include "notify/ical.h"
#include "notify/mailmsg.h"
#include "notify/notify.h"
#include "lib/util.h"

/* A UTC instant as an iCalendar UTC time. */
static struct icaltimetype
utc_time(time_t t)
{
	return icaltime_from_timet_with_zone(t, 0,
	    icaltimezone_get_utc_timezone());
}

/*
 * Add a DATE-TIME property made by make for the UTC text utc: local
 * time with TZID in zone z, or UTC when z is NULL.
 */
static void
add_time(icalcomponent *ev, icalproperty *(*make)(struct icaltimetype),
    const char *utc, icaltimezone *z, const char *tzid)
{
	struct icaltimetype	 it;
	struct tm		 tm;
	icalproperty		*p;
	time_t			 t;

	if (!dbtime_parse(utc, &t))
		return;
	if (z == NULL || !utc_to_local(t, tzid, &tm, NULL)) {
		icalcomponent_add_property(ev, make(utc_time(t)));
		return;
	}
	it = icaltime_null_time();
	it.year = tm.tm_year + 1900;
	it.month = tm.tm_mon + 1;
	it.day = tm.tm_mday;
	it.hour = tm.tm_hour;
	it.minute = tm.tm_min;
	it.second = tm.tm_sec;
	it.zone = z;
	p = make(it);
	icalproperty_add_parameter(p, icalparameter_new_tzid(tzid));
	icalcomponent_add_property(ev, p);
}

/* The event's description: what, with whom, notes, and the page. */
static char *
describe(struct arena *a, const struct config *cfg,
    const struct cal_event *e)
{
	struct buf	 b;
	char		*s;

	buf_init(&b);
	buf_printf(&b, "Course: %s\n", e->course);
	if (!empty(e->lesson))
		buf_printf(&b, "Lesson: %s\n", e->lesson);
	buf_printf(&b, "Teacher: %s\n", e->teacher);
	if (strcmp(e->status, "canceled") == 0)
		buf_printf(&b, "\nCanceled%s%s\n", empty(e->cancel_reason) ?
		    "." : ": ", empty(e->cancel_reason) ? "" :
		    e->cancel_reason);
	if (!empty(e->notes))
		buf_printf(&b, "\nNotes:\n%s\n", e->notes);
	buf_printf(&b, "\n%s/platform/sessions/%lld\n", cfg->base_url,
	    (long long)e->id);
	s = arena_strdup(a, b.data);
	buf_free(&b);
	return s;
}

/* One VEVENT. */
static icalcomponent *
event(struct arena *a, const struct config *cfg, const char *host,
    const struct cal_event *e, icaltimezone *z)
{
	icalcomponent	*ev = icalcomponent_new_vevent();
	const char	*name;
	time_t		 t;
	int		 canceled = strcmp(e->status, "canceled") == 0;

	if (!empty(e->title))
		name = e->title;
	else if (!empty(e->lesson))
		name = arena_printf(a, "%s: %s", e->course, e->lesson);
	else
		name = e->course;
	icalcomponent_add_property(ev, icalproperty_new_uid(arena_printf(a,
	    "live-%lld@%s", (long long)e->id, host)));
	/* DTSTAMP: when this version of the event was made. */
	if (dbtime_parse(e->updated_at, &t))
		icalcomponent_add_property(ev,
		    icalproperty_new_dtstamp(utc_time(t)));
	if (dbtime_parse(e->created_at, &t))
		icalcomponent_add_property(ev,
		    icalproperty_new_created(utc_time(t)));
	if (dbtime_parse(e->updated_at, &t))
		icalcomponent_add_property(ev,
		    icalproperty_new_lastmodified(utc_time(t)));
	add_time(ev, icalproperty_new_dtstart, e->starts_at, z,
	    cfg->timezone);
	add_time(ev, icalproperty_new_dtend, e->ends_at, z, cfg->timezone);
	icalcomponent_add_property(ev, icalproperty_new_summary(name));
	icalcomponent_add_property(ev,
	    icalproperty_new_description(describe(a, cfg, e)));
	icalcomponent_add_property(ev, icalproperty_new_url(arena_printf(a,
	    "%s/platform/sessions/%lld", cfg->base_url, (long long)e->id)));
	icalcomponent_add_property(ev, icalproperty_new_status(canceled ?
	    ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));
	icalcomponent_add_property(ev, icalproperty_new_sequence(
	    e->sequence > 0 && e->sequence < 2000000000 ?
	    (int)e->sequence : 0));
	icalcomponent_add_property(ev, icalproperty_new_transp(canceled ?
	    ICAL_TRANSP_TRANSPARENT : ICAL_TRANSP_OPAQUE));
	return ev;
}

/* An X- property. */
static icalproperty *
xprop(const char *name, const char *value)
{
	icalproperty	*p = icalproperty_new_x(value);

	icalproperty_set_x_name(p, name);
	return p;
}

char *
ical_feed(struct arena *a, const struct config *cfg, const char *calname,
    const struct cal_event *ev, size_t n)
{
	icalcomponent	*cal, *vtz;
	icalproperty	*p;
	icaltimezone	*z = NULL;
	char		 host[256], *text, *out;
	size_t		 i;

	mail_url_host(cfg->base_url, host, sizeof(host));
	/* Times in UTC need no VTIMEZONE. */
	if (strcmp(cfg->timezone, "UTC") != 0 &&
	    strcmp(cfg->timezone, "Etc/UTC") != 0)
		z = icaltimezone_get_builtin_timezone(cfg->timezone);
	cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal,
	    icalproperty_new_prodid("-//Lectern//Live sessions//EN"));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(cal,
	    icalproperty_new_method(ICAL_METHOD_PUBLISH));
	icalcomponent_add_property(cal, xprop("X-WR-CALNAME", calname));
	icalcomponent_add_property(cal, xprop("X-WR-TIMEZONE",
	    cfg->timezone));
	icalcomponent_add_property(cal, xprop("X-PUBLISHED-TTL", "PT1H"));
	if (z != NULL && icaltimezone_get_component(z) != NULL) {
		vtz = icalcomponent_new_clone(icaltimezone_get_component(z));
		/* libical names it "/freeassociation.sourceforge.net/Zone";
		 * the events say TZID=Zone, so the VTIMEZONE must too. */
		if ((p = icalcomponent_get_first_property(vtz,
		    ICAL_TZID_PROPERTY)) != NULL)
			icalproperty_set_tzid(p, cfg->timezone);
		icalcomponent_add_component(cal, vtz);
	} else
		z = NULL;
	for (i = 0; i < n; i++)
		icalcomponent_add_component(cal, event(a, cfg, host, &ev[i],
		    z));
	text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	if (text == NULL)
		return NULL;
	out = arena_strdup(a, text);
	free(text);
	return out;
}
