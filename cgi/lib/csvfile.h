/*
 * csvfile.h: reading a whole uploaded CSV file with libcsv.  Accepts
 * UTF-8 with or without a byte-order mark and LF or CRLF line ends.
 * Blank lines are skipped.  Each record keeps the line number on which
 * it starts, for error reports.
 */
#ifndef LECTERN_CSVFILE_H
#define LECTERN_CSVFILE_H

#include <stddef.h>

struct arena;

struct csv_record {
	size_t	 line;		/* 1-based line where the record starts */
	size_t	 nfields;
	char	**fields;	/* NUL-terminated, surrounding spaces trimmed */
};

/*
 * Parse data into records.  Returns 1 on success.  On failure returns 0
 * with a sentence in err (for the user): invalid UTF-8 (with its line),
 * an unterminated quote, or more than max_records records.
 */
int	csv_parse_all(struct arena *, const char *data, size_t len,
	    size_t max_records, struct csv_record **recs, size_t *nrecs,
	    char *err, size_t errlen);

/* Neutralise a cell for CSV export: a leading = + - @ (or tab/CR) gets a
 * leading apostrophe.  Returns an arena copy. */
char	*csv_export_cell(struct arena *, const char *);

#endif
