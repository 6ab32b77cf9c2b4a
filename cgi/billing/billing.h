/*
 * billing.h: the billing domain: token balances of the school and of
 * each learner, and the ledger of every change to them (code word
 * "tokens").  A balance changes only with its ledger row, in one
 * transaction, and never below zero.  Functions return DB_OK or the
 * failure; lookups that find nothing return DB_OK with NULL.  Results
 * are allocated in the given arena.
 */
#ifndef LECTERN_BILLING_H
#define LECTERN_BILLING_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"

/* Slot of the statement table in billing/db.c (see app.c). */
#define BILLING_SLOT	19
extern const struct sqltable	sql_billing;
extern const struct routeset	billing_routes;

struct arena;
struct req;

/* The largest balance, and the largest grant or deduction at once. */
#define TOKENS_MAX		1000000000LL
#define TOKENS_CHANGE_MAX	1000000LL
/* The most a group lesson may cost each learner present. */
#define TOKENS_LESSON_MAX	10000

/* Ledger rows of a page, and accounts of the administrator's list; the
 * statements fetch one more. */
#define LEDGER_PAGE	25
#define ACCOUNTS_PAGE	50

/* Why a ledger row was written (the column's words). */
enum token_reason {
	TOKENS_GRANT,		/* an administrator added tokens */
	TOKENS_DEDUCT,		/* an administrator took tokens */
	TOKENS_LESSON,		/* a group live lesson's charge */
	TOKENS_UNPAID		/* a group lesson not charged: too few */
};

/* An account: the school's (user_id 0) or a learner's. */
struct token_account {
	int64_t		 id;		/* 0: the learner has none yet */
	int64_t		 user_id;	/* 0: the school */
	char		*name;		/* NULL: the school */
	char		*email;
	long long	 balance;
};

/* One ledger row, with what caused it. */
struct token_entry {
	int64_t		 id;
	long long	 amount;	/* signed */
	long long	 balance_after;
	enum token_reason reason;
	char		*note;		/* NULL: none */
	int64_t		 session_id;	/* 0: not a live lesson */
	char		*session_name;	/* the lesson's title or course */
	char		*session_start;
	char		*by_name;	/* NULL: the system */
	char		*created_at;
};

/* billing.c: words.  Pure. */
/* The column's word of a reason ("grant", "group_lesson", ...). */
const char	*token_reason_word(enum token_reason);
/* The reason of a column's word (an unknown word reads as unpaid). */
enum token_reason token_reason_parse(const char *);
/* The label people read of a reason ("Granted", "Group session", ...). */
const char	*token_reason_label(enum token_reason);
/* A signed amount as people read it: "+50", "−70", "0". */
const char	*token_amount(struct arena *, long long);

/* db.c */
/*
 * Inside the caller's open transaction: charge cost tokens to learner
 * for the group live lesson session, once.  A lesson already in the
 * learner's ledger changes nothing (*charged = 0); a balance below cost
 * writes a row of 0 tokens marked unpaid (*charged = 0); otherwise the
 * balance goes down with its ledger row (*charged = 1).
 */
enum db_rc	billing_charge_live(struct db *, int64_t session_id,
		    int64_t learner_id, long long cost, int64_t by_user,
		    int *charged);
/*
 * Inside the caller's open transaction: add amount (signed) to account
 * with its ledger row.  *applied is 0 (nothing written) when the
 * balance would go below zero or above TOKENS_MAX.
 */
enum db_rc	billing_change(struct db *, int64_t account_id,
		    long long amount, enum token_reason, const char *note,
		    int64_t by_user, int *applied);
/* Inside the caller's open transaction: the learner's account id,
 * made when missing; 0 when user_id is not a learner. */
enum db_rc	billing_learner_account(struct db *, struct arena *,
		    int64_t user_id, int64_t *account_id);
/* The school's account (always there once migrated). */
enum db_rc	db_tokens_school(struct db *, struct arena *,
		    struct token_account **);
/* A learner's account; id 0 and balance 0 when they have none yet;
 * NULL when user_id is not a learner. */
enum db_rc	db_tokens_learner(struct db *, struct arena *, int64_t user_id,
		    struct token_account **);
/* Learners by name with their balances, those whose name or email
 * holds search (NULL: all), after (after_text, after_id) when after_id
 * > 0; at most ACCOUNTS_PAGE + 1. */
enum db_rc	db_tokens_accounts(struct db *, struct arena *,
		    const char *search, const char *after_text,
		    int64_t after_id,
		    struct token_account **, size_t *);
/* An account's ledger, newest first, below before_id (0: from the
 * newest); at most LEDGER_PAGE + 1. */
enum db_rc	db_tokens_ledger(struct db *, struct arena *, int64_t account,
		    int64_t before_id, struct token_entry **, size_t *);

/* page-billing.c */
int	page_billing(struct req *);
int	page_tokens_accounts(struct req *);
int	page_tokens_school(struct req *);
int	page_tokens_learner(struct req *);
int	page_tokens_school_change(struct req *);
int	page_tokens_learner_change(struct req *);

#endif
