/*
 * db.c: the notify domain's SQL and its functions: in-app
 * notifications, the email outbox (written by the changes that cause
 * messages, read by the worker), and the calendar feed tokens.
 *
 * Every notify_* function writes into the caller's open transaction, so
 * a change and the messages it causes commit or roll back together.
 * Who hears what, and the words, belong to the domain with the news.
 */
#include <stddef.h>
#include <stdio.h>

#include "core/db.h"
#include "notify/mailmsg.h"
#include "notify/notice.h"
#include "notify/notify.h"
#include "lib/util.h"

enum {
	NT_INAPP = DB_BASE(NOTIFY_SLOT),
	NT_EMAIL,
	NT_CHANNEL_INAPP,
	NT_CHANNEL_EMAIL,
	NT_EMAIL_HELD,
	NT_UNQUEUE,
	NT_LIST,
	NT_GET,
	NT_READ,
	NT_READ_ALL,
	NT_CAL_GET,
	NT_CAL_SET,
	NT_CAL_DELETE,
	NT_CAL_OWNER,
	NT_CAL_EVENTS,
	NT_OUT_RELEASE,
	NT_OUT_DUE,
	NT_OUT_CLAIM,
	NT_OUT_LOAD,
	NT_OUT_SENT,
	NT_OUT_RETRY,
	NT_OUT_DROP,
	NT_OUT_REQUEUE,
	NT_OUT_PURGE,
	NT_OUT_PROBLEMS,
	NT__END
};

#define S(id)	((id) - NT_INAPP)

/* The live lessons of a calendar feed. */
#define CAL_FROM \
	"FROM live_sessions s JOIN courses c ON c.id = s.course_id " \
	"LEFT JOIN course_lessons l ON l.id = s.lesson_id " \
	"JOIN users t ON t.id = s.teacher_id "
#define CAL_COLS \
	"s.id AS id, s.title AS title, c.title AS course, l.title AS lesson, " \
	"t.name AS teacher, s.starts_at AS starts_at, s.ends_at AS ends_at, " \
	"s.status AS status, s.notes AS notes, s.cancel_reason AS reason, " \
	"s.created_at AS created_at, s.updated_at AS updated_at, " \
	"TIMESTAMPDIFF(SECOND, s.created_at, s.updated_at) AS seq"

_Static_assert(INAPP_PAGE + 1 == 31, "NT_LIST fetches a page and one");
_Static_assert(CAL_MAX_EVENTS == 2000, "NT_CAL_EVENTS limit");

