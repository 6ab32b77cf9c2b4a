/*
 * json.c: a strict JSON reader.  Recursive descent over a length-bounded
 * text; the recursion is bounded by max_depth, the tree by max_nodes,
 * and every string is validated as UTF-8 while it is decoded.  Nothing
 * is written to the caller's *out unless the whole text parsed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/json.h"
#include "lib/utf8.h"
#include "lib/util.h"

#define DEF_MAX_SIZE	(1024 * 1024)
#define DEF_MAX_DEPTH	32
#define DEF_MAX_NODES	100000

struct parser {
	struct arena	*a;
	const char	*p;
	const char	*end;
	size_t		 depth, max_depth;
	size_t		 nodes, max_nodes;
	enum json_rc	 rc;		/* the first failure */
};

static struct json *value(struct parser *);

/* Record a failure (the first one wins); returns NULL for the caller. */
static struct json *
fail(struct parser *ps, enum json_rc rc)
{
	if (ps->rc == JSON_OK)
		ps->rc = rc;
	return NULL;
}

/* The same for the string reader, which returns text. */
static char *
bad_string(struct parser *ps)
{
	(void)fail(ps, JSON_MALFORMED);
	return NULL;
}

/* Skip the four whitespace bytes JSON knows.  No allocation. */
static void
skip_ws(struct parser *ps)
{
	while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' ||
	    *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
}

/* A new node of type t, counted against max_nodes; NULL when over. */
static struct json *
node(struct parser *ps, enum json_type t)
{
	struct json	*v;

	if (++ps->nodes > ps->max_nodes)
		return fail(ps, JSON_TOO_BIG);
	v = arena_alloc(ps->a, sizeof(*v));
	v->type = t;
	return v;
}

/* Match the literal word (true, false, null).  Returns 1 or 0. */
static int
word(struct parser *ps, const char *w)
{
	size_t	 n = strlen(w);

	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, w, n) != 0)
		return 0;
	ps->p += n;
	return 1;
}

/* Four hex digits after "\u" into *cp.  Returns 1 or 0. */
static int
hex4(struct parser *ps, unsigned *cp)
{
	int	 i, h;

	if (ps->end - ps->p < 4)
		return 0;
	*cp = 0;
	for (i = 0; i < 4; i++) {
		if ((h = hex_value((unsigned char)ps->p[i])) < 0)
			return 0;
		*cp = *cp << 4 | (unsigned)h;
	}
	ps->p += 4;
	return 1;
}

/*
 * A string starting at the opening quote: decoded into the arena, its
 * length in *len.  Returns the text or NULL (failure recorded).
 */
static char *
string(struct parser *ps, size_t *len)
{
	const char	*q;
	char		*out;
	size_t		 n = 0, k;
	unsigned	 cp, lo;
	unsigned char	 c;

	ps->p++;	/* '"' */
	/*
	 * The decoded text is never longer than the escaped one, so the
	 * bytes up to the closing quote bound the buffer.
	 */
	for (q = ps->p; q < ps->end && *q != '"'; q++)
		if (*q == '\\' && q + 1 < ps->end)
			q++;
	if (q >= ps->end)
		return bad_string(ps);
	out = arena_alloc(ps->a, (size_t)(q - ps->p) + 1);
	while (ps->p < ps->end) {
		c = (unsigned char)*ps->p;
		if (c == '"') {
			ps->p++;
			out[n] = '\0';
			*len = n;
			return out;
		}
		if (c < 0x20)
			return bad_string(ps);
		if (c >= 0x80) {
			k = utf8_decode(ps->p, (size_t)(ps->end - ps->p),
			    NULL);
			if (k == 0)
				return bad_string(ps);
			memcpy(out + n, ps->p, k);
			n += k;
			ps->p += k;
			continue;
		}
		if (c != '\\') {
			out[n++] = (char)c;
			ps->p++;
			continue;
		}
		if (++ps->p >= ps->end)
			return bad_string(ps);
		c = (unsigned char)*ps->p++;
		switch (c) {
		case '"':
		case '\\':
		case '/':
			out[n++] = (char)c;
			break;
		case 'b':
			out[n++] = '\b';
			break;
		case 'f':
			out[n++] = '\f';
			break;
		case 'n':
			out[n++] = '\n';
			break;
		case 'r':
			out[n++] = '\r';
			break;
		case 't':
			out[n++] = '\t';
			break;
		case 'u':
			if (!hex4(ps, &cp) || cp == 0 ||
			    (cp >= 0xDC00 && cp <= 0xDFFF))
				return bad_string(ps);
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				/* A high surrogate needs its low half next. */
				if (ps->end - ps->p < 2 || ps->p[0] != '\\' ||
				    ps->p[1] != 'u')
					return bad_string(ps);
				ps->p += 2;
				if (!hex4(ps, &lo) || lo < 0xDC00 || lo > 0xDFFF)
					return bad_string(ps);
				cp = 0x10000 + ((cp - 0xD800) << 10) +
				    (lo - 0xDC00);
			}
			n += utf8_encode(cp, out + n);
			break;
		default:
			return bad_string(ps);
		}
	}
	return bad_string(ps);
}

