/*
 * page-lessons.c: the lessons of an enrollment as its learner answers
 * them and its teacher checks them.  The learner answers a lesson's
 * exercises, saves a draft, then completes it (the lesson is Passed
 * and its answers are final); the teacher (or an administrator) then
 * sees the answers, marks essays and verifies the lesson (Verified), a
 * step that can be revoked.  Anybody else gets 404, as if the
 * enrollment did not exist.  Also the learner's "My lessons" list.
 */
#include "lib/util.h"
#include "core/auth.h"
#include "core/db.h"
#include "core/handler.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "catalogue/catalogue.h"
#include "catalogue/content.h"
#include "enrollment/enrollment.h"

#define MY_LESSONS_PAGE	20	/* enrollments per page of My lessons */

/* What the path names, loaded with the user's part in it. */
struct ctx {
	struct enrollment	*e;
	struct lesson		*l;
	struct lesson_doc	*doc;		/* NULL: no content yet */
	struct attempt		*t;		/* NULL: not started */
	struct exercise		*ex;
	size_t			 nex;
	int			 learner;	/* the user is its learner */
	int			 staff;		/* its teacher or an admin */
};

/*
 * Load the path's enrollment and lesson with its content and the
 * learner's attempt into c when this user may see them (staff_only:
 * only its teacher or an administrator); 0 once 404 or 503 was sent.
 */
static int
ctx_load(struct req *r, struct ctx *c, int staff_only)
{
	static const char	 missing[] = "There is no such lesson.";
	enum db_rc		 rc;

	rc = db_enrollment_get(r->db, r->a, r->ids[0], &c->e);
	if (!load_found(r, rc, c->e, missing))
		return 0;
	c->staff = r->user->role == ROLE_ADMIN ||
	    (r->user->role == ROLE_TEACHER &&
	    c->e->teacher_id == r->user->id);
	c->learner = r->user->role == ROLE_LEARNER &&
	    c->e->learner_id == r->user->id;
	if (!c->staff && (staff_only || !c->learner))
		return load_refuse(r, missing);
	rc = db_lesson_get(r->db, r->a, c->e->course_id, r->ids[1], &c->l);
	if (rc == DB_OK && c->l != NULL && c->l->archived && !c->staff)
		c->l = NULL;
	if (!load_found(r, rc, c->l, missing))
		return 0;
	c->doc = NULL;
	c->t = NULL;
	c->ex = NULL;
	c->nex = 0;
	if ((rc = db_doc_of_lesson(r->db, r->a, c->l->id, &c->doc)) ==
	    DB_OK && c->doc != NULL &&
	    (rc = db_exercises(r->db, r->a, c->doc->id, &c->ex, &c->nex)) ==
	    DB_OK)
		rc = db_attempt_get(r->db, r->a, c->doc->id,
		    c->e->learner_id, c->e->id, &c->t);
	return load_found(r, rc, c->e, missing);
}

/* The lesson page's path. */
static const char *
lesson_path(struct req *r, const struct ctx *c)
{
	return arena_printf(r->a, "/platform/enrollments/%lld/lessons/%lld",
	    (long long)c->e->id, (long long)c->l->id);
}

/*
 * The lesson page for the learner or the teacher, with error shown
 * when not NULL.  Returns the status sent.
 */
