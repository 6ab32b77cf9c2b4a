/*
 * fuzz-multipart.c: the streaming multipart parser.  The first line of
 * the input is the Content-Type value, the rest is the body.  The body
 * is parsed twice, once in one piece and once in chunks whose sizes are
 * drawn from a generator seeded by a hash of the input; both runs must
 * give exactly the same result (return code, fields, uploads and file
 * contents), every limit must hold, and every temp file must be gone
 * once its arena is freed.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/util.h"
#include "lib/parse.h"

#define MAX_FIELDS	16
#define MAX_FIELD	1024
#define MAX_FILES	4
#define MAX_FILE	4096

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* FNV-1a of the whole input, the seed for the chunk sizes. */
static uint32_t
fnv(const uint8_t *p, size_t n)
{
	uint32_t	 h = 2166136261u;

	while (n-- > 0)
		h = (h ^ *p++) * 16777619u;
	return h;
}

/* xorshift32 step. */
static uint32_t
next(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

/* The lowest free file descriptor: it moves up when one leaks. */
static int
lowest_fd(void)
{
	int	 fd = open("/dev/null", O_RDONLY);

	if (fd == -1)
		abort();
	close(fd);
	return fd;
}

/* Append the bytes of file path to b, abort() if it cannot be read. */
static void
add_file(struct buf *b, const char *path, size_t size)
{
	FILE	*f = fopen(path, "rb");
	char	 chunk[1024];
	size_t	 n, total = 0;

	if (f == NULL)
		abort();
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		buf_append(b, chunk, n);
		total += n;
	}
	fclose(f);
	if (total != size)
		abort();
}

/*
 * Parse body with the given chunking (max_chunk 0: one piece) and
 * render the outcome into b (which the caller frees).  Checks the
 * limits and that the temp files disappear with the arena.
 */
static void
run(struct buf *b, const char *ct, const char *body, size_t len,
    uint32_t seed, uint32_t max_chunk, const char *tmpdir)
{
	struct parse_limits	 lim = { 0 };
	struct arena		*a = arena_new();
	struct mp_parser	*mp;
	struct kvlist		 fields = { NULL, NULL, 0 };
	struct upload		*up = NULL, *u;
	const struct kv		*kv;
	enum parse_rc		 rc = PARSE_OK;
	size_t			 off = 0, n, nup = 0, i;
	char			*paths[MAX_FILES];
	struct stat		 st;
	int			 fd0;

	lim.max_fields = MAX_FIELDS;
	lim.max_field = MAX_FIELD;
	lim.max_files = MAX_FILES;
	lim.max_file = MAX_FILE;
	lim.tmpdir = tmpdir;
	fd0 = lowest_fd();
	buf_init(b);
	if ((mp = mp_new(a, ct, &lim)) == NULL) {
		arena_free(a);
		buf_puts(b, "no parser");
		return;
	}
	while (off < len && rc == PARSE_OK) {
		n = max_chunk ? next(&seed) % max_chunk + 1 : len;
		if (n > len - off)
			n = len - off;
		rc = mp_feed(mp, body + off, n);
		off += n;
	}
	if (rc == PARSE_OK)
		rc = mp_finish(mp, &fields, &up);
	else if (mp_finish(mp, &fields, &up) != rc)
		abort();	/* errors must stick */
	buf_printf(b, "rc=%d\n", rc);
	if (rc != PARSE_OK && (up != NULL || fields.count != 0))
		abort();
	if (fields.count > MAX_FIELDS)
		abort();
	for (kv = fields.head; kv != NULL; kv = kv->next) {
		if (kv->vlen > MAX_FIELD || kv->val[kv->vlen] != '\0')
			abort();
		buf_printf(b, "field %s %zu:", kv->key, kv->vlen);
		buf_append(b, kv->val, kv->vlen);
		buf_putc(b, '\n');
	}
	for (u = up; u != NULL; u = u->next) {
		if (nup == MAX_FILES || u->size > MAX_FILE ||
		    strpbrk(u->filename, "/\\") != NULL ||
		    strncmp(u->path, tmpdir, strlen(tmpdir)) != 0)
			abort();
		paths[nup++] = xstrdup(u->path);
		buf_printf(b, "file %s [%s] [%s] %zu:", u->field, u->filename,
		    u->ctype, u->size);
		add_file(b, u->path, u->size);
		buf_putc(b, '\n');
	}
	arena_free(a);
	for (i = 0; i < nup; i++) {
		if (stat(paths[i], &st) != -1 || errno != ENOENT)
			abort();	/* temp file outlived its arena */
		free(paths[i]);
	}
	if (lowest_fd() != fd0)
		abort();	/* a descriptor leaked */
}

/* Split data into type and body, parse both ways, compare. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint32_t	 maxes[4] = { 1, 8, 64, 1024 };
	const char		*tmpdir = getenv("TMPDIR");
	const uint8_t		*nl;
	struct buf		 whole, chunked;
	char			*ct;
	size_t			 ctlen;
	uint32_t		 seed = fnv(data, size);

	if (tmpdir == NULL || *tmpdir == '\0')
		tmpdir = "/tmp";
	if ((nl = memchr(data, '\n', size)) == NULL)
		return 0;
	ctlen = (size_t)(nl - data);
	ct = xmalloc(ctlen + 1);
	memcpy(ct, data, ctlen);
	ct[ctlen] = '\0';
	run(&whole, ct, (const char *)nl + 1, size - ctlen - 1, 0, 0, tmpdir);
	run(&chunked, ct, (const char *)nl + 1, size - ctlen - 1, seed | 1,
	    maxes[seed % 4], tmpdir);
	if (whole.len != chunked.len ||
	    memcmp(whole.data, chunked.data, whole.len) != 0) {
		fprintf(stderr, "whole:\n%s\nchunked:\n%s\n", whole.data,
		    chunked.data);
		abort();
	}
	buf_free(&whole);
	buf_free(&chunked);
	free(ct);
	return 0;
}