static const char *const sql[] = {
	[S(NT_INAPP)] =
	"INSERT INTO notifications (user_id, kind, subject, body, link, "
	"created_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	[S(NT_EMAIL)] =
	"INSERT IGNORE INTO outbox (user_id, to_address, to_name, kind, "
	"subject, body, dedupe_key, next_attempt_at, created_at) "
	"SELECT id, email, name, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP() "
	"FROM users WHERE id = ? AND disabled = 0",
	[S(NT_CHANNEL_INAPP)] =
	"INSERT INTO notifications (user_id, kind, subject, body, link, "
	"created_at) SELECT m.user_id, ?, ?, ?, ?, UTC_TIMESTAMP() "
	"FROM channel_members m JOIN users u ON u.id = m.user_id "
	"WHERE m.channel_id = ? AND m.user_id <> ? AND u.disabled = 0",
	[S(NT_CHANNEL_EMAIL)] =
	"INSERT INTO outbox (user_id, to_address, to_name, kind, subject, "
	"body, next_attempt_at, created_at) SELECT u.id, u.email, u.name, "
	"?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP() "
	"FROM channel_members m JOIN users u ON u.id = m.user_id "
	"WHERE m.channel_id = ? AND m.user_id <> ? AND u.disabled = 0",
	/*
	 * Held mail exists once per dedupe key; written again it replaces
	 * its text while it has not gone out.
	 */
	[S(NT_EMAIL_HELD)] =
	"INSERT INTO outbox (user_id, to_address, to_name, kind, subject, "
	"body, dedupe_key, next_attempt_at, created_at) SELECT id, email, "
	"name, ?, ?, ?, ?, UTC_TIMESTAMP() + INTERVAL ? MINUTE, "
	"UTC_TIMESTAMP() FROM users WHERE id = ? AND disabled = 0 "
	"ON DUPLICATE KEY UPDATE "
	"subject = IF(status = 'pending', VALUES(subject), subject), "
	"body = IF(status = 'pending', VALUES(body), body), "
	"next_attempt_at = IF(status = 'pending' AND attempts = 0, "
	"VALUES(next_attempt_at), next_attempt_at)",
	[S(NT_UNQUEUE)] =
	"DELETE FROM outbox WHERE dedupe_key LIKE ? AND status = 'pending'",
	[S(NT_LIST)] =
	"SELECT id, kind, subject, body, link, created_at, read_at IS NULL "
	"FROM notifications WHERE user_id = ? AND (? = 0 OR id < ?) "
	"ORDER BY id DESC LIMIT 31",
	[S(NT_GET)] =
	"SELECT id, kind, subject, body, link, created_at, read_at IS NULL "
	"FROM notifications WHERE id = ? AND user_id = ?",
	[S(NT_READ)] =
	"UPDATE notifications SET read_at = UTC_TIMESTAMP() WHERE id = ? "
	"AND user_id = ? AND read_at IS NULL",
	[S(NT_READ_ALL)] =
	"UPDATE notifications SET read_at = UTC_TIMESTAMP() WHERE "
	"user_id = ? AND read_at IS NULL",
	[S(NT_CAL_GET)] =
	"SELECT created_at FROM calendar_tokens WHERE user_id = ?",
	[S(NT_CAL_SET)] =
	"INSERT INTO calendar_tokens (user_id, token_hash, created_at) "
	"VALUES (?, UNHEX(?), UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE "
	"token_hash = VALUES(token_hash), created_at = VALUES(created_at)",
	[S(NT_CAL_DELETE)] =
	"DELETE FROM calendar_tokens WHERE user_id = ?",
	[S(NT_CAL_OWNER)] =
	"SELECT u.id, u.name FROM calendar_tokens k JOIN users u ON "
	"u.id = k.user_id WHERE k.token_hash = UNHEX(?) AND u.disabled = 0",
	[S(NT_CAL_EVENTS)] =
	"(SELECT " CAL_COLS " " CAL_FROM "WHERE s.teacher_id = ? AND "
	"s.starts_at >= ? AND s.starts_at < ?) UNION "
	"(SELECT " CAL_COLS " " CAL_FROM "JOIN live_participants p ON "
	"p.session_id = s.id WHERE p.learner_id = ? AND s.starts_at >= ? "
	"AND s.starts_at < ?) ORDER BY starts_at, id LIMIT 2000",
	[S(NT_OUT_RELEASE)] =
	"UPDATE outbox SET status = IF(attempts >= ?, 'failed', 'pending'), "
	"last_error = 'The worker stopped during delivery (claim expired).', "
	"claimed_by = NULL, claimed_at = NULL, next_attempt_at = "
	"UTC_TIMESTAMP() WHERE status = 'sending' AND claimed_at < "
	"UTC_TIMESTAMP() - INTERVAL ? SECOND",
	[S(NT_OUT_DUE)] =
	"SELECT id FROM outbox WHERE status = 'pending' AND "
	"next_attempt_at <= UTC_TIMESTAMP() ORDER BY next_attempt_at, id "
	"LIMIT ?",
	/* The claim: only one worker's UPDATE can match the pending row. */
	[S(NT_OUT_CLAIM)] =
	"UPDATE outbox SET status = 'sending', claimed_by = ?, claimed_at = "
	"UTC_TIMESTAMP(), attempts = attempts + 1 WHERE id = ? AND "
	"status = 'pending' AND next_attempt_at <= UTC_TIMESTAMP()",
	[S(NT_OUT_LOAD)] =
	"SELECT id, to_address, to_name, kind, subject, body, dedupe_key, "
	"attempts FROM outbox WHERE id = ? AND claimed_by = ? AND "
	"status = 'sending'",
	[S(NT_OUT_SENT)] =
	"UPDATE outbox SET status = 'sent', sent_at = UTC_TIMESTAMP(), "
	"last_error = NULL WHERE id = ? AND claimed_by = ? AND "
	"status = 'sending'",
	[S(NT_OUT_RETRY)] =
	"UPDATE outbox SET status = IF(? = 1, 'failed', 'pending'), "
	"next_attempt_at = UTC_TIMESTAMP() + INTERVAL ? SECOND, "
	"last_error = ?, claimed_by = NULL, claimed_at = NULL WHERE id = ? "
	"AND claimed_by = ? AND status = 'sending'",
	[S(NT_OUT_DROP)] =
	"DELETE FROM outbox WHERE id = ? AND claimed_by = ? AND "
	"status = 'sending'",
	[S(NT_OUT_REQUEUE)] =
	"UPDATE outbox SET status = 'pending', attempts = 0, "
	"next_attempt_at = UTC_TIMESTAMP(), last_error = NULL WHERE "
	"status = 'failed'",
	/* Sent mail is kept a while for questions, then goes. */
	[S(NT_OUT_PURGE)] =
	"DELETE FROM outbox WHERE status = 'sent' AND sent_at < "
	"UTC_TIMESTAMP() - INTERVAL ? DAY LIMIT 1000",
	/* Given up, and due for a while but not sent (outbox_due serves). */
	[S(NT_OUT_PROBLEMS)] =
	"SELECT COALESCE(SUM(status = 'failed'), 0), COALESCE(SUM(status "
	"<> 'failed' AND next_attempt_at < ?), 0) FROM outbox WHERE "
	"status IN ('pending', 'sending', 'failed')",
};

