/*
 * db.c: the people domain's SQL and its functions: users, one-time
 * welcome links, and CSV uploads awaiting their preview.  (Sign-in
 * sessions and throttling are core's, in core/auth.c.)
 */
#include <stdio.h>
#include <string.h>

#include "core/db.h"
#include "lib/crypto.h"
#include "core/model.h"
#include "people/people.h"
#include "lib/util.h"
#include "lib/words.h"

enum {
	PPL_USER_BY_ID = DB_BASE(PEOPLE_SLOT),
	PPL_USER_BY_EMAIL,
	PPL_USER_ID_BY_EMAIL,
	PPL_USER_INSERT,
	PPL_USER_UPDATE,
	PPL_USER_SET_PASSWORD,
	PPL_USER_SET_DISABLED,
	PPL_USER_SET_TIMEZONE,
	PPL_USER_LIST_FIRST,
	PPL_USER_LIST_AFTER,
	PPL_USER_SEARCH_FIRST,
	PPL_USER_SEARCH_AFTER,
	PPL_USER_COUNT_ADMINS,
	PPL_TOKEN_INSERT,
	PPL_TOKEN_LOAD,
	PPL_TOKEN_USE,
	PPL_IMPORT_INSERT,
	PPL_IMPORT_LOAD,
	PPL_IMPORT_MARK_APPLIED,
	PPL_USER_COUNT_ROLES,
	PPL_IMPORT_WAITING,
	PPL_AVATAR_SET,
	PPL_AVATAR_GET,
	PPL_AVATAR_TAG,
	PPL_AVATAR_DELETE,
	PPL__END
};

#define IDX(st)	[(st) - DB_BASE(PEOPLE_SLOT)]

#define USER_COLS \
	"id, name, email, role, timezone, disabled, password_hash, " \
	"password_temporary, created_at"
#define LIST_COLS	"id, name, email, role, disabled, timezone"
#define KEYSET		"(name > ? OR (name = ? AND id > ?))"
/*
 * Every word beginning a word of the name or address (the full-text
 * index, when it holds every word of the search), or the whole search
 * anywhere in either: an administrator types part of a name ("ucia
 * Lear") as often as whole words, and a school's user table is small
 * enough to read.
 */
#define USER_WORDS \
	"((? IS NOT NULL AND MATCH (name, email) AGAINST (? IN BOOLEAN " \
	"MODE)) OR name LIKE ? OR email LIKE ?)"

static const char *const sqltab[] = {
	IDX(PPL_USER_BY_ID) =
	    "SELECT " USER_COLS " FROM users WHERE id = ?",
	IDX(PPL_USER_BY_EMAIL) =
	    "SELECT " USER_COLS " FROM users WHERE email = ?",
	IDX(PPL_USER_ID_BY_EMAIL) =
	    "SELECT id FROM users WHERE email = ?",
	IDX(PPL_USER_INSERT) =
	    "INSERT INTO users (name, email, password_hash, "
	    "password_temporary, timezone, role, created_at, updated_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	IDX(PPL_USER_UPDATE) =
	    "UPDATE users SET name = ?, email = ?, role = ?, timezone = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",
	IDX(PPL_USER_SET_PASSWORD) =
	    "UPDATE users SET password_hash = ?, password_temporary = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",
	IDX(PPL_USER_SET_DISABLED) =
	    "UPDATE users SET disabled = ?, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ?",
	IDX(PPL_USER_SET_TIMEZONE) =
	    "UPDATE users SET timezone = ?, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ?",
	IDX(PPL_USER_LIST_FIRST) =
	    "SELECT " LIST_COLS " FROM users ORDER BY name, id LIMIT ?",
	IDX(PPL_USER_LIST_AFTER) =
	    "SELECT " LIST_COLS " FROM users WHERE " KEYSET
	    " ORDER BY name, id LIMIT ?",
	/* USER_WORDS: the words of the search, or the search as it is. */
	IDX(PPL_USER_SEARCH_FIRST) =
	    "SELECT " LIST_COLS " FROM users WHERE " USER_WORDS
	    " ORDER BY name, id LIMIT ?",
	IDX(PPL_USER_SEARCH_AFTER) =
	    "SELECT " LIST_COLS " FROM users WHERE " USER_WORDS " AND " KEYSET
	    " ORDER BY name, id LIMIT ?",
	IDX(PPL_USER_COUNT_ADMINS) =
	    "SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0",
	IDX(PPL_TOKEN_INSERT) =
	    "INSERT INTO user_tokens (token_hash, user_id, purpose, expires_at) "
	    "VALUES (?, ?, 'welcome', UTC_TIMESTAMP() + INTERVAL ? DAY)",
	IDX(PPL_TOKEN_LOAD) =
	    "SELECT t.user_id, u.name, u.email FROM user_tokens t "
	    "JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? "
	    "AND t.used_at IS NULL AND t.expires_at > UTC_TIMESTAMP() "
	    "AND u.disabled = 0",
	IDX(PPL_TOKEN_USE) =
	    "UPDATE user_tokens SET used_at = UTC_TIMESTAMP() "
	    "WHERE token_hash = ? AND used_at IS NULL",
	IDX(PPL_IMPORT_INSERT) =
	    "INSERT INTO csv_imports (kind, admin_id, filename, content, "
	    "created_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP())",
	IDX(PPL_IMPORT_LOAD) =
	    "SELECT id, filename, content, applied_at FROM csv_imports "
	    "WHERE id = ? AND admin_id = ? AND kind = ?",
	IDX(PPL_IMPORT_MARK_APPLIED) =
	    "UPDATE csv_imports SET applied_at = UTC_TIMESTAMP() "
	    "WHERE id = ? AND applied_at IS NULL",
	IDX(PPL_USER_COUNT_ROLES) =
	    "SELECT role, COUNT(*) FROM users WHERE disabled = 0 GROUP BY role",
	IDX(PPL_IMPORT_WAITING) =
	    "SELECT COUNT(*) FROM csv_imports WHERE admin_id = ? AND "
	    "created_at >= ? AND applied_at IS NULL",
	/* A user's picture (schema/012-avatars.sql). */
	IDX(PPL_AVATAR_SET) =
	    "INSERT INTO user_avatars (user_id, image, sha256, updated_at) "
	    "VALUES (?, ?, ?, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE "
	    "image = VALUES(image), sha256 = VALUES(sha256), "
	    "updated_at = VALUES(updated_at)",
	IDX(PPL_AVATAR_GET) =
	    "SELECT image, sha256 FROM user_avatars WHERE user_id = ?",
	IDX(PPL_AVATAR_TAG) =
	    "SELECT sha256 FROM user_avatars WHERE user_id = ?",
	IDX(PPL_AVATAR_DELETE) =
	    "DELETE FROM user_avatars WHERE user_id = ?",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) ==
    PPL__END - DB_BASE(PEOPLE_SLOT), "one SQL text per people statement");