static int
lesson_page(struct req *r, const struct ctx *c, const char *error,
    int status)
{
	struct answer		*ans = NULL;
	struct attempt_log	*log = NULL;
	struct tpl_dict		*d, *s;
	size_t			 nans = 0, nlog = 0;
	int			 done;

	if (c->t != NULL &&
	    (db_attempt_answers(r->db, r->a, c->t->id, &ans, &nans) !=
	    DB_OK || (c->staff && db_attempt_log(r->db, r->a, c->t->id,
	    &log, &nlog) != DB_OK)))
		return send_db_error(r);
	done = c->t != NULL && c->t->state >= ATT_PASSED;
	d = page_begin(r, "enrollment-lesson.tpl", c->l->title);
	tpl_set_int(d, "ENROLLMENT_ID", (long long)c->e->id);
	tpl_set(d, "PATH", lesson_path(r, c));
	tpl_set(d, "TITLE", c->l->title);
	tpl_set(d, "COURSE", c->e->course_title);
	tpl_set(d, "LEARNER", c->e->learner_name);
	tpl_set(d, "TEACHER", c->e->teacher_name);
	tpl_set(d, "TYPE", lesson_type_label(c->l->type));
	if (error != NULL)
		tpl_set(tpl_section(d, "REFUSED"), "MESSAGE", error);
	content_attempt(r, d, c->t, log, nlog);
	if (c->doc == NULL) {
		tpl_show(d, "NO_CONTENT");
		return page_send(r, status);
	}
	content_text(d, c->doc->body);
	if (c->learner && !done) {
		s = tpl_section(d, "ANSWER_FORM");
		content_exercises(r, s, c->ex, c->nex, ans, nans, 0, 0);
	} else if (c->learner || c->t == NULL || !done) {
		s = tpl_section(d, done ? "RESULTS" : "NOT_DONE");
		if (done)
			content_exercises(r, s, c->ex, c->nex, ans, nans, 1, 0);
	} else {
		s = tpl_section(d, c->t->state == ATT_PASSED ? "REVIEW" :
		    "VERIFIED_REVIEW");
		content_exercises(r, s, c->ex, c->nex, ans, nans, 1,
		    c->t->state == ATT_PASSED);
	}
	return page_send(r, status);
}

/*
 * GET /platform/enrollments/:id/lessons/:id: the lesson's text and
 * exercises; for its learner the answer form, then the results; for
 * its teacher the answers with the marks and the verification.
 * Statuses: 200, 404, 503.
 */
int
page_enrollment_lesson(struct req *r)
{
	struct ctx	 c;

	if (!ctx_load(r, &c, 0))
		return r->status;
	return lesson_page(r, &c, NULL, 200);
}

/*
 * POST /platform/enrollments/:id/lessons/:id: the learner's answers,
 * kept as a draft or completing the lesson (it is then Passed, scored,
 * and cannot change).
 * Statuses: 303, 400, 404, 409 (completed already), 422, 503.
 */
int
page_enrollment_answer(struct req *r)
{
	struct answer	*ans;
	struct ctx	 c;
	const char	*msg;
	int		 complete, stored;
	long long	 score = 0, max = 0;
	size_t		 i;

	if (!ctx_load(r, &c, 0))
		return r->status;
	if (!c.learner)
		return send_error(r, 403, "Only the learner of this "
		    "enrollment answers its lessons.");
	if (c.doc == NULL)
		return send_error(r, 404, "This lesson has no content yet.");
	if ((msg = content_collect(r, c.ex, c.nex, &ans)) != NULL)
		return lesson_page(r, &c, msg, 422);
	complete = P_num(r, "action") == 1;
	if (db_attempt_save(r->db, r->a, c.doc->id, c.e->learner_id, c.e->id,
	    ans, c.nex, complete, r->user->id, &stored) != DB_OK)
		return send_db_error(r);
	if (!stored)
		return lesson_page(r, &c, "You completed this lesson already: "
		    "its answers cannot change.", 409);
	for (i = 0; i < c.nex; i++) {
		score += ans[i].points > 0 ? ans[i].points : 0;
		max += ans[i].max_points;
	}
	flash_set(r, complete ? arena_printf(r->a, "Completed the lesson: "
	    "%lld of %lld points so far.", score, max) :
	    "Saved your answers as a draft.");
	return send_redirect(r, lesson_path(r, &c));
}

/*
 * The path's lesson for its teacher, with a completed attempt in the
 * state want; 0 once answered (404, 409, 503).
 */
static int
review_load(struct req *r, struct ctx *c, enum attempt_state want)
{
	if (!ctx_load(r, c, 1))
		return 0;
	if (c->t == NULL || c->t->state < ATT_PASSED) {
		lesson_page(r, c, "The learner has not completed this lesson "
		    "yet.", 409);
		return 0;
	}
	if (c->t->state != want) {
		lesson_page(r, c, want == ATT_PASSED ? "The lesson is verified: "
		    "revoke the verification to change it." :
		    "The lesson is not verified.", 409);
		return 0;
	}
	return 1;
}

