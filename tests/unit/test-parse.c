/*
 * test-parse.c: query/form decoding, Cookie headers and the streaming
 * multipart parser (chunking independence, limits, malformed bodies,
 * temp file lifetime), and values holding a NUL byte.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>
#include <cmocka.h>

#include "lib/util.h"
#include "lib/parse.h"

/* The expected outcome of one parse, as "key=value" lines. */
struct kvcase {
	const char	*in;
	enum parse_rc	 rc;
	const char	*want;	/* pairs as "k=v\n"; NULL when rc != OK */
};

/*
 * Render a list as "key=value\n" lines, with bytes outside printable
 * ASCII as \xNN, so that results compare as strings.
 */
static char *
render(struct arena *a, const struct kvlist *l)
{
	struct buf	 b;
	const struct kv	*kv;
	size_t		 i;
	char		*out;

	buf_init(&b);
	buf_puts(&b, "");
	for (kv = l->head; kv != NULL; kv = kv->next) {
		buf_printf(&b, "%s=", kv->key);
		for (i = 0; i < kv->vlen; i++) {
			unsigned char c = (unsigned char)kv->val[i];

			if (c < 0x20 || c >= 0x7f)
				buf_printf(&b, "\\x%02x", c);
			else
				buf_putc(&b, (char)c);
		}
		assert_int_equal(kv->val[kv->vlen], '\0');
		buf_putc(&b, '\n');
	}
	out = arena_strdup(a, b.data);
	buf_free(&b);
	return out;
}

static const struct kvcase	 url_cases[] = {
	{ "a=1&b=x+y%21", PARSE_OK, "a=1\nb=x y!\n" },
	{ "", PARSE_OK, "" },
	{ "&&&", PARSE_OK, "" },
	{ "&&a=&&b&", PARSE_OK, "a=\nb=\n" },
	{ "a=1=2", PARSE_OK, "a=1=2\n" },
	{ "=x", PARSE_OK, "=x\n" },
	{ "k%20ey=v%2Bv%2b", PARSE_OK, "k ey=v+v+\n" },
	{ "v=a%00b", PARSE_OK, "v=a\\x00b\n" },
	{ "u=%C3%A9t%C3%A9", PARSE_OK, "u=\\xc3\\xa9t\\xc3\\xa9\n" },
	{ "x=1&x=2", PARSE_OK, "x=1\nx=2\n" },
	{ "k=%zz", PARSE_MALFORMED, NULL },
	{ "k=%4", PARSE_MALFORMED, NULL },
	{ "k=%", PARSE_MALFORMED, NULL },
	{ "k=%%41", PARSE_MALFORMED, NULL },
	{ "ok=1&k%g1=2", PARSE_MALFORMED, NULL },
	{ "%00=x", PARSE_MALFORMED, NULL },
	{ "a%00b", PARSE_MALFORMED, NULL },
};

/* Table of inputs to parse_urlencoded with default limits. */
static void
test_urlencoded_table(void **state)
{
	size_t	 i;

	for (i = 0; i < sizeof(url_cases) / sizeof(url_cases[0]); i++) {
		struct arena	*a = arena_new();
		struct kvlist	 l = { NULL, NULL, 0 };
		enum parse_rc	 rc;

		rc = parse_urlencoded(a, url_cases[i].in,
		    strlen(url_cases[i].in), NULL, &l);
		if (rc != url_cases[i].rc)
			fail_msg("case %zu (%s): rc %d, want %d", i,
			    url_cases[i].in, rc, url_cases[i].rc);
		if (rc == PARSE_OK)
			assert_string_equal(render(a, &l), url_cases[i].want);
		else
			assert_int_equal(l.count, 0);
		arena_free(a);
	}
}

