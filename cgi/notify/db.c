/*
 * db-notify.c: the notify domain's SQL and its functions: in-app
 * notifications, the email outbox (written by the changes that cause
 * messages, read by the worker), who hears of a live session change,
 * the 24-hour reminders, and the calendar feed tokens.
 *
 * Every notify_* function writes into the caller's open transaction, so
 * a change and the messages it causes commit or roll back together.
 * The words themselves come from notice.c, per reader.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lib/clock.h"
#include "core/config.h"
#include "core/db.h"
#include "enrollment/enrollment.h"
#include "enrollment/generate.h"
#include "lib/dates.h"
#include "notify/mailmsg.h"
#include "notify/notice.h"
#include "notify/notify.h"
#include "lib/util.h"

/* A follow-up waits this long after "Mark as Completed" for the notes;
 * saving the attendance with the notes sends it at once. */
#define FOLLOWUP_HOLD_MIN	60
/* Reminders queued per pass at most; the rest come next pass. */
#define REMINDER_BATCH		1000

enum {
	NT_INAPP = DB_BASE(NOTIFY_SLOT),
	NT_EMAIL,
	NT_CHANNEL_INAPP,
	NT_CHANNEL_EMAIL,
	NT_SESSION,
	NT_LEARNERS,
	NT_USER_NAME,
	NT_FOLLOW_PEOPLE,
	NT_FOLLOWUP,
	NT_DROP_REMINDERS,
	NT_RULE,
	NT_REMINDERS_DUE,
	NT_REMINDER_VALID,
	NT_LIST,
	NT_UNREAD,
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
	NT__END
};

#define S(id)	((id) - NT_INAPP)

/* A session with its teacher, for the messages about it. */
#define SESSION_COLS \
	"s.id, s.title, c.title, l.title, s.teacher_id, t.name, " \
	"t.timezone, t.disabled, s.starts_at, s.ends_at, s.notes, " \
	"s.cancel_reason, s.session_notes, (SELECT COUNT(*) FROM " \
	"live_participants x WHERE x.session_id = s.id), s.status, " \
	"s.course_id, s.lesson_id"
#define SESSION_FROM \
	"FROM live_sessions s JOIN courses c ON c.id = s.course_id " \
	"LEFT JOIN course_lessons l ON l.id = s.lesson_id " \
	"JOIN users t ON t.id = s.teacher_id "
/* The reminder of one reader for one start time. */
#define REMINDER_KEY \
	"CONCAT('reminder:', s.id, ':', u.id, ':', " \
	"DATE_FORMAT(s.starts_at, '%Y%m%dT%H%i%sZ'))"
#define REMINDER_COLS \
	"s.id AS sid, s.title AS title, c.title AS course, " \
	"l.title AS lesson, t.name AS teacher, s.starts_at AS starts_at, " \
	"s.ends_at AS ends_at, s.notes AS notes, (SELECT COUNT(*) FROM " \
	"live_participants x WHERE x.session_id = s.id) AS np, u.id AS uid, " \
	"u.name AS uname, u.timezone AS utz"
#define REMINDER_WINDOW \
	"s.status = 'scheduled' AND s.starts_at > UTC_TIMESTAMP() AND " \
	"s.starts_at <= UTC_TIMESTAMP() + INTERVAL 24 HOUR AND u.disabled = 0"
#define CAL_COLS \
	"s.id AS id, s.title AS title, c.title AS course, l.title AS lesson, " \
	"t.name AS teacher, s.starts_at AS starts_at, s.ends_at AS ends_at, " \
	"s.status AS status, s.notes AS notes, s.cancel_reason AS reason, " \
	"s.created_at AS created_at, s.updated_at AS updated_at, " \
	"TIMESTAMPDIFF(SECOND, s.created_at, s.updated_at) AS seq"

