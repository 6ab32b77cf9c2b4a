/*
 * db-notices.c: who hears of a live lesson's change (see notices.h):
 * the statements that gather the facts, in a table of their own so that
 * schedule/db.c can call in here inside its transactions, the choice of
 * readers and the 24-hour reminders.  The words come from notices.c;
 * messages are queued through notify.h, per reader.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/clock.h"
#include "core/config.h"
#include "core/db.h"
#include "notify/notice.h"
#include "notify/notify.h"
#include "schedule/notices.h"
#include "schedule/schedule.h"
#include "lib/util.h"

/* A follow-up waits this long after "Mark as Completed" for the notes;
 * saving the attendance with the notes sends it at once. */
#define FOLLOWUP_HOLD_MIN	60
/* Reminders queued per pass at most; the rest come next pass. */
#define REMINDER_BATCH		1000

enum {
	LN_LIVE = DB_BASE(SCHEDULE_NOTICES_SLOT),
	LN_LEARNERS,
	LN_USER_NAME,
	LN_FOLLOW_PEOPLE,
	LN_REMINDERS_DUE,
	LN_REMINDER_VALID,
	LN__END
};

#define S(id)	((id) - LN_LIVE)

/* A live lesson with its teacher, for the messages about it. */
#define LIVE_COLS \
	"s.id, s.title, c.title, l.title, s.teacher_id, t.name, " \
	"t.timezone, t.disabled, s.starts_at, s.ends_at, s.notes, " \
	"s.cancel_reason, s.session_notes, (SELECT COUNT(*) FROM " \
	"live_participants x WHERE x.session_id = s.id), s.status, " \
	"s.course_id, s.lesson_id"
#define LIVE_FROM \
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

_Static_assert(REMINDER_BATCH == 1000, "LN_REMINDERS_DUE limit");

static const char *const sqltab[] = {
	[S(LN_LIVE)] =
	"SELECT " LIVE_COLS " " LIVE_FROM "WHERE s.id = ?",
	[S(LN_LEARNERS)] =
	"SELECT u.id, u.name, u.timezone FROM live_participants p "
	"JOIN users u ON u.id = p.learner_id WHERE p.session_id = ? "
	"AND u.disabled = 0 ORDER BY u.id",
	[S(LN_USER_NAME)] =
	"SELECT name FROM users WHERE id = ?",
	/* Each learner with their next scheduled lesson with the teacher. */
	[S(LN_FOLLOW_PEOPLE)] =
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
	/* Learners and teachers of lessons starting within a day who do
	 * not have this start's reminder yet. */
	[S(LN_REMINDERS_DUE)] =
	"SELECT sid, title, course, lesson, teacher, starts_at, ends_at, "
	"notes, np, uid, uname, utz, teaches, dkey FROM ("
	"SELECT " REMINDER_COLS ", 0 AS teaches, " REMINDER_KEY " AS dkey "
	LIVE_FROM "JOIN live_participants p ON p.session_id = s.id "
	"JOIN users u ON u.id = p.learner_id WHERE " REMINDER_WINDOW " "
	"UNION ALL "
	"SELECT " REMINDER_COLS ", 1 AS teaches, " REMINDER_KEY " AS dkey "
	LIVE_FROM "JOIN users u ON u.id = s.teacher_id WHERE "
	REMINDER_WINDOW ") r WHERE NOT EXISTS (SELECT 1 FROM outbox o "
	"WHERE o.dedupe_key = r.dkey) ORDER BY starts_at, sid, uid "
	"LIMIT 1000",
	[S(LN_REMINDER_VALID)] =
	"SELECT COUNT(*) FROM live_sessions s WHERE s.id = ? AND "
	"s.status = 'scheduled' AND s.starts_at = ? AND (s.teacher_id = ? "
	"OR EXISTS (SELECT 1 FROM live_participants p WHERE "
	"p.session_id = s.id AND p.learner_id = ?))",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == S(LN__END),
    "one statement per id");

const struct sqltable sql_schedule_notices = {
	sizeof(sqltab) / sizeof(sqltab[0]), sqltab
};

/* One reader of a live lesson's messages. */
struct person {
	int64_t		 id;
	char		*name;
	char		*tz;		/* NULL: the school's */
};

