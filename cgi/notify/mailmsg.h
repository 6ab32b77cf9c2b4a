/*
 * mailmsg.h: building an email message as RFC 5322 text, and the retry
 * schedule of the outbox.  Pure functions over struct buf: no database,
 * no network, so they are unit-tested on their own (tests/unit).
 */
#ifndef LECTERN_MAILMSG_H
#define LECTERN_MAILMSG_H

#include <stddef.h>
#include <time.h>

struct buf;

/* Delivery attempts before a message is given up ('failed'). */
#define MAIL_MAX_ATTEMPTS	8

/*
 * Seconds to wait before the next attempt after the attempt-th failed
 * one (1 based): 1 min, 5 min, 30 min, 2 h, 12 h, then 24 h.
 */
long	mail_backoff(int attempt);

/* 1 when s is a plain address that may go into a header and an SMTP
 * envelope: local@domain, printable ASCII, no spaces, brackets or
 * controls.  Pure. */
int	mail_address_ok(const char *s);

/* The host of a base URL ("https://h.example:8443/x" gives
 * "h.example") into out; "localhost" when there is none. */
void	mail_url_host(const char *url, char *out, size_t outlen);

/*
 * A header field "Name: value" with CRLF, folded below 78 columns.  A
 * value with non-ASCII bytes becomes RFC 2047 encoded-words (UTF-8,
 * base64) that never split a character; control characters become
 * spaces.
 */
void	mail_header(struct buf *, const char *name, const char *value);
/*
 * An address field: "Name: Display <addr>" with CRLF; the display name
 * is given as is, quoted, or encoded (RFC 2047) as it needs.
 */
void	mail_address_header(struct buf *, const char *name,
	    const char *display, const char *addr);
/* The RFC 5322 date of an instant, in UTC ("Mon, 24 Mar 2031 13:00:00
 * +0000") into out. */
void	mail_date(time_t, char out[40]);
/*
 * text (UTF-8, LF or CRLF lines) as quoted-printable with CRLF line
 * ends and lines of at most 76 characters; a leading dot is encoded
 * too, so that no transport can take it for the end of the data.
 */
void	mail_qp(struct buf *, const char *text);

/* What one message says and to whom. */
struct mail_msg {
	long long	 id;		/* outbox id: names the Message-ID */
	const char	*host;		/* of base_url, for the Message-ID */
	time_t		 date;
	const char	*from_name, *from_addr;
	const char	*to_name, *to_addr;
	const char	*subject;
	const char	*body;		/* UTF-8 text */
	const char	*kind;		/* X-Lectern-Kind; may be NULL */
};

/*
 * The whole message (headers, blank line, quoted-printable body, CRLF
 * line ends) appended to out.  The Message-ID is the same however often
 * the message is sent again.  Returns 1, or 0 when an address is not
 * acceptable (nothing appended then).
 */
int	mail_build(struct buf *out, const struct mail_msg *);

#endif