/* Field count and size limits, and the list left alone on failure. */
static void
test_urlencoded_limits(void **state)
{
	struct arena		*a = arena_new();
	struct kvlist		 l = { NULL, NULL, 0 };
	struct parse_limits	 lim = { 0 };
	const char		*s;

	lim.max_fields = 3;
	lim.max_field = 4;
	s = "a=1&b=2&c=3";
	assert_int_equal(parse_urlencoded(a, s, strlen(s), &lim, &l),
	    PARSE_OK);
	assert_int_equal(l.count, 3);
	s = "a=1&b=2&c=3&d=4";
	assert_int_equal(parse_urlencoded(a, s, strlen(s), &lim, &l),
	    PARSE_MALFORMED);
	assert_int_equal(l.count, 3);	/* unchanged */
	s = "a=12345";
	assert_int_equal(parse_urlencoded(a, s, strlen(s), &lim, &l),
	    PARSE_TOO_BIG);
	s = "abcde=1";
	assert_int_equal(parse_urlencoded(a, s, strlen(s), &lim, &l),
	    PARSE_TOO_BIG);
	/* The limit is on decoded bytes: 12 encoded, 4 decoded. */
	s = "a=%41%42%43%44";
	assert_int_equal(parse_urlencoded(a, s, strlen(s), &lim, &l),
	    PARSE_OK);
	assert_int_equal(l.count, 4);	/* appended */
	assert_string_equal(l.tail->val, "ABCD");
	/* Length, not NUL, ends the input. */
	assert_int_equal(parse_urlencoded(a, "q=12&zz=9", 4, &lim, &l),
	    PARSE_OK);
	assert_string_equal(l.tail->key, "q");
	assert_string_equal(l.tail->val, "12");
	arena_free(a);
}

/* url_decode, kv_get and kv_add directly. */
static void
test_decode_and_kv(void **state)
{
	struct arena	*a = arena_new();
	struct kvlist	 l = { NULL, NULL, 0 };
	char		*out;
	size_t		 n;

	assert_int_equal(url_decode(a, "a+b%2fc%2F", 10, &out, &n), 0);
	assert_string_equal(out, "a b/c/");
	assert_int_equal(n, 6);
	assert_int_equal(url_decode(a, "%2", 2, &out, &n), -1);
	assert_int_equal(url_decode(a, "%G0", 3, &out, &n), -1);
	assert_int_equal(url_decode(a, "", 0, &out, &n), 0);
	assert_int_equal(n, 0);
	assert_string_equal(out, "");

	/* No input at all is an empty list, not a crash. */
	assert_int_equal(parse_urlencoded(a, NULL, 0, NULL, &l), PARSE_OK);
	assert_int_equal(parse_cookies(a, NULL, NULL, &l), PARSE_OK);
	assert_int_equal(l.count, 0);
	assert_null(kv_get(&l, "k"));

	kv_add(a, &l, arena_strdup(a, "k"), arena_strdup(a, "first"), 5);
	kv_add(a, &l, arena_strdup(a, "j"), arena_strdup(a, "other"), 5);
	kv_add(a, &l, arena_strdup(a, "k"), arena_strdup(a, "second"), 6);
	assert_int_equal(l.count, 3);
	assert_string_equal(kv_get(&l, "k"), "first");
	assert_string_equal(kv_get(&l, "j"), "other");
	assert_null(kv_get(&l, "K"));
	assert_null(kv_get(&l, "missing"));
	arena_free(a);
}

static const struct kvcase	 cookie_cases[] = {
	{ "a=1; b=2", PARSE_OK, "a=1\nb=2\n" },
	{ "sid=\"abc def\"", PARSE_OK, "sid=abc def\n" },
	{ "q=\"", PARSE_OK, "q=\"\n" },
	{ "q=\"\"", PARSE_OK, "q=\n" },
	{ "noeq; c=3;;", PARSE_OK, "c=3\n" },
	{ "  d = 4 ;\te=5\t", PARSE_OK, "d=4\ne=5\n" },
	{ "=x; y=", PARSE_OK, "y=\n" },
	{ "v=a%20b", PARSE_OK, "v=a%20b\n" },
	{ "t=a=b", PARSE_OK, "t=a=b\n" },
	{ "", PARSE_OK, "" },
};

/* Table of Cookie headers. */
static void
test_cookies_table(void **state)
{
	size_t	 i;

	for (i = 0; i < sizeof(cookie_cases) / sizeof(cookie_cases[0]); i++) {
		struct arena	*a = arena_new();
		struct kvlist	 l = { NULL, NULL, 0 };

		assert_int_equal(parse_cookies(a, cookie_cases[i].in, NULL,
		    &l), cookie_cases[i].rc);
		if (strcmp(render(a, &l), cookie_cases[i].want) != 0)
			fail_msg("cookie case %zu: got \"%s\"", i,
			    render(a, &l));
		arena_free(a);
	}
}

/* Cookie limits. */
static void
test_cookies_limits(void **state)
{
	struct arena		*a = arena_new();
	struct kvlist		 l = { NULL, NULL, 0 };
	struct parse_limits	 lim = { 0 };

	lim.max_fields = 2;
	lim.max_field = 5;
	assert_int_equal(parse_cookies(a, "a=1; b=2", &lim, &l), PARSE_OK);
	assert_int_equal(parse_cookies(a, "a=1; b=2; c=3", &lim, &l),
	    PARSE_MALFORMED);
	assert_int_equal(parse_cookies(a, "a=123456", &lim, &l),
	    PARSE_TOO_BIG);
	assert_int_equal(parse_cookies(a, "a=\"12345\"", &lim, &l), PARSE_OK);
	assert_int_equal(l.count, 3);
	assert_string_equal(l.tail->val, "12345");
	arena_free(a);
}

