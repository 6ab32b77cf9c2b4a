/*
 * page-learners.c: a training session's learners: one by one from a
 * search, a whole class at once (its members of today), and a CSV
 * import of email,session[,course] rows through the import flow of
 * people/import.c.  The import is previewed first; it applies either
 * every row (only when none is bad) or, when the administrator
 * explicitly chooses so, only the valid rows.  Either way in one
 * transaction.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/db.h"
#include "lib/csvfile.h"
#include "core/auth.h"
#include "lib/escape.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "lib/csvfile.h"
#include "lib/escape.h"
#include "lib/util.h"
#include "people/people.h"
#include "training/training.h"

/* The edit page of s again, with msg next to the learner search. */
static int
learner_error(struct req *r, struct training_session *s, const char *msg)
{
	struct training_msgs	 m;

	memset(&m, 0, sizeof(m));
	m.learner_error = msg;
	return training_form_page(r, s, NULL, 422, &m);
}

/* The edit page address, keeping the learner search when there is one. */
static char *
back_url(struct req *r, const struct training_session *s)
{
	const char	*lq = P_str(r, "lq");

	if (lq == NULL)
		return training_url(r, s);
	return arena_printf(r->a, "%s?lq=%s", training_url(r, s),
	    url_encode(r->a, lq));
}

/*
 * POST /admin/sessions/:id/learners: enroll one learner in the session
 * and in every course of it.
 * Statuses: 303, 404, 422 (not a learner, enrolled already), 503.
 */
int
page_learners_add(struct req *r)
{
	struct training_session	*s;
	struct user		*u;
	enum db_rc		 rc;

	if ((s = training_load(r)) == NULL)
		return r->status;
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
	rc = db_learners_add(r->db, s->id, u->id);
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
page_learners_remove(struct req *r)
{
	struct training_session	*s;
	struct user		*u;
	int			 found;

	if ((s = training_load(r)) == NULL)
		return r->status;
	if (db_user_get(r->db, r->a, r->ids[1], &u) != DB_OK)
		return send_db_error(r);
	if (u == NULL)
		return send_error(r, 404, "This learner is not enrolled in "
		    "the session.");
	if (db_learners_remove(r->db, s->id, u->id, &found) != DB_OK)
		return send_db_error(r);
	if (!found)
		return send_error(r, 404, "This learner is not enrolled in "
		    "the session.");
	flash_set(r, arena_printf(r->a, "Removed %s from the session.",
	    u->name));
	return send_redirect(r, training_url(r, s));
}

/*
 * POST /admin/sessions/:id/classes: enroll the class's current learners
 * who are not in the session yet.  Later changes to the class do not
 * touch the session.
 * Statuses: 303, 404, 422 (no such class), 503.
 */
int
page_learners_add_class(struct req *r)
{
	struct training_session	*s;
	struct option		*cl = NULL;
	struct training_msgs	 m;
	long long		 added, already;

	if ((s = training_load(r)) == NULL)
		return r->status;
	if (P(r, "class")->error == NULL && db_class_find(r->db, r->a,
	    (int64_t)P_num(r, "class"), &cl) != DB_OK)
		return send_db_error(r);
	if (cl == NULL || cl->flag) {
		memset(&m, 0, sizeof(m));
		m.class_error = "Choose a class from the list.";
		return training_form_page(r, s, NULL, 422, &m);
	}
	if (db_learners_add_class(r->db, s->id, cl->id, &added,
	    &already) != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Class %s: added %lld %s, %lld "
	    "already enrolled.", cl->label, added,
	    added == 1 ? "learner" : "learners", already));
	return send_redirect(r, training_url(r, s));
}

/* ------------------------------------------------------------------ */
/* CSV import                                                          */

