/*
 * test-utf8.c: the one UTF-8 decoder (utf8.h), table-driven: every
 * boundary of the encoding, and each ill-formed kind refused (overlong
 * forms, surrogates, above U+10FFFF, stray and missing continuation
 * bytes, bytes that never lead).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "lib/utf8.h"

/* One sequence: its bytes, what utf8_decode says of them. */
static const struct {
	const char	*s;
	size_t		 n;	/* bytes given */
	size_t		 len;	/* 0: ill-formed */
	uint32_t	 cp;
} seqs[] = {
	/* Well formed, at each boundary of each length. */
	{ "\x00", 1, 1, 0x0 },
	{ "A", 1, 1, 0x41 },
	{ "\x7f", 1, 1, 0x7F },
	{ "\xc2\x80", 2, 2, 0x80 },
	{ "\xc3\xa9", 2, 2, 0xE9 },
	{ "\xdf\xbf", 2, 2, 0x7FF },
	{ "\xe0\xa0\x80", 3, 3, 0x800 },
	{ "\xe2\x82\xac", 3, 3, 0x20AC },
	{ "\xed\x9f\xbf", 3, 3, 0xD7FF },
	{ "\xee\x80\x80", 3, 3, 0xE000 },
	{ "\xef\xbf\xbd", 3, 3, 0xFFFD },
	{ "\xef\xbf\xbf", 3, 3, 0xFFFF },
	{ "\xf0\x90\x80\x80", 4, 4, 0x10000 },
	{ "\xf0\x9f\x98\x80", 4, 4, 0x1F600 },
	{ "\xf4\x8f\xbf\xbf", 4, 4, 0x10FFFF },
	/* Only the first character counts. */
	{ "ab", 2, 1, 0x61 },
	{ "\xc3\xa9x", 3, 2, 0xE9 },
	/* Overlong forms. */
	{ "\xc0\x80", 2, 0, 0 },
	{ "\xc0\xaf", 2, 0, 0 },
	{ "\xc1\xbf", 2, 0, 0 },
	{ "\xe0\x80\x80", 3, 0, 0 },
	{ "\xe0\x9f\xbf", 3, 0, 0 },
	{ "\xf0\x80\x80\x80", 4, 0, 0 },
	{ "\xf0\x8f\xbf\xbf", 4, 0, 0 },
	/* Surrogates. */
	{ "\xed\xa0\x80", 3, 0, 0 },
	{ "\xed\xad\xbf", 3, 0, 0 },
	{ "\xed\xb0\x80", 3, 0, 0 },
	{ "\xed\xbf\xbf", 3, 0, 0 },
	/* Above U+10FFFF, and bytes that never lead. */
	{ "\xf4\x90\x80\x80", 4, 0, 0 },
	{ "\xf5\x80\x80\x80", 4, 0, 0 },
	{ "\xf7\xbf\xbf\xbf", 4, 0, 0 },
	{ "\xf8\x88\x80\x80", 4, 0, 0 },
	{ "\xfe", 1, 0, 0 },
	{ "\xff", 1, 0, 0 },
	/* A stray continuation byte. */
	{ "\x80", 1, 0, 0 },
	{ "\xbf", 1, 0, 0 },
	/* Cut short: by the bytes given, or by a byte that does not
	 * continue. */
	{ "\xc3\xa9", 1, 0, 0 },
	{ "\xe2\x82\xac", 2, 0, 0 },
	{ "\xf0\x9f\x98\x80", 3, 0, 0 },
	{ "\xc3" "A", 2, 0, 0 },
	{ "\xe2\x82" "A", 3, 0, 0 },
	{ "\xe2" "\xc3\xa9", 3, 0, 0 },
	{ "\xf0\x9f\x98" "\xc0", 4, 0, 0 },
	/* Nothing given. */
	{ "A", 0, 0, 0 },
};

