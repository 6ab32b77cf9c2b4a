/*
 * routes.c: the billing pages of the route table: a learner's own
 * Billing page, and the administrators' token balances, each account's
 * ledger and the form that grants or deducts tokens.
 */
#include <stddef.h>

#include "billing/billing.h"
#include "core/model.h"
#include "core/req.h"
#include "core/routes.h"

#define END		{ NULL, 0, 0, 0, 0, NULL, NULL }

static const char *const direction_opts[] = { "grant", "deduct", NULL };

static const struct pdecl ledger_get[] = {
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl accounts_get[] = {
	{ "q", PT_TEXT, 0, 0, 100, NULL, "Search" },
	{ "after_text", PT_TEXT, 0, 0, 200, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl change_post[] = {
	{ "direction", PT_ENUM, PF_REQ, 0, 0, direction_opts, "Change" },
	{ "amount", PT_INT, PF_REQ, 1, TOKENS_CHANGE_MAX, NULL, "Tokens" },
	{ "note", PT_TEXT, PF_REQ, 1, 200, NULL, "Reason" },
	END
};

static const struct route routes[] = {
	{ "billing.mine", M_GET, "/billing", page_billing, ROLE_LEARNER, 0,
	    ledger_get },
	{ "billing.accounts", M_GET, "/admin/billing", page_tokens_accounts,
	    ROLE_ADMIN, 0, accounts_get },
	{ "billing.school", M_GET, "/admin/billing/school",
	    page_tokens_school, ROLE_ADMIN, 0, ledger_get },
	{ "billing.school.change", M_POST, "/admin/billing/school",
	    page_tokens_school_change, ROLE_ADMIN, RT_CSRF | RT_FORM,
	    change_post },
	{ "billing.learner", M_GET, "/admin/billing/learners/:id",
	    page_tokens_learner, ROLE_ADMIN, 0, ledger_get },
	{ "billing.learner.change", M_POST, "/admin/billing/learners/:id",
	    page_tokens_learner_change, ROLE_ADMIN, RT_CSRF | RT_FORM,
	    change_post },
};

ROUTESET(billing_routes, routes);
