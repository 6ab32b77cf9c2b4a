/*
 * db-callback.c: the SQL of the provider callbacks: ending a classroom
 * session, noting a ready recording, storing attendance and engagement.
 * Each callback's changes happen in one transaction, and each can be
 * repeated (providers retry) without changing the result.
 */
#include <string.h>

#include "callback.h"
#include "db.h"
#include "util.h"

enum {
	CB_EVENT = DOM_BASE(DOM_CALLBACK),
	CB_RECORDING,
	CB_RECORDING_OWNER,
	CB_PARTICIPANT,
	CB__END
};

#define S(id)	((id) - CB_EVENT)

static const char *const sqltab[] = {
	[S(CB_EVENT)] =
	    "INSERT INTO classroom_events (session_id, kind, detail, at) "
	    "VALUES (?, ?, ?, UTC_TIMESTAMP())",
	/*
	 * A processing row becomes published; rows a person unpublished
	 * or deleted, and rows of another session, stay as they are.
	 * Affected rows: 1 new, 2 changed, 0 unchanged.
	 */
	[S(CB_RECORDING)] =
	    "INSERT INTO classroom_recordings (session_id, record_id, state, "
	    "updated_at) VALUES (?, ?, 'published', UTC_TIMESTAMP()) "
	    "ON DUPLICATE KEY UPDATE "
	    "updated_at = IF(session_id = VALUES(session_id) AND "
	    "state = 'processing', VALUES(updated_at), updated_at), "
	    "state = IF(session_id = VALUES(session_id) AND "
	    "state = 'processing', 'published', state)",
	[S(CB_RECORDING_OWNER)] =
	    "SELECT session_id FROM classroom_recordings WHERE record_id = ?",
	/*
	 * One participant: inserted only for a user that exists.  The
	 * provider's counts replace ours (its report is the final one);
	 * the join count and the times only widen what Lectern noted when
	 * people joined through it.
	 */
	[S(CB_PARTICIPANT)] =
	    "INSERT INTO classroom_participants (session_id, user_id, "
	    "joined_as, joins, first_join_at, last_join_at, last_leave_at, "
	    "minutes, chats, talks, talk_seconds, raise_hands, poll_votes, "
	    "emojis) "
	    "SELECT ?, u.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
	    "FROM users u WHERE u.id = ? "
	    "ON DUPLICATE KEY UPDATE "
	    "joined_as = COALESCE(joined_as, VALUES(joined_as)), "
	    "joins = GREATEST(joins, VALUES(joins)), "
	    "first_join_at = CASE WHEN first_join_at IS NULL "
	    "THEN VALUES(first_join_at) WHEN VALUES(first_join_at) IS NULL "
	    "THEN first_join_at "
	    "ELSE LEAST(first_join_at, VALUES(first_join_at)) END, "
	    "last_join_at = CASE WHEN last_join_at IS NULL "
	    "THEN VALUES(last_join_at) WHEN VALUES(last_join_at) IS NULL "
	    "THEN last_join_at "
	    "ELSE GREATEST(last_join_at, VALUES(last_join_at)) END, "
	    "last_leave_at = CASE WHEN last_leave_at IS NULL "
	    "THEN VALUES(last_leave_at) WHEN VALUES(last_leave_at) IS NULL "
	    "THEN last_leave_at "
	    "ELSE GREATEST(last_leave_at, VALUES(last_leave_at)) END, "
	    "minutes = VALUES(minutes), chats = VALUES(chats), "
	    "talks = VALUES(talks), talk_seconds = VALUES(talk_seconds), "
	    "raise_hands = VALUES(raise_hands), "
	    "poll_votes = VALUES(poll_votes), emojis = VALUES(emojis)",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == S(CB__END),
    "one SQL text per statement");

const struct sqltable sql_callback = { S(CB__END), sqltab };

enum db_rc
db_callback_recording(struct db *db, int64_t sid, const char *record_id,
    enum cb_recording *out)
{
	struct arena	*a;
	struct dbres	*res;
	long long	 n = 0;
	enum db_rc	 rc;

	*out = CB_REC_SAME;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, CB_RECORDING, &n, "is", (long long)sid,
	    record_id)) != DB_OK)
		goto fail;
	if (n == 0) {
		/* Unchanged: is it ours at all? */
		a = arena_new();
		rc = db_query(db, a, CB_RECORDING_OWNER, &res, "s", record_id);
		if (rc == DB_OK && db_next(res) && db_int(res, 0) != sid)
			*out = CB_REC_OTHER;
		arena_free(a);
		if (rc != DB_OK)
			goto fail;
	} else
		*out = n == 1 ? CB_REC_NEW : CB_REC_PUBLISHED;
	if (*out == CB_REC_NEW && (rc = db_exec(db, CB_EVENT, NULL, "iss",
	    (long long)sid, "recording", record_id)) != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return rc;
}

/* A DATETIME text or NULL (SQL NULL) when empty.  No allocation. */
static const char *
when(const char *t)
{
	return *t != '\0' ? t : NULL;
}

enum db_rc
db_callback_participants(struct db *db, int64_t sid,
    const struct cb_participant *p, size_t n, size_t *stored)
{
	size_t		 i;
	long long	 k;
	enum db_rc	 rc;

	*stored = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++) {
		k = 0;
		if ((rc = db_exec(db, CB_PARTICIPANT, &k, "isisssiiiiiiii",
		    (long long)sid, p[i].moderator ? "moderator" : "viewer",
		    p[i].joins, when(p[i].first_join), when(p[i].last_join),
		    when(p[i].last_leave), p[i].minutes, p[i].chats,
		    p[i].talks, p[i].talk_seconds, p[i].raise_hands,
		    p[i].poll_votes, p[i].emojis,
		    (long long)p[i].user_id)) != DB_OK)
			goto fail;
		if (k > 0)
			(*stored)++;
	}
	return db_commit(db);
fail:
	db_rollback(db);
	*stored = 0;
	return rc;
}
