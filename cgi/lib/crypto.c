/*
 * crypto.c: the one place that talks to libsodium.  Password hashes are
 * Argon2id strings; tokens and digests are lowercase hex; JWTs are
 * compact HS256/HS512 tokens whose header must name the expected
 * algorithm exactly.
 */
#include <ctype.h>
#include <pthread.h>
#include <string.h>

#include <sodium.h>

#include "lib/util.h"
#include "lib/crypto.h"

#define ARGON2ID_PREFIX	"$argon2id$"
#define JSON_DEPTH	16

/* Start libsodium.  Returns 1 on success, 0 when it cannot start. */
int
crypto_start(void)
{
	return sodium_init() >= 0;
}

/*
 * Hash password with Argon2id and the INTERACTIVE limits into out.
 * Returns 1 on success, 0 when hashing failed (out of memory).
 */
int
pw_hash(const char *password, char out[PW_HASH_MAX])
{
	if (password == NULL)
		return 0;
	return crypto_pwhash_str_alg(out, password, strlen(password),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE,
	    crypto_pwhash_ALG_ARGON2ID13) == 0;
}

/*
 * Copy a stored hash into a full-size buffer, because libsodium may read
 * crypto_pwhash_STRBYTES bytes from it.  Returns 1, or 0 when too long.
 */
static int
hash_copy(const char *hash, char buf[crypto_pwhash_STRBYTES])
{
	size_t	 n;

	if (hash == NULL || (n = strlen(hash)) >= crypto_pwhash_STRBYTES)
		return 0;
	memset(buf, 0, crypto_pwhash_STRBYTES);
	memcpy(buf, hash, n);
	return 1;
}

/* 1 when password matches the stored hash, else 0.  No allocation. */
int
pw_verify(const char *hash, const char *password)
{
	char	 buf[crypto_pwhash_STRBYTES];

	if (password == NULL || !hash_copy(hash, buf))
		return 0;
	return crypto_pwhash_str_verify(buf, password, strlen(password)) == 0;
}

/*
 * 1 when hash is not an Argon2id hash made with the current INTERACTIVE
 * limits (including when it is not a valid hash at all), else 0.
 */
