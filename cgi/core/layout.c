/*
 * layout.c: pages in the site layout, error pages, form and time
 * helpers.  The layout shows what the request already holds (the user
 * and the unread count loaded with the sign-in session, the flash); it
 * runs no query, and a flash it showed is cleared when the request ends
 * (auth_done).
 */
#include <stdio.h>
#include <string.h>

#include "core/auth.h"
#include "core/config.h"
#include "core/db.h"
#include "core/layout.h"
#include "core/limits.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "lib/clock.h"
#include "lib/escape.h"
#include "lib/util.h"

#define HTML_TYPE	"text/html; charset=utf-8"

/* Friendly sentence for an error page when the caller gave none. */
static const char *
status_sentence(int status)
{
	switch (status) {
	case 400: return "The request could not be understood.";
	case 403: return "You do not have access to this page.";
	case 404: return "There is no page at this address.";
	case 405: return "This page does not accept that kind of request.";
	case 413: return "What you sent is larger than this site accepts.";
	case 429: return "Too many attempts. Please wait and try again.";
	case 503: return "Lectern cannot reach its database right now. "
		      "Please try again in a minute.";
	default: return "Something went wrong on our side. "
		     "The problem has been logged.";
	}
}

/*
 * The unread count beside "Notifications", as loaded with the sign-in
 * session; left out when the database is known to be away, so that no
 * page shows a count it could not have read.
 */
static void
unread_badge(struct req *r, struct tpl_dict *s)
{
	if (r->db == NULL || db_is_down(r->db) || r->unread <= 0)
		return;
	tpl_set(tpl_section(s, "UNREAD"), "UNREAD_COUNT",
	    r->unread > UNREAD_MAX ?
	    arena_printf(r->a, "%d+", UNREAD_MAX) :
	    arena_printf(r->a, "%d", r->unread));
}

struct tpl_dict *
page_begin(struct req *r, const char *tpl, const char *title)
{
	struct tpl_dict	*d, *body, *s;
	const struct user *u = r->user;

	d = tpl_dict_new();
	arena_on_free(r->a, tpl_dict_free, d);
	r->page = d;
	tpl_set(d, "TITLE", title);
	tpl_set(d, "SCHOOL_NAME", r->cfg->school_name);
	tpl_set(d, "CSRF", csrf_token(r));
	if (u != NULL) {
		s = tpl_section(d, "SIGNED_IN");
		tpl_set(s, "USER_NAME", u->name);
		tpl_set(s, "USER_ROLE", role_label(u->role));
		if (u->role == ROLE_ADMIN)
			tpl_show(s, "ADMIN_NAV");
		else if (u->role == ROLE_TEACHER)
			tpl_show(s, "TEACHER_NAV");
		unread_badge(r, s);
	} else
		tpl_show(d, "SIGNED_OUT");
	if (r->flash != NULL) {
		s = tpl_section(d, "FLASH");
		tpl_set(s, "MESSAGE", r->flash);
	}
	body = tpl_include(d, "BODY", tpl);
	tpl_set(body, "CSRF", csrf_token(r));
	return body;
}

int
page_send(struct req *r, int status)
{
	struct buf	 b;
	int		 rc;

	buf_init(&b);
	if (!tpl_expand("layout.tpl", r->page, &b)) {
		buf_free(&b);
		fprintf(stderr, "lectern: template expansion failed on %s\n",
		    r->path);
		r->page = NULL;
		return send_error(r, 500, NULL);
	}
	/* The flash was shown: auth_done() forgets it. */
	if (r->flash_pending)
		r->flash_shown = 1;
	rc = send_body(r, status, HTML_TYPE, b.data, b.len);
	buf_free(&b);
	return rc;
}

int
send_error(struct req *r, int status, const char *msg)
{
	struct tpl_dict	*d;
	struct buf	 b;

	d = page_begin(r, "error.tpl", status_text(status));
	tpl_set_int(d, "STATUS", status);
	tpl_set(d, "REASON", status_text(status));
	tpl_set(d, "MESSAGE", msg ? msg : status_sentence(status));
	if (status == 405 && r->route != NULL)
		out_header(r, "Allow", r->route->method == M_POST ?
		    "POST" : "GET, HEAD");
	buf_init(&b);
	if (!tpl_expand("layout.tpl", r->page, &b)) {
		/* Last resort: a plain page written here. */
		buf_reset(&b);
		buf_printf(&b, "<!doctype html><title>%d</title><p>", status);
		esc_html(&b, msg ? msg : status_sentence(status));
	}
	status = send_body(r, status, HTML_TYPE, b.data, b.len);
	buf_free(&b);
	return status;
}

int
send_db_error(struct req *r)
{
	if (db_is_busy(r->db))
		return send_error(r, 503, "Lectern's database is busy right "
		    "now. Please try again in a moment.");
	/* A conflict undid the handler's work: the dispatcher runs it again. */
	if (db_restartable(r->db) && r->restarts < REQ_RESTARTS) {
		db_rollback(r->db);
		r->restart = 1;
		return 0;
	}
	return send_error(r, db_is_down(r->db) ? 503 : 500, NULL);
}

int
send_redirect_away(struct req *r, const char *url)
{
	int	 status;

	if ((status = out_redirect_away(r, url)) == 0)
		return send_error(r, 500, NULL);
	return status;
}

void
form_field(struct tpl_dict *d, const struct pval *pv, const char *value_var,
    const char *error_sec)
{
	if (pv == NULL)
		return;
	if (value_var != NULL && pv->decl->type != PT_SECRET)
		tpl_set(d, value_var, pv->raw ? pv->raw : "");
	if (pv->error != NULL && error_sec != NULL)
		form_error(d, error_sec, pv->error);
}

void
form_error(struct tpl_dict *d, const char *error_sec, const char *msg)
{
	struct tpl_dict	*s = tpl_section(d, error_sec);

	tpl_set(s, "MESSAGE", msg);
}

const char *
zone_label(struct req *r, const char *abbr)
{
	const char	*tz = viewer_zone(r);

	if (abbr == NULL || *abbr == '\0' || strcmp(abbr, tz) == 0)
		return tz;
	return arena_printf(r->a, "%s %s", tz, abbr);
}

char *
show_time(struct req *r, const char *utc)
{
	char	 out[LOCALTEXT_LEN], abbr[16];

	if (!local_text(utc, viewer_zone(r), out, abbr))
		return arena_printf(r->a, "%s UTC", utc ? utc : "");
	return arena_printf(r->a, "%s (%s)", out, zone_label(r, abbr));
}
