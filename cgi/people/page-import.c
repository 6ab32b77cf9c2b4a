/*
 * page-admin-import.c: importing users from a CSV file.  The upload is
 * checked and previewed; only a file without a single bad row can be
 * applied, and it is applied in one transaction or not at all.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/config.h"
#include "lib/csvfile.h"
#include "core/db.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/routes.h"
#include "people/people.h"
#include "core/tpl.h"
#include "people/people.h"
#include "lib/util.h"

#define MAX_ROWS	20000
#define PREVIEW_ROWS	100
#define WELCOME_DAYS	14

/* The upload form, with an optional error. */
static int
import_form(struct req *r, int status, const char *error)
{
	struct tpl_dict	*d = page_begin(r, "people-import.tpl", "Import users");

	tpl_set_int(d, "MAX_ROWS", MAX_ROWS);
	if (error != NULL)
		form_error(d, "FILE_ERROR", error);
	return page_send(r, status);
}

/*
 * GET /admin/import/users.
 * Statuses: 200.
 */
int
page_import(struct req *r)
{
	return import_form(r, 200, NULL);
}

/*
 * Parse and check a users CSV.  Returns the bad row count (0: all
 * good), -1 after sending a response (unreadable file or db failure).
 */
static int
check_file(struct req *r, const char *data, size_t len,
    struct import_row **rows, size_t *nrows, int *status)
{
	struct csv_record	*recs;
	size_t			 nrecs;
	char			 err[256];
	int			 bad;

	if (!csv_parse_all(r->a, data, len, MAX_ROWS, &recs, &nrecs, err,
	    sizeof(err))) {
		*status = import_form(r, 422, arena_printf(r->a,
		    "The file could not be read as CSV: %s", err));
		return -1;
	}
	if ((bad = users_check_import(r->db, r->a, recs, nrecs, rows,
	    nrows)) < 0) {
		*status = send_db_error(r);
		return -1;
	}
	if (*nrows == 0) {
		*status = import_form(r, 422, "The file has no rows to import.");
		return -1;
	}
	return bad;
}

/* The preview: bad rows by line, or the good rows and the apply button. */
static int
preview(struct req *r, int status, const char *filename,
    struct import_row *rows, size_t nrows, int bad, int64_t upload_id)
{
	struct tpl_dict	*d, *s;
	size_t		 i, shown = 0;

	d = page_begin(r, "people-import-preview.tpl", "Import preview");
	tpl_set(d, "FILENAME", filename);
	tpl_set_int(d, "ROWS", (long long)nrows);
	tpl_set_int(d, "BAD", bad);
	tpl_set_int(d, "GOOD", (long long)nrows - bad);
	if (bad > 0) {
		tpl_show(d, "HAS_ERRORS");
		for (i = 0; i < nrows; i++) {
			if (rows[i].error == NULL)
				continue;
			s = tpl_section(d, "BAD_ROW");
			tpl_set_int(s, "LINE", (long long)rows[i].line);
			tpl_set(s, "REASON", rows[i].error);
		}
		return page_send(r, status);
	}
	s = tpl_section(d, "READY");
	tpl_set(s, "ACTION", arena_printf(r->a, "/admin/import/users/%lld/apply",
	    (long long)upload_id));
	tpl_set_int(s, "GOOD", (long long)nrows);
	for (i = 0; i < nrows && shown < PREVIEW_ROWS; i++, shown++) {
		struct tpl_dict *row = tpl_section(s, "ROW");

		tpl_set_int(row, "LINE", (long long)rows[i].line);
		tpl_set(row, "NAME", rows[i].u.name);
		tpl_set(row, "EMAIL", rows[i].u.email);
		tpl_set(row, "ROLE", role_label(rows[i].u.role));
		tpl_set(row, "TIMEZONE", rows[i].u.timezone ?
		    rows[i].u.timezone : "School default");
	}
	if (nrows > shown)
		tpl_set_int(tpl_section(s, "MORE"), "MORE_COUNT",
		    (long long)(nrows - shown));
	return page_send(r, status);
}

