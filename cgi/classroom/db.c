/*
 * db.c: the classroom domain's SQL: channels, their members and
 * classroom sessions (start, join, end), with what a session leaves
 * behind (past sessions, the summary's participants, events, chat,
 * polls, recordings and slides); the room's chat, polls, slides,
 * participants, moderator decisions and presence; what the provider's
 * callbacks and the worker's sync store.  A change and its
 * classroom_events row are written in one transaction, so a session's
 * history never misses an action; each callback can be repeated
 * (providers retry) without changing the result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classroom/classroom.h"
#include "core/db.h"
#include "core/model.h"
#include "lib/util.h"
#include "lib/vtt.h"
#include "notify/notify.h"

enum {
	CL_GET = DB_BASE(CLASSROOM_SLOT),
	CL_BY_MEETING,
	CL_ACCESS,
	/* channels */
	CH_ADMIN_LIST,
	CH_MEMBER_LIST,
	CH_ALL_LIST,
	CH_GET,
	CH_INSERT,
	CH_UPDATE,
	CH_ARCHIVE,
	CH_MEMBERS,
	CH_CANDIDATES,
	CH_ADD,
	CH_REMOVE,
	CH_SET_ADMIN,
	/* sessions */
	CR_INSERT,
	CR_EVENT,
	CR_BY_KEY,
	CR_SET_CREATED,
	CR_JOIN,
	CR_END,
	CR_END_PENDING,
	CR_HISTORY,
	CR_LESSON_HISTORY,
	CR_INFO,
	CR_PEOPLE,
	CR_EVENTS,
	CR_CHAT,
	CR_POLLS,
	CR_RECORDINGS,
	CR_LIVE,
	CR_BACK_SESSION,
	CR_BACK_EVENTS,
	CR_BACK_CHAT,
	CR_BACK_POLLS,
	CR_BACK_VOTES,
	CR_BACK_PEOPLE,
	/* the room */
	RM_CHAT_LATEST,
	RM_CHAT_AFTER,
	RM_CHAT_ADD,
	RM_POLLS,
	RM_POLL_ADD,
	RM_OPTION_ADD,
	RM_POLL_LOCK,
	RM_VOTE_COUNT,
	RM_VOTE_ADD,
	RM_POLL_CLOSE,
	RM_SLIDES,
	RM_SLIDE_GET,
	RM_SLIDE_ADD,
	RM_SLIDE_DEL,
	RM_PEOPLE,
	RM_PROMOTE,
	RM_REMOVE,
	RM_LOCKS,
	RM_LEAVE,
	/* callbacks, recordings, sync */
	CB_RECORDING,
	CB_RECORDING_OWNER,
	CB_PARTICIPANT,
	CB_POLL_ADD,
	CB_OPTION_ADD,
	CB_SYNC_DUE,
	CB_SYNC_CHECKED,
	CB_SYNC_RECHECK,
	CB_SYNC_UPSERT,
	CB_MISSED_DUE,
	CB_ENDS_DUE,
	CB_END_TRIED,
	CB_END_DONE,
	CB_REC_GET,
	CB_REC_STATE,
	CR_ENGAGEMENT,
	/* transcripts and attendance */
	TR_INSERT,
	TR_CUE_ADD,
	TR_LIST,
	TR_GET,
	TR_CUES,
	TR_TRACKS_DUE,
	TR_TRACKS_DONE,
	CR_ATTENDANCE,
	CL__END
};

#define S(id)	((id) - CL_GET)

_Static_assert(CHANNEL_PAGE + 1 == 51, "channel lists fetch a page and one");
_Static_assert(HISTORY_PAGE + 1 == 21, "history fetches a page and one");
_Static_assert(ENGAGEMENT_MAX == 12, "the chart's sessions in the SQL");

/* A channel's columns (0..8) and its active session. */
#define CH_COLS \
	"c.id, c.name, c.description, c.archived, c.created_at, s.id, " \
	"s.name, s.started_at"
#define CH_ACTIVE \
	"LEFT JOIN classroom_sessions s ON s.active_key = " \
	"CAST(CONCAT('c', c.id) AS CHAR CHARACTER SET ascii) "
#define CH_KEYSET \
	"(? = 0 OR c.name > ? OR (c.name = ? AND c.id > ?)) "

/*
 * A user's picture (people's user_avatars), joined to u: its version
 * for its address, the first 16 hex digits of its SHA-256, or NULL.
 */
#define AVATAR_JOIN \
	"LEFT JOIN user_avatars av ON av.user_id = u.id "
#define AVATAR_TAG	"LEFT(av.sha256, 16)"

/*
 * A past session's card: the first HISTORY_FACES participants who
 * joined, by first join, in one column as "<user id> <picture> <name>"
 * where <picture> is the version of their picture (AVATAR_TAG) or "-"
 * (names are one line each; the unit separator cannot be typed into a
 * name).
 */
#define PAST_COLS \
	"s.id, s.name, s.started_at, s.ended_at, TIMESTAMPDIFF(SECOND, " \
	"s.started_at, s.ended_at), (SELECT COUNT(*) FROM " \
	"classroom_participants p WHERE p.session_id = s.id AND " \
	"p.joins > 0), (SELECT GROUP_CONCAT(CONCAT(u.id, ' ', " \
	"COALESCE(" AVATAR_TAG ", '-'), ' ', u.name) " \
	"ORDER BY p.first_join_at, u.id SEPARATOR '\x1f' LIMIT 8) FROM " \
	"classroom_participants p JOIN users u ON u.id = p.user_id " \
	AVATAR_JOIN "WHERE p.session_id = s.id AND p.joins > 0)"
_Static_assert(HISTORY_FACES == 8, "PAST_COLS names 8 participants");

#define SESSION_COLS \
	"s.id, s.channel_id, s.live_session_id, " \
	"COALESCE(ch.name, ls.title, c.title), s.provider, s.meeting_id, " \
	"s.name, s.description, s.record, s.allow_camera, s.allow_mic, " \
	"s.mute_on_join, s.notify_system, s.notify_email, s.lock_camera, " \
	"s.lock_mic, s.status, s.create_time, s.started_at, s.ended_at, " \
	"s.deleted_at IS NOT NULL"
#define SESSION_FROM \
	"FROM classroom_sessions s " \
	"LEFT JOIN channels ch ON ch.id = s.channel_id " \
	"LEFT JOIN live_sessions ls ON ls.id = s.live_session_id " \
	"LEFT JOIN courses c ON c.id = ls.course_id "

#define CHAT_COLS \
	"c.id, c.user_id, u.name, c.body, c.posted_at " \
	"FROM classroom_chat c JOIN users u ON u.id = c.user_id "
#define SLIDE_COLS \
	"id, session_id, filename, stored_name, size, uploaded_at " \
	"FROM classroom_slides "

_Static_assert(ROOM_CHAT_SHOWN == 100, "the chat statements fetch 100");
_Static_assert(ROOM_POLLS_SHOWN == 20, "RM_POLLS fetches 20 polls");
_Static_assert(ROOM_SLIDES_SHOWN == 50, "RM_SLIDES fetches 50");
_Static_assert(ROOM_PEOPLE_PAGE == 50, "RM_PEOPLE fetches a page and one");

