/*
 * page-enroll.c: enrolling learners in training sessions: one by one
 * from a search, a whole class at once (its members of today), and a
 * CSV import of email,session[,course] rows.  The import is previewed
 * first; it applies either every row (only when none is bad) or, when
 * the administrator explicitly chooses so, only the valid rows.  Either
 * way in one transaction.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lib/csvfile.h"
#include "core/auth.h"
#include "core/db.h"
#include "lib/escape.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/routes.h"
#include "training/training.h"
#include "people/people.h"
#include "core/tpl.h"
#include "lib/util.h"

#define MAX_ROWS	20000
#define PREVIEW_ROWS	100
#define UPLOAD_KIND	"enrollments"

/* The edit page of s again, with msg next to the learner search. */
static int
learner_error(struct req *r, struct lms_session *s, const char *msg)
{
	struct edit_msgs	 m;

	memset(&m, 0, sizeof(m));
	m.learner_error = msg;
	return session_edit_page(r, s, 422, &m);
}

/* The edit page address, keeping the learner search when there is one. */
static char *
back_url(struct req *r, const struct lms_session *s)
{
	const char	*lq = P_str(r, "lq");

	if (lq == NULL || *lq == '\0')
		return arena_printf(r->a, "/admin/sessions/%lld",
		    (long long)s->id);
	return arena_printf(r->a, "/admin/sessions/%lld?lq=%s",
	    (long long)s->id, url_encode(r->a, lq));
}

/*
 * POST /admin/sessions/:id/learners: enroll one learner in the session
 * and in every course of it.
 * Statuses: 303, 404, 422 (not a learner, enrolled already), 503.
 */
int
page_session_learner_add(struct req *r)
{
	struct lms_session	*s;
	struct user		*u;
	int			 status;
	enum db_rc		 rc;

	if ((s = session_from_path(r, &status)) == NULL)
		return status;
	if (P(r, "user")->error != NULL)
		return learner_error(r, s, "Choose a learner to add.");
	if (db_user_get(r->db, r->a, (int64_t)P_num(r, "user"), &u) != DB_OK)
		return send_db_error(r);
	if (u == NULL || u->role != ROLE_LEARNER)
		return learner_error(r, s, "Only learners can be enrolled; "
		    "that user is not a learner.");
	if (u->disabled)
		return learner_error(r, s, arena_printf(r->a, "The account "
		    "of %s is disabled.", u->name));
	rc = db_session_add_learner(r->db, s->id, u->id);
	if (rc == DB_DUPLICATE)
		return learner_error(r, s, arena_printf(r->a, "%s is already "
		    "enrolled in this session.", u->name));
	if (rc != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Enrolled %s.", u->name));
	return send_redirect(r, back_url(r, s));
}

/*
 * POST /admin/sessions/:id/learners/:id/remove: take a learner out of
 * the session and its courses.
 * Statuses: 303, 404 (no session, learner not in it), 503.
 */
int
page_session_learner_remove(struct req *r)
{
	struct lms_session	*s;
	struct user		*u;
	int			 status, found;

	if ((s = session_from_path(r, &status)) == NULL)
		return status;
	if (db_user_get(r->db, r->a, r->ids[1], &u) != DB_OK)
		return send_db_error(r);
	if (u == NULL)
		return send_error(r, 404, "This learner is not enrolled in "
		    "the session.");
	if (db_session_remove_learner(r->db, s->id, u->id, &found) != DB_OK)
		return send_db_error(r);
	if (!found)
		return send_error(r, 404, "This learner is not enrolled in "
		    "the session.");
	flash_set(r, arena_printf(r->a, "Removed %s from the session.",
	    u->name));
	return send_redirect(r, arena_printf(r->a, "/admin/sessions/%lld",
	    (long long)s->id));
}

/*
 * POST /admin/sessions/:id/classes: enroll the class's current learners
 * who are not in the session yet.  Later changes to the class do not
 * touch the session.
 * Statuses: 303, 404, 422 (no such class), 503.
 */
int
page_session_class_add(struct req *r)
{
	struct lms_session	*s;
	struct option		*cl = NULL;
	struct edit_msgs	 m;
	long long		 added, already;
	int			 status;

	if ((s = session_from_path(r, &status)) == NULL)
		return status;
	if (P(r, "class")->error == NULL && db_class_find(r->db, r->a,
	    (int64_t)P_num(r, "class"), &cl) != DB_OK)
		return send_db_error(r);
	if (cl == NULL || cl->flag) {
		memset(&m, 0, sizeof(m));
		m.class_error = "Choose a class from the list.";
		return session_edit_page(r, s, 422, &m);
	}
	if (db_session_enroll_class(r->db, s->id, cl->id, &added,
	    &already) != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Class %s: added %lld %s, %lld "
	    "already enrolled.", cl->label, added,
	    added == 1 ? "learner" : "learners", already));
	return send_redirect(r, arena_printf(r->a, "/admin/sessions/%lld",
	    (long long)s->id));
}

