/*
 * billing.c: the words of tokens: a ledger row's reason as stored and
 * as people read it, and signed amounts.
 */
#include <stddef.h>
#include <string.h>

#include "billing/billing.h"
#include "lib/util.h"

const char *
token_reason_word(enum token_reason why)
{
	switch (why) {
	case TOKENS_GRANT:
		return "grant";
	case TOKENS_DEDUCT:
		return "deduct";
	case TOKENS_LESSON:
		return "group_lesson";
	case TOKENS_UNPAID:
		break;
	}
	return "unpaid";
}

enum token_reason
token_reason_parse(const char *s)
{
	if (strcmp(s, "grant") == 0)
		return TOKENS_GRANT;
	if (strcmp(s, "deduct") == 0)
		return TOKENS_DEDUCT;
	if (strcmp(s, "group_lesson") == 0)
		return TOKENS_LESSON;
	return TOKENS_UNPAID;
}

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
