/*
 * test-words.c: the words of a search for the full-text index
 * (words.h): the boolean expression made of them, and that nothing of
 * the boolean syntax typed in a search gets into it; the snippet of a
 * result with the words found marked.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "lib/util.h"
#include "lib/words.h"

static const struct {
	const char	*s;
	const char	*terms;	/* NULL: no word the index holds */
	int		 all;
} cases[] = {
	{ "autumn", "+autumn*", 1 },
	{ "  Geography   autumn ", "+Geography* +autumn*", 1 },
	{ "group 005", "+group* +005*", 1 },
	/* Short words and stopwords are left out, and said so. */
	{ "History of Art", "+History* +Art*", 0 },
	{ "THE alpha", "+alpha*", 0 },
	{ "of", NULL, 0 },
	{ "v2", NULL, 0 },
	{ "", NULL, 0 },
	{ "%", NULL, 0 },
	{ "100%", "+100*", 1 },
	/* Boolean syntax is never passed on. */
	{ "+foo -bar \"baz\" (qux) <quux> ~corge @3 *", "+foo* +bar* +baz* "
	    "+qux* +quux* +corge*", 0 },
	{ "foo*bar", "+foo* +bar*", 1 },
	{ "\"unclosed", "+unclosed*", 1 },
	{ "a\") OR 1=1 --", NULL, 0 },
	{ "+++", NULL, 0 },
	{ "x_y_z", "+x_y_z*", 1 },
	{ "O'Brien", "+Brien*", 0 },
	/* Letters beyond ASCII are word characters, punctuation is not. */
	{ "M\xc3\xbcller \xc2\xabStra\xc3\x9f" "e\xc2\xbb",
	    "+M\xc3\xbcller* +Stra\xc3\x9f" "e*", 1 },
	{ "caf\xc3\xa9\xe2\x80\x93" "cr\xc3\xa8me",
	    "+caf\xc3\xa9* +cr\xc3\xa8me*", 1 },
	/* Three characters, not three bytes. */
	{ "\xc3\xa9t\xc3\xa9", "+\xc3\xa9t\xc3\xa9*", 1 },
	{ "\xc3\xa9t", NULL, 0 },
	/* A byte that is not UTF-8 separates. */
	{ "abc\xff" "def", "+abc* +def*", 1 },
};

static void
test_terms(void **state)
{
	struct arena	*a = arena_new();
	const char	*t;
	size_t		 i;
	int		 all;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		all = -1;
		t = ft_terms(a, cases[i].s, &all);
		if (cases[i].terms == NULL)
			assert_null(t);
		else
			assert_string_equal(t, cases[i].terms);
		assert_int_equal(all, cases[i].all);
	}
	arena_free(a);
}

static void
test_lengths(void **state)
{
	struct arena	*a = arena_new();
	char		 w[FT_WORD_MAX + 2];
	const char	*t;
	int		 all;

	memset(w, 'x', FT_WORD_MAX);
	w[FT_WORD_MAX] = '\0';
	t = ft_terms(a, w, &all);
	assert_non_null(t);
	assert_int_equal(strlen(t), FT_WORD_MAX + 2);
	assert_int_equal(all, 1);
	w[FT_WORD_MAX] = 'x';
	w[FT_WORD_MAX + 1] = '\0';
	assert_null(ft_terms(a, w, &all));
	assert_int_equal(all, 0);
	arena_free(a);
}

static const struct {
	const char	*s;
	const char	*terms;
	size_t		 max;
	const char	*shown;	/* marked words in [] */
} snippets[] = {
	{ "Is the homework due on Monday?", "+homework* +monday*", 160,
	    "Is the [homework] due on [Monday]?" },
	{ "hello world", "+zzz*", 160, "hello world" },
	{ "", "+zzz*", 160, "" },
	/* A word that begins with a search word; not one that ends so. */
	{ "Geography, geometric: rehome homeworks", "+geo* +home*", 160,
	    "[Geography], [geometric]: rehome [homeworks]" },
	/* The text as it is: markup is for whoever shows it to escape. */
	{ "<b>x</b> & word<", "+word*", 160, "<b>x</b> & [word]<" },
	{ "Stra\xc3\x9f" "e caf\xc3\xa9", "+caf\xc3\xa9*", 160,
	    "Stra\xc3\x9f" "e [caf\xc3\xa9]" },
	/* Cut between words around the first word found. */
	{ "one two three four five six seven eight nine ten target eleven "
	    "twelve thirteen fourteen", "+target*", 30,
	    "\xe2\x80\xa6nine ten [target] eleven twelve\xe2\x80\xa6" },
	{ "target one two three four five six seven eight nine ten",
	    "+target*", 20, "[target] one two three\xe2\x80\xa6" },
};

static void
test_snippet(void **state)
{
	struct arena	*a = arena_new();
	struct ft_piece	*p;
	struct buf	 b;
	size_t		 i, j, n;

	for (i = 0; i < sizeof(snippets) / sizeof(snippets[0]); i++) {
		n = ft_snippet(a, snippets[i].s, snippets[i].terms,
		    snippets[i].max, &p);
		assert_true(n >= 1);
		assert_null(p[n - 1].mark);
		buf_init(&b);
		buf_puts(&b, "");
		for (j = 0; j < n; j++) {
			buf_puts(&b, p[j].text);
			if (p[j].mark != NULL)
				buf_printf(&b, "[%s]", p[j].mark);
		}
		assert_string_equal(b.data, snippets[i].shown);
		buf_free(&b);
	}
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_terms),
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_snippet),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
