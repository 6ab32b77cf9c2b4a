/*
 * content.c: the rules of lesson content and the pieces of page that
 * course lessons and instant lessons share: the text markup (lines
 * starting "# " or "## " are headings, other lines make paragraphs
 * split by empty lines; everything is shown escaped), the exercise
 * kinds with their checks and scoring, the editor, the answer form and
 * its results, and the editor's POST flows.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "catalogue/content.h"
#include "core/auth.h"
#include "core/db.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/req.h"
#include "core/tpl.h"
#include "lib/util.h"

/*
 * s trimmed, runs of white space made one space, ASCII letters made
 * lower case: how short answers and gaps compare.  An arena string.
 */
static char *
norm(struct arena *a, const char *s, size_t len)
{
	char	*out = arena_alloc(a, len + 1), *o = out;
	size_t	 i;
	int	 space = 0;

	for (i = 0; i < len; i++) {
		if (isspace((unsigned char)s[i])) {
			space = o != out;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = 0;
		*o++ = (char)tolower((unsigned char)s[i]);
	}
	*o = '\0';
	return out;
}

/* A line of text: [p, p + len). */
struct span {
	const char	*p;
	size_t		 len;
};

/* The next line of s at *pos, trimmed; 0 at the end. */
static int
next_line(const char *s, size_t *pos, struct span *out)
{
	size_t	 i = *pos, e;

	if (s == NULL || s[i] == '\0')
		return 0;
	e = i + strcspn(s + i, "\n");
	*pos = s[e] == '\n' ? e + 1 : e;
	while (i < e && isspace((unsigned char)s[i]))
		i++;
	while (e > i && isspace((unsigned char)s[e - 1]))
		e--;
	out->p = s + i;
	out->len = e - i;
	return 1;
}

/*
 * The options of a choice (non-empty lines of spec, "*" marking the
 * correct ones, its leading spaces dropped) into opts (at most max);
 * returns how many, or max + 1 when there are more.
 */
static size_t
choice_options(const char *spec, struct span *opts, int *correct, size_t max)
{
	struct span	 l;
	size_t		 pos = 0, n = 0;

	while (next_line(spec, &pos, &l)) {
		if (l.len == 0)
			continue;
		if (n == max)
			return max + 1;
		correct[n] = l.p[0] == '*';
		if (correct[n]) {
			l.p++;
			l.len--;
			while (l.len > 0 && isspace((unsigned char)*l.p)) {
				l.p++;
				l.len--;
			}
		}
		opts[n++] = l;
	}
	return n;
}

/*
 * The pieces of a gap fill prompt: texts[0] gap[0] texts[1] ... gap[n-1]
 * texts[n] (gaps are what is inside [[ ]]).  Returns the number of
 * gaps, or -1 when a gap is not closed, empty or holds a line break.
 */
static int
gap_split(const char *prompt, struct span *texts, struct span *gaps, int max)
{
	const char	*p = prompt, *o, *c;
	int		 n = 0;

	for (;;) {
		if ((o = strstr(p, "[[")) == NULL) {
			if (texts != NULL)
				texts[n] = (struct span){ p, strlen(p) };
			return n;
		}
		if ((c = strstr(o + 2, "]]")) == NULL || c == o + 2 ||
		    memchr(o + 2, '\n', (size_t)(c - o - 2)) != NULL ||
		    memchr(o + 2, '[', (size_t)(c - o - 2)) != NULL)
			return -1;
		if (n == max)
			return max + 1;
		if (texts != NULL) {
			texts[n] = (struct span){ p, (size_t)(o - p) };
			gaps[n] = (struct span){ o + 2, (size_t)(c - o - 2) };
		}
		n++;
		p = c + 2;
	}
}

int
gap_count(const char *prompt)
{
	int	 n = gap_split(prompt, NULL, NULL, EX_GAPS_MAX);

	return n < 0 || n > EX_GAPS_MAX ? 0 : n;
}

/* 1 when text (normalised) is one of the "|"-separated alternatives. */
static int
accepted(struct arena *a, const char *text, struct span alts)
{
	const char	*p = alts.p, *end = alts.p + alts.len, *bar;
	char		*want = norm(a, text, strlen(text));

	while (p <= end) {
		if ((bar = memchr(p, '|', (size_t)(end - p))) == NULL)
			bar = end;
		if (strcmp(norm(a, p, (size_t)(bar - p)), want) == 0)
			return 1;
		p = bar + 1;
	}
	return 0;
}

const char *
exercise_check(enum ex_kind k, const char *prompt, const char *spec)
{
	struct span	 opts[EX_OPTIONS_MAX + 1];
	int		 correct[EX_OPTIONS_MAX + 1], n, i, right = 0;
	size_t		 pos = 0, count = 0;
	struct span	 l;

	if (prompt == NULL || blank(prompt))
		return "Write the question.";
	switch (k) {
	case EX_CHOICE:
		n = (int)choice_options(spec, opts, correct, EX_OPTIONS_MAX);
		if (n > EX_OPTIONS_MAX)
			return "A multiple choice has at most 12 options.";
		if (n < 2)
			return "A multiple choice needs at least two options, "
			    "one a line.";
		for (i = 0; i < n; i++) {
			if (opts[i].len == 0)
				return "An option marked correct is empty.";
			right += correct[i];
		}
		if (right == 0)
			return "Mark at least one correct option with a * at "
			    "the start of its line.";
		return NULL;
	case EX_GAP:
		n = gap_split(prompt, NULL, NULL, EX_GAPS_MAX);
		if (n < 0)
			return "Each gap is written [[answer]] on one line, "
			    "with an answer inside.";
		if (n == 0)
			return "A gap fill needs at least one gap written "
			    "[[answer]].";
		if (n > EX_GAPS_MAX)
			return "A gap fill has at most 20 gaps.";
		return NULL;
	case EX_SHORT:
		while (next_line(spec, &pos, &l))
			count += l.len > 0;
		if (count == 0)
			return "Give at least one accepted answer, one a line.";
		return NULL;
	default:
		return NULL;
	}
}

/* The answer of a choice as a bit mask of the chosen options. */
static unsigned
chosen_mask(const char *text)
{
	unsigned	 mask = 0;
	const char	*p = text;
	char		*end;
	long		 v;

	while (p != NULL && *p != '\0') {
		v = strtol(p, &end, 10);
		if (end == p)
			break;
		if (v >= 0 && v < EX_OPTIONS_MAX)
			mask |= 1u << v;
		p = *end == ',' ? end + 1 : end;
	}
	return mask;
}

/* The gap answers of text (one a line) into out, n of them. */
static void
gap_answers(const char *text, struct span *out, int n)
{
	size_t	 pos = 0;
	int	 i;

	for (i = 0; i < n; i++)
		if (!next_line(text, &pos, &out[i]))
			out[i] = (struct span){ "", 0 };
}

void
answer_score(const struct exercise *ex, struct answer *ans)
{
	struct span	 opts[EX_OPTIONS_MAX + 1], texts[EX_GAPS_MAX + 2];
	struct span	 gaps[EX_GAPS_MAX + 1], given[EX_GAPS_MAX + 1];
	int		 correct[EX_OPTIONS_MAX + 1], n, i;
	unsigned	 want = 0;
	struct arena	*a = arena_new();
	size_t		 pos = 0;
	struct span	 l;

	ans->points = 0;
	ans->max_points = 1;
	switch (ex->kind) {
	case EX_CHOICE:
		n = (int)choice_options(ex->spec, opts, correct,
		    EX_OPTIONS_MAX);
		for (i = 0; i < n && i < EX_OPTIONS_MAX; i++)
			if (correct[i])
				want |= 1u << i;
		ans->points = chosen_mask(ans->text) == want;
		break;
	case EX_GAP:
		n = gap_split(ex->prompt, texts, gaps, EX_GAPS_MAX);
		if (n < 0 || n > EX_GAPS_MAX)
			n = 0;
		ans->max_points = n;
		gap_answers(ans->text, given, n);
		for (i = 0; i < n; i++)
			if (given[i].len > 0 && accepted(a,
			    norm(a, given[i].p, given[i].len), gaps[i]))
				ans->points++;
		break;
	case EX_SHORT:
		while (next_line(ex->spec, &pos, &l))
			if (l.len > 0 && !blank(ans->text) &&
			    accepted(a, ans->text, l)) {
				ans->points = 1;
				break;
			}
		break;
	default:
		ans->points = -1;
		ans->max_points = ESSAY_POINTS;
		break;
	}
	arena_free(a);
}

/* --- pages ------------------------------------------------------------ */

void
content_text(struct tpl_dict *parent, const char *body)
{
	struct tpl_dict	*b = NULL, *d;
	struct buf	 para;
	struct span	 l;
	size_t		 pos = 0;
	int		 more;

	d = tpl_include(parent, "TEXT", "catalogue-content-text.tpl");
	buf_init(&para);
	do {
		more = next_line(body, &pos, &l);
		if (more && l.len > 0 && l.p[0] != '#') {
			if (para.len > 0)
				buf_putc(&para, ' ');
			buf_append(&para, l.p, l.len);
			continue;
		}
		if (para.len > 0) {
			buf_putc(&para, '\0');
			b = tpl_section(d, "BLOCK");
			tpl_set(tpl_section(b, "PARA"), "TEXT", para.data);
			buf_reset(&para);
		}
		if (more && l.len > 0) {
			/* A heading: "# " or "## " and its words. */
			int	 level = l.len > 1 && l.p[1] == '#' ? 3 : 2;
			size_t	 skip = (size_t)(level - 1);

			while (skip < l.len && (l.p[skip] == '#' ||
			    isspace((unsigned char)l.p[skip])))
				skip++;
			buf_append(&para, l.p + skip, l.len - skip);
			buf_putc(&para, '\0');
			b = tpl_section(d, "BLOCK");
			tpl_set(tpl_section(b, level == 2 ? "H2" : "H3"),
			    "TEXT", para.data);
			buf_reset(&para);
		}
	} while (more);
	buf_free(&para);
	if (b == NULL)
		tpl_show(d, "NO_TEXT");
}

/* Labels of an exercise's two fields for its kind. */
static const char *
prompt_label(enum ex_kind k)
{
	return k == EX_GAP ? "Text with gaps" : "Question";
}

static const char *
spec_label(enum ex_kind k)
{
	return k == EX_CHOICE ? "Options (one a line, correct ones "
	    "starting with *)" : "Accepted answers (one a line)";
}

/* The posted value of a declared field, or fallback. */
static const char *
posted(struct req *r, const char *name, const char *fallback)
{
	const char	*v;

	if (r->method == M_POST && P_declared(r, name) &&
	    (v = P_str_opt(r, name)) != NULL)
		return v;
	return fallback;
}

void
content_editor(struct req *r, struct tpl_dict *d, const struct lesson_doc *doc,
    const struct exercise *ex, size_t n, const char *base)
{
	struct tpl_dict	*e, *row, *o;
	size_t		 i;
	int		 k, kind;

	e = tpl_include(d, "EDITOR", "catalogue-content-editor.tpl");
	tpl_set(e, "CSRF", csrf_token(r));
	tpl_set(e, "BASE", base);
	if (doc->lesson_id == 0)
		tpl_set(tpl_section(e, "HAS_TITLE"), "DOC_TITLE",
		    posted(r, "doc_title", doc->title ? doc->title : ""));
	tpl_set(e, "BODY", posted(r, "body", doc->body ? doc->body : ""));
	for (i = 0; i < n; i++) {
		row = tpl_section(e, "EDIT_EX");
		tpl_set_int(row, "EX_ID", ex[i].id);
		tpl_set_int(row, "NUM", (long long)i + 1);
		tpl_set(row, "KIND", ex_kind_opts[ex[i].kind]);
		tpl_set(row, "KIND_LABEL", ex_kind_label(ex[i].kind));
		tpl_set(row, "PROMPT_LABEL", prompt_label(ex[i].kind));
		tpl_set(row, "PROMPT", ex[i].prompt);
		if (ex[i].kind == EX_CHOICE || ex[i].kind == EX_SHORT) {
			o = tpl_section(row, "HAS_SPEC");
			tpl_set(o, "SPEC_LABEL", spec_label(ex[i].kind));
			tpl_set(o, "SPEC", ex[i].spec);
		}
		if (i > 0)
			tpl_show(row, "CAN_UP");
		if (i + 1 < n)
			tpl_show(row, "CAN_DOWN");
	}
	if (n == 0)
		tpl_show(e, "NO_EXERCISES");
	kind = r->method == M_POST && P_declared(r, "kind") &&
	    P(r, "kind")->error == NULL ? (int)P_num_opt(r, "kind") : 0;
	for (k = 0; k < EX__MAX; k++) {
		o = tpl_section(e, "KIND_OPT");
		tpl_set(o, "VALUE", ex_kind_opts[k]);
		tpl_set(o, "LABEL", ex_kind_label((enum ex_kind)k));
		if (k == kind)
			tpl_show(o, "SELECTED");
	}
	if (P_declared(r, "kind")) {
		tpl_set(e, "ADD_PROMPT", posted(r, "prompt", ""));
		tpl_set(e, "ADD_SPEC", posted(r, "spec", ""));
	}
}

/* The text of a span as an arena string. */
static char *
span_dup(struct arena *a, struct span s)
{
	return arena_strndup(a, s.p, s.len);
}

/* The stored answer of exercise id, or NULL. */
static const struct answer *
answer_of(const struct answer *ans, size_t n, int64_t id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ans[i].exercise_id == id)
			return &ans[i];
	return NULL;
}