_Static_assert(INAPP_PAGE + 1 == 31, "NT_LIST fetches a page and one");
_Static_assert(INAPP_BADGE_MAX + 1 == 100, "NT_UNREAD counts to 100");
_Static_assert(CAL_MAX_EVENTS == 2000, "NT_CAL_EVENTS limit");
_Static_assert(REMINDER_BATCH == 1000, "NT_REMINDERS_DUE limit");

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
	[S(NT_SESSION)] =
	"SELECT " SESSION_COLS " " SESSION_FROM "WHERE s.id = ?",
	[S(NT_LEARNERS)] =
	"SELECT u.id, u.name, u.timezone FROM live_participants p "
	"JOIN users u ON u.id = p.learner_id WHERE p.session_id = ? "
	"AND u.disabled = 0 ORDER BY u.id",
	[S(NT_USER_NAME)] =
	"SELECT name FROM users WHERE id = ?",
	/* Each learner with their next scheduled session with the teacher. */
	[S(NT_FOLLOW_PEOPLE)] =
	"SELECT u.id, u.name, u.timezone, n.id, n.title, nc.title, nl.title, "
	"n.starts_at, n.ends_at, n.notes FROM live_participants p "
	"JOIN users u ON u.id = p.learner_id "
	"LEFT JOIN live_sessions n ON n.id = (SELECT s2.id FROM "
	"live_sessions s2 JOIN live_participants p2 ON p2.session_id = s2.id "
	"WHERE p2.learner_id = p.learner_id AND s2.teacher_id = ? AND "
	"s2.status = 'scheduled' AND s2.starts_at > UTC_TIMESTAMP() "
	"ORDER BY s2.starts_at, s2.id LIMIT 1) "
	"LEFT JOIN courses nc ON nc.id = n.course_id "
	"LEFT JOIN course_lessons nl ON nl.id = n.lesson_id "
	"WHERE p.session_id = ? AND u.disabled = 0 ORDER BY u.id",
	/*
	 * The follow-up exists once per session and learner; written again
	 * (with the notes) it replaces its text while it has not gone out.
	 */
	[S(NT_FOLLOWUP)] =
	"INSERT INTO outbox (user_id, to_address, to_name, kind, subject, "
	"body, dedupe_key, next_attempt_at, created_at) SELECT id, email, "
	"name, 'session_followup', ?, ?, ?, UTC_TIMESTAMP() + INTERVAL ? "
	"MINUTE, UTC_TIMESTAMP() FROM users WHERE id = ? AND disabled = 0 "
	"ON DUPLICATE KEY UPDATE "
	"subject = IF(status = 'pending', VALUES(subject), subject), "
	"body = IF(status = 'pending', VALUES(body), body), "
	"next_attempt_at = IF(status = 'pending' AND attempts = 0, "
	"VALUES(next_attempt_at), next_attempt_at)",
	[S(NT_DROP_REMINDERS)] =
	"DELETE FROM outbox WHERE dedupe_key LIKE ? AND status = 'pending'",
	[S(NT_RULE)] =
	"SELECT r.weekdays, HOUR(r.local_time), MINUTE(r.local_time), "
	"r.duration_min, r.timezone, r.start_date, r.end_date, c.title, "
	"t.name, u.id, u.name, u.timezone FROM schedule_rules r "
	"JOIN enrollments e ON e.id = r.enrollment_id "
	"JOIN courses c ON c.id = e.course_id "
	"JOIN users t ON t.id = e.teacher_id "
	"JOIN users u ON u.id = e.learner_id WHERE r.id = ? AND "
	"u.disabled = 0",
	/* Learners and teachers of sessions starting within a day who do
	 * not have this start's reminder yet. */
	[S(NT_REMINDERS_DUE)] =
	"SELECT sid, title, course, lesson, teacher, starts_at, ends_at, "
	"notes, np, uid, uname, utz, teaches, dkey FROM ("
	"SELECT " REMINDER_COLS ", 0 AS teaches, " REMINDER_KEY " AS dkey "
	SESSION_FROM "JOIN live_participants p ON p.session_id = s.id "
	"JOIN users u ON u.id = p.learner_id WHERE " REMINDER_WINDOW " "
	"UNION ALL "
	"SELECT " REMINDER_COLS ", 1 AS teaches, " REMINDER_KEY " AS dkey "
	SESSION_FROM "JOIN users u ON u.id = s.teacher_id WHERE "
	REMINDER_WINDOW ") r WHERE NOT EXISTS (SELECT 1 FROM outbox o "
	"WHERE o.dedupe_key = r.dkey) ORDER BY starts_at, sid, uid "
	"LIMIT 1000",
	[S(NT_REMINDER_VALID)] =
	"SELECT COUNT(*) FROM live_sessions s WHERE s.id = ? AND "
	"s.status = 'scheduled' AND s.starts_at = ? AND (s.teacher_id = ? "
	"OR EXISTS (SELECT 1 FROM live_participants p WHERE "
	"p.session_id = s.id AND p.learner_id = ?))",
	[S(NT_LIST)] =
	"SELECT id, kind, subject, body, link, created_at, read_at IS NULL "
	"FROM notifications WHERE user_id = ? AND (? = 0 OR id < ?) "
	"ORDER BY id DESC LIMIT 31",
	[S(NT_UNREAD)] =
	"SELECT COUNT(*) FROM (SELECT 1 FROM notifications WHERE "
	"user_id = ? AND read_at IS NULL LIMIT 100) x",
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
	"(SELECT " CAL_COLS " " SESSION_FROM "WHERE s.teacher_id = ? AND "
	"s.starts_at >= ? AND s.starts_at < ?) UNION "
	"(SELECT " CAL_COLS " " SESSION_FROM "JOIN live_participants p ON "
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
    const char *subject, const char *body, const char *dedupe)
{
	return db_exec(db, NT_EMAIL, NULL, "ssssi", kind, subject, body,
	    dedupe, (long long)user_id);
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
/* Live sessions                                                       */

/* One reader of a session's messages. */
struct person {
	int64_t		 id;
	char		*name;
	char		*tz;		/* NULL: the school's */
};

/* A session as loaded for its messages. */
struct loaded {
	struct notice_session	 s;
	int64_t			 teacher_id;
	struct person		 teacher;
	int			 teacher_disabled;
	char			*status;
	int64_t			 course_id, lesson_id;
	struct person		*learners;
	size_t			 nlearners;
};

struct live_snapshot {
	struct loaded	 l;
};

/* The words' context from the configuration. */
static void
ctx_of(struct db *db, struct notice_ctx *c)
{
	const struct config *cfg = db_config(db);

	c->base_url = cfg->base_url;
	c->school_name = cfg->school_name;
	c->school_tz = cfg->timezone;
}

/* Load session id and its enabled learners; *found 0 when none. */
static enum db_rc
load_session(struct db *db, struct arena *a, int64_t id, struct loaded *l,
    int *found)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 n = 0;

	memset(l, 0, sizeof(*l));
	*found = 0;
	if ((rc = db_query(db, a, NT_SESSION, &res, "i",
	    (long long)id)) != DB_OK)
		return rc;
	if (!db_next(res))
		return DB_OK;
	l->s.id = db_int(res, 0);
	l->s.title = db_dup(a, res, 1);
	l->s.course = db_dup(a, res, 2);
	l->s.lesson = db_dup(a, res, 3);
	l->teacher_id = db_int(res, 4);
	l->teacher.id = l->teacher_id;
	l->teacher.name = db_dup(a, res, 5);
	l->s.teacher = l->teacher.name;
	l->teacher.tz = db_dup(a, res, 6);
	l->teacher_disabled = db_int(res, 7) != 0;
	l->s.starts_at = db_dup(a, res, 8);
	l->s.ends_at = db_dup(a, res, 9);
	l->s.notes = db_dup(a, res, 10);
	l->s.cancel_reason = db_dup(a, res, 11);
	l->s.session_notes = db_dup(a, res, 12);
	l->s.participants = db_int(res, 13);
	l->status = db_dup(a, res, 14);
	l->course_id = db_int(res, 15);
	l->lesson_id = db_int(res, 16);
	if ((rc = db_query(db, a, NT_LEARNERS, &res, "i",
	    (long long)id)) != DB_OK)
		return rc;
	l->learners = arena_alloc(a, (res->nrows + 1) * sizeof(*l->learners));
	while (db_next(res)) {
		l->learners[n].id = db_int(res, 0);
		l->learners[n].name = db_dup(a, res, 1);
		l->learners[n].tz = db_dup(a, res, 2);
		n++;
	}
	l->nlearners = n;
	*found = 1;
	return DB_OK;
}

