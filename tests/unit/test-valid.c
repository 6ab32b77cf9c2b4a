/*
 * test-valid.c: every validator in valid.h, table-driven.
 */
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "lib/valid.h"

/* Integers with ranges, including the extremes of long long. */
static void
test_int(void **state)
{
	static const struct {
		const char	*s;
		long long	 min, max;
		int		 ok;
		long long	 v;
	} c[] = {
		{ "0", 0, 10, 1, 0 },
		{ "10", 0, 10, 1, 10 },
		{ "11", 0, 10, 0, 0 },
		{ "-1", 0, 10, 0, 0 },
		{ "-5", -10, 10, 1, -5 },
		{ "-0", 0, 0, 1, 0 },
		{ "007", 0, 10, 1, 7 },
		{ "", 0, 10, 0, 0 },
		{ "-", -10, 10, 0, 0 },
		{ "+5", 0, 10, 0, 0 },
		{ " 5", 0, 10, 0, 0 },
		{ "5 ", 0, 10, 0, 0 },
		{ "5a", 0, 10, 0, 0 },
		{ "1e3", 0, 10000, 0, 0 },
		{ "0x10", 0, 100, 0, 0 },
		{ "--1", -10, 10, 0, 0 },
		{ "9223372036854775807", LLONG_MIN, LLONG_MAX, 1, LLONG_MAX },
		{ "9223372036854775808", LLONG_MIN, LLONG_MAX, 0, 0 },
		{ "-9223372036854775808", LLONG_MIN, LLONG_MAX, 1, LLONG_MIN },
		{ "-9223372036854775809", LLONG_MIN, LLONG_MAX, 0, 0 },
		{ "99999999999999999999999", LLONG_MIN, LLONG_MAX, 0, 0 },
	};
	size_t		 i;
	long long	 v;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		v = 12345;
		if (valid_int(c[i].s, c[i].min, c[i].max, &v) != c[i].ok)
			fail_msg("valid_int case %zu (\"%s\")", i, c[i].s);
		if (c[i].ok)
			assert_true(v == c[i].v);
		else
			assert_true(v == 12345);	/* untouched */
	}
	assert_int_equal(valid_int("3", 0, 5, NULL), 1);
	assert_int_equal(valid_int(NULL, 0, 5, NULL), 0);
}

/* Row ids: 1 .. 2^53, no sign, no leading zero. */
static void
test_id(void **state)
{
	static const struct {
		const char	*s;
		int		 ok;
		int64_t		 v;
	} c[] = {
		{ "1", 1, 1 },
		{ "42", 1, 42 },
		{ "9007199254740992", 1, INT64_C(9007199254740992) },
		{ "9007199254740993", 0, 0 },
		{ "10000000000000000", 0, 0 },
		{ "0", 0, 0 },
		{ "01", 0, 0 },
		{ "-1", 0, 0 },
		{ "+1", 0, 0 },
		{ "", 0, 0 },
		{ "1.0", 0, 0 },
		{ "12x", 0, 0 },
	};
	size_t	 i;
	int64_t	 v;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		v = -7;
		if (valid_id(c[i].s, &v) != c[i].ok)
			fail_msg("valid_id case %zu (\"%s\")", i, c[i].s);
		assert_true(v == (c[i].ok ? c[i].v : -7));
	}
	assert_int_equal(valid_id(NULL, &v), 0);
}

/* Dates, leap years included. */
static void
test_date(void **state)
{
	static const struct {
		const char	*s;
		int		 ok;
	} c[] = {
		{ "2024-02-29", 1 },
		{ "2023-02-29", 0 },
		{ "2000-02-29", 1 },
		{ "1900-02-29", 0 },
		{ "2100-02-29", 0 },
		{ "2023-02-28", 1 },
		{ "2024-04-30", 1 },
		{ "2024-04-31", 0 },
		{ "2024-12-31", 1 },
		{ "2024-13-01", 0 },
		{ "2024-00-10", 0 },
		{ "2024-01-00", 0 },
		{ "1900-01-01", 1 },
		{ "1899-12-31", 0 },
		{ "2200-12-31", 1 },
		{ "2201-01-01", 0 },
		{ "2024-1-01", 0 },
		{ "2024/01/01", 0 },
		{ "2024-01-01 ", 0 },
		{ "2024-01-01T00:00", 0 },
		{ "24-01-01", 0 },
		{ "abcd-ef-gh", 0 },
		{ "", 0 },
	};
	size_t	 i;
	int	 y, m, d;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		if (valid_date(c[i].s, NULL, NULL, NULL) != c[i].ok)
			fail_msg("valid_date case %zu (\"%s\")", i, c[i].s);
	assert_int_equal(valid_date("2024-02-29", &y, &m, &d), 1);
	assert_int_equal(y, 2024);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	assert_int_equal(valid_date(NULL, &y, &m, &d), 0);
}

