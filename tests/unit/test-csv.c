/*
 * test-csv.c: csv_parse_all (BOM, line ends, blank lines, quoting, line
 * numbers, errors, limits) and csv_export_cell.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "lib/util.h"
#include "lib/csvfile.h"

/*
 * Render records as "line:field|field\n" so whole results compare as
 * strings.  Newlines inside fields show as \n, CRs as \r.
 */
static char *
render(struct arena *a, const struct csv_record *r, size_t n)
{
	struct buf	 b;
	size_t		 i, j;
	const char	*p;
	char		*out;

	buf_init(&b);
	buf_puts(&b, "");
	for (i = 0; i < n; i++) {
		buf_printf(&b, "%zu:", r[i].line);
		for (j = 0; j < r[i].nfields; j++) {
			if (j > 0)
				buf_putc(&b, '|');
			for (p = r[i].fields[j]; *p != '\0'; p++) {
				if (*p == '\n')
					buf_puts(&b, "\\n");
				else if (*p == '\r')
					buf_puts(&b, "\\r");
				else
					buf_putc(&b, *p);
			}
		}
		buf_putc(&b, '\n');
	}
	out = arena_strdup(a, b.data);
	buf_free(&b);
	return out;
}

struct csvcase {
	const char	*in;
	size_t		 len;	/* 0: strlen */
	size_t		 max;
	int		 ok;
	const char	*want;	/* rendered records, or a fragment of err */
};

static const struct csvcase	 cases[] = {
	/* BOM stripped, LF line ends */
	{ "\xef\xbb\xbfname,email\nPat,pat@example.org\n", 0, 10, 1,
	    "1:name|email\n2:Pat|pat@example.org\n" },
	/* CRLF, and no newline at the end */
	{ "a,b\r\nc,d\r\ne,f", 0, 10, 1, "1:a|b\n2:c|d\n3:e|f\n" },
	/* BOM with CRLF */
	{ "\xef\xbb\xbf" "a\r\nb\r\n", 0, 10, 1, "1:a\n2:b\n" },
	/* blank, blank-looking and empty-cell lines are skipped */
	{ "a\n\n   \n\t\n\r\n,,\n\"\",\nb\n", 0, 10, 1, "1:a\n8:b\n" },
	/* a quoted newline: the next record starts two lines later */
	{ "h1,h2\n\"multi\nline\",x\nnext,y\n", 0, 10, 1,
	    "1:h1|h2\n2:multi\\nline|x\n4:next|y\n" },
	{ "\"a\r\nb\r\nc\",d\r\n\r\ne,f\r\n", 0, 10, 1,
	    "1:a\\r\\nb\\r\\nc|d\n5:e|f\n" },
	/* a quoted field spanning lines after blank lines */
	{ "\n\n  \"x\n\n\",1\nz\n", 0, 10, 1, "3:x\\n\\n|1\n6:z\n" },
	/* old Mac line ends */
	{ "a\rb\r\rc", 0, 10, 1, "1:a\n2:b\n4:c\n" },
	/* trimming, quoting and doubled quotes */
	{ "  a  ,\" b \" , c\t\n", 0, 10, 1, "1:a|b|c\n" },
	{ "\"say \"\"hi\"\"\",\"a,b\",\"\"\n", 0, 10, 1,
	    "1:say \"hi\"|a,b|\n" },
	{ "x,,y,\n", 0, 10, 1, "1:x||y|\n" },
	{ "caf\xc3\xa9,\xe2\x82\xac\n", 0, 10, 1,
	    "1:caf\xc3\xa9|\xe2\x82\xac\n" },
	{ "", 0, 10, 1, "" },
	{ "\xef\xbb\xbf", 0, 10, 1, "" },
	{ "\n\r\n\n", 0, 10, 1, "" },
	/* exactly max_records, blank rows not counted */
	{ "1\n2\n\n,\n3\n", 0, 3, 1, "1:1\n2:2\n5:3\n" },

	/* invalid UTF-8, reported on the right line */
	{ "a,b\nc,\xff\n", 0, 10, 0, "line 2: not valid UTF-8" },
	{ "a,b\nc,d\n\"x\ny\",\xc3\n", 0, 10, 0, "line 4: not valid UTF-8" },
	{ "a\r\nb\r\n\"\r\n\xc0\xaf\"\n", 0, 10, 0,
	    "line 4: not valid UTF-8" },
	{ "\xef\xbb\xbf\xed\xa0\x80\n", 0, 10, 0, "line 1: not valid UTF-8" },
	{ "\xff\xfeU\0T\0F\0", 8, 10, 0, "line 1: not valid UTF-8" },
	{ "a\rb\r\r\xff", 0, 10, 0, "line 4: not valid UTF-8" },
	{ "ok\nnul\0byte\n", 12, 10, 0, "line 2: not valid UTF-8" },
	/* an unterminated quote names the line its record began on */
	{ "a,b\n\"open,c\nd,e\n", 0, 10, 0,
	    "line 2: a quoted field is not closed" },
	{ "a,\"b", 0, 10, 0, "line 1: a quoted field is not closed" },
	/* stray quotes */
	{ "a,b\"c\n", 0, 10, 0, "line 1: a quote" },
	{ "ok\n\"a\"b,c\n", 0, 10, 0, "line 2: a quote" },
	/* too many records */
	{ "1\n2\n3\n4\n", 0, 3, 0, "more than 3 rows" },
};