/*
 * Multipart.
 */

static char	tmpdir[256];

/* Make a private temp directory for upload files. */
static int
setup_tmpdir(void **state)
{
	const char	*base = getenv("TMPDIR");

	if (base == NULL || *base == '\0')
		base = "/tmp";
	snprintf(tmpdir, sizeof(tmpdir), "%s/test-parse-XXXXXX", base);
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

/* The lowest free file descriptor: it moves up when one leaks. */
static int
lowest_fd(void)
{
	int	 fd = open("/dev/null", O_RDONLY);

	assert_true(fd >= 0);
	close(fd);
	return fd;
}

/* Number of entries (other than . and ..) in tmpdir. */
static int
tmpdir_entries(void)
{
	DIR		*d = opendir(tmpdir);
	struct dirent	*e;
	int		 n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") != 0 &&
		    strcmp(e->d_name, "..") != 0)
			n++;
	closedir(d);
	return n;
}

/* Remove the temp directory; fails the suite if files were left. */
static int
teardown_tmpdir(void **state)
{
	return rmdir(tmpdir);
}

#define CT	"multipart/form-data; boundary=----XbOuNd7"
#define B	"------XbOuNd7"

/* A body with text fields, a tricky file and a preamble/epilogue. */
static const char	 body1[] =
	"preamble text that is ignored\r\n"
	B "\r\n"
	"Content-Disposition: form-data; name=\"title\"\r\n"
	"\r\n"
	"Hello, world\r\n"
	B "\r\n"
	"content-disposition: FORM-DATA; name=\"note\"\r\n"
	"Content-Type: text/plain; charset=utf-8\r\n"
	"\r\n"
	"line one\r\nline two\r\n--not the boundary\r\n" "----XbOuNd\r\n"
	B "\r\n"
	"Content-Disposition: form-data; name=\"empty\"\r\n"
	"\r\n"
	"\r\n"
	B "\r\n"
	"Content-Disposition: form-data; name=\"upload\"; "
	    "filename=\"C:\\Users\\pat\\report.csv\"\r\n"
	"Content-Type: text/csv\r\n"
	"\r\n"
	"a,b\r\n1,2\r\n\r\r\n-" "\r\n--" "----XbOuNd"
	    "\r\n------XbOuNdX\0\x01\xff" "\r\n"
	B "  \r\n"
	"Content-Disposition: form-data; name=upload2; "
	    "filename=\"dir/sub/x y.bin\"\r\n"
	"\r\n"
	"\r\n"
	B "--\r\n"
	"epilogue, also ignored\r\n";

/* The content of the first file in body1. */
static const char	 file1[] =
	"a,b\r\n1,2\r\n\r\r\n-" "\r\n--" "----XbOuNd"
	    "\r\n------XbOuNdX\0\x01\xff";

/* Read a whole file into an arena string (NUL added). */
static char *
slurp(struct arena *a, const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	char	*p;
	long	 n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	p = arena_alloc(a, (size_t)n + 1);
	assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return p;
}

/* How run_mp() cuts the body. */
enum chunking { WHOLE, BYTES, RANDOM };

/* Small deterministic generator for chunk sizes. */
static uint32_t
lcg(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 16;
}

/*
 * Parse body with the given chunking in a fresh arena; render the
 * outcome (return code, fields, uploads with file contents) as a string
 * in out_arena.  The parse arena is freed before returning, and the
 * function checks that every temp file has then gone.
 */