/* The question and the inputs of a choice, or its results. */
static void
show_choice(struct req *r, struct tpl_dict *e, const struct exercise *ex,
    const struct answer *an, int done)
{
	struct span	 opts[EX_OPTIONS_MAX + 1];
	int		 correct[EX_OPTIONS_MAX + 1], n, i;
	unsigned	 mask = an != NULL ? chosen_mask(an->text) : 0;
	struct tpl_dict	*s, *o;

	tpl_set(tpl_section(e, "PROMPT_TEXT"), "PROMPT", ex->prompt);
	n = (int)choice_options(ex->spec, opts, correct, EX_OPTIONS_MAX);
	s = tpl_section(e, done ? "SHOW_CHOICE" : "ASK_CHOICE");
	for (i = 0; i < n && i < EX_OPTIONS_MAX; i++) {
		o = tpl_section(s, "OPT");
		tpl_set_int(o, "EX_ID", ex->id);
		tpl_set_int(o, "IDX", i);
		tpl_set(o, "LABEL", span_dup(r->a, opts[i]));
		if (mask & (1u << i))
			tpl_show(o, "CHECKED");
		if (done && correct[i])
			tpl_show(o, "CORRECT");
	}
}

/* The text with its gaps as inputs, or with the answers given. */
static void
show_gap(struct req *r, struct tpl_dict *e, const struct exercise *ex,
    const struct answer *an, int done)
{
	struct span	 texts[EX_GAPS_MAX + 2], gaps[EX_GAPS_MAX + 1];
	struct span	 given[EX_GAPS_MAX + 1];
	struct tpl_dict	*s, *seg, *g;
	int		 n, i;

	n = gap_split(ex->prompt, texts, gaps, EX_GAPS_MAX);
	if (n < 0 || n > EX_GAPS_MAX)
		n = 0;
	gap_answers(an != NULL ? an->text : "", given, n);
	s = tpl_section(e, done ? "SHOW_GAP" : "ASK_GAP");
	for (i = 0; i <= n; i++) {
		seg = tpl_section(s, "SEG");
		tpl_set(seg, "TEXT", span_dup(r->a, texts[i]));
		if (i == n)
			break;
		g = tpl_section(seg, "GAP");
		tpl_set_int(g, "EX_ID", ex->id);
		tpl_set_int(g, "IDX", i);
		tpl_set_int(g, "NUM", i + 1);
		tpl_set(g, "VALUE", span_dup(r->a, given[i]));
		if (done) {
			struct arena	*a = r->a;

			tpl_set(g, "EXPECTED_TEXT", span_dup(a, gaps[i]));
			if (given[i].len > 0 && accepted(a, norm(a,
			    given[i].p, given[i].len), gaps[i]))
				tpl_show(g, "RIGHT");
			else
				tpl_show(g, "WRONG");
		}
	}
}

