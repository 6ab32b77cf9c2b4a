/*
 * db.c: the billing domain's SQL and its functions: accounts, their
 * balances and the ledger.  Every change of a balance is one
 * conditional UPDATE (it cannot go below zero or above TOKENS_MAX, even
 * when two requests race) followed by its ledger row, which reads the
 * balance after from the row the UPDATE has just locked; the caller
 * holds both in one transaction.
 */
#include <stddef.h>

#include "billing/billing.h"
#include "core/db.h"
#include "lib/util.h"

enum {
	BL_SCHOOL = DB_BASE(BILLING_SLOT),
	BL_LEARNER,
	BL_ENSURE,
	BL_ACCOUNT_OF,
	BL_LOCK,
	BL_CHANGE,
	BL_LEDGER_ADD,
	BL_LIVE_SEEN,
	BL_ACCOUNTS,
	BL_LEDGER,
	BL__END
};

#define S(id)	((id) - BL_SCHOOL)

_Static_assert(ACCOUNTS_PAGE + 1 == 51, "BL_ACCOUNTS fetches a page and one");
_Static_assert(LEDGER_PAGE + 1 == 26, "BL_LEDGER fetches a page and one");
_Static_assert(TOKENS_MAX == 1000000000LL, "BL_CHANGE's ceiling");

static const char *const sql[] = {
	[S(BL_SCHOOL)] =
	    "SELECT id, 0, NULL, NULL, balance FROM token_accounts "
	    "WHERE kind = 'school' ORDER BY id LIMIT 1",
	[S(BL_LEARNER)] =
	    "SELECT COALESCE(a.id, 0), u.id, u.name, u.email, "
	    "COALESCE(a.balance, 0) FROM users u LEFT JOIN token_accounts a "
	    "ON a.user_id = u.id WHERE u.id = ? AND u.role = 'learner'",
	[S(BL_ENSURE)] =
	    "INSERT IGNORE INTO token_accounts (kind, user_id, balance, "
	    "created_at, updated_at) SELECT 'learner', id, 0, "
	    "UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM users WHERE id = ? AND "
	    "role = 'learner'",
	[S(BL_ACCOUNT_OF)] =
	    "SELECT id FROM token_accounts WHERE user_id = ?",
	[S(BL_LOCK)] =
	    "SELECT balance FROM token_accounts WHERE id = ? FOR UPDATE",
	/* The condition keeps the balance in [0, TOKENS_MAX]. */
	[S(BL_CHANGE)] =
	    "UPDATE token_accounts SET balance = balance + ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ? AND balance + ? >= 0 "
	    "AND balance + ? <= 1000000000",
	[S(BL_LEDGER_ADD)] =
	    "INSERT INTO token_ledger (account_id, amount, balance_after, "
	    "reason, note, session_id, user_id, created_at) SELECT id, ?, "
	    "balance, ?, ?, NULLIF(?, 0), NULLIF(?, 0), UTC_TIMESTAMP() "
	    "FROM token_accounts WHERE id = ?",
	/* A locking read: it sees a row another transaction committed. */
	[S(BL_LIVE_SEEN)] =
	    "SELECT id FROM token_ledger WHERE session_id = ? AND "
	    "account_id = ? FOR UPDATE",
	[S(BL_ACCOUNTS)] =
	    "SELECT COALESCE(a.id, 0), u.id, u.name, u.email, "
	    "COALESCE(a.balance, 0) FROM users u LEFT JOIN token_accounts a "
	    "ON a.user_id = u.id WHERE u.role = 'learner' AND (? IS NULL OR "
	    "u.name LIKE ? OR u.email LIKE ?) AND (? = 0 OR u.name > ? OR "
	    "(u.name = ? AND u.id > ?)) ORDER BY u.name, u.id LIMIT 51",
	[S(BL_LEDGER)] =
	    "SELECT g.id, g.amount, g.balance_after, g.reason, g.note, "
	    "COALESCE(g.session_id, 0), COALESCE(s.title, c.title), "
	    "s.starts_at, u.name, g.created_at FROM token_ledger g "
	    "LEFT JOIN live_sessions s ON s.id = g.session_id "
	    "LEFT JOIN courses c ON c.id = s.course_id "
	    "LEFT JOIN users u ON u.id = g.user_id WHERE g.account_id = ? "
	    "AND (? = 0 OR g.id < ?) ORDER BY g.id DESC LIMIT 26",
};

_Static_assert(sizeof(sql) / sizeof(sql[0]) == S(BL__END),
    "one statement per id");

const struct sqltable sql_billing = { S(BL__END), sql };

/* The ledger row of a change; amount 0 for a lesson not charged. */
static enum db_rc
ledger_add(struct db *db, int64_t account, long long amount,
    enum token_reason why, const char *note, int64_t session, int64_t by)
{
	return db_exec(db, BL_LEDGER_ADD, NULL, "issiii", amount,
	    token_reason_word(why), note, (long long)session, (long long)by,
	    (long long)account);
}

enum db_rc
billing_change(struct db *db, int64_t account, long long amount,
    enum token_reason why, const char *note, int64_t by, int *applied)
{
	long long	 n = 0;
	enum db_rc	 rc;

