/*
 * test-util.c: the arena (alignment, zeroing, big blocks, string
 * helpers, cleanup hooks) and the growable buffer.
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

/* Many allocations of odd sizes: aligned, zeroed, not overlapping. */
static void
test_arena_alloc(void **state)
{
	struct arena	*a = arena_new();
	unsigned char	*p[200];
	size_t		 i, j, n;

	for (i = 0; i < 200; i++) {
		n = i * 37 % 1000 + 1;
		p[i] = arena_alloc(a, n);
		assert_non_null(p[i]);
		assert_int_equal((uintptr_t)p[i] % _Alignof(max_align_t), 0);
		for (j = 0; j < n; j++)
			assert_int_equal(p[i][j], 0);
		memset(p[i], (int)(i & 0xff), n);
	}
	/* Writing every block must not have disturbed any other. */
	for (i = 0; i < 200; i++) {
		n = i * 37 % 1000 + 1;
		for (j = 0; j < n; j++)
			assert_int_equal(p[i][j], i & 0xff);
	}
	arena_free(a);
}

/* Blocks bigger than a chunk, and zero-size requests. */
static void
test_arena_big(void **state)
{
	struct arena	*a = arena_new();
	char		*big, *small, *zero;

	small = arena_alloc(a, 10);
	big = arena_alloc(a, 1024 * 1024);
	zero = arena_alloc(a, 0);
	assert_non_null(zero);
	assert_ptr_not_equal(zero, small);
	memset(big, 'x', 1024 * 1024);
	memcpy(small, "012345678", 10);
	assert_string_equal(small, "012345678");
	assert_int_equal(big[1024 * 1024 - 1], 'x');
	arena_free(a);
	arena_free(NULL);	/* must be harmless */
}

/* strdup, strndup (embedded stop), printf. */
static void
test_arena_strings(void **state)
{
	struct arena	*a = arena_new();
	const char	*src = "hello world";
	char		*d, *n, *p;

	d = arena_strdup(a, src);
	assert_string_equal(d, src);
	assert_ptr_not_equal(d, src);
	n = arena_strndup(a, src, 5);
	assert_string_equal(n, "hello");
	n = arena_strndup(a, src, 0);
	assert_string_equal(n, "");
	p = arena_printf(a, "%s-%d-%05.1f", "x", -42, 3.14159);
	assert_string_equal(p, "x--42-003.1");
	p = arena_printf(a, "%s", "");
	assert_string_equal(p, "");
	arena_free(a);
}

static char	hook_log[64];

/* Cleanup hook: record its argument's letter. */
static void
hook_note(void *arg)
{
	size_t	 n = strlen(hook_log);

	hook_log[n] = *(const char *)arg;
	hook_log[n + 1] = '\0';
}

/* Hooks run exactly once each, newest first, at arena_free. */
static void
test_arena_hooks(void **state)
{
	struct arena	*a = arena_new();

	hook_log[0] = '\0';
	arena_on_free(a, hook_note, arena_strdup(a, "a"));
	arena_on_free(a, hook_note, arena_strdup(a, "b"));
	(void)arena_alloc(a, 100000);	/* hooks survive chunk growth */
	arena_on_free(a, hook_note, arena_strdup(a, "c"));
	assert_string_equal(hook_log, "");
	arena_free(a);
	assert_string_equal(hook_log, "cba");
}

/* Appending in many small steps grows the buffer and keeps a NUL. */
static void
test_buf_grow(void **state)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b);
	assert_null(b.data);
	assert_int_equal(b.len, 0);
	for (i = 0; i < 5000; i++)
		buf_putc(&b, (char)('a' + i % 26));
	assert_int_equal(b.len, 5000);
	assert_true(b.cap > b.len);
	assert_int_equal(b.data[5000], '\0');
	assert_int_equal(b.data[0], 'a');
	assert_int_equal(b.data[4999], 'a' + 4999 % 26);
	buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.cap, 0);
}

/* Table of mixed operations and their expected contents. */
static void
test_buf_ops(void **state)
{
	struct buf	 b;

	buf_init(&b);
	buf_puts(&b, "abc");
	buf_append(&b, "d\0e", 3);
	assert_int_equal(b.len, 6);
	assert_memory_equal(b.data, "abcd\0e", 7);
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	buf_printf(&b, "%d:%s", 7, "seven");
	buf_printf(&b, "|%x", 255);
	assert_string_equal(b.data, "7:seven|ff");
	assert_int_equal(b.len, strlen("7:seven|ff"));
	buf_append(&b, "", 0);
	assert_int_equal(b.len, 10);
	buf_free(&b);

	/* Reset of a never-used buffer is harmless. */
	buf_init(&b);
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

/* A long printf crosses the first growth step. */
static void
test_buf_printf_long(void **state)
{
	struct buf	 b;
	char		 big[1001];

	memset(big, 'q', 1000);
	big[1000] = '\0';
	buf_init(&b);
	buf_puts(&b, "<");
	buf_printf(&b, "%s>", big);
	assert_int_equal(b.len, 1002);
	assert_int_equal(b.data[0], '<');
	assert_int_equal(b.data[1000], 'q');
	assert_int_equal(b.data[1001], '>');
	assert_int_equal(b.data[1002], '\0');
	buf_free(&b);
}

/* xmalloc family and the clock. */
static void
test_x_and_clock(void **state)
{
	char	*p = xcalloc(4, 8), *q;
	double	 t0, t1;
	int	 i;

	for (i = 0; i < 32; i++)
		assert_int_equal(p[i], 0);
	p = xrealloc(p, 4096);
	p[4095] = 1;
	free(p);
	q = xstrdup("dup");
	assert_string_equal(q, "dup");
	free(q);
	t0 = now_ms();
	t1 = now_ms();
	assert_true(t0 > 0);
	assert_true(t1 >= t0);
}

/* Run the tests as one group; exits with the number of failures. */
int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_arena_alloc),
		cmocka_unit_test(test_arena_big),
		cmocka_unit_test(test_arena_strings),
		cmocka_unit_test(test_arena_hooks),
		cmocka_unit_test(test_buf_grow),
		cmocka_unit_test(test_buf_ops),
		cmocka_unit_test(test_buf_printf_long),
		cmocka_unit_test(test_x_and_clock),
	};

	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
