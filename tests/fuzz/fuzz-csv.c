/*
 * fuzz-csv.c: csv_parse_all on an arbitrary file.  On success every
 * record must start on a later line than the one before, hold valid
 * UTF-8 fields without surrounding blanks and not be all empty; export
 * must neutralise every formula-looking cell.  On failure the error must
 * be a non-empty sentence.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "lib/csvfile.h"

#define MAX_RECORDS	500

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* 1 when s is well-formed UTF-8 (decoding each scalar value). */
static int
utf8_ok(const unsigned char *s)
{
	unsigned long	 cp, min;
	int		 n, i;

	while (*s != '\0') {
		if (*s < 0x80) {
			s++;
			continue;
		}
		if ((*s & 0xe0) == 0xc0) {
			n = 1;
			cp = *s & 0x1f;
			min = 0x80;
		} else if ((*s & 0xf0) == 0xe0) {
			n = 2;
			cp = *s & 0x0f;
			min = 0x800;
		} else if ((*s & 0xf8) == 0xf0) {
			n = 3;
			cp = *s & 0x07;
			min = 0x10000;
		} else
			return 0;
		for (i = 1; i <= n; i++) {
			if ((s[i] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		s += n + 1;
	}
	return 1;
}

/* Parse data as CSV, abort() on a broken invariant. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena		*a = arena_new();
	struct csv_record	*r;
	size_t			 n, i, j, len, last = 0, empty;
	char			 err[256];
	const char		*f, *e;

	if (!csv_parse_all(a, (const char *)data, size, MAX_RECORDS, &r, &n,
	    err, sizeof(err))) {
		if (err[0] == '\0' || r != NULL || n != 0)
			abort();
		arena_free(a);
		return 0;
	}
	if (n > MAX_RECORDS || (n > 0 && r == NULL))
		abort();
	for (i = 0; i < n; i++) {
		if (r[i].line <= last || r[i].nfields == 0)
			abort();
		last = r[i].line;
		empty = 0;
		for (j = 0; j < r[i].nfields; j++) {
			f = r[i].fields[j];
			len = strlen(f);
			if (!utf8_ok((const unsigned char *)f))
				abort();
			if (len > 0 && (f[0] == ' ' || f[0] == '\t' ||
			    f[len - 1] == ' ' || f[len - 1] == '\t'))
				abort();
			if (len == 0)
				empty++;
			e = csv_export_cell(a, f);
			if (e[0] != '\0' && strchr("=+-@\t\r", e[0]) != NULL)
				abort();
			if (strcmp(e, f) != 0 && (e[0] != '\'' ||
			    strcmp(e + 1, f) != 0))
				abort();
		}
		if (empty == r[i].nfields)
			abort();
	}
	arena_free(a);
	return 0;
}
