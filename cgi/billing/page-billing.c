/*
 * page-billing.c: token balances and their ledger.  A learner's Billing
 * page (their balance and every change, each with its reason and a
 * link to the lesson that caused it); the administrators' list of
 * balances, each account's page and its form to grant or deduct.
 */
#include <stdio.h>
#include <string.h>

#include "billing/billing.h"
#include "core/auth.h"
#include "core/handler.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "lib/util.h"

/*
 * The page of an account: its balance and a page of its ledger (newest
 * first, ?after_id=ID: those older than ID).  path is the page's own
 * address for the pager; admin shows the form to grant or deduct.
 * Returns the template's dictionary, or NULL after 503.
 */
static struct tpl_dict *
account_page(struct req *r, const struct token_account *t, const char *path,
    int admin)
{
	struct token_entry	*list = NULL;
	struct tpl_dict		*d, *e, *s, *rows = NULL;
	size_t			 n = 0, i, shown;
	int64_t			 after = (int64_t)P_num_opt(r, "after_id");
	const char		*title;

	if (t->id > 0 && db_tokens_ledger(r->db, r->a, t->id, after, &list,
	    &n) != DB_OK) {
		send_db_error(r);
		return NULL;
	}
	title = !admin ? "Billing" : t->user_id ? arena_printf(r->a,
	    "Tokens of %s", t->name) : "Tokens of the school";
	d = page_begin(r, "billing-account.tpl", title);
	tpl_set(d, "HEADING", title);
	tpl_set_int(d, "BALANCE", t->balance);
	if (admin) {
		tpl_show(d, "ADMIN_BACK");
		if (t->user_id) {
			s = tpl_section(d, "WHO");
			tpl_set(s, "NAME", t->name);
			tpl_set(s, "EMAIL", t->email);
		}
	} else
		tpl_show(d, "LEARNER_HINT");
	shown = n > LEDGER_PAGE ? LEDGER_PAGE : n;
	if (shown == 0)
		tpl_show(d, "EMPTY");
	else
		rows = tpl_section(d, "ENTRIES");
	for (i = 0; i < shown; i++) {
		e = tpl_section(rows, "ENTRY");
		tpl_set_int(e, "ID", list[i].id);
		tpl_set(e, "WHEN", show_time(r, list[i].created_at));
		tpl_set(e, "AMOUNT", token_amount(r->a, list[i].amount));
		tpl_set_int(e, "AFTER", list[i].balance_after);
		tpl_set(e, "REASON", token_reason_label(list[i].reason));
		tpl_set(e, "REASON_WORD", token_reason_word(list[i].reason));
		if (list[i].session_id > 0) {
			s = tpl_section(e, "LESSON");
			tpl_set_int(s, "SESSION_ID", list[i].session_id);
			tpl_set(s, "SESSION_NAME", list[i].session_name ?
			    list[i].session_name : "Live session");
			tpl_set(s, "SESSION_START", list[i].session_start ?
			    show_time(r, list[i].session_start) : "");
		}
		if (list[i].note != NULL)
			tpl_set(tpl_section(e, "NOTE"), "TEXT", list[i].note);
		if (admin && list[i].by_name != NULL)
			tpl_set(tpl_section(e, "BY"), "BY_NAME",
			    list[i].by_name);
	}
	pager_links(r, d, path, NULL, n > LEDGER_PAGE, NULL,
	    shown > 0 ? list[shown - 1].id : 0);
	return d;
}

/*
 * The form to grant or deduct on an administrator's account page, with
 * the posted values and their errors after a POST.
 */
static void
change_form(struct req *r, struct tpl_dict *d, const char *action)
{
	struct tpl_dict	*f = tpl_section(d, "CHANGE_FORM");
	const char	*dir = NULL;

	tpl_set(f, "ACTION", action);
	tpl_set_int(f, "CHANGE_MAX", TOKENS_CHANGE_MAX);
	if (r->method == M_POST) {
		form_field(f, P(r, "direction"), "DIRECTION_VALUE",
		    "DIRECTION_ERROR");
		form_field(f, P(r, "amount"), "AMOUNT_VALUE", "AMOUNT_ERROR");
		form_field(f, P(r, "note"), "NOTE_VALUE", "NOTE_ERROR");
		dir = P_str(r, "direction");
	}
	tpl_show(f, dir != NULL && strcmp(dir, "deduct") == 0 ?
	    "DEDUCT_CHECKED" : "GRANT_CHECKED");
}

/* An administrator's page of account t (GET, or a POST with errors). */
static int
admin_account(struct req *r, const struct token_account *t, const char *path,
    int status)
{
	struct tpl_dict	*d;

	if ((d = account_page(r, t, path, 1)) == NULL)
		return r->status;
	change_form(r, d, path);
	return page_send(r, status);
}

/* The learner of the path, or NULL once answered (404, 503). */
static struct token_account *
learner_load(struct req *r)
{
	struct token_account	*t;
	enum db_rc		 rc;

	rc = db_tokens_learner(r->db, r->a, r->ids[0], &t);
	if (!load_found(r, rc, t, "There is no such learner."))
		return NULL;
	return t;
}

/* The school's account, or NULL once answered (404, 503). */
static struct token_account *
school_load(struct req *r)
{
	struct token_account	*t;
	enum db_rc		 rc;

	rc = db_tokens_school(r->db, r->a, &t);
	if (!load_found(r, rc, t, "The school has no token account."))
		return NULL;
	return t;
}

