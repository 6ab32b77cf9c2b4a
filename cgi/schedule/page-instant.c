/*
 * page-instant.c: instant lessons.  While a live lesson is live its
 * teacher (or an administrator) creates an instant lesson from the
 * lesson's page: text and exercises like a course lesson's, tied to the
 * live lesson and listed by no course.  The teacher edits it and sees
 * the learners' answers; the live lesson's learners answer it, save a
 * draft and complete it.  Anybody else gets 404.
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
#include "catalogue/content.h"
#include "schedule/schedule.h"

/* What the path names, loaded with the user's part in it. */
struct ictx {
	struct live_lesson	*s;
	struct live_participant	*p;
	size_t			 np;
	struct lesson_doc	*doc;
	struct exercise		*ex;
	size_t			 nex;
	int			 manage;	/* its teacher or an admin */
};

/*
 * Load the path's live lesson and instant lesson into c for a user who
 * may see them (manage: only its teacher or an administrator); 0 once
 * 404 or 503 was sent.
 */
static int
ictx_load(struct req *r, struct ictx *c, int manage)
{
	static const char	 missing[] = "There is no such instant lesson.";
	enum db_rc		 rc;

	if ((c->s = live_lesson_load(r, manage, &c->p, &c->np)) == NULL)
		return 0;
	c->manage = r->user->role == ROLE_ADMIN ||
	    c->s->teacher_id == r->user->id;
	c->ex = NULL;
	c->nex = 0;
	rc = db_lesson_doc_get(r->db, r->a, r->ids[1], &c->doc);
	if (rc == DB_OK && c->doc != NULL && c->doc->live_id != c->s->id)
		c->doc = NULL;
	if (rc == DB_OK && c->doc != NULL)
		rc = db_exercises(r->db, r->a, c->doc->id, &c->ex, &c->nex);
	return load_found(r, rc, c->doc, missing);
}

/* The instant lesson's page path. */
static const char *
instant_path(struct req *r, const struct ictx *c)
{
	return arena_printf(r->a, "/platform/sessions/%lld/instant/%lld",
	    (long long)c->s->id, (long long)c->doc->id);
}

/*
 * The teacher's part: the editor and each learner's state, with the
 * answers of the learner the "learner" parameter names.  Returns 1, or
 * 0 on a database failure.
 */
static int
teacher_part(struct req *r, struct tpl_dict *d, const struct ictx *c)
{
	struct attempt	*att;
	struct answer	*ans;
	struct tpl_dict	*e;
	size_t		 na, nans, i, j;
	int64_t		 shown = P_num(r, "learner");

	if (db_doc_attempts(r->db, r->a, c->doc->id, 0, &att, &na) != DB_OK)
		return 0;
	content_editor(r, d, c->doc, c->ex, c->nex, instant_path(r, c));
	for (i = 0; i < c->np; i++) {
		const struct attempt *t = NULL;

		for (j = 0; j < na; j++)
			if (att[j].learner_id == c->p[i].learner_id)
				t = &att[j];
		e = tpl_section(d, "LEARNER_ROW");
		tpl_set_int(e, "LEARNER_ID", c->p[i].learner_id);
		tpl_set(e, "LEARNER_NAME", c->p[i].name);
		tpl_set(e, "LEARNER_STATE", attempt_state_label(t != NULL ?
		    t->state : ATT_NONE));
		if (t != NULL && t->state >= ATT_PASSED)
			tpl_set(tpl_section(e, "LEARNER_DONE"), "POINTS",
			    arena_printf(r->a, "%lld of %lld", t->score,
			    t->max_score));
		if (t == NULL || t->state < ATT_PASSED ||
		    c->p[i].learner_id != shown)
			continue;
		if (db_attempt_answers(r->db, r->a, t->id, &ans, &nans) !=
		    DB_OK)
			return 0;
		e = tpl_section(d, "SHOWN");
		tpl_set(e, "SHOWN_NAME", c->p[i].name);
		content_exercises(r, e, c->ex, c->nex, ans, nans, 1, 0);
	}
	return 1;
}

/*
 * The instant lesson's page for its teacher or one of its learners,
 * with error shown when not NULL.  Returns the status sent.
 */
static int
instant_page(struct req *r, const struct ictx *c, const char *error,
    int status)
{
	struct attempt	*t = NULL;
	struct answer	*ans = NULL;
	struct tpl_dict	*d, *s;
	size_t		 nans = 0;
	int		 done;

	d = page_begin(r, "schedule-instant.tpl", c->doc->title);
	tpl_set_int(d, "LIVE_ID", c->s->id);
	tpl_set(d, "TITLE", c->doc->title);
	tpl_set(d, "PATH", instant_path(r, c));
	tpl_set(d, "COURSE", c->s->course_title);
	tpl_set(d, "STARTS", show_time(r, c->s->starts_at));
	if (error != NULL)
		tpl_set(tpl_section(d, "REFUSED"), "MESSAGE", error);
	content_text(d, c->doc->body);
	if (c->manage) {
		if (!teacher_part(r, tpl_section(d, "TEACHER"), c))
			return send_db_error(r);
		return page_send(r, status);
	}
	if (db_attempt_get(r->db, r->a, c->doc->id, r->user->id, 0, &t) !=
	    DB_OK || (t != NULL && db_attempt_answers(r->db, r->a, t->id,
	    &ans, &nans) != DB_OK))
		return send_db_error(r);
	done = t != NULL && t->state >= ATT_PASSED;
	s = tpl_section(d, done ? "RESULTS" : "ANSWER_FORM");
	content_attempt(r, s, t, NULL, 0);
	content_exercises(r, s, c->ex, c->nex, ans, nans, done, 0);
	return page_send(r, status);
}

