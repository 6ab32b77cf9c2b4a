/*
 * test-content.c: the rules of lesson exercises (content.h): which
 * exercises are refused and why, and the points an answer gets for each
 * kind.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "catalogue/content.h"

static const struct {
	enum ex_kind	 kind;
	const char	*prompt;
	const char	*spec;
	const char	*error;		/* a word of the message; NULL: valid */
} checks[] = {
	{ EX_CHOICE, "Colours?", "* red\nbig\n* blue", NULL },
	{ EX_CHOICE, "Colours?", "* red", "two options" },
	{ EX_CHOICE, "Colours?", "red\nblue", "correct option" },
	{ EX_CHOICE, "Colours?", "*\nblue", "empty" },
	{ EX_CHOICE, "Colours?", "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n*m",
	    "at most 12" },
	{ EX_CHOICE, " \n ", "* a\nb", "question" },
	{ EX_GAP, "I [[am]] here, you [[are|were]] there.", "", NULL },
	{ EX_GAP, "No gaps", "", "at least one gap" },
	{ EX_GAP, "Open [[gap", "", "answer inside" },
	{ EX_GAP, "Empty [[]] gap", "", "answer inside" },
	{ EX_GAP, "Two [[lines\n]] gap", "", "answer inside" },
	{ EX_SHORT, "Capital of France?", "Paris", NULL },
	{ EX_SHORT, "Capital of France?", " \n\n", "accepted answer" },
	{ EX_ESSAY, "Describe your town.", "", NULL },
};

static const struct {
	enum ex_kind	 kind;
	const char	*prompt;
	const char	*spec;
	const char	*answer;
	long long	 points, max;
} scores[] = {
	{ EX_CHOICE, "?", "* red\nbig\n* blue", "0,2", 1, 1 },
	{ EX_CHOICE, "?", "* red\nbig\n* blue", "2,0", 1, 1 },
	{ EX_CHOICE, "?", "* red\nbig\n* blue", "0", 0, 1 },
	{ EX_CHOICE, "?", "* red\nbig\n* blue", "0,1,2", 0, 1 },
	{ EX_CHOICE, "?", "* red\nbig\n* blue", "", 0, 1 },
	{ EX_GAP, "I [[am]], you [[are|were]].", "", "am\nwere", 2, 2 },
	{ EX_GAP, "I [[am]], you [[are|were]].", "", "  AM \nis", 1, 2 },
	{ EX_GAP, "I [[am]], you [[are|were]].", "", "", 0, 2 },
	{ EX_SHORT, "?", "New York\nNYC", "  new   YORK ", 1, 1 },
	{ EX_SHORT, "?", "New York\nNYC", "nyc", 1, 1 },
	{ EX_SHORT, "?", "New York\nNYC", "Newyork", 0, 1 },
	{ EX_SHORT, "?", "New York\nNYC", "", 0, 1 },
	{ EX_ESSAY, "?", "", "Anything", -1, ESSAY_POINTS },
};

static void
test_checks(void **state)
{
	const char	*msg;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		msg = exercise_check(checks[i].kind, checks[i].prompt,
		    checks[i].spec);
		if (checks[i].error == NULL)
			assert_null(msg);
		else {
			assert_non_null(msg);
			assert_non_null(strstr(msg, checks[i].error));
		}
	}
}

static void
test_scores(void **state)
{
	struct exercise	 ex;
	struct answer	 ans;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(scores) / sizeof(scores[0]); i++) {
		memset(&ex, 0, sizeof(ex));
		memset(&ans, 0, sizeof(ans));
		ex.kind = scores[i].kind;
		ex.prompt = (char *)scores[i].prompt;
		ex.spec = (char *)scores[i].spec;
		ans.text = (char *)scores[i].answer;
		answer_score(&ex, &ans);
		assert_int_equal(ans.points, scores[i].points);
		assert_int_equal(ans.max_points, scores[i].max);
	}
	assert_int_equal(gap_count("a [[b]] c [[d|e]]"), 2);
	assert_int_equal(gap_count("a [[b"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_checks),
		cmocka_unit_test(test_scores),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