static char *
run_mp(struct arena *out_arena, const char *ct, const char *body, size_t len,
    const struct parse_limits *lim, enum chunking how, uint32_t seed)
{
	struct arena		*a = arena_new();
	struct mp_parser	*mp;
	struct kvlist		 fields = { NULL, NULL, 0 };
	struct upload		*up = NULL, *u;
	struct buf		 b;
	enum parse_rc		 rc = PARSE_OK;
	size_t			 off = 0, n, flen, i;
	char			*content, *out;
	struct stat		 st;
	uint32_t		 maxc;
	int			 fd0;

	/* Small, medium or large random chunks, by seed. */
	maxc = seed % 3 == 0 ? 7 : seed % 3 == 1 ? 80 : 5000;
	fd0 = lowest_fd();
	mp = mp_new(a, ct, lim);
	assert_non_null(mp);
	while (off < len) {
		switch (how) {
		case WHOLE:
			n = len;
			break;
		case BYTES:
			n = 1;
			break;
		default:
			n = lcg(&seed) % maxc + 1;
			break;
		}
		if (n > len - off)
			n = len - off;
		rc = mp_feed(mp, body + off, n);
		if (rc != PARSE_OK)
			break;
		off += n;
	}
	if (rc == PARSE_OK)
		rc = mp_finish(mp, &fields, &up);
	else
		assert_int_equal(mp_finish(mp, &fields, &up), rc);

	buf_init(&b);
	buf_printf(&b, "rc=%d\n", rc);
	if (rc == PARSE_OK) {
		char *r = render(a, &fields);

		buf_puts(&b, r);
	} else {
		assert_null(up);
		assert_int_equal(fields.count, 0);
	}
	for (u = up; u != NULL; u = u->next) {
		assert_int_equal(strncmp(u->path, tmpdir, strlen(tmpdir)), 0);
		content = slurp(a, u->path, &flen);
		assert_int_equal(flen, u->size);
		buf_printf(&b, "file %s [%s] [%s] %zu:", u->field, u->filename,
		    u->ctype, u->size);
		for (i = 0; i < flen; i++)
			buf_printf(&b, "%02x", (unsigned char)content[i]);
		buf_putc(&b, '\n');
	}
	out = arena_strdup(out_arena, b.data);
	buf_free(&b);

	/* Remember the paths, free the arena, and check they are gone. */
	{
		char	*paths[16];
		size_t	 np = 0;

		for (u = up; u != NULL && np < 16; u = u->next)
			paths[np++] = arena_strdup(out_arena, u->path);
		arena_free(a);
		for (i = 0; i < np; i++) {
			assert_int_equal(stat(paths[i], &st), -1);
			assert_int_equal(errno, ENOENT);
		}
	}
	assert_int_equal(tmpdir_entries(), 0);
	assert_int_equal(lowest_fd(), fd0);	/* no descriptor leaked */
	return out;
}

/* Limits pointing at our temp directory, others default. */
static struct parse_limits
lim_tmp(void)
{
	struct parse_limits	 l = { 0 };

	l.tmpdir = tmpdir;
	return l;
}

/* body1 in one piece gives the expected fields and files. */
static void
test_mp_fields_and_files(void **state)
{
	struct arena		*a = arena_new();
	struct parse_limits	 lim = lim_tmp();
	struct buf		 want;
	size_t			 i;
	char			*got;

	buf_init(&want);
	buf_puts(&want, "rc=0\n"
	    "title=Hello, world\n"
	    "note=line one\\x0d\\x0aline two\\x0d\\x0a--not the boundary"
	    "\\x0d\\x0a----XbOuNd\n"
	    "empty=\n"
	    "file upload [report.csv] [text/csv] ");
	buf_printf(&want, "%zu:", sizeof(file1) - 1);
	for (i = 0; i < sizeof(file1) - 1; i++)
		buf_printf(&want, "%02x", (unsigned char)file1[i]);
	buf_puts(&want, "\nfile upload2 [x y.bin] [] 0:\n");
	got = run_mp(a, CT, body1, sizeof(body1) - 1, &lim, WHOLE, 0);
	assert_string_equal(got, want.data);
	buf_free(&want);
	arena_free(a);
}

/* Byte-at-a-time and random chunkings give exactly the same outcome. */
static void
test_mp_chunking(void **state)
{
	struct arena		*a = arena_new();
	struct parse_limits	 lim = lim_tmp();
	char			*whole, *other;
	uint32_t		 seed;

	whole = run_mp(a, CT, body1, sizeof(body1) - 1, &lim, WHOLE, 0);
	assert_true(strncmp(whole, "rc=0\n", 5) == 0);
	other = run_mp(a, CT, body1, sizeof(body1) - 1, &lim, BYTES, 0);
	assert_string_equal(other, whole);
	for (seed = 1; seed <= 60; seed++) {
		other = run_mp(a, CT, body1, sizeof(body1) - 1, &lim, RANDOM,
		    seed);
		assert_string_equal(other, whole);
	}
	arena_free(a);
}