/* ------------------------------------------------------------------ */
/* CSV import                                                          */

/* A session named in the file, resolved once. */
struct sess_ref {
	const char	*key;		/* as written: id or name */
	int64_t		 sid;		/* 0: unknown */
	char		*name;
	int		 matches;
	long long	 added;		/* new session enrollments applied */
};

/* A course named in the file for one session, resolved once. */
struct course_ref {
	int64_t		 sid;
	const char	*code;
	int64_t		 cid;		/* 0: unknown */
	char		*title;
	int		 in_session;
};

/* One row of the file after checking. */
struct enroll_row {
	size_t		 line;
	const char	*email;
	const char	*skey;
	const char	*code;		/* NULL: the whole session */
	size_t		 sref;		/* index in the session refs */
	int64_t		 uid, sid, cid;
	char		*user_name;
	const char	*error;		/* NULL when the row is good */
};

/* Everything the check found. */
struct enroll_check {
	struct enroll_row	*rows;
	size_t			 nrows;
	struct sess_ref		*sessions;
	size_t			 nsessions;
	int			 bad;
};

/* 1 when the record is the optional header line. */
static int
is_header(const struct csv_record *rec)
{
	return (rec->nfields == 2 || rec->nfields == 3) &&
	    strcasecmp(rec->fields[0], "email") == 0 &&
	    strcasecmp(rec->fields[1], "session") == 0 &&
	    (rec->nfields == 2 || strcasecmp(rec->fields[2], "course") == 0);
}

/* For sorting row indices by a key. */
struct ixkey {
	const char	*k;
	int64_t		 n1, n2, n3;
	size_t		 idx;
};

/* Order by text key, then numbers, then file position. */
static int
cmp_ix(const void *x, const void *y)
{
	const struct ixkey *p = x, *q = y;
	int c;

	if ((c = strcmp(p->k ? p->k : "", q->k ? q->k : "")) != 0)
		return c;
	if (p->n1 != q->n1)
		return p->n1 < q->n1 ? -1 : 1;
	if (p->n2 != q->n2)
		return p->n2 < q->n2 ? -1 : 1;
	if (p->n3 != q->n3)
		return p->n3 < q->n3 ? -1 : 1;
	return p->idx < q->idx ? -1 : p->idx > q->idx;
}

/* Split the records into rows; malformed ones get their reason. */
static void
split_rows(struct arena *a, const struct csv_record *recs, size_t n,
    struct enroll_check *ck)
{
	struct enroll_row	*row;
	size_t			 i, start = 0;

	if (n > 0 && is_header(&recs[0]))
		start = 1;
	ck->rows = arena_alloc(a, sizeof(*ck->rows) * (n + 1));
	ck->nrows = 0;
	for (i = start; i < n; i++) {
		row = &ck->rows[ck->nrows++];
		row->line = recs[i].line;
		if (recs[i].nfields < 2 || recs[i].nfields > 3) {
			row->error = arena_printf(a, "malformed: expected 2 or "
			    "3 fields (email, session, course), found %zu",
			    recs[i].nfields);
			continue;
		}
		row->email = recs[i].fields[0];
		row->skey = recs[i].fields[1];
		if (recs[i].nfields == 3 && recs[i].fields[2][0] != '\0')
			row->code = recs[i].fields[2];
		if (*row->email == '\0')
			row->error = "malformed: the email is empty";
		else if (*row->skey == '\0')
			row->error = "malformed: the session is empty";
	}
}

