/*
 * valid.h: validators for declared input values.  Each returns 1 when
 * the value is valid (storing the typed result when asked) and 0 when not.
 * None allocates.
 */
#ifndef LECTERN_VALID_H
#define LECTERN_VALID_H

#include <stddef.h>
#include <stdint.h>

/* Decimal integer in [min, max]; optional leading '-'; no spaces, no '+'. */
int	valid_int(const char *, long long min, long long max, long long *);
/* Row id: 1 .. 2^53, decimal, no sign, no leading zero. */
int	valid_id(const char *, int64_t *);
/* Calendar date YYYY-MM-DD (1900..2200), leap years honoured. */
int	valid_date(const char *, int *y, int *m, int *d);
/* Local date-time as sent by <input type=datetime-local>: YYYY-MM-DDTHH:MM[:SS]. */
int	valid_datetime(const char *, int *y, int *mo, int *d, int *h, int *mi, int *s);
/* Address of at most 254 bytes: one '@', non-empty local part without
 * spaces or controls, domain of dot-separated labels [A-Za-z0-9-]. */
int	valid_email(const char *);
/* Well-formed UTF-8 (no overlongs, no surrogates), at most max_chars code
 * points, no control characters except (when multiline) \t \r \n. */
int	valid_text(const char *, size_t len, size_t max_chars, int multiline);
/* Index of s in the NULL-terminated list, or -1. */
int	valid_enum(const char *, const char *const *);
/* IANA zone name that exists under /usr/share/zoneinfo (no "..", no
 * leading '/'), or "UTC". */
int	valid_timezone(const char *);

#endif
