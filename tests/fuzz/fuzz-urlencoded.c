/*
 * fuzz-urlencoded.c: parse_urlencoded, built twice: with FUZZ_QUERY
 * defined it uses the tight limits the dispatcher applies to query
 * strings, otherwise the defaults used for form bodies.  Besides not
 * crashing, a successful parse must respect the limits, and re-encoding
 * the pairs must parse back to the same pairs.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "lib/parse.h"

#ifdef FUZZ_QUERY
#define MAX_FIELDS	QUERY_MAX_FIELDS
#define MAX_FIELD	QUERY_MAX_FIELD
#else
/* The defaults documented in parse.h. */
#define MAX_FIELDS	256
#define MAX_FIELD	(64 * 1024)
#endif

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Percent-encode n bytes of s (everything but unreserved) onto b. */
static void
enc(struct buf *b, const char *s, size_t n)
{
	static const char	 hex[] = "0123456789ABCDEF";
	unsigned char		 c;
	size_t			 i;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~')
			buf_putc(b, (char)c);
		else {
			buf_putc(b, '%');
			buf_putc(b, hex[c >> 4]);
			buf_putc(b, hex[c & 15]);
		}
	}
}

/* Parse data, check the result's invariants, abort() on a violation. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct parse_limits	 lim = { 0 };
	struct arena		*a = arena_new();
	struct kvlist		 l = { NULL, NULL, 0 }, l2 = { NULL, NULL, 0 };
	const struct kv		*kv, *kv2;
	struct buf		 b;
	enum parse_rc		 rc;

#ifdef FUZZ_QUERY
	lim.max_fields = QUERY_MAX_FIELDS;
	lim.max_field = QUERY_MAX_FIELD;
#endif
	rc = parse_urlencoded(a, (const char *)data, size, &lim, &l);
	if (rc != PARSE_OK) {
		if ((rc != PARSE_MALFORMED && rc != PARSE_TOO_BIG) ||
		    l.count != 0 || l.head != NULL)
			abort();
		arena_free(a);
		return 0;
	}
	if (l.count > MAX_FIELDS)
		abort();
	buf_init(&b);
	buf_puts(&b, "");
	for (kv = l.head; kv != NULL; kv = kv->next) {
		if (strlen(kv->key) > MAX_FIELD ||
		    kv->vlen > MAX_FIELD || kv->val[kv->vlen] != '\0')
			abort();
		if (kv != l.head)
			buf_putc(&b, '&');
		enc(&b, kv->key, strlen(kv->key));
		buf_putc(&b, '=');
		enc(&b, kv->val, kv->vlen);
	}
	/* The canonical form decodes to exactly the same pairs. */
	if (parse_urlencoded(a, b.data, b.len, &lim, &l2) != PARSE_OK ||
	    l2.count != l.count)
		abort();
	for (kv = l.head, kv2 = l2.head; kv != NULL;
	    kv = kv->next, kv2 = kv2->next)
		if (strcmp(kv->key, kv2->key) != 0 || kv->vlen != kv2->vlen ||
		    memcmp(kv->val, kv2->val, kv->vlen) != 0)
			abort();
	buf_free(&b);
	arena_free(a);
	return 0;
}
