/*
 * test-json.c: the strict JSON reader: a table of accepted texts with
 * their canonical form, a table of refused ones, the limits, the
 * accessors, and a body of the shape BigBlueButton's analytics
 * callback posts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "lib/util.h"
#include "lib/json.h"

/* One text and what parsing it gives. */
struct jcase {
	const char	*in;
	size_t		 len;	/* 0: strlen(in) */
	enum json_rc	 rc;
	const char	*want;	/* json_write of the tree when rc is OK */
};

/* Parse c->in and compare the outcome.  Allocates in its own arena. */
static void
check(const struct jcase *c, const struct json_limits *lim)
{
	struct arena	*a = arena_new();
	struct json	*v;
	struct buf	 b;
	enum json_rc	 rc;

	rc = json_parse(a, c->in, c->len ? c->len : strlen(c->in), lim, &v);
	if (rc != c->rc)
		fail_msg("\"%s\": rc %d, want %d", c->in, rc, c->rc);
	if (rc == JSON_OK) {
		buf_init(&b);
		buf_puts(&b, "");
		json_write(&b, v);
		if (strcmp(b.data, c->want) != 0)
			fail_msg("\"%s\": gave %s, want %s", c->in, b.data,
			    c->want);
		buf_free(&b);
	} else
		assert_null(v);
	arena_free(a);
}

