/*
 * worker.c: one pass of the background worker.
 *
 * Delivery is exactly-once as far as the database can make it: a
 * message is claimed by a conditional UPDATE (only one worker can move
 * a row from pending to sending), sent, then marked sent by its own
 * statement.  A worker killed between the claim and the mark leaves
 * the row in 'sending'; once the claim is older than WORKER_LEASE it
 * goes back to the queue.  If the kill came after the mail server took
 * the message but before the mark, that message goes out twice, with
 * the same Message-ID: this is the one at-least-once window left.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "conference/conference.h"
#include "conference/health.h"
#include "core/config.h"
#include "core/db.h"
#include "enrollment/generate.h"
#include "notify/mail.h"
#include "notify/mailmsg.h"
#include "notify/notify.h"
#include "schedule/notices.h"
#include "lib/util.h"
#include "worker.h"

static volatile sig_atomic_t	 stopping;

void
worker_stop(void)
{
	stopping = 1;
}

int
worker_stopping(void)
{
	return stopping != 0;
}

/* "host:pid", the name claims are made under. */
static void
worker_name(char *out, size_t len)
{
	char	 host[64];

	if (gethostname(host, sizeof(host)) != 0)
		snprintf(host, sizeof(host), "localhost");
	host[sizeof(host) - 1] = '\0';
	/* claimed_by holds 64 characters: room for ":pid". */
	snprintf(out, len, "%.40s:%ld", host, (long)getpid());
}

/*
 * A pause between the claim and the send, for the tests that kill a
 * worker in the middle of a batch: LECTERN_WORKER_DELAY_MS.  Only the
 * worker reads it; it is 0 in production.
 */
static long
test_delay_ms(void)
{
	const char	*v = getenv("LECTERN_WORKER_DELAY_MS");
	long		 ms;
	char		*end;

	if (v == NULL || *v == '\0')
		return 0;
	ms = strtol(v, &end, 10);
	return *end == '\0' && ms > 0 && ms <= 60000 ? ms : 0;
}

static void
pause_ms(long ms)
{
	struct timespec	 ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	/* A signal cuts it short; the message in hand is still sent. */
	(void)nanosleep(&ts, NULL);
}

/* Record a failed attempt of m; final when it is out of attempts or
 * will never go. */
static enum db_rc
failed(struct db *db, const struct outbox_msg *m, const char *worker,
    int permanent, const char *err, struct worker_stats *st)
{
	int	 final = permanent || m->attempts >= MAIL_MAX_ATTEMPTS;

	fprintf(stderr, "lecternctl: worker: message %lld (%s), attempt %d: "
	    "%s%s\n", (long long)m->id, m->kind, m->attempts, err,
	    final ? "; given up" : "");
	if (final)
		st->failed++;
	else
		st->retry++;
	return db_outbox_retry(db, m->id, worker, final,
	    final ? 0 : mail_backoff(m->attempts), err);
}

/* Deliver one claimed message. */
static enum db_rc
deliver(struct db *db, const struct config *cfg, struct mail_transport **t,
    const struct outbox_msg *m, const char *worker, const char *host,
    long delay, struct worker_stats *st)
{
	struct mail_msg	 mm;
	struct buf	 b;
	enum mail_rc	 mrc;
	enum db_rc	 rc;
	char		 err[400];
	int		 current;

	/* A reminder of a lesson moved or canceled since is not sent. */
	if (strcmp(m->kind, LIVE_REMINDER_KIND) == 0) {
		if ((rc = live_reminder_current(db, m->dedupe,
		    &current)) != DB_OK)
			return rc;
		if (!current) {
			st->dropped++;
			return db_outbox_drop(db, m->id, worker);
		}
	}
	memset(&mm, 0, sizeof(mm));
	mm.id = m->id;
	mm.host = host;
	mm.date = time(NULL);
	mm.from_name = cfg->school_name;
	mm.from_addr = cfg->mail_from;
	mm.to_name = m->to_name;
	mm.to_addr = m->to_address;
	mm.subject = m->subject;
	mm.body = m->body;
	mm.kind = m->kind;
	buf_init(&b);
	if (!mail_build(&b, &mm)) {
		buf_free(&b);
		return failed(db, m, worker, 1, "The recipient's address "
		    "cannot be used.", st);
	}
	if (delay > 0)
		pause_ms(delay);
	if (*t == NULL)
		*t = mail_open(cfg);
	mrc = mail_send(*t, m->to_address, b.data, b.len, err, sizeof(err));
	buf_free(&b);
	if (mrc == MAIL_OK) {
		st->sent++;
		if ((rc = db_outbox_sent(db, m->id, worker)) != DB_OK)
			fprintf(stderr, "lecternctl: worker: message %lld was "
			    "sent but could not be marked; it will be sent "
			    "again after the lease\n", (long long)m->id);
		return rc;
	}
	if (mrc == MAIL_DOWN)
		st->down = 1;
	return failed(db, m, worker, mrc == MAIL_PERM, err, st);
}

