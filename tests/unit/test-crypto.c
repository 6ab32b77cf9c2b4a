/*
 * test-crypto.c: password hashing, random tokens, digests and HMAC
 * against published vectors, constant-time comparison, base64url and
 * JWT signing/verification including the classic attacks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include <sodium.h>

#include "lib/util.h"
#include "lib/crypto.h"

/* Start libsodium once for the group. */
static int
setup(void **state)
{
	return crypto_start() ? 0 : -1;
}

/* Hash, verify, wrong password, and the stored format. */
static void
test_pw_hash_verify(void **state)
{
	char	 h[PW_HASH_MAX], h2[PW_HASH_MAX];

	assert_true(pw_hash("correct horse battery staple", h));
	assert_int_equal(strncmp(h, "$argon2id$", 10), 0);
	assert_true(strlen(h) < PW_HASH_MAX);
	assert_true(pw_verify(h, "correct horse battery staple"));
	assert_false(pw_verify(h, "correct horse battery stapl"));
	assert_false(pw_verify(h, "Correct horse battery staple"));
	assert_false(pw_verify(h, ""));
	assert_false(pw_verify(h, NULL));
	/* Salted: the same password hashes differently each time. */
	assert_true(pw_hash("correct horse battery staple", h2));
	assert_string_not_equal(h, h2);
	assert_true(pw_verify(h2, "correct horse battery staple"));
	/* Garbage and short hashes are refused without over-reading. */
	assert_false(pw_verify("", "x"));
	assert_false(pw_verify("$argon2id$", "x"));
	assert_false(pw_verify(NULL, "x"));
	/* Empty passwords still hash and verify (policy is elsewhere). */
	assert_true(pw_hash("", h));
	assert_true(pw_verify(h, ""));
	assert_false(pw_verify(h, " "));
}

/* Fresh hashes need no rehash; weaker or foreign ones do. */
static void
test_pw_needs_rehash(void **state)
{
	char	 h[PW_HASH_MAX], weak[crypto_pwhash_STRBYTES];

	assert_true(pw_hash("secret", h));
	assert_false(pw_needs_rehash(h));
	assert_int_equal(crypto_pwhash_str(weak, "secret", 6,
	    crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN), 0);
	assert_true(pw_verify(weak, "secret"));
	assert_true(pw_needs_rehash(weak));
	/* Argon2i (another algorithm) always needs a rehash. */
	assert_int_equal(crypto_pwhash_argon2i_str(weak, "secret", 6,
	    crypto_pwhash_argon2i_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_argon2i_MEMLIMIT_INTERACTIVE), 0);
	assert_true(pw_verify(weak, "secret"));
	assert_true(pw_needs_rehash(weak));
	assert_true(pw_needs_rehash(""));
	assert_true(pw_needs_rehash("$2y$10$abcdefghijklmnopqrstuv"));
	assert_true(pw_needs_rehash(NULL));
}

/* The dummy verification costs about what a real one does. */
static void
test_pw_dummy(void **state)
{
	char	 h[PW_HASH_MAX];
	double	 t0, real, dummy;

	assert_true(pw_hash("pw", h));
	pw_dummy_verify("warm up");	/* builds the dummy hash */
	t0 = now_ms();
	assert_true(pw_verify(h, "pw"));
	real = now_ms() - t0;
	t0 = now_ms();
	pw_dummy_verify("pw");
	dummy = now_ms() - t0;
	assert_true(dummy > real / 4);
	pw_dummy_verify(NULL);
}

