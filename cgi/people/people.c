/*
 * people.c: the password rules, checking a users CSV, and the address
 * of a user's picture.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/csvfile.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "lib/valid.h"
#include "conference/conference.h"
#include "core/config.h"
#include "core/db.h"
#include "core/model.h"
#include "core/req.h"
#include "core/tpl.h"
#include "people/people.h"

/* The text of a number known to the preprocessor. */
#define STR(n)	STR_(n)
#define STR_(n)	#n

static const char too_short[] =
    "Choose a password of at least " STR(PASSWORD_MIN) " characters.";

/* See people.h. */
const char *
password_problem(const char *pw, const char *confirm)
{
	size_t	 n = utf8_chars(pw);

	if (n < PASSWORD_MIN)
		return too_short;
	if (n > PASSWORD_MAX)
		return "Choose a password of at most " STR(PASSWORD_MAX)
		    " characters.";
	if (confirm != NULL && strcmp(pw, confirm) != 0)
		return "The two passwords do not match.";
	return NULL;
}

/* See people.h. */
const char *
new_password_problem(const struct req *r)
{
	const char	*pw = P_str(r, "new_password");
	const char	*confirm = P_str(r, "confirm");

	if (pw == NULL)
		return too_short;
	return password_problem(pw, confirm != NULL ? confirm : "");
}

/* See people.h. */
void
password_rules(struct tpl_dict *d)
{
	tpl_set_int(d, "PASSWORD_MIN", PASSWORD_MIN);
	tpl_set_int(d, "PASSWORD_MAX", PASSWORD_MAX);
	tpl_set_int(d, "PASSWORD_SIGNIN_MAX", PASSWORD_SIGNIN_MAX);
}

/* 1 when the record is the optional header line. */
static int
is_header(const struct csv_record *rec)
{
	return rec->nfields >= 3 && strcasecmp(rec->fields[0], "name") == 0 &&
	    strcasecmp(rec->fields[1], "email") == 0 &&
	    strcasecmp(rec->fields[2], "role") == 0;
}

/* See people.h. */
char *
email_key(struct arena *a, const char *s)
{
	char	*p = arena_strdup(a, s), *q;

	for (q = p; *q != '\0'; q++)
		*q = (char)tolower((unsigned char)*q);
	return p;
}

struct seen {
	char	*email;
	size_t	 idx;
};

/* Order by address, then by position in the file. */
static int
cmp_seen(const void *x, const void *y)
{
	const struct seen *p = x, *q = y;
	int c = strcmp(p->email, q->email);

	if (c != 0)
		return c;
	return p->idx < q->idx ? -1 : p->idx > q->idx;
}