/* A large file with boundary-like bytes at every offset mod the chunking. */
static void
test_mp_large_file(void **state)
{
	struct arena		*a = arena_new();
	struct parse_limits	 lim = lim_tmp();
	struct buf		 body;
	char			*whole, *other, *want;
	size_t			 i;

	buf_init(&body);
	buf_puts(&body, B "\r\nContent-Disposition: form-data; name=f; "
	    "filename=big.bin\r\n\r\n");
	for (i = 0; i < 200000; i++) {
		if (i % 997 == 0)
			buf_puts(&body, "\r\n" B "");	/* cut short below */
		buf_putc(&body, (char)(i * 7 % 251));
	}
	buf_puts(&body, "\r\n" B "--\r\n");
	whole = run_mp(a, CT, body.data, body.len, &lim, WHOLE, 0);
	/* Every "\r\n" B inside is followed by a data byte: malformed. */
	assert_string_equal(whole, "rc=1\n");
	buf_free(&body);

	/* Now with delimiter prefixes that stop one byte short. */
	buf_init(&body);
	buf_puts(&body, B "\r\nContent-Disposition: form-data; name=f; "
	    "filename=big.bin\r\n\r\n");
	for (i = 0; i < 200000; i++) {
		if (i % 997 == 0)
			buf_puts(&body, "\r\n------XbOuNd");
		buf_putc(&body, (char)('a' + i % 26));
	}
	buf_puts(&body, "\r\n" B "--");
	whole = run_mp(a, CT, body.data, body.len, &lim, WHOLE, 0);
	want = arena_printf(a, "rc=0\nfile f [big.bin] [] %zu:",
	    body.len - strlen(B "\r\nContent-Disposition: form-data; name=f; "
	    "filename=big.bin\r\n\r\n") - strlen("\r\n" B "--"));
	assert_int_equal(strncmp(whole, want, strlen(want)), 0);
	other = run_mp(a, CT, body.data, body.len, &lim, RANDOM, 7);
	assert_string_equal(other, whole);
	other = run_mp(a, CT, body.data, body.len, &lim, RANDOM, 8);
	assert_string_equal(other, whole);
	buf_free(&body);
	arena_free(a);
}

/* Content-Type headers that must or must not give a parser. */
static void
test_mp_new(void **state)
{
	static const struct {
		const char	*ct;
		int		 ok;
	} cases[] = {
		{ "multipart/form-data; boundary=abc", 1 },
		{ "Multipart/Form-Data;boundary=\"a b:c\"", 1 },
		{ "multipart/form-data; charset=utf-8; BOUNDARY=x", 1 },
		{ "multipart/form-data; boundary=\"\"", 0 },
		{ "multipart/form-data; boundary=", 0 },
		{ "multipart/form-data", 0 },
		{ "multipart/form-data; boundary=a; boundary=b", 0 },
		{ "multipart/form-data; boundary=\"abc", 0 },
		{ "multipart/form-data; boundary=ab\\c", 0 },
		{ "multipart/form-data; boundary=\"trailing \"", 0 },
		{ "multipart/mixed; boundary=abc", 0 },
		{ "multipart/form-dataX; boundary=abc", 0 },
		{ "text/plain; boundary=abc", 0 },
		{ "", 0 },
		/* 70 bytes is the longest legal boundary */
		{ "multipart/form-data; boundary=12345678901234567890"
		    "12345678901234567890123456789012345678901234567890", 1 },
		{ "multipart/form-data; boundary=12345678901234567890"
		    "123456789012345678901234567890123456789012345678901", 0 },
	};
	struct arena	*a = arena_new();
	size_t		 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if ((mp_new(a, cases[i].ct, NULL) != NULL) != cases[i].ok)
			fail_msg("mp_new case %zu (%s)", i, cases[i].ct);
	assert_null(mp_new(a, NULL, NULL));
	arena_free(a);
}

#define H	B "\r\n"		/* the opening boundary line */
#define CDA	"Content-Disposition: form-data; name=a\r\n"
#define TAIL	"\r\nx\r\n" B "--"	/* blank line, body, close */
#define S(x)	{ x, sizeof(x) - 1 }