/* A short answer's or an essay's question and input, or the answer. */
static void
show_text(struct req *r, struct tpl_dict *e, const struct exercise *ex,
    const struct answer *an, int done)
{
	struct tpl_dict	*s;
	struct span	 l;
	struct buf	 b;
	size_t		 pos = 0;

	tpl_set(tpl_section(e, "PROMPT_TEXT"), "PROMPT", ex->prompt);
	if (done) {
		s = tpl_section(e, "SHOW_TEXT");
		tpl_set(s, "ANSWER", an != NULL && !blank(an->text) ?
		    an->text : "(no answer)");
		if (ex->kind != EX_SHORT)
			return;
		buf_init(&b);
		while (next_line(ex->spec, &pos, &l))
			if (l.len > 0) {
				if (b.len > 0)
					buf_puts(&b, "; ");
				buf_append(&b, l.p, l.len);
			}
		buf_putc(&b, '\0');
		tpl_set(tpl_section(s, "EXPECTED"), "EXPECTED_TEXT", b.data);
		buf_free(&b);
		return;
	}
	s = tpl_section(e, ex->kind == EX_SHORT ? "ASK_SHORT" : "ASK_ESSAY");
	tpl_set_int(s, "EX_ID", ex->id);
	tpl_set(s, "VALUE", an != NULL ? an->text : "");
}