/*
 * GET /platform/sessions/:id/instant/:id: the instant lesson; for its
 * learners the answer form, then their results; for its teacher the
 * editor and the learners' answers.
 * Statuses: 200, 404, 503.
 */
int
page_instant_show(struct req *r)
{
	struct ictx	 c;

	if (!ictx_load(r, &c, 0))
		return r->status;
	return instant_page(r, &c, NULL, 200);
}

/*
 * POST /platform/sessions/:id/instant: "Create Instant Lesson" while
 * the lesson is live, then on to its editor.
 * Statuses: 303, 400, 404, 409 (not live, or too many), 503.
 */
int
page_instant_create(struct req *r)
{
	struct live_participant	*p;
	struct live_lesson	*s;
	const char		*title = P_str(r, "doc_title");
	size_t			 np;
	int64_t			 id;

	if ((s = live_lesson_load(r, 1, &p, &np)) == NULL)
		return r->status;
	if (s->status != LIVE_ACTIVE)
		return send_error(r, 409, "Instant lessons are created while "
		    "the lesson is live.");
	if (blank(title))
		return send_error(r, 400, "Give the instant lesson a title.");
	if (db_doc_instant_create(r->db, r->a, s->id, title,
	    P_str(r, "body") ? P_str(r, "body") : "", r->user->id, &id) !=
	    DB_OK)
		return send_db_error(r);
	if (id == 0)
		return send_error(r, 409, "A live lesson has at most 20 "
		    "instant lessons.");
	flash_set(r, "Created the instant lesson: add its exercises below.");
	return send_redirect(r, arena_printf(r->a,
	    "/platform/sessions/%lld/instant/%lld", (long long)s->id,
	    (long long)id));
}

/* A POST flow of content.c (see content.h). */
typedef const char *(*flow_fn)(struct req *, const struct lesson_doc *,
    int *failed);
typedef const char *(*ex_flow_fn)(struct req *, const struct lesson_doc *,
    int64_t, int *failed);

/*
 * Run flow (or ex_flow on the path's exercise) on the path's instant
 * lesson for its teacher: back to it when done, the page with the
 * message when refused (422).  Returns the status sent.
 */
static int
instant_post(struct req *r, flow_fn flow, ex_flow_fn ex_flow)
{
	struct ictx	 c;
	const char	*msg;
	int		 failed;

	if (!ictx_load(r, &c, 1))
		return r->status;
	msg = flow != NULL ? flow(r, c.doc, &failed) :
	    ex_flow(r, c.doc, r->ids[2], &failed);
	if (failed)
		return send_db_error(r);
	if (msg != NULL) {
		if (db_exercises(r->db, r->a, c.doc->id, &c.ex, &c.nex) !=
		    DB_OK)
			return send_db_error(r);
		return instant_page(r, &c, msg, 422);
	}
	return send_redirect(r, instant_path(r, &c));
}

/*
 * POST /platform/sessions/:id/instant/:id/text: title and text.
 * Statuses: 303, 400, 404, 422, 503.
 */
int
page_instant_text(struct req *r)
{
	return instant_post(r, content_save_text, NULL);
}

/*
 * POST /platform/sessions/:id/instant/:id/exercises: add an exercise.
 * Statuses: 303, 400, 404, 422, 503.
 */
int
page_instant_add(struct req *r)
{
	return instant_post(r, content_add, NULL);
}

/*
 * POST .../instant/:id/exercises/:id: save an exercise.
 * Statuses: 303, 400, 404, 422, 503.
 */
int
page_instant_save(struct req *r)
{
	return instant_post(r, NULL, content_save_exercise);
}

/*
 * POST .../instant/:id/exercises/:id/move: one place up or down.
 * Statuses: 303, 400, 404, 503.
 */
int
page_instant_move(struct req *r)
{
	return instant_post(r, NULL, content_move);
}

/*
 * POST .../instant/:id/exercises/:id/remove: remove an exercise.
 * Statuses: 303, 404, 422, 503.
 */
int
page_instant_remove(struct req *r)
{
	return instant_post(r, NULL, content_remove);
}

/*
 * POST /platform/sessions/:id/instant/:id/answers: a learner's answers,
 * as a draft or completing the instant lesson.
 * Statuses: 303, 400, 403, 404, 409, 422, 503.
 */
int
page_instant_answer(struct req *r)
{
	struct answer	*ans;
	struct ictx	 c;
	const char	*msg;
	int		 complete, stored;

	if (!ictx_load(r, &c, 0))
		return r->status;
	if (c.manage)
		return send_error(r, 403, "Only the lesson's learners answer "
		    "its instant lessons.");
	if ((msg = content_collect(r, c.ex, c.nex, &ans)) != NULL)
		return instant_page(r, &c, msg, 422);
	complete = P_num(r, "action") == 1;
	if (db_attempt_save(r->db, r->a, c.doc->id, r->user->id, 0, ans,
	    c.nex, complete, r->user->id, &stored) != DB_OK)
		return send_db_error(r);
	if (!stored)
		return instant_page(r, &c, "You completed this lesson already: "
		    "its answers cannot change.", 409);
	flash_set(r, complete ? "Completed the instant lesson." :
	    "Saved your answers as a draft.");
	return send_redirect(r, instant_path(r, &c));
}
