/*
 * fuzz-cookie.c: parse_cookies on an arbitrary header value.  A
 * successful parse must respect the limits and give trimmed, non-empty
 * names without '=' or ';'.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "lib/parse.h"

#define MAX_FIELDS	32
#define MAX_FIELD	4096

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* 1 when c is a blank the parser trims. */
static int
ows(char c)
{
	return c == ' ' || c == '\t';
}

/* Parse data as a Cookie header, abort() on a broken invariant. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct parse_limits	 lim = { 0 };
	struct arena		*a = arena_new();
	struct kvlist		 l = { NULL, NULL, 0 };
	const struct kv		*kv;
	enum parse_rc		 rc;
	char			*hdr;
	size_t			 kl;

	/* A header is a C string: it ends at the first NUL. */
	hdr = arena_strndup(a, (const char *)data, size);
	lim.max_fields = MAX_FIELDS;
	lim.max_field = MAX_FIELD;
	rc = parse_cookies(a, hdr, &lim, &l);
	if (rc != PARSE_OK) {
		if ((rc != PARSE_MALFORMED && rc != PARSE_TOO_BIG) ||
		    l.count != 0)
			abort();
		arena_free(a);
		return 0;
	}
	if (l.count > MAX_FIELDS)
		abort();
	for (kv = l.head; kv != NULL; kv = kv->next) {
		kl = strlen(kv->key);
		if (kl == 0 || kl > MAX_FIELD || kv->vlen > MAX_FIELD ||
		    strlen(kv->val) != kv->vlen ||
		    strpbrk(kv->key, "=;") != NULL ||
		    strchr(kv->val, ';') != NULL ||
		    ows(kv->key[0]) || ows(kv->key[kl - 1]))
			abort();
		if (kv_get(&l, kv->key) == NULL)
			abort();
	}
	arena_free(a);
	return 0;
}
