/*
 * test-vtt.c: the WebVTT reader (vtt.h): well-formed files with voice
 * tags, cue ids, multi-line cues, notes and styles; each kind of fault
 * refused with its sentence (missing header, malformed and backwards
 * timings, cues out of order or overlapping, NUL bytes, ill-formed
 * UTF-8, size and length limits); hostile input that must neither crash
 * nor pass.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/util.h"
#include "lib/vtt.h"

/* Parse s (len bytes; 0: strlen); returns what vtt_parse did. */
static int
parse(struct arena *a, const char *s, size_t len, struct vtt_cue **c,
    size_t *n, char *err)
{
	return vtt_parse(a, s, len ? len : strlen(s), c, n, err, 200);
}

static void
test_voices(void **state)
{
	static const char f[] =
	    "WEBVTT - a lesson\n"
	    "Kind: captions\n"
	    "\n"
	    "NOTE made by hand\n"
	    "spanning two lines\n"
	    "\n"
	    "STYLE\n"
	    "::cue { color: red }\n"
	    "\n"
	    "1\n"
	    "00:00:01.000 --> 00:00:04.500 align:start\n"
	    "<v Ada Lovelace>Good morning, everyone.\n"
	    "\n"
	    "intro-2\n"
	    "00:04.500 --> 00:07.250\n"
	    "<v.loud Ada Lovelace>Today: &lt;engines&gt; &amp; numbers.</v>\n"
	    "\n"
	    "01:02:03.004 --> 01:02:05.000\n"
	    "<v Charles>Two lines,\n"
	    "<i>the second</i> in italics.\n"
	    "\n"
	    "01:02:06.000 --> 01:02:07.000\n"
	    "No voice at all.\n";
	struct arena	*a = arena_new();
	struct vtt_cue	*c;
	size_t		 n;
	char		 err[200];

	(void)state;
	assert_int_equal(parse(a, f, 0, &c, &n, err), 1);
	assert_int_equal(n, 4);
	assert_int_equal(c[0].start_ms, 1000);
	assert_int_equal(c[0].end_ms, 4500);
	assert_string_equal(c[0].id, "1");
	assert_string_equal(c[0].speaker, "Ada Lovelace");
	assert_string_equal(c[0].text, "Good morning, everyone.");
	assert_int_equal(c[0].line, 11);
	assert_string_equal(c[1].id, "intro-2");
	assert_int_equal(c[1].start_ms, 4500);
	assert_int_equal(c[1].end_ms, 7250);
	assert_string_equal(c[1].speaker, "Ada Lovelace");
	assert_string_equal(c[1].text, "Today: <engines> & numbers.");
	assert_null(c[2].id);
	assert_int_equal(c[2].start_ms, 3723004);
	assert_string_equal(c[2].speaker, "Charles");
	assert_string_equal(c[2].text, "Two lines,\nthe second in italics.");
	assert_null(c[3].speaker);
	assert_string_equal(c[3].text, "No voice at all.");
	arena_free(a);
}

static void
test_line_ends(void **state)
{
	struct arena	*a = arena_new();
	struct vtt_cue	*c;
	size_t		 n;
	char		 err[200];

	(void)state;
	/* A byte-order mark, CRLF, and no line end at the very end. */
	assert_int_equal(parse(a, "\xef\xbb\xbfWEBVTT\r\n\r\n00:00.000 --> "
	    "00:01.000\r\n<v B\xc3\xa9" "a>h\xc3\xa9" "llo\r\n\r\n00:01.000 --> "
	    "00:02.000\r\nbye", 0, &c, &n, err), 1);
	assert_int_equal(n, 2);
	assert_string_equal(c[0].speaker, "B\xc3\xa9" "a");
	assert_string_equal(c[0].text, "h\xc3\xa9" "llo");
	assert_string_equal(c[1].text, "bye");
	/* Lone CRs. */
	assert_int_equal(parse(a, "WEBVTT\r\r00:00.000 --> 00:01.000\rx\r",
	    0, &c, &n, err), 1);
	assert_int_equal(n, 1);
	assert_string_equal(c[0].text, "x");
	arena_free(a);
}