/* Look up each session named in the file once.  Returns 0 on failure. */
static int
resolve_sessions(struct req *r, struct enroll_check *ck)
{
	struct ixkey	*ix;
	struct sess_ref	*ref = NULL;
	size_t		 i, k = 0;

	ix = arena_alloc(r->a, sizeof(*ix) * (ck->nrows + 1));
	for (i = 0; i < ck->nrows; i++)
		if (ck->rows[i].error == NULL) {
			ix[k].k = ck->rows[i].skey;
			ix[k++].idx = i;
		}
	qsort(ix, k, sizeof(*ix), cmp_ix);
	ck->sessions = arena_alloc(r->a, sizeof(*ck->sessions) * (k + 1));
	ck->nsessions = 0;
	for (i = 0; i < k; i++) {
		if (i == 0 || strcmp(ix[i].k, ix[i - 1].k) != 0) {
			ref = &ck->sessions[ck->nsessions++];
			ref->key = ix[i].k;
			if (db_enroll_find_session(r->db, r->a, ref->key,
			    &ref->sid, &ref->name, &ref->matches) != DB_OK)
				return 0;
		}
		ck->rows[ix[i].idx].sref = ck->nsessions - 1;
		ck->rows[ix[i].idx].sid = ref->matches == 1 ? ref->sid : 0;
	}
	return 1;
}

/* Look up each (session, course code) pair once.  Returns 0 on failure. */
static int
resolve_courses(struct req *r, struct enroll_check *ck, const char **cerr)
{
	struct enroll_row	*row;
	struct course_ref	 ref;
	struct ixkey		*ix;
	size_t			 i, k = 0;

	memset(&ref, 0, sizeof(ref));
	ix = arena_alloc(r->a, sizeof(*ix) * (ck->nrows + 1));
	for (i = 0; i < ck->nrows; i++)
		if (ck->rows[i].error == NULL && ck->rows[i].sid > 0 &&
		    ck->rows[i].code != NULL) {
			ix[k].k = ck->rows[i].code;
			ix[k].n1 = ck->rows[i].sid;
			ix[k++].idx = i;
		}
	qsort(ix, k, sizeof(*ix), cmp_ix);
	for (i = 0; i < k; i++) {
		row = &ck->rows[ix[i].idx];
		if (i == 0 || strcmp(ix[i].k, ix[i - 1].k) != 0 ||
		    ix[i].n1 != ix[i - 1].n1) {
			ref.sid = row->sid;
			ref.code = row->code;
			if (db_enroll_find_course(r->db, r->a, ref.sid,
			    ref.code, &ref.cid, &ref.title,
			    &ref.in_session) != DB_OK)
				return 0;
		}
		if (ref.cid == 0)
			cerr[ix[i].idx] = arena_printf(r->a, "unknown course: "
			    "no course has the code \"%.40s\"", row->code);
		else if (!ref.in_session)
			cerr[ix[i].idx] = arena_printf(r->a, "unknown course: "
			    "%s (%.40s) is not in the session %s", ref.title,
			    row->code, ck->sessions[row->sref].name);
		else
			row->cid = ref.cid;
	}
	return 1;
}

/*
 * Check every row: the user, the session, the course, repeats in the
 * file and enrollments that exist already.  Returns 1, or 0 on
 * database failure.
 */