/* The name of user id (NULL for 0 or an unknown user). */
static enum db_rc
user_name(struct db *db, struct arena *a, int64_t id, char **name)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*name = NULL;
	if (id <= 0)
		return DB_OK;
	if ((rc = db_query(db, a, NT_USER_NAME, &res, "i",
	    (long long)id)) != DB_OK)
		return rc;
	if (db_next(res))
		*name = db_dup(a, res, 0);
	return DB_OK;
}

/* Queue notice n for user: the in-app notification and the email. */
static enum db_rc
queue(struct db *db, int64_t user, const struct notice *n)
{
	enum db_rc	 rc;

	if ((rc = notify_inapp(db, user, n->kind, n->subject, n->summary,
	    n->link)) != DB_OK)
		return rc;
	return notify_email(db, user, n->kind, n->subject, n->body, NULL);
}

/* Compose notice k for person p and queue it. */
static enum db_rc
tell(struct db *db, struct arena *a, enum notice_kind k,
    const struct notice_session *s, const struct notice_session *other,
    const struct person *p, int teacher, const char *actor)
{
	struct notice_ctx	 c;
	struct notice_reader	 rd;
	struct notice		 n;

	ctx_of(db, &c);
	memset(&rd, 0, sizeof(rd));
	rd.name = p->name;
	rd.tz = p->tz;
	rd.teacher = teacher;
	notice_session(a, &c, k, s, other, &rd, actor, &n);
	return queue(db, p->id, &n);
}