/*
 * POST /admin/import/users (multipart): check the file and preview it.
 * Nothing is imported here.
 * Statuses: 200 (all rows good), 422 (bad file or bad rows), 413, 503.
 */
int
page_import_upload(struct req *r)
{
	const struct pval	*pv = P(r, "file");
	struct import_row	*rows;
	size_t			 nrows, len;
	char			*data;
	const char		*fname;
	int64_t			 id = 0;
	int			 bad, status;

	if (pv->error != NULL)
		return import_form(r, 422, pv->error);
	if (!req_upload_read(r, pv->file, &data, &len))
		return send_error(r, 500, NULL);
	fname = *pv->file->filename ? pv->file->filename : "upload.csv";
	if ((bad = check_file(r, data, len, &rows, &nrows, &status)) < 0)
		return status;
	if (bad == 0 && db_upload_save(r->db, "users", r->user->id, fname,
	    data, len, &id) != DB_OK)
		return send_db_error(r);
	return preview(r, bad ? 422 : 200, fname, rows, nrows, bad, id);
}

/*
 * POST /admin/import/users/:id/apply: check the kept file again and
 * create every user in one transaction, each with a one-time link to
 * choose a password.  Any problem and nothing is created.
 * Statuses: 200, 404 (not this admin's upload), 409 (already applied),
 * 422 (rows went bad since the preview), 503.
 */
int
page_import_apply(struct req *r)
{
	struct csv_upload	*up;
	struct import_row	*rows;
	struct tpl_dict		*d, *s;
	size_t			 nrows, i;
	char			(*tokens)[33];
	int64_t			 id;
	int			 bad, status, ok;

	if (db_upload_get(r->db, r->a, "users", r->user->id, r->ids[0],
	    &up) != DB_OK)
		return send_db_error(r);
	if (up == NULL)
		return send_error(r, 404, "There is no such import.");
	if (up->applied)
		return send_error(r, 409, "This file was already imported.");
	if ((bad = check_file(r, up->content, up->len, &rows, &nrows,
	    &status)) < 0)
		return status;
	if (bad > 0)
		return preview(r, 422, up->filename, rows, nrows, bad, 0);

	tokens = arena_alloc(r->a, sizeof(*tokens) * (nrows + 1));
	if (db_begin(r->db) != DB_OK)
		return send_db_error(r);
	if (db_upload_mark_applied(r->db, up->id, &ok) != DB_OK)
		goto fail;
	if (!ok) {
		db_rollback(r->db);
		return send_error(r, 409, "This file was already imported.");
	}
	for (i = 0; i < nrows; i++) {
		enum db_rc rc = db_user_create(r->db, &rows[i].u, NULL, 0, &id);

		if (rc == DB_DUPLICATE) {
			/* Someone added the address since the check. */
			db_rollback(r->db);
			rows[i].error = arena_printf(r->a, "a user with email "
			    "%s already exists", rows[i].u.email);
			return preview(r, 422, up->filename, rows, nrows, 1, 0);
		}
		if (rc != DB_OK || db_welcome_create(r->db, id, WELCOME_DAYS,
		    tokens[i]) != DB_OK)
			goto fail;
	}
	if (db_commit(r->db) != DB_OK)
		return send_db_error(r);

	d = page_begin(r, "people-import-done.tpl", "Users imported");
	tpl_set_int(d, "COUNT", (long long)nrows);
	tpl_set_int(d, "DAYS", WELCOME_DAYS);
	for (i = 0; i < nrows; i++) {
		s = tpl_section(d, "ROW");
		tpl_set(s, "NAME", rows[i].u.name);
		tpl_set(s, "EMAIL", rows[i].u.email);
		tpl_set(s, "ROLE", role_label(rows[i].u.role));
		tpl_set(s, "LINK", arena_printf(r->a, "%s/welcome?t=%s",
		    r->cfg->base_url, tokens[i]));
	}
	return page_send(r, 200);
fail:
	db_rollback(r->db);
	return send_db_error(r);
}
