/*
 * notices.h: who hears of a live lesson's change, and what
 * (db-notices.c), and the words (notices.c).  Each function that
 * writes runs inside the caller's open transaction (schedule/db.c) and
 * queues in-app notifications and outbox rows (notify.h) composed per
 * reader in the reader's timezone, so a change and the messages it
 * causes commit or roll back together.  Lessons
 * generated from schedule rules get no message each: the rule's note
 * (enrollment/notices.h) and the reminders cover them.  Functions
 * return DB_OK or the failure.
 */
#ifndef LECTERN_SCHEDULE_NOTICES_H
#define LECTERN_SCHEDULE_NOTICES_H

#include <stdint.h>

#include "core/db.h"
#include "notify/notice.h"
#include "schedule/schedule.h"

struct arena;

/* A live lesson and its people before an edit, for live_notice_saved. */
struct live_snapshot;

/* Live lesson live_id as it is now (NULL: none), in arena a. */
enum db_rc	live_notice_before(struct db *, struct arena *,
		    int64_t live_id, struct live_snapshot **);
/*
 * After a create (before NULL) or an edit of live_id by user actor:
 * "scheduled" to new participants (and to the teacher when someone
 * else planned it), "changed" to those kept when something they see
 * changed, "removed" to those taken off.
 */
enum db_rc	live_notice_saved(struct db *, struct arena *,
		    const struct live_snapshot *before, int64_t live_id,
		    int64_t actor);
/* After a status change to to: "canceled" (with the reason) to
 * everyone, or the held follow-up when it ended. */
enum db_rc	live_notice_moved(struct db *, int64_t live_id,
		    enum live_status to, int64_t actor);
/* After the attendance and lesson notes were saved: the follow-up
 * takes the notes and goes out now, unless it went out already. */
enum db_rc	live_notice_notes(struct db *, int64_t live_id);

/* The outbox and notifications kind of the 24-hour reminders. */
#define LIVE_REMINDER_KIND	"session_reminder"

/*
 * For the worker: queue the 24-hour reminders of scheduled lessons
 * starting within a day, one per reader and start time (outbox dedupe
 * key), each with its in-app twin, each pair in its own transaction.
 * *queued counts the new ones.
 */
enum db_rc	live_reminders_queue(struct db *, int *queued);
/*
 * For the worker, before it sends an outbox message: *current is 0
 * when dedupe names a reminder that went stale (its lesson is no
 * longer scheduled at that start with that reader), else 1.
 */
enum db_rc	live_reminder_current(struct db *, const char *dedupe,
		    int *current);

/* The words.  A live lesson as the messages describe it (UTC times). */
struct live_notice {
	int64_t		 id;
	const char	*title;		/* NULL: none */
	const char	*course;
	const char	*lesson;	/* course lesson title, NULL: none */
	const char	*teacher;
	const char	*starts_at, *ends_at;
	const char	*notes;		/* NULL: none */
	const char	*cancel_reason;	/* NULL: none */
	const char	*session_notes;	/* after it, NULL: none */
	long long	 participants;
};

enum live_notice_kind {
	LN_SCHEDULED,	/* created, or the reader was added */
	LN_CHANGED,	/* time or details changed; other: before */
	LN_REMOVED,	/* the reader was taken off it */
	LN_CANCELED,
	LN_FOLLOWUP,	/* after it; other: the reader's next one or NULL */
	LN_REMINDER	/* 24 hours before */
};

/*
 * The message of kind k about lesson s for reader, written by actor
 * (a name, or NULL for Lectern itself).  other is the lesson before a
 * change (LN_CHANGED) or the reader's next lesson (LN_FOLLOWUP, may be
 * NULL); ignored otherwise.  Pure text work, in arena a.
 */
void	live_notice_compose(struct arena *, const struct notice_ctx *,
	    enum live_notice_kind k, const struct live_notice *s,
	    const struct live_notice *other,
	    const struct notice_reader *reader, const char *actor,
	    struct notice *out);

#endif