_Static_assert(sizeof(sql) / sizeof(sql[0]) == S(NT__END),
    "one statement per id");

const struct sqltable sql_notify = { S(NT__END), sql };

enum db_rc
notify_inapp(struct db *db, int64_t user_id, const char *kind,
    const char *subject, const char *body, const char *link)
{
	return db_exec(db, NT_INAPP, NULL, "issss", (long long)user_id, kind,
	    subject, body, link);
}

enum db_rc
notify_email(struct db *db, int64_t user_id, const char *kind,
    const char *subject, const char *body, const char *dedupe, int *queued)
{
	long long	 made = 0;
	enum db_rc	 rc;

	rc = db_exec(db, NT_EMAIL, &made, "ssssi", kind, subject, body,
	    dedupe, (long long)user_id);
	if (queued != NULL)
		*queued = rc == DB_OK && made > 0;
	return rc;
}

enum db_rc
notify_email_held(struct db *db, int64_t user_id, const char *kind,
    const char *subject, const char *body, const char *dedupe, int hold_min)
{
	return db_exec(db, NT_EMAIL_HELD, NULL, "ssssii", kind, subject, body,
	    dedupe, (long long)hold_min, (long long)user_id);
}

enum db_rc
notify_unqueue(struct db *db, const char *prefix)
{
	char	 pattern[128];
	int	 n;

	n = snprintf(pattern, sizeof(pattern), "%s%%", prefix);
	if (n < 0 || (size_t)n >= sizeof(pattern))
		return DB_ERROR;
	return db_exec(db, NT_UNQUEUE, NULL, "s", pattern);
}

enum db_rc
notify_queue(struct db *db, int64_t user_id, const struct notice *n)
{
	enum db_rc	 rc;

	if ((rc = notify_inapp(db, user_id, n->kind, n->subject, n->summary,
	    n->link)) != DB_OK)
		return rc;
	return notify_email(db, user_id, n->kind, n->subject, n->body, NULL,
	    NULL);
}