/*
 * POST /platform/enrollments/:id/lessons/:id/marks: the teacher's
 * marks of the essays (0 to 5 each) of a Passed lesson.
 * Statuses: 303, 400, 404, 409, 422, 503.
 */
int
page_enrollment_marks(struct req *r)
{
	struct answer	*ans;
	struct ctx	 c;
	const char	*msg;
	size_t		 n;

	if (!review_load(r, &c, ATT_PASSED))
		return r->status;
	if (db_attempt_answers(r->db, r->a, c.t->id, &ans, &n) != DB_OK)
		return send_db_error(r);
	if ((msg = content_marks(r, c.ex, c.nex, ans, n)) != NULL)
		return lesson_page(r, &c, msg, 422);
	if (db_attempt_mark(r->db, c.t->id, ans, n, r->user->id) != DB_OK)
		return send_db_error(r);
	flash_set(r, "Saved the marks.");
	return send_redirect(r, lesson_path(r, &c));
}

/* Verify (1) or revoke (0) the path's lesson.  Returns the status. */
static int
verify(struct req *r, int on)
{
	struct answer	*ans;
	struct ctx	 c;
	size_t		 n, i;
	int		 changed;

	if (!review_load(r, &c, on ? ATT_PASSED : ATT_VERIFIED))
		return r->status;
	if (on) {
		if (db_attempt_answers(r->db, r->a, c.t->id, &ans, &n) !=
		    DB_OK)
			return send_db_error(r);
		for (i = 0; i < n; i++)
			if (ans[i].points < 0)
				return lesson_page(r, &c, "Mark every essay "
				    "before verifying the lesson.", 422);
	}
	if (db_attempt_verify(r->db, c.t->id, on, r->user->id, &changed) !=
	    DB_OK)
		return send_db_error(r);
	flash_set(r, !changed ? "The lesson was changed meanwhile; see it "
	    "now." : on ? "Verified the lesson." :
	    "Revoked the verification.");
	return send_redirect(r, lesson_path(r, &c));
}

/*
 * POST /platform/enrollments/:id/lessons/:id/verify: Passed becomes
 * Verified (every essay must be marked).
 * Statuses: 303, 404, 409, 422, 503.
 */
int
page_enrollment_verify(struct req *r)
{
	return verify(r, 1);
}

/*
 * POST /platform/enrollments/:id/lessons/:id/revoke: Verified goes
 * back to Passed; the log keeps both steps.
 * Statuses: 303, 404, 409, 503.
 */
int
page_enrollment_revoke(struct req *r)
{
	return verify(r, 0);
}

/*
 * GET /platform/lessons: the learner's active enrollments, each leading
 * to its lessons, by keyset pages.
 * Statuses: 200, 503.
 */
int
page_my_lessons(struct req *r)
{
	struct enrollment	*list;
	struct tpl_dict		*d, *row;
	size_t			 n, i;

	if (db_learner_enrollments(r->db, r->a, r->user->id,
	    P_num(r, "after_id"), MY_LESSONS_PAGE + 1, &list, &n) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "enrollment-lessons.tpl", "My lessons");
	for (i = 0; i < n && i < MY_LESSONS_PAGE; i++) {
		row = tpl_section(d, "ENROLLMENT");
		tpl_set_int(row, "ID", (long long)list[i].id);
		tpl_set(row, "COURSE", list[i].course_title);
		tpl_set(row, "TEACHER", list[i].teacher_name);
	}
	if (n == 0)
		tpl_show(d, "NONE");
	pager_links(r, d, "/platform/lessons", NULL, n > MY_LESSONS_PAGE,
	    NULL, n > MY_LESSONS_PAGE ? list[MY_LESSONS_PAGE - 1].id : 0);
	return page_send(r, 200);
}
