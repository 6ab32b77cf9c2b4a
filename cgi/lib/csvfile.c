/*
 * csvfile.c: whole-file CSV reading on top of libcsv, with the line
 * bookkeeping libcsv lacks.  The input is handed to libcsv one line at a
 * time (a piece ends at each CR or LF), which lets us know the line each
 * record starts on even when quoted fields span several lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "lib/csvfile.h"
#include "lib/utf8.h"
#include "lib/util.h"

#define FIELD_MAX	(64 * 1024)	/* bytes in one field */
#define BLK_SIZE	4096		/* libcsv buffer growth step */

/* State shared with the libcsv callbacks. */
struct csvst {
	struct arena		*arena;
	size_t			 max_records;
	size_t			 line;		/* line of the current byte */
	int			 in_record;
	size_t			 start;		/* line the record began on */
	char			**fields;	/* heap, current record */
	size_t			 nfields, fcap;
	struct csv_record	*recs;		/* heap, all records */
	size_t			 nrecs, rcap;
	int			 too_many;
};

/* 1 for the blanks trimmed around fields (libcsv's default set).  Pure. */
static int
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t';
}

/*
 * libcsv field callback: trim the field and keep an arena copy in the
 * current record.  Grows the heap field array.
 */
static void
field_cb(void *data, size_t len, void *arg)
{
	struct csvst	*st = arg;
	const char	*s = data ? data : "";

	if (st->too_many)
		return;
	while (len > 0 && is_blank((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && is_blank((unsigned char)s[len - 1]))
		len--;
	if (st->nfields == st->fcap) {
		st->fcap = st->fcap ? st->fcap * 2 : 16;
		st->fields = xrealloc(st->fields,
		    st->fcap * sizeof(*st->fields));
	}
	st->fields[st->nfields++] = arena_strndup(st->arena, s, len);
}

/*
 * libcsv record callback: store the record unless every field is empty
 * (a blank row from a spreadsheet).  Grows the heap record array.
 */
static void
record_cb(int term, void *arg)
{
	struct csvst		*st = arg;
	struct csv_record	*r;
	size_t			 i;

	st->in_record = 0;
	if (st->too_many) {
		st->nfields = 0;
		return;
	}
	for (i = 0; i < st->nfields; i++)
		if (st->fields[i][0] != '\0')
			break;
	if (i == st->nfields) {
		st->nfields = 0;
		return;
	}
	if (st->nrecs == st->max_records) {
		st->too_many = 1;
		st->nfields = 0;
		return;
	}
	if (st->nrecs == st->rcap) {
		st->rcap = st->rcap ? st->rcap * 2 : 64;
		st->recs = xrealloc(st->recs, st->rcap * sizeof(*st->recs));
	}
	r = &st->recs[st->nrecs++];
	r->line = st->start;
	r->nfields = st->nfields;
	r->fields = arena_alloc(st->arena, st->nfields * sizeof(char *));
	memcpy(r->fields, st->fields, st->nfields * sizeof(char *));
	st->nfields = 0;
}

/*
 * Find the first byte of data[0..len) that is not well-formed UTF-8 (or
 * is NUL).  Returns 1 when all is well, else 0 with its line in *line.
 * Lines end at LF, or at a CR not followed by LF.  Pure.
 */
static int
utf8_check(const unsigned char *s, size_t len, size_t *line)
{
	size_t		 i = 0, k;
	unsigned char	 c;

	*line = 1;
	while (i < len) {
		c = s[i];
		if (c == '\n' || (c == '\r' && (i + 1 == len ||
		    s[i + 1] != '\n')))
			(*line)++;
		if (c == 0 || (k = utf8_decode((const char *)s + i, len - i,
		    NULL)) == 0)
			return 0;
		i += k;
	}
	return 1;
}

/*
 * Parse a whole CSV file into arena records.  Returns 1 with *recs and
 * *nrecs set, or 0 with a sentence in err.  Rows whose fields are all
 * empty are skipped like blank lines.  Temporary heap arrays are freed
 * before returning.
 */
int
csv_parse_all(struct arena *a, const char *data, size_t len,
    size_t max_records, struct csv_record **recs, size_t *nrecs,
    char *err, size_t errlen)
{
	struct csv_parser	 p;
	struct csvst		 st;
	const unsigned char	*s = (const unsigned char *)data;
	const char		*nl;
	size_t			 pos = 0, end, i, bad;
	int			 ok = 0;

	*recs = NULL;
	*nrecs = 0;
	if (errlen > 0)
		err[0] = '\0';
	if (data == NULL)
		len = 0;
	if (len >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf)
		pos = 3;
	if (!utf8_check(s + pos, len - pos, &bad)) {
		snprintf(err, errlen, "line %zu: not valid UTF-8", bad);
		return 0;
	}

	memset(&st, 0, sizeof(st));
	st.arena = a;
	st.max_records = max_records;
	st.line = 1;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
	    != 0) {
		snprintf(err, errlen, "The CSV reader could not start.");
		return 0;
	}
	csv_set_blk_size(&p, BLK_SIZE);

	while (pos < len) {
		/* One piece: up to and including the next CR or LF. */
		end = len;
		for (i = pos; i < len; i++)
			if (s[i] == '\n' || s[i] == '\r') {
				end = i + 1;
				break;
			}
		if (!st.in_record) {
			for (i = pos; i < end; i++)
				if (!is_blank(s[i]) && s[i] != '\r' &&
				    s[i] != '\n')
					break;
			if (i < end) {
				st.in_record = 1;
				st.start = st.line;
			}
		}
		if (csv_parse(&p, data + pos, end - pos, field_cb, record_cb,
		    &st) != end - pos) {
			if (csv_error(&p) == CSV_EPARSE)
				snprintf(err, errlen, "line %zu: a quote "
				    "character is out of place (quote the "
				    "whole field and double any quotes "
				    "inside it).", st.line);
			else
				snprintf(err, errlen, "line %zu: %s.", st.line,
				    csv_strerror(csv_error(&p)));
			goto out;
		}
		if (st.too_many)
			goto toomany;
		if (csv_get_buffer_size(&p) > FIELD_MAX + BLK_SIZE) {
			snprintf(err, errlen, "line %zu: a field is longer "
			    "than %d bytes (is a quote left open on line "
			    "%zu?).", st.line, FIELD_MAX, st.start);
			goto out;
		}
		nl = data + end - 1;
		if (*nl == '\n' || (*nl == '\r' && (end == len ||
		    s[end] != '\n')))
			st.line++;
		pos = end;
	}
	if (csv_fini(&p, field_cb, record_cb, &st) != 0) {
		snprintf(err, errlen, "line %zu: a quoted field is not closed "
		    "(a closing quote is missing).", st.start);
		goto out;
	}
	if (st.too_many)
		goto toomany;
	if (st.nrecs > 0) {
		*recs = arena_alloc(a, st.nrecs * sizeof(**recs));
		memcpy(*recs, st.recs, st.nrecs * sizeof(**recs));
	}
	*nrecs = st.nrecs;
	ok = 1;
	goto out;
toomany:
	snprintf(err, errlen, "The file has more than %zu rows; split it "
	    "into smaller files.", max_records);
out:
	csv_free(&p);
	free(st.fields);
	free(st.recs);
	return ok;
}

/*
 * Copy a cell for export, with an apostrophe in front when it starts
 * with a character a spreadsheet would read as a formula.  Returns an
 * arena string.
 */
char *
csv_export_cell(struct arena *a, const char *s)
{
	if (s == NULL)
		return arena_strdup(a, "");
	if (s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL)
		return arena_printf(a, "'%s", s);
	return arena_strdup(a, s);
}
