/*
 * vtt.c: the WebVTT reader (vtt.h).  The file is checked whole first
 * (size, NUL bytes, UTF-8), then read a line at a time: lines end at
 * LF, CRLF or a lone CR.  Blocks are separated by blank lines; a cue
 * block is an optional id line, the timings line and its text lines.
 * Cue text keeps its words only: every tag is dropped, the first voice
 * tag giving the speaker, and the character references of the format
 * are decoded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/utf8.h"
#include "lib/util.h"
#include "lib/vtt.h"

/* The reading position: the next line and its number. */
struct vttrd {
	const char	*p, *end;
	size_t		 line;		/* of the line last read */
};

/* The next line into *s, *len (without its end); 0 at the end.  */
static int
next_line(struct vttrd *rd, const char **s, size_t *len)
{
	const char	*q;

	if (rd->p >= rd->end)
		return 0;
	*s = rd->p;
	for (q = rd->p; q < rd->end && *q != '\n' && *q != '\r'; q++)
		continue;
	*len = (size_t)(q - rd->p);
	if (q < rd->end) {
		if (*q == '\r' && q + 1 < rd->end && q[1] == '\n')
			q += 2;
		else
			q++;
	}
	rd->p = q;
	rd->line++;
	return 1;
}

/* 1 when the len bytes at s hold "-->".  Pure. */
static int
has_arrow(const char *s, size_t len)
{
	size_t	 i;

	for (i = 0; i + 3 <= len; i++)
		if (memcmp(s + i, "-->", 3) == 0)
			return 1;
	return 0;
}

/* 1 when the line starts a block of kind word (alone or then a blank). */
static int
starts_block(const char *s, size_t len, const char *word)
{
	size_t	 n = strlen(word);

	return len >= n && memcmp(s, word, n) == 0 &&
	    (len == n || s[n] == ' ' || s[n] == '\t');
}

/* Decimal digits at *p (at least min, at most max) into *v; their
 * number, or 0. */
static int
digits(const char **p, const char *end, int min, int max, long long *v)
{
	int	 k = 0;

	*v = 0;
	while (*p < end && **p >= '0' && **p <= '9' && k < max) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		k++;
	}
	if (*p < end && **p >= '0' && **p <= '9')
		return 0;	/* more digits than max */
	return k >= min ? k : 0;
}

/*
 * A timestamp "[hh:]mm:ss.ttt" at *p: hours of two to four digits when
 * there, minutes and seconds of two below 60, three digits of ms.
 */
static int
timestamp(const char **p, const char *end, long long *ms)
{
	long long	 a, b, c, f;
	int		 ka;

	if ((ka = digits(p, end, 2, 4, &a)) == 0 || *p >= end || **p != ':')
		return 0;
	(*p)++;
	if (!digits(p, end, 2, 2, &b))
		return 0;
	if (*p < end && **p == ':') {
		(*p)++;
		if (!digits(p, end, 2, 2, &c) || b > 59)
			return 0;
	} else {
		if (ka != 2 || a > 59)
			return 0;	/* minutes: two digits */
		c = b;
		b = a;
		a = 0;
	}
	if (c > 59 || *p >= end || **p != '.')
		return 0;
	(*p)++;
	if (!digits(p, end, 3, 3, &f))
		return 0;
	*ms = ((a * 60 + b) * 60 + c) * 1000 + f;
	return 1;
}

/* The timings line: start, "-->" between blanks, end, then settings. */
static int
timings(const char *s, size_t len, long long *start, long long *stop)
{
	const char	*p = s, *end = s + len;

	if (!timestamp(&p, end, start))
		return 0;
	if (p >= end || (*p != ' ' && *p != '\t'))
		return 0;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (end - p < 3 || memcmp(p, "-->", 3) != 0)
		return 0;
	p += 3;
	if (p >= end || (*p != ' ' && *p != '\t'))
		return 0;
	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (!timestamp(&p, end, stop))
		return 0;
	return p == end || *p == ' ' || *p == '\t';
}