static const char *const sqltab[] = {
	[S(CL_GET)] =
	    "SELECT " SESSION_COLS " " SESSION_FROM "WHERE s.id = ?",
	[S(CL_BY_MEETING)] =
	    "SELECT " SESSION_COLS " " SESSION_FROM "WHERE s.meeting_id = ?",
	/*
	 * One row: channel admin, channel member, lesson teacher, lesson
	 * learner, promoted, removed; for session ? and user ?.
	 */
	[S(CL_ACCESS)] =
	    "SELECT COALESCE(MAX(m.is_admin), 0), COUNT(m.user_id), "
	    "COALESCE(MAX(ls.teacher_id = u.id), 0), "
	    "COALESCE(MAX(lp.learner_id IS NOT NULL), 0), "
	    "COALESCE(MAX(p.promoted), 0), COALESCE(MAX(p.removed), 0) "
	    "FROM classroom_sessions s JOIN users u ON u.id = ? "
	    "LEFT JOIN channel_members m ON m.channel_id = s.channel_id "
	    "AND m.user_id = u.id "
	    "LEFT JOIN live_sessions ls ON ls.id = s.live_session_id "
	    "LEFT JOIN live_participants lp ON lp.session_id = ls.id "
	    "AND lp.learner_id = u.id "
	    "LEFT JOIN classroom_participants p ON p.session_id = s.id "
	    "AND p.user_id = u.id WHERE s.id = ?",

	/*
	 * Channels.  The active session is found through its unique
	 * active_key; the key is ASCII, so the expression is made ASCII
	 * too and the index serves the join.
	 */
	[S(CH_ADMIN_LIST)] =
	    "SELECT " CH_COLS ", (SELECT COUNT(*) FROM channel_members x "
	    "WHERE x.channel_id = c.id), 0, 0 FROM channels c " CH_ACTIVE
	    "WHERE (? IS NULL OR c.name LIKE ?) AND " CH_KEYSET
	    "ORDER BY c.name, c.id LIMIT 51",
	[S(CH_MEMBER_LIST)] =
	    "SELECT " CH_COLS ", 0, 1, m.is_admin FROM channel_members m "
	    "JOIN channels c ON c.id = m.channel_id " CH_ACTIVE
	    "WHERE m.user_id = ? AND c.archived = 0 AND " CH_KEYSET
	    "ORDER BY c.name, c.id LIMIT 51",
	[S(CH_ALL_LIST)] =
	    "SELECT " CH_COLS ", 0, m.user_id IS NOT NULL, "
	    "COALESCE(m.is_admin, 0) FROM channels c "
	    "LEFT JOIN channel_members m ON m.channel_id = c.id "
	    "AND m.user_id = ? " CH_ACTIVE
	    "WHERE c.archived = 0 AND " CH_KEYSET
	    "ORDER BY c.name, c.id LIMIT 51",
	[S(CH_GET)] =
	    "SELECT " CH_COLS ", (SELECT COUNT(*) FROM channel_members x "
	    "WHERE x.channel_id = c.id), m.user_id IS NOT NULL, "
	    "COALESCE(m.is_admin, 0) FROM channels c "
	    "LEFT JOIN channel_members m ON m.channel_id = c.id "
	    "AND m.user_id = ? " CH_ACTIVE "WHERE c.id = ?",
	[S(CH_INSERT)] =
	    "INSERT INTO channels (name, description, archived, created_at, "
	    "updated_at) VALUES (?, ?, 0, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	[S(CH_UPDATE)] =
	    "UPDATE channels SET name = ?, description = ?, updated_at = "
	    "UTC_TIMESTAMP() WHERE id = ?",
	/* Archiving waits until no session is active in the channel. */
	[S(CH_ARCHIVE)] =
	    "UPDATE channels SET archived = ?, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND archived <> ? AND (? = 0 OR NOT EXISTS (SELECT 1 "
	    "FROM classroom_sessions s WHERE s.active_key = "
	    "CAST(CONCAT('c', ?) AS CHAR CHARACTER SET ascii)))",
	[S(CH_MEMBERS)] =
	    "SELECT m.user_id, u.name, u.email, m.is_admin, u.disabled, 1, "
	    "m.added_at FROM channel_members m JOIN users u ON "
	    "u.id = m.user_id WHERE m.channel_id = ? AND (? = 0 OR u.name > ? "
	    "OR (u.name = ? AND u.id > ?)) ORDER BY u.name, u.id LIMIT 51",
	[S(CH_CANDIDATES)] =
	    "SELECT u.id, u.name, u.email, COALESCE(m.is_admin, 0), "
	    "u.disabled, m.user_id IS NOT NULL, m.added_at FROM users u "
	    "LEFT JOIN channel_members m ON m.channel_id = ? AND "
	    "m.user_id = u.id WHERE u.disabled = 0 AND (u.name LIKE ? OR "
	    "u.email LIKE ?) ORDER BY u.name, u.id LIMIT ?",
	[S(CH_ADD)] =
	    "INSERT INTO channel_members (channel_id, user_id, is_admin, "
	    "added_at) SELECT ?, id, ?, UTC_TIMESTAMP() FROM users WHERE "
	    "id = ? AND disabled = 0",
	[S(CH_REMOVE)] =
	    "DELETE FROM channel_members WHERE channel_id = ? AND user_id = ?",
	[S(CH_SET_ADMIN)] =
	    "UPDATE channel_members SET is_admin = ? WHERE channel_id = ? "
	    "AND user_id = ?",

	/* Sessions. */
	[S(CR_INSERT)] =
	    "INSERT INTO classroom_sessions (channel_id, live_session_id, "
	    "provider, meeting_id, name, description, record, allow_camera, "
	    "allow_mic, mute_on_join, notify_system, notify_email, "
	    "lock_camera, lock_mic, status, active_key, started_by, "
	    "started_at, created_at, updated_at) VALUES (NULLIF(?, 0), "
	    "NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, "
	    "NULLIF(?, 0), UTC_TIMESTAMP(), UTC_TIMESTAMP(), "
	    "UTC_TIMESTAMP())",
	[S(CR_EVENT)] =
	    "INSERT INTO classroom_events (session_id, kind, actor_id, "
	    "user_id, detail, at) VALUES (?, ?, NULLIF(?, 0), NULLIF(?, 0), "
	    "?, UTC_TIMESTAMP())",
	[S(CR_BY_KEY)] =
	    "SELECT id FROM classroom_sessions WHERE active_key = ?",
	[S(CR_SET_CREATED)] =
	    "UPDATE classroom_sessions SET create_time = ?, updated_at = "
	    "UTC_TIMESTAMP() WHERE id = ? AND status = 'active'",
	[S(CR_JOIN)] =
	    "INSERT INTO classroom_participants (session_id, user_id, "
	    "joined_as, joins, first_join_at, last_join_at) VALUES (?, ?, ?, "
	    "1, UTC_TIMESTAMP(), UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE "
	    "joined_as = VALUES(joined_as), joins = joins + 1, first_join_at "
	    "= COALESCE(first_join_at, VALUES(first_join_at)), last_join_at "
	    "= VALUES(last_join_at)",
	[S(CR_END)] =
	    "UPDATE classroom_sessions SET status = 'ended', active_key = "
	    "NULL, ended_at = UTC_TIMESTAMP(), ended_by = NULLIF(?, 0), "
	    "end_reason = ?, updated_at = UTC_TIMESTAMP() WHERE id = ? AND "
	    "status = 'active'",
	[S(CR_END_PENDING)] =
	    "UPDATE classroom_sessions SET end_pending = 1, end_tried_at = "
	    "UTC_TIMESTAMP(), updated_at = UTC_TIMESTAMP() WHERE id = ? AND "
	    "status = 'ended'",
	[S(CR_HISTORY)] =
	    "SELECT " PAST_COLS " FROM classroom_sessions s WHERE "
	    "s.channel_id = ? AND s.status = 'ended' AND s.deleted_at IS NULL "
	    "AND (? = 0 OR s.started_at < ? OR (s.started_at = ? AND "
	    "s.id < ?)) ORDER BY s.started_at DESC, s.id DESC LIMIT 21",
	[S(CR_LESSON_HISTORY)] =
	    "SELECT " PAST_COLS " FROM classroom_sessions s WHERE "
	    "s.live_session_id = ? AND s.status = 'ended' AND s.deleted_at IS "
	    "NULL ORDER BY s.started_at DESC, s.id DESC LIMIT 20",
	[S(CR_INFO)] =
	    "SELECT su.name, eu.name, s.end_reason, TIMESTAMPDIFF(SECOND, "
	    "s.started_at, COALESCE(s.ended_at, UTC_TIMESTAMP())) FROM "
	    "classroom_sessions s LEFT JOIN users su ON su.id = s.started_by "
	    "LEFT JOIN users eu ON eu.id = s.ended_by WHERE s.id = ?",
	[S(CR_PEOPLE)] =
	    "SELECT p.user_id, u.name, p.joined_as, p.joins, p.first_join_at, "
	    "p.last_join_at, p.last_leave_at, p.minutes, p.chats, p.talks, "
	    "p.talk_seconds, p.raise_hands, p.poll_votes, p.emojis, "
	    "p.promoted, p.removed, " AVATAR_TAG " FROM "
	    "classroom_participants p JOIN users u ON u.id = p.user_id "
	    AVATAR_JOIN "WHERE p.session_id = ? ORDER BY "
	    "p.first_join_at IS NULL, p.first_join_at, u.name, u.id",
	/* Joins and leaves are the participants' table; the rest here. */
	[S(CR_EVENTS)] =
	    "SELECT e.kind, a.name, u.name, e.detail, e.at FROM "
	    "classroom_events e LEFT JOIN users a ON a.id = e.actor_id "
	    "LEFT JOIN users u ON u.id = e.user_id WHERE e.session_id = ? "
	    "AND e.kind NOT IN ('joined', 'left') ORDER BY e.id LIMIT 500",
	/* A page of the transcript, by id after ? (its index keys it). */
	[S(CR_CHAT)] =
	    "SELECT c.id, u.name, c.body, c.posted_at FROM classroom_chat c "
	    "JOIN users u ON u.id = c.user_id WHERE c.session_id = ? AND "
	    "c.id > ? ORDER BY c.id LIMIT ?",
	/* Lectern's polls and the conferencing room's, as they started. */
	[S(CR_POLLS)] =
	    "SELECT p.id, p.question, p.created_at, p.closed_at, o.label, "
	    "o.votes, p.provider_poll_id IS NOT NULL, p.provider_published "
	    "FROM classroom_polls p LEFT JOIN classroom_poll_options o "
	    "ON o.poll_id = p.id WHERE p.session_id = ? ORDER BY "
	    "p.created_at, p.id, o.idx",
	[S(CR_RECORDINGS)] =
	    "SELECT record_id, state, playback_url, start_time, end_time, id "
	    "FROM classroom_recordings WHERE session_id = ? AND state <> 'deleted' "
	    "ORDER BY id",

	/* The room. */
	/* One more than shown, to know whether older ones exist. */
	/*
	 * Active sessions, newest first: of the channels user ? is a member
	 * of, or (user 0) every one, a live lesson's too.  Only active
	 * sessions hold an active_key, so its index finds them.
	 */
	[S(CR_LIVE)] =
	    "SELECT " SESSION_COLS " " SESSION_FROM "WHERE s.active_key IS "
	    "NOT NULL AND s.deleted_at IS NULL AND (? = 0 OR EXISTS (SELECT 1 "
	    "FROM channel_members m WHERE m.channel_id = s.channel_id AND "
	    "m.user_id = ?)) ORDER BY s.started_at DESC, s.id DESC LIMIT ?",
	/*
	 * An ended session moved seconds (?) into the past, lasting ? seconds
	 * (the demo data's history; assignments run left to right).
	 */
	[S(CR_BACK_SESSION)] =
	    "UPDATE classroom_sessions SET started_at = started_at - INTERVAL "
	    "? SECOND, ended_at = started_at + INTERVAL ? SECOND, created_at "
	    "= started_at, updated_at = ended_at WHERE id = ? AND status = "
	    "'ended'",
	[S(CR_BACK_EVENTS)] =
	    "UPDATE classroom_events e JOIN classroom_sessions s ON s.id = "
	    "e.session_id SET e.at = IF(e.kind = 'ended', s.ended_at, e.at - "
	    "INTERVAL ? SECOND) WHERE e.session_id = ?",
	[S(CR_BACK_CHAT)] =
	    "UPDATE classroom_chat SET posted_at = posted_at - INTERVAL ? "
	    "SECOND WHERE session_id = ?",
	[S(CR_BACK_POLLS)] =
	    "UPDATE classroom_polls SET created_at = created_at - INTERVAL ? "
	    "SECOND, closed_at = closed_at - INTERVAL ? SECOND WHERE "
	    "session_id = ?",
	[S(CR_BACK_VOTES)] =
	    "UPDATE classroom_poll_votes v JOIN classroom_polls p ON p.id = "
	    "v.poll_id SET v.voted_at = v.voted_at - INTERVAL ? SECOND WHERE "
	    "p.session_id = ?",
	[S(CR_BACK_PEOPLE)] =
	    "UPDATE classroom_participants SET first_join_at = first_join_at - "
	    "INTERVAL ? SECOND, last_join_at = last_join_at - INTERVAL ? "
	    "SECOND, last_leave_at = last_leave_at - INTERVAL ? SECOND WHERE "
	    "session_id = ?",
	[S(RM_CHAT_LATEST)] =
	    "SELECT " CHAT_COLS "WHERE c.session_id = ? "
	    "ORDER BY c.id DESC LIMIT 101",
	[S(RM_CHAT_AFTER)] =
	    "SELECT " CHAT_COLS "WHERE c.session_id = ? AND c.id > ? "
	    "ORDER BY c.id LIMIT 100",
	[S(RM_CHAT_ADD)] =
	    "INSERT INTO classroom_chat (session_id, user_id, body, "
	    "posted_at) VALUES (?, ?, ?, UTC_TIMESTAMP())",
	/*
	 * The latest polls with every option and the viewer's answer in
	 * one statement, so the page costs the same however many polls.
	 * Polls run in the conferencing room are the summary's only.
	 */
	[S(RM_POLLS)] =
	    "SELECT p.id, p.question, p.closed_at IS NOT NULL, o.idx, "
	    "o.label, o.votes, COALESCE(v.idx, 0) FROM (SELECT id FROM "
	    "classroom_polls WHERE session_id = ? AND provider_poll_id IS "
	    "NULL ORDER BY id DESC LIMIT 20) "
	    "t JOIN classroom_polls p ON p.id = t.id "
	    "JOIN classroom_poll_options o ON o.poll_id = p.id "
	    "LEFT JOIN classroom_poll_votes v ON v.poll_id = p.id "
	    "AND v.user_id = ? ORDER BY p.id DESC, o.idx",
	[S(RM_POLL_ADD)] =
	    "INSERT INTO classroom_polls (session_id, question, created_by, "
	    "created_at) VALUES (?, ?, ?, UTC_TIMESTAMP())",
	[S(RM_OPTION_ADD)] =
	    "INSERT INTO classroom_poll_options (poll_id, idx, label) "
	    "VALUES (?, ?, ?)",
	/* Votes and closing queue behind this row lock. */
	[S(RM_POLL_LOCK)] =
	    "SELECT closed_at IS NOT NULL, question FROM classroom_polls "
	    "WHERE id = ? AND session_id = ? AND provider_poll_id IS NULL "
	    "FOR UPDATE",
	[S(RM_VOTE_COUNT)] =
	    "UPDATE classroom_poll_options SET votes = votes + 1 "
	    "WHERE poll_id = ? AND idx = ?",
	[S(RM_VOTE_ADD)] =
	    "INSERT INTO classroom_poll_votes (poll_id, user_id, idx, "
	    "voted_at) VALUES (?, ?, ?, UTC_TIMESTAMP())",
	[S(RM_POLL_CLOSE)] =
	    "UPDATE classroom_polls SET closed_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND closed_at IS NULL",
	[S(RM_SLIDES)] =
	    "SELECT " SLIDE_COLS "WHERE session_id = ? ORDER BY id LIMIT 50",
	[S(RM_SLIDE_GET)] =
	    "SELECT " SLIDE_COLS "WHERE id = ?",
	[S(RM_SLIDE_ADD)] =
	    "INSERT INTO classroom_slides (session_id, filename, "
	    "stored_name, size, uploaded_by, uploaded_at) VALUES "
	    "(?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	[S(RM_SLIDE_DEL)] =
	    "DELETE FROM classroom_slides WHERE id = ? AND session_id = ?",
	/*
	 * The room's people: channel members, or the lesson's teacher and
	 * learners, and whoever has a participant row (site admins who
	 * came in); binds channel, live session, live session, session,
	 * session, then the keyset position (flag, name, name, id).
	 */
	[S(RM_PEOPLE)] =
	    "SELECT u.id, u.name, u.role = 'admin', MAX(x.adm), "
	    "MAX(COALESCE(p.promoted, 0)), MAX(COALESCE(p.removed, 0)), "
	    "MAX(COALESCE(p.joins, 0)), MAX(COALESCE(p.minutes, 0)), "
	    "MAX(p.last_join_at IS NOT NULL AND (p.last_leave_at IS NULL OR "
	    "p.last_leave_at < p.last_join_at)), " AVATAR_TAG " FROM ("
	    "SELECT user_id AS uid, is_admin AS adm FROM channel_members "
	    "WHERE channel_id = ? "
	    "UNION ALL SELECT teacher_id, 1 FROM live_sessions WHERE id = ? "
	    "UNION ALL SELECT learner_id, 0 FROM live_participants "
	    "WHERE session_id = ? "
	    "UNION ALL SELECT user_id, 0 FROM classroom_participants "
	    "WHERE session_id = ?) x JOIN users u ON u.id = x.uid "
	    AVATAR_JOIN
	    "LEFT JOIN classroom_participants p ON p.session_id = ? "
	    "AND p.user_id = u.id "
	    "WHERE (? = 0 OR u.name > ? OR (u.name = ? AND u.id > ?)) "
	    "GROUP BY u.id, u.name, u.role, av.sha256 ORDER BY u.name, u.id "
	    "LIMIT 51",
	[S(RM_PROMOTE)] =
	    "INSERT INTO classroom_participants (session_id, user_id, "
	    "promoted) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE promoted = 1",
	[S(RM_REMOVE)] =
	    "INSERT INTO classroom_participants (session_id, user_id, "
	    "removed) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE removed = 1",
	[S(RM_LOCKS)] =
	    "UPDATE classroom_sessions SET lock_camera = ?, lock_mic = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",
	/*
	 * Only an open visit (joined and not left since) is closed, so a
	 * repeated leave beacon adds nothing.
	 */
	[S(RM_LEAVE)] =
	    "UPDATE classroom_participants SET minutes = minutes + "
	    "ROUND(TIMESTAMPDIFF(SECOND, last_join_at, UTC_TIMESTAMP()) / 60), "
	    "last_leave_at = UTC_TIMESTAMP() WHERE session_id = ? AND "
	    "user_id = ? AND last_join_at IS NOT NULL AND "
	    "(last_leave_at IS NULL OR last_leave_at <= last_join_at)",

	/* Callbacks, recordings and the worker's sync. */
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
	 * A poll run in the conferencing room, once: a report repeated
	 * finds it by its id there and changes nothing (0 rows affected).
	 */
	[S(CB_POLL_ADD)] =
	    "INSERT INTO classroom_polls (session_id, provider_poll_id, "
	    "provider_published, question, created_at, closed_at) VALUES "
	    "(?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE provider_poll_id = "
	    "provider_poll_id",
	[S(CB_OPTION_ADD)] =
	    "INSERT INTO classroom_poll_options (poll_id, idx, label, votes) "
	    "VALUES (?, ?, ?, ?)",
	/*
	 * The worker's recordings sync: ended, recorded BigBlueButton
	 * sessions whose meeting was made and, of the last 7 days, whose
	 * recordings are not known yet, have no playback address or are
	 * still processing (asked every 5 minutes); or, of the last 30
	 * days, with recordings shown (asked every hour, or at once after
	 * a person's action failed: recordings_checked_at NULL), so that
	 * what the server changed or lost is seen here too; oldest first.
	 */
	[S(CB_SYNC_DUE)] =
	    "SELECT s.id, s.meeting_id FROM classroom_sessions s "
	    "WHERE s.provider = 'bbb' AND s.record = 1 AND "
	    "s.status = 'ended' AND s.deleted_at IS NULL AND "
	    "s.create_time IS NOT NULL AND (("
	    "s.ended_at >= UTC_TIMESTAMP() - INTERVAL 7 DAY AND "
	    "(NOT EXISTS (SELECT 1 FROM classroom_recordings r "
	    "WHERE r.session_id = s.id) OR EXISTS (SELECT 1 FROM "
	    "classroom_recordings r WHERE r.session_id = s.id AND "
	    "r.state <> 'deleted' AND (r.playback_url IS NULL OR "
	    "r.state = 'processing'))) AND "
	    "(s.recordings_checked_at IS NULL OR s.recordings_checked_at < "
	    "UTC_TIMESTAMP() - INTERVAL 5 MINUTE)) OR ("
	    "s.ended_at >= UTC_TIMESTAMP() - INTERVAL 30 DAY AND "
	    "EXISTS (SELECT 1 FROM classroom_recordings r WHERE "
	    "r.session_id = s.id AND r.state IN ('published', "
	    "'unpublished')) AND (s.recordings_checked_at IS NULL OR "
	    "s.recordings_checked_at < UTC_TIMESTAMP() - INTERVAL 1 HOUR))) "
	    "ORDER BY s.recordings_checked_at IS NOT NULL, "
	    "s.recordings_checked_at, s.ended_at, s.id LIMIT ?",
	[S(CB_SYNC_CHECKED)] =
	    "UPDATE classroom_sessions SET recordings_checked_at = "
	    "UTC_TIMESTAMP() WHERE id = ?",
	[S(CB_SYNC_RECHECK)] =
	    "UPDATE classroom_sessions SET recordings_checked_at = NULL "
	    "WHERE id = ?",
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
	/*
	 * Ended BigBlueButton sessions whose meeting the server has not
	 * confirmed ended, of the last 7 days (a meeting left open closes
	 * once empty), least recently tried first.
	 */
	[S(CB_ENDS_DUE)] =
	    "SELECT id, meeting_id FROM classroom_sessions "
	    "WHERE end_pending = 1 AND status = 'ended' AND provider = 'bbb' "
	    "AND ended_at >= UTC_TIMESTAMP() - INTERVAL 7 DAY "
	    "ORDER BY end_tried_at IS NOT NULL, end_tried_at, id LIMIT ?",
	[S(CB_END_TRIED)] =
	    "UPDATE classroom_sessions SET end_tried_at = UTC_TIMESTAMP() "
	    "WHERE id = ?",
	[S(CB_END_DONE)] =
	    "UPDATE classroom_sessions SET end_pending = 0, end_tried_at = "
	    "UTC_TIMESTAMP() WHERE id = ?",
	[S(CB_REC_GET)] =
	    "SELECT id, session_id, record_id, state FROM classroom_recordings "
	    "WHERE id = ?",
	/* A person's publish, unpublish or delete; deleted rows stay. */
	[S(CB_REC_STATE)] =
	    "UPDATE classroom_recordings SET state = ?, "
	    "updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND session_id = ? AND state <> 'deleted'",
	/* The channel page's chart: who joined and their minutes in the
	 * latest ended sessions, newest first.  Counted by a subquery per
	 * listed session, so that MariaDB reads the channel's sessions in
	 * index order and stops at 12 (a join with GROUP BY grouped every
	 * past session of the channel first). */
	[S(CR_ENGAGEMENT)] =
	    "SELECT s.id, s.started_at, "
	    "(SELECT COUNT(*) FROM classroom_participants p "
	    "WHERE p.session_id = s.id AND p.joins > 0), "
	    "(SELECT COALESCE(SUM(p.minutes), 0) FROM classroom_participants p "
	    "WHERE p.session_id = s.id AND p.joins > 0) "
	    "FROM classroom_sessions s WHERE s.channel_id = ? AND "
	    "s.status = 'ended' AND s.deleted_at IS NULL "
	    "ORDER BY s.started_at DESC, s.id DESC LIMIT 12",

	/* Transcripts of a session and the attendance download. */
	[S(TR_INSERT)] =
	    "INSERT INTO classroom_transcripts (session_id, filename, cues, "
	    "duration_ms, uploaded_by, created_at) VALUES (?, ?, ?, ?, "
	    "NULLIF(?, 0), UTC_TIMESTAMP())",
	[S(TR_CUE_ADD)] =
	    "INSERT INTO classroom_transcript_cues (transcript_id, idx, "
	    "start_ms, end_ms, speaker, body) VALUES (?, ?, ?, ?, ?, ?)",
	/* The card's rows, each with its speakers in one column
	 * (separated by the unit separator, which a name cannot hold). */
	[S(TR_LIST)] =
	    "SELECT t.id, t.filename, t.cues, t.duration_ms, t.created_at, "
	    "(SELECT GROUP_CONCAT(DISTINCT c.speaker ORDER BY c.speaker "
	    "SEPARATOR '\x1f') FROM classroom_transcript_cues c WHERE "
	    "c.transcript_id = t.id) FROM classroom_transcripts t "
	    "WHERE t.session_id = ? ORDER BY t.id LIMIT 50",
	[S(TR_GET)] =
	    "SELECT t.id, t.filename, t.cues, t.duration_ms, t.created_at, "
	    "NULL, t.session_id FROM classroom_transcripts t WHERE t.id = ?",
	/* A batch of cues, keyset by their index. */
	[S(TR_CUES)] =
	    "SELECT idx, start_ms, end_ms, speaker, body FROM "
	    "classroom_transcript_cues WHERE transcript_id = ? AND idx >= ? "
	    "ORDER BY idx LIMIT ?",
	/* Published recordings whose caption tracks are yet to be
	 * fetched, of sessions still shown. */
	[S(TR_TRACKS_DUE)] =
	    "SELECT r.session_id, r.record_id FROM classroom_recordings r "
	    "JOIN classroom_sessions s ON s.id = r.session_id "
	    "WHERE r.state = 'published' AND r.tracks_fetched_at IS NULL "
	    "AND s.provider = 'bbb' AND s.deleted_at IS NULL "
	    "ORDER BY r.id LIMIT ?",
	[S(TR_TRACKS_DONE)] =
	    "UPDATE classroom_recordings SET tracks_fetched_at = "
	    "UTC_TIMESTAMP() WHERE record_id = ? AND "
	    "tracks_fetched_at IS NULL",
	[S(CR_ATTENDANCE)] =
	    "SELECT u.name, u.email, p.first_join_at, p.last_leave_at, "
	    "p.minutes, p.joins FROM classroom_participants p JOIN users u "
	    "ON u.id = p.user_id WHERE p.session_id = ? AND p.joins > 0 "
	    "ORDER BY p.first_join_at, u.name, u.id",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == S(CL__END),
    "one SQL text per statement");

