/*
 * db-search.c: the statement of the session archive's search (see
 * search.h), in a table of its own.
 *
 * One statement answers a page whatever the size of the archive: three
 * branches, one per full-text index (sessions, transcript lines, chat
 * messages), each limited to a page and one, merged and cut to a page
 * and one again.  Who may see a session is decided inside each branch,
 * so no row the user may not see is ever fetched: the rule of the
 * session summary (classroom_load and db_classroom_access), that is a
 * site administrator, a member or admin of the session's channel, the
 * teacher or a learner of its live lesson, or someone removed from it.
 *
 * The order is the keyset: the session's start, newest first, then the
 * session id (two sessions may start in the same second), then the part
 * (the session's own words, its transcripts, its chat), then the row in
 * that part (transcript and line index, or message id).  Relevance is
 * not part of it: MATCH's score is a float with many ties that moves as
 * rows are added, so a page position taken from it would skip or
 * repeat results; an archive read newest first has a stable position.
 */
#include <stdio.h>
#include <string.h>

#include "classroom/search.h"
#include "core/db.h"
#include "lib/util.h"

enum {
	SR_SEARCH = DB_BASE(CLASSROOM_SEARCH_SLOT),
	SR__END
};

#define S(id)	((id) - SR_SEARCH)

_Static_assert(SEARCH_PAGE == 20, "the branches fetch 21 rows");

/*
 * The sessions of alias s that the parameters of k let its user see:
 * ended, not deleted, in the chosen channel, by the summary's rule.
 */
#define VISIBLE \
	"s.status = 'ended' AND s.deleted_at IS NULL " \
	"AND (k.chan = 0 OR s.channel_id = k.chan) AND (k.adm = 1 " \
	"OR EXISTS (SELECT 1 FROM channel_members vm WHERE " \
	"vm.channel_id = s.channel_id AND vm.user_id = k.uid) " \
	"OR EXISTS (SELECT 1 FROM live_sessions vl WHERE " \
	"vl.id = s.live_session_id AND vl.teacher_id = k.uid) " \
	"OR EXISTS (SELECT 1 FROM live_participants vp WHERE " \
	"vp.session_id = s.live_session_id AND vp.learner_id = k.uid) " \
	"OR EXISTS (SELECT 1 FROM classroom_participants vr WHERE " \
	"vr.session_id = s.id AND vr.user_id = k.uid AND vr.removed = 1))"

/* Rows of part p with keys k1, k2 that come after k's position. */
#define AFTER(p, k1, k2) \
	"(s.started_at < k.at OR (s.started_at = k.at AND (s.id < k.sid " \
	"OR (s.id = k.sid AND (" p " > k.part OR (" p " = k.part AND " \
	"(" k1 " > k.k1 OR (" k1 " = k.k1 AND " k2 " > k.k2))))))))"