/* A session named in the file, resolved once. */
struct training_ref {
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

/* One row of the file after checking (its line and error: the flow's). */
struct learners_row {
	const char	*email;
	const char	*skey;
	const char	*code;		/* NULL: the whole session */
	size_t		 sref;		/* index in the session refs */
	int64_t		 uid, sid, cid;
	char		*user_name;
};

/* The import's own part of a checked file. */
struct learners_file {
	struct learners_row	*rows;
	struct training_ref	*sessions;
	size_t			 nsessions;
	long long		 added;		/* new session enrollments */
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
    struct import_check *ck, struct learners_file *f)
{
	struct learners_row	*row;
	struct import_line	*l;
	size_t			 i, start = 0;

	if (n > 0 && is_header(&recs[0]))
		start = 1;
	f->rows = arena_alloc(a, sizeof(*f->rows) * (n + 1));
	ck->lines = arena_alloc(a, sizeof(*ck->lines) * (n + 1));
	ck->nrows = 0;
	for (i = start; i < n; i++) {
		row = &f->rows[ck->nrows];
		l = &ck->lines[ck->nrows++];
		l->line = recs[i].line;
		if (recs[i].nfields < 2 || recs[i].nfields > 3) {
			l->error = arena_printf(a, "malformed: expected 2 or "
			    "3 fields (email, session, course), found %zu",
			    recs[i].nfields);
			continue;
		}
		row->email = recs[i].fields[0];
		row->skey = recs[i].fields[1];
		if (recs[i].nfields == 3 && recs[i].fields[2][0] != '\0')
			row->code = recs[i].fields[2];
		if (*row->email == '\0')
			l->error = "malformed: the email is empty";
		else if (*row->skey == '\0')
			l->error = "malformed: the session is empty";
	}
}

/* Look up each session named in the file once.  Returns 0 on failure. */
static int
resolve_sessions(struct req *r, const struct import_check *ck,
    struct learners_file *f)
{
	struct ixkey		*ix;
	struct training_ref	*ref = NULL;
	size_t			 i, k = 0;

	ix = arena_alloc(r->a, sizeof(*ix) * (ck->nrows + 1));
	for (i = 0; i < ck->nrows; i++)
		if (ck->lines[i].error == NULL) {
			ix[k].k = f->rows[i].skey;
			ix[k++].idx = i;
		}
	qsort(ix, k, sizeof(*ix), cmp_ix);
	f->sessions = arena_alloc(r->a, sizeof(*f->sessions) * (k + 1));
	f->nsessions = 0;
	for (i = 0; i < k; i++) {
		if (i == 0 || strcmp(ix[i].k, ix[i - 1].k) != 0) {
			ref = &f->sessions[f->nsessions++];
			ref->key = ix[i].k;
			if (db_learners_csv_training(r->db, r->a, ref->key,
			    &ref->sid, &ref->name, &ref->matches) != DB_OK)
				return 0;
		}
		f->rows[ix[i].idx].sref = f->nsessions - 1;
		f->rows[ix[i].idx].sid = ref->matches == 1 ? ref->sid : 0;
	}
	return 1;
}

/* Look up each (session, course code) pair once.  Returns 0 on failure. */
static int
resolve_courses(struct req *r, const struct import_check *ck,
    struct learners_file *f, const char **cerr)
{
	struct learners_row	*row;
	struct course_ref	 ref;
	struct ixkey		*ix;
	size_t			 i, k = 0;

