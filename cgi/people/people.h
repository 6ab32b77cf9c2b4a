/*
 * people.h: users, sign-in pages, accounts and the CSV import of users.
 * The rules about users shared by the admin pages, the CSV import and
 * lecternctl (roles.c, people.c); the timezone list offered in forms
 * (timezones.c); the functions over the database (db.c), which return
 * DB_OK or the failure (lookups that find nothing return DB_OK with
 * NULL, results in the given arena); and the page handlers.
 */
#ifndef LECTERN_PEOPLE_H
#define LECTERN_PEOPLE_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"
#include "core/model.h"

struct arena;
struct config;
struct csv_record;
struct req;
struct tpl_dict;

/* Slot of the statement table in people/db.c (see app.c). */
#define PEOPLE_SLOT	3
extern const struct sqltable	sql_people;
extern const struct routeset	people_routes;

/*
 * The password rules, in characters (UTF-8 code points): every form,
 * password_problem() and lecternctl use these.  PASSWORD_BYTES holds the
 * longest allowed password in UTF-8 with its line end and NUL.
 */
#define PASSWORD_MIN	10
#define PASSWORD_MAX	128
#define PASSWORD_BYTES	(4 * PASSWORD_MAX + 2)
/* Characters of a temporary password made by an administrator. */
#define PASSWORD_TEMP_LEN	12
/* Longest password the sign-in form accepts (older rules allowed more). */
#define PASSWORD_SIGNIN_MAX	1024

/* db.c: users */
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
/*
 * Set a new password and end the user's sign-in sessions, all or all but
 * the one of keep_hash, in one transaction.
 */
enum db_rc	db_user_change_password(struct db *, int64_t, const char *hash,
		    int temporary, const char *keep_hash);
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
/* Active (not disabled) users of each role. */
enum db_rc	db_user_counts(struct db *, struct arena *, long long *learners,
		    long long *teachers, long long *admins);

/* db.c: one-time links and CSV uploads kept for their preview. */
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
/* The admin's uploads made since (UTC) and never applied. */
enum db_rc	db_upload_waiting(struct db *, struct arena *, int64_t admin,
		    const char *since, long long *n);
/* Mark applied inside the caller's transaction; *ok = 0 if it already was. */
enum db_rc	db_upload_mark_applied(struct db *, int64_t id, int *ok);

/*
 * Pictures (avatars): the JPEG Lectern made from a user's upload, and
 * its SHA-256 (the ETag and the version in its address).
 */
struct avatar {
	const char	*image;
	size_t		 len;
	char		*sha256;
};

/* Set or replace a user's picture. */
enum db_rc	db_avatar_set(struct db *, int64_t user_id, const char *image,
		    size_t len, const char *sha256);
/* A user's picture, or NULL when they have none. */
enum db_rc	db_avatar_get(struct db *, struct arena *, int64_t user_id,
		    struct avatar **);
/* Only the SHA-256 of a user's picture, NULL when none. */
enum db_rc	db_avatar_tag(struct db *, struct arena *, int64_t user_id,
		    char **sha256);
/* Remove a user's picture; *removed = 0 when there was none. */
enum db_rc	db_avatar_delete(struct db *, int64_t user_id, int *removed);

/*
 * The rules for an uploaded picture (page-avatar.c): at most
 * AVATAR_MAX_BYTES, AVATAR_MAX_SIDE pixels a side and
 * AVATAR_MAX_PIXELS in all; it becomes an AVATAR_SIDE-pixel square.
 */
#define AVATAR_MAX_BYTES	(5 * 1024 * 1024)
#define AVATAR_MAX_SIDE		6000
#define AVATAR_MAX_PIXELS	24000000UL
#define AVATAR_SIDE		128
#define AVATAR_QUALITY		85

/*
 * The address of a user's picture for an <img>, with its version
 * (sha256, as stored) so that a new picture is a new address; NULL
 * when sha256 is NULL (no picture: show the initials).  In a.
 */
char	*avatar_url(struct arena *, int64_t user_id, const char *sha256);
/*
 * The absolute address of a user's picture for a server outside the
 * browser (the conferencing server's avatarURL), which has no sign-in
 * cookie: /files/avatars/:id with the picture's version, an expiry
 * (exp, seconds since the epoch) and our HMAC over the three (purpose
 * "avatar"), so it cannot be guessed or made to name another person or
 * picture.  NULL when sha256 is NULL.  In a.
 */
char	*avatar_signed_url(const struct config *, struct arena *,
	    int64_t user_id, const char *sha256, long long exp);
#define AVATAR_LINK_TTL	(24 * 3600)	/* seconds a signed address lasts */
/* 1 when sig is ours for user_id's picture version and exp. */
int	avatar_signed_ok(const struct config *, struct arena *,
	    int64_t user_id, const char *version, long long exp,
	    const char *sig);
/* 1 when version (as in an address) names the picture sha256. */
int	avatar_version_is(const char *version, const char *sha256);

/*
 * The CSV imports (import.c): upload, keep, preview with every bad row
 * by line and reason, apply in one transaction.  A kind of import gives
 * its pages and callbacks; the flow calls them in this order.
 */