/* Files refused, with a fragment of their sentence. */
static const struct {
	const char	*in;
	const char	*why;
} bad[] = {
	{ "", "first line must be \"WEBVTT\"" },
	{ "00:00.000 --> 00:01.000\nhi\n", "first line must be" },
	{ "WEBVTTX\n\n00:00.000 --> 00:01.000\nhi\n", "first line must be" },
	{ "webvtt\n\n00:00.000 --> 00:01.000\nhi\n", "first line must be" },
	{ "WEBVTT\n00:00.000 --> 00:01.000\nhi\n", "Line 2: a blank line" },
	{ "WEBVTT\n", "holds no cues" },
	{ "WEBVTT\n\nNOTE only a note\n", "holds no cues" },
	{ "WEBVTT\n\njust text\nmore text\n", "Line 3: a cue id must be" },
	{ "WEBVTT\n\nan id\n", "Line 3: a cue id must be" },
	{ "WEBVTT\n\n0:00.000 --> 00:01.000\nx\n", "Line 3: malformed" },
	{ "WEBVTT\n\n00:00.00 --> 00:01.000\nx\n", "Line 3: malformed" },
	{ "WEBVTT\n\n00:00,000 --> 00:01.000\nx\n", "Line 3: malformed" },
	{ "WEBVTT\n\n00:60.000 --> 01:01.000\nx\n", "Line 3: malformed" },
	{ "WEBVTT\n\n00:00:00.000 --> 00:61:00.000\nx\n", "malformed" },
	{ "WEBVTT\n\n00:00.000-->00:01.000\nx\n", "Line 3: malformed" },
	{ "WEBVTT\n\n00:00.000 -> 00:01.000\nx\n", "Line 3: a cue id" },
	{ "WEBVTT\n\n00:00.000 --> 00:01.0000\nx\n", "Line 3: malformed" },
	{ "WEBVTT\n\n00:00.000 --> \nx\n", "Line 3: malformed" },
	{ "WEBVTT\n\n00:00.000 --> 00:01.000x\nx\n", "Line 3: malformed" },
	{ "WEBVTT\n\n123456:00:00.000 --> 123456:00:01.000\nx\n",
	    "Line 3: malformed" },
	{ "WEBVTT\n\n00:05.000 --> 00:01.000\nx\n", "Line 3: the cue ends "
	    "before it starts" },
	{ "WEBVTT\n\n00:05.000 --> 00:05.000\nx\n", "ends before" },
	{ "WEBVTT\n\n00:05.000 --> 00:06.000\nx\n\n00:01.000 --> "
	    "00:02.000\ny\n", "Line 6: the cues are out of order" },
	{ "WEBVTT\n\n00:01.000 --> 00:06.000\nx\n\n00:02.000 --> "
	    "00:07.000\ny\n", "Line 6: this cue starts before" },
	{ "WEBVTT\n\n00:01.000 --> 00:02.000\nx\n00:02.000 --> 00:03.000\n"
	    "y\n", "Line 5: a blank line must separate" },
	{ "WEBVTT\n\n00:00.000 --> 00:01.000\n\xc3\x28\n", "not valid UTF-8" },
	{ "WEBVTT\n\n00:00.000 --> 00:01.000\n\xed\xa0\x80\n",
	    "not valid UTF-8" },
	{ "\xff\xfeW\0E\0B\0V\0T\0T\0", "not valid UTF-8" },
};

static void
test_refused(void **state)
{
	struct arena	*a = arena_new();
	struct vtt_cue	*c;
	size_t		 i, n;
	char		 err[200];

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err[0] = '\0';
		if (parse(a, bad[i].in, 0, &c, &n, err) != 0)
			fail_msg("case %zu was accepted", i);
		if (strstr(err, bad[i].why) == NULL)
			fail_msg("case %zu: \"%s\" lacks \"%s\"", i, err,
			    bad[i].why);
		assert_null(c);
		assert_int_equal(n, 0);
	}
	arena_free(a);
}

