/*
 * fuzz-json.c: json_parse on arbitrary bytes.  A successful parse must
 * respect the limits, give strings of the stated length without NUL
 * bytes, and write out (json_write) as a text that parses again to the
 * same canonical text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lib/util.h"
#include "lib/json.h"

#define MAX_DEPTH	16
#define MAX_NODES	4096

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Check a node and its children; returns the nodes counted. */
static size_t
walk(const struct json *v, size_t depth, int in_object)
{
	const struct json	*m;
	size_t			 n = 1, kids = 0;

	if ((in_object && v->key == NULL) || (!in_object && v->key != NULL))
		abort();
	if (v->type == JSON_STRING || v->type == JSON_NUMBER) {
		if (v->str == NULL || strlen(v->str) != v->len)
			abort();
		if (v->type == JSON_NUMBER && v->len == 0)
			abort();
	} else if (v->str != NULL)
		abort();
	if (v->type == JSON_ARRAY || v->type == JSON_OBJECT) {
		if (depth + 1 > MAX_DEPTH)
			abort();
		for (m = v->child; m != NULL; m = m->next) {
			n += walk(m, depth + 1, v->type == JSON_OBJECT);
			kids++;
		}
		if (kids != v->n)
			abort();
		/* Every member is found by its own name. */
		if (v->type == JSON_OBJECT)
			for (m = v->child; m != NULL; m = m->next)
				if (json_get(v, m->key) != m)
					abort();
	} else if (v->child != NULL || v->n != 0)
		abort();
	return n;
}

/* Parse data; check the tree and that its canonical text is stable. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct json_limits	 lim = { 0 };
	struct arena		*a = arena_new();
	struct json		*v, *w;
	struct buf		 b1, b2;
	enum json_rc		 rc;

	lim.max_depth = MAX_DEPTH;
	lim.max_nodes = MAX_NODES;
	rc = json_parse(a, (const char *)data, size, &lim, &v);
	if (rc != JSON_OK) {
		if ((rc != JSON_MALFORMED && rc != JSON_TOO_BIG) || v != NULL)
			abort();
		arena_free(a);
		return 0;
	}
	if (v == NULL || walk(v, 0, 0) > MAX_NODES)
		abort();
	buf_init(&b1);
	buf_init(&b2);
	buf_puts(&b1, "");
	buf_puts(&b2, "");
	json_write(&b1, v);
	if (json_parse(a, b1.data, b1.len, &lim, &w) != JSON_OK)
		abort();
	json_write(&b2, w);
	if (b1.len != b2.len || memcmp(b1.data, b2.data, b1.len) != 0)
		abort();
	buf_free(&b1);
	buf_free(&b2);
	arena_free(a);
	return 0;
}
