/*
 * utf8.c: decoding, encoding and counting UTF-8 (see utf8.h).  Every
 * parser and validator of Lectern decodes with utf8_decode().
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "lib/utf8.h"

/* 1 when c continues a sequence (10xxxxxx).  Pure. */
static int
cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

size_t
utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char	*s = (const unsigned char *)str;
	unsigned char		 lo = 0x80, hi = 0xBF;
	uint32_t		 v;
	size_t			 len, i;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		v = s[0];
		len = 1;
		goto out;
	}
	/*
	 * The second byte's range rules out what the lead byte alone
	 * cannot: overlong three- and four-byte forms (E0, F0),
	 * surrogates (ED) and code points above U+10FFFF (F4).  C0, C1
	 * (overlong two-byte forms) and F5..FF never lead.
	 */
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		v = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		v = s[0] & 0x0F;
		if (s[0] == 0xE0)
			lo = 0xA0;
		else if (s[0] == 0xED)
			hi = 0x9F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		v = s[0] & 0x07;
		if (s[0] == 0xF0)
			lo = 0x90;
		else if (s[0] == 0xF4)
			hi = 0x8F;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if (s[i] < lo || s[i] > hi)
			return 0;
		lo = 0x80;
		hi = 0xBF;
		v = v << 6 | (s[i] & 0x3F);
	}
out:
	if (cp != NULL)
		*cp = v;
	return len;
}

size_t
utf8_seq(const char *s)
{
	/* A NUL fails the continuation test: no byte past it is read. */
	if (*s == '\0')
		return 0;
	return utf8_decode(s, UTF8_MAX, NULL);
}

size_t
utf8_encode(uint32_t cp, char out[UTF8_MAX])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp > 0x10FFFF)
		return 0;
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int
utf8_valid(const char *s, size_t len)
{
	size_t	 i = 0, k;

	while (i < len) {
		if ((k = utf8_decode(s + i, len - i, NULL)) == 0)
			return 0;
		i += k;
	}
	return 1;
}

size_t
utf8_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (!cont((unsigned char)*s))
			n++;
	return n;
}

size_t
utf8_prefix(const char *s, size_t max)
{
	size_t	 i, chars = 0;

	for (i = 0; s[i] != '\0'; i++)
		if (!cont((unsigned char)s[i]) && chars++ == max)
			break;
	return i;
}