enum db_rc
notify_channel(struct db *db, int64_t channel_id, int64_t except_user,
    int inapp, int email, const char *kind, const char *subject,
    const char *body, const char *link)
{
	enum db_rc	 rc;

	if (inapp && (rc = db_exec(db, NT_CHANNEL_INAPP, NULL, "ssssii",
	    kind, subject, body, link, (long long)channel_id,
	    (long long)except_user)) != DB_OK)
		return rc;
	if (email && (rc = db_exec(db, NT_CHANNEL_EMAIL, NULL, "sssii",
	    kind, subject, body, (long long)channel_id,
	    (long long)except_user)) != DB_OK)
		return rc;
	return DB_OK;
}

/* ------------------------------------------------------------------ */
/* In-app notifications                                                */

static void
inapp_row(struct arena *a, const struct dbres *res, struct inapp *n)
{
	n->id = db_int(res, 0);
	n->kind = db_dup(a, res, 1);
	n->subject = db_dup(a, res, 2);
	n->body = db_dup(a, res, 3);
	n->link = db_dup(a, res, 4);
	n->created_at = db_dup(a, res, 5);
	n->unread = db_int(res, 6) != 0;
}

enum db_rc
db_inapp_list(struct db *db, struct arena *a, int64_t user,
    int64_t before_id, struct inapp **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*n = 0;
	*list = NULL;
	if ((rc = db_query(db, a, NT_LIST, &res, "iii", (long long)user,
	    (long long)before_id, (long long)before_id)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res))
		inapp_row(a, res, &(*list)[(*n)++]);
	return DB_OK;
}

enum db_rc
db_inapp_get(struct db *db, struct arena *a, int64_t id, int64_t user,
    struct inapp **out)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, NT_GET, &res, "ii", (long long)id,
	    (long long)user)) != DB_OK)
		return rc;
	if (db_next(res)) {
		*out = arena_alloc(a, sizeof(**out));
		inapp_row(a, res, *out);
	}
	return DB_OK;
}

enum db_rc
db_inapp_read(struct db *db, int64_t id, int64_t user)
{
	return db_exec(db, NT_READ, NULL, "ii", (long long)id,
	    (long long)user);
}

enum db_rc
db_inapp_read_all(struct db *db, int64_t user, long long *n)
{
	return db_exec(db, NT_READ_ALL, n, "i", (long long)user);
}

/* ------------------------------------------------------------------ */
/* Calendar feed tokens                                                */

enum db_rc
db_calendar_created(struct db *db, struct arena *a, int64_t user,
    char **created)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*created = NULL;
	if ((rc = db_query(db, a, NT_CAL_GET, &res, "i",
	    (long long)user)) != DB_OK)
		return rc;
	if (db_next(res))
		*created = db_dup(a, res, 0);
	return DB_OK;
}

enum db_rc
db_calendar_set(struct db *db, int64_t user, const char *hash_hex)
{
	return db_exec(db, NT_CAL_SET, NULL, "is", (long long)user, hash_hex);
}

enum db_rc
db_calendar_revoke(struct db *db, int64_t user)
{
	return db_exec(db, NT_CAL_DELETE, NULL, "i", (long long)user);
}

enum db_rc
db_calendar_owner(struct db *db, struct arena *a, const char *hash_hex,
    int64_t *user, char **name)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*user = 0;
	*name = NULL;
	if ((rc = db_query(db, a, NT_CAL_OWNER, &res, "s",
	    hash_hex)) != DB_OK)
		return rc;
	if (db_next(res)) {
		*user = db_int(res, 0);
		*name = db_dup(a, res, 1);
	}
	return DB_OK;
}