void
content_exercises(struct req *r, struct tpl_dict *d,
    const struct exercise *ex, size_t n, const struct answer *ans,
    size_t n_ans, int done, int review)
{
	const struct answer	*an;
	struct tpl_dict		*inc, *e, *p;
	size_t			 i;

	inc = tpl_include(d, "EXERCISES", "catalogue-content-exercises.tpl");
	tpl_set(inc, "CSRF", csrf_token(r));
	for (i = 0; i < n; i++) {
		an = answer_of(ans, n_ans, ex[i].id);
		e = tpl_section(inc, "EX");
		tpl_set_int(e, "EX_ID", ex[i].id);
		tpl_set_int(e, "NUM", (long long)i + 1);
		tpl_set(e, "KIND", ex_kind_opts[ex[i].kind]);
		tpl_set(e, "KIND_LABEL", ex_kind_label(ex[i].kind));
		if (ex[i].kind == EX_CHOICE)
			show_choice(r, e, &ex[i], an, done);
		else if (ex[i].kind == EX_GAP)
			show_gap(r, e, &ex[i], an, done);
		else
			show_text(r, e, &ex[i], an, done);
		if (!done)
			continue;
		p = tpl_section(e, "POINTS");
		if (an == NULL || an->points < 0) {
			tpl_set(p, "POINTS_TEXT", "Not marked yet");
			tpl_set(p, "POINTS", "");
		} else {
			tpl_set(p, "POINTS_TEXT", arena_printf(r->a,
			    "%lld of %lld", an->points, an->max_points));
			tpl_set_int(p, "POINTS", an->points);
		}
		tpl_set_int(p, "MAX", an != NULL ? an->max_points : 0);
		if (review && ex[i].kind == EX_ESSAY && an != NULL) {
			p = tpl_section(e, "MARK");
			tpl_set_int(p, "EX_ID", ex[i].id);
			if (an->points >= 0)
				tpl_set_int(p, "MARK_VALUE", an->points);
		}
	}
	if (n == 0)
		tpl_show(inc, "NO_EXERCISES");
}

