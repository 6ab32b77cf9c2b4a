/*
 * db-auth.c: one-time welcome links and CSV uploads awaiting their
 * preview.  (Sign-in sessions and throttling live in auth.c.)
 */
#include <string.h>

#include "lib/crypto.h"
#include "core/db.h"
#include "core/model.h"
#include "people/store.h"
#include "lib/util.h"

enum db_rc
db_welcome_create(struct db *db, int64_t user_id, int days, char token[33])
{
	char	 hash[65];

	random_hex(token, TOKEN_BYTES);
	sha256_hex(token, strlen(token), hash);
	return db_exec(db, STMT_TOKEN_INSERT, NULL, "sii", hash,
	    (long long)user_id, (long long)days);
}

enum db_rc
db_welcome_find(struct db *db, struct arena *a, const char *token,
    struct user **out)
{
	struct dbres	*res;
	struct user	*u;
	char		 hash[65];
	enum db_rc	 rc;

	*out = NULL;
	sha256_hex(token, strlen(token), hash);
	if ((rc = db_query(db, a, STMT_TOKEN_LOAD, &res, "s", hash)) != DB_OK)
		return rc;
	if (res->nrows == 0)
		return DB_OK;
	u = arena_alloc(a, sizeof(*u));
	u->id = db_int(res, 0);
	u->name = arena_strdup(a, db_text(res, 1));
	u->email = arena_strdup(a, db_text(res, 2));
	*out = u;
	return DB_OK;
}

enum db_rc
db_welcome_use(struct db *db, const char *token, int *ok)
{
	char		 hash[65];
	long long	 n = 0;
	enum db_rc	 rc;

	sha256_hex(token, strlen(token), hash);
	rc = db_exec(db, STMT_TOKEN_USE, &n, "s", hash);
	*ok = n == 1;
	return rc;
}

enum db_rc
db_upload_save(struct db *db, const char *kind, int64_t admin,
    const char *filename, const char *data, size_t len, int64_t *id)
{
	enum db_rc	 rc;

	rc = db_exec(db, STMT_IMPORT_INSERT, NULL, "sisb", kind,
	    (long long)admin, filename, data, len);
	if (rc == DB_OK)
		*id = db_last_id(db);
	return rc;
}

enum db_rc
db_upload_get(struct db *db, struct arena *a, const char *kind, int64_t admin,
    int64_t id, struct csv_upload **out)
{
	struct dbres		*res;
	struct csv_upload	*u;
	enum db_rc		 rc;

	*out = NULL;
	if ((rc = db_query(db, a, STMT_IMPORT_LOAD, &res, "iis",
	    (long long)id, (long long)admin, kind)) != DB_OK)
		return rc;
	if (res->nrows == 0)
		return DB_OK;
	u = arena_alloc(a, sizeof(*u));
	u->id = db_int(res, 0);
	u->filename = arena_strdup(a, db_text(res, 1));
	u->content = (char *)db_text(res, 2);
	u->len = db_len(res, 2);
	u->applied = db_textn(res, 3) != NULL;
	*out = u;
	return DB_OK;
}

enum db_rc
db_upload_mark_applied(struct db *db, int64_t id, int *ok)
{
	long long	 n = 0;
	enum db_rc	 rc;

	rc = db_exec(db, STMT_IMPORT_MARK_APPLIED, &n, "i", (long long)id);
	*ok = n == 1;
	return rc;
}