/* The character reference at s (after '&') into b; its length, or 0. */
static size_t
entity(const char *s, const char *end, struct buf *b)
{
	static const struct {
		const char	*name;
		const char	*text;
	} refs[] = {
		{ "amp;", "&" }, { "lt;", "<" }, { "gt;", ">" },
		{ "quot;", "\"" }, { "apos;", "'" },
		{ "nbsp;", "\xc2\xa0" }, { "lrm;", "\xe2\x80\x8e" },
		{ "rlm;", "\xe2\x80\x8f" },
	};
	size_t	 i, n;

	for (i = 0; i < sizeof(refs) / sizeof(refs[0]); i++) {
		n = strlen(refs[i].name);
		if ((size_t)(end - s) >= n && memcmp(s, refs[i].name, n) == 0) {
			buf_puts(b, refs[i].text);
			return n;
		}
	}
	return 0;
}

/*
 * One line of cue text into b without its tags; the annotation of the
 * first voice tag into *speaker when it has none yet.  Blanks around
 * the line are dropped.
 */
static void
cue_line(struct arena *a, const char *s, size_t len, struct buf *b,
    char **speaker)
{
	const char	*p = s, *end = s + len, *q, *ann;
	size_t		 n, mark = b->len, k;

	while (p < end) {
		if (*p == '<') {
			for (q = p; q < end && *q != '>'; q++)
				continue;
			if (*speaker == NULL && end - p > 2 && p[1] == 'v' &&
			    (p[2] == ' ' || p[2] == '\t' || p[2] == '.')) {
				for (ann = p + 2; ann < q && *ann != ' ' &&
				    *ann != '\t'; ann++)
					continue;	/* classes */
				while (ann < q && (*ann == ' ' || *ann == '\t'))
					ann++;
				n = (size_t)(q - ann);
				while (n > 0 && (ann[n - 1] == ' ' ||
				    ann[n - 1] == '\t'))
					n--;
				if (n > 0)
					*speaker = arena_strndup(a, ann, n);
			}
			p = q < end ? q + 1 : end;
			continue;
		}
		if (*p == '&' && (k = entity(p + 1, end, b)) > 0) {
			p += 1 + k;
			continue;
		}
		buf_putc(b, *p++);
	}
	/* Trim the blanks this line left at both ends. */
	while (b->len > mark && (b->data[b->len - 1] == ' ' ||
	    b->data[b->len - 1] == '\t'))
		b->data[--b->len] = '\0';
	for (k = mark; k < b->len && (b->data[k] == ' ' ||
	    b->data[k] == '\t'); k++)
		continue;
	if (k > mark) {
		memmove(b->data + mark, b->data + k, b->len - k + 1);
		b->len -= k - mark;
	}
}

/* "Line <line>: <what>" into err; 0. */
static int
fail(char *err, size_t errlen, const char *what, size_t line)
{
	snprintf(err, errlen, "Line %zu: %s", line, what);
	return 0;
}

int
vtt_parse(struct arena *a, const char *data, size_t len,
    struct vtt_cue **cues, size_t *n, char *err, size_t errlen)
{
	struct vttrd	 rd;
	struct vtt_cue	*list = NULL, *c;
	struct buf	 text;
	const char	*s, *id;
	size_t		 slen, idlen, idline, cap = 0, count = 0;
	long long	 start, stop;
	int		 ok = 0, more;

