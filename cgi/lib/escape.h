/*
 * escape.h: escaping by output context, for the few places where C
 * writes markup, URLs or headers itself (templates escape on their own).
 */
#ifndef LECTERN_ESCAPE_H
#define LECTERN_ESCAPE_H

struct buf;
struct arena;

/* Text or attribute value: & < > " ' become entities. */
void	esc_html(struct buf *, const char *);
/* One URL query component: everything but RFC 3986 unreserved is %XX. */
void	esc_url(struct buf *, const char *);
char	*url_encode(struct arena *, const char *);
/* 1 when s may go into a header value: no CR, LF or other controls but tab. */
int	header_safe(const char *);
/* 1 when s is a local path safe to redirect to after sign-in: starts with
 * one '/', not "//" or "/\", no controls, no scheme. */
int	local_path_safe(const char *);

#endif
