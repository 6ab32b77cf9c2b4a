/*
 * parse.c: parsers for untrusted request bytes.  Nothing here trusts a
 * length, a quote or a boundary it was given: every limit in struct
 * parse_limits is checked before memory is committed, and every failure
 * leaves the caller's lists untouched.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "lib/util.h"
#include "lib/parse.h"

#define DEF_MAX_FIELDS	256
#define DEF_MAX_FIELD	(64 * 1024)
#define DEF_MAX_FILE	(10 * 1024 * 1024)
#define DEF_MAX_FILES	8
#define DEF_TMPDIR	"/tmp"

#define MP_LINE_MAX	8192	/* one part header line, without CRLF */
#define MP_MAX_HEADERS	32	/* header lines in one part */
#define MP_BOUNDARY_MAX	70	/* RFC 2046 */
#define MP_DELIM_MAX	(4 + MP_BOUNDARY_MAX)
#define MP_STAGE	(64 * 1024)
#define MP_MAX_PADDING	256	/* blanks allowed after a boundary */

/* Effective limits: the caller's, with zeros replaced by defaults. */
struct lim {
	size_t		 max_fields;
	size_t		 max_field;
	size_t		 max_file;
	size_t		 max_files;
	const char	*tmpdir;
};

/*
 * Fill l from the caller's limits (which may be NULL).  Does not
 * allocate; tmpdir points into the caller's struct or a literal.
 */
static void
lim_get(const struct parse_limits *pl, struct lim *l)
{
	l->max_fields = DEF_MAX_FIELDS;
	l->max_field = DEF_MAX_FIELD;
	l->max_file = DEF_MAX_FILE;
	l->max_files = DEF_MAX_FILES;
	l->tmpdir = DEF_TMPDIR;
	if (pl == NULL)
		return;
	if (pl->max_fields)
		l->max_fields = pl->max_fields;
	if (pl->max_field)
		l->max_field = pl->max_field;
	if (pl->max_file)
		l->max_file = pl->max_file;
	if (pl->max_files)
		l->max_files = pl->max_files;
	if (pl->tmpdir != NULL && pl->tmpdir[0] != '\0')
		l->tmpdir = pl->tmpdir;
}

/*
 * Decode n bytes of s ('+' is a space, %XX a byte) into a new
 * NUL-terminated arena string.  Returns 0 and sets *out, *outlen on
 * success, -1 (allocating nothing) on a bad escape.
 */
int
url_decode(struct arena *a, const char *s, size_t n, char **out,
    size_t *outlen)
{
	size_t	 i, j;
	char	*d;
	int	 hi, lo;

	/* Check first so that a bad escape costs no memory. */
	for (i = 0; i < n; i++) {
		if (s[i] != '%')
			continue;
		if (n - i < 3 || hex_value((unsigned char)s[i + 1]) < 0 ||
		    hex_value((unsigned char)s[i + 2]) < 0)
			return -1;
		i += 2;
	}
	d = arena_alloc(a, n + 1);
	for (i = j = 0; i < n; i++) {
		if (s[i] == '+')
			d[j++] = ' ';
		else if (s[i] == '%') {
			hi = hex_value((unsigned char)s[i + 1]);
			lo = hex_value((unsigned char)s[i + 2]);
			d[j++] = (char)(hi << 4 | lo);
			i += 2;
		} else
			d[j++] = s[i];
	}
	d[j] = '\0';
	*out = d;
	if (outlen != NULL)
		*outlen = j;
	return 0;
}

/* Append an arena-allocated pair to list.  Allocates the node in a. */
void
kv_add(struct arena *a, struct kvlist *list, char *key, char *val,
    size_t vlen)
{
	struct kv	*kv = arena_alloc(a, sizeof(*kv));

	kv->key = key;
	kv->val = val;
	kv->vlen = vlen;
	kv->next = NULL;
	if (list->tail != NULL)
		list->tail->next = kv;
	else
		list->head = kv;
	list->tail = kv;
	list->count++;
}