enum db_rc
db_calendar_events(struct db *db, struct arena *a, int64_t user,
    const char *from, const char *to, struct cal_event **list, size_t *n)
{
	struct dbres	*res;
	struct cal_event *e;
	enum db_rc	 rc;

	*n = 0;
	*list = NULL;
	if ((rc = db_query(db, a, NT_CAL_EVENTS, &res, "ississ",
	    (long long)user, from, to, (long long)user, from, to)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		e = &(*list)[(*n)++];
		e->id = db_int(res, 0);
		e->title = db_dup(a, res, 1);
		e->course = db_dup(a, res, 2);
		e->lesson = db_dup(a, res, 3);
		e->teacher = db_dup(a, res, 4);
		e->starts_at = db_dup(a, res, 5);
		e->ends_at = db_dup(a, res, 6);
		e->status = db_dup(a, res, 7);
		e->notes = db_dup(a, res, 8);
		e->cancel_reason = db_dup(a, res, 9);
		e->created_at = db_dup(a, res, 10);
		e->updated_at = db_dup(a, res, 11);
		e->sequence = db_int(res, 12);
	}
	return DB_OK;
}

/* ------------------------------------------------------------------ */
/* The outbox                                                          */

enum db_rc
db_outbox_release(struct db *db, int lease, long long *n)
{
	return db_exec(db, NT_OUT_RELEASE, n, "ii",
	    (long long)MAIL_MAX_ATTEMPTS, (long long)lease);
}

enum db_rc
db_outbox_due(struct db *db, struct arena *a, int limit, int64_t **ids,
    size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*n = 0;
	if ((rc = db_query(db, a, NT_OUT_DUE, &res, "i",
	    (long long)limit)) != DB_OK)
		return rc;
	*ids = arena_alloc(a, (res->nrows + 1) * sizeof(**ids));
	while (db_next(res))
		(*ids)[(*n)++] = db_int(res, 0);
	return DB_OK;
}

enum db_rc
db_outbox_claim(struct db *db, struct arena *a, int64_t id,
    const char *worker, struct outbox_msg **msg)
{
	struct dbres	*res;
	struct outbox_msg *m;
	long long	 claimed = 0;
	enum db_rc	 rc;

	*msg = NULL;
	if ((rc = db_exec(db, NT_OUT_CLAIM, &claimed, "si", worker,
	    (long long)id)) != DB_OK || claimed == 0)
		return rc;
	if ((rc = db_query(db, a, NT_OUT_LOAD, &res, "is", (long long)id,
	    worker)) != DB_OK || !db_next(res))
		return rc;
	m = arena_alloc(a, sizeof(*m));
	m->id = db_int(res, 0);
	m->to_address = db_dup(a, res, 1);
	m->to_name = db_dup(a, res, 2);
	m->kind = db_dup(a, res, 3);
	m->subject = db_dup(a, res, 4);
	m->body = db_dup(a, res, 5);
	m->dedupe = db_dup(a, res, 6);
	m->attempts = (int)db_int(res, 7);
	*msg = m;
	return DB_OK;
}

enum db_rc
db_outbox_sent(struct db *db, int64_t id, const char *worker)
{
	return db_exec(db, NT_OUT_SENT, NULL, "is", (long long)id, worker);
}

enum db_rc
db_outbox_retry(struct db *db, int64_t id, const char *worker, int final,
    long delay, const char *error)
{
	return db_exec(db, NT_OUT_RETRY, NULL, "iisis", (long long)(final != 0),
	    (long long)delay, error, (long long)id, worker);
}

enum db_rc
db_outbox_drop(struct db *db, int64_t id, const char *worker)
{
	return db_exec(db, NT_OUT_DROP, NULL, "is", (long long)id, worker);
}

enum db_rc
db_outbox_requeue(struct db *db, long long *n)
{
	return db_exec(db, NT_OUT_REQUEUE, n, "");
}

enum db_rc
db_outbox_purge(struct db *db, int days, long long *n)
{
	return db_exec(db, NT_OUT_PURGE, n, "i", (long long)days);
}

enum db_rc
db_outbox_problems(struct db *db, struct arena *a, const char *due_before,
    long long *failed, long long *late)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*failed = *late = 0;
	if ((rc = db_query(db, a, NT_OUT_PROBLEMS, &res, "s",
	    due_before)) != DB_OK)
		return rc;
	if (db_next(res)) {
		*failed = db_int(res, 0);
		*late = db_int(res, 1);
	}
	return DB_OK;
}