/* Bodies that are malformed, each fed whole and byte by byte. */
static void
test_mp_malformed(void **state)
{
	static const struct {
		const char	*s;
		size_t		 len;
	} bad[] = {
		/* no closing delimiter */
		S(H CDA "\r\nx\r\n"),
		S(H CDA "\r\nx\r\n" B),
		S(H CDA "\r\nx\r\n" B "-"),
		/* no boundary at all */
		S("just some text\r\n"),
		S(""),
		/* part without Content-Disposition */
		S(H "Content-Type: text/plain\r\n" TAIL),
		/* not form-data, or no name */
		S(H "Content-Disposition: attachment; name=a\r\n" TAIL),
		S(H "Content-Disposition: form-data\r\n" TAIL),
		S(H "Content-Disposition: form-data; filename=a\r\n" TAIL),
		/* duplicate parameter or header */
		S(H "Content-Disposition: form-data; name=a; name=b\r\n" TAIL),
		S(H CDA "Content-Disposition: form-data; name=b\r\n" TAIL),
		/* header syntax */
		S(H "Content-Disposition form-data; name=a\r\n" TAIL),
		S(H "Content-Disposition: form-data; name=a\n" TAIL),
		S(H "Content-Disposition: form-data; name=\"a\r\n" TAIL),
		S(H CDA "\tfolded\r\n" TAIL),
		S(H "X: a\0b\r\n" CDA TAIL),
		/* garbage after a boundary */
		S(B "x\r\n" CDA TAIL),
		S(H CDA "\r\nx\r\n" B "-x"),
		S(B "\r" CDA TAIL),
	};
	struct arena		*a = arena_new();
	struct parse_limits	 lim = lim_tmp();
	size_t			 i;
	char			*got;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		got = run_mp(a, CT, bad[i].s, bad[i].len, &lim, WHOLE, 0);
		if (strcmp(got, "rc=1\n") != 0)
			fail_msg("bad body %zu: %s", i, got);
		got = run_mp(a, CT, bad[i].s, bad[i].len, &lim, BYTES, 0);
		if (strcmp(got, "rc=1\n") != 0)
			fail_msg("bad body %zu bytewise: %s", i, got);
	}
	arena_free(a);
}

/* A header line over 8 KiB is malformed; exactly 8 KiB is fine. */
static void
test_mp_long_header(void **state)
{
	struct arena		*a = arena_new();
	struct parse_limits	 lim = lim_tmp();
	struct buf		 body;
	const char		*pre =
	    "Content-Disposition: form-data; name=a; x=";
	size_t			 fill, n, i;
	char			*got;

	fill = 8192 - strlen(pre);
	buf_init(&body);
	buf_printf(&body, "%s\r\n%s", B, pre);
	while (fill-- > 0)
		buf_putc(&body, 'y');
	buf_printf(&body, "\r\n\r\nv\r\n%s--", B);
	got = run_mp(a, CT, body.data, body.len, &lim, WHOLE, 0);
	assert_string_equal(got, "rc=0\na=v\n");
	buf_reset(&body);
	fill = 8193 - strlen(pre);
	buf_printf(&body, "%s\r\n%s", B, pre);
	while (fill-- > 0)
		buf_putc(&body, 'y');
	buf_printf(&body, "\r\n\r\nv\r\n%s--", B);
	got = run_mp(a, CT, body.data, body.len, &lim, BYTES, 0);
	assert_string_equal(got, "rc=1\n");

	/* 32 header lines in a part are accepted, 33 are not. */
	for (n = 32; n <= 33; n++) {
		buf_reset(&body);
		buf_printf(&body, "%s\r\nContent-Disposition: form-data; "
		    "name=h\r\n", B);
		for (i = 1; i < n; i++)
			buf_printf(&body, "X-Extra-%zu: %zu\r\n", i, i);
		buf_printf(&body, "\r\nv\r\n%s--", B);
		got = run_mp(a, CT, body.data, body.len, &lim, WHOLE, 0);
		assert_string_equal(got, n == 32 ? "rc=0\nh=v\n" : "rc=1\n");
	}
	buf_free(&body);
	arena_free(a);
}

/* Build a body of n text parts and m file parts of the given sizes. */
static char *
make_body(struct arena *a, int ntext, size_t tsize, int nfile, size_t fsize)
{
	struct buf	 b;
	char		*out;
	int		 i;
	size_t		 j;

	buf_init(&b);
	for (i = 0; i < ntext; i++) {
		buf_printf(&b, "%s\r\nContent-Disposition: form-data; "
		    "name=\"t%d\"\r\n\r\n", B, i);
		for (j = 0; j < tsize; j++)
			buf_putc(&b, 't');
		buf_puts(&b, "\r\n");
	}
	for (i = 0; i < nfile; i++) {
		buf_printf(&b, "%s\r\nContent-Disposition: form-data; "
		    "name=\"f%d\"; filename=\"f%d.txt\"\r\n\r\n", B, i, i);
		for (j = 0; j < fsize; j++)
			buf_putc(&b, 'f');
		buf_puts(&b, "\r\n");
	}
	buf_printf(&b, "%s--\r\n", B);
	out = arena_strdup(a, b.data);
	buf_free(&b);
	return out;
}