enum db_rc
worker_pass(struct db *db, const struct config *cfg, struct worker_stats *st)
{
	struct arena		*a = arena_new(), *ma;
	struct mail_transport	*t = NULL;
	struct outbox_msg	*m;
	int64_t			*ids;
	size_t			 n, i;
	char			 worker[64], host[256];
	long			 delay = test_delay_ms();
	enum db_rc		 rc;

	memset(st, 0, sizeof(*st));
	worker_name(worker, sizeof(worker));
	mail_url_host(cfg->base_url, host, sizeof(host));
	if ((rc = generate_sessions(db, a, cfg, time(NULL),
	    &st->generated)) != DB_OK) {
		fprintf(stderr, "lecternctl: worker: generating sessions "
		    "failed\n");
		goto out;
	}
	if ((rc = live_reminders_queue(db, &st->reminders)) != DB_OK) {
		fprintf(stderr, "lecternctl: worker: queueing reminders "
		    "failed\n");
		goto out;
	}
	/* Provider calls are cut by bbb_timeout, and each step stops at
	 * the first "unavailable": a dead server delays mail little. */
	(void)conf_health_recheck(db, a, cfg, &conf_bbb);
	if ((rc = classroom_sync_recordings(db, cfg,
	    &st->classroom)) != DB_OK ||
	    (rc = classroom_sync_missed(db, cfg, (long long)time(NULL) * 1000,
	    &st->classroom)) != DB_OK ||
	    (rc = classroom_sync_ends(db, cfg, &st->classroom)) != DB_OK ||
	    (rc = classroom_sync_tracks(db, cfg, &st->classroom)) != DB_OK) {
		fprintf(stderr, "lecternctl: worker: syncing classrooms "
		    "failed\n");
		goto out;
	}
	if ((rc = db_outbox_release(db, WORKER_LEASE,
	    &st->released)) != DB_OK ||
	    (rc = db_outbox_purge(db, WORKER_KEEP_SENT_DAYS,
	    &st->purged)) != DB_OK ||
	    (rc = db_outbox_due(db, a, cfg->worker_batch, &ids, &n)) != DB_OK)
		goto out;
	/* Without a sender nothing can go: leave the queue as it is. */
	if (n > 0 && !mail_address_ok(cfg->mail_from)) {
		fprintf(stderr, "lecternctl: worker: mail_from \"%.100s\" is "
		    "not an address; nothing sent\n", cfg->mail_from);
		st->left = (int)n;
		st->down = 2;
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (stopping || st->down) {
			st->left = (int)(n - i);
			break;
		}
		/* Each message in its own arena: a batch may be large. */
		ma = arena_new();
		if ((rc = db_outbox_claim(db, ma, ids[i], worker, &m)) ==
		    DB_OK && m != NULL)
			rc = deliver(db, cfg, &t, m, worker, host, delay, st);
		arena_free(ma);
		if (rc != DB_OK)
			goto out;
	}
out:
	mail_close(t);
	arena_free(a);
	return rc;
}
