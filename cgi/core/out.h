/*
 * out.h: everything a response is made of goes through here: status
 * line and security headers, cookies, pages rendered in the site
 * layout, error pages, redirects and downloads.  Every send_* returns
 * the HTTP status it sent, so handlers can "return send_...(r, ...)".
 */
#ifndef LECTERN_OUT_H
#define LECTERN_OUT_H

#include <stddef.h>

struct req;
struct tpl_dict;
struct pval;

/* Add a header line for this response (dropped when unsafe). */
void	out_header(struct req *, const char *name, const char *value);
/* Set a cookie: max_age < 0 for a browser-session cookie, 0 to delete. */
void	out_cookie(struct req *, const char *name, const char *value,
	    long max_age);

/*
 * Start a page: the layout dictionary is prepared (user, navigation,
 * flash, CSRF token) and the body template is included.  Returns the
 * body dictionary, which also has CSRF set.
 */
struct tpl_dict	*page_begin(struct req *, const char *tpl, const char *title);
/* Render the page begun above with the given status. */
int		 page_send(struct req *, int status);

/* Error page in the layout; msg (may be NULL) is shown to the user. */
int	send_error(struct req *, int status, const char *msg);
/* A short plain-text answer (for programs: provider callbacks). */
int	send_text(struct req *, int status, const char *text);
/* 503 when the database is down, else 500. */
int	send_db_error(struct req *);
/* 303 See Other to a local path. */
int	send_redirect(struct req *, const char *path);
/*
 * 303 See Other to an absolute http(s) address on another server (the
 * conferencing server's join address): never logged, sent with
 * Referrer-Policy no-referrer.  500 when the address is not one.
 */
int	send_redirect_away(struct req *, const char *url);
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

/* Remember a message to show on the next page of this signed-in user. */
void	flash_set(struct req *, const char *msg);

/*
 * Fill VALUE and ERROR variables for a form field from a validated
 * parameter: value_var gets the raw text (not for secrets), and when
 * the field is invalid, section error_sec is shown with MESSAGE.
 */
void	form_field(struct tpl_dict *, const struct pval *,
	    const char *value_var, const char *error_sec);
/* Show error_sec with MESSAGE = msg. */
void	form_error(struct tpl_dict *, const char *error_sec, const char *msg);

/* The viewer's zone with an abbreviation: "Europe/Berlin CET", or just
 * "UTC" when the abbreviation is the zone's name.  An arena string. */
const char	*zone_label(struct req *, const char *abbr);
/*
 * A database DATETIME (UTC) as the viewer reads it: "YYYY-MM-DD HH:MM
 * (Europe/Berlin CET)", or "(UTC)" where the abbreviation is the zone's
 * name.  An arena string; the UTC text itself when it cannot convert.
 */
char	*show_time(struct req *, const char *utc);

/* Reason phrase for a status. */
const char *status_text(int);

#endif
