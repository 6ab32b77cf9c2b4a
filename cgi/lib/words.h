/*
 * words.h: the words of a search, as a full-text index (InnoDB's
 * FULLTEXT, MATCH ... AGAINST in boolean mode) sees them.
 */
#ifndef LECTERN_WORDS_H
#define LECTERN_WORDS_H

struct arena;

/* Shortest and longest words the index holds, in characters. */
#define FT_WORD_MIN	3
#define FT_WORD_MAX	84

/*
 * The boolean-mode expression that finds the words of s: "+w1* +w2*",
 * each word required and matched as the beginning of a word.  A word is
 * a run of letters, digits, '_' and characters beyond ASCII other than
 * punctuation and spaces; everything else separates words and is left
 * out, so nothing of s is read as boolean syntax (+ - < > ( ) ~ * " @).
 * Words the index does not hold (shorter than FT_WORD_MIN or longer
 * than FT_WORD_MAX characters, InnoDB's default stopwords) are left out
 * too.  Returns the expression in arena, or NULL when no word is left;
 * *all is 1 when every word of s is in it (0 too when s has none).
 */
char	*ft_terms(struct arena *, const char *s, int *all);

/* One piece of a snippet: plain text, then a matched word or none. */
struct ft_piece {
	char	*text;		/* "" when the mark follows another */
	char	*mark;		/* NULL: none (the last piece) */
};

/*
 * A snippet of s for a search by terms (an ft_terms() expression):
 * about max characters of s around its first word that begins with a
 * word of terms, cut between words, with "…" where s goes on, as
 * pieces of plain text each followed by a matched word to mark.  The
 * pieces are text, never markup: whoever shows them escapes both.
 * Returns the number of pieces (at least 1), allocated in arena.
 */
size_t	 ft_snippet(struct arena *, const char *s, const char *terms,
	    size_t max, struct ft_piece **);

#endif
