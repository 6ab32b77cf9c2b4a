/*
 * billing.c: the words of the billing pages: what a ledger row's reason
 * reads as, and signed amounts.
 */
#include <stddef.h>

#include "billing/billing.h"
#include "lib/util.h"

const char *
token_reason_label(enum token_reason why)
{
	switch (why) {
	case TOKENS_GRANT:
		return "Granted by an administrator";
	case TOKENS_DEDUCT:
		return "Deducted by an administrator";
	case TOKENS_LESSON:
		return "Group session";
	case TOKENS_UNPAID:
		break;
	}
	return "Group session, not charged";
}

const char *
token_amount(struct arena *a, long long n)
{
	if (n > 0)
		return arena_printf(a, "+%lld", n);
	if (n < 0)
		return arena_printf(a, "\xe2\x88\x92%lld", -n);
	return "0";
}
