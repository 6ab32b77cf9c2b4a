/*
 * db.c: the MariaDB connection, the table of prepared statements, and
 * the exec/query/transaction primitives.  All SQL text of the
 * application lives in the table below.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <errmsg.h>
#include <mysql.h>
#include <mysqld_error.h>
#include <openssl/ssl.h>

#include "core/config.h"
#include "core/db.h"
#include "core/limits.h"
#include "lib/words.h"
#include "lib/util.h"

static const char *const sqltab[STMT__MAX] = {
	[STMT_AUTH_INSERT] =
	    "INSERT INTO auth_sessions (token_hash, user_id, csrf_token, "
	    "created_at, last_seen_at) "
	    "VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	/*
	 * The user's unread notifications are counted here too, up to
	 * UNREAD_MAX + 1, so that the page layout runs no query.  MariaDB
	 * has no outer references in a derived table: the count finds the
	 * user by the token again.
	 */
	[STMT_AUTH_LOAD] =
	    "SELECT u.id, u.name, u.email, u.role, u.timezone, "
	    "u.password_temporary, s.csrf_token, s.flash, "
	    "TIMESTAMPDIFF(SECOND, s.last_seen_at, UTC_TIMESTAMP()), "
	    "(SELECT COUNT(*) FROM (SELECT 1 FROM notifications n "
	    "JOIN auth_sessions t ON t.user_id = n.user_id "
	    "WHERE t.token_hash = ? AND n.read_at IS NULL LIMIT 100) x) "
	    "FROM auth_sessions s JOIN users u ON u.id = s.user_id "
	    "WHERE s.token_hash = ? AND u.disabled = 0 "
	    "AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL ? MINUTE "
	    "AND s.created_at > UTC_TIMESTAMP() - INTERVAL ? HOUR",
	[STMT_AUTH_TOUCH] =
	    "UPDATE auth_sessions SET last_seen_at = UTC_TIMESTAMP(), "
	    "flash = NULL WHERE token_hash = ?",
	[STMT_AUTH_DELETE] =
	    "DELETE FROM auth_sessions WHERE token_hash = ?",
	[STMT_AUTH_DELETE_USER] =
	    "DELETE FROM auth_sessions WHERE user_id = ?",
	[STMT_AUTH_DELETE_USER_OTHERS] =
	    "DELETE FROM auth_sessions WHERE user_id = ? AND token_hash <> ?",
	[STMT_AUTH_SET_FLASH] =
	    "UPDATE auth_sessions SET flash = ? WHERE token_hash = ?",
	[STMT_AUTH_PURGE] =
	    "DELETE FROM auth_sessions "
	    "WHERE last_seen_at < UTC_TIMESTAMP() - INTERVAL ? MINUTE "
	    "OR created_at < UTC_TIMESTAMP() - INTERVAL ? HOUR",
	[STMT_FAIL_INSERT] =
	    "INSERT INTO login_failures (email, address, failed_at) "
	    "VALUES (?, ?, UTC_TIMESTAMP())",
	[STMT_FAIL_COUNT_EMAIL] =
	    "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, MIN(failed_at), "
	    "UTC_TIMESTAMP()), 0) FROM login_failures WHERE email = ? "
	    "AND failed_at > UTC_TIMESTAMP() - INTERVAL ? MINUTE",
	[STMT_FAIL_COUNT_ADDRESS] =
	    "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, MIN(failed_at), "
	    "UTC_TIMESTAMP()), 0) FROM login_failures WHERE address = ? "
	    "AND failed_at > UTC_TIMESTAMP() - INTERVAL ? MINUTE",
	[STMT_FAIL_CLEAR_EMAIL] =
	    "DELETE FROM login_failures WHERE email = ?",
	[STMT_FAIL_PURGE] =
	    "DELETE FROM login_failures "
	    "WHERE failed_at < UTC_TIMESTAMP() - INTERVAL 1 DAY",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == STMT__MAX,
    "one SQL text per statement");
_Static_assert(UNREAD_MAX + 1 == 100, "STMT_AUTH_LOAD counts to 100");

