/*
 * notices.c: the learner's note about a schedule rule of theirs (see
 * notices.h): when it was added, changed or removed, with its pattern
 * and the next lesson in the learner's own timezone.
 */
#include <time.h>

#include "lib/clock.h"
#include "core/db.h"
#include "enrollment/enrollment.h"
#include "enrollment/notices.h"
#include "notify/notice.h"
#include "notify/notify.h"
#include "lib/util.h"

/* Bit 0 of a rule's weekdays is Monday. */
static const char *const rule_days[] = { "Monday", "Tuesday", "Wednesday",
    "Thursday", "Friday", "Saturday", "Sunday" };

/* "Monday and Wednesday" from a rule's weekday bits; in arena a. */
static char *
day_list(struct arena *a, int days)
{
	struct buf	 b;
	char		*s;
	int		 i, n = 0, total = 0;

	for (i = 0; i < 7; i++)
		if (days & (1 << i))
			total++;
	buf_init(&b);
	for (i = 0; i < 7; i++) {
		if (!(days & (1 << i)))
			continue;
		if (n > 0)
			buf_puts(&b, n == total - 1 ? " and " : ", ");
		buf_puts(&b, rule_days[i]);
		n++;
	}
	s = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	return s;
}

void
rule_note_compose(struct arena *a, const struct notice_ctx *c,
    enum rule_event ev, const struct rule_note *n, struct notice *out)
{
	const struct sched_rule	*rule = n->rule;
	struct buf		 b;
	char			*days = day_list(a, rule->weekdays);
	char			*pattern;
	const char		*what;

	pattern = arena_printf(a, "%s at %02d:%02d (%s), %d minutes", days,
	    rule->hour, rule->minute, rule->timezone, rule->duration);
	what = ev == RULE_ADDED ? "added" : ev == RULE_CHANGED ? "changed" :
	    "removed";
	out->kind = ev == RULE_ADDED ? "rule_added" : ev == RULE_CHANGED ?
	    "rule_changed" : "rule_removed";
	out->link = arena_strdup(a, "/platform/schedule");
	out->subject = notice_cut(a, arena_printf(a, "Recurring lessons %s: "
	    "%s, %s at %02d:%02d", what, n->course, days, rule->hour,
	    rule->minute), NOTICE_SUBJECT_MAX);
	notice_begin(&b, &n->reader);
	if (ev == RULE_REMOVED) {
		buf_printf(&b, "The recurring schedule of your %s lessons "
		    "with %s\n(every %s) was removed.\nIts future lessons "
		    "are no longer on your schedule; lessons that were\n"
		    "changed by "
		    "hand stay as they are.\n", n->course, n->teacher,
		    pattern);
		out->summary = arena_printf(a, "The recurring %s lessons with "
		    "%s (every %s) were removed.", n->course, n->teacher,
		    pattern);
	} else {
		buf_printf(&b, "A recurring schedule was %s for your %s "
		    "lessons with %s:\n\n  Every %s\n  From %s%s%s\n", what,
		    n->course, n->teacher, pattern, rule->start_date,
		    empty(rule->end_date) ? "" : " until ",
		    empty(rule->end_date) ? "" : rule->end_date);
		if (n->first_start != NULL)
			buf_printf(&b, "  Next lesson: %s\n", notice_when(a,
			    n->first_start, n->first_end,
			    notice_zone(c, &n->reader)));
		buf_puts(&b, "\nThe lessons appear on your schedule as they "
		    "are planned.  You get a\nreminder 24 hours before each "
		    "one, and no separate message for each\nlesson.\n");
		out->summary = arena_printf(a, "%s lessons with %s: every "
		    "%s.", n->course, n->teacher, pattern);
	}
	buf_printf(&b, "\nYour schedule: %s/platform/schedule\n", c->base_url);
	notice_end(a, c, &b, out);
}

enum db_rc
rule_note_queue(struct db *db, struct arena *a, enum rule_event ev,
    struct rule_note *n)
{
	struct notice_ctx	 c;
	struct notice		 out;
	char			*starts, *ends;

	starts = arena_alloc(a, DBTIME_LEN);
	ends = arena_alloc(a, DBTIME_LEN);
	if (ev != RULE_REMOVED && rule_next(n->rule, time(NULL), starts,
	    ends)) {
		n->first_start = starts;
		n->first_end = ends;
	}
	notice_ctx_init(&c, db_config(db));
	rule_note_compose(a, &c, ev, n, &out);
	return notify_queue(db, n->learner, &out);
}
