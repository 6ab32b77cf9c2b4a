/*
 * valid.c: validators for values that arrive as text from forms, query
 * strings and imported files.  All of them are strict: anything the
 * header does not promise to accept is refused.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lib/utf8.h"
#include "lib/valid.h"

#define ID_MAX		(UINT64_C(1) << 53)
#define EMAIL_MAX	254
#define LABEL_MAX	63
#define TZ_MAX		64
#define ZONEINFO	"/usr/share/zoneinfo"

/* 1 when c is an ASCII digit.  Pure. */
static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * Parse a signed decimal integer in [min, max] into *out (when not NULL).
 * Returns 1 when valid, 0 otherwise.  Does not allocate.
 */
int
valid_int(const char *s, long long min, long long max, long long *out)
{
	unsigned long long	 acc = 0, lim;
	long long		 v;
	int			 neg = 0, d;

	if (s == NULL)
		return 0;
	if (*s == '-') {
		neg = 1;
		s++;
	}
	if (!is_digit(*s))
		return 0;
	lim = neg ? (unsigned long long)LLONG_MAX + 1 : LLONG_MAX;
	for (; *s != '\0'; s++) {
		if (!is_digit(*s))
			return 0;
		d = *s - '0';
		if (acc > (lim - (unsigned long long)d) / 10)
			return 0;
		acc = acc * 10 + (unsigned long long)d;
	}
	if (neg)
		v = acc == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN :
		    -(long long)acc;
	else
		v = (long long)acc;
	if (v < min || v > max)
		return 0;
	if (out != NULL)
		*out = v;
	return 1;
}

/*
 * Parse a row id (1 .. 2^53, no sign, no leading zero) into *out (when
 * not NULL).  Returns 1 when valid, 0 otherwise.  Does not allocate.
 */
int
valid_id(const char *s, int64_t *out)
{
	uint64_t	 acc = 0;
	size_t		 n;

	if (s == NULL || *s < '1' || *s > '9')
		return 0;
	for (n = 0; s[n] != '\0'; n++) {
		if (!is_digit(s[n]) || n >= 16)
			return 0;
		acc = acc * 10 + (uint64_t)(s[n] - '0');
	}
	if (acc > ID_MAX)
		return 0;
	if (out != NULL)
		*out = (int64_t)acc;
	return 1;
}