const struct sqltable sql_classroom = { S(CL__END), sqltab };

/* One history row of session sid by actor about target (0: none);
 * inside the caller's transaction. */
static enum db_rc
event(struct db *db, int64_t sid, const char *kind, int64_t actor,
    int64_t target, const char *detail)
{
	return db_exec(db, CR_EVENT, NULL, "isiis", (long long)sid, kind,
	    (long long)actor, (long long)target, detail);
}

/* The current row of a result with the columns SESSION_COLS into c. */
static void
session_row(struct arena *a, const struct dbres *res, struct classroom *c)
{
	c->id = db_int(res, 0);
	c->channel_id = db_int(res, 1);
	c->live_id = db_int(res, 2);
	c->room_name = db_dup(a, res, 3);
	c->provider = db_dup(a, res, 4);
	c->meeting_id = db_dup(a, res, 5);
	c->name = db_dup(a, res, 6);
	c->description = db_dup(a, res, 7);
	c->record = (int)db_int(res, 8);
	c->allow_camera = (int)db_int(res, 9);
	c->allow_mic = (int)db_int(res, 10);
	c->mute_on_join = (int)db_int(res, 11);
	c->notify_system = (int)db_int(res, 12);
	c->notify_email = (int)db_int(res, 13);
	c->lock_camera = (int)db_int(res, 14);
	c->lock_mic = (int)db_int(res, 15);
	c->status = db_dup(a, res, 16);
	c->create_time = db_int(res, 17);
	c->started_at = db_dup(a, res, 18);
	c->ended_at = db_dup(a, res, 19);
	c->deleted = (int)db_int(res, 20);
	if (c->room_name == NULL)
		c->room_name = arena_strdup(a, c->name);
}

