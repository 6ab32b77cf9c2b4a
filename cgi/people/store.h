/*
 * store.h: the domain functions over the database.  Each returns DB_OK
 * or the failure; lookups that find nothing return DB_OK with NULL.
 * Results are allocated in the given arena.
 */
#ifndef LECTERN_STORE_H
#define LECTERN_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"
#include "core/model.h"

struct arena;

/* db-users.c */
enum db_rc	db_user_get(struct db *, struct arena *, int64_t, struct user **);
enum db_rc	db_user_by_email(struct db *, struct arena *, const char *,
		    struct user **);
enum db_rc	db_user_create(struct db *, const struct user *,
		    const char *hash, int temporary, int64_t *id);
enum db_rc	db_user_update(struct db *, const struct user *);
enum db_rc	db_user_set_password(struct db *, int64_t, const char *hash,
		    int temporary);
/* Disable (ending every session of the user) or enable. */
enum db_rc	db_user_set_disabled(struct db *, int64_t, int disabled);
/* End the user's sign-in sessions, all or all but keep_hash. */
enum db_rc	db_user_end_sessions(struct db *, int64_t, const char *keep_hash);
enum db_rc	db_user_set_timezone(struct db *, int64_t, const char *);
/*
 * One page of users ordered by name then id, after the keyset position
 * (after_name, after_id) when after_id > 0; search matches name or email
 * containing the text.  Fetches limit rows.
 */
enum db_rc	db_user_list(struct db *, struct arena *, const char *search,
		    const char *after_name, int64_t after_id, int limit,
		    struct user **list, size_t *n);
enum db_rc	db_admins_active(struct db *, struct arena *, long long *);

/* db-auth.c: one-time links and CSV uploads kept for their preview. */
enum db_rc	db_welcome_create(struct db *, int64_t user_id, int days,
		    char token_out[33]);
enum db_rc	db_welcome_find(struct db *, struct arena *, const char *token,
		    struct user **);
/* Mark used; *ok = 0 when someone used it first. */
enum db_rc	db_welcome_use(struct db *, const char *token, int *ok);

struct csv_upload {
	int64_t	 id;
	char	*filename;
	char	*content;
	size_t	 len;
	int	 applied;
};

enum db_rc	db_upload_save(struct db *, const char *kind, int64_t admin,
		    const char *filename, const char *data, size_t len,
		    int64_t *id);
enum db_rc	db_upload_get(struct db *, struct arena *, const char *kind,
		    int64_t admin, int64_t id, struct csv_upload **);
/* Mark applied inside the caller's transaction; *ok = 0 if it already was. */
enum db_rc	db_upload_mark_applied(struct db *, int64_t id, int *ok);

#endif
