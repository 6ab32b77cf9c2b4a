/*
 * page-search.c: the search of the session archive (see search.h), a
 * GET form whose results link into each session: its summary, the page
 * of its chat that begins at the message, or the transcript's line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classroom/search.h"
#include "core/db.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/req.h"
#include "core/tpl.h"
#include "lib/escape.h"
#include "lib/util.h"
#include "lib/words.h"

/* Characters of a result's snippet. */
#define SNIPPET_CHARS	160

static const char no_words[] = "Type words of at least three letters or "
    "digits to search for; signs such as + - * \" ( ) are not searched.";

/*
 * The page position "YYYYMMDDHHMMSS-session-part-k1-k2" (see struct
 * search_pos) into pos: 1, or 0 when s is not one.
 */
static int
pos_parse(const char *s, struct search_pos *pos)
{
	int		 y, mo, d, h, mi, sec, part, used = -1;
	long long	 sid, k1, k2;
	char		 at[64];

	if (strspn(s, "0123456789") != 14 || s[14] != '-' ||
	    sscanf(s, "%4d%2d%2d%2d%2d%2d-%lld-%d-%lld-%lld%n", &y, &mo, &d,
	    &h, &mi, &sec, &sid, &part, &k1, &k2, &used) != 10 ||
	    used < 0 || s[used] != '\0' || strspn(s, "0123456789-") !=
	    strlen(s) || y < 1000 || mo < 1 || mo > 12 || d < 1 || d > 31 ||
	    h > 23 || mi > 59 || sec > 59 || sid < 1 || part < SEARCH_SESSION ||
	    part > SEARCH_CHAT || k1 < 0 || k2 < 0)
		return 0;
	if (snprintf(at, sizeof(at), "%04d-%02d-%02d %02d:%02d:%02d", y, mo,
	    d, h, mi, sec) != (int)sizeof(pos->at) - 1)
		return 0;
	memcpy(pos->at, at, sizeof(pos->at));
	pos->sid = sid;
	pos->part = part;
	pos->k1 = k1;
	pos->k2 = k2;
	return 1;
}

/* The page position of pos as pos_parse() reads it; an arena string. */
static char *
pos_text(struct arena *a, const struct search_pos *pos)
{
	char	 digits[15];
	size_t	 i, j;

	for (i = j = 0; pos->at[i] != '\0' && j < sizeof(digits) - 1; i++)
		if (pos->at[i] >= '0' && pos->at[i] <= '9')
			digits[j++] = pos->at[i];
	digits[j] = '\0';
	return arena_printf(a, "%s-%lld-%d-%lld-%lld", digits,
	    (long long)pos->sid, pos->part, (long long)pos->k1,
	    (long long)pos->k2);
}

/* The address of the search for q (in channel ch when not 0), after. */
static char *
search_url(struct req *r, const char *q, int64_t ch, const char *after)
{
	char	*url;

	url = arena_printf(r->a, "/platform/search?q=%s", url_encode(r->a, q));
	if (ch != 0)
		url = arena_printf(r->a, "%s&channel=%lld", url, (long long)ch);
	if (after != NULL)
		url = arena_printf(r->a, "%s&after=%s", url, after);
	return url;
}

/* A snippet's pieces (ft_snippet) into section PIECE of e. */
static void
pieces(struct tpl_dict *e, const struct ft_piece *p, size_t n)
{
	struct tpl_dict	*s;
	size_t		 i;

	for (i = 0; i < n; i++) {
		s = tpl_section(e, "PIECE");
		tpl_set(s, "TEXT", p[i].text);
		if (p[i].mark != NULL)
			tpl_set(tpl_section(s, "HIT"), "WORD", p[i].mark);
	}
}

/* The snippet of text for terms into section PIECE of e. */
static void
snippet(struct req *r, struct tpl_dict *e, const char *text,
    const char *terms)
{
	struct ft_piece	*p;
	size_t		 n;

	n = ft_snippet(r->a, text, terms, SNIPPET_CHARS, &p);
	pieces(e, p, n);
}

/* "m:ss" or "h:mm:ss" of a time in ms; an arena string. */
static char *
cue_time(struct arena *a, long long ms)
{
	long long	 s = ms / 1000;

	if (s >= 3600)
		return arena_printf(a, "%lld:%02lld:%02lld", s / 3600,
		    s / 60 % 60, s % 60);
	return arena_printf(a, "%lld:%02lld", s / 60, s % 60);
}