/*
 * The session a statement finds by id (fmt "i") or by meeting id (fmt
 * "s"), with its columns SESSION_COLS; *out NULL when none.
 */
static enum db_rc
load(struct db *db, struct arena *a, int stmt, const char *fmt,
    long long id, const char *mid, struct classroom **out)
{
	struct dbres	*res;
	struct classroom *c;
	enum db_rc	 rc;

	*out = NULL;
	rc = fmt[0] == 'i' ? db_query(db, a, stmt, &res, fmt, id) :
	    db_query(db, a, stmt, &res, fmt, mid);
	if (rc != DB_OK)
		return rc;
	if (!db_next(res))
		return DB_OK;
	c = arena_alloc(a, sizeof(*c));
	session_row(a, res, c);
	*out = c;
	return DB_OK;
}

enum db_rc
db_classroom_live(struct db *db, struct arena *a, int64_t user_id, int limit,
    struct classroom **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CR_LIVE, &res, "iii", (long long)user_id,
	    (long long)user_id, (long long)limit)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res))
		session_row(a, res, &(*list)[(*n)++]);
	return DB_OK;
}

enum db_rc
db_classroom_get(struct db *db, struct arena *a, int64_t id,
    struct classroom **out)
{
	return load(db, a, CL_GET, "i", (long long)id, NULL, out);
}

enum db_rc
db_classroom_by_meeting(struct db *db, struct arena *a,
    const char *meeting_id, struct classroom **out)
{
	return load(db, a, CL_BY_MEETING, "s", 0, meeting_id, out);
}

enum db_rc
db_classroom_access(struct db *db, const struct classroom *c,
    const struct user *u, struct classroom_access *acc)
{
	struct arena	*a;
	struct dbres	*res;
	enum db_rc	 rc;
	int		 ch_admin, member, teacher, learner;

	memset(acc, 0, sizeof(*acc));
	if (u == NULL || c == NULL)
		return DB_OK;
	a = arena_new();
	if ((rc = db_query(db, a, CL_ACCESS, &res, "ii", (long long)u->id,
	    (long long)c->id)) != DB_OK || !db_next(res)) {
		arena_free(a);
		return rc;
	}
	ch_admin = (int)db_int(res, 0);
	member = db_int(res, 1) > 0;
	teacher = (int)db_int(res, 2);
	learner = (int)db_int(res, 3);
	acc->promoted = (int)db_int(res, 4);
	acc->removed = (int)db_int(res, 5);
	arena_free(a);

	if (u->role == ROLE_ADMIN || ch_admin || teacher) {
		acc->role = CR_MODERATOR;
		acc->admin = 1;
		acc->removed = 0;
	} else if (acc->removed)
		acc->role = CR_NONE;
	else if (member || learner)
		acc->role = acc->promoted ? CR_MODERATOR : CR_VIEWER;
	return DB_OK;
}

/* ------------------------------------------------------------------ */
/* Channels                                                            */

/* The channels of a result (CH_COLS and three more); allocates. */
static void
channel_rows(struct arena *a, struct dbres *res, struct channel **list,
    size_t *n)
{
	struct channel	*c;

	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	*n = 0;
	while (db_next(res)) {
		c = &(*list)[(*n)++];
		c->id = db_int(res, 0);
		c->name = db_dup(a, res, 1);
		c->description = db_dup(a, res, 2);
		c->archived = (int)db_int(res, 3);
		c->created_at = db_dup(a, res, 4);
		c->active_id = db_int(res, 5);
		c->active_name = db_dup(a, res, 6);
		c->active_started_at = db_dup(a, res, 7);
		c->members = db_int(res, 8);
		c->is_member = (int)db_int(res, 9);
		c->is_admin = (int)db_int(res, 10);
	}
}

