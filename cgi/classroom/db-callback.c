/*
 * db-callback.c: the SQL of the provider callbacks: ending a classroom
 * session, noting a ready recording, storing attendance and engagement.
 * Each callback's changes happen in one transaction, and each can be
 * repeated (providers retry) without changing the result.
 */
#include <stdio.h>
#include <string.h>

#include "classroom/callback.h"
#include "classroom/sync.h"
#include "core/db.h"
#include "lib/util.h"

enum {
	CB_EVENT = DB_BASE(CALLBACK_SLOT),
	CB_RECORDING,
	CB_RECORDING_OWNER,
	CB_PARTICIPANT,
	CB_SYNC_DUE,
	CB_SYNC_CHECKED,
	CB_SYNC_UPSERT,
	CB_MISSED_DUE,
	CB_REC_GET,
	CB_REC_STATE,
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
	/*
	 * The worker's recordings sync: ended, recorded BigBlueButton
	 * sessions of the last 7 days whose meeting was made and whose
	 * recordings are not known yet, have no playback address or are
	 * still processing; oldest first.
	 */
	[S(CB_SYNC_DUE)] =
	    "SELECT s.id, s.meeting_id FROM classroom_sessions s "
	    "WHERE s.provider = 'bbb' AND s.record = 1 AND "
	    "s.status = 'ended' AND s.deleted_at IS NULL AND "
	    "s.create_time IS NOT NULL AND "
	    "s.ended_at >= UTC_TIMESTAMP() - INTERVAL 7 DAY AND "
	    "(NOT EXISTS (SELECT 1 FROM classroom_recordings r "
	    "WHERE r.session_id = s.id) OR EXISTS (SELECT 1 FROM "
	    "classroom_recordings r WHERE r.session_id = s.id AND "
	    "r.state <> 'deleted' AND (r.playback_url IS NULL OR "
	    "r.state = 'processing'))) AND "
	    "(s.recordings_checked_at IS NULL OR s.recordings_checked_at < "
	    "UTC_TIMESTAMP() - INTERVAL 5 MINUTE) "
	    "ORDER BY s.recordings_checked_at IS NOT NULL, "
	    "s.recordings_checked_at, s.ended_at, s.id LIMIT ?",
	[S(CB_SYNC_CHECKED)] =
	    "UPDATE classroom_sessions SET recordings_checked_at = "
	    "UTC_TIMESTAMP() WHERE id = ?",
	/*
	 * What the provider says of one recording.  A row a person
	 * deleted, and a row of another session, stay as they are; the
	 * state is assigned last because the assignments before it read
	 * the old one.  Affected rows: 1 new, 2 changed, 0 unchanged.
	 */
	[S(CB_SYNC_UPSERT)] =
	    "INSERT INTO classroom_recordings (session_id, record_id, state, "
	    "playback_url, start_time, end_time, updated_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP()) "
	    "ON DUPLICATE KEY UPDATE "
	    "playback_url = IF(session_id = VALUES(session_id) AND "
	    "state <> 'deleted', COALESCE(VALUES(playback_url), playback_url), "
	    "playback_url), "
	    "start_time = IF(session_id = VALUES(session_id) AND "
	    "state <> 'deleted', COALESCE(VALUES(start_time), start_time), "
	    "start_time), "
	    "end_time = IF(session_id = VALUES(session_id) AND "
	    "state <> 'deleted', COALESCE(VALUES(end_time), end_time), "
	    "end_time), "
	    "updated_at = IF(session_id = VALUES(session_id) AND "
	    "state <> 'deleted' AND state <> VALUES(state), "
	    "VALUES(updated_at), updated_at), "
	    "state = IF(session_id = VALUES(session_id) AND "
	    "state <> 'deleted', VALUES(state), state)",
	/* Active BigBlueButton sessions whose meeting was made before ?
	 * (ms since the epoch), oldest first. */
	[S(CB_MISSED_DUE)] =
	    "SELECT id, meeting_id FROM classroom_sessions "
	    "WHERE status = 'active' AND provider = 'bbb' AND "
	    "create_time IS NOT NULL AND create_time < ? "
	    "ORDER BY create_time, id LIMIT ?",
	[S(CB_REC_GET)] =
	    "SELECT id, session_id, record_id, state FROM classroom_recordings "
	    "WHERE id = ?",
	/* A person's publish, unpublish or delete; deleted rows stay. */
	[S(CB_REC_STATE)] =
	    "UPDATE classroom_recordings SET state = ?, "
	    "updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND session_id = ? AND state <> 'deleted'",
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

/* Sessions (id, meeting id) the queries above found; up to limit. */
static enum db_rc
due_list(struct arena *a, struct dbres *res,
    struct classroom_due **list, size_t *n)
{
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		(*list)[*n].id = db_int(res, 0);
		(*list)[*n].meeting_id = db_dup(a, res, 1);
		(*n)++;
	}
	return DB_OK;
}

enum db_rc
db_sync_recordings_due(struct db *db, struct arena *a, int limit,
    struct classroom_due **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CB_SYNC_DUE, &res, "i",
	    (long long)limit)) != DB_OK)
		return rc;
	return due_list(a, res, list, n);
}

enum db_rc
db_sync_recordings_checked(struct db *db, int64_t sid)
{
	return db_exec(db, CB_SYNC_CHECKED, NULL, "i", (long long)sid);
}

enum db_rc
db_sync_missed_due(struct db *db, struct arena *a, long long before_ms,
    int limit, struct classroom_due **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CB_MISSED_DUE, &res, "ii", before_ms,
	    (long long)limit)) != DB_OK)
		return rc;
	return due_list(a, res, list, n);
}

enum db_rc
db_sync_recording(struct db *db, int64_t sid, const char *record_id,
    const char *state, const char *playback_url, long long start_time,
    long long end_time, int *changed)
{
	char		 st[24], et[24];
	long long	 n = 0;
	enum db_rc	 rc;

	*changed = 0;
	/* 0 is "unknown": SQL NULL keeps what was stored. */
	snprintf(st, sizeof(st), "%lld", start_time);
	snprintf(et, sizeof(et), "%lld", end_time);
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, CB_SYNC_UPSERT, &n, "isssss", (long long)sid,
	    record_id, state, playback_url, start_time > 0 ? st : NULL,
	    end_time > 0 ? et : NULL)) != DB_OK)
		goto fail;
	if (n == 1 && (rc = db_exec(db, CB_EVENT, NULL, "iss",
	    (long long)sid, "recording", record_id)) != DB_OK)
		goto fail;
	*changed = n > 0;
	return db_commit(db);
fail:
	db_rollback(db);
	return rc;
}

enum db_rc
db_recording_get(struct db *db, struct arena *a, int64_t id,
    struct classroom_recording_row **out)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, CB_REC_GET, &res, "i", (long long)id)) !=
	    DB_OK)
		return rc;
	if (!db_next(res))
		return DB_OK;
	*out = arena_alloc(a, sizeof(**out));
	(*out)->id = db_int(res, 0);
	(*out)->session_id = db_int(res, 1);
	(*out)->record_id = db_dup(a, res, 2);
	(*out)->state = db_dup(a, res, 3);
	return DB_OK;
}

enum db_rc
db_recording_state(struct db *db, int64_t id, int64_t sid,
    const char *state, int *changed)
{
	long long	 n = 0;
	enum db_rc	 rc;

	rc = db_exec(db, CB_REC_STATE, &n, "sii", state, (long long)id,
	    (long long)sid);
	*changed = n > 0;
	return rc;
}
