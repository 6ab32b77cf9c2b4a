/*
 * test-escape.c: HTML and URL escaping, header value and redirect path
 * checks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "lib/util.h"
#include "lib/escape.h"

/* HTML escaping of every special character, and appending. */
static void
test_html(void **state)
{
	static const struct {
		const char	*in, *out;
	} c[] = {
		{ "", "" },
		{ "plain text", "plain text" },
		{ "<script>alert('x')</script>",
		    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" },
		{ "a & b", "a &amp; b" },
		{ "&amp;", "&amp;amp;" },
		{ "\" onmouseover=\"x", "&quot; onmouseover=&quot;x" },
		{ "<<>>", "&lt;&lt;&gt;&gt;" },
		{ "caf\xc3\xa9 \xe2\x82\xac", "caf\xc3\xa9 \xe2\x82\xac" },
		{ "end&", "end&amp;" },
	};
	struct buf	 b;
	size_t		 i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		buf_init(&b);
		buf_puts(&b, "[");
		esc_html(&b, c[i].in);
		buf_puts(&b, "]");
		assert_int_equal(b.len, strlen(c[i].out) + 2);
		assert_memory_equal(b.data + 1, c[i].out, strlen(c[i].out));
		buf_free(&b);
	}
	buf_init(&b);
	esc_html(&b, NULL);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

/* URL component encoding. */
static void
test_url(void **state)
{
	static const struct {
		const char	*in, *out;
	} c[] = {
		{ "", "" },
		{ "AZaz09-._~", "AZaz09-._~" },
		{ "a b", "a%20b" },
		{ "a+b=c&d", "a%2Bb%3Dc%26d" },
		{ "/path?q#f", "%2Fpath%3Fq%23f" },
		{ "caf\xc3\xa9", "caf%C3%A9" },
		{ "100%", "100%25" },
		{ "\x01\x7f\xff", "%01%7F%FF" },
	};
	struct arena	*a = arena_new();
	struct buf	 b;
	size_t		 i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		assert_string_equal(url_encode(a, c[i].in), c[i].out);
		buf_init(&b);
		buf_puts(&b, "x=");
		esc_url(&b, c[i].in);
		assert_int_equal(strncmp(b.data, "x=", 2), 0);
		assert_string_equal(b.data + 2, c[i].out);
		buf_free(&b);
	}
	arena_free(a);
}

/* Header values. */
static void
test_header_safe(void **state)
{
	static const struct {
		const char	*s;
		int		 ok;
	} c[] = {
		{ "", 1 },
		{ "text/html; charset=utf-8", 1 },
		{ "a\tb", 1 },
		{ "caf\xc3\xa9", 1 },
		{ "a\r\nSet-Cookie: x=1", 0 },
		{ "a\nb", 0 },
		{ "a\rb", 0 },
		{ "a\x01", 0 },
		{ "a\x7f", 0 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		if (header_safe(c[i].s) != c[i].ok)
			fail_msg("header_safe case %zu", i);
	assert_int_equal(header_safe(NULL), 0);
}

/* Redirect targets after sign-in: only same-site paths. */
static void
test_local_path(void **state)
{
	static const struct {
		const char	*s;
		int		 ok;
	} c[] = {
		{ "/", 1 },
		{ "/home", 1 },
		{ "/class/12?tab=files#top", 1 },
		{ "/a//b", 1 },
		{ "/login?next=https://x", 1 },
		{ "//evil.example", 0 },
		{ "/\\evil.example", 0 },
		{ "/a\\b", 0 },
		{ "https://evil.example/", 0 },
		{ "javascript:alert(1)", 0 },
		{ "evil.example", 0 },
		{ "", 0 },
		{ "/\t/evil.example", 0 },
		{ "/\n/evil.example", 0 },
		{ "/ok\r\nSet-Cookie: a=b", 0 },
		{ "/a b", 0 },
		{ "/\x7f", 0 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++)
		if (local_path_safe(c[i].s) != c[i].ok)
			fail_msg("local_path_safe case %zu (%s)", i, c[i].s);
	assert_int_equal(local_path_safe(NULL), 0);
}

/* Run the tests as one group; exits with the number of failures. */
int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_url),
		cmocka_unit_test(test_header_safe),
		cmocka_unit_test(test_local_path),
	};

	return cmocka_run_group_tests_name("escape", tests, NULL, NULL);
}