/* Every case of the table, checking records or the error sentence. */
static void
test_csv_table(void **state)
{
	size_t	 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct arena		*a = arena_new();
		struct csv_record	*r = (void *)1;
		size_t			 n = 99, len;
		char			 err[256];
		int			 ok;

		len = cases[i].len ? cases[i].len : strlen(cases[i].in);
		memset(err, 'x', sizeof(err));
		ok = csv_parse_all(a, cases[i].in, len, cases[i].max, &r, &n,
		    err, sizeof(err));
		if (ok != cases[i].ok)
			fail_msg("csv case %zu: ok=%d err=%.200s", i, ok, err);
		if (ok) {
			assert_string_equal(err, "");
			if (strcmp(render(a, r, n), cases[i].want) != 0)
				fail_msg("csv case %zu: got\n%s", i,
				    render(a, r, n));
		} else {
			assert_null(r);
			assert_int_equal(n, 0);
			if (strstr(err, cases[i].want) == NULL)
				fail_msg("csv case %zu: err \"%s\"", i, err);
		}
		arena_free(a);
	}
}

/* Ragged rows keep their own field counts. */
static void
test_csv_ragged(void **state)
{
	struct arena		*a = arena_new();
	struct csv_record	*r;
	size_t			 n;
	char			 err[128];
	const char		*in = "a\nb,c,d\ne,f\n";

	assert_true(csv_parse_all(a, in, strlen(in), 100, &r, &n, err,
	    sizeof(err)));
	assert_int_equal(n, 3);
	assert_int_equal(r[0].nfields, 1);
	assert_int_equal(r[1].nfields, 3);
	assert_int_equal(r[2].nfields, 2);
	assert_string_equal(r[1].fields[2], "d");
	arena_free(a);
}

/* A huge field (an unclosed quote in a big file) is refused. */
static void
test_csv_huge_field(void **state)
{
	struct arena		*a = arena_new();
	struct csv_record	*r;
	size_t			 n, i;
	char			 err[256];
	struct buf		 b;

	buf_init(&b);
	buf_puts(&b, "name\n\"oops\n");
	for (i = 0; i < 5000; i++)
		buf_puts(&b, "Lorem ipsum dolor sit amet,1,2\n");
	assert_false(csv_parse_all(a, b.data, b.len, 100000, &r, &n, err,
	    sizeof(err)));
	assert_non_null(strstr(err, "line 2"));

	/* Long but legal fields are fine. */
	buf_reset(&b);
	buf_puts(&b, "\"");
	for (i = 0; i < 6000; i++)
		buf_puts(&b, "0123456789");
	buf_puts(&b, "\",x\n");
	assert_true(csv_parse_all(a, b.data, b.len, 10, &r, &n, err,
	    sizeof(err)));
	assert_int_equal(n, 1);
	assert_int_equal(strlen(r[0].fields[0]), 60000);
	buf_free(&b);
	arena_free(a);
}

/* A short error buffer is truncated, not overrun. */
static void
test_csv_small_err(void **state)
{
	struct arena		*a = arena_new();
	struct csv_record	*r;
	size_t			 n;
	char			 err[8];

	memset(err, '#', sizeof(err));
	assert_false(csv_parse_all(a, "\xff", 1, 10, &r, &n, err, 6));
	assert_string_equal(err, "line ");
	assert_int_equal(err[6], '#');
	arena_free(a);
}

/* Formula neutralisation on export. */
static void
test_export_cell(void **state)
{
	static const struct {
		const char	*in, *out;
	} c[] = {
		{ "=SUM(A1:A3)", "'=SUM(A1:A3)" },
		{ "+33 1 23 45", "'+33 1 23 45" },
		{ "-2", "'-2" },
		{ "@cmd", "'@cmd" },
		{ "\tx", "'\tx" },
		{ "\rx", "'\rx" },
		{ "plain", "plain" },
		{ "", "" },
		{ " =x", " =x" },
		{ "a=b", "a=b" },
		{ "'quoted", "'quoted" },
	};
	struct arena	*a = arena_new();
	size_t		 i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		assert_string_equal(csv_export_cell(a, c[i].in), c[i].out);
	assert_string_equal(csv_export_cell(a, NULL), "");
	arena_free(a);
}

/* Run the tests as one group; exits with the number of failures. */
int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_csv_table),
		cmocka_unit_test(test_csv_ragged),
		cmocka_unit_test(test_csv_huge_field),
		cmocka_unit_test(test_csv_small_err),
		cmocka_unit_test(test_export_cell),
	};

	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