const struct sqltable sql_people = {
	sizeof(sqltab) / sizeof(sqltab[0]), sqltab
};

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
	if ((rc = db_query(db, a, PPL_USER_BY_ID, &res, "i",
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
	if ((rc = db_query(db, a, PPL_USER_BY_EMAIL, &res, "s", email)) != DB_OK)
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

	rc = db_exec(db, PPL_USER_INSERT, NULL, "sssiss", u->name, u->email,
	    hash, (long long)temporary, u->timezone, role_name(u->role));
	if (rc == DB_OK && id != NULL)
		*id = db_last_id(db);
	return rc;
}

enum db_rc
db_user_update(struct db *db, const struct user *u)
{
	return db_exec(db, PPL_USER_UPDATE, NULL, "ssssi", u->name, u->email,
	    role_name(u->role), u->timezone, (long long)u->id);
}

enum db_rc
db_user_set_password(struct db *db, int64_t id, const char *hash,
    int temporary)
{
	return db_exec(db, PPL_USER_SET_PASSWORD, NULL, "sii", hash,
	    (long long)temporary, (long long)id);
}

/* End the user's sign-in sessions, all or all but the one of keep_hash. */
static enum db_rc
end_sessions(struct db *db, int64_t id, const char *keep_hash)
{
	if (keep_hash == NULL)
		return db_exec(db, STMT_AUTH_DELETE_USER, NULL, "i",
		    (long long)id);
	return db_exec(db, STMT_AUTH_DELETE_USER_OTHERS, NULL, "is",
	    (long long)id, keep_hash);
}

enum db_rc
db_user_set_disabled(struct db *db, int64_t id, int disabled)
{
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, PPL_USER_SET_DISABLED, NULL, "ii",
	    (long long)(disabled != 0), (long long)id)) != DB_OK)
		goto fail;
	if (disabled && (rc = end_sessions(db, id, NULL)) != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return rc;
}

enum db_rc
db_user_change_password(struct db *db, int64_t id, const char *hash,
    int temporary, const char *keep_hash)
{
	enum db_rc	 rc;

	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_user_set_password(db, id, hash, temporary)) != DB_OK ||
	    (rc = end_sessions(db, id, keep_hash)) != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	db_rollback(db);
	return rc;
}