/* The exercise whose id is written at the start of s ("12:3"), or -1. */
static long
field_exercise(const struct exercise *ex, size_t n, const char *s,
    long *idx)
{
	char		*end;
	long long	 id;
	size_t		 i;

	id = strtoll(s, &end, 10);
	if (end == s || *end != ':')
		return -1;
	*idx = strtol(end + 1, &end, 10);
	if (*end != '\0' || *idx < 0 || *idx >= EX_GAPS_MAX)
		return -1;
	for (i = 0; i < n; i++)
		if (ex[i].id == id)
			return (long)i;
	return -1;
}

const char *
content_collect(struct req *r, const struct exercise *ex, size_t n,
    struct answer **out)
{
	static const char	 bad[] = "The answers do not match this "
				    "lesson; it may have changed.  Reload "
				    "the page and answer again.";
	const char		**picks, **fields, **texts;
	struct buf		*parts;
	struct answer		*ans;
	size_t			 np, nf, nt, i;
	long			 k, idx;
	char			*t, *c;

	picks = P_all(r, "pick", &np);
	fields = P_all(r, "field", &nf);
	texts = P_all(r, "text", &nt);
	if (nf != nt)
		return bad;
	ans = arena_alloc(r->a, sizeof(*ans) * (n + 1));
	parts = arena_alloc(r->a, sizeof(*parts) * (n + 1) * EX_GAPS_MAX);
	for (i = 0; i < n * EX_GAPS_MAX; i++)
		buf_init(&parts[i]);
	for (i = 0; i < np; i++) {
		if ((k = field_exercise(ex, n, picks[i], &idx)) < 0 ||
		    ex[k].kind != EX_CHOICE || idx >= EX_OPTIONS_MAX)
			goto bad;
		buf_printf(&parts[(size_t)k * EX_GAPS_MAX], "%s%ld",
		    parts[(size_t)k * EX_GAPS_MAX].len ? "," : "", idx);
	}
	for (i = 0; i < nf; i++) {
		if ((k = field_exercise(ex, n, fields[i], &idx)) < 0 ||
		    ex[k].kind == EX_CHOICE ||
		    (ex[k].kind != EX_GAP && idx != 0))
			goto bad;
		buf_puts(&parts[(size_t)k * EX_GAPS_MAX + (size_t)idx],
		    texts[i]);
	}
	for (i = 0; i < n; i++) {
		ans[i].exercise_id = ex[i].id;
		if (ex[i].kind == EX_GAP) {
			struct buf	 b;
			int		 g, ng = gap_count(ex[i].prompt);

			buf_init(&b);
			for (g = 0; g < ng; g++) {
				struct buf *p = &parts[i * EX_GAPS_MAX +
				    (size_t)g];

				buf_putc(p, '\0');
				/* One line a gap: breaks become spaces. */
				for (c = p->data; *c != '\0'; c++)
					if (*c == '\n' || *c == '\r')
						*c = ' ';
				buf_printf(&b, "%s%s", g ? "\n" : "",
				    p->data);
			}
			buf_putc(&b, '\0');
			t = arena_strdup(r->a, b.data);
			buf_free(&b);
		} else {
			buf_putc(&parts[i * EX_GAPS_MAX], '\0');
			t = arena_strdup(r->a, parts[i * EX_GAPS_MAX].data);
		}
		ans[i].text = t;
		answer_score(&ex[i], &ans[i]);
	}
	for (i = 0; i < n * EX_GAPS_MAX; i++)
		buf_free(&parts[i]);
	*out = ans;
	return NULL;
bad:
	for (i = 0; i < n * EX_GAPS_MAX; i++)
		buf_free(&parts[i]);
	return bad;
}

