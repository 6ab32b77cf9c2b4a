/*
 * db-users.c: reading and writing users.
 */
#include <stdio.h>
#include <string.h>

#include "core/db.h"
#include "core/model.h"
#include "people/store.h"
#include "lib/util.h"

/* Copy one USER_COLS row (see db.c) into a new user. */
static struct user *
user_row(struct arena *a, const struct dbres *res)
{
	struct user	*u = arena_alloc(a, sizeof(*u));

	u->id = db_int(res, 0);
	u->name = arena_strdup(a, db_text(res, 1));
	u->email = arena_strdup(a, db_text(res, 2));
	u->role = role_parse(db_text(res, 3));
	u->timezone = db_dup(a, res, 4);
	u->disabled = (int)db_int(res, 5);
	u->password_hash = db_dup(a, res, 6);
	u->password_temporary = (int)db_int(res, 7);
	u->created_at = arena_strdup(a, db_text(res, 8));
	return u;
}

enum db_rc
db_user_get(struct db *db, struct arena *a, int64_t id, struct user **out)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, STMT_USER_BY_ID, &res, "i",
	    (long long)id)) != DB_OK)
		return rc;
	if (res->nrows > 0)
		*out = user_row(a, res);
	return DB_OK;
}

enum db_rc
db_user_by_email(struct db *db, struct arena *a, const char *email,
    struct user **out)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, STMT_USER_BY_EMAIL, &res, "s", email)) != DB_OK)
		return rc;
	if (res->nrows > 0)
		*out = user_row(a, res);
	return DB_OK;
}

enum db_rc
db_user_create(struct db *db, const struct user *u, const char *hash,
    int temporary, int64_t *id)
{
	enum db_rc	 rc;

	rc = db_exec(db, STMT_USER_INSERT, NULL, "sssiss", u->name, u->email,
	    hash, (long long)temporary, u->timezone, role_name(u->role));
	if (rc == DB_OK && id != NULL)
		*id = db_last_id(db);
	return rc;
}

enum db_rc
db_user_update(struct db *db, const struct user *u)
{
	return db_exec(db, STMT_USER_UPDATE, NULL, "ssssi", u->name, u->email,
	    role_name(u->role), u->timezone, (long long)u->id);
}

enum db_rc
db_user_set_password(struct db *db, int64_t id, const char *hash,
    int temporary)
{
	return db_exec(db, STMT_USER_SET_PASSWORD, NULL, "sii", hash,
	    (long long)temporary, (long long)id);
}

enum db_rc
db_user_set_disabled(struct db *db, int64_t id, int disabled)
{
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, STMT_USER_SET_DISABLED, NULL, "ii",
	    (long long)(disabled != 0), (long long)id)) != DB_OK)
		goto fail;
	if (disabled && (rc = db_exec(db, STMT_AUTH_DELETE_USER, NULL, "i",
	    (long long)id)) != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return rc;
}

enum db_rc
db_user_end_sessions(struct db *db, int64_t id, const char *keep_hash)
{
	if (keep_hash == NULL)
		return db_exec(db, STMT_AUTH_DELETE_USER, NULL, "i",
		    (long long)id);
	return db_exec(db, STMT_AUTH_DELETE_USER_OTHERS, NULL, "is",
	    (long long)id, keep_hash);
}

enum db_rc
db_user_set_timezone(struct db *db, int64_t id, const char *tz)
{
	return db_exec(db, STMT_USER_SET_TIMEZONE, NULL, "si", tz,
	    (long long)id);
}

enum db_rc
db_user_list(struct db *db, struct arena *a, const char *search,
    const char *after_name, int64_t after_id, int limit,
    struct user **list, size_t *n)
{
	struct dbres	*res;
	struct user	*u;
	enum db_rc	 rc;
	char		*pat;
	size_t		 i;

	if (after_name == NULL)
		after_name = "";
	if (search != NULL && *search != '\0') {
		pat = db_like_contains(a, search);
		if (after_id > 0)
			rc = db_query(db, a, STMT_USER_SEARCH_AFTER, &res,
			    "sssiii", pat, pat, after_name, after_name,
			    (long long)after_id, (long long)limit);
		else
			rc = db_query(db, a, STMT_USER_SEARCH_FIRST, &res,
			    "ssi", pat, pat, (long long)limit);
	} else if (after_id > 0)
		rc = db_query(db, a, STMT_USER_LIST_AFTER, &res, "ssii",
		    after_name, after_name, (long long)after_id,
		    (long long)limit);
	else
		rc = db_query(db, a, STMT_USER_LIST_FIRST, &res, "i",
		    (long long)limit);
	if (rc != DB_OK)
		return rc;
	*n = res->nrows;
	*list = arena_alloc(a, sizeof(struct user) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		u = &(*list)[i];
		u->id = db_int(res, 0);
		u->name = arena_strdup(a, db_text(res, 1));
		u->email = arena_strdup(a, db_text(res, 2));
		u->role = role_parse(db_text(res, 3));
		u->disabled = (int)db_int(res, 4);
		u->timezone = db_dup(a, res, 5);
	}
	return DB_OK;
}

enum db_rc
db_admins_active(struct db *db, struct arena *a, long long *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	if ((rc = db_query(db, a, STMT_USER_COUNT_ADMINS, &res, "")) != DB_OK)
		return rc;
	*n = db_int(res, 0);
	return DB_OK;
}
