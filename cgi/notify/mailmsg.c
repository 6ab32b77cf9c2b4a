/*
 * mailmsg.c: an email message as RFC 5322 text (RFC 2047 encoded
 * headers, a quoted-printable UTF-8 body, CRLF lines) and the outbox's
 * retry schedule.  No I/O here: the transports are in mail.c.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "notify/mailmsg.h"
#include "lib/utf8.h"
#include "lib/util.h"

/* Header lines are folded before this column (RFC 5322 says 78). */
#define FOLD_AT		78
/* Bytes of text per encoded-word: 42 bytes are 56 base64 characters,
 * which with "=?UTF-8?B?" and "?=" stay within the 75 RFC 2047 allows. */
#define EW_BYTES	42
/* Quoted-printable lines carry at most 76 characters, "=" included. */
#define QP_LINE		76

long
mail_backoff(int attempt)
{
	static const long	 steps[] = { 60, 5 * 60, 30 * 60, 2 * 3600,
	    12 * 3600 };

	if (attempt < 1)
		return steps[0];
	if ((size_t)attempt <= sizeof(steps) / sizeof(steps[0]))
		return steps[attempt - 1];
	return 24 * 3600;
}

/* 1 for a byte allowed in the plain addresses Lectern sends to.  Pure. */
static int
addr_char(unsigned char c)
{
	if (c <= ' ' || c >= 127)
		return 0;
	return strchr("<>()[],;:\\\"", c) == NULL;
}

int
mail_address_ok(const char *s)
{
	const char	*at, *p;
	size_t		 len;

	if (s == NULL || (len = strlen(s)) < 3 || len > 254)
		return 0;
	if ((at = strrchr(s, '@')) == NULL || at == s || at[1] == '\0' ||
	    at - s > 64)
		return 0;
	for (p = s; *p != '\0'; p++)
		if (!addr_char((unsigned char)*p) || (*p == '@' && p != at))
			return 0;
	return at[1] != '.' && s[len - 1] != '.';
}

void
mail_url_host(const char *url, char *out, size_t outlen)
{
	const char	*p, *end, *at;
	size_t		 n, i;

	if (outlen == 0)
		return;
	out[0] = '\0';
	if (url == NULL || (p = strstr(url, "://")) == NULL)
		goto fallback;
	p += 3;
	end = p + strcspn(p, "/?#");
	for (at = p; at < end; at++)
		if (*at == '@')
			p = at + 1;
	if (*p == '[') {
		for (at = p; at < end && *at != ']'; at++)
			;
		end = at < end ? at + 1 : end;
	} else {
		for (at = p; at < end && *at != ':'; at++)
			;
		end = at;
	}
	n = (size_t)(end - p);
	if (n == 0 || n >= outlen)
		goto fallback;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (!isalnum(c) && strchr(".-[]:", c) == NULL)
			goto fallback;
		out[i] = (char)tolower(c);
	}
	out[n] = '\0';
	return;
fallback:
	snprintf(out, outlen, "localhost");
}

/* Standard base64 of len bytes, appended.  Pure. */
static void
b64(struct buf *b, const unsigned char *s, size_t len)
{
	static const char	 tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned long		 v;
	size_t			 i;

	for (i = 0; i + 2 < len; i += 3) {
		v = (unsigned long)s[i] << 16 | (unsigned long)s[i + 1] << 8 |
		    s[i + 2];
		buf_putc(b, tab[v >> 18 & 63]);
		buf_putc(b, tab[v >> 12 & 63]);
		buf_putc(b, tab[v >> 6 & 63]);
		buf_putc(b, tab[v & 63]);
	}
	if (len - i == 1) {
		v = (unsigned long)s[i] << 16;
		buf_putc(b, tab[v >> 18 & 63]);
		buf_putc(b, tab[v >> 12 & 63]);
		buf_puts(b, "==");
	} else if (len - i == 2) {
		v = (unsigned long)s[i] << 16 | (unsigned long)s[i + 1] << 8;
		buf_putc(b, tab[v >> 18 & 63]);
		buf_putc(b, tab[v >> 12 & 63]);
		buf_putc(b, tab[v >> 6 & 63]);
		buf_putc(b, '=');
	}
}

/* 1 when s holds a byte outside printable ASCII and tab.  Pure. */
static int
needs_encoding(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 127)
			return 1;
	return 0;
}

/* A copy of s with control characters (CR and LF among them) made
 * spaces and outer spaces trimmed; an xmalloc'd string. */
static char *
clean(const char *s)
{
	char	*c, *p, *e;

	c = xstrdup(s ? s : "");
	for (p = c; *p != '\0'; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			*p = ' ';
	for (p = c; *p == ' '; p++)
		;
	memmove(c, p, strlen(p) + 1);
	for (e = c + strlen(c); e > c && e[-1] == ' '; e--)
		e[-1] = '\0';
	return c;
}

/*
 * s as encoded-words, the first after a line of col columns, later
 * ones on continuation lines.  Returns the column reached.
 */
static size_t
encoded_words(struct buf *b, const char *s, size_t col)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 n, k, start;
	int			 first = 1;

	while (*p != '\0') {
		n = 0;
		while (p[n] != '\0') {
			/* A character whole, or a stray byte alone. */
			if ((k = utf8_seq((const char *)p + n)) == 0)
				k = 1;
			if (n + k > EW_BYTES)
				break;
			n += k;
		}
		if (n == 0)
			n = 1;
		if (!first) {
			buf_puts(b, "\r\n ");
			col = 1;
		}
		start = b->len;
		buf_puts(b, "=?UTF-8?B?");
		b64(b, p, n);
		buf_puts(b, "?=");
		col += b->len - start;
		p += n;
		first = 0;
	}
	return col;
}

