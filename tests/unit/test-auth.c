/*
 * test-auth.c: the pre-sign-in CSRF cookie: its name (__Host- prefixed
 * when Secure), the attributes it is set with, and its form token, an
 * HMAC of the cookie's nonce that a pair of the browser's own choosing
 * does not pass.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "lib/crypto.h"
#include "lib/util.h"
#include "core/auth.h"
#include "core/config.h"
#include "core/out.h"
#include "core/req.h"

#define KEY	"a long random secret key"
#define NONCE	"0123456789abcdef0123456789abcdef"

/* The name follows Secure; Secure follows cookie_secure, or HTTPS. */
static void
test_pre_cookie_name(void **state)
{
	struct config	 cfg;
	struct req	 r;

	assert_string_equal(pre_cookie_name(0), "lectern_pre");
	assert_string_equal(pre_cookie_name(1), "__Host-lectern_pre");
	memset(&cfg, 0, sizeof(cfg));
	memset(&r, 0, sizeof(r));
	r.cfg = &cfg;
	cfg.cookie_secure = -1;
	r.https = 0;
	assert_int_equal(out_cookie_secure(&r), 0);
	r.https = 1;
	assert_int_equal(out_cookie_secure(&r), 1);
	cfg.cookie_secure = 0;
	assert_int_equal(out_cookie_secure(&r), 0);
	cfg.cookie_secure = 1;
	r.https = 0;
	assert_int_equal(out_cookie_secure(&r), 1);
}

/* A __Host- cookie goes out Secure, with Path=/ and no Domain. */
static void
test_pre_cookie_attributes(void **state)
{
	struct config	 cfg;
	struct req	 r;

	memset(&cfg, 0, sizeof(cfg));
	memset(&r, 0, sizeof(r));
	r.cfg = &cfg;
	cfg.cookie_secure = -1;
	r.https = 1;
	buf_init(&r.headers);
	out_cookie(&r, pre_cookie_name(out_cookie_secure(&r)), NONCE, -1);
	buf_putc(&r.headers, '\0');
	assert_string_equal(r.headers.data, "Set-Cookie: __Host-lectern_pre="
	    NONCE "; Path=/; HttpOnly; SameSite=Lax; Secure\r\n");
	buf_free(&r.headers);
}

/* The token: 32 hex digits, fixed for a key and nonce, not the nonce. */
static void
test_pre_token(void **state)
{
	char	 t1[2 * TOKEN_BYTES + 1], t2[2 * TOKEN_BYTES + 1];
	size_t	 i;

	pre_token(KEY, strlen(KEY), NONCE, t1);
	assert_int_equal(strlen(t1), 2 * TOKEN_BYTES);
	for (i = 0; t1[i] != '\0'; i++)
		assert_non_null(strchr("0123456789abcdef", t1[i]));
	assert_string_not_equal(t1, NONCE);
	pre_token(KEY, strlen(KEY), NONCE, t2);
	assert_string_equal(t1, t2);
	pre_token("another key", 11, NONCE, t2);
	assert_string_not_equal(t1, t2);
	pre_token(KEY, strlen(KEY), "fedcba9876543210fedcba9876543210", t2);
	assert_string_not_equal(t1, t2);
}

/* Only the nonce's own token passes; a pair the browser chose does not. */
static void
test_pre_token_ok(void **state)
{
	char	 tok[2 * TOKEN_BYTES + 1], bad[2 * TOKEN_BYTES + 1];

	pre_token(KEY, strlen(KEY), NONCE, tok);
	assert_true(pre_token_ok(KEY, strlen(KEY), NONCE, tok));
	/* A planted cookie with its own value as the form token. */
	assert_false(pre_token_ok(KEY, strlen(KEY), NONCE, NONCE));
	/* The token of another key, or of another nonce. */
	assert_false(pre_token_ok("another key", 11, NONCE, tok));
	assert_false(pre_token_ok(KEY, strlen(KEY),
	    "fedcba9876543210fedcba9876543210", tok));
	/* One digit changed. */
	memcpy(bad, tok, sizeof(bad));
	bad[0] = bad[0] == '0' ? '1' : '0';
	assert_false(pre_token_ok(KEY, strlen(KEY), NONCE, bad));
	/* Shapes: missing, short, long, upper case. */
	assert_false(pre_token_ok(KEY, strlen(KEY), NULL, tok));
	assert_false(pre_token_ok(KEY, strlen(KEY), NONCE, NULL));
	assert_false(pre_token_ok(KEY, strlen(KEY), "0123", tok));
	assert_false(pre_token_ok(KEY, strlen(KEY), NONCE "0", tok));
	assert_false(pre_token_ok(KEY, strlen(KEY),
	    "0123456789ABCDEF0123456789ABCDEF", tok));
	assert_false(pre_token_ok(KEY, strlen(KEY), NONCE, ""));
}

/* Run the tests as one group; exits with the number of failures. */
int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_pre_cookie_name),
		cmocka_unit_test(test_pre_cookie_attributes),
		cmocka_unit_test(test_pre_token),
		cmocka_unit_test(test_pre_token_ok),
	};

	if (!crypto_start())
		return 1;
	return cmocka_run_group_tests_name("auth", tests, NULL, NULL);
}