/* Every limit, just at and just over its value. */
static void
test_mp_limits(void **state)
{
	static const struct {
		int	 ntext;
		size_t	 tsize;
		int	 nfile;
		size_t	 fsize;
		int	 rc;
	} cases[] = {
		{ 3, 5, 2, 10, PARSE_OK },
		{ 4, 5, 0, 0, PARSE_MALFORMED },	/* max_fields 3 */
		{ 0, 0, 3, 1, PARSE_MALFORMED },	/* max_files 2 */
		{ 1, 6, 0, 0, PARSE_TOO_BIG },		/* max_field 5 */
		{ 0, 0, 1, 11, PARSE_TOO_BIG },		/* max_file 10 */
		{ 0, 0, 1, 100000, PARSE_TOO_BIG },
	};
	struct arena		*a = arena_new();
	struct parse_limits	 lim = lim_tmp();
	size_t			 i;
	char			*body, *got;
	enum chunking		 how;

	lim.max_fields = 3;
	lim.max_field = 5;
	lim.max_files = 2;
	lim.max_file = 10;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		body = make_body(a, cases[i].ntext, cases[i].tsize,
		    cases[i].nfile, cases[i].fsize);
		for (how = WHOLE; how <= RANDOM; how++) {
			got = run_mp(a, CT, body, strlen(body), &lim, how, 3);
			if (strtol(got + 3, NULL, 10) != cases[i].rc)
				fail_msg("limit case %zu/%d: %s", i, how, got);
		}
	}
	arena_free(a);
}

/*
 * The temp file exists while the arena lives, is removed by arena_free,
 * including when the body was abandoned half way through a file.
 */
