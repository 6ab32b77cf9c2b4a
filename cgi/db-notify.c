/*
 * db-notify.c: the notify domain's SQL: in-app notifications and the
 * email outbox.
 */
#include <stddef.h>

#include "db.h"
#include "notify.h"

enum {
	NT_INAPP = DOM_BASE(DOM_NOTIFY),
	NT_EMAIL,
	NT_CHANNEL_INAPP,
	NT_CHANNEL_EMAIL,
	NT__END
};

#define S(id)	((id) - NT_INAPP)

static const char *const sql[] = {
	[S(NT_INAPP)] =
	"INSERT INTO notifications (user_id, kind, subject, body, link, "
	"created_at) VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP())",
	[S(NT_EMAIL)] =
	"INSERT IGNORE INTO outbox (user_id, to_address, to_name, kind, "
	"subject, body, dedupe_key, next_attempt_at, created_at) "
	"SELECT id, email, name, ?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP() "
	"FROM users WHERE id = ? AND disabled = 0",
	[S(NT_CHANNEL_INAPP)] =
	"INSERT INTO notifications (user_id, kind, subject, body, link, "
	"created_at) SELECT m.user_id, ?, ?, ?, ?, UTC_TIMESTAMP() "
	"FROM channel_members m JOIN users u ON u.id = m.user_id "
	"WHERE m.channel_id = ? AND m.user_id <> ? AND u.disabled = 0",
	[S(NT_CHANNEL_EMAIL)] =
	"INSERT INTO outbox (user_id, to_address, to_name, kind, subject, "
	"body, next_attempt_at, created_at) SELECT u.id, u.email, u.name, "
	"?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP() "
	"FROM channel_members m JOIN users u ON u.id = m.user_id "
	"WHERE m.channel_id = ? AND m.user_id <> ? AND u.disabled = 0",
};

_Static_assert(sizeof(sql) / sizeof(sql[0]) == S(NT__END),
    "one statement per id");

const struct sqltable sql_notify = { S(NT__END), sql };

enum db_rc
notify_inapp(struct db *db, int64_t user_id, const char *kind,
    const char *subject, const char *body, const char *link)
{
	return db_exec(db, NT_INAPP, NULL, "issss", (long long)user_id, kind,
	    subject, body, link);
}

enum db_rc
notify_email(struct db *db, int64_t user_id, const char *kind,
    const char *subject, const char *body, const char *dedupe)
{
	return db_exec(db, NT_EMAIL, NULL, "ssssi", kind, subject, body,
	    dedupe, (long long)user_id);
}

enum db_rc
notify_channel(struct db *db, int64_t channel_id, int64_t except_user,
    int inapp, int email, const char *kind, const char *subject,
    const char *body, const char *link)
{
	enum db_rc	 rc;

	if (inapp && (rc = db_exec(db, NT_CHANNEL_INAPP, NULL, "ssssii",
	    kind, subject, body, link, (long long)channel_id,
	    (long long)except_user)) != DB_OK)
		return rc;
	if (email && (rc = db_exec(db, NT_CHANNEL_EMAIL, NULL, "sssii",
	    kind, subject, body, (long long)channel_id,
	    (long long)except_user)) != DB_OK)
		return rc;
	return DB_OK;
}
