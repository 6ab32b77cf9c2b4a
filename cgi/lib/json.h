/*
 * json.h: a small, strict JSON reader (RFC 8259) for the bodies that
 * conferencing providers post to Lectern and for JWT claims.  The whole
 * text is parsed into a tree in the caller's arena, within limits on
 * size, depth and node count.  Strict means: exactly one value with
 * only whitespace around it, well-formed UTF-8, no comments, no
 * trailing commas, no leading zeros, no control characters in strings,
 * surrogate escapes only in valid pairs, no "\u0000" (values are C
 * strings) and no member name twice in one object.
 */
#ifndef LECTERN_JSON_H
#define LECTERN_JSON_H

#include <stddef.h>

struct arena;

enum json_type {
	JSON_NULL,
	JSON_FALSE,
	JSON_TRUE,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT
};

struct json {
	enum json_type	 type;
	/*
	 * JSON_STRING: the decoded UTF-8 text; JSON_NUMBER: the number as
	 * written.  NUL-terminated; len excludes the NUL.  NULL otherwise.
	 */
	char		*str;
	size_t		 len;
	char		*key;		/* member name inside an object */
	struct json	*child;		/* first element or member */
	struct json	*next;		/* next sibling */
	size_t		 n;		/* elements or members */
};

enum json_rc {
	JSON_OK = 0,
	JSON_MALFORMED,		/* not strict JSON */
	JSON_TOO_BIG		/* a limit was reached */
};

/* Limits for one parse; zero means the default noted. */
struct json_limits {
	size_t	 max_size;	/* bytes of text, default 1 MiB */
	size_t	 max_depth;	/* nested arrays and objects, default 32 */
	size_t	 max_nodes;	/* values in all, default 100000 */
};

/*
 * Parse len bytes of text (need not be NUL-terminated) into *out,
 * allocated in the arena.  On failure *out is NULL.
 */
enum json_rc	 json_parse(struct arena *, const char *text, size_t len,
		    const struct json_limits *, struct json **out);

/*
 * Append v to b as compact JSON: members in their order, numbers as
 * written, strings with '"', '\\' and control characters escaped.
 * What it writes parses back to the same tree.
 */
struct buf;
void		 json_write(struct buf *, const struct json *v);

/* The member of an object by name, or NULL (also when v is no object). */
const struct json *json_get(const struct json *v, const char *key);
/* The text of a string value, or NULL when v is not a string. */
const char	*json_str(const struct json *v);
/*
 * An integral number in [min, max] (no fraction, no exponent) into
 * *out.  Returns 1, or 0 when v is something else.
 */
int		 json_int(const struct json *v, long long min, long long max,
		    long long *out);
/* Any number as a double; returns 1, or 0 when v is not a number. */
int		 json_num(const struct json *v, double *out);
/* true or false into *out; returns 1, or 0 when v is neither. */
int		 json_bool(const struct json *v, int *out);

#endif