/* Digits at the cursor: how many.  No allocation. */
static size_t
digits(struct parser *ps)
{
	size_t	 n = 0;

	while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9') {
		ps->p++;
		n++;
	}
	return n;
}

/* A number, kept as its text.  Returns the node or NULL. */
static struct json *
number(struct parser *ps)
{
	const char	*start = ps->p;
	struct json	*v;

	if (ps->p < ps->end && *ps->p == '-')
		ps->p++;
	if (ps->p < ps->end && *ps->p == '0')
		ps->p++;	/* a lone zero: no digits may follow */
	else if (digits(ps) == 0)
		return fail(ps, JSON_MALFORMED);
	if (ps->p < ps->end && *ps->p == '.') {
		ps->p++;
		if (digits(ps) == 0)
			return fail(ps, JSON_MALFORMED);
	}
	if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E')) {
		ps->p++;
		if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-'))
			ps->p++;
		if (digits(ps) == 0)
			return fail(ps, JSON_MALFORMED);
	}
	if (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
		return fail(ps, JSON_MALFORMED);	/* "01" */
	if ((v = node(ps, JSON_NUMBER)) == NULL)
		return NULL;
	v->len = (size_t)(ps->p - start);
	v->str = arena_strndup(ps->a, start, v->len);
	return v;
}

static int
keycmp(const void *x, const void *y)
{
	const struct json *a = *(const struct json *const *)x;
	const struct json *b = *(const struct json *const *)y;

	return strcmp(a->key, b->key);
}

/*
 * 1 when no two members of object o share a name.  Sorting a copy of
 * the member list keeps this O(n log n) for large objects.  Allocates
 * and frees a temporary array.
 */
static int
keys_unique(const struct json *o)
{
	const struct json	**v, *m;
	size_t			  i = 0;
	int			  ok = 1;

	if (o->n < 2)
		return 1;
	v = xcalloc(o->n, sizeof(*v));
	for (m = o->child; m != NULL; m = m->next)
		v[i++] = m;
	qsort(v, o->n, sizeof(*v), keycmp);
	for (i = 1; i < o->n; i++)
		if (strcmp(v[i - 1]->key, v[i]->key) == 0) {
			ok = 0;
			break;
		}
	free(v);
	return ok;
}

/* An array or an object, from its opening bracket.  Returns the node. */
static struct json *
container(struct parser *ps, int object)
{
	struct json	*v, *item, **tail;
	char		*key = NULL;
	size_t		 klen;

	if (++ps->depth > ps->max_depth)
		return fail(ps, JSON_TOO_BIG);
	if ((v = node(ps, object ? JSON_OBJECT : JSON_ARRAY)) == NULL)
		return NULL;
	tail = &v->child;
	ps->p++;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == (object ? '}' : ']')) {
		ps->p++;
		ps->depth--;
		return v;
	}
	for (;;) {
		if (object) {
			skip_ws(ps);
			if (ps->p >= ps->end || *ps->p != '"')
				return fail(ps, JSON_MALFORMED);
			if ((key = string(ps, &klen)) == NULL)
				return NULL;
			skip_ws(ps);
			if (ps->p >= ps->end || *ps->p != ':')
				return fail(ps, JSON_MALFORMED);
			ps->p++;
		}
		if ((item = value(ps)) == NULL)
			return NULL;
		item->key = key;
		*tail = item;
		tail = &item->next;
		v->n++;
		skip_ws(ps);
		if (ps->p >= ps->end)
			return fail(ps, JSON_MALFORMED);
		if (*ps->p == ',') {
			ps->p++;
			continue;
		}
		if (*ps->p != (object ? '}' : ']'))
			return fail(ps, JSON_MALFORMED);
		ps->p++;
		break;
	}
	if (object && !keys_unique(v))
		return fail(ps, JSON_MALFORMED);
	ps->depth--;
	return v;
}

/* Any value, with the whitespace before it.  Returns the node or NULL. */
static struct json *
value(struct parser *ps)
{
	struct json	*v;

	skip_ws(ps);
	if (ps->p >= ps->end)
		return fail(ps, JSON_MALFORMED);
	switch (*ps->p) {
	case '{':
		return container(ps, 1);
	case '[':
		return container(ps, 0);
	case '"':
		if ((v = node(ps, JSON_STRING)) == NULL)
			return NULL;
		if ((v->str = string(ps, &v->len)) == NULL)
			return NULL;
		return v;
	case 't':
		return word(ps, "true") ? node(ps, JSON_TRUE) :
		    fail(ps, JSON_MALFORMED);
	case 'f':
		return word(ps, "false") ? node(ps, JSON_FALSE) :
		    fail(ps, JSON_MALFORMED);
	case 'n':
		return word(ps, "null") ? node(ps, JSON_NULL) :
		    fail(ps, JSON_MALFORMED);
	default:
		if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9'))
			return number(ps);
		return fail(ps, JSON_MALFORMED);
	}
}

