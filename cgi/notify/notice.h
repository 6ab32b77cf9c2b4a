/*
 * notice.h: what every notification's words share, whatever it is
 * about: the message (the same subject in the email and in the app),
 * its reader, the school it comes from, the greeting and signature,
 * and times written in the reader's own timezone.  Pure text work (no
 * database): the domains that have news (schedule/notices.c,
 * enrollment/notices.c) write their words with these and queue them
 * with notify.h.  Everything is allocated in the given arena.
 */
#ifndef LECTERN_NOTICE_H
#define LECTERN_NOTICE_H

#include <stddef.h>
#include <stdint.h>

#include "lib/util.h"

struct config;

/* Subjects (and in-app titles) are cut to this many characters. */
#define NOTICE_SUBJECT_MAX	200
/* In-app texts are cut to this many characters. */
#define NOTICE_SUMMARY_MAX	1000

/* What every message needs from the configuration. */
struct notice_ctx {
	const char	*base_url;	/* no trailing slash */
	const char	*school_name;
	const char	*school_tz;
};

/* Who reads it. */
struct notice_reader {
	const char	*name;
	const char	*tz;		/* NULL or "": the school's */
	int		 teacher;	/* 1: reads it as the teacher */
};

/* One message: the same subject in the email and in the app. */
struct notice {
	const char	*kind;		/* outbox and notifications kind */
	char		*subject;
	char		*body;		/* the email text */
	char		*summary;	/* the in-app text, a few lines */
	char		*link;		/* local path of the page it is about */
};

/* The context of the messages from the configuration. */
void	notice_ctx_init(struct notice_ctx *, const struct config *);

/* The zone reader reads times in: their own, else the school's. */
const char *notice_zone(const struct notice_ctx *,
	    const struct notice_reader *);

/* Start the email text of b (buf_init) with the greeting of reader. */
void	notice_begin(struct buf *b, const struct notice_reader *);
/*
 * End the email text of b with the school's signature, make it the
 * body of out, cut out's summary to NOTICE_SUMMARY_MAX and free b.
 */
void	notice_end(struct arena *, const struct notice_ctx *, struct buf *b,
	    struct notice *out);

/*
 * "Monday 2031-03-24, 14:00–14:45 (Europe/Berlin CET)": the local date
 * and time of UTC text start (and the end's time when end is not NULL)
 * in zone tz.  The UTC text itself when it cannot convert.
 */
char	*notice_when(struct arena *, const char *start, const char *end,
	    const char *tz);
/* "2031-03-24 at 14:00 CET", for a subject line. */
char	*notice_short_when(struct arena *, const char *start,
	    const char *tz);

/* s cut to at most max characters (not bytes), with "..." when cut. */
char	*notice_cut(struct arena *, const char *s, size_t max);

#endif
