/*
 * search.h: the search of the session archive, part of the classroom
 * domain.  A user searches the words of the ended classroom sessions
 * they may see (the same people who may read a session's summary): each
 * session's name and description, its chat messages and the lines of
 * its transcripts, through the full-text indexes of
 * schema/015-search.sql.  Every word must begin a word of what is
 * found (lib/words.h).  The statement is in db-search.c, the page in
 * page-search.c.
 */
#ifndef LECTERN_CLASSROOM_SEARCH_H
#define LECTERN_CLASSROOM_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"

/* Slot of the statement table in classroom/db-search.c (see app.c). */
#define CLASSROOM_SEARCH_SLOT	16
extern const struct sqltable	sql_classroom_search;

struct arena;
struct req;

/* Results on a page (the statement fetches one more). */
#define SEARCH_PAGE	20

/*
 * Where a result was found, in the order results of one session come:
 * its name or description, its transcripts' lines, its chat.
 */
enum search_part {
	SEARCH_SESSION = 0,
	SEARCH_TRANSCRIPT = 1,
	SEARCH_CHAT = 2
};

/*
 * A result's place in the order of results (see db-search.c): the
 * session's start (UTC DATETIME text), the session, the part and the
 * row of that part (k1, k2: the transcript and the line's index, or
 * the chat message and 0, or 0 and 0).
 */
struct search_pos {
	char		 at[20];
	int64_t		 sid;
	int		 part;
	int64_t		 k1, k2;
};

struct search_hit {
	struct search_pos pos;
	char		*text;		/* the name, the line, the message */
	char		*text2;		/* the description, the speaker or the
					 * message's author; NULL: none */
	long long	 start_ms;	/* a transcript line's start */
	char		*session_name;
	char		*room_name;	/* the channel's, or the lesson's */
};

/*
 * Results for terms (an ft_terms() expression) that user_id may see
 * (admin: a site administrator, who sees every session), in channel
 * channel_id only when not 0, after position after (NULL: from the
 * first); at most SEARCH_PAGE + 1.  One statement.
 */
enum db_rc	db_classroom_search(struct db *, struct arena *,
		    int64_t user_id, int admin, int64_t channel_id,
		    const char *terms, const struct search_pos *after,
		    struct search_hit **, size_t *);

/* page-search.c: GET /platform/search */
int	page_classroom_search(struct req *);

#endif