static void
test_hostile(void **state)
{
	static const char nul[] = "WEBVTT\n\n00:00.000 --> 00:01.000\na\0b\n";
	struct arena	*a = arena_new();
	struct vtt_cue	*c;
	struct buf	 b;
	size_t		 n, i;
	char		 err[200];

	(void)state;
	/* A NUL byte, wherever it is. */
	assert_int_equal(parse(a, nul, sizeof(nul) - 1, &c, &n, err), 0);
	assert_non_null(strstr(err, "NUL byte"));
	/* Too large as a whole: refused before it is read. */
	buf_init(&b);
	buf_puts(&b, "WEBVTT\n\n");
	while (b.len <= VTT_MAX_BYTES)
		buf_puts(&b, "NOTE padding padding padding padding\n\n");
	assert_int_equal(parse(a, b.data, b.len, &c, &n, err), 0);
	assert_non_null(strstr(err, "larger than 2 MB"));
	/* One huge cue. */
	buf_reset(&b);
	buf_puts(&b, "WEBVTT\n\n00:00.000 --> 00:01.000\n");
	for (i = 0; i < VTT_MAX_TEXT / 10 + 1; i++)
		buf_puts(&b, "0123456789");
	buf_puts(&b, "\n");
	assert_int_equal(parse(a, b.data, b.len, &c, &n, err), 0);
	assert_non_null(strstr(err, "Line 4: the cue's text is longer"));
	/* A speaker's name too long. */
	buf_reset(&b);
	buf_puts(&b, "WEBVTT\n\n00:00.000 --> 00:01.000\n<v ");
	for (i = 0; i < 11; i++)
		buf_puts(&b, "abcdefghij");
	buf_puts(&b, ">hi\n");
	assert_int_equal(parse(a, b.data, b.len, &c, &n, err), 0);
	assert_non_null(strstr(err, "speaker's name is longer"));
	/* Too many cues. */
	buf_reset(&b);
	buf_puts(&b, "WEBVTT\n");
	for (i = 0; i <= VTT_MAX_CUES; i++)
		buf_printf(&b, "\n%02zu:%02zu:%02zu.000 --> %02zu:%02zu:%02zu."
		    "500\nx\n", i / 3600, i / 60 % 60, i % 60, i / 3600,
		    i / 60 % 60, i % 60);
	assert_int_equal(parse(a, b.data, b.len, &c, &n, err), 0);
	assert_non_null(strstr(err, "more than 20000 cues"));
	/* Exactly the limit passes. */
	buf_reset(&b);
	buf_puts(&b, "WEBVTT\n");
	for (i = 0; i < VTT_MAX_CUES; i++)
		buf_printf(&b, "\n%02zu:%02zu:%02zu.000 --> %02zu:%02zu:%02zu."
		    "500\nx\n", i / 3600, i / 60 % 60, i % 60, i / 3600,
		    i / 60 % 60, i % 60);
	assert_int_equal(parse(a, b.data, b.len, &c, &n, err), 1);
	assert_int_equal(n, VTT_MAX_CUES);
	buf_free(&b);
	/* Unclosed tags and stray ampersands keep the file readable. */
	assert_int_equal(parse(a, "WEBVTT\n\n00:00.000 --> 00:01.000\n"
	    "<v Eve>a & b &bogus; <b unclosed\n", 0, &c, &n, err), 1);
	assert_string_equal(c[0].speaker, "Eve");
	assert_string_equal(c[0].text, "a & b &bogus;");
	/* A voice tag with no name gives no speaker. */
	assert_int_equal(parse(a, "WEBVTT\n\n00:00.000 --> 00:01.000\n"
	    "<v >who?\n", 0, &c, &n, err), 1);
	assert_null(c[0].speaker);
	assert_string_equal(c[0].text, "who?");
	arena_free(a);
}

static void
test_clock(void **state)
{
	char	 s[16];

	(void)state;
	vtt_clock(0, s, sizeof(s));
	assert_string_equal(s, "0:00");
	vtt_clock(65999, s, sizeof(s));
	assert_string_equal(s, "1:05");
	vtt_clock(3723004, s, sizeof(s));
	assert_string_equal(s, "1:02:03");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_voices),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_clock),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
