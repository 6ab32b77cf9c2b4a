/*
 * lms.h: calendar rules of training sessions: today's date in the
 * school's timezone, date windows, session status and who may enter.
 * Dates are "YYYY-MM-DD" strings (they order like the days they name);
 * NULL or "" is an open end.  Nothing here allocates or touches the
 * database, so all of it is unit-tested.
 */
#ifndef LECTERN_LMS_H
#define LECTERN_LMS_H

#include <time.h>

#define DATE_LEN	11

/* The calendar date at instant now in zone tz.  Returns 1, or 0 for an
 * unknown zone (out is then the UTC date). */
int	local_date(time_t now, const char *tz, char out[DATE_LEN]);
/* date + days into out; 1 on success, 0 for a malformed date. */
int	date_add_days(const char *date, int days, char out[DATE_LEN]);
/* Whole days from a to b (negative when b is earlier). */
long	date_diff_days(const char *a, const char *b);

enum window {
	WIN_BEFORE,	/* today is before start */
	WIN_INSIDE,	/* start <= today <= end, ends inclusive */
	WIN_AFTER	/* today is after end */
};

enum window	date_window(const char *start, const char *end,
		    const char *today);

enum sess_status {
	SESS_UPCOMING,
	SESS_ACTIVE,
	SESS_PAST
};

/* A session's status from its learner access dates. */
enum sess_status session_status(const char *access_start,
		    const char *access_end, const char *today);
const char	*sess_status_name(enum sess_status);	/* "active", ... */
const char	*sess_status_label(enum sess_status);	/* "Active", ... */

enum access {
	ACC_OPEN,	/* may use the session */
	ACC_READONLY,	/* ended, but may still look (read-only after end) */
	ACC_NOT_YET,	/* the window has not opened */
	ACC_CLOSED	/* the window has closed */
};

/* A learner's access from the access window and the visibility rule. */
enum access	learner_access(const char *start, const char *end,
		    int readonly_after_end, const char *today);
/* A coach's access from the coach window. */
enum access	coach_access(const char *start, const char *end,
		    const char *today);

#endif
