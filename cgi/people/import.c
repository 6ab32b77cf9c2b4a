/*
 * import.c: the flow every CSV import of the administrator follows,
 * whatever its rows are: the upload is checked, kept (people/db.c) and
 * previewed with every bad row by line and reason; applying checks the
 * kept file again and applies it in one transaction, every row when none
 * is bad, or the valid rows alone when the kind of import allows it and
 * the administrator chose so.  Each kind (users in page-import.c, a
 * training session's learners in training/page-learners.c) gives its
 * pages and the callbacks that check, show and apply its rows.
 */
#include <stdint.h>
#include <string.h>

#include "core/db.h"
#include "core/layout.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "lib/csvfile.h"
#include "lib/util.h"
#include "people/people.h"

#define MAX_ROWS	20000	/* records read from a file */
#define PREVIEW_ROWS	100	/* good rows shown by the preview */

/*
 * The upload form of kind k with the given status and an optional
 * error.  Returns the status sent.
 */
int
import_form(struct req *r, const struct import_kind *k, int status,
    const char *error)
{
	struct tpl_dict	*d = page_begin(r, k->form_tpl, k->form_title);

	tpl_set_int(d, "MAX_ROWS", MAX_ROWS);
	if (error != NULL)
		form_error(d, "FILE_ERROR", error);
	return page_send(r, status);
}

/*
 * Parse and check a file into ck.  Returns 1, or 0 once it has answered:
 * the form again with 422 (not CSV, no rows), or 503.
 */
static int
check_file(struct req *r, const struct import_kind *k, const char *data,
    size_t len, struct import_check *ck)
{
	struct csv_record	*recs;
	size_t			 nrecs, i;
	char			 err[256];

	memset(ck, 0, sizeof(*ck));
	if (!csv_parse_all(r->a, data, len, MAX_ROWS, &recs, &nrecs, err,
	    sizeof(err))) {
		import_form(r, k, 422, arena_printf(r->a,
		    "The file could not be read as CSV: %s", err));
		return 0;
	}
	if (!k->check(r, recs, nrecs, ck)) {
		send_db_error(r);
		return 0;
	}
	if (ck->nrows == 0) {
		import_form(r, k, 422, "The file has no rows to import.");
		return 0;
	}
	for (i = 0; i < ck->nrows; i++)
		if (ck->lines[i].error != NULL)
			ck->bad++;
	return 1;
}

/*
 * The preview of ck with the given status: every bad row by line and
 * reason, then what the kind shows of the way to apply, and its good
 * rows.  upload_id 0: nothing may be applied from this page; note (may
 * be NULL) says why the preview is shown again.  Returns the status.
 */
static int
preview(struct req *r, const struct import_kind *k, int status,
    const char *filename, const struct import_check *ck, int64_t upload_id,
    const char *note)
{
	struct tpl_dict	*d, *s, *row;
	const char	*apply = NULL;
	size_t		 i, good = ck->nrows - ck->bad, shown = 0;

	d = page_begin(r, k->preview_tpl, k->preview_title);
	tpl_set(d, "FILENAME", filename);
	tpl_set_int(d, "ROWS", (long long)ck->nrows);
	tpl_set_int(d, "GOOD", (long long)good);
	tpl_set_int(d, "BAD", (long long)ck->bad);
	if (note != NULL)
		form_error(d, "NOTE", note);
	if (ck->bad > 0) {
		s = tpl_section(d, "HAS_ERRORS");
		for (i = 0; i < ck->nrows; i++) {
			if (ck->lines[i].error == NULL)
				continue;
			row = tpl_section(s, "BAD_ROW");
			tpl_set_int(row, "LINE", (long long)ck->lines[i].line);
			tpl_set(row, "REASON", ck->lines[i].error);
		}
	}
	if (upload_id > 0 && ck->bad == 0)
		apply = arena_printf(r->a, "%s/%lld/apply", k->path,
		    (long long)upload_id);
	else if (upload_id > 0 && k->valid_only && good > 0)
		apply = arena_printf(r->a, "%s/%lld/apply-valid", k->path,
		    (long long)upload_id);
	if ((s = k->preview(r, d, ck, apply)) == NULL)
		return page_send(r, status);
	for (i = 0; i < ck->nrows && shown < PREVIEW_ROWS; i++) {
		if (ck->lines[i].error != NULL)
			continue;
		shown++;
		row = tpl_section(s, "ROW");
		tpl_set_int(row, "LINE", (long long)ck->lines[i].line);
		k->row(r, row, ck, i);
	}
	if (good > shown)
		tpl_set_int(tpl_section(s, "MORE"), "MORE_COUNT",
		    (long long)(good - shown));
	return page_send(r, status);
}

