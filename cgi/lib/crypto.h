/*
 * crypto.h: every libsodium call in Lectern goes through here: password
 * hashing (Argon2id), random tokens, hashes, HMAC, constant-time
 * comparison, base64url and compact JWTs (HS256/HS512).
 * Functions return 1 on success and 0 on failure unless noted.
 */
#ifndef LECTERN_CRYPTO_H
#define LECTERN_CRYPTO_H

#include <stddef.h>

struct arena;

#define PW_HASH_MAX	128	/* crypto_pwhash_STRBYTES */
#define TOKEN_BYTES	16	/* 128 bits */
#define SHA256_HEX	65	/* a SHA-256 digest in hex, with its NUL */
#define SHA512_HEX	129

/* Call once at start; 0 when libsodium cannot initialise. */
int	crypto_start(void);

/* Argon2id with the INTERACTIVE limits into out (PW_HASH_MAX bytes). */
int	pw_hash(const char *password, char out[PW_HASH_MAX]);
/* 1 when password matches hash. */
int	pw_verify(const char *hash, const char *password);
/* 1 when hash was made with other limits or algorithm and should be redone. */
int	pw_needs_rehash(const char *hash);
/* Spend the time of one verification, for unknown accounts. */
void	pw_dummy_verify(const char *password);

/* nbytes random bytes as lowercase hex into out (2*nbytes+1 bytes). */
void	random_hex(char *out, size_t nbytes);
/* Random password of len characters from an unambiguous alphabet. */
void	random_password(char *out, size_t len);

/* SHA-256 / SHA-512 digests as lowercase hex (65 / 129 bytes with NUL). */
void	sha256_hex(const void *, size_t, char out[SHA256_HEX]);
void	sha512_hex(const void *, size_t, char out[SHA512_HEX]);
/* HMAC with a key of any length; raw output of 32 / 64 bytes. */
void	hmac_sha256(const void *key, size_t keylen, const void *msg, size_t len,
	    unsigned char out[32]);
void	hmac_sha512(const void *key, size_t keylen, const void *msg, size_t len,
	    unsigned char out[64]);
void	hmac_sha256_hex(const void *key, size_t keylen, const void *msg,
	    size_t len, char out[SHA256_HEX]);

/* Constant-time equality of two NUL-terminated strings (length may leak). */
int	ct_streq(const char *, const char *);

/* base64url without padding; decode returns NULL on bad input. */
char	*b64url_encode(struct arena *, const void *, size_t);
unsigned char *b64url_decode(struct arena *, const char *, size_t *outlen);

enum jwt_alg { JWT_HS256, JWT_HS512 };

/* Sign payload (a JSON object text) as header.payload.signature. */
char	*jwt_sign(struct arena *, enum jwt_alg, const void *key, size_t keylen,
	    const char *payload_json);
/*
 * Verify token: the header must name exactly alg (never "none"), the
 * signature must match.  On success stores the decoded payload JSON text
 * (NUL-terminated) and returns 1.  Claims are not checked here.
 */
int	jwt_verify(struct arena *, enum jwt_alg, const void *key, size_t keylen,
	    const char *token, char **payload_json);

#endif