static int
check_rows(struct req *r, struct enroll_check *ck)
{
	struct enroll_row	*row;
	struct sess_ref		*sr;
	struct ixkey		*ix;
	const char		**cerr;
	size_t			 i, k = 0, first = 0;
	int			 learner, disabled, in_s, in_c;

	cerr = arena_alloc(r->a, sizeof(*cerr) * (ck->nrows + 1));
	if (!resolve_sessions(r, ck) || !resolve_courses(r, ck, cerr))
		return 0;
	for (i = 0; i < ck->nrows; i++) {
		row = &ck->rows[i];
		if (row->error != NULL)
			continue;
		sr = &ck->sessions[row->sref];
		if (db_enroll_row_state(r->db, r->a, row->email, row->sid,
		    row->cid, &row->uid, &row->user_name, &learner, &disabled,
		    &in_s, &in_c) != DB_OK)
			return 0;
		if (row->uid == 0)
			row->error = arena_printf(r->a, "unknown user: no user "
			    "has the email %.254s", row->email);
		else if (!learner)
			row->error = arena_printf(r->a, "unknown user: %.254s "
			    "is not a learner", row->email);
		else if (disabled)
			row->error = arena_printf(r->a, "unknown user: the "
			    "account of %.254s is disabled", row->email);
		else if (sr->matches == 0)
			row->error = arena_printf(r->a, "unknown session: no "
			    "session has the number or name \"%.150s\"",
			    row->skey);
		else if (sr->matches > 1)
			row->error = arena_printf(r->a, "unknown session: "
			    "several sessions are named \"%.150s\"; use the "
			    "session's number", row->skey);
		else if (cerr[i] != NULL)
			row->error = cerr[i];
		else if (row->code == NULL && in_s)
			row->error = arena_printf(r->a, "duplicate: %.254s is "
			    "already enrolled in %s", row->email, sr->name);
		else if (row->code != NULL && in_c)
			row->error = arena_printf(r->a, "duplicate: %.254s is "
			    "already enrolled in %.40s of %s", row->email,
			    row->code, sr->name);
	}

	/* The same enrollment twice in the file: each repeat of the first. */
	ix = arena_alloc(r->a, sizeof(*ix) * (ck->nrows + 1));
	for (i = 0; i < ck->nrows; i++)
		if (ck->rows[i].error == NULL) {
			ix[k].n1 = ck->rows[i].uid;
			ix[k].n2 = ck->rows[i].sid;
			ix[k].n3 = ck->rows[i].cid;
			ix[k++].idx = i;
		}
	qsort(ix, k, sizeof(*ix), cmp_ix);
	for (i = 1; i < k; i++) {
		if (ix[i].n1 != ix[first].n1 || ix[i].n2 != ix[first].n2 ||
		    ix[i].n3 != ix[first].n3) {
			first = i;
			continue;
		}
		ck->rows[ix[i].idx].error = arena_printf(r->a, "duplicate: "
		    "the same row as line %zu", ck->rows[ix[first].idx].line);
	}
	ck->bad = 0;
	for (i = 0; i < ck->nrows; i++)
		if (ck->rows[i].error != NULL)
			ck->bad++;
	return 1;
}

/* The upload form, with an optional error. */
static int
import_form(struct req *r, int status, const char *error)
{
	struct tpl_dict	*d = page_begin(r, "enroll-import.tpl",
	    "Import enrollments");

	tpl_set_int(d, "MAX_ROWS", MAX_ROWS);
	if (error != NULL)
		form_error(d, "FILE_ERROR", error);
	return page_send(r, status);
}

/*
 * GET /admin/import/enrollments.
 * Statuses: 200.
 */
int
page_enroll_import(struct req *r)
{
	return import_form(r, 200, NULL);
}

/*
 * Parse and check a file.  Returns 1, or 0 after sending a response
 * (unreadable file, no rows, database failure) with its status.
 */
static int
check_file(struct req *r, const char *data, size_t len,
    struct enroll_check *ck, int *status)
{
	struct csv_record	*recs;
	size_t			 nrecs;
	char			 err[256];