const char *
content_marks(struct req *r, const struct exercise *ex, size_t n,
    struct answer *ans, size_t n_ans)
{
	const char	**ids, **marks;
	size_t		 ni, nm, i, j;
	char		*end;
	long		 v, id;
	int		 found;

	ids = P_all(r, "essay", &ni);
	marks = P_all(r, "mark", &nm);
	if (ni != nm)
		return "The marks do not match this lesson.  Reload the page.";
	for (i = 0; i < ni; i++) {
		id = strtol(ids[i], &end, 10);
		if (*end != '\0')
			return "The marks do not match this lesson.";
		if (blank(marks[i]))
			return "Give every essay a mark from 0 to 5.";
		v = strtol(marks[i], &end, 10);
		if (*end != '\0' || v < 0 || v > ESSAY_POINTS)
			return "A mark is a whole number from 0 to 5.";
		found = 0;
		for (j = 0; j < n; j++)
			found |= ex[j].id == id && ex[j].kind == EX_ESSAY;
		for (j = 0; found && j < n_ans; j++)
			if (ans[j].exercise_id == id) {
				ans[j].points = v;
				found = 2;
			}
		if (found != 2)
			return "The marks do not match this lesson.";
	}
	return NULL;
}

void
content_attempt(struct req *r, struct tpl_dict *d, const struct attempt *t,
    const struct attempt_log *log, size_t nlog)
{
	struct tpl_dict	*e, *h = NULL;
	size_t		 i;

	tpl_set(d, "STATE", attempt_state_label(t != NULL ? t->state :
	    ATT_NONE));
	tpl_set(d, "STATE_VALUE", t == NULL ? "none" : t->state ==
	    ATT_DRAFT ? "draft" : t->state == ATT_PASSED ? "passed" :
	    "verified");
	if (t != NULL && t->state >= ATT_PASSED) {
		e = tpl_section(d, "SCORE");
		tpl_set_int(e, "SCORE_VALUE", t->score);
		tpl_set_int(e, "SCORE_MAX", t->max_score);
		tpl_set(e, "COMPLETED", show_time(r, t->completed_at));
	}
	if (t != NULL && t->state == ATT_VERIFIED)
		tpl_set(tpl_section(d, "VERIFIED"), "VERIFIED_LINE",
		    arena_printf(r->a, "Verified by %s on %s.",
		    t->verifier ? t->verifier : "a former user",
		    show_time(r, t->verified_at)));
	if (nlog > 0)
		h = tpl_section(d, "HISTORY");
	for (i = 0; i < nlog; i++) {
		e = tpl_section(h, "ATT_LOG");
		tpl_set(e, "ACTION", log[i].action);
		tpl_set(e, "WHO", log[i].who ? log[i].who : "a former user");
		tpl_set(e, "WHEN", show_time(r, log[i].when));
	}
}