enum db_rc
db_channel_admin_list(struct db *db, struct arena *a, const char *q,
    const char *after_name, int64_t after_id, struct channel **list,
    size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	char		*pat = NULL;

	*list = NULL;
	*n = 0;
	if (q != NULL && *q != '\0')
		pat = db_like_contains(a, q);
	if (after_name == NULL)
		after_name = "";
	if ((rc = db_query(db, a, CH_ADMIN_LIST, &res, "ssissi", pat, pat,
	    (long long)after_id, after_name, after_name,
	    (long long)after_id)) != DB_OK)
		return rc;
	channel_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_channel_user_list(struct db *db, struct arena *a, int64_t user_id,
    int all, const char *after_name, int64_t after_id, struct channel **list,
    size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if (after_name == NULL)
		after_name = "";
	if ((rc = db_query(db, a, all ? CH_ALL_LIST : CH_MEMBER_LIST, &res,
	    "iissi", (long long)user_id, (long long)after_id, after_name,
	    after_name, (long long)after_id)) != DB_OK)
		return rc;
	channel_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_channel_get(struct db *db, struct arena *a, int64_t id, int64_t user_id,
    struct channel **out)
{
	struct dbres	*res;
	size_t		 n;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, CH_GET, &res, "ii", (long long)user_id,
	    (long long)id)) != DB_OK)
		return rc;
	channel_rows(a, res, out, &n);
	if (n == 0)
		*out = NULL;
	return DB_OK;
}

enum db_rc
db_channel_create(struct db *db, const char *name, const char *description,
    int64_t *id)
{
	enum db_rc	 rc;

	*id = 0;
	if ((rc = db_exec(db, CH_INSERT, NULL, "ss", name, description)) !=
	    DB_OK)
		return rc;
	*id = db_last_id(db);
	return DB_OK;
}

enum db_rc
db_channel_update(struct db *db, int64_t id, const char *name,
    const char *description)
{
	return db_exec(db, CH_UPDATE, NULL, "ssi", name, description,
	    (long long)id);
}

enum db_rc
db_channel_set_archived(struct db *db, int64_t id, int archived,
    int *changed)
{
	long long	 n = 0;
	enum db_rc	 rc;

	rc = db_exec(db, CH_ARCHIVE, &n, "iiiii", (long long)archived,
	    (long long)id, (long long)archived, (long long)archived,
	    (long long)id);
	*changed = n > 0;
	return rc;
}

/* Members or candidates of a result; allocates. */
static void
member_rows(struct arena *a, struct dbres *res, struct channel_member **list,
    size_t *n)
{
	struct channel_member	*m;

	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	*n = 0;
	while (db_next(res)) {
		m = &(*list)[(*n)++];
		m->user_id = db_int(res, 0);
		m->name = db_dup(a, res, 1);
		m->email = db_dup(a, res, 2);
		m->is_admin = (int)db_int(res, 3);
		m->disabled = (int)db_int(res, 4);
		m->member = (int)db_int(res, 5);
		m->added_at = db_dup(a, res, 6);
	}
}

enum db_rc
db_channel_members(struct db *db, struct arena *a, int64_t id,
    const char *after_name, int64_t after_id, struct channel_member **list,
    size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if (after_name == NULL)
		after_name = "";
	if ((rc = db_query(db, a, CH_MEMBERS, &res, "iissi", (long long)id,
	    (long long)after_id, after_name, after_name,
	    (long long)after_id)) != DB_OK)
		return rc;
	member_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_channel_candidates(struct db *db, struct arena *a, int64_t id,
    const char *q, size_t limit, struct channel_member **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	char		*pat;

	*list = NULL;
	*n = 0;
	pat = db_like_contains(a, q);
	if ((rc = db_query(db, a, CH_CANDIDATES, &res, "issi", (long long)id,
	    pat, pat, (long long)limit)) != DB_OK)
		return rc;
	member_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_channel_add_member(struct db *db, int64_t id, int64_t user, int admin,
    int *added)
{
	long long	 n = 0;
	enum db_rc	 rc;

	rc = db_exec(db, CH_ADD, &n, "iii", (long long)id, (long long)admin,
	    (long long)user);
	*added = n > 0;
	return rc;
}

enum db_rc
db_channel_remove_member(struct db *db, int64_t id, int64_t user,
    int *removed)
{
	long long	 n = 0;
	enum db_rc	 rc;

	rc = db_exec(db, CH_REMOVE, &n, "ii", (long long)id, (long long)user);
	*removed = n > 0;
	return rc;
}

enum db_rc
db_channel_set_admin(struct db *db, int64_t id, int64_t user, int admin,
    int *changed)
{
	long long	 n = 0;
	enum db_rc	 rc;

	rc = db_exec(db, CH_SET_ADMIN, &n, "iii", (long long)admin,
	    (long long)id, (long long)user);
	*changed = n > 0;
	return rc;
}

/* ------------------------------------------------------------------ */
/* Sessions                                                            */

/*
 * Insert an active session and its "started" event; no transaction.
 * The locks for the next joins start as the form left the camera and
 * the microphone, so moderators see them locked and may unlock them.
 */
static enum db_rc
insert_session(struct db *db, int64_t channel_id, int64_t live_id,
    int64_t user_id, const char *provider, const char *meeting_id,
    const struct classroom_input *in, const char *key, int64_t *sid)
{
	enum db_rc	 rc;

	if ((rc = db_exec(db, CR_INSERT, NULL, "iissssiiiiiiiisi",
	    (long long)channel_id, (long long)live_id, provider, meeting_id,
	    in->name, in->description, (long long)in->record,
	    (long long)in->allow_camera, (long long)in->allow_mic,
	    (long long)in->mute_on_join, (long long)in->notify_system,
	    (long long)in->notify_email, (long long)!in->allow_camera,
	    (long long)!in->allow_mic, key, (long long)user_id)) != DB_OK)
		return rc;
	*sid = db_last_id(db);
	return event(db, *sid, "started", user_id, 0, NULL);
}

enum db_rc
db_classroom_start(struct db *db, int64_t channel_id, int64_t user_id,
    const char *provider, const char *meeting_id,
    const struct classroom_input *in, const struct classroom_notice *nt,
    int64_t *sid)
{
	char		 key[24];
	enum db_rc	 rc;

	*sid = 0;
	snprintf(key, sizeof(key), "c%lld", (long long)channel_id);
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = insert_session(db, channel_id, 0, user_id, provider,
	    meeting_id, in, key, sid)) != DB_OK)
		goto fail;
	if (nt != NULL && (in->notify_system || in->notify_email) &&
	    (rc = notify_channel(db, channel_id, user_id, in->notify_system,
	    in->notify_email, "classroom.started", nt->subject, nt->body,
	    nt->link)) != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	*sid = 0;
	return rc;
}

/* The session holding active key key: *sid 0 when none. */
static enum db_rc
by_key(struct db *db, const char *key, int64_t *sid)
{
	struct arena	*a = arena_new();
	struct dbres	*res;
	enum db_rc	 rc;

	*sid = 0;
	if ((rc = db_query(db, a, CR_BY_KEY, &res, "s", key)) == DB_OK &&
	    db_next(res))
		*sid = db_int(res, 0);
	arena_free(a);
	return rc;
}

enum db_rc
db_classroom_lesson_active(struct db *db, int64_t live_id, int64_t *sid)
{
	char	 key[24];

	snprintf(key, sizeof(key), "l%lld", (long long)live_id);
	return by_key(db, key, sid);
}

enum db_rc
db_classroom_open_lesson(struct db *db, int64_t live_id, int64_t user_id,
    const char *provider, const char *meeting_id, const char *name,
    int64_t *sid)
{
	struct classroom_input	 in;
	char			 key[24];
	enum db_rc		 rc;

	snprintf(key, sizeof(key), "l%lld", (long long)live_id);
	if ((rc = by_key(db, key, sid)) != DB_OK || *sid != 0)
		return rc;
	/* A lesson's room: cameras and microphones open, nothing recorded. */
	memset(&in, 0, sizeof(in));
	in.name = name;
	in.allow_camera = 1;
	in.allow_mic = 1;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	rc = insert_session(db, 0, live_id, user_id, provider, meeting_id,
	    &in, key, sid);
	if (rc == DB_OK)
		return db_commit(db);
	db_rollback(db);
	*sid = 0;
	/* Someone opened it meanwhile: use theirs. */
	if (rc == DB_DUPLICATE)
		return by_key(db, key, sid);
	return rc;
}

enum db_rc
db_classroom_set_created(struct db *db, int64_t sid, long long create_time)
{
	return db_exec(db, CR_SET_CREATED, NULL, "ii", create_time,
	    (long long)sid);
}

enum db_rc
db_classroom_joined(struct db *db, int64_t sid, int64_t user_id,
    int moderator)
{
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, CR_JOIN, NULL, "iis", (long long)sid,
	    (long long)user_id, moderator ? "moderator" : "viewer")) != DB_OK ||
	    (rc = event(db, sid, "joined", user_id, user_id,
	    moderator ? "moderator" : "viewer")) != DB_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

enum db_rc
db_classroom_end(struct db *db, int64_t sid, int64_t user_id,
    const char *reason, const char *detail, int *ended)
{
	long long	 n = 0;
	enum db_rc	 rc;

	*ended = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, CR_END, &n, "isi", (long long)user_id, reason,
	    (long long)sid)) != DB_OK)
		goto fail;
	if (n == 0) {
		db_rollback(db);
		return DB_OK;
	}
	if ((rc = event(db, sid, "ended", user_id, 0, detail != NULL ?
	    detail : reason)) != DB_OK)
		goto fail;
	if ((rc = db_commit(db)) != DB_OK)
		return rc;
	*ended = 1;
	return DB_OK;
fail:
	db_rollback(db);
	return rc;
}

enum db_rc
db_classroom_end_pending(struct db *db, int64_t sid)
{
	return db_exec(db, CR_END_PENDING, NULL, "i", (long long)sid);
}

