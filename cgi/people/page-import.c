/*
 * page-import.c: importing users from a CSV file, through the import
 * flow of import.c.  Only a file without a single bad row can be
 * applied, and it is applied in one transaction or not at all: every
 * user is created with a one-time link to choose a password.
 */
#include <stdint.h>

#include "core/config.h"
#include "core/db.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/req.h"
#include "core/tpl.h"
#include "lib/util.h"
#include "people/people.h"

#define WELCOME_DAYS	14

/* The users import's own part of a checked file. */
struct users_file {
	struct import_row	*rows;
	char			(*tokens)[33];	/* welcome links */
};

/*
 * Check the records of a users CSV (users_check_import).  Returns 1, or
 * 0 on database failure.
 */
static int
users_check(struct req *r, const struct csv_record *recs, size_t nrecs,
    struct import_check *ck)
{
	struct users_file	*f = arena_alloc(r->a, sizeof(*f));
	size_t			 i;

	if (users_check_import(r->db, r->a, recs, nrecs, &f->rows,
	    &ck->nrows) < 0)
		return 0;
	ck->lines = arena_alloc(r->a, sizeof(*ck->lines) * (ck->nrows + 1));
	for (i = 0; i < ck->nrows; i++) {
		ck->lines[i].line = f->rows[i].line;
		ck->lines[i].error = f->rows[i].error;
	}
	ck->data = f;
	return 1;
}

/* The preview's import button, with the rows under it, when it applies. */
static struct tpl_dict *
users_preview(struct req *r, struct tpl_dict *d, const struct import_check *ck,
    const char *apply)
{
	struct tpl_dict	*s;

	(void)r;
	if (apply == NULL)
		return NULL;
	s = tpl_section(d, "READY");
	tpl_set(s, "ACTION", apply);
	tpl_set_int(s, "GOOD", (long long)ck->nrows);
	return s;
}

/* A user of the preview. */
static void
users_row(struct req *r, struct tpl_dict *row, const struct import_check *ck,
    size_t i)
{
	const struct users_file	*f = ck->data;
	const struct user	*u = &f->rows[i].u;

	(void)r;
	tpl_set(row, "NAME", u->name);
	tpl_set(row, "EMAIL", u->email);
	tpl_set(row, "ROLE", role_label(u->role));
	tpl_set(row, "TIMEZONE", u->timezone ? u->timezone : "School default");
}

/*
 * Create every user with a one-time link, inside the import's
 * transaction.  An address registered since the check makes the row
 * bad: IMPORT_STALE.
 */
static enum import_rc
users_apply(struct req *r, struct import_check *ck)
{
	struct users_file	*f = ck->data;
	enum db_rc		 rc;
	int64_t			 id;
	size_t			 i;

	f->tokens = arena_alloc(r->a, sizeof(*f->tokens) * (ck->nrows + 1));
	for (i = 0; i < ck->nrows; i++) {
		rc = db_user_create(r->db, &f->rows[i].u, NULL, 0, &id);
		if (rc == DB_DUPLICATE) {
			ck->lines[i].error = arena_printf(r->a, "a user with "
			    "email %s already exists", f->rows[i].u.email);
			ck->bad = 1;
			return IMPORT_STALE;
		}
		if (rc != DB_OK || db_welcome_create(r->db, id, WELCOME_DAYS,
		    f->tokens[i]) != DB_OK)
			return IMPORT_FAILED;
	}
	return IMPORT_APPLIED;
}

/* The users created, each with their one-time link.  Returns 200. */
static int
users_done(struct req *r, const struct import_check *ck)
{
	const struct users_file	*f = ck->data;
	struct tpl_dict		*d, *s;
	size_t			 i;

	d = page_begin(r, "people-import-done.tpl", "Users imported");
	tpl_set_int(d, "COUNT", (long long)ck->nrows);
	tpl_set_int(d, "DAYS", WELCOME_DAYS);
	for (i = 0; i < ck->nrows; i++) {
		s = tpl_section(d, "ROW");
		tpl_set(s, "NAME", f->rows[i].u.name);
		tpl_set(s, "EMAIL", f->rows[i].u.email);
		tpl_set(s, "ROLE", role_label(f->rows[i].u.role));
		tpl_set(s, "LINK", arena_printf(r->a, "%s/welcome?t=%s",
		    r->cfg->base_url, f->tokens[i]));
	}
	return page_send(r, 200);
}

static const struct import_kind users_import = {
	.kind = "users",
	.path = "/admin/import/users",
	.form_tpl = "people-import.tpl",
	.form_title = "Import users",
	.preview_tpl = "people-import-preview.tpl",
	.preview_title = "Import preview",
	.check = users_check,
	.preview = users_preview,
	.row = users_row,
	.apply = users_apply,
	.done = users_done,
};

/*
 * GET /admin/import/users.
 * Statuses: 200.
 */
int
page_import(struct req *r)
{
	return import_form(r, &users_import, 200, NULL);
}

/*
 * POST /admin/import/users (multipart): check the file and preview it.
 * Nothing is imported here.
 * Statuses: 200 (all rows good), 422 (bad file or bad rows), 413, 503.
 */
int
page_import_upload(struct req *r)
{
	return import_upload(r, &users_import);
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
	return import_apply(r, &users_import, 0, 0);
}