/* First value stored under key, or NULL.  Does not allocate. */
const char *
kv_get(const struct kvlist *list, const char *key)
{
	const struct kv	*kv;

	if (list == NULL || key == NULL)
		return NULL;
	for (kv = list->head; kv != NULL; kv = kv->next)
		if (strcmp(kv->key, key) == 0)
			return kv->val;
	return NULL;
}

/* First pair stored under key, or NULL.  Does not allocate. */
const struct kv *
kv_find(const struct kvlist *list, const char *key)
{
	const struct kv	*kv;

	if (list == NULL || key == NULL)
		return NULL;
	for (kv = list->head; kv != NULL; kv = kv->next)
		if (strcmp(kv->key, key) == 0)
			return kv;
	return NULL;
}

/* 1 when kv's value holds a NUL byte before its end.  Pure. */
int
kv_has_nul(const struct kv *kv)
{
	return kv != NULL && kv->val != NULL &&
	    memchr(kv->val, '\0', kv->vlen) != NULL;
}

/* The first pair whose value holds a NUL byte, or NULL.  Pure. */
const struct kv *
kv_first_nul(const struct kvlist *list)
{
	const struct kv	*kv;

	if (list == NULL)
		return NULL;
	for (kv = list->head; kv != NULL; kv = kv->next)
		if (kv_has_nul(kv))
			return kv;
	return NULL;
}

/* Move every pair of src to the end of dst.  Allocates nothing. */
static void
kv_splice(struct kvlist *dst, struct kvlist *src)
{
	if (src->head == NULL)
		return;
	if (dst->tail != NULL)
		dst->tail->next = src->head;
	else
		dst->head = src->head;
	dst->tail = src->tail;
	dst->count += src->count;
}

/*
 * Decode "a=1&b=2" into list (appending).  On failure list is left as it
 * was; any memory used stays in the arena.
 */
enum parse_rc
parse_urlencoded(struct arena *a, const char *s, size_t n,
    const struct parse_limits *pl, struct kvlist *list)
{
	struct lim	 l;
	struct kvlist	 tmp = { NULL, NULL, 0 };
	const char	*p, *end, *amp, *eq;
	char		*key, *val;
	size_t		 klen, vlen;

	lim_get(pl, &l);
	if (s == NULL)
		return PARSE_OK;
	p = s;
	end = s + n;
	while (p < end) {
		if ((amp = memchr(p, '&', (size_t)(end - p))) == NULL)
			amp = end;
		if (amp == p) {
			p++;
			continue;
		}
		if (tmp.count >= l.max_fields)
			return PARSE_MALFORMED;
		if ((eq = memchr(p, '=', (size_t)(amp - p))) == NULL)
			eq = amp;
		if (url_decode(a, p, (size_t)(eq - p), &key, &klen) == -1)
			return PARSE_MALFORMED;
		if (memchr(key, '\0', klen) != NULL)
			return PARSE_MALFORMED;
		if (klen > l.max_field)
			return PARSE_TOO_BIG;
		if (eq < amp) {
			if (url_decode(a, eq + 1, (size_t)(amp - eq - 1),
			    &val, &vlen) == -1)
				return PARSE_MALFORMED;
		} else {
			val = arena_strdup(a, "");
			vlen = 0;
		}
		if (vlen > l.max_field)
			return PARSE_TOO_BIG;
		kv_add(a, &tmp, key, val, vlen);
		p = amp;
	}
	kv_splice(list, &tmp);
	return PARSE_OK;
}

