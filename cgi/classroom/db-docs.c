/*
 * db-docs.c: the statements of a classroom session's documents and
 * whiteboards (classroom.h) and their functions.  A row and the
 * session's event that tells of it are written in one transaction.
 */
#include <string.h>

#include "classroom/classroom.h"
#include "core/db.h"
#include "lib/util.h"

enum {
	DOC_INSERT = DB_BASE(CLASSROOM_DOCS_SLOT),
	DOC_EVENT,
	DOC_LIST,
	DOC_GET,
	DOC_BACKDATE,
	DOC__END
};

_Static_assert(DOCS_MAX + 1 == 51, "DOC_LIST fetches the most and one");

#define DOC_COLS \
	"d.id, d.session_id, d.kind, d.title, d.filename, d.content_type, " \
	"d.stored_name, d.size, u.name, d.uploaded_at"
#define DOC_FROM \
	"FROM classroom_docs d LEFT JOIN users u ON u.id = d.uploaded_by "

#define S(id)	((id) - DOC_INSERT)

static const char *const sqltab[] = {
	[S(DOC_INSERT)] =
	    "INSERT INTO classroom_docs (session_id, kind, title, filename, "
	    "content_type, stored_name, size, uploaded_by, uploaded_at) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, NULLIF(?, 0), UTC_TIMESTAMP())",
	[S(DOC_EVENT)] =
	    "INSERT INTO classroom_events (session_id, kind, actor_id, "
	    "detail, at) VALUES (?, ?, NULLIF(?, 0), ?, UTC_TIMESTAMP())",
	[S(DOC_LIST)] =
	    "SELECT " DOC_COLS " " DOC_FROM "WHERE d.session_id = ? AND "
	    "d.kind = ? ORDER BY d.id LIMIT 51",
	[S(DOC_GET)] =
	    "SELECT " DOC_COLS " " DOC_FROM "WHERE d.id = ?",
	[S(DOC_BACKDATE)] =
	    "UPDATE classroom_docs SET uploaded_at = uploaded_at - INTERVAL ? "
	    "SECOND WHERE session_id = ?",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == S(DOC__END),
    "one statement per id");

const struct sqltable sql_classroom_docs = {
	sizeof(sqltab) / sizeof(sqltab[0]), sqltab
};

static const char *
kind_name(enum doc_kind kind)
{
	return kind == DOC_WHITEBOARD ? "whiteboard" : "document";
}

enum db_rc
db_doc_add(struct db *db, int64_t sid, int64_t uid, enum doc_kind kind,
    const char *title, const char *filename, const char *content_type,
    const char *stored, long long size, int64_t *id)
{
	struct arena	*a;
	enum db_rc	 rc;

	*id = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = db_exec(db, DOC_INSERT, NULL, "isssssii", (long long)sid,
	    kind_name(kind), title, filename, content_type, stored, size,
	    (long long)uid)) != DB_OK)
		goto fail;
	*id = db_last_id(db);
	a = arena_new();
	rc = db_exec(db, DOC_EVENT, NULL, "isis", (long long)sid,
	    kind_name(kind), (long long)uid, arena_printf(a, "uploaded: %s",
	    title));
	arena_free(a);
	if (rc != DB_OK)
		goto fail;
	return db_commit(db);
fail:
	*id = 0;
	db_rollback(db);
	return rc;
}

/* The current row of a result with the columns DOC_COLS into d. */
static void
doc_row(struct arena *a, const struct dbres *res, struct classroom_doc *d)
{
	d->id = db_int(res, 0);
	d->session_id = db_int(res, 1);
	d->kind = db_dup(a, res, 2);
	d->title = db_dup(a, res, 3);
	d->filename = db_dup(a, res, 4);
	d->content_type = db_dup(a, res, 5);
	d->stored_name = db_dup(a, res, 6);
	d->size = db_int(res, 7);
	d->uploaded_by = db_dup(a, res, 8);
	d->uploaded_at = db_dup(a, res, 9);
}

enum db_rc
db_docs(struct db *db, struct arena *a, int64_t sid, enum doc_kind kind,
    struct classroom_doc **out, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	*n = 0;
	if ((rc = db_query(db, a, DOC_LIST, &res, "is", (long long)sid,
	    kind_name(kind))) != DB_OK)
		return rc;
	*out = arena_alloc(a, (res->nrows + 1) * sizeof(**out));
	while (db_next(res))
		doc_row(a, res, &(*out)[(*n)++]);
	return DB_OK;
}

enum db_rc
db_classroom_doc_get(struct db *db, struct arena *a, int64_t id,
    struct classroom_doc **out)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, DOC_GET, &res, "i", (long long)id)) != DB_OK)
		return rc;
	if (db_next(res)) {
		*out = arena_alloc(a, sizeof(**out));
		doc_row(a, res, *out);
	}
	return DB_OK;
}

enum db_rc
db_docs_backdate(struct db *db, int64_t sid, long long back)
{
	return db_exec(db, DOC_BACKDATE, NULL, "ii", back, (long long)sid);
}