/* --- the editor's POST flows ---------------------------------------- */

const char *
content_save_text(struct req *r, const struct lesson_doc *doc, int *failed)
{
	const char	*title = doc->title ? doc->title : "";

	*failed = 0;
	if (doc->lesson_id == 0) {
		title = P_str_opt(r, "doc_title");
		if (title == NULL || blank(title))
			return "Give the instant lesson a title.";
	}
	if (db_doc_save_text(r->db, doc->id, title,
	    P_str(r, "body") ? P_str(r, "body") : "") != DB_OK) {
		*failed = 1;
		return NULL;
	}
	flash_set(r, "Saved the lesson text.");
	return NULL;
}

const char *
content_add(struct req *r, const struct lesson_doc *doc, int *failed)
{
	enum ex_kind	 k = (enum ex_kind)P_num(r, "kind");
	const char	*prompt = P_str(r, "prompt"), *spec = P_str(r, "spec");
	const char	*msg;
	int		 added;

	*failed = 0;
	if (spec == NULL || k == EX_GAP || k == EX_ESSAY)
		spec = "";
	if ((msg = exercise_check(k, prompt, spec)) != NULL)
		return msg;
	if (db_exercise_add(r->db, r->a, doc->id, k, prompt, spec, &added) !=
	    DB_OK) {
		*failed = 1;
		return NULL;
	}
	if (!added)
		return "A lesson has at most 40 exercises.";
	flash_set(r, arena_printf(r->a, "Added a %s exercise.",
	    ex_kind_opts[k]));
	return NULL;
}

/* Exercise id of the document into *out; 0 when it has no such one. */
static int
exercise_find(struct req *r, const struct lesson_doc *doc, int64_t id,
    struct exercise *out, int *failed)
{
	struct exercise	*list;
	size_t		 n, i;

	*failed = 0;
	if (db_exercises(r->db, r->a, doc->id, &list, &n) != DB_OK) {
		*failed = 1;
		return 0;
	}
	for (i = 0; i < n; i++)
		if (list[i].id == id) {
			*out = list[i];
			return 1;
		}
	return 0;
}

const char *
content_save_exercise(struct req *r, const struct lesson_doc *doc, int64_t id,
    int *failed)
{
	struct exercise	 ex;
	const char	*prompt = P_str(r, "prompt"), *spec = P_str(r, "spec");
	const char	*msg;
	int		 changed;

	if (!exercise_find(r, doc, id, &ex, failed))
		return *failed ? NULL : "This lesson has no such exercise.";
	if (spec == NULL || ex.kind == EX_GAP || ex.kind == EX_ESSAY)
		spec = "";
	if ((msg = exercise_check(ex.kind, prompt, spec)) != NULL)
		return msg;
	if (db_exercise_update(r->db, doc->id, id, prompt, spec, &changed) !=
	    DB_OK) {
		*failed = 1;
		return NULL;
	}
	flash_set(r, "Saved the exercise.");
	return NULL;
}

const char *
content_move(struct req *r, const struct lesson_doc *doc, int64_t id,
    int *failed)
{
	int	 moved;

	*failed = 0;
	if (db_exercise_move(r->db, r->a, doc->id, id,
	    P_num(r, "direction") == 0, &moved) != DB_OK) {
		*failed = 1;
		return NULL;
	}
	flash_set(r, moved ? "Moved the exercise." :
	    "The exercise is already there.");
	return NULL;
}

const char *
content_remove(struct req *r, const struct lesson_doc *doc, int64_t id,
    int *failed)
{
	int	 changed;

	*failed = 0;
	if (db_exercise_remove(r->db, doc->id, id, &changed) != DB_OK) {
		*failed = 1;
		return NULL;
	}
	if (!changed)
		return "This lesson has no such exercise.";
	flash_set(r, "Removed the exercise and its answers.");
	return NULL;
}