/* Where a row of the file is, and what is wrong with it. */
struct import_line {
	size_t		 line;		/* line in the file */
	const char	*error;		/* NULL when the row is good */
};

/* A checked file. */
struct import_check {
	struct import_line	*lines;	/* one per row */
	size_t			 nrows;	/* rows (a header line is none) */
	size_t			 bad;	/* rows with an error */
	void			*data;	/* the kind's own rows */
};

/* What a kind's apply() did inside the transaction. */
enum import_rc {
	IMPORT_APPLIED,		/* every row it should: commit */
	IMPORT_STALE,		/* a row went bad since the check (its
				   line has the error, bad counts it) */
	IMPORT_FAILED		/* the database failed */
};

struct import_kind {
	const char	*kind;		/* of the kept uploads */
	const char	*path;		/* the form; PATH/ID/apply applies */
	const char	*form_tpl, *form_title;
	const char	*preview_tpl, *preview_title;
	int		 valid_only;	/* PATH/ID/apply-valid may apply the
					   valid rows alone */
	const char	*what;		/* with valid_only: what may change
					   since the preview, "enrollments" */
	/*
	 * Check the records: set lines, nrows and data.  Returns 1, or 0
	 * on database failure.
	 */
	int		 (*check)(struct req *, const struct csv_record *,
			    size_t, struct import_check *);
	/*
	 * Show the way to apply (apply: its address, NULL when none) in
	 * the preview d; returns the section where the good rows go, or
	 * NULL to show none.
	 */
	struct tpl_dict	*(*preview)(struct req *, struct tpl_dict *d,
			    const struct import_check *, const char *apply);
	/* Fill a good row of the preview (its LINE is set). */
	void		 (*row)(struct req *, struct tpl_dict *,
			    const struct import_check *, size_t);
	/* Apply the good rows inside the flow's transaction. */
	enum import_rc	 (*apply)(struct req *, struct import_check *);
	/* The page of what was applied; returns the status sent. */
	int		 (*done)(struct req *, const struct import_check *);
};

/* GET of the form (200), or the form again with an error. */
int	import_form(struct req *, const struct import_kind *, int status,
	    const char *error);
/* POST of the form: check, keep, preview.  Returns the status sent. */
int	import_upload(struct req *, const struct import_kind *);
/*
 * POST PATH/ID/apply (only_valid 0) or PATH/ID/apply-valid (1, with
 * expect, the valid row count the administrator saw).  Returns the
 * status sent.
 */
int	import_apply(struct req *, const struct import_kind *, int only_valid,
	    long long expect);

/* One row of a users CSV after checking. */
struct import_row {
	size_t		 line;
	struct user	 u;
	const char	*error;		/* NULL when the row is good */
};

/*
 * Check the records of a users CSV: name,email,role[,timezone], with an
 * optional header row.  Every record becomes a row; bad ones carry the
 * reason.  Emails already registered count as bad.  Returns the number
 * of bad rows, or -1 on database failure.
 */
int	users_check_import(struct db *, struct arena *,
	    const struct csv_record *, size_t, struct import_row **, size_t *);

/*
 * The rules for a new password (PASSWORD_MIN to PASSWORD_MAX characters,
 * the same twice when confirm is not NULL): NULL when fine, else the
 * reason, a constant string.
 */
const char	*password_problem(const char *pw, const char *confirm);
/*
 * The same for the declared form fields "new_password" and "confirm";
 * a password the declaration refused counts as too short.
 */
const char	*new_password_problem(const struct req *);
/*
 * The lowercase copy of an address (in a): the key for throttling
 * sign-ins and for spotting an address given twice.
 */
char	*email_key(struct arena *, const char *email);
/*
 * Set PASSWORD_MIN, PASSWORD_MAX and PASSWORD_SIGNIN_MAX in d, for a
 * form's hints and limits.
 */
void	password_rules(struct tpl_dict *d);

/* Offer every timezone as a repetition of section (ZONE, SELECTED). */
void	tz_options(struct tpl_dict *, const char *section, const char *selected);

/* page-login.c */
int	page_login(struct req *);
int	page_login_post(struct req *);
int	page_logout(struct req *);
int	page_welcome(struct req *);
int	page_welcome_post(struct req *);
/* page-account.c */
int	page_account(struct req *);
int	page_account_password(struct req *);
int	page_account_timezone(struct req *);
int	page_account_calendar(struct req *);
int	page_account_calendar_revoke(struct req *);
/* page-avatar.c */
int	page_avatar_upload(struct req *);
int	page_avatar_remove(struct req *);
int	page_avatar_get(struct req *);
int	page_avatar_public(struct req *);
/* page-users.c */
int	page_users(struct req *);
int	page_user_new(struct req *);
int	page_user_create(struct req *);
int	page_user_edit(struct req *);
int	page_user_save(struct req *);
int	page_user_disable(struct req *);
int	page_user_enable(struct req *);
int	page_user_password(struct req *);
/* page-import.c */
int	page_import(struct req *);
int	page_import_upload(struct req *);
int	page_import_apply(struct req *);

#endif
