/*
 * mail.h: handing a finished message to the mail system: an SMTP server
 * through libcurl (one connection kept for a whole batch) or the host's
 * sendmail program.  The message text comes from mailmsg.c.
 */
#ifndef LECTERN_MAIL_H
#define LECTERN_MAIL_H

#include <stddef.h>

struct config;
struct mail_transport;

enum mail_rc {
	MAIL_OK = 0,
	MAIL_TEMP,	/* this message failed for now: try it again later */
	MAIL_PERM,	/* this message will never be accepted */
	MAIL_DOWN	/* the mail system cannot be reached: stop the batch */
};

/* A transport as configured (mail_transport); nothing connects yet. */
struct mail_transport	*mail_open(const struct config *);
/*
 * Send msg (RFC 5322 text with CRLF lines) from the configured sender
 * to the address rcpt.  On failure err gets a reason that never holds
 * a password.
 */
enum mail_rc	mail_send(struct mail_transport *, const char *rcpt,
		    const char *msg, size_t len, char *err, size_t errlen);
/* Say goodbye to the server (SMTP QUIT) and free the transport. */
void		mail_close(struct mail_transport *);

#endif
