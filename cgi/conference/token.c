/*
 * conftoken.c: our own HMAC tokens in the addresses the conferencing
 * provider calls back and in expiring file links.
 */
#include <string.h>

#include "conference/conference.h"
#include "core/config.h"
#include "lib/crypto.h"
#include "lib/util.h"

void
conf_token(const struct config *cfg, const char *purpose,
    const char *subject, char out[65])
{
	struct buf	 b;

	buf_init(&b);
	buf_printf(&b, "%s\n%s", purpose, subject);
	hmac_sha256_hex(cfg->secret_key, strlen(cfg->secret_key), b.data,
	    b.len, out);
	buf_free(&b);
}

int
conf_token_ok(const struct config *cfg, const char *purpose,
    const char *subject, const char *token)
{
	char	 want[65];

	if (token == NULL || *cfg->secret_key == '\0')
		return 0;
	conf_token(cfg, purpose, subject, want);
	return ct_streq(want, token);
}