/* ASCII text s folded at spaces after a line of col columns.  Returns
 * the column reached. */
static size_t
folded_words(struct buf *b, const char *s, size_t col)
{
	const char	*w;
	size_t		 n;
	int		 first = 1;

	while (*s != '\0') {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		w = s;
		n = strcspn(s, " ");
		s += n;
		if (!first) {
			if (col + 1 + n > FOLD_AT) {
				buf_puts(b, "\r\n ");
				col = 1;
			} else {
				buf_putc(b, ' ');
				col++;
			}
		}
		buf_append(b, w, n);
		col += n;
		first = 0;
	}
	return col;
}

void
mail_header(struct buf *b, const char *name, const char *value)
{
	char	*v = clean(value);
	size_t	 col;

	buf_printf(b, "%s: ", name);
	col = strlen(name) + 2;
	if (needs_encoding(v))
		(void)encoded_words(b, v, col);
	else
		(void)folded_words(b, v, col);
	buf_puts(b, "\r\n");
	free(v);
}

/* 1 when a display name may go out bare: atext and spaces.  Pure. */
static int
plain_phrase(const char *s)
{
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && *s != ' ' &&
		    strchr("!#$%&'*+-/=?^_`{|}~", *s) == NULL)
			return 0;
	return 1;
}

void
mail_address_header(struct buf *b, const char *name, const char *display,
    const char *addr)
{
	char		*d = clean(display);
	const char	*p;
	size_t		 col;

	buf_printf(b, "%s: ", name);
	col = strlen(name) + 2;
	if (*d == '\0') {
		buf_puts(b, addr);
		buf_puts(b, "\r\n");
		free(d);
		return;
	}
	if (needs_encoding(d))
		col = encoded_words(b, d, col);
	else if (plain_phrase(d))
		col = folded_words(b, d, col);
	else {
		buf_putc(b, '"');
		for (p = d; *p != '\0'; p++) {
			if (*p == '"' || *p == '\\')
				buf_putc(b, '\\');
			buf_putc(b, *p);
		}
		buf_putc(b, '"');
		col += strlen(d) + 2;
	}
	if (col + 3 + strlen(addr) > FOLD_AT)
		buf_puts(b, "\r\n");
	buf_printf(b, " <%s>\r\n", addr);
	free(d);
}

void
mail_date(time_t t, char out[40])
{
	static const char *const days[] = { "Sun", "Mon", "Tue", "Wed",
	    "Thu", "Fri", "Sat" };
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct tm	 tm;

	gmtime_r(&t, &tm);
	snprintf(out, 40, "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    days[tm.tm_wday % 7], tm.tm_mday, months[tm.tm_mon % 12],
	    tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* One line of text (no line break in it) as quoted-printable lines. */
static void
qp_line(struct buf *b, const char *s, size_t len)
{
	static const char	 hex[] = "0123456789ABCDEF";
	char			 tok[4];
	size_t			 i, col = 0, n;
	unsigned char		 c;
	int			 enc;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		enc = c == '=' || c >= 127 || (c < ' ' && c != '\t') ||
		    ((c == ' ' || c == '\t') && i + 1 == len);
		/* A soft break: the token must fit with its "=". */
		n = enc ? 3 : 1;
		if (col + n > QP_LINE - 1) {
			buf_puts(b, "=\r\n");
			col = 0;
		}
		if (col == 0 && c == '.') {
			enc = 1;
			n = 3;
		}
		if (enc) {
			tok[0] = '=';
			tok[1] = hex[c >> 4];
			tok[2] = hex[c & 15];
			buf_append(b, tok, 3);
		} else
			buf_putc(b, (char)c);
		col += n;
	}
	buf_puts(b, "\r\n");
}

void
mail_qp(struct buf *b, const char *text)
{
	const char	*p = text ? text : "", *nl;
	size_t		 len;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		len = nl ? (size_t)(nl - p) : strlen(p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		qp_line(b, p, len);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
}

/* The host part of a Message-ID: only characters a domain may have. */
static void
id_host(const char *host, char *out, size_t outlen)
{
	size_t	 i, n = 0;

	for (i = 0; host != NULL && host[i] != '\0' && n + 1 < outlen; i++)
		if (isalnum((unsigned char)host[i]) ||
		    strchr(".-", host[i]) != NULL)
			out[n++] = host[i];
	out[n] = '\0';
	if (n == 0)
		snprintf(out, outlen, "localhost");
}

int
mail_build(struct buf *out, const struct mail_msg *m)
{
	char	 date[40], host[256], *kind;

	if (!mail_address_ok(m->from_addr) || !mail_address_ok(m->to_addr))
		return 0;
	mail_date(m->date, date);
	id_host(m->host, host, sizeof(host));
	buf_printf(out, "Date: %s\r\n", date);
	mail_address_header(out, "From", m->from_name, m->from_addr);
	mail_address_header(out, "To", m->to_name, m->to_addr);
	mail_header(out, "Subject", m->subject);
	buf_printf(out, "Message-ID: <lectern.outbox.%lld@%s>\r\n", m->id,
	    host);
	buf_puts(out, "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n"
	    "Auto-Submitted: auto-generated\r\n");
	if (m->kind != NULL && *m->kind != '\0') {
		kind = clean(m->kind);
		if (!needs_encoding(kind))
			mail_header(out, "X-Lectern-Kind", kind);
		free(kind);
	}
	buf_puts(out, "\r\n");
	mail_qp(out, m->body);
	return 1;
}