int
pw_needs_rehash(const char *hash)
{
	char	 buf[crypto_pwhash_STRBYTES];

	if (!hash_copy(hash, buf) ||
	    strncmp(buf, ARGON2ID_PREFIX, sizeof(ARGON2ID_PREFIX) - 1) != 0)
		return 1;
	return crypto_pwhash_argon2id_str_needs_rehash(buf,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

static char		dummy_hash[PW_HASH_MAX];
static int		dummy_ok;
static pthread_once_t	dummy_once = PTHREAD_ONCE_INIT;

/* Make the dummy hash, once, from a random password. */
static void
dummy_init(void)
{
	char	 pw[33];

	random_hex(pw, 16);
	dummy_ok = pw_hash(pw, dummy_hash);
	sodium_memzero(pw, sizeof(pw));
}

/*
 * Verify password against a hash nobody knows the password of, so that
 * an unknown account costs as much time as a known one.  No result.
 */
void
pw_dummy_verify(const char *password)
{
	pthread_once(&dummy_once, dummy_init);
	if (dummy_ok)
		(void)pw_verify(dummy_hash, password ? password : "");
}

/*
 * Write nbytes random bytes as lowercase hex into out, which must hold
 * 2 * nbytes + 1 bytes.  No allocation.
 */
void
random_hex(char *out, size_t nbytes)
{
	unsigned char	 bin[32];
	size_t		 off = 0, n;

	out[0] = '\0';
	while (off < nbytes) {
		n = nbytes - off < sizeof(bin) ? nbytes - off : sizeof(bin);
		randombytes_buf(bin, n);
		sodium_bin2hex(out + 2 * off, 2 * n + 1, bin, n);
		off += n;
	}
	sodium_memzero(bin, sizeof(bin));
}

/*
 * Write a random password of len characters (and a NUL, so out must hold
 * len + 1 bytes) drawn uniformly from letters and digits that cannot be
 * mistaken for one another.  No allocation.
 */
void
random_password(char *out, size_t len)
{
	static const char	 alpha[] = "ABCDEFGHJKLMNPQRSTUVWXYZ"
	    "abcdefghijkmnopqrstuvwxyz" "23456789";
	size_t			 i;

	for (i = 0; i < len; i++)
		out[i] = alpha[randombytes_uniform(sizeof(alpha) - 1)];
	out[len] = '\0';
}

/* SHA-256 of p[0..n) as lowercase hex into out.  No allocation. */
void
sha256_hex(const void *p, size_t n, char out[SHA256_HEX])
{
	unsigned char	 h[crypto_hash_sha256_BYTES];

	crypto_hash_sha256(h, p, n);
	sodium_bin2hex(out, SHA256_HEX, h, sizeof(h));
}

/* SHA-512 of p[0..n) as lowercase hex into out.  No allocation. */
void
sha512_hex(const void *p, size_t n, char out[SHA512_HEX])
{
	unsigned char	 h[crypto_hash_sha512_BYTES];

	crypto_hash_sha512(h, p, n);
	sodium_bin2hex(out, SHA512_HEX, h, sizeof(h));
}

/* HMAC-SHA-256 of msg with a key of any length.  No allocation. */
void
hmac_sha256(const void *key, size_t keylen, const void *msg, size_t len,
    unsigned char out[32])
{
	crypto_auth_hmacsha256_state	 st;

	crypto_auth_hmacsha256_init(&st, key, keylen);
	crypto_auth_hmacsha256_update(&st, msg, len);
	crypto_auth_hmacsha256_final(&st, out);
	sodium_memzero(&st, sizeof(st));
}

/* HMAC-SHA-512 of msg with a key of any length.  No allocation. */
void
hmac_sha512(const void *key, size_t keylen, const void *msg, size_t len,
    unsigned char out[64])
{
	crypto_auth_hmacsha512_state	 st;

	crypto_auth_hmacsha512_init(&st, key, keylen);
	crypto_auth_hmacsha512_update(&st, msg, len);
	crypto_auth_hmacsha512_final(&st, out);
	sodium_memzero(&st, sizeof(st));
}

/* HMAC-SHA-256 as lowercase hex into out.  No allocation. */
void
hmac_sha256_hex(const void *key, size_t keylen, const void *msg, size_t len,
    char out[SHA256_HEX])
{
	unsigned char	 mac[32];

	hmac_sha256(key, keylen, msg, len, mac);
	sodium_bin2hex(out, SHA256_HEX, mac, sizeof(mac));
}

/*
 * 1 when a and b are equal, compared in time that depends only on their
 * length; 0 when they differ or either is NULL.
 */
int
ct_streq(const char *a, const char *b)
{
	size_t	 n;

	if (a == NULL || b == NULL || (n = strlen(a)) != strlen(b))
		return 0;
	return sodium_memcmp(a, b, n) == 0;
}

/* base64url (no padding) of p[0..n) as an arena string. */
char *
b64url_encode(struct arena *a, const void *p, size_t n)
{
	size_t	 sz = sodium_base64_ENCODED_LEN(n,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char	*out = arena_alloc(a, sz);

	sodium_bin2base64(out, sz, p, n,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return out;
}

/*
 * Decode unpadded base64url text s into an arena buffer (with a NUL after
 * the data, which the length in *outlen excludes).  Returns NULL when s
 * holds anything but canonical base64url.
 */
unsigned char *
b64url_decode(struct arena *a, const char *s, size_t *outlen)
{
	unsigned char	*out;
	size_t		 n, max, got;

	if (s == NULL)
		return NULL;
	n = strlen(s);
	max = n / 4 * 3 + 3;
	out = arena_alloc(a, max + 1);
	if (sodium_base642bin(out, max, s, n, NULL, &got, NULL,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
		return NULL;
	out[got] = '\0';
	if (outlen != NULL)
		*outlen = got;
	return out;
}

/*
 * A small JSON reader, just enough to check a JWT header and payload:
 * skip_* move *pp past one element and return 1, or 0 on bad syntax.
 */

/* Skip JSON white space.  Pure. */
static void
skip_ws(const char **pp)
{
	while (**pp == ' ' || **pp == '\t' || **pp == '\n' || **pp == '\r')
		(*pp)++;
}

/* Skip one JSON string (at its opening quote).  Pure. */
static int
skip_string(const char **pp)
{
	const char	*p = *pp;
	int		 i;

	if (*p++ != '"')
		return 0;
	for (;;) {
		if (*p == '"')
			break;
		if ((unsigned char)*p < 0x20)
			return 0;	/* controls and the NUL end */
		if (*p == '\\') {
			p++;
			if (*p == 'u') {
				for (i = 1; i <= 4; i++)
					if (!isxdigit((unsigned char)p[i]))
						return 0;
				p += 4;
			} else if (*p == '\0' ||
			    strchr("\"\\/bfnrt", *p) == NULL)
				return 0;
		}
		p++;
	}
	*pp = p + 1;
	return 1;
}

static int	skip_value(const char **, int);

/* Skip one JSON object or array (at its bracket).  Pure. */
static int
skip_container(const char **pp, int depth)
{
	const char	*p = *pp;
	char		 close = *p == '{' ? '}' : ']';

	if (depth > JSON_DEPTH)
		return 0;
	p++;
	skip_ws(&p);
	if (*p == close) {
		*pp = p + 1;
		return 1;
	}
	for (;;) {
		if (close == '}') {
			if (!skip_string(&p))
				return 0;
			skip_ws(&p);
			if (*p++ != ':')
				return 0;
			skip_ws(&p);
		}
		if (!skip_value(&p, depth + 1))
			return 0;
		skip_ws(&p);
		if (*p == close)
			break;
		if (*p++ != ',')
			return 0;
		skip_ws(&p);
	}
	*pp = p + 1;
	return 1;
}

/* Skip one JSON value of any kind.  Pure. */
static int
skip_value(const char **pp, int depth)
{
	const char	*p = *pp;

	if (*p == '"')
		return skip_string(pp);
	if (*p == '{' || *p == '[')
		return skip_container(pp, depth);
	if (strncmp(p, "true", 4) == 0 || strncmp(p, "null", 4) == 0) {
		*pp = p + 4;
		return 1;
	}
	if (strncmp(p, "false", 5) == 0) {
		*pp = p + 5;
		return 1;
	}
	if (*p == '-')
		p++;
	if (!isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p))
		p++;
	if (*p == '.') {
		p++;
		if (!isdigit((unsigned char)*p))
			return 0;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!isdigit((unsigned char)*p))
			return 0;
		while (isdigit((unsigned char)*p))
			p++;
	}
	*pp = p;
	return 1;
}

/* 1 when s is exactly one JSON object and nothing else.  Pure. */
static int
json_is_object(const char *s)
{
	skip_ws(&s);
	if (*s != '{' || !skip_container(&s, 0))
		return 0;
	skip_ws(&s);
	return *s == '\0';
}

/*
 * Check a JWT header: one JSON object whose "alg" member appears exactly
 * once, as the plain string want.  Returns 1 or 0.  Pure.
 */
static int
header_alg_is(const char *s, const char *want)
{
	const char	*key, *val;
	size_t		 wlen = strlen(want), klen;
	int		 seen = 0;

	if (!json_is_object(s))
		return 0;
	skip_ws(&s);
	s++;
	skip_ws(&s);
	while (*s == '"') {
		key = s;
		if (!skip_string(&s))
			return 0;
		klen = (size_t)(s - key);
		skip_ws(&s);
		s++;		/* ':' (checked above) */
		skip_ws(&s);
		val = s;
		if (!skip_value(&s, 1))
			return 0;
		if (klen == 5 && strncmp(key, "\"alg\"", 5) == 0) {
			if (seen++)
				return 0;
			if ((size_t)(s - val) != wlen + 2 || val[0] != '"' ||
			    strncmp(val + 1, want, wlen) != 0)
				return 0;
		}
		skip_ws(&s);
		if (*s == ',')
			s++;
		skip_ws(&s);
	}
	return seen == 1;
}

/* Name and HMAC size of alg.  Pure. */
static const char *
alg_name(enum jwt_alg alg, size_t *maclen)
{
	if (alg == JWT_HS512) {
		*maclen = 64;
		return "HS512";
	}
	*maclen = 32;
	return "HS256";
}

/* HMAC of msg[0..n) with the algorithm's hash into mac.  No allocation. */
static void
jwt_mac(enum jwt_alg alg, const void *key, size_t keylen, const char *msg,
    size_t n, unsigned char mac[64])
{
	if (alg == JWT_HS512)
		hmac_sha512(key, keylen, msg, n, mac);
	else
		hmac_sha256(key, keylen, msg, n, mac);
}

/*
 * Sign payload_json as a compact JWT.  Returns the token as an arena
 * string, or NULL when payload_json is NULL.
 */
char *
jwt_sign(struct arena *a, enum jwt_alg alg, const void *key, size_t keylen,
    const char *payload_json)
{
	unsigned char	 mac[64];
	size_t		 maclen;
	const char	*name = alg_name(alg, &maclen);
	char		*hdr, *input;

	if (payload_json == NULL)
		return NULL;
	hdr = arena_printf(a, "{\"alg\":\"%s\",\"typ\":\"JWT\"}", name);
	input = arena_printf(a, "%s.%s", b64url_encode(a, hdr, strlen(hdr)),
	    b64url_encode(a, payload_json, strlen(payload_json)));
	jwt_mac(alg, key, keylen, input, strlen(input), mac);
	return arena_printf(a, "%s.%s", input, b64url_encode(a, mac, maclen));
}

/*
 * Verify a compact JWT signed with alg and key.  Returns 1 and the
 * payload JSON (arena, NUL-terminated) in *payload_json, or 0 when the
 * token is malformed, names another algorithm or has a wrong signature.
 */
int
jwt_verify(struct arena *a, enum jwt_alg alg, const void *key, size_t keylen,
    const char *token, char **payload_json)
{
	unsigned char	 mac[64], *hdr, *sig, *body;
	const char	*d1, *d2;
	size_t		 maclen, hlen, slen, blen;
	const char	*name = alg_name(alg, &maclen);

	*payload_json = NULL;
	if (token == NULL || (d1 = strchr(token, '.')) == NULL ||
	    (d2 = strchr(d1 + 1, '.')) == NULL || strchr(d2 + 1, '.') != NULL)
		return 0;
	hdr = b64url_decode(a, arena_strndup(a, token, (size_t)(d1 - token)),
	    &hlen);
	if (hdr == NULL || strlen((char *)hdr) != hlen ||
	    !header_alg_is((char *)hdr, name))
		return 0;
	sig = b64url_decode(a, d2 + 1, &slen);
	if (sig == NULL || slen != maclen)
		return 0;
	jwt_mac(alg, key, keylen, token, (size_t)(d2 - token), mac);
	if (sodium_memcmp(mac, sig, maclen) != 0)
		return 0;
	body = b64url_decode(a,
	    arena_strndup(a, d1 + 1, (size_t)(d2 - d1 - 1)), &blen);
	if (body == NULL || strlen((char *)body) != blen ||
	    !json_is_object((char *)body))
		return 0;
	*payload_json = (char *)body;
	return 1;
}
