/*
 * words.c: the words of a search, as a full-text index sees them.
 */
#include <ctype.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "lib/utf8.h"
#include "lib/util.h"
#include "lib/words.h"

/*
 * InnoDB's default stopwords of FT_WORD_MIN letters or more: not in the
 * index, so a required term of one would find nothing.
 */
static const char *const stopwords[] = {
	"about", "are", "com", "for", "from", "how", "that", "the", "this",
	"was", "what", "when", "where", "who", "will", "with", "und", "www",
};

/*
 * Length of the character at s when it belongs to a word, else 0 (also
 * for the NUL and for bytes that are not well-formed UTF-8).
 */
static size_t
word_char(const char *s)
{
	uint32_t	 cp;
	size_t		 n;

	if ((unsigned char)*s < 0x80)
		return isalnum((unsigned char)*s) || *s == '_' ? 1 : 0;
	if ((n = utf8_seq(s)) == 0)
		return 0;
	(void)utf8_decode(s, n, &cp);
	/* Latin-1 signs and punctuation, general and CJK punctuation. */
	if (cp <= 0xbf || cp == 0xd7 || cp == 0xf7 ||
	    (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x3000 && cp <= 0x303f) ||
	    cp == 0xfeff)
		return 0;
	return n;
}

/* 1 when the index holds the word of len bytes and chars characters. */
static int
indexed(const char *w, size_t len, size_t chars)
{
	size_t	 i;

	if (chars < FT_WORD_MIN || chars > FT_WORD_MAX)
		return 0;
	for (i = 0; i < sizeof(stopwords) / sizeof(stopwords[0]); i++)
		if (strlen(stopwords[i]) == len &&
		    strncasecmp(stopwords[i], w, len) == 0)
			return 0;
	return 1;
}

char *
ft_terms(struct arena *a, const char *s, int *all)
{
	struct buf	 b;
	const char	*w;
	char		*terms;
	size_t		 n, len, chars;
	int		 words = 0, kept = 0;

	buf_init(&b);
	while (*s != '\0') {
		if (word_char(s) == 0) {
			s++;
			continue;
		}
		for (w = s, len = 0, chars = 0; (n = word_char(s)) > 0;
		    s += n, len += n)
			chars++;
		words++;
		if (!indexed(w, len, chars))
			continue;
		buf_printf(&b, "%s+%.*s*", kept++ > 0 ? " " : "", (int)len, w);
	}
	*all = words > 0 && kept == words;
	terms = kept > 0 ? arena_strdup(a, b.data) : NULL;
	buf_free(&b);
	return terms;
}

/* The words of an ft_terms() expression: at most FT_SNIPPET_WORDS. */
#define FT_SNIPPET_WORDS	64

struct ft_word {
	const char	*w;
	size_t		 len;
};

/* Split terms ("+w1* +w2*") into words; returns how many. */
static size_t
term_words(const char *terms, struct ft_word *out)
{
	const char	*t, *end;
	size_t		 n = 0;

	for (t = terms; t != NULL && *t != '\0' && n < FT_SNIPPET_WORDS;
	    t = end) {
		while (*t == ' ' || *t == '+')
			t++;
		for (end = t; *end != '\0' && *end != ' '; end++)
			;
		if (end > t && end[-1] == '*' && end - t > 1) {
			out[n].w = t;
			out[n++].len = (size_t)(end - t) - 1;
		}
	}
	return n;
}

/* 1 when the word of len bytes at w begins with one of the n words. */
static int
word_hit(const char *w, size_t len, const struct ft_word *tw, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (tw[i].len <= len && strncasecmp(w, tw[i].w, tw[i].len) == 0)
			return 1;
	return 0;
}

/* Length of the word at s (0: s is not in a word). */
static size_t
word_len(const char *s)
{
	size_t	 len = 0, n;

	while ((n = word_char(s + len)) > 0)
		len += n;
	return len;
}

size_t
ft_snippet(struct arena *a, const char *s, const char *terms, size_t max,
    struct ft_piece **out)
{
	struct ft_word	 tw[FT_SNIPPET_WORDS];
	struct ft_piece	*p;
	size_t		 nw, total = strlen(s), hit = 0, start, end, i, len;
	size_t		 back, plain, np = 0, cap = 8;
	int		 found = 0;

	nw = term_words(terms, tw);
	/* The first word that matches. */
	for (i = 0; i < total && !found; i += len > 0 ? len : 1) {
		if ((len = word_len(s + i)) > 0 && word_hit(s + i, len, tw, nw)) {
			hit = i;
			found = 1;
		}
	}
	/* Up to a third of the snippet before it, from a word's start. */
	start = hit;
	for (back = 0; start > 0 && back < max / 3; back++) {
		start--;
		while (start > 0 && ((unsigned char)s[start] & 0xc0) == 0x80)
			start--;
	}
	if (start > 0)
		while (start < hit && word_char(s + start) > 0)
			start += word_char(s + start);
	while (start < hit && (s[start] == ' ' || s[start] == '\n'))
		start++;
	end = start + utf8_prefix(s + start, max);
	if (end < total) {
		/* Cut between words when a separator follows the hit. */
		for (i = end; i > hit && word_char(s + i) > 0; )
			do
				i--;
			while (i > hit && ((unsigned char)s[i] & 0xc0) == 0x80);
		if (i > hit)
			end = i;
	}

	p = arena_alloc(a, cap * sizeof(*p));
	plain = start;
	for (i = start; i < end; i += len > 0 ? len : 1) {
		if ((len = word_len(s + i)) == 0)
			continue;
		if (i + len > end)
			len = end - i;
		if (!word_hit(s + i, len, tw, nw))
			continue;
		if (np + 1 >= cap) {
			struct ft_piece	*more;

			more = arena_alloc(a, cap * 2 * sizeof(*p));
			memcpy(more, p, cap * sizeof(*p));
			p = more;
			cap *= 2;
		}
		p[np].text = arena_strndup(a, s + plain, i - plain);
		p[np++].mark = arena_strndup(a, s + i, len);
		plain = i + len;
	}
	p[np].text = arena_strndup(a, s + plain, end - plain);
	p[np++].mark = NULL;
	if (start > 0)
		p[0].text = arena_printf(a, "…%s", p[0].text);
	if (end < total)
		p[np - 1].text = arena_printf(a, "%s…", p[np - 1].text);
	*out = p;
	return np;
}