/* 1 when id is one of the n people.  Pure. */
static int
among(const struct person *p, size_t n, int64_t id)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (p[i].id == id)
			return 1;
	return 0;
}

/* 1 when a and b may be NULL and hold the same text.  Pure. */
static int
same(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* 1 when a reader would see a difference between before and after. */
static int
changed(const struct loaded *b, const struct loaded *l)
{
	return !same(b->s.starts_at, l->s.starts_at) ||
	    !same(b->s.ends_at, l->s.ends_at) ||
	    !same(b->s.title, l->s.title) ||
	    !same(b->s.notes, l->s.notes) ||
	    b->course_id != l->course_id || b->lesson_id != l->lesson_id ||
	    b->teacher_id != l->teacher_id;
}

/* Remove the reminders of session id that have not gone out yet: the
 * next worker pass writes them again from what the session is now. */
static enum db_rc
drop_reminders(struct db *db, struct arena *a, int64_t id)
{
	return db_exec(db, NT_DROP_REMINDERS, NULL, "s", arena_printf(a,
	    "reminder:%lld:%%", (long long)id));
}

enum db_rc
notify_live_before(struct db *db, struct arena *a, int64_t session,
    struct live_snapshot **out)
{
	int		 found;
	enum db_rc	 rc;

	*out = arena_alloc(a, sizeof(**out));
	if ((rc = load_session(db, a, session, &(*out)->l, &found)) != DB_OK)
		return rc;
	if (!found)
		*out = NULL;
	return DB_OK;
}

enum db_rc
notify_live_saved(struct db *db, struct arena *a,
    const struct live_snapshot *before, int64_t session, int64_t actor)
{
	struct loaded		 l;
	const struct loaded	*b = before ? &before->l : NULL;
	char			*actor_name;
	size_t			 i;
	int			 found, diff;
	enum db_rc		 rc;

	if ((rc = load_session(db, a, session, &l, &found)) != DB_OK ||
	    !found)
		return rc;
	if ((rc = user_name(db, a, actor, &actor_name)) != DB_OK)
		return rc;
	diff = b != NULL && changed(b, &l);
	for (i = 0; i < l.nlearners; i++) {
		rc = DB_OK;
		if (b == NULL || !among(b->learners, b->nlearners,
		    l.learners[i].id))
			rc = tell(db, a, NK_SCHEDULED, &l.s, NULL,
			    &l.learners[i], 0, actor_name);
		else if (diff)
			rc = tell(db, a, NK_CHANGED, &l.s, &b->s,
			    &l.learners[i], 0, actor_name);
		if (rc != DB_OK)
			return rc;
	}
	for (i = 0; b != NULL && i < b->nlearners; i++)
		if (!among(l.learners, l.nlearners, b->learners[i].id) &&
		    (rc = tell(db, a, NK_REMOVED, &b->s, NULL, &b->learners[i],
		    0, actor_name)) != DB_OK)
			return rc;
	/* The teacher hears of it only when someone else did it. */
	if (b != NULL && b->teacher_id != l.teacher_id &&
	    b->teacher_id != actor && !b->teacher_disabled &&
	    (rc = tell(db, a, NK_REMOVED, &b->s, NULL, &b->teacher, 1,
	    actor_name)) != DB_OK)
		return rc;
	if (l.teacher_id != actor && !l.teacher_disabled) {
		if (b == NULL || b->teacher_id != l.teacher_id)
			rc = tell(db, a, NK_SCHEDULED, &l.s, NULL, &l.teacher,
			    1, actor_name);
		else if (diff)
			rc = tell(db, a, NK_CHANGED, &l.s, &b->s, &l.teacher,
			    1, actor_name);
		if (rc != DB_OK)
			return rc;
	}
	return b != NULL ? drop_reminders(db, a, session) : DB_OK;
}

/*
 * The follow-up of every learner of l: held for hold minutes, or
 * replacing a held one.  With inapp set, the in-app note too.
 */
static enum db_rc
followups(struct db *db, struct arena *a, const struct loaded *l, int hold,
    int inapp)
{
	struct notice_ctx	 c;
	struct notice_reader	 rd;
	struct notice_session	 next;
	struct notice		 n;
	struct person		 p;
	struct dbres		*res;
	enum db_rc		 rc;

	ctx_of(db, &c);
	if ((rc = db_query(db, a, NT_FOLLOW_PEOPLE, &res, "ii",
	    (long long)l->teacher_id, (long long)l->s.id)) != DB_OK)
		return rc;
	while (db_next(res)) {
		p.id = db_int(res, 0);
		p.name = db_dup(a, res, 1);
		p.tz = db_dup(a, res, 2);
		memset(&next, 0, sizeof(next));
		next.id = db_int(res, 3);
		next.title = db_dup(a, res, 4);
		next.course = db_dup(a, res, 5);
		next.lesson = db_dup(a, res, 6);
		next.starts_at = db_dup(a, res, 7);
		next.ends_at = db_dup(a, res, 8);
		next.notes = db_dup(a, res, 9);
		next.teacher = l->s.teacher;
		memset(&rd, 0, sizeof(rd));
		rd.name = p.name;
		rd.tz = p.tz;
		notice_session(a, &c, NK_FOLLOWUP, &l->s, next.id > 0 ? &next :
		    NULL, &rd, NULL, &n);
		if ((rc = db_exec(db, NT_FOLLOWUP, NULL, "sssii", n.subject,
		    n.body, arena_printf(a, "followup:%lld:%lld",
		    (long long)l->s.id, (long long)p.id), (long long)hold,
		    (long long)p.id)) != DB_OK)
			return rc;
		if (inapp && (rc = notify_inapp(db, p.id, n.kind, n.subject,
		    n.summary, n.link)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

enum db_rc
notify_live_moved(struct db *db, int64_t session, const char *from,
    const char *to, int64_t actor)
{
	struct arena	*a;
	struct loaded	 l;
	char		*actor_name;
	size_t		 i;
	int		 found;
	enum db_rc	 rc;

	(void)from;
	if (strcmp(to, "canceled") != 0 && strcmp(to, "ended") != 0)
		return DB_OK;
	a = arena_new();
	if ((rc = load_session(db, a, session, &l, &found)) != DB_OK ||
	    !found)
		goto out;
	if (strcmp(to, "ended") == 0) {
		rc = followups(db, a, &l, FOLLOWUP_HOLD_MIN, 1);
		goto out;
	}
	if ((rc = user_name(db, a, actor, &actor_name)) != DB_OK)
		goto out;
	for (i = 0; i < l.nlearners; i++)
		if ((rc = tell(db, a, NK_CANCELED, &l.s, NULL, &l.learners[i],
		    0, actor_name)) != DB_OK)
			goto out;
	if (l.teacher_id != actor && !l.teacher_disabled &&
	    (rc = tell(db, a, NK_CANCELED, &l.s, NULL, &l.teacher, 1,
	    actor_name)) != DB_OK)
		goto out;
	rc = drop_reminders(db, a, session);
out:
	arena_free(a);
	return rc;
}

enum db_rc
notify_live_notes(struct db *db, int64_t session)
{
	struct arena	*a = arena_new();
	struct loaded	 l;
	int		 found;
	enum db_rc	 rc;

	if ((rc = load_session(db, a, session, &l, &found)) == DB_OK &&
	    found && strcmp(l.status, "ended") == 0)
		rc = followups(db, a, &l, 0, 0);
	arena_free(a);
	return rc;
}

/* The next lesson of a rule after now, within two weeks; 1 when found. */
static int
rule_next(const struct sched_rule *r, time_t now, char starts[20],
    char ends[20])
{
	char	 date[DATE_LEN], next[DATE_LEN], nowtext[DBTIME_LEN];
	int	 i;

	if (!local_date(now, r->timezone, date))
		return 0;
	if (strcmp(r->start_date, date) > 0)
		snprintf(date, sizeof(date), "%s", r->start_date);
	dbtime_format(now, nowtext);
	for (i = 0; i < 15; i++) {
		if (rule_has_date(r, date) && rule_instant(r, date, starts,
		    ends) && strcmp(starts, nowtext) > 0)
			return 1;
		if (!date_add_days(date, 1, next))
			return 0;
		memcpy(date, next, sizeof(date));
	}
	return 0;
}

enum db_rc
notify_rule(struct db *db, int64_t rule, enum rule_note event)
{
	struct arena		*a = arena_new();
	struct notice_ctx	 c;
	struct notice_reader	 rd;
	struct notice_rule	 nr;
	struct sched_rule	 sr;
	struct notice		 n;
	struct dbres		*res;
	char			 starts[20], ends[20];
	int64_t			 learner;
	enum db_rc		 rc;

	if ((rc = db_query(db, a, NT_RULE, &res, "i",
	    (long long)rule)) != DB_OK || !db_next(res))
		goto out;
	memset(&sr, 0, sizeof(sr));
	memset(&nr, 0, sizeof(nr));
	sr.weekdays = nr.weekdays = (int)db_int(res, 0);
	sr.hour = nr.hour = (int)db_int(res, 1);
	sr.minute = nr.minute = (int)db_int(res, 2);
	sr.duration = nr.duration = (int)db_int(res, 3);
	sr.timezone = db_dup(a, res, 4);
	sr.start_date = db_dup(a, res, 5);
	sr.end_date = db_dup(a, res, 6);
	nr.tz = sr.timezone;
	nr.start_date = sr.start_date;
	nr.end_date = sr.end_date;
	nr.course = db_dup(a, res, 7);
	nr.teacher = db_dup(a, res, 8);
	learner = db_int(res, 9);
	memset(&rd, 0, sizeof(rd));
	rd.name = db_dup(a, res, 10);
	rd.tz = db_dup(a, res, 11);
	if (event != RULE_NOTE_REMOVED && rule_next(&sr, time(NULL), starts,
	    ends)) {
		nr.first_start = starts;
		nr.first_end = ends;
	}
	ctx_of(db, &c);
	notice_rule(a, &c, event == RULE_NOTE_ADDED ? NR_ADDED :
	    event == RULE_NOTE_CHANGED ? NR_CHANGED : NR_REMOVED, &nr, &rd, &n);
	rc = queue(db, learner, &n);
out:
	arena_free(a);
	return rc;
}

enum db_rc
notify_reminders(struct db *db, int *queued)
{
	struct arena		*a = arena_new();
	struct notice_ctx	 c;
	struct notice_reader	 rd;
	struct notice_session	 s;
	struct notice		 n;
	struct dbres		*res;
	long long		 made;
	int64_t			 uid;
	const char		*key;
	enum db_rc		 rc;

	*queued = 0;
	ctx_of(db, &c);
	if ((rc = db_query(db, a, NT_REMINDERS_DUE, &res, "")) != DB_OK)
		goto out;
	while (db_next(res)) {
		memset(&s, 0, sizeof(s));
		s.id = db_int(res, 0);
		s.title = db_textn(res, 1);
		s.course = db_text(res, 2);
		s.lesson = db_textn(res, 3);
		s.teacher = db_text(res, 4);
		s.starts_at = db_text(res, 5);
		s.ends_at = db_text(res, 6);
		s.notes = db_textn(res, 7);
		s.participants = db_int(res, 8);
		uid = db_int(res, 9);
		memset(&rd, 0, sizeof(rd));
		rd.name = db_textn(res, 10);
		rd.tz = db_textn(res, 11);
		rd.teacher = db_int(res, 12) != 0;
		key = db_text(res, 13);
		notice_session(a, &c, NK_REMINDER, &s, NULL, &rd, NULL, &n);
		/* The email and its in-app twin together, or neither. */
		if ((rc = db_begin(db)) != DB_OK)
			goto out;
		made = 0;
		rc = db_exec(db, NT_EMAIL, &made, "ssssi", n.kind, n.subject,
		    n.body, key, (long long)uid);
		if (rc == DB_OK && made > 0)
			rc = notify_inapp(db, uid, n.kind, n.subject,
			    n.summary, n.link);
		if (rc != DB_OK) {
			db_rollback(db);
			goto out;
		}
		if ((rc = db_commit(db)) != DB_OK)
			goto out;
		if (made > 0)
			(*queued)++;
	}
out:
	arena_free(a);
	return rc;
}

enum db_rc
notify_reminder_current(struct db *db, const char *dedupe, int *current)
{
	struct arena	*a;
	struct dbres	*res;
	long long	 sid, uid;
	int		 y, mo, d, h, mi, s;
	char		 starts[DBTIME_LEN], z;
	enum db_rc	 rc;

	*current = 0;
	if (dedupe == NULL || sscanf(dedupe, "reminder:%lld:%lld:"
	    "%4d%2d%2dT%2d%2d%2d%c", &sid, &uid, &y, &mo, &d, &h, &mi, &s,
	    &z) != 9 || z != 'Z')
		return DB_OK;
	snprintf(starts, sizeof(starts), "%04d-%02d-%02d %02d:%02d:%02d",
	    y, mo, d, h, mi, s);
	a = arena_new();
	if ((rc = db_query(db, a, NT_REMINDER_VALID, &res, "isii", sid, starts,
	    uid, uid)) == DB_OK && db_next(res))
		*current = db_int(res, 0) > 0;
	arena_free(a);
	return rc;
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
db_inapp_unread(struct db *db, int64_t user, long long *count)
{
	struct arena	*a = arena_new();
	struct dbres	*res;
	enum db_rc	 rc;

	*count = 0;
	if ((rc = db_query(db, a, NT_UNREAD, &res, "i",
	    (long long)user)) == DB_OK && db_next(res))
		*count = db_int(res, 0);
	arena_free(a);
	return rc;
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