enum json_rc
json_parse(struct arena *a, const char *text, size_t len,
    const struct json_limits *lim, struct json **out)
{
	struct parser	 ps;
	struct json	*v;
	size_t		 max_size = DEF_MAX_SIZE;

	*out = NULL;
	memset(&ps, 0, sizeof(ps));
	ps.a = a;
	ps.max_depth = DEF_MAX_DEPTH;
	ps.max_nodes = DEF_MAX_NODES;
	if (lim != NULL) {
		if (lim->max_size)
			max_size = lim->max_size;
		if (lim->max_depth)
			ps.max_depth = lim->max_depth;
		if (lim->max_nodes)
			ps.max_nodes = lim->max_nodes;
	}
	if (len > max_size)
		return JSON_TOO_BIG;
	if (text == NULL)
		return JSON_MALFORMED;
	ps.p = text;
	ps.end = text + len;
	if ((v = value(&ps)) == NULL)
		return ps.rc != JSON_OK ? ps.rc : JSON_MALFORMED;
	skip_ws(&ps);
	if (ps.p != ps.end)
		return JSON_MALFORMED;
	*out = v;
	return JSON_OK;
}

/* Append s[0..n) as a JSON string literal.  Grows b only. */
static void
write_string(struct buf *b, const char *s, size_t n)
{
	size_t		 i;
	unsigned char	 c;

	buf_putc(b, '"');
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)c);
		} else if (c == '\n')
			buf_puts(b, "\\n");
		else if (c == '\t')
			buf_puts(b, "\\t");
		else if (c < 0x20)
			buf_printf(b, "\\u%04x", c);
		else
			buf_putc(b, (char)c);
	}
	buf_putc(b, '"');
}

void
json_write(struct buf *b, const struct json *v)
{
	const struct json	*m;

	switch (v->type) {
	case JSON_NULL:
		buf_puts(b, "null");
		break;
	case JSON_FALSE:
		buf_puts(b, "false");
		break;
	case JSON_TRUE:
		buf_puts(b, "true");
		break;
	case JSON_NUMBER:
		buf_append(b, v->str, v->len);
		break;
	case JSON_STRING:
		write_string(b, v->str, v->len);
		break;
	case JSON_ARRAY:
	case JSON_OBJECT:
		buf_putc(b, v->type == JSON_ARRAY ? '[' : '{');
		for (m = v->child; m != NULL; m = m->next) {
			if (m != v->child)
				buf_putc(b, ',');
			if (v->type == JSON_OBJECT) {
				write_string(b, m->key, strlen(m->key));
				buf_putc(b, ':');
			}
			json_write(b, m);
		}
		buf_putc(b, v->type == JSON_ARRAY ? ']' : '}');
		break;
	}
}

const struct json *
json_get(const struct json *v, const char *key)
{
	const struct json	*m;

	if (v == NULL || v->type != JSON_OBJECT)
		return NULL;
	for (m = v->child; m != NULL; m = m->next)
		if (strcmp(m->key, key) == 0)
			return m;
	return NULL;
}

const char *
json_str(const struct json *v)
{
	return v != NULL && v->type == JSON_STRING ? v->str : NULL;
}

int
json_int(const struct json *v, long long min, long long max, long long *out)
{
	const char		*s;
	unsigned long long	 n = 0, limit;
	int			 neg = 0;

	if (v == NULL || v->type != JSON_NUMBER)
		return 0;
	s = v->str;
	if (*s == '-') {
		neg = 1;
		s++;
	}
	limit = neg ? (unsigned long long)INT64_MAX + 1 : INT64_MAX;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return 0;	/* a fraction or an exponent */
		if (n > (limit - (unsigned long long)(*s - '0')) / 10)
			return 0;
		n = n * 10 + (unsigned long long)(*s - '0');
	}
	if (neg) {
		if (n == (unsigned long long)INT64_MAX + 1) {
			if (min > INT64_MIN)
				return 0;
			*out = INT64_MIN;
			return 1;
		}
		if (-(long long)n < min || -(long long)n > max)
			return 0;
		*out = -(long long)n;
		return 1;
	}
	if ((long long)n < min || (long long)n > max)
		return 0;
	*out = (long long)n;
	return 1;
}

int
json_num(const struct json *v, double *out)
{
	char	*end;

	if (v == NULL || v->type != JSON_NUMBER)
		return 0;
	*out = strtod(v->str, &end);
	return *end == '\0';
}

int
json_bool(const struct json *v, int *out)
{
	if (v == NULL || (v->type != JSON_TRUE && v->type != JSON_FALSE))
		return 0;
	*out = v->type == JSON_TRUE;
	return 1;
}