	*cues = NULL;
	*n = 0;
	if (len > VTT_MAX_BYTES) {
		snprintf(err, errlen, "The file is larger than %d MB.",
		    VTT_MAX_BYTES / (1024 * 1024));
		return 0;
	}
	if (memchr(data, '\0', len) != NULL) {
		snprintf(err, errlen, "The file holds a NUL byte: it is not "
		    "a WebVTT text file.");
		return 0;
	}
	if (!utf8_valid(data, len)) {
		snprintf(err, errlen, "The file is not valid UTF-8 text.");
		return 0;
	}
	rd.p = data;
	rd.end = data + len;
	rd.line = 0;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		rd.p += 3;
	if (!next_line(&rd, &s, &slen) || slen < 6 ||
	    memcmp(s, "WEBVTT", 6) != 0 ||
	    (slen > 6 && s[6] != ' ' && s[6] != '\t')) {
		snprintf(err, errlen, "This is not a WebVTT file: its first "
		    "line must be \"WEBVTT\".");
		return 0;
	}
	/* The header's own lines, up to the first blank line. */
	while ((more = next_line(&rd, &s, &slen)) && slen > 0)
		if (has_arrow(s, slen))
			return fail(err, errlen, "a blank line must "
			    "separate the WEBVTT line from the first cue.",
			    rd.line);
	buf_init(&text);
	for (;;) {
		/* Skip blank lines to the next block. */
		while ((more = next_line(&rd, &s, &slen)) && slen == 0)
			continue;
		if (!more)
			break;
		if (starts_block(s, slen, "NOTE") ||
		    ((starts_block(s, slen, "STYLE") ||
		    starts_block(s, slen, "REGION")) && !has_arrow(s, slen))) {
			while (next_line(&rd, &s, &slen) && slen > 0)
				continue;
			continue;
		}
		id = NULL;
		idlen = 0;
		if (!has_arrow(s, slen)) {
			id = s;
			idlen = slen;
			idline = rd.line;
			if (!next_line(&rd, &s, &slen) || slen == 0 ||
			    !has_arrow(s, slen)) {
				fail(err, errlen, "a cue id must be "
				    "followed by the cue's timings "
				    "(00:00:01.000 --> 00:00:04.000).",
				    idline);
				goto out;
			}
		}
		if (!timings(s, slen, &start, &stop)) {
			fail(err, errlen, "malformed cue timings; "
			    "write them as 00:00:01.000 --> 00:00:04.000.",
			    rd.line);
			goto out;
		}
		if (stop <= start) {
			fail(err, errlen, "the cue ends before it "
			    "starts.", rd.line);
			goto out;
		}
		if (count > 0 && start < list[count - 1].start_ms) {
			fail(err, errlen, "the cues are out of "
			    "order: this one starts before the one above.",
			    rd.line);
			goto out;
		}
		if (count > 0 && start < list[count - 1].end_ms) {
			fail(err, errlen, "this cue starts before "
			    "the one above ends.", rd.line);
			goto out;
		}
		if (count == VTT_MAX_CUES) {
			snprintf(err, errlen, "The file holds more than %d "
			    "cues.", VTT_MAX_CUES);
			goto out;
		}
		if (count == cap) {
			cap = cap ? cap * 2 : 64;
			c = arena_alloc(a, cap * sizeof(*c));
			if (count > 0)
				memcpy(c, list, count * sizeof(*c));
			list = c;
		}
		c = &list[count];
		memset(c, 0, sizeof(*c));
		c->start_ms = start;
		c->end_ms = stop;
		c->line = rd.line;
		if (id != NULL)
			c->id = arena_strndup(a, id, idlen);
		buf_reset(&text);
		while (next_line(&rd, &s, &slen) && slen > 0) {
			if (has_arrow(s, slen)) {
				fail(err, errlen, "a blank line must "
				    "separate one cue from the next.", rd.line);
				goto out;
			}
			if (text.len > 0)
				buf_putc(&text, '\n');
			cue_line(a, s, slen, &text, &c->speaker);
			if (text.len > VTT_MAX_TEXT) {
				snprintf(err, errlen, "Line %zu: the cue's "
				    "text is longer than %d bytes.", rd.line,
				    VTT_MAX_TEXT);
				goto out;
			}
		}
		if (c->speaker != NULL && strlen(c->speaker) >
		    VTT_MAX_SPEAKER) {
			fail(err, errlen, "the speaker's name is "
			    "longer than 100 bytes.", c->line);
			goto out;
		}
		/* Lines a voice tag alone left blank go. */
		while (text.len > 0 && text.data[text.len - 1] == '\n')
			text.data[--text.len] = '\0';
		c->text = arena_strndup(a, text.len ? text.data : "",
		    text.len);
		if (!utf8_valid(c->text, strlen(c->text)) ||
		    (c->speaker != NULL && !utf8_valid(c->speaker,
		    strlen(c->speaker)))) {
			fail(err, errlen, "the cue's text is not "
			    "valid UTF-8.", c->line);
			goto out;
		}
		count++;
	}
	if (count == 0) {
		snprintf(err, errlen, "The file holds no cues.");
		goto out;
	}
	*cues = list;
	*n = count;
	ok = 1;
out:
	buf_free(&text);
	return ok;
}

void
vtt_clock(long long ms, char *out, size_t outlen)
{
	long long	 s = ms < 0 ? 0 : ms / 1000;

	if (s >= 3600)
		snprintf(out, outlen, "%lld:%02lld:%02lld", s / 3600,
		    s / 60 % 60, s % 60);
	else
		snprintf(out, outlen, "%lld:%02lld", s / 60, s % 60);
}
