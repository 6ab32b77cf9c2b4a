/*
 * schedule.c: what the schedule's pages, its statements and its
 * notices share about a live lesson: the words of its status and the
 * window in which "Join Session" is open, and the name it goes by.
 */
#include <string.h>
#include <time.h>

#include "lib/clock.h"
#include "lib/util.h"
#include "schedule/schedule.h"

/* The statuses by enum value: the stored word and the label. */
static const struct {
	const char	*name;
	const char	*label;
} statuses[] = {
	[LIVE_SCHEDULED] = { "scheduled", "Scheduled" },
	[LIVE_ACTIVE] = { "active", "Active" },
	[LIVE_ENDED] = { "ended", "Completed" },
	[LIVE_CANCELED] = { "canceled", "Canceled" },
};

#define NSTATUSES	(sizeof(statuses) / sizeof(statuses[0]))

int
live_status_parse(const char *s, enum live_status *out)
{
	size_t	 i;

	for (i = 0; s != NULL && i < NSTATUSES; i++)
		if (strcmp(s, statuses[i].name) == 0) {
			*out = (enum live_status)i;
			return 1;
		}
	return 0;
}

const char *
live_status_name(enum live_status s)
{
	return (size_t)s < NSTATUSES ? statuses[s].name : "";
}

const char *
live_status_label(enum live_status s)
{
	return (size_t)s < NSTATUSES ? statuses[s].label : "";
}

enum live_join
live_join_state(const struct live_lesson *s, time_t now)
{
	time_t	 st, en;

	if (s->status != LIVE_SCHEDULED && s->status != LIVE_ACTIVE)
		return LIVE_JOIN_OVER;
	if (!dbtime_parse(s->starts_at, &st) ||
	    !dbtime_parse(s->ends_at, &en) || now >= en)
		return LIVE_JOIN_OVER;
	if (now < st - LIVE_JOIN_EARLY)
		return LIVE_JOIN_NOT_YET;
	return LIVE_JOIN_OPEN;
}

char *
live_title(struct arena *a, const struct live_lesson *s)
{
	if (!empty(s->title))
		return s->title;
	if (!empty(s->lesson_title))
		return arena_printf(a, "%s: %s", s->course_title,
		    s->lesson_title);
	return s->course_title;
}