enum db_rc
db_classroom_backdate(struct db *db, int64_t sid, long long back,
    long long seconds)
{
	long long	 n = 0;
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, CR_BACK_SESSION, &n, "iii", back, seconds,
	    (long long)sid)) != DB_OK || n == 0 ||
	    (rc = db_exec(db, CR_BACK_EVENTS, NULL, "ii", back,
	    (long long)sid)) != DB_OK ||
	    (rc = db_exec(db, CR_BACK_CHAT, NULL, "ii", back,
	    (long long)sid)) != DB_OK ||
	    (rc = db_exec(db, CR_BACK_POLLS, NULL, "iii", back, back,
	    (long long)sid)) != DB_OK ||
	    (rc = db_exec(db, CR_BACK_VOTES, NULL, "ii", back,
	    (long long)sid)) != DB_OK ||
	    (rc = db_exec(db, CR_BACK_PEOPLE, NULL, "iiii", back, back, back,
	    (long long)sid)) != DB_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

/* The past sessions of a result (PAST_COLS); allocates. */
static void
past_rows(struct arena *a, struct dbres *res, struct classroom_past **list,
    size_t *n)
{
	struct classroom_past	*p;
	const char		*names, *e, *sp;
	char			*id_end;

	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	*n = 0;
	while (db_next(res)) {
		p = &(*list)[(*n)++];
		p->id = db_int(res, 0);
		p->name = db_dup(a, res, 1);
		p->started_at = db_dup(a, res, 2);
		p->ended_at = db_dup(a, res, 3);
		p->seconds = db_int(res, 4);
		p->participants = db_int(res, 5);
		p->faces = arena_alloc(a, (HISTORY_FACES + 1) *
		    sizeof(*p->faces));
		p->face_ids = arena_alloc(a, (HISTORY_FACES + 1) *
		    sizeof(*p->face_ids));
		p->face_avatars = arena_alloc(a, (HISTORY_FACES + 1) *
		    sizeof(*p->face_avatars));
		names = db_textn(res, 6);
		while (names != NULL && *names != '\0' &&
		    p->nfaces < HISTORY_FACES) {
			e = strchr(names, '\x1f');
			if (e == NULL)
				e = names + strlen(names);
			/* "<id> <picture> <name>" */
			p->face_ids[p->nfaces] = strtoll(names, &id_end, 10);
			if (*id_end == ' ' && id_end < e)
				names = id_end + 1;
			if ((sp = memchr(names, ' ', (size_t)(e - names))) !=
			    NULL) {
				if (!(sp - names == 1 && *names == '-'))
					p->face_avatars[p->nfaces] =
					    arena_strndup(a, names,
					    (size_t)(sp - names));
				names = sp + 1;
			}
			p->faces[p->nfaces++] = arena_strndup(a, names,
			    (size_t)(e - names));
			names = *e != '\0' ? e + 1 : e;
		}
	}
}

enum db_rc
db_classroom_history(struct db *db, struct arena *a, int64_t channel_id,
    const char *after_started, int64_t after_id, struct classroom_past **list,
    size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if (after_started == NULL || after_id == 0) {
		after_started = "1970-01-01 00:00:00";
		after_id = 0;
	}
	if ((rc = db_query(db, a, CR_HISTORY, &res, "iissi",
	    (long long)channel_id, (long long)after_id, after_started,
	    after_started, (long long)after_id)) != DB_OK)
		return rc;
	past_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_classroom_engagement(struct db *db, struct arena *a, int64_t channel_id,
    struct classroom_point **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	if ((rc = db_query(db, a, CR_ENGAGEMENT, &res, "i",
	    (long long)channel_id)) != DB_OK)
		return rc;
	*n = res->nrows;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		(*list)[i].id = db_int(res, 0);
		(*list)[i].started_at = db_dup(a, res, 1);
		(*list)[i].participants = db_int(res, 2);
		(*list)[i].minutes = db_int(res, 3);
	}
	return DB_OK;
}

enum db_rc
db_classroom_lesson_history(struct db *db, struct arena *a, int64_t live_id,
    struct classroom_past **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CR_LESSON_HISTORY, &res, "i",
	    (long long)live_id)) != DB_OK)
		return rc;
	past_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_classroom_info(struct db *db, struct arena *a, int64_t sid,
    struct classroom_info *info)
{
	struct dbres	*res;
	enum db_rc	 rc;

	memset(info, 0, sizeof(*info));
	if ((rc = db_query(db, a, CR_INFO, &res, "i", (long long)sid)) !=
	    DB_OK)
		return rc;
	if (db_next(res)) {
		info->started_by = db_dup(a, res, 0);
		info->ended_by = db_dup(a, res, 1);
		info->end_reason = db_dup(a, res, 2);
		info->seconds = db_int(res, 3);
	}
	return DB_OK;
}

enum db_rc
db_classroom_people(struct db *db, struct arena *a, int64_t sid,
    struct classroom_person **list, size_t *n)
{
	struct dbres		*res;
	struct classroom_person	*p;
	enum db_rc		 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CR_PEOPLE, &res, "i", (long long)sid)) !=
	    DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		p = &(*list)[(*n)++];
		p->user_id = db_int(res, 0);
		p->name = db_dup(a, res, 1);
		p->joined_as = db_dup(a, res, 2);
		p->joins = db_int(res, 3);
		p->first_join_at = db_dup(a, res, 4);
		p->last_join_at = db_dup(a, res, 5);
		p->last_leave_at = db_dup(a, res, 6);
		p->minutes = db_int(res, 7);
		p->chats = db_int(res, 8);
		p->talks = db_int(res, 9);
		p->talk_seconds = db_int(res, 10);
		p->raise_hands = db_int(res, 11);
		p->poll_votes = db_int(res, 12);
		p->emojis = db_int(res, 13);
		p->promoted = (int)db_int(res, 14);
		p->removed = (int)db_int(res, 15);
		p->avatar = db_dup(a, res, 16);
	}
	return DB_OK;
}

enum db_rc
db_classroom_events(struct db *db, struct arena *a, int64_t sid,
    struct classroom_event **list, size_t *n)
{
	struct dbres		*res;
	struct classroom_event	*e;
	enum db_rc		 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CR_EVENTS, &res, "i", (long long)sid)) !=
	    DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		e = &(*list)[(*n)++];
		e->kind = db_dup(a, res, 0);
		e->actor = db_dup(a, res, 1);
		e->subject = db_dup(a, res, 2);
		e->detail = db_dup(a, res, 3);
		e->at = db_dup(a, res, 4);
	}
	return DB_OK;
}

enum db_rc
db_classroom_chat(struct db *db, struct arena *a, int64_t sid,
    int64_t after_id, int limit, struct classroom_chatline **list, size_t *n)
{
	struct dbres			*res;
	struct classroom_chatline	*c;
	enum db_rc			 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CR_CHAT, &res, "iii", (long long)sid,
	    (long long)after_id, (long long)limit)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		c = &(*list)[(*n)++];
		c->id = db_int(res, 0);
		c->name = db_dup(a, res, 1);
		c->body = db_dup(a, res, 2);
		c->posted_at = db_dup(a, res, 3);
	}
	return DB_OK;
}

enum db_rc
db_classroom_polls(struct db *db, struct arena *a, int64_t sid,
    struct classroom_poll **list, size_t *n)
{
	struct dbres		*res;
	struct classroom_poll	*p = NULL;
	enum db_rc		 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CR_POLLS, &res, "i", (long long)sid)) !=
	    DB_OK)
		return rc;
	/* One row per option, polls in order: a new id starts a poll. */
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		if (p == NULL || p->id != db_int(res, 0)) {
			p = &(*list)[(*n)++];
			p->id = db_int(res, 0);
			p->question = db_dup(a, res, 1);
			p->created_at = db_dup(a, res, 2);
			p->closed_at = db_dup(a, res, 3);
			p->provider = (int)db_int(res, 6);
			p->published = (int)db_int(res, 7);
			p->options = arena_alloc(a, (res->nrows + 1) *
			    sizeof(*p->options));
		}
		if (db_textn(res, 4) == NULL)
			continue;
		p->options[p->noptions].label = db_dup(a, res, 4);
		p->options[p->noptions].votes = db_int(res, 5);
		p->noptions++;
	}
	return DB_OK;
}

enum db_rc
db_classroom_recordings(struct db *db, struct arena *a, int64_t sid,
    struct classroom_rec **list, size_t *n)
{
	struct dbres		*res;
	struct classroom_rec	*r;
	enum db_rc		 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CR_RECORDINGS, &res, "i", (long long)sid)) !=
	    DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		r = &(*list)[(*n)++];
		r->record_id = db_dup(a, res, 0);
		r->state = db_dup(a, res, 1);
		r->playback_url = db_dup(a, res, 2);
		r->start_time = db_int(res, 3);
		r->end_time = db_int(res, 4);
		r->id = db_int(res, 5);
	}
	return DB_OK;
}

/* ------------------------------------------------------------------ */
/* The room                                                            */

/* The messages of a chat result (CHAT_COLS), in result order. */
static void
chat_rows(struct arena *a, struct dbres *res, struct room_msg **list,
    size_t *n)
{
	struct room_msg	*m;

	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	*n = 0;
	while (db_next(res)) {
		m = &(*list)[(*n)++];
		m->id = db_int(res, 0);
		m->user_id = db_int(res, 1);
		m->user_name = db_dup(a, res, 2);
		m->body = db_dup(a, res, 3);
		m->posted_at = db_dup(a, res, 4);
	}
}