enum db_rc
db_user_set_timezone(struct db *db, int64_t id, const char *tz)
{
	return db_exec(db, PPL_USER_SET_TIMEZONE, NULL, "si", tz,
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
	const char	*words, *pat;
	int		 all;
	size_t		 i;

	if (after_name == NULL)
		after_name = "";
	if (search != NULL && *search != '\0') {
		/* A search with a word the index lacks is read as typed. */
		if ((words = ft_terms(a, search, &all)) != NULL && !all)
			words = NULL;
		pat = db_like_contains(a, search);
		if (after_id > 0)
			rc = db_query(db, a, PPL_USER_SEARCH_AFTER, &res,
			    "ssssssii", words, words, pat, pat,
			    after_name, after_name, (long long)after_id,
			    (long long)limit);
		else
			rc = db_query(db, a, PPL_USER_SEARCH_FIRST, &res,
			    "ssssi", words, words, pat, pat,
			    (long long)limit);
	} else if (after_id > 0)
		rc = db_query(db, a, PPL_USER_LIST_AFTER, &res, "ssii",
		    after_name, after_name, (long long)after_id,
		    (long long)limit);
	else
		rc = db_query(db, a, PPL_USER_LIST_FIRST, &res, "i",
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

	if ((rc = db_query(db, a, PPL_USER_COUNT_ADMINS, &res, "")) != DB_OK)
		return rc;
	*n = db_int(res, 0);
	return DB_OK;
}

enum db_rc
db_user_counts(struct db *db, struct arena *a, long long *learners,
    long long *teachers, long long *admins)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*learners = *teachers = *admins = 0;
	if ((rc = db_query(db, a, PPL_USER_COUNT_ROLES, &res, "")) != DB_OK)
		return rc;
	while (db_next(res)) {
		if (strcmp(db_text(res, 0), "learner") == 0)
			*learners = db_int(res, 1);
		else if (strcmp(db_text(res, 0), "teacher") == 0)
			*teachers = db_int(res, 1);
		else if (strcmp(db_text(res, 0), "admin") == 0)
			*admins = db_int(res, 1);
	}
	return DB_OK;
}

enum db_rc
db_welcome_create(struct db *db, int64_t user_id, int days, char token[33])
{
	char	 hash[65];

	random_hex(token, TOKEN_BYTES);
	sha256_hex(token, strlen(token), hash);
	return db_exec(db, PPL_TOKEN_INSERT, NULL, "sii", hash,
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
	if ((rc = db_query(db, a, PPL_TOKEN_LOAD, &res, "s", hash)) != DB_OK)
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
	rc = db_exec(db, PPL_TOKEN_USE, &n, "s", hash);
	*ok = n == 1;
	return rc;
}

enum db_rc
db_upload_save(struct db *db, const char *kind, int64_t admin,
    const char *filename, const char *data, size_t len, int64_t *id)
{
	enum db_rc	 rc;

	rc = db_exec(db, PPL_IMPORT_INSERT, NULL, "sisb", kind,
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
	if ((rc = db_query(db, a, PPL_IMPORT_LOAD, &res, "iis",
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
db_upload_waiting(struct db *db, struct arena *a, int64_t admin,
    const char *since, long long *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*n = 0;
	if ((rc = db_query(db, a, PPL_IMPORT_WAITING, &res, "is",
	    (long long)admin, since)) != DB_OK)
		return rc;
	if (db_next(res))
		*n = db_int(res, 0);
	return DB_OK;
}

enum db_rc
db_upload_mark_applied(struct db *db, int64_t id, int *ok)
{
	long long	 n = 0;
	enum db_rc	 rc;

	rc = db_exec(db, PPL_IMPORT_MARK_APPLIED, &n, "i", (long long)id);
	*ok = n == 1;
	return rc;
}

/* ------------------------------------------------------------------ */
/* Pictures                                                            */

enum db_rc
db_avatar_set(struct db *db, int64_t user_id, const char *image,
    size_t len, const char *sha256)
{
	return db_exec(db, PPL_AVATAR_SET, NULL, "ibs", (long long)user_id,
	    image, len, sha256);
}

enum db_rc
db_avatar_get(struct db *db, struct arena *a, int64_t user_id,
    struct avatar **out)
{
	struct dbres	*res;
	struct avatar	*av;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, PPL_AVATAR_GET, &res, "i",
	    (long long)user_id)) != DB_OK)
		return rc;
	if (!db_next(res))
		return DB_OK;
	av = arena_alloc(a, sizeof(*av));
	av->image = db_text(res, 0);
	av->len = db_len(res, 0);
	av->sha256 = db_dup(a, res, 1);
	*out = av;
	return DB_OK;
}

enum db_rc
db_avatar_tag(struct db *db, struct arena *a, int64_t user_id,
    char **sha256)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*sha256 = NULL;
	if ((rc = db_query(db, a, PPL_AVATAR_TAG, &res, "i",
	    (long long)user_id)) != DB_OK)
		return rc;
	if (db_next(res))
		*sha256 = db_dup(a, res, 0);
	return DB_OK;
}

enum db_rc
db_avatar_delete(struct db *db, int64_t user_id, int *removed)
{
	long long	 n = 0;
	enum db_rc	 rc;

	rc = db_exec(db, PPL_AVATAR_DELETE, &n, "i", (long long)user_id);
	*removed = n > 0;
	return rc;
}