	*applied = 0;
	if ((rc = db_exec(db, BL_CHANGE, &n, "iiii", amount, (long long)account,
	    amount, amount)) != DB_OK)
		return rc;
	if (n != 1)
		return DB_OK;
	if ((rc = ledger_add(db, account, amount, why, note, 0, by)) != DB_OK)
		return rc;
	*applied = 1;
	return DB_OK;
}

enum db_rc
billing_learner_account(struct db *db, struct arena *a, int64_t user,
    int64_t *account)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*account = 0;
	if ((rc = db_exec(db, BL_ENSURE, NULL, "i", (long long)user)) != DB_OK)
		return rc;
	if ((rc = db_query(db, a, BL_ACCOUNT_OF, &res, "i",
	    (long long)user)) != DB_OK)
		return rc;
	if (db_next(res))
		*account = db_int(res, 0);
	return DB_OK;
}

enum db_rc
billing_charge_live(struct db *db, int64_t session, int64_t learner,
    long long cost, int64_t by, int *charged)
{
	struct arena	*a = arena_new();
	struct dbres	*res;
	int64_t		 account;
	long long	 n = 0;
	enum db_rc	 rc;

	*charged = 0;
	if ((rc = billing_learner_account(db, a, learner, &account)) != DB_OK ||
	    account == 0)
		goto out;
	/* The account's lock first: a second save of the same lesson
	 * waits here, then finds the row the first one wrote. */
	if ((rc = db_query(db, a, BL_LOCK, &res, "i",
	    (long long)account)) != DB_OK)
		goto out;
	if ((rc = db_query(db, a, BL_LIVE_SEEN, &res, "ii", (long long)session,
	    (long long)account)) != DB_OK || res->nrows > 0)
		goto out;
	if ((rc = db_exec(db, BL_CHANGE, &n, "iiii", -cost, (long long)account,
	    -cost, -cost)) != DB_OK)
		goto out;
	if (n == 1) {
		rc = ledger_add(db, account, -cost, TOKENS_LESSON, NULL,
		    session, by);
		*charged = rc == DB_OK;
	} else
		rc = ledger_add(db, account, 0, TOKENS_UNPAID, arena_printf(a,
		    "Not charged: the balance was below %lld tokens.", cost),
		    session, by);
out:
	arena_free(a);
	return rc;
}

/* Accounts of a result; allocates the array. */
static void
account_rows(struct arena *a, struct dbres *res, struct token_account **list,
    size_t *n)
{
	struct token_account	*t;

	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	*n = 0;
	while (db_next(res)) {
		t = &(*list)[(*n)++];
		t->id = db_int(res, 0);
		t->user_id = db_int(res, 1);
		t->name = db_dup(a, res, 2);
		t->email = db_dup(a, res, 3);
		t->balance = db_int(res, 4);
	}
}

/* The one account a statement finds, or NULL. */
static enum db_rc
account_one(struct db *db, struct arena *a, int stmt, int64_t user,
    struct token_account **out)
{
	struct dbres	*res;
	size_t		 n;
	enum db_rc	 rc;

	*out = NULL;
	rc = user > 0 ? db_query(db, a, stmt, &res, "i", (long long)user) :
	    db_query(db, a, stmt, &res, "");
	if (rc != DB_OK)
		return rc;
	account_rows(a, res, out, &n);
	if (n == 0)
		*out = NULL;
	return DB_OK;
}

enum db_rc
db_tokens_school(struct db *db, struct arena *a, struct token_account **out)
{
	return account_one(db, a, BL_SCHOOL, 0, out);
}

enum db_rc
db_tokens_learner(struct db *db, struct arena *a, int64_t user,
    struct token_account **out)
{
	return account_one(db, a, BL_LEARNER, user, out);
}

enum db_rc
db_tokens_accounts(struct db *db, struct arena *a, const char *search,
    const char *after_text, int64_t after_id, struct token_account **list,
    size_t *n)
{
	struct dbres	*res;
	const char	*pat = NULL;
	enum db_rc	 rc;

	*n = 0;
	if (search != NULL && *search != '\0')
		pat = db_like_contains(a, search);
	if ((rc = db_query(db, a, BL_ACCOUNTS, &res, "sssissi", pat, pat, pat,
	    (long long)after_id, after_text ? after_text : "",
	    after_text ? after_text : "", (long long)after_id)) != DB_OK)
		return rc;
	account_rows(a, res, list, n);
	return DB_OK;
}

enum db_rc
db_tokens_ledger(struct db *db, struct arena *a, int64_t account,
    int64_t before_id, struct token_entry **list, size_t *n)
{
	struct dbres		*res;
	struct token_entry	*e;
	enum db_rc		 rc;

	*n = 0;
	if ((rc = db_query(db, a, BL_LEDGER, &res, "iii", (long long)account,
	    (long long)before_id, (long long)before_id)) != DB_OK)
		return rc;
	*list = arena_alloc(a, (res->nrows + 1) * sizeof(**list));
	while (db_next(res)) {
		e = &(*list)[(*n)++];
		e->id = db_int(res, 0);
		e->amount = db_int(res, 1);
		e->balance_after = db_int(res, 2);
		e->reason = token_reason_parse(db_text(res, 3));
		e->note = db_dup(a, res, 4);
		e->session_id = db_int(res, 5);
		e->session_name = db_dup(a, res, 6);
		e->session_start = db_dup(a, res, 7);
		e->by_name = db_dup(a, res, 8);
		e->created_at = db_dup(a, res, 9);
	}
	return DB_OK;
}