enum db_rc
db_room_chat_latest(struct db *db, struct arena *a, int64_t sid,
    struct room_msg **list, size_t *n, int *more)
{
	struct dbres	*res;
	struct room_msg	 t;
	size_t		 i;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	*more = 0;
	if ((rc = db_query(db, a, RM_CHAT_LATEST, &res, "i",
	    (long long)sid)) != DB_OK)
		return rc;
	chat_rows(a, res, list, n);
	if (*n > ROOM_CHAT_SHOWN) {
		*more = 1;
		*n = ROOM_CHAT_SHOWN;
	}
	/* Newest first from the database; the page reads oldest first. */
	for (i = 0; i < *n / 2; i++) {
		t = (*list)[i];
		(*list)[i] = (*list)[*n - 1 - i];
		(*list)[*n - 1 - i] = t;
	}
	return DB_OK;
}

enum db_rc
db_room_chat_after(struct db *db, struct arena *a, int64_t sid,
    int64_t after, struct room_msg **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, RM_CHAT_AFTER, &res, "ii", (long long)sid,
	    (long long)after)) != DB_OK)
		return rc;
	chat_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_room_chat_add(struct db *db, int64_t sid, int64_t uid, const char *body,
    int64_t *id)
{
	enum db_rc	 rc;

	*id = 0;
	if ((rc = db_exec(db, RM_CHAT_ADD, NULL, "iis", (long long)sid,
	    (long long)uid, body)) != DB_OK)
		return rc;
	*id = db_last_id(db);
	return DB_OK;
}

/* A detail text cut to the column's 500 characters, in a. */
static const char *
detail(struct arena *a, const char *what, const char *text)
{
	char	*s = arena_printf(a, "%s: %s", what, text);
	size_t	 i, chars = 0;

	/* Cut at a character boundary. */
	for (i = 0; s[i] != '\0'; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && ++chars > 500) {
			s[i] = '\0';
			break;
		}
	return s;
}

enum db_rc
db_room_polls(struct db *db, struct arena *a, int64_t sid, int64_t uid,
    struct room_poll **list, size_t *n)
{
	struct dbres	*res;
	struct room_poll *p = NULL;
	struct room_option *o;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, RM_POLLS, &res, "ii", (long long)sid,
	    (long long)uid)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (ROOM_POLLS_SHOWN + 1) * sizeof(**list));
	while (db_next(res)) {
		if (p == NULL || p->id != db_int(res, 0)) {
			if (*n == ROOM_POLLS_SHOWN)
				break;
			p = &(*list)[(*n)++];
			p->id = db_int(res, 0);
			p->question = db_dup(a, res, 1);
			p->closed = (int)db_int(res, 2);
			p->my_vote = (int)db_int(res, 6);
		}
		if (p->nopts == ROOM_POLL_OPTIONS)
			continue;
		o = &p->opts[p->nopts++];
		o->idx = (int)db_int(res, 3);
		o->label = db_dup(a, res, 4);
		o->votes = db_int(res, 5);
		p->total += o->votes;
	}
	return DB_OK;
}

enum db_rc
db_room_poll_create(struct db *db, int64_t sid, int64_t uid,
    const char *question, const char *const *opts, size_t n, int64_t *pid)
{
	struct arena	*a;
	size_t		 i;
	enum db_rc	 rc;

	*pid = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, RM_POLL_ADD, NULL, "isi", (long long)sid,
	    question, (long long)uid)) != DB_OK)
		goto fail;
	*pid = db_last_id(db);
	for (i = 0; i < n; i++)
		if ((rc = db_exec(db, RM_OPTION_ADD, NULL, "iis",
		    (long long)*pid, (long long)(i + 1), opts[i])) != DB_OK)
			goto fail;
	a = arena_new();
	rc = event(db, sid, "poll", uid, 0, detail(a, "created", question));
	arena_free(a);
	if (rc != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	*pid = 0;
	db_rollback(db);
	return rc;
}

enum db_rc
db_room_poll_vote(struct db *db, int64_t sid, int64_t pid, int64_t uid,
    int idx, int *res)
{
	struct arena	*a;
	struct dbres	*r;
	long long	 changed = 0;
	enum db_rc	 rc;

	*res = 2;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	a = arena_new();
	rc = db_query(db, a, RM_POLL_LOCK, &r, "ii", (long long)pid,
	    (long long)sid);
	if (rc != DB_OK || !db_next(r))
		goto out;
	if (db_int(r, 0)) {
		*res = 3;
		goto out;
	}
	if ((rc = db_exec(db, RM_VOTE_COUNT, &changed, "ii", (long long)pid,
	    (long long)idx)) != DB_OK)
		goto out;
	if (changed == 0) {
		*res = 4;
		goto out;
	}
	/* The primary key (poll, user) keeps it to one answer each. */
	rc = db_exec(db, RM_VOTE_ADD, NULL, "iii", (long long)pid,
	    (long long)uid, (long long)idx);
	if (rc == DB_DUPLICATE) {
		*res = 1;
		rc = DB_OK;
		goto out;
	}
	if (rc != DB_OK)
		goto out;
	arena_free(a);
	if ((rc = db_commit(db)) == DB_OK)
		*res = 0;
	return rc;
out:
	arena_free(a);
	db_rollback(db);
	return rc;
}

enum db_rc
db_room_poll_close(struct db *db, int64_t sid, int64_t pid, int64_t actor,
    int *res)
{
	struct arena	*a;
	struct dbres	*r;
	enum db_rc	 rc;

	*res = 2;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	a = arena_new();
	rc = db_query(db, a, RM_POLL_LOCK, &r, "ii", (long long)pid,
	    (long long)sid);
	if (rc != DB_OK || !db_next(r))
		goto out;
	if (db_int(r, 0)) {
		*res = 1;
		goto out;
	}
	if ((rc = db_exec(db, RM_POLL_CLOSE, NULL, "i",
	    (long long)pid)) != DB_OK ||
	    (rc = event(db, sid, "poll", actor, 0, detail(a, "closed",
	    db_text(r, 1)))) != DB_OK)
		goto out;
	arena_free(a);
	if ((rc = db_commit(db)) == DB_OK)
		*res = 0;
	return rc;
out:
	arena_free(a);
	db_rollback(db);
	return rc;
}

/* The slides of a result (SLIDE_COLS). */
static void
slide_rows(struct arena *a, struct dbres *res, struct room_slide **list,
    size_t *n)
{
	struct room_slide *s;

	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	*n = 0;
	while (db_next(res)) {
		s = &(*list)[(*n)++];
		s->id = db_int(res, 0);
		s->session_id = db_int(res, 1);
		s->filename = db_dup(a, res, 2);
		s->stored_name = db_dup(a, res, 3);
		s->size = db_int(res, 4);
		s->uploaded_at = db_dup(a, res, 5);
	}
}

enum db_rc
db_room_slides(struct db *db, struct arena *a, int64_t sid,
    struct room_slide **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, RM_SLIDES, &res, "i",
	    (long long)sid)) != DB_OK)
		return rc;
	slide_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_room_slide_get(struct db *db, struct arena *a, int64_t id,
    struct room_slide **out)
{
	struct dbres	*res;
	size_t		 n;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, RM_SLIDE_GET, &res, "i",
	    (long long)id)) != DB_OK)
		return rc;
	slide_rows(a, res, out, &n);
	if (n == 0)
		*out = NULL;
	return DB_OK;
}

enum db_rc
db_room_slide_add(struct db *db, int64_t sid, int64_t uid,
    const char *filename, const char *stored, long long size, int64_t *id)
{
	struct arena	*a;
	enum db_rc	 rc;

	*id = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, RM_SLIDE_ADD, NULL, "issii", (long long)sid,
	    filename, stored, size, (long long)uid)) != DB_OK)
		goto fail;
	*id = db_last_id(db);
	a = arena_new();
	rc = event(db, sid, "slides", uid, 0, detail(a, "uploaded", filename));
	arena_free(a);
	if (rc != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	*id = 0;
	db_rollback(db);
	return rc;
}

enum db_rc
db_room_slide_delete(struct db *db, int64_t sid, int64_t id, int64_t actor,
    const char *filename, int *gone)
{
	struct arena	*a;
	long long	 changed = 0;
	enum db_rc	 rc;

	*gone = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, RM_SLIDE_DEL, &changed, "ii", (long long)id,
	    (long long)sid)) != DB_OK)
		goto fail;
	if (changed == 0) {
		db_rollback(db);
		return DB_OK;
	}
	a = arena_new();
	rc = event(db, sid, "slides", actor, 0, detail(a, "deleted",
	    filename));
	arena_free(a);
	if (rc != DB_OK)
		goto fail;
	if ((rc = db_commit(db)) == DB_OK)
		*gone = 1;
	return rc;
fail:
	db_rollback(db);
	return rc;
}

enum db_rc
db_room_people(struct db *db, struct arena *a, const struct classroom *c,
    const char *after_name, int64_t after_id, struct room_person **list,
    size_t *n)
{
	struct dbres	*res;
	struct room_person *p;
	enum db_rc	 rc;
	int		 keyset = after_name != NULL && after_id > 0;

	*list = NULL;
	*n = 0;
	if (!keyset)
		after_name = "";
	if ((rc = db_query(db, a, RM_PEOPLE, &res, "iiiiiissi",
	    (long long)c->channel_id, (long long)c->live_id,
	    (long long)c->live_id, (long long)c->id, (long long)c->id,
	    (long long)keyset, after_name, after_name,
	    (long long)after_id)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		p = &(*list)[(*n)++];
		p->user_id = db_int(res, 0);
		p->name = db_dup(a, res, 1);
		p->site_admin = (int)db_int(res, 2);
		p->room_admin = (int)db_int(res, 3);
		p->promoted = (int)db_int(res, 4);
		p->removed = (int)db_int(res, 5);
		p->joins = db_int(res, 6);
		p->minutes = db_int(res, 7);
		p->present = (int)db_int(res, 8);
		p->avatar = db_dup(a, res, 9);
	}
	return DB_OK;
}

enum db_rc
db_room_flag(struct db *db, int64_t sid, int64_t target, int64_t actor,
    enum room_flag flag)
{
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, flag == ROOM_PROMOTE ? RM_PROMOTE : RM_REMOVE,
	    NULL, "ii", (long long)sid, (long long)target)) != DB_OK ||
	    (rc = event(db, sid, flag == ROOM_PROMOTE ? "promoted" :
	    "removed", actor, target, NULL)) != DB_OK) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db);
}