/*
 * POST of the upload form (multipart, the file in "file"): check the
 * file and show the preview.  Nothing is applied here; the file is kept
 * when the preview offers to apply it.
 * Statuses: 200 (all rows good), 422 (unreadable file or bad rows),
 * 413, 500, 503.
 */
int
import_upload(struct req *r, const struct import_kind *k)
{
	const struct pval	*pv = P(r, "file");
	struct import_check	 ck;
	const char		*fname;
	char			*data;
	size_t			 len;
	int64_t			 id = 0;

	if (pv->error != NULL)
		return import_form(r, k, 422, pv->error);
	if (!req_upload_read(r, pv->file, &data, &len))
		return send_error(r, 500, NULL);
	fname = *pv->file->filename ? pv->file->filename : "upload.csv";
	if (!check_file(r, k, data, len, &ck))
		return r->status;
	if ((ck.bad == 0 || (k->valid_only && ck.bad < ck.nrows)) &&
	    db_upload_save(r->db, k->kind, r->user->id, fname, data, len,
	    &id) != DB_OK)
		return send_db_error(r);
	return preview(r, k, ck.bad ? 422 : 200, fname, &ck, id, NULL);
}

/*
 * Apply the administrator's kept upload of the first path id, checked
 * again, in one transaction: every row (only_valid 0; refused when a row
 * is bad) or the good rows only, when their count is still expect, the
 * count the administrator saw.  Then the kind's page of what was done.
 * Statuses: 200, 404 (not this administrator's upload), 409 (already
 * applied, or the valid rows changed since the preview), 422 (bad rows,
 * no valid row), 503.
 */
int
import_apply(struct req *r, const struct import_kind *k, int only_valid,
    long long expect)
{
	struct csv_upload	*up;
	struct import_check	 ck;
	long long		 good;
	int			 ok;

	if (db_upload_get(r->db, r->a, k->kind, r->user->id, r->ids[0],
	    &up) != DB_OK)
		return send_db_error(r);
	if (up == NULL)
		return send_error(r, 404, "There is no such import.");
	if (up->applied)
		return send_error(r, 409, "This file was already imported.");
	if (!check_file(r, k, up->content, up->len, &ck))
		return r->status;
	good = (long long)(ck.nrows - ck.bad);
	if (!only_valid && ck.bad > 0)
		return preview(r, k, 422, up->filename, &ck, up->id,
		    "Nothing was imported: some rows are not valid.");
	if (only_valid && good == 0)
		return preview(r, k, 422, up->filename, &ck, 0,
		    "Nothing was imported: no row is valid.");
	if (only_valid && good != expect)
		return preview(r, k, 409, up->filename, &ck, up->id,
		    arena_printf(r->a, "Nothing was imported: the %s changed "
		    "since the preview, and %lld rows are valid now instead "
		    "of %lld. Check them and choose again.", k->what, good,
		    expect));

	if (db_begin(r->db) != DB_OK)
		return send_db_error(r);
	if (db_upload_mark_applied(r->db, up->id, &ok) != DB_OK)
		goto fail;
	if (!ok) {
		db_rollback(r->db);
		return send_error(r, 409, "This file was already imported.");
	}
	switch (k->apply(r, &ck)) {
	case IMPORT_APPLIED:
		break;
	case IMPORT_STALE:
		db_rollback(r->db);
		return preview(r, k, 422, up->filename, &ck, 0, NULL);
	default:
		goto fail;
	}
	if (db_commit(r->db) != DB_OK)
		return send_db_error(r);
	return k->done(r, &ck);
fail:
	db_rollback(r->db);
	return send_db_error(r);
}