	memset(&ref, 0, sizeof(ref));
	ix = arena_alloc(r->a, sizeof(*ix) * (ck->nrows + 1));
	for (i = 0; i < ck->nrows; i++)
		if (ck->lines[i].error == NULL && f->rows[i].sid > 0 &&
		    f->rows[i].code != NULL) {
			ix[k].k = f->rows[i].code;
			ix[k].n1 = f->rows[i].sid;
			ix[k++].idx = i;
		}
	qsort(ix, k, sizeof(*ix), cmp_ix);
	for (i = 0; i < k; i++) {
		row = &f->rows[ix[i].idx];
		if (i == 0 || strcmp(ix[i].k, ix[i - 1].k) != 0 ||
		    ix[i].n1 != ix[i - 1].n1) {
			ref.sid = row->sid;
			ref.code = row->code;
			if (db_learners_csv_course(r->db, r->a, ref.sid,
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
			    row->code, f->sessions[row->sref].name);
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
check_rows(struct req *r, struct import_check *ck, struct learners_file *f)
{
	struct learners_row	*row;
	struct import_line	*l;
	struct training_ref	*sr;
	struct ixkey		*ix;
	const char		**cerr;
	size_t			 i, k = 0, first = 0;
	int			 learner, disabled, in_s, in_c;

	cerr = arena_alloc(r->a, sizeof(*cerr) * (ck->nrows + 1));
	if (!resolve_sessions(r, ck, f) || !resolve_courses(r, ck, f, cerr))
		return 0;
	for (i = 0; i < ck->nrows; i++) {
		row = &f->rows[i];
		l = &ck->lines[i];
		if (l->error != NULL)
			continue;
		sr = &f->sessions[row->sref];
		if (db_learners_csv_user(r->db, r->a, row->email, row->sid,
		    row->cid, &row->uid, &row->user_name, &learner, &disabled,
		    &in_s, &in_c) != DB_OK)
			return 0;
		if (row->uid == 0)
			l->error = arena_printf(r->a, "unknown user: no user "
			    "has the email %.254s", row->email);
		else if (!learner)
			l->error = arena_printf(r->a, "unknown user: %.254s "
			    "is not a learner", row->email);
		else if (disabled)
			l->error = arena_printf(r->a, "unknown user: the "
			    "account of %.254s is disabled", row->email);
		else if (sr->matches == 0)
			l->error = arena_printf(r->a, "unknown session: no "
			    "session has the number or name \"%.150s\"",
			    row->skey);
		else if (sr->matches > 1)
			l->error = arena_printf(r->a, "unknown session: "
			    "several sessions are named \"%.150s\"; use the "
			    "session's number", row->skey);
		else if (cerr[i] != NULL)
			l->error = cerr[i];
		else if (row->code == NULL && in_s)
			l->error = arena_printf(r->a, "duplicate: %.254s is "
			    "already enrolled in %s", row->email, sr->name);
		else if (row->code != NULL && in_c)
			l->error = arena_printf(r->a, "duplicate: %.254s is "
			    "already enrolled in %.40s of %s", row->email,
			    row->code, sr->name);
	}

	/* The same enrollment twice in the file: each repeat of the first. */
	ix = arena_alloc(r->a, sizeof(*ix) * (ck->nrows + 1));
	for (i = 0; i < ck->nrows; i++)
		if (ck->lines[i].error == NULL) {
			ix[k].n1 = f->rows[i].uid;
			ix[k].n2 = f->rows[i].sid;
			ix[k].n3 = f->rows[i].cid;
			ix[k++].idx = i;
		}
	qsort(ix, k, sizeof(*ix), cmp_ix);
	for (i = 1; i < k; i++) {
		if (ix[i].n1 != ix[first].n1 || ix[i].n2 != ix[first].n2 ||
		    ix[i].n3 != ix[first].n3) {
			first = i;
			continue;
		}
		ck->lines[ix[i].idx].error = arena_printf(r->a, "duplicate: "
		    "the same row as line %zu", ck->lines[ix[first].idx].line);
	}
	return 1;
}

/*
 * The import's check: split the records into rows, then (when there
 * are rows) check them against the database.  Returns 1, or 0 on
 * database failure.
 */
static int
learners_check(struct req *r, const struct csv_record *recs, size_t nrecs,
    struct import_check *ck)
{
	struct learners_file	*f = arena_alloc(r->a, sizeof(*f));

	ck->data = f;
	split_rows(r->a, recs, nrecs, ck, f);
	return ck->nrows == 0 || check_rows(r, ck, f);
}

/*
 * The ways to apply: every row when none is bad, or explicitly only the
 * valid ones; the valid rows go under them.
 */
static struct tpl_dict *
learners_preview(struct req *r, struct tpl_dict *d,
    const struct import_check *ck, const char *apply)
{
	(void)r;
	if (apply != NULL)
		tpl_set(tpl_section(d, ck->bad == 0 ? "APPLY_ALL" :
		    "APPLY_VALID"), "URL", apply);
	return ck->bad < ck->nrows ? tpl_section(d, "GOOD_ROWS") : NULL;
}

/* A valid row of the preview. */
static void
learners_row(struct req *r, struct tpl_dict *d, const struct import_check *ck,
    size_t i)
{
	const struct learners_file	*f = ck->data;
	const struct learners_row	*lr = &f->rows[i];

	(void)r;
	tpl_set(d, "NAME", lr->user_name ? lr->user_name : "");
	tpl_set(d, "EMAIL", lr->email);
	tpl_set(d, "SESSION", f->sessions[lr->sref].name);
	tpl_set(d, "COURSE", lr->code ? lr->code : "All courses");
}

/*
 * Enroll the learner of every valid row, inside the import's
 * transaction, and count the sessions' new learners.
 */
static enum import_rc
learners_apply(struct req *r, struct import_check *ck)
{
	struct learners_file	*f = ck->data;
	struct learners_row	*lr;
	size_t			 i;
	int			 added;

	for (i = 0; i < ck->nrows; i++) {
		if (ck->lines[i].error != NULL)
			continue;
		lr = &f->rows[i];
		if (db_learners_csv_add(r->db, lr->sid, lr->cid, lr->uid,
		    &added) != DB_OK)
			return IMPORT_FAILED;
		f->sessions[lr->sref].added += added;
		f->added += added;
	}
	for (i = 0; i < f->nsessions; i++)
		if (f->sessions[i].added > 0 && db_training_add_learner_count(
		    r->db, f->sessions[i].sid, f->sessions[i].added) != DB_OK)
			return IMPORT_FAILED;
	return IMPORT_APPLIED;
}

/* How many rows were imported and learners added.  Returns 200. */
static int
learners_done(struct req *r, const struct import_check *ck)
{
	const struct learners_file	*f = ck->data;
	struct tpl_dict			*d;

	d = page_begin(r, "training-learners-done.tpl",
	    "Enrollments imported");
	tpl_set_int(d, "COUNT", (long long)(ck->nrows - ck->bad));
	tpl_set_int(d, "NEW_LEARNERS", f->added);
	if (ck->bad > 0)
		tpl_set_int(tpl_section(d, "SKIPPED"), "BAD",
		    (long long)ck->bad);
	return page_send(r, 200);
}

static const struct import_kind learners_import = {
	.kind = "enrollments",
	.path = "/admin/import/enrollments",
	.form_tpl = "training-learners-import.tpl",
	.form_title = "Import enrollments",
	.preview_tpl = "training-learners-preview.tpl",
	.preview_title = "Enrollment import preview",
	.valid_only = 1,
	.what = "enrollments",
	.check = learners_check,
	.preview = learners_preview,
	.row = learners_row,
	.apply = learners_apply,
	.done = learners_done,
};

/*
 * GET /admin/import/enrollments.
 * Statuses: 200.
 */
int
page_learners_import(struct req *r)
{
	return import_form(r, &learners_import, 200, NULL);
}

/*
 * POST /admin/import/enrollments (multipart): check the file and show
 * the preview.  Nothing is enrolled here; the file is kept for applying.
 * Statuses: 200 (all rows good), 422 (unreadable file or bad rows),
 * 413, 503.
 */
int
page_learners_upload(struct req *r)
{
	return import_upload(r, &learners_import);
}

/*
 * POST /admin/import/enrollments/:id/apply: import every row of the
 * kept file, checked again, in one transaction; refused when any row is
 * bad.
 * Statuses: 200, 404 (not this administrator's upload), 409 (already
 * imported), 422 (bad rows), 503.
 */
int
page_learners_apply(struct req *r)
{
	return import_apply(r, &learners_import, 0, 0);
}

/*
 * POST /admin/import/enrollments/:id/apply-valid: import only the rows
 * that are valid, the administrator's explicit choice, in one
 * transaction.
 * Statuses: 200, 404, 409 (already imported, or the valid rows changed
 * since the preview), 422 (no valid row), 503.
 */
int
page_learners_apply_valid(struct req *r)
{
	return import_apply(r, &learners_import, 1, P_num(r, "expect"));
}