	memset(ck, 0, sizeof(*ck));
	if (!csv_parse_all(r->a, data, len, MAX_ROWS, &recs, &nrecs, err,
	    sizeof(err))) {
		*status = import_form(r, 422, arena_printf(r->a,
		    "The file could not be read as CSV: %s", err));
		return 0;
	}
	split_rows(r->a, recs, nrecs, ck);
	if (ck->nrows == 0) {
		*status = import_form(r, 422,
		    "The file has no rows to import.");
		return 0;
	}
	if (!check_rows(r, ck)) {
		*status = send_db_error(r);
		return 0;
	}
	return 1;
}

/*
 * The preview: every bad row by line and reason, the good rows, and the
 * ways to apply: all rows when none is bad, or explicitly only the
 * valid ones.  note (may be NULL) says why the preview is shown again.
 */
static int
preview(struct req *r, int status, const char *filename,
    const struct enroll_check *ck, int64_t upload_id, const char *note)
{
	struct tpl_dict		*d, *s, *row;
	const struct enroll_row	*er;
	size_t			 i, shown = 0;
	long long		 good = (long long)ck->nrows - ck->bad;

	d = page_begin(r, "enroll-preview.tpl", "Enrollment import preview");
	tpl_set(d, "FILENAME", filename);
	tpl_set_int(d, "ROWS", (long long)ck->nrows);
	tpl_set_int(d, "GOOD", good);
	tpl_set_int(d, "BAD", ck->bad);
	if (note != NULL)
		form_error(d, "NOTE", note);
	if (ck->bad > 0) {
		s = tpl_section(d, "HAS_ERRORS");
		for (i = 0; i < ck->nrows; i++) {
			if (ck->rows[i].error == NULL)
				continue;
			row = tpl_section(s, "BAD_ROW");
			tpl_set_int(row, "LINE", (long long)ck->rows[i].line);
			tpl_set(row, "REASON", ck->rows[i].error);
		}
	}
	if (upload_id > 0 && ck->bad == 0) {
		s = tpl_section(d, "APPLY_ALL");
		tpl_set(s, "URL", arena_printf(r->a,
		    "/admin/import/enrollments/%lld/apply",
		    (long long)upload_id));
	} else if (upload_id > 0 && good > 0) {
		s = tpl_section(d, "APPLY_VALID");
		tpl_set(s, "URL", arena_printf(r->a,
		    "/admin/import/enrollments/%lld/apply-valid",
		    (long long)upload_id));
	}
	if (good > 0) {
		s = tpl_section(d, "GOOD_ROWS");
		for (i = 0; i < ck->nrows && shown < PREVIEW_ROWS; i++) {
			er = &ck->rows[i];
			if (er->error != NULL)
				continue;
			shown++;
			row = tpl_section(s, "ROW");
			tpl_set_int(row, "LINE", (long long)er->line);
			tpl_set(row, "NAME", er->user_name ?
			    er->user_name : "");
			tpl_set(row, "EMAIL", er->email);
			tpl_set(row, "SESSION", ck->sessions[er->sref].name);
			tpl_set(row, "COURSE", er->code ? er->code :
			    "All courses");
		}
		if (good > (long long)shown)
			tpl_set_int(tpl_section(s, "MORE"), "MORE_COUNT",
			    good - (long long)shown);
	}
	return page_send(r, status);
}

/*
 * POST /admin/import/enrollments (multipart): check the file and show
 * the preview.  Nothing is enrolled here; the file is kept for applying.
 * Statuses: 200 (all rows good), 422 (unreadable file or bad rows),
 * 413, 503.
 */
int
page_enroll_upload(struct req *r)
{
	const struct pval	*pv = P(r, "file");
	struct enroll_check	 ck;
	const char		*fname;
	char			*data;
	size_t			 len;
	int64_t			 id = 0;
	int			 status;

	if (pv->error != NULL)
		return import_form(r, 422, pv->error);
	if (!req_upload_read(r, pv->file, &data, &len))
		return send_error(r, 500, NULL);
	fname = *pv->file->filename ? pv->file->filename : "upload.csv";
	if (!check_file(r, data, len, &ck, &status))
		return status;
	if ((size_t)ck.bad < ck.nrows && db_upload_save(r->db, UPLOAD_KIND,
	    r->user->id, fname, data, len, &id) != DB_OK)
		return send_db_error(r);
	return preview(r, ck.bad ? 422 : 200, fname, &ck, id, NULL);
}

