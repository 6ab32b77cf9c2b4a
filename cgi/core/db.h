/*
 * db.h: the database layer.  One connection per worker, opened when
 * the first statement runs (a request that runs none never connects).
 * Every statement is prepared the first time a connection runs it, from
 * the table in db.c (enum stmt) or in a domain's own table (see struct
 * sqltable); values are bound with '?' placeholders.  Domain functions
 * sit on top; handlers never see SQL.
 */
#ifndef LECTERN_DB_H
#define LECTERN_DB_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct config;

/* Core's own statements: sign-in sessions and throttling (auth.c). */
enum stmt {
	STMT_AUTH_INSERT,
	STMT_AUTH_LOAD,
	STMT_AUTH_TOUCH,
	STMT_AUTH_DELETE,
	STMT_AUTH_DELETE_USER,
	STMT_AUTH_DELETE_USER_OTHERS,
	STMT_AUTH_SET_FLASH,
	STMT_AUTH_PURGE,
	STMT_FAIL_INSERT,
	STMT_FAIL_COUNT_EMAIL,
	STMT_FAIL_COUNT_ADDRESS,
	STMT_FAIL_CLEAR_EMAIL,
	STMT_FAIL_PURGE,
	STMT__MAX
};

/*
 * Statement ids: the slot of their table in the high bits, the index in
 * the table in the low bits.  Core's table (enum stmt) is slot 0.  Each
 * domain's db.c declares "enum { X_FIRST = DB_BASE(X_SLOT), ... }" with
 * the slot its header names and exports a struct sqltable; app.c hands
 * every table to db_tables() before the first connection, so core names
 * no domain.  A statement is prepared the first time a connection runs
 * it, and kept for the connection's life.
 */
#define DB_SLOT_SHIFT	10
#define DB_BASE(slot)	((slot) << DB_SLOT_SHIFT)
#define DB_SLOTS	24

struct sqltable {
	size_t			 n;
	const char *const	*sql;
};

/*
 * Hand core the statement tables, indexed by slot (NULL for an unused
 * slot; slot 0 is core's own and is ignored).  Called once at start.
 */
void		 db_tables(const struct sqltable *const *, size_t n);

struct db;

/* A fetched result: every row copied into the caller's arena as text. */
struct dbres {
	size_t	 nrows;
	size_t	 ncols;
	char	**vals;		/* nrows * ncols, NULL for SQL NULL */
	size_t	*lens;
	size_t	 cur;		/* db_next() position */
};

enum db_rc {
	DB_OK = 0,
	DB_DOWN,		/* connection lost and cannot be re-opened */
	DB_DUPLICATE,		/* unique key violated */
	DB_ERROR		/* anything else (logged) */
};

/*
 * Connect now.  With prepare set, prepare every statement at once (fails
 * when the schema is not migrated); otherwise each is prepared when
 * first run.  Returns NULL with a
 * message in err.
 */
struct db	*db_open(const struct config *, int prepare, char *err, size_t);
/*
 * A handle that connects when its first statement runs, and prepares
 * each statement when first run: what the web server's requests use.
 * A connection that cannot be made then is DB_DOWN (db_is_down()).
 */
struct db	*db_new(const struct config *);
/*
 * Prepare now every statement of every table (connecting first when
 * needed): 1 when all prepare, 0 with the first that does not in err.
 * What tells that the schema is migrated (lecternctl check-config).
 */
int		 db_check(struct db *, char *err, size_t);
void		 db_close(struct db *);

/*
 * Bind arguments by a format string: 's' text (NULL binds SQL NULL),
 * 'i' long long, 'b' blob (const void *, size_t).  db_exec runs a
 * statement that returns no rows and stores affected rows when asked;
 * db_query fetches all rows into arena.  On a lost connection outside a
 * transaction both reconnect, re-prepare and retry once.
 */
enum db_rc	 db_exec(struct db *, int stmt, long long *affected,
		    const char *fmt, ...);
enum db_rc	 db_query(struct db *, struct arena *, int stmt,
		    struct dbres **, const char *fmt, ...);
long long	 db_last_id(struct db *);

/* Row iteration over a result: db_next returns 1 while rows remain. */
int		 db_next(struct dbres *);
const char	*db_text(const struct dbres *, size_t col);	/* "" for NULL */
const char	*db_textn(const struct dbres *, size_t col);	/* NULL for NULL */
long long	 db_int(const struct dbres *, size_t col);
size_t		 db_len(const struct dbres *, size_t col);
/* An arena copy of a column of the current row, NULL for SQL NULL. */
char		*db_dup(struct arena *, const struct dbres *, size_t col);

/* Transactions: one level, explicit.  Each returns DB_OK or an error. */
enum db_rc	 db_begin(struct db *);
enum db_rc	 db_commit(struct db *);
void		 db_rollback(struct db *);

/*
 * Conflicts.  A deadlock, or on a Galera cluster a write set another
 * node committed first, makes the server roll back a transaction.  A
 * statement run alone (autocommit) is then run again here, a few times
 * with a short pause.  A statement inside a transaction fails instead
 * (DB_ERROR), and so does the COMMIT that met the conflict: the whole
 * transaction must run again from its start, and only its caller knows
 * it.  The dispatcher does it for a handler: it marks the connection
 * before the handler runs (db_mark), and when the handler answers with
 * send_db_error() while db_restartable() says that a conflict undid
 * its work and nothing it wrote was committed, it runs the handler
 * again after db_backoff().
 */
void		 db_mark(struct db *);
int		 db_restartable(const struct db *);
/* Sleep a short, growing, slightly random time before attempt n + 1. */
void		 db_backoff(int n);

/*
 * Prepare, run and drop one statement outside the table, for lecternctl
 * bookkeeping; same binding format as db_exec.
 */
enum db_rc	 db_exec_sql(struct db *, const char *sql, const char *fmt, ...);

/* Run a script of statements without parameters (migrations only). */
enum db_rc	 db_script(struct db *, const char *sql, char *err, size_t);
/* Plain one-off query for lecternctl (migrations bookkeeping). */
struct dbres	*db_raw_query(struct db *, struct arena *, const char *sql);

/* "%text%" for LIKE, with the text's own % _ and \ escaped; in arena. */
char		*db_like_contains(struct arena *, const char *);
/*
 * A search of the words of s in a column with a full-text index:
 *	(? IS NULL OR MATCH (col) AGAINST (? IN BOOLEAN MODE))
 *	AND (? IS NULL OR col LIKE ?)
 * *match gets ft_terms(s) (lib/words.h): each word of s must begin a
 * word of the column.  When some word of s is not in it (too short, a
 * stopword) or s has no word at all, *like gets db_like_contains(s),
 * so that the text must still appear as typed (a scan when *match is
 * NULL).  NULL for what is not needed; both in arena.
 */
void		 db_words(struct arena *, const char *s, const char **match,
		    const char **like);

/* Statements run since the last reset, for the request log line; the
 * reset (at each request) also forgets a lock wait that gave up. */
unsigned	 db_queries(struct db *);
void		 db_reset_count(struct db *);
/* 1 when the last failure was a lost connection, or when a statement of
 * this request gave up waiting for a lock (both DB_DOWN: answer 503). */
int		 db_is_down(struct db *);
/* 1 when a statement of this request gave up waiting for a lock. */
int		 db_is_busy(struct db *);
/* The configuration the connection was opened with (for domain code
 * that writes links and times, such as notifications). */
const struct config *db_config(const struct db *);

#endif