/* One result into a repetition of section RESULT of d. */
static void
result(struct req *r, struct tpl_dict *d, const struct search_hit *h,
    const char *terms)
{
	struct tpl_dict	*e;
	struct ft_piece	*p;
	size_t		 n;
	long long	 sid = (long long)h->pos.sid;
	const char	*where = "Title";

	e = tpl_section(d, "RESULT");
	tpl_set(e, "RESULT_KEY", pos_text(r->a, &h->pos));
	tpl_set(e, "SESSION_NAME", h->session_name);
	tpl_set(e, "ROOM_NAME", h->room_name ? h->room_name : "");
	tpl_set(e, "DATE", show_time(r, h->pos.at));
	switch (h->pos.part) {
	case SEARCH_TRANSCRIPT:
		where = "Transcript";
		tpl_set(e, "URL", arena_printf(r->a,
		    "/platform/classroom/%lld/transcripts/%lld#cue-%lld", sid,
		    (long long)h->pos.k1, (long long)h->pos.k2));
		tpl_set(tpl_section(e, "AT_TIME"), "CUE_AT",
		    cue_time(r->a, h->start_ms));
		if (h->text2 != NULL)
			tpl_set(tpl_section(e, "WHO"), "WHO_NAME", h->text2);
		snippet(r, e, h->text, terms);
		break;
	case SEARCH_CHAT:
		/* The chat's pages follow ids: this one begins here. */
		where = "Chat";
		tpl_set(e, "URL", arena_printf(r->a,
		    "/platform/classroom/%lld/summary/chat?after_id=%lld"
		    "#chat-%lld", sid, (long long)h->pos.k1 - 1,
		    (long long)h->pos.k1));
		if (h->text2 != NULL)
			tpl_set(tpl_section(e, "WHO"), "WHO_NAME", h->text2);
		snippet(r, e, h->text, terms);
		break;
	default:
		tpl_set(e, "URL", arena_printf(r->a,
		    "/platform/classroom/%lld/summary", sid));
		/*
		 * The index holds name and description together: the
		 * description is shown when the name has none of the words.
		 */
		n = ft_snippet(r->a, h->text, terms, SNIPPET_CHARS, &p);
		if (n == 1 && h->text2 != NULL) {
			where = "Description";
			n = ft_snippet(r->a, h->text2, terms, SNIPPET_CHARS,
			    &p);
		}
		pieces(e, p, n);
		break;
	}
	tpl_set(e, "WHERE", where);
}

/*
 * GET /platform/search?q=&channel=&after=: the past sessions' results
 * for the words of q that the user may see, SEARCH_PAGE a page, newest
 * session first (db-search.c tells the order), in one statement; with
 * channel, in that channel only.  Without q the form alone; a q with
 * no word to look up, or too long, gets a message beside the field.
 * Statuses: 200, 400 (q too long, bad position), 503.
 */
int
page_classroom_search(struct req *r)
{
	const struct pval	*qv = P(r, "q");
	struct tpl_dict		*d, *scope = NULL;
	struct search_hit	*list;
	struct search_pos	 after, *ap = NULL;
	const char		*q = P_str(r, "q"), *araw = P_str(r, "after");
	char			*terms;
	int64_t			 ch = (int64_t)P_num(r, "channel");
	size_t			 n, shown, i;
	int			 all;

	if (P(r, "channel")->error != NULL ||
	    (araw != NULL && !pos_parse(araw, &after)) ||
	    P(r, "after")->error != NULL)
		return send_error(r, 400, "The page position or the channel "
		    "of this search is not valid.");
	if (araw != NULL)
		ap = &after;
	d = page_begin(r, "classroom-search.tpl", "Search sessions");
	form_field(d, qv, "Q", "Q_ERROR");
	if (ch != 0) {
		scope = tpl_section(d, "IN_CHANNEL");
		tpl_set_int(scope, "CHANNEL_ID", (long long)ch);
		tpl_set(scope, "EVERY_URL", q != NULL ? search_url(r, q, 0, NULL) :
		    "/platform/search");
	}
	if (qv->error != NULL)
		return page_send(r, 400);
	if (q == NULL) {
		/* The form, or the message for a search of nothing. */
		if (qv->raw != NULL)
			form_error(d, "Q_ERROR", no_words);
		return page_send(r, 200);
	}
	if ((terms = ft_terms(r->a, q, &all)) == NULL) {
		form_error(d, "Q_ERROR", no_words);
		return page_send(r, 200);
	}
	if (db_classroom_search(r->db, r->a, r->user->id,
	    r->user->role == ROLE_ADMIN, ch, terms, ap, &list, &n) != DB_OK)
		return send_db_error(r);
	shown = n > SEARCH_PAGE ? SEARCH_PAGE : n;
	if (shown > 0)
		tpl_show(d, "RESULTS");
	else
		tpl_show(d, ap != NULL ? "NO_MORE" : "NO_RESULTS");
	for (i = 0; i < shown; i++)
		result(r, d, &list[i], terms);
	if (scope != NULL && shown > 0 && list[0].room_name != NULL)
		tpl_set(tpl_section(scope, "CHANNEL_NAMED"), "CHANNEL_NAME",
		    list[0].room_name);
	if (ap != NULL)
		tpl_set(tpl_section(d, "FIRST_PAGE"), "URL",
		    search_url(r, q, ch, NULL));
	if (n > SEARCH_PAGE)
		tpl_set(tpl_section(d, "NEXT"), "URL", search_url(r, q, ch,
		    pos_text(r->a, &list[shown - 1].pos)));
	return page_send(r, 200);
}