/*
 * Apply the kept upload in one transaction: every row (only_valid 0,
 * refused when a row is bad) or the good rows only.  expect is the good
 * row count the administrator saw (only_valid).
 */
static int
apply(struct req *r, int only_valid, long long expect)
{
	struct csv_upload	*up;
	struct enroll_check	 ck;
	struct enroll_row	*er;
	struct tpl_dict		*d;
	long long		 good, added_total = 0;
	size_t			 i;
	int			 status, ok, added;

	if (db_upload_get(r->db, r->a, UPLOAD_KIND, r->user->id, r->ids[0],
	    &up) != DB_OK)
		return send_db_error(r);
	if (up == NULL)
		return send_error(r, 404, "There is no such import.");
	if (up->applied)
		return send_error(r, 409, "This file was already imported.");
	if (!check_file(r, up->content, up->len, &ck, &status))
		return status;
	good = (long long)ck.nrows - ck.bad;
	if (!only_valid && ck.bad > 0)
		return preview(r, 422, up->filename, &ck, up->id, "Nothing was "
		    "imported: some rows are not valid.");
	if (only_valid && good == 0)
		return preview(r, 422, up->filename, &ck, 0, "Nothing was "
		    "imported: no row is valid.");
	if (only_valid && good != expect)
		return preview(r, 409, up->filename, &ck, up->id, arena_printf(
		    r->a, "Nothing was imported: the enrollments changed since "
		    "the preview, and %lld rows are valid now instead of %lld. "
		    "Check them and choose again.", good, expect));

	if (db_begin(r->db) != DB_OK)
		return send_db_error(r);
	if (db_upload_mark_applied(r->db, up->id, &ok) != DB_OK)
		goto fail;
	if (!ok) {
		db_rollback(r->db);
		return send_error(r, 409, "This file was already imported.");
	}
	for (i = 0; i < ck.nrows; i++) {
		er = &ck.rows[i];
		if (er->error != NULL)
			continue;
		if (db_enroll_csv_row(r->db, er->sid, er->cid, er->uid,
		    &added) != DB_OK)
			goto fail;
		ck.sessions[er->sref].added += added;
		added_total += added;
	}
	for (i = 0; i < ck.nsessions; i++)
		if (ck.sessions[i].added > 0 && db_session_add_learner_count(
		    r->db, ck.sessions[i].sid, ck.sessions[i].added) != DB_OK)
			goto fail;
	if (db_commit(r->db) != DB_OK)
		return send_db_error(r);

	d = page_begin(r, "enroll-done.tpl", "Enrollments imported");
	tpl_set_int(d, "COUNT", good);
	tpl_set_int(d, "NEW_LEARNERS", added_total);
	if (ck.bad > 0)
		tpl_set_int(tpl_section(d, "SKIPPED"), "BAD", ck.bad);
	return page_send(r, 200);
fail:
	db_rollback(r->db);
	return send_db_error(r);
}

/*
 * POST /admin/import/enrollments/:id/apply: import every row of the
 * kept file, checked again, in one transaction; refused when any row is
 * bad.
 * Statuses: 200, 404 (not this administrator's upload), 409 (already
 * imported), 422 (bad rows), 503.
 */
int
page_enroll_apply(struct req *r)
{
	return apply(r, 0, 0);
}

/*
 * POST /admin/import/enrollments/:id/apply-valid: import only the rows
 * that are valid, the administrator's explicit choice, in one
 * transaction.
 * Statuses: 200, 404, 409 (already imported, or the valid rows changed
 * since the preview), 422 (no valid row), 503.
 */
int
page_enroll_apply_valid(struct req *r)
{
	return apply(r, 1, P_num(r, "expect"));
}
