/*
 * page-content.c: the content editor of a course lesson, for
 * administrators: the lesson's text and its exercises (add, edit,
 * reorder, remove).  A refused change shows the editor again with the
 * message and the posted values; nothing is stored.
 */
#include "lib/util.h"
#include "core/db.h"
#include "core/handler.h"
#include "core/layout.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "catalogue/catalogue.h"
#include "catalogue/content.h"

/* The path's course and lesson, or 0 once answered (404, 503). */
static int
path_load(struct req *r, struct course **c, struct lesson **l)
{
	enum db_rc	 rc;

	rc = db_course_get(r->db, r->a, r->ids[0], c);
	if (!load_found(r, rc, *c, "There is no such course."))
		return 0;
	rc = db_lesson_get(r->db, r->a, (*c)->id, r->ids[1], l);
	return load_found(r, rc, *l, "This course has no such lesson.");
}

/* Where the editor of lesson l of course c is. */
static const char *
editor_path(struct req *r, const struct course *c, const struct lesson *l)
{
	return arena_printf(r->a, "/admin/courses/%lld/lessons/%lld/content",
	    (long long)c->id, (long long)l->id);
}

/*
 * The editor page of the lesson with doc (id 0: no content yet), with
 * error shown when not NULL.  Returns the status sent.
 */
static int
content_page(struct req *r, const struct course *c, const struct lesson *l,
    const struct lesson_doc *doc, const char *error, int status)
{
	struct exercise	*ex = NULL;
	struct tpl_dict	*d;
	size_t		 n = 0;

	if (doc->id != 0 && db_exercises(r->db, r->a, doc->id, &ex, &n) !=
	    DB_OK)
		return send_db_error(r);
	d = page_begin(r, "catalogue-content.tpl", "Lesson content");
	tpl_set_int(d, "COURSE_ID", (long long)c->id);
	tpl_set_int(d, "LESSON_ID", (long long)l->id);
	tpl_set(d, "COURSE_TITLE", c->title);
	tpl_set(d, "LESSON_TITLE", l->title);
	if (error != NULL)
		tpl_set(tpl_section(d, "REFUSED"), "MESSAGE", error);
	content_text(d, doc->body);
	content_editor(r, d, doc, ex, n, editor_path(r, c, l));
	return page_send(r, status);
}

/*
 * GET /admin/courses/:id/lessons/:id/content: the lesson's text with a
 * preview, and its exercises.
 * Statuses: 200, 404, 503.
 */
int
page_content_edit(struct req *r)
{
	struct course		*c;
	struct lesson		*l;
	struct lesson_doc	*doc, blank_doc = { 0, 0, 0, NULL, "" };

	if (!path_load(r, &c, &l))
		return r->status;
	if (db_doc_of_lesson(r->db, r->a, l->id, &doc) != DB_OK)
		return send_db_error(r);
	if (doc == NULL) {
		blank_doc.lesson_id = l->id;
		doc = &blank_doc;
	}
	return content_page(r, c, l, doc, NULL, 200);
}

/* A POST flow of content.c on the path's lesson (made when needed). */
typedef const char *(*flow_fn)(struct req *, const struct lesson_doc *,
    int *failed);
typedef const char *(*ex_flow_fn)(struct req *, const struct lesson_doc *,
    int64_t, int *failed);

/*
 * Run flow (or ex_flow on the path's exercise) on the path's lesson:
 * back to the editor when done, the editor with the message when
 * refused (422).  Returns the status sent.
 */
static int
content_post(struct req *r, flow_fn flow, ex_flow_fn ex_flow)
{
	struct course		*c;
	struct lesson		*l;
	struct lesson_doc	*doc;
	const char		*msg;
	int			 failed;

	if (!path_load(r, &c, &l))
		return r->status;
	if (db_doc_for_lesson(r->db, r->a, l->id, &doc) != DB_OK ||
	    doc == NULL)
		return send_db_error(r);
	msg = flow != NULL ? flow(r, doc, &failed) :
	    ex_flow(r, doc, r->ids[2], &failed);
	if (failed)
		return send_db_error(r);
	if (msg != NULL)
		return content_page(r, c, l, doc, msg, 422);
	return send_redirect(r, editor_path(r, c, l));
}

/*
 * POST /admin/courses/:id/lessons/:id/content/text: save the text.
 * Statuses: 303, 400, 404, 503.
 */
int
page_content_text(struct req *r)
{
	return content_post(r, content_save_text, NULL);
}

/*
 * POST /admin/courses/:id/lessons/:id/content/exercises: add one.
 * Statuses: 303, 400, 404, 422, 503.
 */
int
page_content_add(struct req *r)
{
	return content_post(r, content_add, NULL);
}

/*
 * POST .../content/exercises/:id: save an exercise's question and its
 * options or answers.  Statuses: 303, 400, 404, 422, 503.
 */
int
page_content_save(struct req *r)
{
	return content_post(r, NULL, content_save_exercise);
}

/*
 * POST .../content/exercises/:id/move: one place up or down.
 * Statuses: 303, 400, 404, 503.
 */
int
page_content_move(struct req *r)
{
	return content_post(r, NULL, content_move);
}

/*
 * POST .../content/exercises/:id/remove: remove an exercise with the
 * learners' answers to it.  Statuses: 303, 404, 422, 503.
 */
int
page_content_remove(struct req *r)
{
	return content_post(r, NULL, content_remove);
}