/* A live lesson as loaded for its messages. */
struct loaded {
	struct live_notice	 s;
	int64_t			 teacher_id;
	struct person		 teacher;
	int			 teacher_disabled;
	enum live_status	 status;
	int64_t			 course_id, lesson_id;
	struct person		*learners;
	size_t			 nlearners;
};

struct live_snapshot {
	struct loaded	 l;
};

/* Load live lesson id and its enabled learners; *found 0 when none. */
static enum db_rc
load_live(struct db *db, struct arena *a, int64_t id, struct loaded *l,
    int *found)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 n = 0;

	memset(l, 0, sizeof(*l));
	*found = 0;
	if ((rc = db_query(db, a, LN_LIVE, &res, "i",
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
	if (!live_status_parse(db_text(res, 14), &l->status))
		l->status = LIVE_CANCELED;
	l->course_id = db_int(res, 15);
	l->lesson_id = db_int(res, 16);
	if ((rc = db_query(db, a, LN_LEARNERS, &res, "i",
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
	if ((rc = db_query(db, a, LN_USER_NAME, &res, "i",
	    (long long)id)) != DB_OK)
		return rc;
	if (db_next(res))
		*name = db_dup(a, res, 0);
	return DB_OK;
}

/* Compose notice k for person p and queue it. */
static enum db_rc
tell(struct db *db, struct arena *a, enum live_notice_kind k,
    const struct live_notice *s, const struct live_notice *other,
    const struct person *p, int teacher, const char *actor)
{
	struct notice_ctx	 c;
	struct notice_reader	 rd;
	struct notice		 n;

	notice_ctx_init(&c, db_config(db));
	memset(&rd, 0, sizeof(rd));
	rd.name = p->name;
	rd.tz = p->tz;
	rd.teacher = teacher;
	live_notice_compose(a, &c, k, s, other, &rd, actor, &n);
	return notify_queue(db, p->id, &n);
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

/* Remove the reminders of lesson id that have not gone out yet: the
 * next worker pass writes them again from what the lesson is now. */
static enum db_rc
drop_reminders(struct db *db, struct arena *a, int64_t id)
{
	return notify_unqueue(db, arena_printf(a, "reminder:%lld:",
	    (long long)id));
}

enum db_rc
live_notice_before(struct db *db, struct arena *a, int64_t live_id,
    struct live_snapshot **out)
{
	int		 found;
	enum db_rc	 rc;

	*out = arena_alloc(a, sizeof(**out));
	if ((rc = load_live(db, a, live_id, &(*out)->l, &found)) != DB_OK)
		return rc;
	if (!found)
		*out = NULL;
	return DB_OK;
}

enum db_rc
live_notice_saved(struct db *db, struct arena *a,
    const struct live_snapshot *before, int64_t live_id, int64_t actor)
{
	struct loaded		 l;
	const struct loaded	*b = before ? &before->l : NULL;
	char			*actor_name;
	size_t			 i;
	int			 found, diff;
	enum db_rc		 rc;

	if ((rc = load_live(db, a, live_id, &l, &found)) != DB_OK ||
	    !found)
		return rc;
	if ((rc = user_name(db, a, actor, &actor_name)) != DB_OK)
		return rc;
	diff = b != NULL && changed(b, &l);
	for (i = 0; i < l.nlearners; i++) {
		rc = DB_OK;
		if (b == NULL || !among(b->learners, b->nlearners,
		    l.learners[i].id))
			rc = tell(db, a, LN_SCHEDULED, &l.s, NULL,
			    &l.learners[i], 0, actor_name);
		else if (diff)
			rc = tell(db, a, LN_CHANGED, &l.s, &b->s,
			    &l.learners[i], 0, actor_name);
		if (rc != DB_OK)
			return rc;
	}
	for (i = 0; b != NULL && i < b->nlearners; i++)
		if (!among(l.learners, l.nlearners, b->learners[i].id) &&
		    (rc = tell(db, a, LN_REMOVED, &b->s, NULL, &b->learners[i],
		    0, actor_name)) != DB_OK)
			return rc;
	/* The teacher hears of it only when someone else did it. */
	if (b != NULL && b->teacher_id != l.teacher_id &&
	    b->teacher_id != actor && !b->teacher_disabled &&
	    (rc = tell(db, a, LN_REMOVED, &b->s, NULL, &b->teacher, 1,
	    actor_name)) != DB_OK)
		return rc;
	if (l.teacher_id != actor && !l.teacher_disabled) {
		if (b == NULL || b->teacher_id != l.teacher_id)
			rc = tell(db, a, LN_SCHEDULED, &l.s, NULL, &l.teacher,
			    1, actor_name);
		else if (diff)
			rc = tell(db, a, LN_CHANGED, &l.s, &b->s, &l.teacher,
			    1, actor_name);
		if (rc != DB_OK)
			return rc;
	}
	return b != NULL ? drop_reminders(db, a, live_id) : DB_OK;
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
	struct live_notice	 next;
	struct notice		 n;
	struct person		 p;
	struct dbres		*res;
	enum db_rc		 rc;

	notice_ctx_init(&c, db_config(db));
	if ((rc = db_query(db, a, LN_FOLLOW_PEOPLE, &res, "ii",
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
		live_notice_compose(a, &c, LN_FOLLOWUP, &l->s, next.id > 0 ?
		    &next : NULL, &rd, NULL, &n);
		if ((rc = notify_email_held(db, p.id, n.kind, n.subject,
		    n.body, arena_printf(a, "followup:%lld:%lld",
		    (long long)l->s.id, (long long)p.id), hold)) != DB_OK)
			return rc;
		if (inapp && (rc = notify_inapp(db, p.id, n.kind, n.subject,
		    n.summary, n.link)) != DB_OK)
			return rc;
	}
	return DB_OK;
}

enum db_rc
live_notice_moved(struct db *db, int64_t live_id, enum live_status to,
    int64_t actor)
{
	struct arena	*a;
	struct loaded	 l;
	char		*actor_name;
	size_t		 i;
	int		 found;
	enum db_rc	 rc;

	if (to != LIVE_CANCELED && to != LIVE_ENDED)
		return DB_OK;
	a = arena_new();
	if ((rc = load_live(db, a, live_id, &l, &found)) != DB_OK ||
	    !found)
		goto out;
	if (to == LIVE_ENDED) {
		rc = followups(db, a, &l, FOLLOWUP_HOLD_MIN, 1);
		goto out;
	}
	if ((rc = user_name(db, a, actor, &actor_name)) != DB_OK)
		goto out;
	for (i = 0; i < l.nlearners; i++)
		if ((rc = tell(db, a, LN_CANCELED, &l.s, NULL, &l.learners[i],
		    0, actor_name)) != DB_OK)
			goto out;
	if (l.teacher_id != actor && !l.teacher_disabled &&
	    (rc = tell(db, a, LN_CANCELED, &l.s, NULL, &l.teacher, 1,
	    actor_name)) != DB_OK)
		goto out;
	rc = drop_reminders(db, a, live_id);
out:
	arena_free(a);
	return rc;
}

enum db_rc
live_notice_notes(struct db *db, int64_t live_id)
{
	struct arena	*a = arena_new();
	struct loaded	 l;
	int		 found;
	enum db_rc	 rc;

	if ((rc = load_live(db, a, live_id, &l, &found)) == DB_OK &&
	    found && l.status == LIVE_ENDED)
		rc = followups(db, a, &l, 0, 0);
	arena_free(a);
	return rc;
}

enum db_rc
live_reminders_queue(struct db *db, int *queued)
{
	struct arena		*a = arena_new();
	struct notice_ctx	 c;
	struct notice_reader	 rd;
	struct live_notice	 s;
	struct notice		 n;
	struct dbres		*res;
	int			 made;
	int64_t			 uid;
	const char		*key;
	enum db_rc		 rc;

	*queued = 0;
	notice_ctx_init(&c, db_config(db));
	if ((rc = db_query(db, a, LN_REMINDERS_DUE, &res, "")) != DB_OK)
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
		live_notice_compose(a, &c, LN_REMINDER, &s, NULL, &rd, NULL,
		    &n);
		/* The email and its in-app twin together, or neither. */
		if ((rc = db_begin(db)) != DB_OK)
			goto out;
		rc = notify_email(db, uid, n.kind, n.subject, n.body, key,
		    &made);
		if (rc == DB_OK && made)
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
live_reminder_current(struct db *db, const char *dedupe, int *current)
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
	if ((rc = db_query(db, a, LN_REMINDER_VALID, &res, "isii", sid, starts,
	    uid, uid)) == DB_OK && db_next(res))
		*current = db_int(res, 0) > 0;
	arena_free(a);
	return rc;
}

