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
