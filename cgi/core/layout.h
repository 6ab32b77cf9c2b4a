/*
 * layout.h: the page chrome, as cgit's ui-shared: pages rendered in the
 * site layout (navigation, the signed-in user, the unread badge, the
 * flash), error pages, and the helpers forms and times share.  Nothing
 * here reads or writes the database: what the layout shows was loaded
 * with the sign-in session (auth.c).
 */
#ifndef LECTERN_LAYOUT_H
#define LECTERN_LAYOUT_H

struct req;
struct tpl_dict;
struct pval;

/*
 * Start a page: the layout dictionary is prepared (user, navigation,
 * unread badge, flash, CSRF token) and the body template is included.
 * Returns the body dictionary, which also has CSRF set.
 */
struct tpl_dict	*page_begin(struct req *, const char *tpl, const char *title);
/* Render the page begun above with the given status. */
int		 page_send(struct req *, int status);

/* Error page in the layout; msg (may be NULL) is shown to the user. */
int	send_error(struct req *, int status, const char *msg);
/* 503 when the database is down, else 500. */
int	send_db_error(struct req *);
/*
 * 303 See Other to an absolute http(s) address on another server (see
 * out_redirect_away); the 500 error page when the address is not one.
 */
int	send_redirect_away(struct req *, const char *url);

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

#endif