static void
test_decode(void **state)
{
	size_t		 i, len;
	uint32_t	 cp;

	for (i = 0; i < sizeof(seqs) / sizeof(seqs[0]); i++) {
		cp = 0xDEADBEEF;
		len = utf8_decode(seqs[i].s, seqs[i].n, &cp);
		if (len != seqs[i].len)
			fail_msg("utf8_decode case %zu: %zu bytes, not %zu", i,
			    len, seqs[i].len);
		if (len > 0 && cp != seqs[i].cp)
			fail_msg("utf8_decode case %zu: U+%04X, not U+%04X", i,
			    (unsigned)cp, (unsigned)seqs[i].cp);
		/* The code point is optional. */
		assert_int_equal(utf8_decode(seqs[i].s, seqs[i].n, NULL),
		    seqs[i].len);
		/* utf8_valid agrees on the bytes given, when whole. */
		if (seqs[i].n > 0 && seqs[i].len == seqs[i].n)
			assert_int_equal(utf8_valid(seqs[i].s, seqs[i].n), 1);
		if (seqs[i].len == 0 && seqs[i].n > 0)
			assert_int_equal(utf8_valid(seqs[i].s, seqs[i].n), 0);
	}
}

/* utf8_seq reads a NUL-terminated string and stops at its NUL. */
static void
test_seq(void **state)
{
	static const struct {
		const char	*s;
		size_t		 len;
	} c[] = {
		{ "", 0 },
		{ "A", 1 },
		{ "\xc3\xa9", 2 },
		{ "\xe2\x82\xac!", 3 },
		{ "\xf0\x9f\x98\x80", 4 },
		{ "\xc3", 0 },			/* the NUL cuts it */
		{ "\xe2\x82", 0 },
		{ "\xf0\x9f\x98", 0 },
		{ "\xed\xa0\x80", 0 },
		{ "\xc0\x80", 0 },
		{ "\x80", 0 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		if (utf8_seq(c[i].s) != c[i].len)
			fail_msg("utf8_seq case %zu", i);
}

/* Encoding gives back every well-formed sequence of the table. */
static void
test_encode(void **state)
{
	static const uint32_t	 bad[] = { 0xD800, 0xDBFF, 0xDC00, 0xDFFF,
	    0x110000, 0xFFFFFFFF };
	char			 out[UTF8_MAX];
	size_t			 i, len;

	for (i = 0; i < sizeof(seqs) / sizeof(seqs[0]); i++) {
		if (seqs[i].len == 0 || seqs[i].len != seqs[i].n)
			continue;
		len = utf8_encode(seqs[i].cp, out);
		assert_int_equal(len, seqs[i].len);
		assert_memory_equal(out, seqs[i].s, len);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(utf8_encode(bad[i], out), 0);
}

/* Counting characters and cutting at a character boundary. */
static void
test_count(void **state)
{
	static const struct {
		const char	*s;
		size_t		 chars;
		size_t		 max;		/* for utf8_prefix */
		size_t		 prefix;
	} c[] = {
		{ "", 0, 0, 0 },
		{ "", 0, 3, 0 },
		{ "abc", 3, 0, 0 },
		{ "abc", 3, 2, 2 },
		{ "abc", 3, 3, 3 },
		{ "abc", 3, 9, 3 },
		{ "h\xc3\xa9llo", 5, 1, 1 },
		{ "h\xc3\xa9llo", 5, 2, 3 },
		{ "\xe2\x82\xac\xe2\x82\xac", 2, 1, 3 },
		{ "\xf0\x9f\x98\x80x", 2, 1, 4 },
		{ "\xf0\x9f\x98\x80x", 2, 2, 5 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		if (utf8_chars(c[i].s) != c[i].chars)
			fail_msg("utf8_chars case %zu", i);
		if (utf8_prefix(c[i].s, c[i].max) != c[i].prefix)
			fail_msg("utf8_prefix case %zu", i);
	}
}

/* Whole strings: a single bad byte anywhere makes them invalid. */
static void
test_valid(void **state)
{
	static const struct {
		const char	*s;
		int		 ok;
	} c[] = {
		{ "", 1 },
		{ "plain ASCII", 1 },
		{ "Gr\xc3\xbc\xc3\x9f" "e \xe2\x82\xac \xf0\x9f\x98\x80", 1 },
		{ "ends cut \xe2\x82", 0 },
		{ "a surrogate \xed\xa0\x80 inside", 0 },
		{ "an overlong slash \xc0\xaf", 0 },
		{ "\xf4\x90\x80\x80 too high", 0 },
		{ "stray \x80 byte", 0 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		if (utf8_valid(c[i].s, strlen(c[i].s)) != c[i].ok)
			fail_msg("utf8_valid case %zu", i);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_seq),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_count),
		cmocka_unit_test(test_valid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