/* See people.h. */
int
users_check_import(struct db *db, struct arena *a,
    const struct csv_record *recs, size_t n, struct import_row **out,
    size_t *nout)
{
	struct import_row	*rows;
	struct user		*found;
	struct seen		*seen;
	const char		*f;
	size_t			 i, k, first, start = 0;
	int			 bad = 0;

	if (n > 0 && is_header(&recs[0]))
		start = 1;
	rows = arena_alloc(a, sizeof(*rows) * (n + 1));
	seen = arena_alloc(a, sizeof(*seen) * (n + 1));
	*out = rows;
	*nout = 0;
	for (i = start; i < n; i++) {
		const struct csv_record *rec = &recs[i];
		struct import_row *row = &rows[(*nout)++];

		row->line = rec->line;
		if (rec->nfields < 3 || rec->nfields > 4) {
			row->error = arena_printf(a, "expected 3 or 4 fields "
			    "(name, email, role, timezone), found %zu",
			    rec->nfields);
			continue;
		}
		row->u.name = rec->fields[0];
		row->u.email = rec->fields[1];
		row->u.role = role_parse(rec->fields[2]);
		f = rec->nfields == 4 ? rec->fields[3] : "";
		row->u.timezone = *f ? (char *)f : NULL;
		if (*row->u.name == '\0')
			row->error = "the name is empty";
		else if (!valid_text(row->u.name, strlen(row->u.name), 100, 0))
			row->error = "the name is longer than 100 characters "
			    "or contains control characters";
		else if (!valid_email(row->u.email))
			row->error = arena_printf(a, "\"%.80s\" is not a valid "
			    "email address", row->u.email);
		else if (row->u.role == 0)
			row->error = arena_printf(a, "unknown role \"%.40s\" "
			    "(use learner, teacher or admin)", rec->fields[2]);
		else if (row->u.timezone && !valid_timezone(row->u.timezone))
			row->error = arena_printf(a, "unknown timezone "
			    "\"%.64s\"", row->u.timezone);
	}

	/* Repeated addresses inside the file: every repeat after the first. */
	for (i = 0, k = 0; i < *nout; i++)
		if (rows[i].error == NULL) {
			seen[k].email = email_key(a, rows[i].u.email);
			seen[k++].idx = i;
		}
	qsort(seen, k, sizeof(*seen), cmp_seen);
	for (i = 1, first = 0; i < k; i++) {
		if (strcmp(seen[first].email, seen[i].email) != 0) {
			first = i;
			continue;
		}
		rows[seen[i].idx].error = arena_printf(a, "%s appears again "
		    "(first on line %zu)", rows[seen[i].idx].u.email,
		    rows[seen[first].idx].line);
	}

	for (i = 0; i < *nout; i++) {
		if (rows[i].error != NULL)
			continue;
		if (db_user_by_email(db, a, rows[i].u.email, &found) != DB_OK)
			return -1;
		if (found != NULL)
			rows[i].error = arena_printf(a, "a user with email %s "
			    "already exists", rows[i].u.email);
	}
	for (i = 0; i < *nout; i++)
		if (rows[i].error != NULL)
			bad++;
	return bad;
}

/* Hex characters of a picture's SHA-256 in its address. */
#define AVATAR_VERSION_LEN	16

char *
avatar_url(struct arena *a, int64_t user_id, const char *sha256)
{
	if (sha256 == NULL || *sha256 == '\0')
		return NULL;
	return arena_printf(a, "/avatars/%lld?v=%.*s", (long long)user_id,
	    AVATAR_VERSION_LEN, sha256);
}

/* The subject our HMAC signs in a picture's signed address.  In a. */
static char *
avatar_subject(struct arena *a, int64_t user_id, const char *version,
    long long exp)
{
	return arena_printf(a, "%lld:%.*s:%lld", (long long)user_id,
	    AVATAR_VERSION_LEN, version, exp);
}

char *
avatar_signed_url(const struct config *cfg, struct arena *a,
    int64_t user_id, const char *sha256, long long exp)
{
	char	 sig[65];

	if (sha256 == NULL || strlen(sha256) < AVATAR_VERSION_LEN)
		return NULL;
	conf_token(cfg, "avatar", avatar_subject(a, user_id, sha256, exp),
	    sig);
	return arena_printf(a, "%s/files/avatars/%lld?v=%.*s&exp=%lld&sig=%s",
	    cfg->base_url, (long long)user_id, AVATAR_VERSION_LEN, sha256,
	    exp, sig);
}

int
avatar_signed_ok(const struct config *cfg, struct arena *a,
    int64_t user_id, const char *version, long long exp, const char *sig)
{
	if (version == NULL || strlen(version) != AVATAR_VERSION_LEN ||
	    sig == NULL)
		return 0;
	return conf_token_ok(cfg, "avatar", avatar_subject(a, user_id,
	    version, exp), sig);
}

/* 1 when version names the picture whose SHA-256 is sha256.  Pure. */
int
avatar_version_is(const char *version, const char *sha256)
{
	return version != NULL && sha256 != NULL &&
	    strlen(version) == AVATAR_VERSION_LEN &&
	    strncmp(version, sha256, AVATAR_VERSION_LEN) == 0;
}
