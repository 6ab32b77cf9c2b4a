/*
 * notice.h: the words of notifications about live sessions and
 * recurring schedules, composed for one reader in the reader's own
 * timezone.  Pure text work (no database): db-notify.c gathers the
 * facts and queues what these functions write.  Everything is
 * allocated in the given arena.
 */
#ifndef LECTERN_NOTICE_H
#define LECTERN_NOTICE_H

#include <stddef.h>
#include <stdint.h>

struct arena;

/* Subjects (and in-app titles) are cut to this many characters. */
#define NOTICE_SUBJECT_MAX	200

/* What every message needs from the configuration. */
struct notice_ctx {
	const char	*base_url;	/* no trailing slash */
	const char	*school_name;
	const char	*school_tz;
};

/* A live session as the messages describe it.  Instants are UTC. */
struct notice_session {
	int64_t		 id;
	const char	*title;		/* NULL: none */
	const char	*course;
	const char	*lesson;	/* NULL: none */
	const char	*teacher;
	const char	*starts_at, *ends_at;
	const char	*notes;		/* NULL: none */
	const char	*cancel_reason;	/* NULL: none */
	const char	*session_notes;	/* NULL: none */
	long long	 participants;
};

/* Who reads it. */
struct notice_reader {
	const char	*name;
	const char	*tz;		/* NULL or "": the school's */
	int		 teacher;	/* 1: teaches the session */
};

enum notice_kind {
	NK_SCHEDULED,	/* created, or the reader was added */
	NK_CHANGED,	/* time or details changed; other: before */
	NK_REMOVED,	/* the reader was taken off it */
	NK_CANCELED,
	NK_FOLLOWUP,	/* after it; other: the reader's next one or NULL */
	NK_REMINDER	/* 24 hours before */
};

/* One message: the same subject in the email and in the app. */
struct notice {
	const char	*kind;		/* outbox and notifications kind */
	char		*subject;
	char		*body;		/* the email text */
	char		*summary;	/* the in-app text, a few lines */
	char		*link;		/* local path of the page it is about */
};

/*
 * The message of kind k about session s for reader, written by actor
 * (a name, or NULL for Lectern itself).  other is the session before a
 * change (NK_CHANGED) or the reader's next session (NK_FOLLOWUP, may
 * be NULL); ignored otherwise.
 */
void	notice_session(struct arena *, const struct notice_ctx *,
	    enum notice_kind k, const struct notice_session *s,
	    const struct notice_session *other,
	    const struct notice_reader *reader, const char *actor,
	    struct notice *out);

/* A recurring schedule rule as its notes describe it. */
struct notice_rule {
	const char	*course;
	const char	*teacher;
	int		 weekdays;	/* bit 0 Monday ... bit 6 Sunday */
	int		 hour, minute;
	int		 duration;
	const char	*tz;		/* the rule's zone */
	const char	*start_date;
	const char	*end_date;	/* NULL: no end */
	const char	*first_start;	/* UTC of the next lesson, or NULL */
	const char	*first_end;
};

enum notice_rule_event { NR_ADDED, NR_CHANGED, NR_REMOVED };

/* The one note a learner gets when a recurring schedule of theirs is
 * added, changed or removed (its sessions get no mail each). */
void	notice_rule(struct arena *, const struct notice_ctx *,
	    enum notice_rule_event, const struct notice_rule *,
	    const struct notice_reader *, struct notice *out);

/*
 * "Monday 2031-03-24, 14:00–14:45 (Europe/Berlin CET)": the local date
 * and time of UTC text start (and the end's time when end is not NULL)
 * in zone tz.  The UTC text itself when it cannot convert.
 */
char	*notice_when(struct arena *, const char *start, const char *end,
	    const char *tz);

/* s cut to at most max characters (not bytes), with "..." when cut. */
char	*notice_cut(struct arena *, const char *s, size_t max);

#endif