/*
 * Grant or deduct the posted tokens on account t (the learner's made
 * when missing), with the posted reason, in one transaction: back to
 * the page with a message, or the form with what is wrong; nothing
 * changes then.  Statuses: 303, 422, 503.
 */
static int
change(struct req *r, struct token_account *t, const char *path)
{
	long long	 amount = P_num(r, "amount");
	int		 deduct, applied;
	int64_t		 account = t->id;

	if (r->nerrors > 0)
		return admin_account(r, t, path, 422);
	deduct = strcmp(P_str(r, "direction"), "deduct") == 0;
	if (db_begin(r->db) != DB_OK)
		return send_db_error(r);
	if (t->user_id > 0 && billing_learner_account(r->db, r->a, t->user_id,
	    &account) != DB_OK)
		goto fail;
	if (billing_change(r->db, account, deduct ? -amount : amount,
	    deduct ? TOKENS_DEDUCT : TOKENS_GRANT, P_str(r, "note"),
	    r->user->id, &applied) != DB_OK)
		goto fail;
	if (!applied) {
		db_rollback(r->db);
		P_fail(r, "amount", deduct ? arena_printf(r->a, "The balance "
		    "is %lld tokens: deduct at most that.", t->balance) :
		    arena_printf(r->a, "A balance cannot exceed %lld tokens.",
		    TOKENS_MAX));
		return admin_account(r, t, path, 422);
	}
	if (db_commit(r->db) != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "%s %lld tokens.", deduct ?
	    "Deducted" : "Granted", amount));
	return send_redirect(r, path);
fail:
	db_rollback(r->db);
	return send_db_error(r);
}

/* The address of a learner's account page. */
static const char *
learner_path(struct req *r, const struct token_account *t)
{
	return arena_printf(r->a, "/admin/billing/learners/%lld",
	    (long long)t->user_id);
}

/*
 * GET /billing: the learner's balance and ledger, newest first.
 * Statuses: 200, 404, 503.
 */
int
page_billing(struct req *r)
{
	struct token_account	*t;
	enum db_rc		 rc;

	rc = db_tokens_learner(r->db, r->a, r->user->id, &t);
	if (!load_found(r, rc, t, "You have no token balance."))
		return r->status;
	if (account_page(r, t, "/billing", 0) == NULL)
		return r->status;
	return page_send(r, 200);
}

/*
 * GET /admin/billing: the school's balance and every learner's, by
 * name, 50 a page.
 * Statuses: 200, 503.
 */
int
page_tokens_accounts(struct req *r)
{
	static const char *const keep[] = { "q", NULL };
	struct token_account	*school, *list;
	struct tpl_dict		*d, *e, *rows = NULL;
	size_t			 n, i, shown;

	if (db_tokens_school(r->db, r->a, &school) != DB_OK ||
	    db_tokens_accounts(r->db, r->a, P_str(r, "q"),
	    P_str(r, "after_text"), (int64_t)P_num(r, "after_id"), &list,
	    &n) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "billing-accounts.tpl", "Token balances");
	tpl_set_int(d, "SCHOOL_BALANCE", school ? school->balance : 0);
	tpl_set(d, "Q", P_str(r, "q") ? P_str(r, "q") : "");
	shown = n > ACCOUNTS_PAGE ? ACCOUNTS_PAGE : n;
	if (shown == 0)
		tpl_show(d, P_str(r, "q") ? "NO_MATCH" : "NONE");
	else
		rows = tpl_section(d, "ACCOUNTS");
	for (i = 0; i < shown; i++) {
		e = tpl_section(rows, "ACCOUNT");
		tpl_set_int(e, "USER_ID", list[i].user_id);
		tpl_set(e, "NAME", list[i].name);
		tpl_set(e, "EMAIL", list[i].email);
		tpl_set_int(e, "BALANCE", list[i].balance);
	}
	pager_links(r, d, "/admin/billing", keep, n > ACCOUNTS_PAGE,
	    shown > 0 ? list[shown - 1].name : NULL,
	    shown > 0 ? list[shown - 1].user_id : 0);
	return page_send(r, 200);
}

/*
 * GET /admin/billing/school: the school's balance, ledger and form.
 * Statuses: 200, 404, 503.
 */
int
page_tokens_school(struct req *r)
{
	struct token_account	*t;

	if ((t = school_load(r)) == NULL)
		return r->status;
	return admin_account(r, t, "/admin/billing/school", 200);
}

/*
 * POST /admin/billing/school: grant or deduct the school's tokens.
 * Statuses: 303, 404, 422, 503.
 */
int
page_tokens_school_change(struct req *r)
{
	struct token_account	*t;

	if ((t = school_load(r)) == NULL)
		return r->status;
	return change(r, t, "/admin/billing/school");
}

/*
 * GET /admin/billing/learners/:id: a learner's balance, ledger and
 * form.
 * Statuses: 200, 404, 503.
 */
int
page_tokens_learner(struct req *r)
{
	struct token_account	*t;

	if ((t = learner_load(r)) == NULL)
		return r->status;
	return admin_account(r, t, learner_path(r, t), 200);
}

/*
 * POST /admin/billing/learners/:id: grant or deduct a learner's tokens.
 * Statuses: 303, 404, 422, 503.
 */
int
page_tokens_learner_change(struct req *r)
{
	struct token_account	*t;

	if ((t = learner_load(r)) == NULL)
		return r->status;
	return change(r, t, learner_path(r, t));
}