static const char *const sqltab[] = {
	/*
	 * The parameters are bound once, as the one row of k: user,
	 * site administrator, channel (0: any) and the position; only
	 * the words, which AGAINST must have as a constant, come once
	 * per branch.
	 */
	[S(SR_SEARCH)] =
	    "WITH k AS (SELECT CAST(? AS UNSIGNED) AS uid, "
	    "CAST(? AS UNSIGNED) AS adm, CAST(? AS UNSIGNED) AS chan, "
	    "CAST(? AS DATETIME) AS at, CAST(? AS UNSIGNED) AS sid, "
	    "CAST(? AS UNSIGNED) AS part, CAST(? AS UNSIGNED) AS k1, "
	    "CAST(? AS UNSIGNED) AS k2) "
	    "SELECT h.sid, h.at, h.part, h.k1, h.k2, h.txt, h.txt2, h.ms, "
	    "s.name, COALESCE(ch.name, ls.title, c.title) FROM ("
	    "(SELECT s.id AS sid, s.started_at AS at, 0 AS part, "
	    "CAST(0 AS UNSIGNED) AS k1, CAST(0 AS UNSIGNED) AS k2, "
	    "s.name AS txt, s.description AS txt2, "
	    "CAST(0 AS UNSIGNED) AS ms "
	    "FROM classroom_sessions s CROSS JOIN k "
	    "WHERE MATCH (s.name, s.description) AGAINST (? IN BOOLEAN MODE) "
	    "AND " VISIBLE " AND " AFTER("0", "0", "0") " "
	    "ORDER BY s.started_at DESC, s.id DESC LIMIT 21) "
	    "UNION ALL "
	    "(SELECT s.id, s.started_at, 1, q.transcript_id, q.idx, q.body, "
	    "q.speaker, q.start_ms FROM classroom_transcript_cues q "
	    "JOIN classroom_transcripts t ON t.id = q.transcript_id "
	    "JOIN classroom_sessions s ON s.id = t.session_id CROSS JOIN k "
	    "WHERE MATCH (q.body) AGAINST (? IN BOOLEAN MODE) "
	    "AND " VISIBLE " AND " AFTER("1", "q.transcript_id", "q.idx") " "
	    "ORDER BY s.started_at DESC, s.id DESC, q.transcript_id, q.idx "
	    "LIMIT 21) "
	    "UNION ALL "
	    "(SELECT s.id, s.started_at, 2, m.id, 0, m.body, u.name, 0 "
	    "FROM classroom_chat m JOIN users u ON u.id = m.user_id "
	    "JOIN classroom_sessions s ON s.id = m.session_id CROSS JOIN k "
	    "WHERE MATCH (m.body) AGAINST (? IN BOOLEAN MODE) "
	    "AND " VISIBLE " AND " AFTER("2", "m.id", "0") " "
	    "ORDER BY s.started_at DESC, s.id DESC, m.id LIMIT 21)"
	    ") h JOIN classroom_sessions s ON s.id = h.sid "
	    "LEFT JOIN channels ch ON ch.id = s.channel_id "
	    "LEFT JOIN live_sessions ls ON ls.id = s.live_session_id "
	    "LEFT JOIN courses c ON c.id = ls.course_id "
	    "ORDER BY h.at DESC, h.sid DESC, h.part, h.k1, h.k2 LIMIT 21",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == S(SR__END),
    "one statement per id");

const struct sqltable sql_classroom_search = { S(SR__END), sqltab };

enum db_rc
db_classroom_search(struct db *db, struct arena *a, int64_t user_id,
    int admin, int64_t channel_id, const char *terms,
    const struct search_pos *after, struct search_hit **list, size_t *n)
{
	/* Before every result: a start later than any session's. */
	static const struct search_pos	 first = { "9999-12-31 23:59:59",
	    INT64_MAX, 0, 0, 0 };
	struct dbres			*res;
	struct search_hit		*h;
	enum db_rc			 rc;

	*list = NULL;
	*n = 0;
	if (after == NULL)
		after = &first;
	if ((rc = db_query(db, a, SR_SEARCH, &res, "iiisiiiisss",
	    (long long)user_id, (long long)(admin != 0),
	    (long long)channel_id, after->at, (long long)after->sid,
	    (long long)after->part, (long long)after->k1,
	    (long long)after->k2, terms, terms, terms)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		h = &(*list)[(*n)++];
		h->pos.sid = db_int(res, 0);
		snprintf(h->pos.at, sizeof(h->pos.at), "%s", db_text(res, 1));
		h->pos.part = (int)db_int(res, 2);
		h->pos.k1 = db_int(res, 3);
		h->pos.k2 = db_int(res, 4);
		h->text = db_dup(a, res, 5);
		h->text2 = db_dup(a, res, 6);
		h->start_ms = db_int(res, 7);
		h->session_name = db_dup(a, res, 8);
		h->room_name = db_dup(a, res, 9);
		if (h->text == NULL)
			h->text = arena_strdup(a, "");
	}
	return DB_OK;
}