/* 1 when s is n lowercase hex digits. */
static int
is_hex(const char *s, size_t n)
{
	size_t	 i;

	if (strlen(s) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (strchr("0123456789abcdef", s[i]) == NULL)
			return 0;
	return 1;
}

/* Token length, alphabet, no overrun and no repetition. */
static void
test_random_hex(void **state)
{
	char	 a[2 * TOKEN_BYTES + 1], b[2 * TOKEN_BYTES + 1];
	char	 big[2 * 100 + 2];

	random_hex(a, TOKEN_BYTES);
	random_hex(b, TOKEN_BYTES);
	assert_true(is_hex(a, 32));
	assert_true(is_hex(b, 32));
	assert_string_not_equal(a, b);
	memset(big, '#', sizeof(big));
	random_hex(big, 100);		/* more than one internal block */
	assert_true(is_hex(big, 200));
	assert_int_equal(big[201], '#');
	random_hex(a, 0);
	assert_string_equal(a, "");
}

/* Generated passwords avoid 0 O 1 l I and use the whole alphabet. */
static void
test_random_password(void **state)
{
	static const char	 alpha[] = "ABCDEFGHJKLMNPQRSTUVWXYZ"
	    "abcdefghijkmnopqrstuvwxyz23456789";
	char			 pw[41], seen[256];
	size_t			 i, j, distinct = 0;

	memset(seen, 0, sizeof(seen));
	for (i = 0; i < 100; i++) {
		memset(pw, '#', sizeof(pw));
		random_password(pw, 40);
		assert_int_equal(strlen(pw), 40);
		for (j = 0; j < 40; j++) {
			assert_non_null(strchr(alpha, pw[j]));
			assert_null(strchr("0O1lI", pw[j]));
			seen[(unsigned char)pw[j]] = 1;
		}
	}
	for (i = 0; i < sizeof(seen); i++)
		distinct += seen[i];
	assert_int_equal(distinct, sizeof(alpha) - 1);
	random_password(pw, 0);
	assert_string_equal(pw, "");
}

/* SHA-2 of "abc" (FIPS 180-2 examples). */
static void
test_sha(void **state)
{
	char	 h256[65], h512[129];

	sha256_hex("abc", 3, h256);
	assert_string_equal(h256, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	sha512_hex("abc", 3, h512);
	assert_string_equal(h512, "ddaf35a193617abacc417349ae204131"
	    "12e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
	    "454d4423643ce80e2a9ac94fa54ca49f");
	sha256_hex("", 0, h256);
	assert_string_equal(h256, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
}

/* HMAC against RFC 4231 test cases 2 and 6 (a key longer than a block). */
static void
test_hmac(void **state)
{
	unsigned char	 mac[64], key[131];
	char		 hex[129];
	const char	*msg = "what do ya want for nothing?";
	const char	*big = "Test Using Larger Than Block-Size Key - "
	    "Hash Key First";

	hmac_sha256_hex("Jefe", 4, msg, strlen(msg), hex);
	assert_string_equal(hex, "5bdcc146bf60754e6a042426089575c7"
	    "5a003f089d2739839dec58b964ec3843");
	hmac_sha256("Jefe", 4, msg, strlen(msg), mac);
	sodium_bin2hex(hex, sizeof(hex), mac, 32);
	assert_string_equal(hex, "5bdcc146bf60754e6a042426089575c7"
	    "5a003f089d2739839dec58b964ec3843");
	hmac_sha512("Jefe", 4, msg, strlen(msg), mac);
	sodium_bin2hex(hex, sizeof(hex), mac, 64);
	assert_string_equal(hex, "164b7a7bfcf819e2e395fbe73b56e0a3"
	    "87bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fd"
	    "caeab1a34d4a6b4b636e070a38bce737");
	memset(key, 0xaa, sizeof(key));
	hmac_sha256_hex(key, sizeof(key), big, strlen(big), hex);
	assert_string_equal(hex, "60e431591ee0b67f0d8a26aacbf5b77f"
	    "8e0bc6213728c5140546040f0ee37f54");
}

/* Constant-time string equality. */
static void
test_ct_streq(void **state)
{
	assert_true(ct_streq("abc", "abc"));
	assert_true(ct_streq("", ""));
	assert_false(ct_streq("abc", "abd"));
	assert_false(ct_streq("abc", "ab"));
	assert_false(ct_streq("ab", "abc"));
	assert_false(ct_streq("", "a"));
	assert_false(ct_streq(NULL, "a"));
	assert_false(ct_streq("a", NULL));
}

/* base64url vectors, canonical decoding and round trips. */
static void
test_b64url(void **state)
{
	static const struct {
		const char	*bin;
		size_t		 len;
		const char	*txt;
	} v[] = {
		{ "", 0, "" },
		{ "f", 1, "Zg" },
		{ "fo", 2, "Zm8" },
		{ "foo", 3, "Zm9v" },
		{ "foob", 4, "Zm9vYg" },
		{ "\xfb\xff", 2, "-_8" },
		{ "\0\0\0", 3, "AAAA" },
	};
	static const char *const	 bad[] = {
		"Zg==", "Zm8=", "+/8", "Zm9v!", "Z", "Zh", "Zm9", "Zm 9v",
	};
	struct arena	*a = arena_new();
	unsigned char	*d, raw[200];
	size_t		 i, n;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		assert_string_equal(b64url_encode(a, v[i].bin, v[i].len),
		    v[i].txt);
		d = b64url_decode(a, v[i].txt, &n);
		assert_non_null(d);
		assert_int_equal(n, v[i].len);
		assert_memory_equal(d, v[i].bin, n);
		assert_int_equal(d[n], '\0');
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (b64url_decode(a, bad[i], &n) != NULL)
			fail_msg("decoded bad base64url \"%s\"", bad[i]);
	for (i = 0; i < sizeof(raw); i++) {
		randombytes_buf(raw, i);
		d = b64url_decode(a, b64url_encode(a, raw, i), &n);
		assert_non_null(d);
		assert_int_equal(n, i);
		assert_memory_equal(d, raw, i);
	}
	arena_free(a);
}

/* Replace part idx (0..2) of a token with text. */
static char *
token_part(struct arena *a, const char *tok, int idx, const char *text)
{
	const char	*d1 = strchr(tok, '.'), *d2 = strchr(d1 + 1, '.');

	switch (idx) {
	case 0:
		return arena_printf(a, "%s%s", text, d1);
	case 1:
		return arena_printf(a, "%.*s.%s%s", (int)(d1 - tok), tok, text,
		    d2);
	default:
		return arena_printf(a, "%.*s.%s", (int)(d2 - tok), tok, text);
	}
}

/* Sign a token with a caller-made header (for attack tokens). */
static char *
forge(struct arena *a, const char *hdr, const char *payload, const char *key,
    int mac512)
{
	unsigned char	 mac[64];
	char		*input;

	input = arena_printf(a, "%s.%s", b64url_encode(a, hdr, strlen(hdr)),
	    b64url_encode(a, payload, strlen(payload)));
	if (mac512)
		hmac_sha512(key, strlen(key), input, strlen(input), mac);
	else
		hmac_sha256(key, strlen(key), input, strlen(input), mac);
	return arena_printf(a, "%s.%s", input,
	    b64url_encode(a, mac, mac512 ? 64 : 32));
}

/* Round trips and the published jwt.io example token. */
static void
test_jwt_roundtrip(void **state)
{
	struct arena	*a = arena_new();
	const char	*key = "your-256-bit-secret";
	const char	*payload = "{\"sub\":\"1234567890\","
	    "\"name\":\"John Doe\",\"iat\":1516239022}";
	char		*tok, *out, *dot;

	tok = jwt_sign(a, JWT_HS256, key, strlen(key), payload);
	assert_string_equal(tok, "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
	    "eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0Ijox"
	    "NTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c");
	assert_true(jwt_verify(a, JWT_HS256, key, strlen(key), tok, &out));
	assert_string_equal(out, payload);

	tok = jwt_sign(a, JWT_HS512, "k", 1, "{\"a\":[1,{\"b\":null}]}");
	dot = strchr(tok, '.');
	assert_non_null(dot);
	assert_string_equal(b64url_decode(a, arena_strndup(a, tok,
	    (size_t)(dot - tok)), NULL),
	    "{\"alg\":\"HS512\",\"typ\":\"JWT\"}");
	assert_true(jwt_verify(a, JWT_HS512, "k", 1, tok, &out));
	assert_string_equal(out, "{\"a\":[1,{\"b\":null}]}");
	/* Headers from other issuers may order or add members. */
	tok = forge(a,
	    " { \"typ\" : \"JWT\" , \"kid\":7, \"alg\" : \"HS256\" } ",
	    "{}", "k", 0);
	assert_true(jwt_verify(a, JWT_HS256, "k", 1, tok, &out));
	assert_string_equal(out, "{}");
	arena_free(a);
}

/* Tampering, wrong keys, algorithm confusion and malformed tokens. */
static void
test_jwt_reject(void **state)
{
	static const char *const	 hdrs[] = {
		"{\"alg\":\"HS256\",\"alg\":\"HS256\"}",	/* twice */
		"{\"alg\":\"HS256\",\"alg\":\"none\"}",
		"{\"alg\":\"HS\\u0032\\u0035\\u0036\"}",	/* escaped */
		"{\"alg\":\"hs256\"}",
		"{\"alg\":\"HS256 \"}",
		"{\"alg\":[\"HS256\"]}",
		"{\"typ\":\"JWT\"}",				/* no alg */
		"{\"alg\":\"HS256\"",				/* unclosed */
		"{\"alg\":\"HS256\"} x",
		"[\"alg\",\"HS256\"]",
		"\"HS256\"",
	};
	static const char *const	 bodies[] = {
		"", "[]", "null", "{", "{\"a\":}", "{\"a\":1,}", "{} {}",
		"{\"a\":tru}", "{\"a\":01.}",
	};
	static const char *const	 junk[] = {
		"", ".", "..", "a.b", "a.b.c.d", "eyJhbGciOiJIUzI1NiJ9..",
		"!!!.e30.AAAA",
	};
	struct arena	*a = arena_new();
	const char	*key = "server key";
	char		*tok, *bad, *out;
	size_t		 i, n;

	tok = jwt_sign(a, JWT_HS256, key, strlen(key), "{\"sub\":\"42\"}");
	assert_true(jwt_verify(a, JWT_HS256, key, strlen(key), tok, &out));

	/* Tampered payload with the old signature. */
	bad = token_part(a, tok, 1, b64url_encode(a, "{\"sub\":\"1\"}", 11));
	out = (char *)1;
	assert_false(jwt_verify(a, JWT_HS256, key, strlen(key), bad, &out));
	assert_null(out);
	/* Every single-character change of the signature. */
	n = strlen(tok);
	for (i = strrchr(tok, '.') - tok + 1; i < n; i++) {
		bad = arena_strdup(a, tok);
		bad[i] = bad[i] == 'A' ? 'B' : 'A';
		assert_false(jwt_verify(a, JWT_HS256, key, strlen(key), bad,
		    &out));
	}
	/* The right MAC with bytes appended is still a wrong signature. */
	{
		unsigned char	 mac[35];
		size_t		 hp = (size_t)(strrchr(tok, '.') - tok);

		hmac_sha256(key, strlen(key), tok, hp, mac);
		memset(mac + 32, 0, 3);
		bad = arena_printf(a, "%.*s.%s", (int)hp, tok,
		    b64url_encode(a, mac, sizeof(mac)));
		assert_false(jwt_verify(a, JWT_HS256, key, strlen(key), bad,
		    &out));
		bad = arena_printf(a, "%.*s.%s", (int)hp, tok,
		    b64url_encode(a, mac, 32));
		assert_string_equal(bad, tok);	/* the control case */
	}
	/* Truncated signature, wrong key. */
	bad = arena_strndup(a, tok, n - 1);
	assert_false(jwt_verify(a, JWT_HS256, key, strlen(key), bad, &out));
	assert_false(jwt_verify(a, JWT_HS256, "other", 5, tok, &out));

	/* alg none, with and without a signature. */
	bad = arena_printf(a, "%s.%s.",
	    b64url_encode(a, "{\"alg\":\"none\",\"typ\":\"JWT\"}", 26),
	    b64url_encode(a, "{\"sub\":\"1\"}", 11));
	assert_false(jwt_verify(a, JWT_HS256, key, strlen(key), bad, &out));
	bad = forge(a, "{\"alg\":\"none\"}", "{}", key, 0);
	assert_false(jwt_verify(a, JWT_HS256, key, strlen(key), bad, &out));
	bad = forge(a, "{\"alg\":\"NONE\"}", "{}", key, 0);
	assert_false(jwt_verify(a, JWT_HS256, key, strlen(key), bad, &out));

	/* HS256 token where HS512 is required, and the reverse. */
	assert_false(jwt_verify(a, JWT_HS512, key, strlen(key), tok, &out));
	bad = jwt_sign(a, JWT_HS512, key, strlen(key), "{}");
	assert_false(jwt_verify(a, JWT_HS256, key, strlen(key), bad, &out));
	/* Header says HS512 but the MAC is HS256-sized, and vice versa. */
	bad = forge(a, "{\"alg\":\"HS512\"}", "{}", key, 0);
	assert_false(jwt_verify(a, JWT_HS512, key, strlen(key), bad, &out));
	bad = forge(a, "{\"alg\":\"HS256\"}", "{}", key, 1);
	assert_false(jwt_verify(a, JWT_HS256, key, strlen(key), bad, &out));

	/* Properly signed, but header or payload not acceptable. */
	for (i = 0; i < sizeof(hdrs) / sizeof(hdrs[0]); i++) {
		bad = forge(a, hdrs[i], "{}", key, 0);
		if (jwt_verify(a, JWT_HS256, key, strlen(key), bad, &out))
			fail_msg("accepted header %s", hdrs[i]);
	}
	for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
		bad = forge(a, "{\"alg\":\"HS256\"}", bodies[i], key, 0);
		if (jwt_verify(a, JWT_HS256, key, strlen(key), bad, &out))
			fail_msg("accepted payload %s", bodies[i]);
	}
	for (i = 0; i < sizeof(junk) / sizeof(junk[0]); i++)
		assert_false(jwt_verify(a, JWT_HS256, key, strlen(key),
		    junk[i], &out));
	assert_false(jwt_verify(a, JWT_HS256, key, strlen(key), NULL, &out));
	arena_free(a);
}

/* Run the tests as one group; exits with the number of failures. */
int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_pw_hash_verify),
		cmocka_unit_test(test_pw_needs_rehash),
		cmocka_unit_test(test_pw_dummy),
		cmocka_unit_test(test_random_hex),
		cmocka_unit_test(test_random_password),
		cmocka_unit_test(test_sha),
		cmocka_unit_test(test_hmac),
		cmocka_unit_test(test_ct_streq),
		cmocka_unit_test(test_b64url),
		cmocka_unit_test(test_jwt_roundtrip),
		cmocka_unit_test(test_jwt_reject),
	};

	return cmocka_run_group_tests_name("crypto", tests, setup, NULL);
}