static const struct sqltable sql_core = { STMT__MAX, sqltab };

/* Every table by slot: core's, then those app.c handed over. */
static const struct sqltable *domains[DB_SLOTS] = { &sql_core };

void
db_tables(const struct sqltable *const *tables, size_t n)
{
	size_t	 i;

	for (i = 1; i < n && i < DB_SLOTS; i++)
		domains[i] = tables[i];
}

#define MAX_PARAMS	32
/* Runs again of an autocommit statement a conflict refused. */
#define CONFLICT_RETRIES	3

struct db {
	const struct config *cfg;
	MYSQL		*my;
	MYSQL_STMT	**stmts[DB_SLOTS];
	int		 prepare;
	int		 opened;	/* connected at least once */
	int		 in_tx;
	int		 down;
	int		 busy;		/* this request met a held lock */
	int		 conflict;	/* a conflict since db_mark() */
	int		 wrote;		/* a write committed since db_mark() */
	unsigned	 queries;
};

static int	is_gone(unsigned);
static int	is_busy(struct db *, unsigned);
static int	is_conflict(unsigned);
static int	reconnect(struct db *);

static void
db_log(const char *what, const char *msg)
{
	fprintf(stderr, "lectern: db: %s: %s\n", what, msg);
}

/* SQL text of a statement id, or NULL when there is no such id. */
static const char *
sqltext(int st)
{
	unsigned	 dom = (unsigned)st >> DB_SLOT_SHIFT;
	size_t		 idx = (size_t)st & ((1u << DB_SLOT_SHIFT) - 1);

	if (st < 0 || dom >= DB_SLOTS || domains[dom] == NULL ||
	    idx >= domains[dom]->n)
		return NULL;
	return domains[dom]->sql[idx];
}

/*
 * Prepare statement idx of slot dom on the open connection.  Returns
 * the handle, or NULL with the reason logged (and *gone set when the
 * connection went away meanwhile).
 */
static MYSQL_STMT *
prepare_one(struct db *db, size_t dom, size_t idx, int *gone)
{
	const char	*sql = domains[dom]->sql[idx];
	MYSQL_STMT	*h;

	if (db->stmts[dom] == NULL)
		db->stmts[dom] = xcalloc(domains[dom]->n, sizeof(MYSQL_STMT *));
	if ((h = mysql_stmt_init(db->my)) == NULL)
		return NULL;
	if (mysql_stmt_prepare(h, sql, strlen(sql)) != 0) {
		if (gone != NULL)
			*gone = is_gone(mysql_stmt_errno(h));
		/*
		 * Another node's write set aborted the transaction: the
		 * server says so on its next command, even a prepare.
		 */
		if (is_conflict(mysql_stmt_errno(h)) && db->in_tx)
			db->conflict = 1;
		db_log(sql, mysql_stmt_error(h));
		mysql_stmt_close(h);
		return NULL;
	}
	return db->stmts[dom][idx] = h;
}

/*
 * The prepared handle of a statement id, prepared now when this
 * connection has not run it yet.  NULL for an unknown id or a failed
 * prepare (*gone says whether the connection was lost).
 */
static MYSQL_STMT *
handle(struct db *db, int st, int *gone)
{
	unsigned	 dom = (unsigned)st >> DB_SLOT_SHIFT;
	size_t		 idx = (size_t)st & ((1u << DB_SLOT_SHIFT) - 1);

	if (gone != NULL)
		*gone = 0;
	if (sqltext(st) == NULL || db->my == NULL)
		return NULL;
	if (db->stmts[dom] != NULL && db->stmts[dom][idx] != NULL)
		return db->stmts[dom][idx];
	return prepare_one(db, dom, idx, gone);
}

static void
close_stmts(struct db *db)
{
	size_t	 d, i;

	for (d = 0; d < DB_SLOTS; d++) {
		if (db->stmts[d] == NULL)
			continue;
		for (i = 0; i < domains[d]->n; i++)
			if (db->stmts[d][i] != NULL)
				mysql_stmt_close(db->stmts[d][i]);
		free(db->stmts[d]);
		db->stmts[d] = NULL;
	}
}