/* datetime-local values. */
static void
test_datetime(void **state)
{
	static const struct {
		const char	*s;
		int		 ok;
		int		 v[6];
	} c[] = {
		{ "2024-02-29T13:45", 1, { 2024, 2, 29, 13, 45, 0 } },
		{ "2024-02-29T23:59:59", 1, { 2024, 2, 29, 23, 59, 59 } },
		{ "2024-01-01T00:00:00", 1, { 2024, 1, 1, 0, 0, 0 } },
		{ "2023-02-29T10:00", 0, { 0 } },
		{ "2024-01-01T24:00", 0, { 0 } },
		{ "2024-01-01T10:60", 0, { 0 } },
		{ "2024-01-01T10:00:60", 0, { 0 } },
		{ "2024-01-01 10:00", 0, { 0 } },
		{ "2024-01-01T1:00", 0, { 0 } },
		{ "2024-01-01T10:00:", 0, { 0 } },
		{ "2024-01-01T10:00:0", 0, { 0 } },
		{ "2024-01-01T10:00Z", 0, { 0 } },
		{ "2024-01-01T10-00", 0, { 0 } },
		{ "2024-01-01", 0, { 0 } },
	};
	size_t	 i;
	int	 v[6];

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		memset(v, 0xff, sizeof(v));
		if (valid_datetime(c[i].s, &v[0], &v[1], &v[2], &v[3], &v[4],
		    &v[5]) != c[i].ok)
			fail_msg("valid_datetime case %zu (\"%s\")", i,
			    c[i].s);
		if (c[i].ok)
			assert_memory_equal(v, c[i].v, sizeof(v));
	}
	assert_int_equal(valid_datetime("2024-05-05T05:05", NULL, NULL, NULL,
	    NULL, NULL, NULL), 1);
}

/* E-mail addresses. */
static void
test_email(void **state)
{
	static const struct {
		const char	*s;
		int		 ok;
	} c[] = {
		{ "pat@example.org", 1 },
		{ "first.last+tag@mail.example-school.co.uk", 1 },
		{ "o'brien@example.ie", 1 },
		{ "x@a.b", 1 },
		{ "UPPER@EXAMPLE.ORG", 1 },
		{ "", 0 },
		{ "plainaddress", 0 },
		{ "@example.org", 0 },
		{ "pat@", 0 },
		{ "pat@@example.org", 0 },
		{ "pat@ex@ample.org", 0 },
		{ "pat smith@example.org", 0 },
		{ "pat\t@example.org", 0 },
		{ "pat\n@example.org", 0 },
		{ "pat@example", 0 },
		{ "pat@.example.org", 0 },
		{ "pat@example.org.", 0 },
		{ "pat@example..org", 0 },
		{ "pat@-example.org", 0 },
		{ "pat@example-.org", 0 },
		{ "pat@exa_mple.org", 0 },
		{ "pat@exa mple.org", 0 },
		{ "pat@example.org\r\nBcc: x@y.z", 0 },
	};
	char	 lng[300];
	size_t	 i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		if (valid_email(c[i].s) != c[i].ok)
			fail_msg("valid_email case %zu (\"%s\")", i, c[i].s);
	assert_int_equal(valid_email(NULL), 0);

	/* 254 bytes is the most; 255 is too long. */
	memset(lng, 'a', sizeof(lng));
	memcpy(lng + 254 - 12, "@example.org", 13);
	assert_int_equal(strlen(lng), 254);
	assert_int_equal(valid_email(lng), 1);
	memset(lng, 'a', sizeof(lng));
	memcpy(lng + 255 - 12, "@example.org", 13);
	assert_int_equal(valid_email(lng), 0);
	/* A 64-byte domain label is too long. */
	memset(lng, 'b', sizeof(lng));
	memcpy(lng, "p@", 2);
	memcpy(lng + 2 + 64, ".org", 5);
	assert_int_equal(valid_email(lng), 0);
	memcpy(lng + 2 + 63, ".org", 5);	/* 63 bytes: fine */
	assert_int_equal(valid_email(lng), 1);
}

