/*
 * out.c: the one place where response bytes are written.
 */
#include <stdio.h>
#include <string.h>

#include "core/auth.h"
#include "lib/clock.h"
#include "core/config.h"
#include "core/db.h"
#include "lib/escape.h"
#include "core/model.h"
#include "notify/notify.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "lib/util.h"

const char *
status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 410: return "Gone";
	case 413: return "Payload Too Large";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Error";
	}
}

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

void
out_header(struct req *r, const char *name, const char *value)
{
	if (!header_safe(name) || !header_safe(value)) {
		fprintf(stderr, "lectern: dropped unsafe header %s\n", name);
		return;
	}
	buf_printf(&r->headers, "%s: %s\r\n", name, value);
}

void
out_cookie(struct req *r, const char *name, const char *value, long max_age)
{
	struct buf	 b;
	int		 secure = r->cfg->cookie_secure;

	if (secure < 0)
		secure = r->https;
	buf_init(&b);
	buf_printf(&b, "%s=%s; Path=/; HttpOnly; SameSite=Lax", name, value);
	if (max_age >= 0)
		buf_printf(&b, "; Max-Age=%ld", max_age);
	if (secure)
		buf_puts(&b, "; Secure");
	out_header(r, "Set-Cookie", b.data);
	buf_free(&b);
}

/* Write the status line and every header, then the body. */
static int
emit(struct req *r, int status, const char *ctype, const char *body,
    size_t len)
{
	struct buf	 h;

	if (r->sent) {
		fprintf(stderr, "lectern: response sent twice on %s\n", r->path);
		return r->status;
	}
	buf_init(&h);
	buf_printf(&h, "Status: %d %s\r\n", status, status_text(status));
	if (ctype != NULL)
		buf_printf(&h, "Content-Type: %s\r\n", ctype);
	buf_puts(&h, "X-Content-Type-Options: nosniff\r\n"
	    "X-Frame-Options: DENY\r\n");
	buf_printf(&h, "Content-Security-Policy: default-src 'self'; "
	    "script-src 'self'%s%s; style-src 'self'; img-src 'self' data:; "
	    "frame-src %s; frame-ancestors 'none'; form-action 'self'%s%s; "
	    "base-uri 'none'; object-src 'none'\r\n",
	    r->csp_script ? " " : "", r->csp_script ? r->csp_script : "",
	    r->csp_frame ? r->csp_frame : "'none'",
	    r->csp_form ? " " : "", r->csp_form ? r->csp_form : "");
	buf_puts(&h, "Cache-Control: no-store\r\n");
	if (r->away || (r->route != NULL &&
	    (r->route->flags & RT_NO_REFERRER)))
		buf_puts(&h, "Referrer-Policy: no-referrer\r\n");
	else
		buf_puts(&h, "Referrer-Policy: same-origin\r\n");
	if (body != NULL)
		buf_printf(&h, "Content-Length: %zu\r\n", len);
	if (r->cfg->expose_query_count && r->db != NULL)
		buf_printf(&h, "X-Lectern-Queries: %u\r\n", db_queries(r->db));
	if (r->headers.len > 0)
		buf_append(&h, r->headers.data, r->headers.len);
	buf_puts(&h, "\r\n");
	r->io->write(r->io->ctx, h.data, h.len);
	if (body != NULL && len > 0 && !r->head)
		r->io->write(r->io->ctx, body, len);
	buf_free(&h);
	r->sent = 1;
	r->status = status;
	return status;
}

/*
 * The unread count beside "Notifications": one bounded query, skipped
 * when the database is known to be away, and left out when it fails,
 * so that no page breaks over it.
 */
static void
unread_badge(struct req *r, struct tpl_dict *s)
{
	long long	 n;

	if (r->db == NULL || db_is_down(r->db) ||
	    db_inapp_unread(r->db, r->user->id, &n) != DB_OK || n <= 0)
		return;
	tpl_set(tpl_section(s, "UNREAD"), "UNREAD_COUNT", n > INAPP_BADGE_MAX ?
	    arena_printf(r->a, "%d+", INAPP_BADGE_MAX) :
	    arena_printf(r->a, "%lld", n));
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
	/* The flash was shown: forget it. */
	if (r->flash_pending && r->token_hash != NULL)
		(void)db_exec(r->db, STMT_AUTH_TOUCH, NULL, "s", r->token_hash);
	rc = emit(r, status, "text/html; charset=utf-8", b.data, b.len);
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
	status = emit(r, status, "text/html; charset=utf-8", b.data, b.len);
	buf_free(&b);
	return status;
}

int
send_text(struct req *r, int status, const char *text)
{
	return emit(r, status, "text/plain; charset=utf-8", text,
	    strlen(text));
}

int
send_db_error(struct req *r)
{
	return send_error(r, db_is_down(r->db) ? 503 : 500, NULL);
}

int
send_redirect(struct req *r, const char *path)
{
	if (!local_path_safe(path))
		path = "/";
	out_header(r, "Location", path);
	return emit(r, 303, NULL, NULL, 0);
}

int
send_redirect_away(struct req *r, const char *url)
{
	if (url == NULL || (strncmp(url, "https://", 8) != 0 &&
	    strncmp(url, "http://", 7) != 0) || !header_safe(url)) {
		fprintf(stderr, "lectern: refused a redirect away on %s\n",
		    r->path);
		return send_error(r, 500, NULL);
	}
	r->away = 1;
	buf_printf(&r->headers, "Location: %s\r\n", url);
	return emit(r, 303, NULL, NULL, 0);
}

/* 1 when s is a bare origin: scheme://host[:port], nothing more. */
static int
origin_ok(const char *s)
{
	const char	*p;

	if (strncmp(s, "https://", 8) == 0)
		p = s + 8;
	else if (strncmp(s, "http://", 7) == 0)
		p = s + 7;
	else
		return 0;
	if (*p == '\0')
		return 0;
	for (; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '.' || *p == '-' ||
		    *p == ':' || *p == '[' || *p == ']'))
			return 0;
	return 1;
}

void
out_csp_allow(struct req *r, const char *script_origin,
    const char *frame_origin, const char *form_origin)
{
	if (script_origin != NULL && origin_ok(script_origin))
		r->csp_script = script_origin;
	if (frame_origin != NULL && origin_ok(frame_origin))
		r->csp_frame = frame_origin;
	if (form_origin != NULL && origin_ok(form_origin))
		r->csp_form = form_origin;
}

int
send_download(struct req *r, const char *ctype, const char *filename,
    const char *data, size_t len)
{
	char	 disp[300];

	snprintf(disp, sizeof(disp), "attachment; filename=\"%s\"", filename);
	out_header(r, "Content-Disposition", disp);
	return emit(r, 200, ctype, data, len);
}

int
send_body(struct req *r, int status, const char *ctype, const char *data,
    size_t len)
{
	return emit(r, status, data != NULL ? ctype : NULL, data, len);
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

void
flash_set(struct req *r, const char *msg)
{
	if (r->token_hash == NULL)
		return;
	(void)db_exec(r->db, STMT_AUTH_SET_FLASH, NULL, "ss", msg,
	    r->token_hash);
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