/*
 * Prepare every statement of every table that the open connection has
 * not prepared yet.  Returns 1, or 0 with the first failure in err.
 */
static int
prepare_all(struct db *db, char *err, size_t errlen)
{
	size_t	 d, i;

	for (d = 0; d < DB_SLOTS; d++) {
		if (domains[d] == NULL)
			continue;
		for (i = 0; i < domains[d]->n; i++) {
			if (db->stmts[d] != NULL && db->stmts[d][i] != NULL)
				continue;
			if (prepare_one(db, d, i, NULL) != NULL)
				continue;
			snprintf(err, errlen, "cannot prepare statement %zu "
			    "of table %zu: %s", i, d, mysql_error(db->my));
			return 0;
		}
	}
	return 1;
}

/*
 * The MariaDB client starts OpenSSL in the process's first mysql_init(),
 * which reads the system's openssl.cnf and loads every error string:
 * about a fifth of a plain-CGI request's instructions.  A connection
 * over the local socket never uses TLS, so for it OpenSSL is started
 * first without either, and the client's own start then has nothing
 * left to do.  Over TCP the client may use TLS and OpenSSL starts as
 * it always did.
 */
static void
tls_start(const struct config *c)
{
	if (c->db_host == NULL)
		(void)OPENSSL_init_ssl(OPENSSL_INIT_NO_LOAD_CONFIG |
		    OPENSSL_INIT_NO_LOAD_SSL_STRINGS |
		    OPENSSL_INIT_NO_LOAD_CRYPTO_STRINGS, NULL);
}

/*
 * Open the connection and (when asked) prepare every statement.
 * Returns 1 on success, 0 with a message in err.
 */