static void
test_mp_tempfile_lifetime(void **state)
{
	struct arena		*a = arena_new();
	struct parse_limits	 lim = lim_tmp();
	struct mp_parser	*mp;
	struct kvlist		 f = { NULL, NULL, 0 };
	struct upload		*up;
	struct stat		 st;
	const char		*part = B "\r\n"
	    "Content-Disposition: form-data; name=doc; "
	    "filename=\"../../etc/passwd\"\r\n"
	    "Content-Type: application/pdf\r\n\r\n%PDF-1.4 data";
	char			*path;

	mp = mp_new(a, CT, &lim);
	assert_non_null(mp);
	assert_int_equal(mp_feed(mp, part, strlen(part)), PARSE_OK);
	assert_int_equal(tmpdir_entries(), 1);
	assert_int_equal(mp_feed(mp, "\r\n" B "--", strlen(B) + 4), PARSE_OK);
	assert_int_equal(mp_finish(mp, &f, &up), PARSE_OK);
	assert_non_null(up);
	assert_null(up->next);
	assert_string_equal(up->field, "doc");
	assert_string_equal(up->filename, "passwd");
	assert_string_equal(up->ctype, "application/pdf");
	assert_int_equal(up->size, strlen("%PDF-1.4 data"));
	assert_int_equal(stat(up->path, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 077, 0);	/* private to us */
	assert_int_equal((size_t)st.st_size, up->size);
	path = xstrdup(up->path);
	arena_free(a);
	assert_int_equal(stat(path, &st), -1);
	assert_int_equal(errno, ENOENT);
	free(path);

	/* Abandoned without mp_finish. */
	a = arena_new();
	mp = mp_new(a, CT, &lim);
	assert_int_equal(mp_feed(mp, part, strlen(part)), PARSE_OK);
	assert_int_equal(tmpdir_entries(), 1);
	arena_free(a);
	assert_int_equal(tmpdir_entries(), 0);

	/* An error is sticky and keeps returning the same code. */
	a = arena_new();
	lim.max_file = 4;
	mp = mp_new(a, CT, &lim);
	assert_int_equal(mp_feed(mp, part, strlen(part)), PARSE_TOO_BIG);
	assert_int_equal(mp_feed(mp, "\r\n" B "--", strlen(B) + 4),
	    PARSE_TOO_BIG);
	assert_int_equal(mp_finish(mp, &f, &up), PARSE_TOO_BIG);
	assert_null(up);
	arena_free(a);
	assert_int_equal(tmpdir_entries(), 0);
	assert_int_equal(f.count, 0);
}

/* An unusable tmpdir makes a file part fail, not crash. */
static void
test_mp_bad_tmpdir(void **state)
{
	struct arena		*a = arena_new();
	struct parse_limits	 lim = { 0 };
	struct mp_parser	*mp;
	const char		*body = B "\r\n"
	    "Content-Disposition: form-data; name=doc; filename=a\r\n"
	    "\r\nxyz\r\n" B "--";

	lim.tmpdir = "/nonexistent/dir";
	mp = mp_new(a, CT, &lim);
	assert_int_equal(mp_feed(mp, body, strlen(body)), PARSE_NO_ROOM);
	arena_free(a);
}

/*
 * A NUL byte in a value ("abc%00def" in a form or query, a raw zero
 * byte in a multipart text field) is kept with its length, and
 * kv_has_nul() / kv_first_nul() find it, so that no caller reads the
 * value cut short at it.  A Cookie header is not decoded: "%00" there
 * stays three characters.
 */
static void
test_nul_values(void **state)
{
	static const char body[] =
	    "------XbOuNd7\r\n"
	    "Content-Disposition: form-data; name=\"title\"\r\n\r\n"
	    "abc\0def\r\n"
	    "------XbOuNd7\r\n"
	    "Content-Disposition: form-data; name=\"code\"\r\n\r\n"
	    "plain\r\n"
	    "------XbOuNd7--\r\n";
	struct arena		*a = arena_new();
	struct parse_limits	 lim = lim_tmp();
	struct kvlist		 l = { NULL, NULL, 0 }, f = { NULL, NULL, 0 };
	struct kvlist		 c = { NULL, NULL, 0 };
	struct mp_parser	*mp;
	struct upload		*up = NULL;
	const struct kv		*kv;

	assert_int_equal(parse_urlencoded(a, "ok=1&t=abc%00def&z=%00", 22,
	    NULL, &l), PARSE_OK);
	assert_string_equal(render(a, &l), "ok=1\nt=abc\\x00def\nz=\\x00\n");
	assert_false(kv_has_nul(kv_find(&l, "ok")));
	kv = kv_find(&l, "t");
	assert_non_null(kv);
	assert_int_equal(kv->vlen, 7);
	assert_true(kv_has_nul(kv));
	assert_true(kv_has_nul(kv_find(&l, "z")));
	assert_ptr_equal(kv_first_nul(&l), kv);
	assert_null(kv_find(&l, "missing"));
	assert_false(kv_has_nul(NULL));
	assert_null(kv_first_nul(NULL));
	/* A NUL in a key is refused by the parser itself. */
	memset(&l, 0, sizeof(l));
	assert_int_equal(parse_urlencoded(a, "a%00b=1", 7, NULL, &l),
	    PARSE_MALFORMED);
	assert_int_equal(l.count, 0);
	assert_null(kv_first_nul(&l));

	assert_non_null(mp = mp_new(a, CT, &lim));
	assert_int_equal(mp_feed(mp, body, sizeof(body) - 1), PARSE_OK);
	assert_int_equal(mp_finish(mp, &f, &up), PARSE_OK);
	kv = kv_find(&f, "title");
	assert_non_null(kv);
	assert_int_equal(kv->vlen, 7);
	assert_true(kv_has_nul(kv));
	assert_false(kv_has_nul(kv_find(&f, "code")));
	assert_ptr_equal(kv_first_nul(&f), kv);

	assert_int_equal(parse_cookies(a, "s=abc%00def", NULL, &c), PARSE_OK);
	assert_string_equal(kv_get(&c, "s"), "abc%00def");
	assert_null(kv_first_nul(&c));
	arena_free(a);
}

/* Run the tests as one group; exits with the number of failures. */
int
main(void)
{
	const struct CMUnitTest	 tests[] = {
		cmocka_unit_test(test_urlencoded_table),
		cmocka_unit_test(test_urlencoded_limits),
		cmocka_unit_test(test_decode_and_kv),
		cmocka_unit_test(test_cookies_table),
		cmocka_unit_test(test_cookies_limits),
		cmocka_unit_test(test_mp_new),
		cmocka_unit_test(test_mp_fields_and_files),
		cmocka_unit_test(test_mp_chunking),
		cmocka_unit_test(test_mp_large_file),
		cmocka_unit_test(test_mp_malformed),
		cmocka_unit_test(test_mp_long_header),
		cmocka_unit_test(test_mp_limits),
		cmocka_unit_test(test_mp_tempfile_lifetime),
		cmocka_unit_test(test_mp_bad_tmpdir),
		cmocka_unit_test(test_nul_values),
	};

	return cmocka_run_group_tests_name("parse", tests, setup_tmpdir,
	    teardown_tmpdir);
}