enum db_rc
db_room_locks(struct db *db, int64_t sid, int64_t actor, int lock_camera,
    int was_camera, int lock_mic, int was_mic)
{
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, RM_LOCKS, NULL, "iii", (long long)!!lock_camera,
	    (long long)!!lock_mic, (long long)sid)) != DB_OK)
		goto fail;
	if (!lock_camera != !was_camera && (rc = event(db, sid, lock_camera ?
	    "lock_camera" : "unlock_camera", actor, 0, NULL)) != DB_OK)
		goto fail;
	if (!lock_mic != !was_mic && (rc = event(db, sid, lock_mic ?
	    "lock_mic" : "unlock_mic", actor, 0, NULL)) != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return rc;
}

enum db_rc
db_room_presence(struct db *db, int64_t sid, int64_t uid, int join,
    int moderator)
{
	long long	 changed = 0;
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if (join)
		rc = db_exec(db, CR_JOIN, &changed, "iis", (long long)sid,
		    (long long)uid, moderator ? "moderator" : "viewer");
	else
		rc = db_exec(db, RM_LEAVE, &changed, "ii", (long long)sid,
		    (long long)uid);
	if (rc != DB_OK)
		goto fail;
	/* A leave with no visit open changes nothing and logs nothing. */
	if (changed > 0 && (rc = event(db, sid, join ? "joined" : "left",
	    uid, uid, NULL)) != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return rc;
}

/* ------------------------------------------------------------------ */
/* Callbacks, recordings and the worker's sync                         */

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
	if (*out == CB_REC_NEW && (rc = event(db, sid, "recording", 0, 0,
	    record_id)) != DB_OK)
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

/* The participants of a report, inside the caller's transaction. */
static enum db_rc
participant_rows(struct db *db, int64_t sid, const struct cb_participant *p,
    size_t n, size_t *stored)
{
	size_t		 i;
	long long	 k;
	enum db_rc	 rc;

	for (i = 0; i < n; i++) {
		k = 0;
		if ((rc = db_exec(db, CB_PARTICIPANT, &k, "isisssiiiiiiii",
		    (long long)sid, p[i].moderator ? "moderator" : "viewer",
		    p[i].joins, when(p[i].first_join), when(p[i].last_join),
		    when(p[i].last_leave), p[i].minutes, p[i].chats,
		    p[i].talks, p[i].talk_seconds, p[i].raise_hands,
		    p[i].poll_votes, p[i].emojis,
		    (long long)p[i].user_id)) != DB_OK)
			return rc;
		if (k > 0)
			(*stored)++;
	}
	return DB_OK;
}

/*
 * The polls of a report, inside the caller's transaction: each one new
 * to the session with its options and their votes; *stored counts them.
 */
static enum db_rc
poll_rows(struct db *db, int64_t sid, const struct cb_poll *p, size_t n,
    size_t *stored)
{
	size_t		 i, j;
	long long	 k;
	int64_t		 pid;
	enum db_rc	 rc;

	for (i = 0; i < n; i++) {
		k = 0;
		if ((rc = db_exec(db, CB_POLL_ADD, &k, "isisss",
		    (long long)sid, p[i].id, (long long)p[i].published,
		    p[i].question, p[i].started, p[i].closed)) != DB_OK)
			return rc;
		if (k != 1)
			continue;	/* stored by an earlier report */
		pid = db_last_id(db);
		for (j = 0; j < p[i].noptions; j++)
			if ((rc = db_exec(db, CB_OPTION_ADD, NULL, "iisi",
			    (long long)pid, (long long)(j + 1),
			    p[i].options[j].label,
			    p[i].options[j].votes)) != DB_OK)
				return rc;
		(*stored)++;
	}
	return DB_OK;
}

enum db_rc
db_callback_participants(struct db *db, int64_t sid,
    const struct cb_participant *p, size_t n, size_t *stored)
{
	size_t		 polls;

	return db_callback_report(db, sid, p, n, NULL, 0, stored, &polls);
}

enum db_rc
db_callback_report(struct db *db, int64_t sid,
    const struct cb_participant *p, size_t n, const struct cb_poll *polls,
    size_t npolls, size_t *stored, size_t *stored_polls)
{
	enum db_rc	 rc;

	*stored = *stored_polls = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = participant_rows(db, sid, p, n, stored)) != DB_OK ||
	    (rc = poll_rows(db, sid, polls, npolls, stored_polls)) != DB_OK) {
		db_rollback(db);
		*stored = *stored_polls = 0;
		return rc;
	}
	return db_commit(db);
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
db_sync_recordings_recheck(struct db *db, int64_t sid)
{
	return db_exec(db, CB_SYNC_RECHECK, NULL, "i", (long long)sid);
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
db_sync_ends_due(struct db *db, struct arena *a, int limit,
    struct classroom_due **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CB_ENDS_DUE, &res, "i",
	    (long long)limit)) != DB_OK)
		return rc;
	return due_list(a, res, list, n);
}

enum db_rc
db_sync_end_tried(struct db *db, int64_t sid, int confirmed)
{
	return db_exec(db, confirmed ? CB_END_DONE : CB_END_TRIED, NULL, "i",
	    (long long)sid);
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
	if (n == 1 && (rc = event(db, sid, "recording", 0, 0,
	    record_id)) != DB_OK)
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

/* ------------------------------------------------------------------ */
/* Transcripts and attendance                                          */

_Static_assert(TRANSCRIPTS_MAX == 50, "TR_LIST fetches 50 transcripts");

enum db_rc
db_transcript_add(struct db *db, int64_t sid, int64_t uid,
    const char *filename, const struct vtt_cue *cues, size_t n, int64_t *id)
{
	struct arena	*a;
	enum db_rc	 rc;
	size_t		 i;

	*id = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, TR_INSERT, NULL, "isiii", (long long)sid,
	    filename, (long long)n, n > 0 ? cues[n - 1].end_ms : 0LL,
	    (long long)uid)) != DB_OK)
		goto fail;
	*id = db_last_id(db);
	for (i = 0; i < n; i++)
		if ((rc = db_exec(db, TR_CUE_ADD, NULL, "iiiiss",
		    (long long)*id, (long long)i, cues[i].start_ms,
		    cues[i].end_ms, cues[i].speaker, cues[i].text)) != DB_OK)
			goto fail;
	a = arena_new();
	rc = event(db, sid, "transcript", uid, 0, detail(a, uid != 0 ?
	    "uploaded" : "fetched", filename));
	arena_free(a);
	if (rc != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	*id = 0;
	db_rollback(db);
	return rc;
}

enum db_rc
db_tracks_due(struct db *db, struct arena *a, int limit,
    struct classroom_due **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, TR_TRACKS_DUE, &res, "i",
	    (long long)limit)) != DB_OK)
		return rc;
	return due_list(a, res, list, n);
}

enum db_rc
db_tracks_fetched(struct db *db, const char *record_id)
{
	return db_exec(db, TR_TRACKS_DONE, NULL, "s", record_id);
}

/* The rows of TR_LIST or TR_GET into t. */
static void
transcript_row(struct arena *a, const struct dbres *res,
    struct classroom_transcript *t)
{
	char	*all, *p;

	t->id = db_int(res, 0);
	t->filename = db_dup(a, res, 1);
	t->cues = db_int(res, 2);
	t->duration_ms = db_int(res, 3);
	t->created_at = db_dup(a, res, 4);
	all = db_dup(a, res, 5);
	if (all == NULL)
		return;
	t->speakers = arena_alloc(a, (TRANSCRIPT_SPEAKERS + 1) *
	    sizeof(*t->speakers));
	while (all != NULL && t->nspeakers < TRANSCRIPT_SPEAKERS) {
		if ((p = strchr(all, '\x1f')) != NULL)
			*p++ = '\0';
		t->speakers[t->nspeakers++] = all;
		all = p;
	}
	t->more_speakers = all != NULL;
}

enum db_rc
db_transcripts(struct db *db, struct arena *a, int64_t sid,
    struct classroom_transcript **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, TR_LIST, &res, "i", (long long)sid)) !=
	    DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res))
		transcript_row(a, res, &(*list)[(*n)++]);
	return DB_OK;
}

enum db_rc
db_transcript_get(struct db *db, struct arena *a, int64_t id,
    struct classroom_transcript **out)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, TR_GET, &res, "i", (long long)id)) != DB_OK)
		return rc;
	if (!db_next(res))
		return DB_OK;
	*out = arena_alloc(a, sizeof(**out));
	transcript_row(a, res, *out);
	(*out)->session_id = db_int(res, 6);
	return DB_OK;
}

enum db_rc
db_transcript_cues(struct db *db, struct arena *a, int64_t tid,
    long long from, int limit, struct classroom_cue **list, size_t *n)
{
	struct dbres		*res;
	struct classroom_cue	*c;
	enum db_rc		 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, TR_CUES, &res, "iii", (long long)tid, from,
	    (long long)limit)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		c = &(*list)[(*n)++];
		c->idx = db_int(res, 0);
		c->start_ms = db_int(res, 1);
		c->end_ms = db_int(res, 2);
		c->speaker = db_dup(a, res, 3);
		c->text = db_dup(a, res, 4);
	}
	return DB_OK;
}

enum db_rc
db_classroom_attendance(struct db *db, struct arena *a, int64_t sid,
    struct classroom_attendee **list, size_t *n)
{
	struct dbres		*res;
	struct classroom_attendee *p;
	enum db_rc		 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CR_ATTENDANCE, &res, "i", (long long)sid)) !=
	    DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		p = &(*list)[(*n)++];
		p->name = db_dup(a, res, 0);
		p->email = db_dup(a, res, 1);
		p->first_join_at = db_dup(a, res, 2);
		p->last_leave_at = db_dup(a, res, 3);
		p->minutes = db_int(res, 4);
		p->joins = db_int(res, 5);
	}
	return DB_OK;
}