static int
connect_db(struct db *db, char *err, size_t errlen)
{
	const struct config *c = db->cfg;
	unsigned	 t = (unsigned)c->db_timeout;
	my_bool		 no = 0;
	char		 init[256];
	int		 lock_wait;

	tls_start(c);
	if ((db->my = mysql_init(NULL)) == NULL) {
		snprintf(err, errlen, "mysql_init failed");
		return 0;
	}
	mysql_options(db->my, MYSQL_OPT_CONNECT_TIMEOUT, &t);
	mysql_options(db->my, MYSQL_OPT_READ_TIMEOUT, &t);
	mysql_options(db->my, MYSQL_OPT_WRITE_TIMEOUT, &t);
	mysql_options(db->my, MYSQL_OPT_RECONNECT, &no);
	mysql_options(db->my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/*
	 * A row or table lock held elsewhere makes a statement give up
	 * after db_lock_wait seconds (instead of InnoDB's 50 s, or a year
	 * for a table lock): the request then answers 503 (is_busy).  It
	 * must give up before our read timeout does: a statement we stop
	 * waiting for would still run, and perhaps write, once the lock
	 * is released.
	 */
	if ((lock_wait = c->db_lock_wait) >= c->db_timeout)
		lock_wait = c->db_timeout > 1 ? c->db_timeout - 1 : 1;
	snprintf(init, sizeof(init), "SET time_zone = '+00:00', "
	    "sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION', "
	    "innodb_lock_wait_timeout = %d, lock_wait_timeout = %d",
	    lock_wait, lock_wait);
	mysql_options(db->my, MYSQL_INIT_COMMAND, init);
	if (mysql_real_connect(db->my, c->db_host, c->db_user,
	    c->db_password, c->db_name, (unsigned)c->db_port,
	    c->db_host == NULL ? c->db_socket : NULL,
	    CLIENT_MULTI_STATEMENTS) == NULL) {
		snprintf(err, errlen, "cannot connect to database %s: %s",
		    c->db_name, mysql_error(db->my));
		mysql_close(db->my);
		db->my = NULL;
		return 0;
	}
	db->opened = 1;
	if (db->prepare && !prepare_all(db, err, errlen)) {
		close_stmts(db);
		mysql_close(db->my);
		db->my = NULL;
		return 0;
	}
	return 1;
}

struct db *
db_open(const struct config *cfg, int prepare, char *err, size_t errlen)
{
	struct db	*db = xcalloc(1, sizeof(*db));

	db->cfg = cfg;
	db->prepare = prepare;
	if (!connect_db(db, err, errlen)) {
		free(db);
		return NULL;
	}
	return db;
}

/*
 * A handle that connects when its first statement runs: a request that
 * runs none (a sign-in form, a static answer) never connects.  Failing
 * to connect then is a lost connection: DB_DOWN, logged once per try.
 */
struct db *
db_new(const struct config *cfg)
{
	struct db	*db = xcalloc(1, sizeof(*db));

	db->cfg = cfg;
	return db;
}

int
db_check(struct db *db, char *err, size_t errlen)
{
	if (db->my == NULL && !reconnect(db)) {
		snprintf(err, errlen, "cannot connect to database %s",
		    db->cfg->db_name);
		return 0;
	}
	return prepare_all(db, err, errlen);
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	close_stmts(db);
	if (db->my != NULL)
		mysql_close(db->my);
	free(db);
}

/* 1 when errno says the connection (or its statements) went away. */
static int
is_gone(unsigned e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
	    e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
	    e == ER_UNKNOWN_STMT_HANDLER || e == CR_SERVER_LOST_EXTENDED ||
	    e == ER_CONNECTION_KILLED;
}

/*
 * 1 when errno says the statement gave up waiting for a lock held by
 * another connection, or ran out of the server's max_statement_time;
 * the request then answers 503 like one whose database is away.
 */
static int
is_busy(struct db *db, unsigned e)
{
	if (e != ER_LOCK_WAIT_TIMEOUT && e != ER_STATEMENT_TIMEOUT)
		return 0;
	db->busy = 1;
	return 1;
}

/*
 * 1 when errno says a conflict refused the statement and the server
 * rolled back its transaction, so that running the work again from its
 * start is safe: a deadlock, or a write set that another node of a
 * Galera cluster committed first (Galera reports its failed
 * certification as a deadlock too); or a Galera node that does not
 * accept queries for a moment (1047: it lost the cluster's primary
 * component, or is still joining).  A lock wait timeout (1205) is not
 * one: InnoDB rolls back only that statement, after a wait that
 * running it again would double.
 */
static int
is_conflict(unsigned e)
{
	return e == ER_LOCK_DEADLOCK || e == ER_UNKNOWN_COM_ERROR;
}

void
db_backoff(int attempt)
{
	struct timespec	 ts;
	long		 ms = 20L << (attempt < 4 ? attempt : 4);

	/*
	 * 20, 40, 80 ms... plus up to 20 ms taken from the clock, so that
	 * two rivals drift apart.
	 */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ms += (ts.tv_nsec / 1000) % 20;
	ts.tv_sec = 0;
	ts.tv_nsec = ms * 1000000L;
	(void)nanosleep(&ts, NULL);
}

/* Close the connection; the next statement opens a new one. */
static void
drop(struct db *db)
{
	close_stmts(db);
	if (db->my != NULL)
		mysql_close(db->my);
	db->my = NULL;
}

/*
 * Drop the connection, if any, and open it again (or for the first time,
 * for a handle of db_new).  Returns 1 on success.
 */
static int
reconnect(struct db *db)
{
	char	 err[ERRMSG_LEN];
	int	 first = db->my == NULL && !db->opened;

	drop(db);
	if (!connect_db(db, err, sizeof(err))) {
		db_log(first ? "connect" : "reconnect", err);
		db->down = 1;
		return 0;
	}
	db->down = 0;
	return 1;
}

struct arg {
	char		 type;
	const char	*s;
	size_t		 len;
	long long	 i;
};

static int
collect(const char *fmt, va_list ap, struct arg *args)
{
	int	 n = 0;

	for (; *fmt != '\0'; fmt++, n++) {
		if (n == MAX_PARAMS)
			return -1;
		args[n].type = *fmt;
		switch (*fmt) {
		case 's':
			args[n].s = va_arg(ap, const char *);
			args[n].len = args[n].s ? strlen(args[n].s) : 0;
			break;
		case 'i':
			args[n].i = va_arg(ap, long long);
			break;
		case 'b':
			args[n].s = va_arg(ap, const void *);
			args[n].len = va_arg(ap, size_t);
			break;
		default:
			return -1;
		}
	}
	return n;
}

/*
 * Bind and execute one statement.  Returns DB_OK, or the failure with
 * the connection state updated.
 */
static enum db_rc
run(struct db *db, int st, struct arg *args, int nargs)
{
	MYSQL_BIND	 b[MAX_PARAMS];
	unsigned long	 lens[MAX_PARAMS];
	my_bool		 nulls[MAX_PARAMS];
	MYSQL_STMT	*s;
	unsigned	 e;
	int		 i, attempt, gone, conflicts = 0;

	for (attempt = 0; attempt < 2; attempt++) {
		if (db->my == NULL && !reconnect(db))
			return DB_DOWN;
		s = handle(db, st, &gone);
		if (s == NULL && gone && !db->in_tx && attempt == 0) {
			if (!reconnect(db))
				return DB_DOWN;
			continue;
		}
		if (s == NULL) {
			db_log("run", "statement not prepared");
			return DB_ERROR;
		}
		if ((int)mysql_stmt_param_count(s) != nargs) {
			db_log(sqltext(st), "wrong number of arguments");
			return DB_ERROR;
		}
		memset(b, 0, sizeof(b));
		for (i = 0; i < nargs; i++) {
			nulls[i] = 0;
			switch (args[i].type) {
			case 's':
			case 'b':
				b[i].buffer_type = args[i].type == 's' ?
				    MYSQL_TYPE_STRING : MYSQL_TYPE_BLOB;
				b[i].buffer = (void *)args[i].s;
				lens[i] = (unsigned long)args[i].len;
				b[i].length = &lens[i];
				if (args[i].s == NULL) {
					nulls[i] = 1;
					b[i].buffer_type = MYSQL_TYPE_NULL;
				}
				break;
			default:
				b[i].buffer_type = MYSQL_TYPE_LONGLONG;
				b[i].buffer = &args[i].i;
				break;
			}
			b[i].is_null = &nulls[i];
		}
		db->queries++;
		if (mysql_stmt_bind_param(s, b) == 0 &&
		    mysql_stmt_execute(s) == 0)
			return DB_OK;
		e = mysql_stmt_errno(s);
		if (e == ER_DUP_ENTRY)
			return DB_DUPLICATE;
		if (is_busy(db, e)) {
			db_log(sqltext(st), mysql_stmt_error(s));
			return DB_DOWN;
		}
		if (is_conflict(e)) {
			db_log(sqltext(st), mysql_stmt_error(s));
			/*
			 * Inside a transaction the whole of it must run
			 * again: the caller's business (db_restartable()).
			 * Alone, the statement was its own transaction.
			 */
			if (db->in_tx) {
				db->conflict = 1;
				return DB_ERROR;
			}
			if (conflicts < CONFLICT_RETRIES) {
				db_backoff(conflicts++);
				attempt--;
				continue;
			}
			if (e == ER_UNKNOWN_COM_ERROR) {
				/* A node that stays unready is away. */
				drop(db);
				db->down = 1;
				return DB_DOWN;
			}
			return DB_ERROR;
		}
		if (!is_gone(e) || db->in_tx) {
			db_log(sqltext(st), mysql_stmt_error(s));
			if (is_gone(e)) {
				db->in_tx = 0;
				reconnect(db);
				return db->down ? DB_DOWN : DB_ERROR;
			}
			return DB_ERROR;
		}
		db_log("connection lost, reconnecting", mysql_stmt_error(s));
		if (!reconnect(db))
			return DB_DOWN;
	}
	return DB_ERROR;
}

/* Collect the arguments of fmt and run statement st with them. */
static enum db_rc
vrun(struct db *db, int st, const char *fmt, va_list ap)
{
	struct arg	 args[MAX_PARAMS];
	int		 n;

	if ((n = collect(fmt, ap, args)) < 0) {
		db_log(sqltext(st) ? sqltext(st) : "?", "bad argument format");
		return DB_ERROR;
	}
	return run(db, st, args, n);
}

enum db_rc
db_exec(struct db *db, int st, long long *affected, const char *fmt, ...)
{
	va_list		 ap;
	enum db_rc	 rc;

	va_start(ap, fmt);
	rc = vrun(db, st, fmt, ap);
	va_end(ap);
	if (rc == DB_OK && !db->in_tx)
		db->wrote = 1;
	if (rc == DB_OK && affected != NULL)
		*affected = (long long)mysql_stmt_affected_rows(
		    handle(db, st, NULL));
	return rc;
}

/* Fetch every row of an executed statement into the arena. */
static enum db_rc
fetch_all(struct db *db, MYSQL_STMT *s, struct arena *a, struct dbres **out)
{
	MYSQL_RES	*meta;
	MYSQL_BIND	*b = NULL;
	unsigned long	*lens = NULL;
	my_bool		*nulls = NULL, *errs = NULL, on = 1;
	char		**bufs = NULL;
	struct dbres	*res;
	size_t		 ncols, nrows, r, c, cap;
	int		 frc;
	enum db_rc	 rc = DB_ERROR;

	mysql_stmt_attr_set(s, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
	if (mysql_stmt_store_result(s) != 0) {
		db_log("store_result", mysql_stmt_error(s));
		/* A locking read that another node's write set aborted. */
		if (is_conflict(mysql_stmt_errno(s)) && db->in_tx)
			db->conflict = 1;
		return is_gone(mysql_stmt_errno(s)) ||
		    is_busy(db, mysql_stmt_errno(s)) ? DB_DOWN : DB_ERROR;
	}
	if ((meta = mysql_stmt_result_metadata(s)) == NULL) {
		mysql_stmt_free_result(s);
		return DB_ERROR;
	}
	ncols = mysql_num_fields(meta);
	nrows = (size_t)mysql_stmt_num_rows(s);
	res = arena_alloc(a, sizeof(*res));
	res->ncols = ncols;
	res->nrows = nrows;
	res->vals = arena_alloc(a, sizeof(char *) * (nrows * ncols + 1));
	res->lens = arena_alloc(a, sizeof(size_t) * (nrows * ncols + 1));

	b = xcalloc(ncols, sizeof(*b));
	lens = xcalloc(ncols, sizeof(*lens));
	nulls = xcalloc(ncols, sizeof(*nulls));
	errs = xcalloc(ncols, sizeof(*errs));
	bufs = xcalloc(ncols, sizeof(*bufs));
	for (c = 0; c < ncols; c++) {
		MYSQL_FIELD *f = mysql_fetch_field_direct(meta, (unsigned)c);

		/* Numbers come back as text; 64 bytes hold any of them. */
		cap = f->max_length > 64 ? f->max_length + 1 : 65;
		bufs[c] = xmalloc(cap);
		b[c].buffer_type = MYSQL_TYPE_STRING;
		b[c].buffer = bufs[c];
		b[c].buffer_length = cap;
		b[c].length = &lens[c];
		b[c].is_null = &nulls[c];
		b[c].error = &errs[c];
	}
	if (mysql_stmt_bind_result(s, b) != 0) {
		db_log("bind_result", mysql_stmt_error(s));
		goto out;
	}
	for (r = 0; r < nrows; r++) {
		frc = mysql_stmt_fetch(s);
		if (frc == 1 || frc == MYSQL_NO_DATA) {
			db_log("fetch", mysql_stmt_error(s));
			goto out;
		}
		for (c = 0; c < ncols; c++) {
			size_t i = r * ncols + c;

			if (nulls[c]) {
				res->vals[i] = NULL;
				res->lens[i] = 0;
				continue;
			}
			if (lens[c] >= b[c].buffer_length) {
				/* Truncated: fetch this column again in full. */
				MYSQL_BIND one;
				char *big = arena_alloc(a, lens[c] + 1);

				memset(&one, 0, sizeof(one));
				one.buffer_type = MYSQL_TYPE_STRING;
				one.buffer = big;
				one.buffer_length = lens[c] + 1;
				if (mysql_stmt_fetch_column(s, &one,
				    (unsigned)c, 0) != 0) {
					db_log("fetch_column", mysql_stmt_error(s));
					goto out;
				}
				big[lens[c]] = '\0';
				res->vals[i] = big;
			} else
				res->vals[i] = arena_strndup(a, bufs[c], lens[c]);
			res->lens[i] = lens[c];
		}
	}
	*out = res;
	rc = DB_OK;
out:
	mysql_stmt_free_result(s);
	mysql_free_result(meta);
	for (c = 0; c < ncols; c++)
		free(bufs[c]);
	free(bufs);
	free(b);
	free(lens);
	free(nulls);
	free(errs);
	return rc;
}

enum db_rc
db_query(struct db *db, struct arena *a, int st, struct dbres **out,
    const char *fmt, ...)
{
	va_list		 ap;
	enum db_rc	 rc;

	*out = NULL;
	va_start(ap, fmt);
	rc = vrun(db, st, fmt, ap);
	va_end(ap);
	if (rc != DB_OK)
		return rc;
	return fetch_all(db, handle(db, st, NULL), a, out);
}

long long
db_last_id(struct db *db)
{
	return db->my ? (long long)mysql_insert_id(db->my) : 0;
}

int
db_next(struct dbres *res)
{
	if (res == NULL || res->cur >= res->nrows)
		return 0;
	res->cur++;
	return 1;
}

/* The current row is the one db_next() last moved to (or row 0). */
static size_t
cell(const struct dbres *res, size_t col)
{
	size_t	 row = res->cur > 0 ? res->cur - 1 : 0;

	return row * res->ncols + col;
}

const char *
db_textn(const struct dbres *res, size_t col)
{
	if (res == NULL || res->nrows == 0 || col >= res->ncols)
		return NULL;
	return res->vals[cell(res, col)];
}

const char *
db_text(const struct dbres *res, size_t col)
{
	const char	*s = db_textn(res, col);

	return s ? s : "";
}

long long
db_int(const struct dbres *res, size_t col)
{
	const char	*s = db_textn(res, col);

	return s ? strtoll(s, NULL, 10) : 0;
}

char *
db_dup(struct arena *a, const struct dbres *res, size_t col)
{
	const char	*s = db_textn(res, col);

	return s ? arena_strdup(a, s) : NULL;
}

size_t
db_len(const struct dbres *res, size_t col)
{
	if (res == NULL || res->nrows == 0 || col >= res->ncols)
		return 0;
	return res->lens[cell(res, col)];
}

/* Run a statement without parameters or rows (transaction control). */
static enum db_rc
simple(struct db *db, const char *sql, int retry)
{
	unsigned	 e;

	if (db->my == NULL && !reconnect(db))
		return DB_DOWN;
	db->queries++;
	if (mysql_query(db->my, sql) == 0)
		return DB_OK;
	e = mysql_errno(db->my);
	db_log(sql, mysql_error(db->my));
	if (is_busy(db, e))
		return DB_DOWN;
	if (is_conflict(e) && db->in_tx)
		db->conflict = 1;
	if (is_gone(e)) {
		if (!reconnect(db))
			return DB_DOWN;
		if (retry)
			return simple(db, sql, 0);
	}
	return DB_ERROR;
}

enum db_rc
db_begin(struct db *db)
{
	enum db_rc	 rc;

	if ((rc = simple(db, "START TRANSACTION", 1)) == DB_OK)
		db->in_tx = 1;
	return rc;
}

enum db_rc
db_commit(struct db *db)
{
	enum db_rc	 rc = simple(db, "COMMIT", 0);

	db->in_tx = 0;
	if (rc == DB_OK)
		db->wrote = 1;
	return rc;
}

void
db_rollback(struct db *db)
{
	if (db->in_tx)
		(void)simple(db, "ROLLBACK", 0);
	db->in_tx = 0;
}

enum db_rc
db_exec_sql(struct db *db, const char *sql, const char *fmt, ...)
{
	struct arg	 args[MAX_PARAMS];
	MYSQL_BIND	 b[MAX_PARAMS];
	unsigned long	 lens[MAX_PARAMS];
	MYSQL_STMT	*s;
	va_list		 ap;
	int		 n, i;
	enum db_rc	 rc = DB_ERROR;

	va_start(ap, fmt);
	n = collect(fmt, ap, args);
	va_end(ap);
	if (n < 0 || db->my == NULL || (s = mysql_stmt_init(db->my)) == NULL)
		return DB_ERROR;
	memset(b, 0, sizeof(b));
	for (i = 0; i < n; i++) {
		if (args[i].type == 'i') {
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = &args[i].i;
		} else {
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer = (void *)args[i].s;
			lens[i] = (unsigned long)args[i].len;
			b[i].length = &lens[i];
		}
	}
	if (mysql_stmt_prepare(s, sql, strlen(sql)) == 0 &&
	    mysql_stmt_bind_param(s, b) == 0 && mysql_stmt_execute(s) == 0)
		rc = DB_OK;
	else
		db_log(sql, mysql_stmt_error(s));
	mysql_stmt_close(s);
	return rc;
}

enum db_rc
db_script(struct db *db, const char *sql, char *err, size_t errlen)
{
	int	 st;

	if (mysql_query(db->my, sql) != 0)
		goto fail;
	do {
		MYSQL_RES *r = mysql_store_result(db->my);

		if (r != NULL)
			mysql_free_result(r);
		if ((st = mysql_next_result(db->my)) > 0)
			goto fail;
	} while (st == 0);
	return DB_OK;
fail:
	snprintf(err, errlen, "%s", mysql_error(db->my));
	return DB_ERROR;
}

struct dbres *
db_raw_query(struct db *db, struct arena *a, const char *sql)
{
	MYSQL_RES	*r;
	MYSQL_ROW	 row;
	unsigned long	*l;
	struct dbres	*res;
	size_t		 i, c;

	if (mysql_query(db->my, sql) != 0 ||
	    (r = mysql_store_result(db->my)) == NULL)
		return NULL;
	res = arena_alloc(a, sizeof(*res));
	res->ncols = mysql_num_fields(r);
	res->nrows = (size_t)mysql_num_rows(r);
	res->vals = arena_alloc(a, sizeof(char *) * (res->nrows * res->ncols + 1));
	res->lens = arena_alloc(a, sizeof(size_t) * (res->nrows * res->ncols + 1));
	for (i = 0; (row = mysql_fetch_row(r)) != NULL; i++) {
		l = mysql_fetch_lengths(r);
		for (c = 0; c < res->ncols; c++) {
			res->vals[i * res->ncols + c] = row[c] ?
			    arena_strndup(a, row[c], l[c]) : NULL;
			res->lens[i * res->ncols + c] = l[c];
		}
	}
	mysql_free_result(r);
	return res;
}

char *
db_like_contains(struct arena *a, const char *s)
{
	struct buf	 b;
	char		*p;

	buf_init(&b);
	buf_putc(&b, '%');
	for (; *s != '\0'; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			buf_putc(&b, '\\');
		buf_putc(&b, *s);
	}
	buf_putc(&b, '%');
	p = arena_strdup(a, b.data);
	buf_free(&b);
	return p;
}

void
db_words(struct arena *a, const char *s, const char **match,
    const char **like)
{
	int	 all;

	*match = ft_terms(a, s, &all);
	*like = all && *match != NULL ? NULL : db_like_contains(a, s);
}

unsigned
db_queries(struct db *db)
{
	return db->queries;
}

void
db_mark(struct db *db)
{
	db->conflict = 0;
	db->wrote = 0;
}

int
db_restartable(const struct db *db)
{
	return db->conflict && !db->wrote;
}

void
db_reset_count(struct db *db)
{
	db->queries = 0;
	db->busy = 0;
}

int
db_is_down(struct db *db)
{
	return db->down || db->busy;
}

int
db_is_busy(struct db *db)
{
	return db->busy;
}

const struct config *
db_config(const struct db *db)
{
	return db->cfg;
}