/* UTF-8 text: overlongs, surrogates, range, controls, length. */
static void
test_text(void **state)
{
	static const struct {
		const char	*s;
		size_t		 len;	/* 0: strlen */
		size_t		 max;
		int		 ml;
		int		 ok;
	} c[] = {
		{ "plain ascii", 0, 100, 0, 1 },
		{ "", 0, 0, 0, 1 },
		{ "caf\xc3\xa9", 0, 4, 0, 1 },		/* 4 code points */
		{ "caf\xc3\xa9", 0, 3, 0, 0 },
		{ "\xe2\x82\xac", 0, 1, 0, 1 },		/* euro sign */
		{ "\xf0\x9f\x98\x80", 0, 1, 0, 1 },	/* emoji */
		{ "\xf4\x8f\xbf\xbf", 0, 1, 0, 1 },	/* U+10FFFF */
		{ "\xf4\x90\x80\x80", 0, 1, 0, 0 },	/* U+110000 */
		{ "\xc0\xaf", 0, 10, 0, 0 },		/* overlong '/' */
		{ "\xc1\xbf", 0, 10, 0, 0 },		/* overlong */
		{ "\xe0\x80\xaf", 0, 10, 0, 0 },	/* overlong 3-byte */
		{ "\xe0\x9f\xbf", 0, 10, 0, 0 },	/* overlong U+07FF */
		{ "\xe0\xa0\x80", 0, 10, 0, 1 },	/* U+0800 */
		{ "\xf0\x80\x80\xaf", 0, 10, 0, 0 },	/* overlong 4-byte */
		{ "\xf0\x8f\xbf\xbf", 0, 10, 0, 0 },	/* overlong U+FFFF */
		{ "\xed\xa0\x80", 0, 10, 0, 0 },	/* U+D800 */
		{ "\xed\xbf\xbf", 0, 10, 0, 0 },	/* U+DFFF */
		{ "\xed\x9f\xbf", 0, 10, 0, 1 },	/* U+D7FF */
		{ "\xee\x80\x80", 0, 10, 0, 1 },	/* U+E000 */
		{ "\xc3", 0, 10, 0, 0 },		/* truncated */
		{ "\xe2\x82", 0, 10, 0, 0 },
		{ "\x80", 0, 10, 0, 0 },		/* lone continuation */
		{ "\xf5\x80\x80\x80", 0, 10, 0, 0 },
		{ "\xff", 0, 10, 0, 0 },
		{ "a\xc3\xa9\xc3", 0, 10, 0, 0 },
		{ "line\nbreak", 0, 100, 0, 0 },
		{ "line\nbreak", 0, 100, 1, 1 },
		{ "cr\r\nlf", 0, 100, 1, 1 },
		{ "tab\there", 0, 100, 0, 0 },
		{ "tab\there", 0, 100, 1, 1 },
		{ "bell\a", 0, 100, 1, 0 },
		{ "del\x7f", 0, 100, 1, 0 },
		{ "esc\x1b[31m", 0, 100, 1, 0 },
		{ "c1\xc2\x85", 0, 100, 1, 0 },		/* NEL, a C1 control */
		{ "nbsp\xc2\xa0", 0, 100, 0, 1 },
		{ "nul\0after", 9, 100, 1, 0 },
		{ "abc\xc3\xa9", 3, 3, 0, 1 },		/* len cuts before */
	};
	size_t	 i, len;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		len = c[i].len ? c[i].len : strlen(c[i].s);
		if (valid_text(c[i].s, len, c[i].max, c[i].ml) != c[i].ok)
			fail_msg("valid_text case %zu", i);
	}
}

/* Enumerations. */
static void
test_enum(void **state)
{
	static const char *const	 roles[] =
	    { "student", "teacher", "admin", NULL };
	static const char *const	 none[] = { NULL };

	assert_int_equal(valid_enum("student", roles), 0);
	assert_int_equal(valid_enum("admin", roles), 2);
	assert_int_equal(valid_enum("Admin", roles), -1);
	assert_int_equal(valid_enum("", roles), -1);
	assert_int_equal(valid_enum("teacherx", roles), -1);
	assert_int_equal(valid_enum(NULL, roles), -1);
	assert_int_equal(valid_enum("student", none), -1);
}

/* Time zone names, checked against the installed tzdata. */
static void
test_timezone(void **state)
{
	static const struct {
		const char	*s;
		int		 ok;
	} c[] = {
		{ "UTC", 1 },
		{ "Europe/Paris", 1 },
		{ "America/Argentina/Buenos_Aires", 1 },
		{ "America/Port-au-Prince", 1 },
		{ "Etc/GMT+5", 1 },
		{ "Etc/GMT-14", 1 },
		{ "Europe/Atlantis", 0 },	/* no such file */
		{ "Europe", 0 },		/* a directory */
		{ "Europe/", 0 },
		{ "/etc/passwd", 0 },
		{ "../../../etc/passwd", 0 },
		{ "Europe/../Europe/Paris", 0 },
		{ "Europe//Paris", 0 },
		{ "Europe/Paris ", 0 },
		{ "Europe/Paris\n", 0 },
		{ "zone.tab", 0 },		/* '.' not allowed */
		{ "utc", 0 },			/* no such file either */
		{ "", 0 },
		{ "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		    "aaaaaaaaaaaaa", 0 },	/* 65 bytes */
	};
	size_t	 i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		if (valid_timezone(c[i].s) != c[i].ok)
			fail_msg("valid_timezone case %zu (\"%s\")", i,
			    c[i].s);
	assert_int_equal(valid_timezone(NULL), 0);
}

/* Run the tests as one group; exits with the number of failures. */
int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_int),
		cmocka_unit_test(test_id),
		cmocka_unit_test(test_date),
		cmocka_unit_test(test_datetime),
		cmocka_unit_test(test_email),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_enum),
		cmocka_unit_test(test_timezone),
	};

	return cmocka_run_group_tests_name("valid", tests, NULL, NULL);
}
