/*
 * out.h: the bytes and headers of a response, and nothing else: status
 * line and security headers, extra headers and cookies, redirects,
 * plain bodies and downloads.  Pages in the site layout are built in
 * layout.h on top of this.  Every send_* returns the HTTP status it
 * sent, so handlers can "return send_...(r, ...)".
 */
#ifndef LECTERN_OUT_H
#define LECTERN_OUT_H

#include <stddef.h>

struct req;

/* Add a header line for this response (dropped when unsafe). */
void	out_header(struct req *, const char *name, const char *value);
/*
 * 1 when this response's cookies are Secure: cookie_secure on, or
 * automatic and the request came over HTTPS.
 */
int	out_cookie_secure(const struct req *);
/* Set a cookie: max_age < 0 for a browser-session cookie, 0 to delete. */
void	out_cookie(struct req *, const char *name, const char *value,
	    long max_age);

/* A short plain-text answer (for programs: provider callbacks). */
int	send_text(struct req *, int status, const char *text);
/* 303 See Other to a local path. */
int	send_redirect(struct req *, const char *path);
/*
 * 303 See Other to an absolute http(s) address on another server (the
 * conferencing server's join address): never logged, sent with
 * Referrer-Policy no-referrer.  0 (nothing sent) when the address is
 * not one: the caller answers 500 (layout.h does, in
 * send_redirect_away).
 */
int	out_redirect_away(struct req *, const char *url);
/*
 * Let this response's page load scripts from script_origin, frame
 * frame_origin and send forms that end at form_origin
 * ("https://host:port"; each may be NULL): the room pages that embed
 * the conferencing client, and pages whose Join Session form is
 * redirected to the conferencing server (browsers hold redirects after
 * a form to form-action).  Origins are checked.
 */
void	out_csp_allow(struct req *, const char *script_origin,
	    const char *frame_origin, const char *form_origin);
/* Let this response's page play audio and video from origin
 * ("https://host:port"; checked): a recording beside its transcript. */
void	out_csp_media(struct req *, const char *origin);
/* A download (CSV, text) with attachment file name. */
int	send_download(struct req *, const char *ctype, const char *filename,
	    const char *data, size_t len);

/*
 * Any other body (a page fragment, a calendar feed, a file) with status and ctype; data
 * NULL sends no body at all (204, 304).  Headers added with out_header
 * go with it.
 */
int	send_body(struct req *, int status, const char *ctype,
	    const char *data, size_t len);

/*
 * A picture (200 with data, or a bodiless 304 with data NULL), served
 * inline with its exact ctype under a policy that allows nothing
 * (default-src 'none', sandbox) and cached privately for a day: its
 * address carries its version.  Headers added with out_header (ETag)
 * go with it.
 */
int	send_image(struct req *, int status, const char *ctype,
	    const char *data, size_t len);

/* Reason phrase for a status. */
const char *status_text(int);

#endif