/* Texts strict JSON accepts, and their canonical (compact) form. */
static void
test_accepted(void **state)
{
	static const struct jcase cases[] = {
		{ "0", 0, JSON_OK, "0" },
		{ " -0 ", 0, JSON_OK, "-0" },
		{ "12.5e-3", 0, JSON_OK, "12.5e-3" },
		{ "1E+2", 0, JSON_OK, "1E+2" },
		{ "true", 0, JSON_OK, "true" },
		{ "\tfalse\r\n", 0, JSON_OK, "false" },
		{ "null", 0, JSON_OK, "null" },
		{ "\"\"", 0, JSON_OK, "\"\"" },
		{ "[]", 0, JSON_OK, "[]" },
		{ "{}", 0, JSON_OK, "{}" },
		{ "[ 1 , [ ] , { } ]", 0, JSON_OK, "[1,[],{}]" },
		{ "{\"a\" : 1, \"b\":[true,null]}", 0, JSON_OK,
		    "{\"a\":1,\"b\":[true,null]}" },
		{ "{\"\":0}", 0, JSON_OK, "{\"\":0}" },
		/* Escapes decode; the writer escapes only what it must. */
		{ "\"a\\\"b\\\\c\\/d\\n\\t\\b\"", 0, JSON_OK,
		    "\"a\\\"b\\\\c/d\\n\\t\\u0008\"" },
		{ "\"\\u00e9\\u20AC\"", 0, JSON_OK, "\"\xc3\xa9\xe2\x82\xac\"" },
		{ "\"\\ud83d\\ude00\"", 0, JSON_OK, "\"\xf0\x9f\x98\x80\"" },
		{ "\"\xf0\x9f\x98\x80 caf\xc3\xa9\"", 0, JSON_OK,
		    "\"\xf0\x9f\x98\x80 caf\xc3\xa9\"" },
		/* Same name in different objects is fine. */
		{ "[{\"a\":1},{\"a\":2}]", 0, JSON_OK, "[{\"a\":1},{\"a\":2}]" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check(&cases[i], NULL);
}

/* Texts a lenient reader might take and this one refuses. */
static void
test_refused(void **state)
{
	static const struct jcase cases[] = {
		{ "", 0, JSON_MALFORMED, NULL },
		{ "   ", 0, JSON_MALFORMED, NULL },
		{ "01", 0, JSON_MALFORMED, NULL },
		{ "-", 0, JSON_MALFORMED, NULL },
		{ "1.", 0, JSON_MALFORMED, NULL },
		{ ".5", 0, JSON_MALFORMED, NULL },
		{ "1e", 0, JSON_MALFORMED, NULL },
		{ "+1", 0, JSON_MALFORMED, NULL },
		{ "0x10", 0, JSON_MALFORMED, NULL },
		{ "NaN", 0, JSON_MALFORMED, NULL },
		{ "tru", 0, JSON_MALFORMED, NULL },
		{ "nul", 0, JSON_MALFORMED, NULL },
		{ "True", 0, JSON_MALFORMED, NULL },
		{ "[1,]", 0, JSON_MALFORMED, NULL },
		{ "[,1]", 0, JSON_MALFORMED, NULL },
		{ "{\"a\":1,}", 0, JSON_MALFORMED, NULL },
		{ "{a:1}", 0, JSON_MALFORMED, NULL },
		{ "{'a':1}", 0, JSON_MALFORMED, NULL },
		{ "{\"a\" 1}", 0, JSON_MALFORMED, NULL },
		{ "{\"a\":1 \"b\":2}", 0, JSON_MALFORMED, NULL },
		{ "{\"a\":1,\"a\":2}", 0, JSON_MALFORMED, NULL },
		{ "{\"b\":0,\"a\":1,\"c\":2,\"a\":3}", 0, JSON_MALFORMED, NULL },
		{ "[1] [2]", 0, JSON_MALFORMED, NULL },
		{ "[1]x", 0, JSON_MALFORMED, NULL },
		{ "[", 0, JSON_MALFORMED, NULL },
		{ "{", 0, JSON_MALFORMED, NULL },
		{ "]", 0, JSON_MALFORMED, NULL },
		{ "// c\n1", 0, JSON_MALFORMED, NULL },
		{ "/* c */ 1", 0, JSON_MALFORMED, NULL },
		{ "\"abc", 0, JSON_MALFORMED, NULL },
		{ "\"a\\\"", 0, JSON_MALFORMED, NULL },
		{ "\"tab\there\"", 0, JSON_MALFORMED, NULL },
		{ "\"new\nline\"", 0, JSON_MALFORMED, NULL },
		{ "\"\\x41\"", 0, JSON_MALFORMED, NULL },
		{ "\"\\u12\"", 0, JSON_MALFORMED, NULL },
		{ "\"\\u0000\"", 0, JSON_MALFORMED, NULL },
		{ "\"\\ud83d\"", 0, JSON_MALFORMED, NULL },
		{ "\"\\ud83dx\"", 0, JSON_MALFORMED, NULL },
		{ "\"\\ud83d\\u0041\"", 0, JSON_MALFORMED, NULL },
		{ "\"\\ude00\"", 0, JSON_MALFORMED, NULL },
		/* Bad UTF-8: stray continuation, overlong, surrogate, > U+10FFFF. */
		{ "\"\x80\"", 0, JSON_MALFORMED, NULL },
		{ "\"\xc0\xaf\"", 0, JSON_MALFORMED, NULL },
		{ "\"\xe0\x80\xaf\"", 0, JSON_MALFORMED, NULL },
		{ "\"\xed\xa0\x80\"", 0, JSON_MALFORMED, NULL },
		{ "\"\xf4\x90\x80\x80\"", 0, JSON_MALFORMED, NULL },
		{ "\"\xe2\x82\"", 0, JSON_MALFORMED, NULL },
		/* A byte order mark is not whitespace. */
		{ "\xef\xbb\xbf{}", 0, JSON_MALFORMED, NULL },
		/* NUL bytes inside the length: neither in nor out of strings. */
		{ "[1]\0", 4, JSON_MALFORMED, NULL },
		{ "\"a\0b\"", 5, JSON_MALFORMED, NULL },
	};
	size_t	 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check(&cases[i], NULL);
}

/* Size, depth and node limits, and their defaults. */
static void
test_limits(void **state)
{
	struct json_limits	 lim = { 0 };
	struct arena		*a = arena_new();
	struct json		*v;
	struct buf		 b;
	size_t			 i;

	lim.max_depth = 3;
	check(&(struct jcase){ "[[[1]]]", 0, JSON_OK, "[[[1]]]" }, &lim);
	check(&(struct jcase){ "[[[[1]]]]", 0, JSON_TOO_BIG, NULL }, &lim);
	check(&(struct jcase){ "{\"a\":{\"b\":{\"c\":{}}}}", 0, JSON_TOO_BIG,
	    NULL }, &lim);
	lim.max_depth = 0;
	lim.max_nodes = 4;
	check(&(struct jcase){ "[1,2,3]", 0, JSON_OK, "[1,2,3]" }, &lim);
	check(&(struct jcase){ "[1,2,3,4]", 0, JSON_TOO_BIG, NULL }, &lim);
	lim.max_nodes = 0;
	lim.max_size = 8;
	check(&(struct jcase){ "[1,2,34]", 0, JSON_OK, "[1,2,34]" }, &lim);
	check(&(struct jcase){ "[1,2,345]", 0, JSON_TOO_BIG, NULL }, &lim);

	/* The default depth (32) takes 32 levels and refuses 33. */
	buf_init(&b);
	for (i = 0; i < 32; i++)
		buf_putc(&b, '[');
	for (i = 0; i < 32; i++)
		buf_putc(&b, ']');
	assert_int_equal(json_parse(a, b.data, b.len, NULL, &v), JSON_OK);
	buf_reset(&b);
	for (i = 0; i < 33; i++)
		buf_putc(&b, '[');
	for (i = 0; i < 33; i++)
		buf_putc(&b, ']');
	assert_int_equal(json_parse(a, b.data, b.len, NULL, &v),
	    JSON_TOO_BIG);
	/* Deep nesting far past the limit stops early, without a crash. */
	buf_reset(&b);
	for (i = 0; i < 200000; i++)
		buf_putc(&b, '[');
	assert_int_equal(json_parse(a, b.data, b.len, NULL, &v),
	    JSON_TOO_BIG);
	/* A large object with unique names parses; one duplicate fails. */
	buf_reset(&b);
	buf_putc(&b, '{');
	for (i = 0; i < 5000; i++)
		buf_printf(&b, "%s\"k%zu\":%zu", i ? "," : "", i, i);
	buf_putc(&b, '}');
	assert_int_equal(json_parse(a, b.data, b.len, NULL, &v), JSON_OK);
	assert_int_equal(v->n, 5000);
	b.data[b.len - 1] = ',';
	buf_puts(&b, "\"k4321\":0}");
	assert_int_equal(json_parse(a, b.data, b.len, NULL, &v),
	    JSON_MALFORMED);
	buf_free(&b);
	/* A NULL text of length 0 is simply not JSON. */
	assert_int_equal(json_parse(a, NULL, 0, NULL, &v), JSON_MALFORMED);
	arena_free(a);
}

/* json_get, json_str, json_int, json_num and json_bool. */
static void
test_accessors(void **state)
{
	struct arena	*a = arena_new();
	struct json	*v;
	const char	*t = "{\"s\":\"x\",\"i\":42,\"n\":-7,\"f\":2.5,"
	    "\"e\":1e3,\"big\":9223372036854775807,"
	    "\"over\":9223372036854775808,\"min\":-9223372036854775808,"
	    "\"t\":true,\"no\":false,\"z\":null}";
	long long	 n;
	double		 d;
	int		 b;

	assert_int_equal(json_parse(a, t, strlen(t), NULL, &v), JSON_OK);
	assert_string_equal(json_str(json_get(v, "s")), "x");
	assert_null(json_str(json_get(v, "i")));
	assert_null(json_get(v, "missing"));
	assert_null(json_get(json_get(v, "s"), "s"));
	assert_null(json_get(NULL, "s"));

	assert_true(json_int(json_get(v, "i"), 0, 100, &n));
	assert_int_equal(n, 42);
	assert_false(json_int(json_get(v, "i"), 0, 41, &n));
	assert_true(json_int(json_get(v, "n"), -10, 10, &n));
	assert_int_equal(n, -7);
	assert_false(json_int(json_get(v, "n"), 0, 10, &n));
	assert_false(json_int(json_get(v, "f"), 0, 10, &n));
	assert_false(json_int(json_get(v, "e"), 0, 10000, &n));
	assert_false(json_int(json_get(v, "s"), 0, 10, &n));
	assert_true(json_int(json_get(v, "big"), 0, INT64_MAX, &n));
	assert_true(n == INT64_MAX);
	assert_false(json_int(json_get(v, "over"), 0, INT64_MAX, &n));
	assert_true(json_int(json_get(v, "min"), INT64_MIN, 0, &n));
	assert_true(n == INT64_MIN);
	assert_false(json_int(json_get(v, "min"), INT64_MIN + 1, 0, &n));

	assert_true(json_num(json_get(v, "f"), &d));
	assert_true(d == 2.5);
	assert_true(json_num(json_get(v, "e"), &d));
	assert_true(d == 1000.0);
	assert_false(json_num(json_get(v, "t"), &d));

	assert_true(json_bool(json_get(v, "t"), &b));
	assert_int_equal(b, 1);
	assert_true(json_bool(json_get(v, "no"), &b));
	assert_int_equal(b, 0);
	assert_false(json_bool(json_get(v, "z"), &b));
	assert_int_equal(json_get(v, "z")->type, JSON_NULL);
	arena_free(a);
}

/* The analytics callback's shape reads as Lectern reads it. */
static void
test_analytics_shape(void **state)
{
	static const char body[] =
	    "{\"version\":\"1.0\",\"meeting_id\":\"m1\","
	    "\"internal_meeting_id\":\"abc-1\",\"data\":{\"metadata\":{},"
	    "\"duration\":300,\"start\":\"2024-05-09T13:35:28.000Z\","
	    "\"attendees\":[{\"ext_user_id\":\"42\",\"name\":\"Ana\","
	    "\"moderator\":true,\"joins\":[\"2024-05-09T13:35:30.000Z\"],"
	    "\"leaves\":[\"2024-05-09T13:40:28.000Z\"],\"duration\":298.5,"
	    "\"engagement\":{\"chats\":3,\"talks\":2,\"raisehand\":1,"
	    "\"emojis\":0,\"poll_votes\":1,\"talk_time\":40}}],\"polls\":[]}}";
	struct arena		*a = arena_new();
	struct json		*v;
	const struct json	*att, *e;
	long long		 n;
	double			 d;

	assert_int_equal(json_parse(a, body, strlen(body), NULL, &v), JSON_OK);
	assert_string_equal(json_str(json_get(v, "meeting_id")), "m1");
	att = json_get(json_get(v, "data"), "attendees");
	assert_non_null(att);
	assert_int_equal(att->type, JSON_ARRAY);
	assert_int_equal(att->n, 1);
	assert_string_equal(json_str(json_get(att->child, "ext_user_id")),
	    "42");
	assert_true(json_num(json_get(att->child, "duration"), &d));
	assert_true(d == 298.5);
	e = json_get(att->child, "engagement");
	assert_true(json_int(json_get(e, "chats"), 0, 1000, &n));
	assert_int_equal(n, 3);
	assert_int_equal(json_get(att->child, "joins")->n, 1);
	arena_free(a);
}

/* Run the tests as one group; exits with the number of failures. */
int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_accepted),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_accessors),
		cmocka_unit_test(test_analytics_shape),
	};

	return cmocka_run_group_tests_name("json", tests, NULL, NULL);
}
