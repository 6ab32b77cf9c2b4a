/*
 * utf8.h: the one UTF-8 decoder.  Well-formed means as in RFC 3629: no
 * overlong form, no surrogate (U+D800..U+DFFF), nothing above U+10FFFF,
 * no sequence cut short.  Everything here is pure and allocates nothing.
 */
#ifndef LECTERN_UTF8_H
#define LECTERN_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Bytes of one character at most. */
#define UTF8_MAX	4

/*
 * The well-formed sequence at s, with n bytes available: its length
 * (1..4) and its code point in *cp (when cp is not NULL), or 0 when
 * it is ill-formed or n is 0.
 */
size_t	utf8_decode(const char *s, size_t n, uint32_t *cp);
/*
 * The same for a NUL-terminated string: the NUL ends any sequence, so
 * nothing past it is read.  0 at the NUL itself.
 */
size_t	utf8_seq(const char *s);
/* cp as UTF-8 into out: its length (1..4), or 0 when cp is a surrogate
 * or above U+10FFFF (nothing written). */
size_t	utf8_encode(uint32_t cp, char out[UTF8_MAX]);
/* 1 when the len bytes at s are well-formed UTF-8 (NUL included). */
int	utf8_valid(const char *s, size_t len);
/* Characters of a NUL-terminated string: its bytes that do not continue
 * a sequence (exact for well-formed text). */
size_t	utf8_chars(const char *s);
/* Bytes of the first max characters of s (counted as utf8_chars does):
 * where to cut s without splitting a character. */
size_t	utf8_prefix(const char *s, size_t max);

#endif
