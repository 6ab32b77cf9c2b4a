/*
 * out.c: the one place where response bytes are written: the status
 * line, the security headers, the headers a handler added, the body.
 * What the bytes say is decided above (layout.c for pages).
 */
#include <stdio.h>
#include <string.h>

#include "core/config.h"
#include "core/db.h"
#include "core/limits.h"
#include "core/out.h"
#include "core/req.h"
#include "lib/escape.h"
#include "lib/util.h"

const char *
status_text(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 202: return "Accepted";
	case 204: return "No Content";
	case 302: return "Found";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 410: return "Gone";
	case 412: return "Precondition Failed";
	case 413: return "Payload Too Large";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Error";
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

int
out_cookie_secure(const struct req *r)
{
	return r->cfg->cookie_secure < 0 ? r->https : r->cfg->cookie_secure;
}

void
out_cookie(struct req *r, const char *name, const char *value, long max_age)
{
	struct buf	 b;
	int		 secure = out_cookie_secure(r);

	buf_init(&b);
	buf_printf(&b, "%s=%s; Path=/; HttpOnly; SameSite=Lax", name, value);
	if (max_age >= 0)
		buf_printf(&b, "; Max-Age=%ld", max_age);
	if (secure)
		buf_puts(&b, "; Secure");
	out_header(r, "Set-Cookie", b.data);
	buf_free(&b);
}

/*
 * Write the status line and every header, then the body.  image: the
 * body is a picture (send_image), with its own policy and caching.
 */
static int
emit_as(struct req *r, int status, const char *ctype, const char *body,
    size_t len, int image)
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
	if (image)
		/* A picture runs nothing, loads nothing, is framed nowhere. */
		buf_puts(&h, "Content-Security-Policy: default-src 'none'; "
		    "frame-ancestors 'none'; sandbox\r\n"
		    "Content-Disposition: inline\r\n"
		    "Cache-Control: private, max-age=86400\r\n");
	else {
		buf_printf(&h, "Content-Security-Policy: default-src 'self'; "
		    "script-src 'self'%s%s; style-src 'self'; "
		    "img-src 'self' data:; media-src 'self'%s%s; "
		    "frame-src %s; frame-ancestors 'none'; "
		    "form-action 'self'%s%s; base-uri 'none'; "
		    "object-src 'none'\r\n",
		    r->csp_script ? " " : "",
		    r->csp_script ? r->csp_script : "",
		    r->csp_media ? " " : "", r->csp_media ? r->csp_media : "",
		    r->csp_frame ? r->csp_frame : "'none'",
		    r->csp_form ? " " : "", r->csp_form ? r->csp_form : "");
		buf_puts(&h, "Cache-Control: no-store\r\n");
	}
	if (status == 503)
		buf_printf(&h, "Retry-After: %d\r\n", RETRY_AFTER_SECONDS);
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

/* emit_as() for everything but pictures. */
static int
emit(struct req *r, int status, const char *ctype, const char *body,
    size_t len)
{
	return emit_as(r, status, ctype, body, len, 0);
}

int
send_text(struct req *r, int status, const char *text)
{
	return emit(r, status, "text/plain; charset=utf-8", text,
	    strlen(text));
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
out_redirect_away(struct req *r, const char *url)
{
	if (url == NULL || (strncmp(url, "https://", 8) != 0 &&
	    strncmp(url, "http://", 7) != 0) || !header_safe(url)) {
		fprintf(stderr, "lectern: refused a redirect away on %s\n",
		    r->path);
		return 0;
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

void
out_csp_media(struct req *r, const char *origin)
{
	if (origin != NULL && origin_ok(origin))
		r->csp_media = origin;
}

int
send_download(struct req *r, const char *ctype, const char *filename,
    const char *data, size_t len)
{
	char	 disp[300];	/* the name is the caller's: short */

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


int
send_image(struct req *r, int status, const char *ctype, const char *data,
    size_t len)
{
	return emit_as(r, status, data != NULL ? ctype : NULL, data, len, 1);
}