/* 1 for the blanks that may surround cookie pairs.  Pure. */
static int
is_ows(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Parse a Cookie header value into list (appending).  Pairs without
 * '=' or with an empty name are skipped.  Too many pairs is
 * PARSE_MALFORMED, an oversize name or value PARSE_TOO_BIG.  On failure
 * list is left as it was.
 */
enum parse_rc
parse_cookies(struct arena *a, const char *hdr, const struct parse_limits *pl,
    struct kvlist *list)
{
	struct lim	 l;
	struct kvlist	 tmp = { NULL, NULL, 0 };
	const char	*p, *semi, *eq, *ks, *ke, *vs, *ve;

	lim_get(pl, &l);
	if (hdr == NULL)
		return PARSE_OK;
	for (p = hdr; *p != '\0'; p = *semi ? semi + 1 : semi) {
		if ((semi = strchr(p, ';')) == NULL)
			semi = p + strlen(p);
		if ((eq = memchr(p, '=', (size_t)(semi - p))) == NULL)
			continue;
		ks = p;
		ke = eq;
		while (ks < ke && is_ows(*ks))
			ks++;
		while (ke > ks && is_ows(ke[-1]))
			ke--;
		if (ks == ke)
			continue;
		vs = eq + 1;
		ve = semi;
		while (vs < ve && is_ows(*vs))
			vs++;
		while (ve > vs && is_ows(ve[-1]))
			ve--;
		if (ve - vs >= 2 && *vs == '"' && ve[-1] == '"') {
			vs++;
			ve--;
		}
		if (tmp.count >= l.max_fields)
			return PARSE_MALFORMED;
		if ((size_t)(ke - ks) > l.max_field ||
		    (size_t)(ve - vs) > l.max_field)
			return PARSE_TOO_BIG;
		kv_add(a, &tmp, arena_strndup(a, ks, (size_t)(ke - ks)),
		    arena_strndup(a, vs, (size_t)(ve - vs)),
		    (size_t)(ve - vs));
	}
	kv_splice(list, &tmp);
	return PARSE_OK;
}

/*
 * Header parameters ("type; a=1; b="x y"").
 */

/* 1 when c may appear in an RFC 7230 token.  Pure. */
static int
is_tchar(unsigned char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return 1;
	return c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

/*
 * Find parameter want (case-insensitive) in the ';'-separated list
 * starting at p.  Values may be tokens or quoted strings; inside quotes
 * only \" is an escape (browsers send Windows paths with bare
 * backslashes).  Returns 1 and an arena copy in *out when found exactly
 * once, 0 when absent, -1 when the list is malformed or want repeats.
 */
static int
get_param(struct arena *a, const char *p, const char *want, char **out)
{
	const char	*ns, *vs;
	size_t		 nlen, i, vlen;
	struct buf	 b;
	int		 found = 0, match;

	*out = NULL;
	for (;;) {
		while (is_ows(*p))
			p++;
		if (*p == '\0')
			return found;
		if (*p++ != ';')
			return -1;
		while (is_ows(*p))
			p++;
		if (*p == '\0' || *p == ';')
			continue;	/* tolerate empty parameters */
		ns = p;
		while (is_tchar((unsigned char)*p))
			p++;
		if ((nlen = (size_t)(p - ns)) == 0)
			return -1;
		while (is_ows(*p))
			p++;
		if (*p++ != '=')
			return -1;
		while (is_ows(*p))
			p++;
		match = strlen(want) == nlen &&
		    strncasecmp(ns, want, nlen) == 0;
		if (match && found)
			return -1;
		if (*p == '"') {
			p++;
			buf_init(&b);
			for (;;) {
				if (*p == '\0') {
					buf_free(&b);
					return -1;
				}
				if (*p == '"')
					break;
				if (p[0] == '\\' && p[1] == '"')
					p++;
				buf_putc(&b, *p++);
			}
			p++;
			if (match) {
				*out = arena_strndup(a, b.data ? b.data : "",
				    b.len);
				found = 1;
			}
			buf_free(&b);
		} else {
			vs = p;
			for (i = 0; p[i] != '\0' && p[i] != ';' &&
			    !is_ows(p[i]); i++)
				if (p[i] == '"')
					return -1;
			vlen = i;
			p += i;
			if (vlen == 0)
				return -1;
			if (match) {
				*out = arena_strndup(a, vs, vlen);
				found = 1;
			}
		}
	}
}

/*
 * Check the leading type of a header value ("multipart/form-data; ...")
 * against want (case-insensitive).  Returns a pointer just after the
 * type (at ';' or the end), or NULL when it differs.  Pure.
 */
static const char *
match_type(const char *v, const char *want)
{
	size_t	 n = strlen(want);

	while (is_ows(*v))
		v++;
	if (strncasecmp(v, want, n) != 0)
		return NULL;
	v += n;
	if (*v != '\0' && *v != ';' && !is_ows(*v))
		return NULL;
	return v;
}

/* 1 when b is a legal RFC 2046 boundary.  Pure. */
static int
boundary_ok(const char *b)
{
	size_t	 n = strlen(b), i;

	if (n == 0 || n > MP_BOUNDARY_MAX || b[n - 1] == ' ')
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)b[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9'))
			continue;
		if (strchr("'()+_,-./:=? ", c) == NULL)
			return 0;
	}
	return 1;
}

/*
 * Multipart parser.
 */

enum mp_state {
	MP_PREAMBLE,		/* before the first boundary */
	MP_AFTER_DELIM,		/* just after "\r\n--boundary" */
	MP_AFTER_DELIM_CR,	/* saw CR after the boundary */
	MP_CLOSE_DASH,		/* saw the first '-' of "--" */
	MP_HEADERS,		/* reading part header lines */
	MP_BODY,		/* in a part body */
	MP_EPILOGUE		/* after the close delimiter */
};

struct mp_parser {
	struct arena	*arena;
	struct lim	 lim;
	enum mp_state	 state;
	enum parse_rc	 err;		/* sticky once not PARSE_OK */

	/* The delimiter "\r\n--boundary" and its KMP failure table. */
	char		 delim[MP_DELIM_MAX + 1];
	size_t		 dlen;
	size_t		 fail[MP_DELIM_MAX];
	size_t		 k;		/* delimiter bytes matched so far */
	size_t		 padding;

	/* Header line being read. */
	char		*line;
	size_t		 llen;
	size_t		 nheaders;

	/* The current part. */
	int		 have_disp;
	char		*name;
	char		*filename;	/* NULL for a text part */
	char		*ctype;
	struct buf	 text;		/* heap: text part value */
	int		 fd;		/* file part, or -1 */
	char		*path;
	size_t		 fsize;
	char		*stage;		/* file bytes not yet written */
	size_t		 slen;

	/* Results. */
	struct kvlist	 fields;
	struct upload	*uploads, *utail;
	size_t		 nfiles;
};

/* Arena hook: release what the parser holds outside the arena. */
static void
mp_cleanup(void *arg)
{
	struct mp_parser	*mp = arg;

	buf_free(&mp->text);
	if (mp->fd != -1) {
		close(mp->fd);
		mp->fd = -1;
	}
}

/* Arena hook: remove one upload temp file. */
static void
unlink_hook(void *arg)
{
	unlink((const char *)arg);
}

/*
 * Start a parser for a body of the given Content-Type.  Returns NULL
 * when the type is not multipart/form-data with a legal boundary.
 * Everything is allocated in a; a hook releases the rest on arena_free.
 */
struct mp_parser *
mp_new(struct arena *a, const char *content_type,
    const struct parse_limits *pl)
{
	struct mp_parser	*mp;
	const char		*params;
	char			*bnd;
	size_t			 i, j;

	if (content_type == NULL)
		return NULL;
	if ((params = match_type(content_type, "multipart/form-data")) == NULL)
		return NULL;
	if (get_param(a, params, "boundary", &bnd) != 1 || !boundary_ok(bnd))
		return NULL;

	mp = arena_alloc(a, sizeof(*mp));
	mp->arena = a;
	lim_get(pl, &mp->lim);
	mp->fd = -1;
	buf_init(&mp->text);
	mp->line = arena_alloc(a, MP_LINE_MAX + 2);
	mp->stage = arena_alloc(a, MP_STAGE);
	arena_on_free(a, mp_cleanup, mp);

	mp->dlen = (size_t)snprintf(mp->delim, sizeof(mp->delim), "\r\n--%s",
	    bnd);
	/* KMP failure function: longest proper border of delim[0..i]. */
	mp->fail[0] = 0;
	for (i = 1, j = 0; i < mp->dlen; i++) {
		while (j > 0 && mp->delim[i] != mp->delim[j])
			j = mp->fail[j - 1];
		if (mp->delim[i] == mp->delim[j])
			j++;
		mp->fail[i] = j;
	}
	/* The body may open with "--boundary": pretend a CRLF came first. */
	mp->state = MP_PREAMBLE;
	mp->k = 2;
	return mp;
}

/* Write the staged file bytes out.  Returns 1 on success, 0 on error. */
static int
mp_flush(struct mp_parser *mp)
{
	size_t	 off = 0;
	ssize_t	 w;

	while (off < mp->slen) {
		w = write(mp->fd, mp->stage + off, mp->slen - off);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return 0;
		off += (size_t)w;
	}
	mp->slen = 0;
	return 1;
}

/*
 * Deliver part body bytes to the current part, enforcing its limit.
 * Returns PARSE_OK or the error.  May grow the heap text buffer.
 */
static enum parse_rc
mp_out(struct mp_parser *mp, const char *p, size_t n)
{
	size_t	 take;

	if (n == 0)
		return PARSE_OK;
	if (mp->filename == NULL) {
		if (n > mp->lim.max_field - mp->text.len)
			return PARSE_TOO_BIG;
		buf_append(&mp->text, p, n);
		return PARSE_OK;
	}
	if (n > mp->lim.max_file - mp->fsize)
		return PARSE_TOO_BIG;
	mp->fsize += n;
	while (n > 0) {
		if (mp->slen == MP_STAGE && !mp_flush(mp))
			return PARSE_NO_ROOM;	/* disk full or I/O error */
		take = MP_STAGE - mp->slen;
		if (take > n)
			take = n;
		memcpy(mp->stage + mp->slen, p, take);
		mp->slen += take;
		p += take;
		n -= take;
	}
	return PARSE_OK;
}

/*
 * Process one complete part header line (without CRLF).  Returns
 * PARSE_OK or PARSE_MALFORMED.  Allocates parameter copies in the arena.
 */
static enum parse_rc
mp_header(struct mp_parser *mp)
{
	char		*l = mp->line, *v, *name, *fname, *slash;
	const char	*params;
	size_t		 i, nlen;

	for (i = 0; i < mp->llen; i++) {
		unsigned char c = (unsigned char)l[i];

		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return PARSE_MALFORMED;
	}
	l[mp->llen] = '\0';
	for (nlen = 0; is_tchar((unsigned char)l[nlen]); nlen++)
		continue;
	if (nlen == 0 || l[nlen] != ':')
		return PARSE_MALFORMED;
	v = l + nlen + 1;
	while (is_ows(*v))
		v++;
	i = strlen(v);
	while (i > 0 && is_ows(v[i - 1]))
		v[--i] = '\0';

	if (nlen == 19 && strncasecmp(l, "Content-Disposition", 19) == 0) {
		if (mp->have_disp)
			return PARSE_MALFORMED;
		mp->have_disp = 1;
		if ((params = match_type(v, "form-data")) == NULL)
			return PARSE_MALFORMED;
		if (get_param(mp->arena, params, "name", &name) != 1)
			return PARSE_MALFORMED;
		switch (get_param(mp->arena, params, "filename", &fname)) {
		case -1:
			return PARSE_MALFORMED;
		case 1:
			/* Keep only the base name of a client path. */
			if ((slash = strrchr(fname, '/')) != NULL)
				fname = slash + 1;
			if ((slash = strrchr(fname, '\\')) != NULL)
				fname = slash + 1;
			mp->filename = fname;
			break;
		default:
			break;
		}
		mp->name = name;
	} else if (nlen == 12 && strncasecmp(l, "Content-Type", 12) == 0) {
		if (mp->ctype != NULL)
			return PARSE_MALFORMED;
		mp->ctype = arena_strdup(mp->arena, v);
	}
	/* Other headers (Content-Transfer-Encoding...) are ignored. */
	return PARSE_OK;
}

/*
 * The part headers are complete: check them and open the part's sink
 * (a temp file for a file part).  Returns PARSE_OK or the error.
 */
static enum parse_rc
mp_begin_body(struct mp_parser *mp)
{
	char	*path;
	int	 n;

	if (!mp->have_disp)
		return PARSE_MALFORMED;
	if (mp->filename == NULL) {
		if (mp->fields.count >= mp->lim.max_fields)
			return PARSE_MALFORMED;
		buf_reset(&mp->text);
		return PARSE_OK;
	}
	if (mp->nfiles >= mp->lim.max_files)
		return PARSE_MALFORMED;
	n = snprintf(NULL, 0, "%s/lectern-upload-XXXXXX", mp->lim.tmpdir);
	if (n < 0)
		return PARSE_TOO_BIG;
	path = arena_alloc(mp->arena, (size_t)n + 1);
	if (snprintf(path, (size_t)n + 1, "%s/lectern-upload-XXXXXX",
	    mp->lim.tmpdir) != n)
		return PARSE_TOO_BIG;
	if ((mp->fd = mkostemp(path, O_CLOEXEC)) == -1)
		return PARSE_NO_ROOM;	/* cannot store the file */
	arena_on_free(mp->arena, unlink_hook, path);
	mp->path = path;
	mp->fsize = 0;
	mp->slen = 0;
	mp->nfiles++;
	return PARSE_OK;
}

/*
 * A delimiter ended the current part: store it.  Returns PARSE_OK or
 * the error.  Copies a text value into the arena.
 */
static enum parse_rc
mp_end_part(struct mp_parser *mp)
{
	struct upload	*u;
	char		*val;
	int		 rc;

	if (mp->filename == NULL) {
		val = arena_strndup(mp->arena, mp->text.data ? mp->text.data :
		    "", mp->text.len);
		kv_add(mp->arena, &mp->fields, mp->name, val, mp->text.len);
		buf_reset(&mp->text);
	} else {
		rc = mp_flush(mp);
		if (close(mp->fd) == -1)
			rc = 0;
		mp->fd = -1;
		if (!rc)
			return PARSE_NO_ROOM;
		u = arena_alloc(mp->arena, sizeof(*u));
		u->field = mp->name;
		u->filename = mp->filename;
		u->ctype = mp->ctype ? mp->ctype : arena_strdup(mp->arena, "");
		u->path = mp->path;
		u->size = mp->fsize;
		if (mp->utail != NULL)
			mp->utail->next = u;
		else
			mp->uploads = u;
		mp->utail = u;
	}
	mp->have_disp = 0;
	mp->name = mp->filename = mp->ctype = mp->path = NULL;
	mp->nheaders = 0;
	mp->llen = 0;
	return PARSE_OK;
}

/*
 * Run the delimiter matcher over p[0..n) in the preamble or a part body.
 * Bytes proven not to belong to a delimiter go to the part (in the body)
 * or are dropped (in the preamble).  Returns the number of bytes used:
 * n, or fewer when a delimiter completed (the state has then moved on).
 * *rc gets any error.
 */
static size_t
mp_scan(struct mp_parser *mp, const char *p, size_t n, enum parse_rc *rc)
{
	int	 body = mp->state == MP_BODY;
	size_t	 i = 0, k, rel;
	char	*cr;

	*rc = PARSE_OK;
	while (i < n) {
		if (mp->k == 0) {
			/* Fast path: nothing pending, skip to the next CR. */
			cr = memchr(p + i, '\r', n - i);
			rel = cr ? (size_t)(cr - (p + i)) : n - i;
			if (body && (*rc = mp_out(mp, p + i, rel)) != PARSE_OK)
				return i;
			i += rel;
			if (i == n)
				break;
			mp->k = 1;
			i++;
			continue;
		}
		k = mp->k;
		while (k > 0 && mp->delim[k] != p[i])
			k = mp->fail[k - 1];
		if (mp->delim[k] == p[i])
			k++;
		/*
		 * Pending bytes were delim[0..mp->k) plus p[i]; the last k
		 * of them stay pending, the rest are part data.
		 */
		rel = mp->k + 1 - k;
		if (body) {
			if (rel <= mp->k)
				*rc = mp_out(mp, mp->delim, rel);
			else if ((*rc = mp_out(mp, mp->delim, mp->k)) ==
			    PARSE_OK)
				*rc = mp_out(mp, p + i, 1);
			if (*rc != PARSE_OK)
				return i;
		}
		mp->k = k;
		i++;
		if (k == mp->dlen) {
			mp->k = 0;
			if (body && (*rc = mp_end_part(mp)) != PARSE_OK)
				return i;
			mp->state = MP_AFTER_DELIM;
			mp->padding = 0;
			return i;
		}
	}
	return i;
}

/*
 * Feed the next n bytes of the body.  Returns PARSE_OK, or the first
 * error, which then sticks for every later call.
 */
enum parse_rc
mp_feed(struct mp_parser *mp, const char *p, size_t n)
{
	enum parse_rc	 rc = PARSE_OK;
	size_t		 i = 0;
	char		 c;

	if (mp == NULL)
		return PARSE_MALFORMED;
	if (mp->err != PARSE_OK)
		return mp->err;
	if (p == NULL)
		n = 0;
	while (i < n && rc == PARSE_OK) {
		switch (mp->state) {
		case MP_PREAMBLE:
		case MP_BODY:
			i += mp_scan(mp, p + i, n - i, &rc);
			break;
		case MP_AFTER_DELIM:
			c = p[i++];
			if (c == '-')
				mp->state = MP_CLOSE_DASH;
			else if (c == '\r')
				mp->state = MP_AFTER_DELIM_CR;
			else if (!is_ows(c) || ++mp->padding > MP_MAX_PADDING)
				rc = PARSE_MALFORMED;
			break;
		case MP_AFTER_DELIM_CR:
			if (p[i++] != '\n')
				rc = PARSE_MALFORMED;
			else {
				mp->state = MP_HEADERS;
				mp->llen = 0;
				mp->nheaders = 0;
			}
			break;
		case MP_CLOSE_DASH:
			if (p[i++] != '-')
				rc = PARSE_MALFORMED;
			else
				mp->state = MP_EPILOGUE;
			break;
		case MP_HEADERS:
			c = p[i++];
			if (c != '\n') {
				/* Room for the CR that ends a full line. */
				if (mp->llen > MP_LINE_MAX)
					rc = PARSE_MALFORMED;
				else
					mp->line[mp->llen++] = c;
				break;
			}
			if (mp->llen == 0 || mp->line[mp->llen - 1] != '\r') {
				rc = PARSE_MALFORMED;
				break;
			}
			mp->llen--;
			if (mp->llen == 0) {
				if ((rc = mp_begin_body(mp)) == PARSE_OK) {
					mp->state = MP_BODY;
					mp->k = 0;
				}
			} else if (++mp->nheaders > MP_MAX_HEADERS)
				rc = PARSE_MALFORMED;
			else
				rc = mp_header(mp);
			mp->llen = 0;
			break;
		case MP_EPILOGUE:
			i = n;
			break;
		}
	}
	if (rc != PARSE_OK) {
		mp->err = rc;
		mp_cleanup(mp);
	}
	return rc;
}

/*
 * End the body.  On success appends the text parts to fields, stores the
 * uploads list in *uploads and returns PARSE_OK.  A body without its
 * close delimiter is PARSE_MALFORMED; on any failure fields is untouched
 * and *uploads is NULL.
 */
enum parse_rc
mp_finish(struct mp_parser *mp, struct kvlist *fields,
    struct upload **uploads)
{
	if (uploads != NULL)
		*uploads = NULL;
	if (mp == NULL)
		return PARSE_MALFORMED;
	if (mp->err == PARSE_OK && mp->state != MP_EPILOGUE) {
		mp->err = PARSE_MALFORMED;
		mp_cleanup(mp);
	}
	if (mp->err != PARSE_OK)
		return mp->err;
	if (fields != NULL) {
		kv_splice(fields, &mp->fields);
		mp->fields.head = mp->fields.tail = NULL;
		mp->fields.count = 0;
	}
	if (uploads != NULL)
		*uploads = mp->uploads;
	return PARSE_OK;
}
