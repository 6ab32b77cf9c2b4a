/*
 * parse.h: parsers for untrusted request bytes: query strings and
 * application/x-www-form-urlencoded bodies, Cookie headers, and
 * multipart/form-data bodies (file parts streamed to temp files).
 * All results are allocated in the caller's arena.
 */
#ifndef LECTERN_PARSE_H
#define LECTERN_PARSE_H

#include <stddef.h>

struct arena;

/*
 * One decoded name/value pair; val is NUL-terminated, vlen excludes it.
 * A decoded value may hold NUL bytes of its own (vlen counts them; see
 * kv_has_nul()); a key never does.
 */
struct kv {
	struct kv	*next;
	char		*key;
	char		*val;
	size_t		 vlen;
};

/* A list of pairs in input order. */
struct kvlist {
	struct kv	*head;
	struct kv	*tail;
	size_t		 count;
};

/* One uploaded file, stored in a temp file that is unlinked when the arena is freed. */
struct upload {
	struct upload	*next;
	char		*field;		/* form field name */
	char		*filename;	/* client's file name, base name only, may be "" */
	char		*ctype;		/* declared Content-Type, "" when absent */
	char		*path;		/* temp file path */
	size_t		 size;
};

enum parse_rc {
	PARSE_OK = 0,
	PARSE_MALFORMED,	/* bad syntax, bad escape, too many fields, bad boundary */
	PARSE_TOO_BIG,		/* a field or a file exceeds its limit */
	PARSE_NO_ROOM		/* an uploaded file could not be stored
				   (tmpdir full, or an I/O error) */
};

/* The limits the dispatcher applies to query strings. */
#define QUERY_MAX_FIELDS	64
#define QUERY_MAX_FIELD		2048

/* Limits for one parse; zero means the default noted. */
struct parse_limits {
	size_t	 max_fields;	/* default 256 */
	size_t	 max_field;	/* bytes of one text value, default 64 KiB */
	size_t	 max_file;	/* bytes of one uploaded file, default 10 MiB */
	size_t	 max_files;	/* default 8 */
	const char *tmpdir;	/* default "/tmp" */
};

/*
 * Decode "a=1&b=x+y%21" into list.  Empty pairs ("&&") are skipped; a key
 * without '=' gets an empty value.  '+' decodes to space; a '%' not
 * followed by two hex digits is PARSE_MALFORMED.  Keys and values may
 * contain NUL bytes after decoding only in val (vlen tells); a key with
 * NUL is PARSE_MALFORMED.
 */
enum parse_rc	parse_urlencoded(struct arena *, const char *, size_t,
		    const struct parse_limits *, struct kvlist *);

/*
 * Parse a Cookie header ("a=1; b=2").  Values are not percent-decoded;
 * surrounding double quotes are removed.  Pairs without '=' are ignored.
 */
enum parse_rc	parse_cookies(struct arena *, const char *,
		    const struct parse_limits *, struct kvlist *);

/*
 * Streaming multipart/form-data parser.  mp_new() takes the full
 * Content-Type header value and returns NULL when it carries no valid
 * boundary.  Feed the body in chunks of any size with mp_feed(), then
 * call mp_finish().  Text parts go to fields; parts with a filename
 * parameter go to uploads (one temp file each, created with mkstemp in
 * limits->tmpdir and unlinked when the arena is freed).
 */
struct mp_parser;

struct mp_parser	*mp_new(struct arena *, const char *content_type,
			    const struct parse_limits *);
enum parse_rc		 mp_feed(struct mp_parser *, const char *, size_t);
enum parse_rc		 mp_finish(struct mp_parser *, struct kvlist *fields,
			    struct upload **uploads);

/* First value for key, or NULL. */
const char	*kv_get(const struct kvlist *, const char *);
/* First pair stored under key, or NULL. */
const struct kv	*kv_find(const struct kvlist *, const char *);
/*
 * 1 when a value holds a NUL byte ("abc%00def"): read as a C string it
 * would end early ("abc"), so callers refuse it rather than truncate.
 */
int		 kv_has_nul(const struct kv *);
/* The first pair of list whose value holds a NUL byte, or NULL. */
const struct kv	*kv_first_nul(const struct kvlist *);
/* Append a pair (copies nothing: key/val must live in the arena). */
void		 kv_add(struct arena *, struct kvlist *, char *, char *, size_t);

/* Decode %XX and '+' in place-independent way; returns -1 on a bad escape. */
int		 url_decode(struct arena *, const char *, size_t, char **, size_t *);

#endif
