/*
 * notices.h: the one note a learner gets when a schedule rule of their
 * enrollment is added, changed or removed (its generated lessons get
 * no message each; the 24-hour reminders cover them).  Queued through
 * notify.h inside the caller's transaction (enrollment/db.c).
 */
#ifndef LECTERN_ENROLLMENT_NOTICES_H
#define LECTERN_ENROLLMENT_NOTICES_H

#include <stdint.h>

#include "core/db.h"
#include "notify/notice.h"

struct arena;
struct sched_rule;

enum rule_event { RULE_ADDED, RULE_CHANGED, RULE_REMOVED };

/* A rule and its learner, as the note describes them. */
struct rule_note {
	const struct sched_rule	*rule;
	const char		*course;
	const char		*teacher;
	int64_t			 learner;
	struct notice_reader	 reader;	/* the learner */
	const char		*first_start;	/* UTC of the next lesson, */
	const char		*first_end;	/* or NULL */
};

/* The words of the note about n.  Pure text work, in arena a. */
void		rule_note_compose(struct arena *, const struct notice_ctx *,
		    enum rule_event, const struct rule_note *n,
		    struct notice *out);
/*
 * Queue the note about n for its learner (in-app and email), with the
 * next lesson from now unless the rule was removed.
 */
enum db_rc	rule_note_queue(struct db *, struct arena *, enum rule_event,
		    struct rule_note *n);

#endif
