/*
 * escape.c: escaping for the few outputs C writes itself, and the
 * checks that keep header values and redirect targets harmless.
 */
#include <string.h>

#include "lib/util.h"
#include "lib/escape.h"

/* Append s to b with & < > " ' as character references. */
void
esc_html(struct buf *b, const char *s)
{
	const char	*run;

	if (s == NULL)
		return;
	for (run = s; *s != '\0'; s++) {
		const char	*ent;

		switch (*s) {
		case '&':
			ent = "&amp;";
			break;
		case '<':
			ent = "&lt;";
			break;
		case '>':
			ent = "&gt;";
			break;
		case '"':
			ent = "&quot;";
			break;
		case '\'':
			ent = "&#39;";
			break;
		default:
			continue;
		}
		buf_append(b, run, (size_t)(s - run));
		buf_puts(b, ent);
		run = s + 1;
	}
	buf_append(b, run, (size_t)(s - run));
}

/* 1 when c is an RFC 3986 unreserved character.  Pure. */
static int
unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	    c == '~';
}

/* Append s to b as one URL component: all but unreserved bytes as %XX. */
void
esc_url(struct buf *b, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	char			 enc[3];

	if (s == NULL)
		return;
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (unreserved(*p)) {
			buf_putc(b, (char)*p);
			continue;
		}
		enc[0] = '%';
		enc[1] = hex[*p >> 4];
		enc[2] = hex[*p & 0x0f];
		buf_append(b, enc, sizeof(enc));
	}
}

/* esc_url() of s as an arena string. */
char *
url_encode(struct arena *a, const char *s)
{
	struct buf	 b;
	char		*out;

	buf_init(&b);
	esc_url(&b, s);
	out = arena_strndup(a, b.data ? b.data : "", b.len);
	buf_free(&b);
	return out;
}

/* 1 when s has no control bytes but tab (and no DEL); 0 otherwise. */
int
header_safe(const char *s)
{
	const unsigned char	*p;

	if (s == NULL)
		return 0;
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if ((*p < 0x20 && *p != '\t') || *p == 0x7f)
			return 0;
	return 1;
}

/*
 * 1 when s is a same-site path to redirect to: a single leading '/',
 * no backslash anywhere (browsers read it as '/'), no controls, blanks
 * or DEL (browsers drop tabs and newlines, which could turn "/\t/x"
 * into "//x").  0 otherwise.
 */
int
local_path_safe(const char *s)
{
	const unsigned char	*p;

	if (s == NULL || s[0] != '/' || s[1] == '/' || s[1] == '\\')
		return 0;
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if (*p <= 0x20 || *p == 0x7f || *p == '\\')
			return 0;
	return 1;
}