/* Read exactly n digits at s as a number, or -1.  Pure. */
static int
digits(const char *s, size_t n)
{
	int	 v = 0;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Days in month m of year y.  Pure. */
static int
month_days(int y, int m)
{
	static const int	 dim[12] =
	    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dim[m - 1];
}

/*
 * Check the date at s[0..10) ("YYYY-MM-DD"); s may continue after it.
 * Returns 1 and the parts when valid, 0 otherwise.  Pure.
 */
static int
date_at(const char *s, int *y, int *m, int *d)
{
	if (strnlen(s, 10) < 10 || s[4] != '-' || s[7] != '-')
		return 0;
	*y = digits(s, 4);
	*m = digits(s + 5, 2);
	*d = digits(s + 8, 2);
	if (*y < 1900 || *y > 2200 || *m < 1 || *m > 12)
		return 0;
	return *d >= 1 && *d <= month_days(*y, *m);
}

/*
 * Validate a calendar date "YYYY-MM-DD" in 1900..2200.  Returns 1 and
 * stores the parts asked for (pointers may be NULL), 0 when invalid.
 */
int
valid_date(const char *s, int *y, int *m, int *d)
{
	int	 yy, mm, dd;

	if (s == NULL || strlen(s) != 10 || !date_at(s, &yy, &mm, &dd))
		return 0;
	if (y != NULL)
		*y = yy;
	if (m != NULL)
		*m = mm;
	if (d != NULL)
		*d = dd;
	return 1;
}

/*
 * Validate "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS".  Returns 1 and
 * stores the parts asked for (seconds 0 when absent), 0 when invalid.
 */
int
valid_datetime(const char *s, int *y, int *mo, int *d, int *h, int *mi,
    int *sec)
{
	int	 yy, mm, dd, hh, nn, ss = 0;
	size_t	 n;

	if (s == NULL)
		return 0;
	n = strlen(s);
	if ((n != 16 && n != 19) || !date_at(s, &yy, &mm, &dd) ||
	    s[10] != 'T' || s[13] != ':')
		return 0;
	hh = digits(s + 11, 2);
	nn = digits(s + 14, 2);
	if (n == 19) {
		if (s[16] != ':')
			return 0;
		ss = digits(s + 17, 2);
	}
	if (hh < 0 || hh > 23 || nn < 0 || nn > 59 || ss < 0 || ss > 59)
		return 0;
	if (y != NULL)
		*y = yy;
	if (mo != NULL)
		*mo = mm;
	if (d != NULL)
		*d = dd;
	if (h != NULL)
		*h = hh;
	if (mi != NULL)
		*mi = nn;
	if (sec != NULL)
		*sec = ss;
	return 1;
}

/* 1 when c is an ASCII letter or digit.  Pure. */
static int
is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * Validate an e-mail address: at most 254 bytes, one '@', a local part
 * without blanks or controls, and a domain of at least two labels of
 * letters, digits and inner hyphens (1..63 bytes each).  Returns 1 or 0.
 */
int
valid_email(const char *s)
{
	const char	*at, *p, *label;
	size_t		 n, labels = 0;

	if (s == NULL || (n = strlen(s)) == 0 || n > EMAIL_MAX)
		return 0;
	if ((at = strchr(s, '@')) == NULL || at == s ||
	    strchr(at + 1, '@') != NULL)
		return 0;
	for (p = s; p < at; p++)
		if ((unsigned char)*p <= 0x20 || *p == 0x7f)
			return 0;
	for (label = p = at + 1;; p++) {
		if (*p != '.' && *p != '\0') {
			if (!is_alnum(*p) && *p != '-')
				return 0;
			continue;
		}
		if (p == label || p - label > LABEL_MAX ||
		    *label == '-' || p[-1] == '-')
			return 0;
		labels++;
		if (*p == '\0')
			break;
		label = p + 1;
	}
	return labels >= 2;
}

/*
 * Validate len bytes of UTF-8 text: well formed, at most max_chars code
 * points, no C0/C1 controls or DEL except \t \r \n when multiline.
 * Returns 1 or 0.
 */
int
valid_text(const char *s, size_t len, size_t max_chars, int multiline)
{
	uint32_t	 cp;
	size_t		 i = 0, chars = 0, k;

	if (s == NULL)
		return len == 0;
	while (i < len) {
		if ((k = utf8_decode(s + i, len - i, &cp)) == 0)
			return 0;
		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
			if (!multiline ||
			    (cp != '\t' && cp != '\r' && cp != '\n'))
				return 0;
		}
		if (++chars > max_chars)
			return 0;
		i += k;
	}
	return 1;
}

/* Index of s in the NULL-terminated list, or -1.  Pure. */
int
valid_enum(const char *s, const char *const *list)
{
	int	 i;

	if (s == NULL || list == NULL)
		return -1;
	for (i = 0; list[i] != NULL; i++)
		if (strcmp(s, list[i]) == 0)
			return i;
	return -1;
}

/*
 * Validate an IANA time zone name: "UTC", or a name of at most 64 bytes
 * from [A-Za-z0-9_+/-] (no "..", no leading '/') naming a regular TZif
 * file under /usr/share/zoneinfo.  Returns 1 or 0.
 */
int
valid_timezone(const char *s)
{
	char		 path[sizeof(ZONEINFO) + TZ_MAX + 2], magic[4];
	struct stat	 st;
	size_t		 n, i;
	int		 fd, ok;

	if (s == NULL)
		return 0;
	if (strcmp(s, "UTC") == 0)
		return 1;
	n = strlen(s);
	if (n == 0 || n > TZ_MAX || s[0] == '/' || s[n - 1] == '/' ||
	    strstr(s, "..") != NULL || strstr(s, "//") != NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (!is_alnum(s[i]) && strchr("_+/-", s[i]) == NULL)
			return 0;
	ok = snprintf(path, sizeof(path), "%s/%s", ZONEINFO, s);
	if (ok < 0 || (size_t)ok >= sizeof(path))
		return 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1)
		return 0;
	ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    read(fd, magic, sizeof(magic)) == (ssize_t)sizeof(magic) &&
	    memcmp(magic, "TZif", sizeof(magic)) == 0;
	close(fd);
	return ok;
}
