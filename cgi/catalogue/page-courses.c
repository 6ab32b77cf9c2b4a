/*
 * page-courses.c: the administrator's courses and their lessons: the
 * list, the course page with its lessons, the lesson page, and adding,
 * saving, moving, archiving and unarchiving.  The flows they share with
 * the other kinds of item are in item.c.
 */
#include <string.h>

#include "lib/util.h"
#include "core/auth.h"
#include "core/db.h"
#include "core/handler.h"
#include "core/layout.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "catalogue/catalogue.h"
#include "catalogue/item.h"

/* What the course page shows in its two forms. */
enum course_shown {
	SHOW_STORED,		/* the course's values, a blank lesson */
	SHOW_COURSE_POSTED,	/* the posted course form, refused */
	SHOW_LESSON_POSTED	/* the posted lesson form, refused */
};

/* The parameters the list's page links keep. */
static const char *const list_keep[] = { "q", "archived", NULL };

/* The course named by the first path id, or NULL once answered. */
static struct course *
course_load(struct req *r)
{
	struct course	*c;
	enum db_rc	 rc;

	rc = db_course_get(r->db, r->a, r->ids[0], &c);
	if (!load_found(r, rc, c, "There is no such course."))
		return NULL;
	return c;
}

/*
 * The lesson named by the second path id, which must belong to course
 * c, or NULL once answered.
 */
static struct lesson *
lesson_load(struct req *r, const struct course *c)
{
	struct lesson	*l;
	enum db_rc	 rc;

	rc = db_lesson_get(r->db, r->a, c->id, r->ids[1], &l);
	if (!load_found(r, rc, l, "This course has no such lesson."))
		return NULL;
	return l;
}

/* Where the course page is (lesson actions go back to it). */
static const char *
course_path(struct req *r, const struct course *c)
{
	return arena_printf(r->a, "/admin/courses/%lld", (long long)c->id);
}

/*
 * GET /admin/courses?q=&archived=&after_text=&after_id=: one page of
 * courses in title order, 50 at a time; archived courses only when
 * asked.  One query whatever the page.
 * Statuses: 200, 400 (bad position), 503.
 */
int
page_courses(struct req *r)
{
	struct list	 l;
	struct tpl_dict	*d, *row;
	struct course	*list;
	size_t		 i;

	list_start(r, &l, P_str(r, "q"));
	if (db_course_list(r->db, r->a, l.q, l.archived, &l.ks, &list,
	    &l.n) != DB_OK)
		return send_db_error(r);
	d = list_page(r, &l, "catalogue-courses.tpl", "Courses");
	for (i = 0; i < l.shown; i++) {
		row = tpl_section(d, "COURSE");
		tpl_set_int(row, "ID", (long long)list[i].id);
		tpl_set(row, "TITLE", list[i].title);
		tpl_set(row, "CODE", list[i].code);
		if (list[i].archived)
			tpl_show(row, "ARCHIVED");
	}
	return list_send(r, d, &l, "/admin/courses", list_keep,
	    l.shown ? list[l.shown - 1].title : NULL,
	    l.shown ? list[l.shown - 1].id : 0);
}

/* The lesson type options of a select, with sel selected. */
static void
type_options(struct tpl_dict *d, int sel)
{
	struct tpl_dict	*o;
	int		 t;

	for (t = 0; t < LESSON__MAX; t++) {
		o = tpl_section(d, "TYPE_OPT");
		tpl_set(o, "VALUE", lesson_type_name((enum lesson_type)t));
		tpl_set(o, "LABEL", lesson_type_label((enum lesson_type)t));
		if (t == sel)
			tpl_show(o, "SELECTED");
	}
}

/*
 * The posted lesson form's title and type, with their errors; the type
 * selected is the posted one when valid, else sel.
 */
static void
lesson_posted(struct req *r, struct tpl_dict *d, int sel)
{
	form_field(d, P(r, "lesson_title"), "LESSON_TITLE_VALUE",
	    "LESSON_TITLE_ERROR");
	form_field(d, P(r, "type"), NULL, "TYPE_ERROR");
	if (P_str(r, "type") != NULL)
		sel = (int)P_num(r, "type");
	type_options(d, sel);
}

/*
 * The course's lessons and the form that adds one, on the course page.
 * Returns 1, or 0 when the database failed.
 */
static int
course_lessons(struct req *r, struct tpl_dict *d, const struct course *c,
    enum course_shown shown)
{
	struct tpl_dict	*row;
	struct lesson	*list;
	size_t		 n, i;

	if (db_lesson_list(r->db, r->a, c->id, &list, &n) != DB_OK)
		return 0;
	for (i = 0; i < n; i++) {
		row = tpl_section(d, "LESSON");
		tpl_set_int(row, "LESSON_ID", (long long)list[i].id);
		tpl_set_int(row, "NUMBER", (long long)(i + 1));
		tpl_set(row, "LESSON_TITLE", list[i].title);
		tpl_set(row, "TYPE_LABEL", lesson_type_label(list[i].type));
		if (i > 0)
			tpl_show(row, "CAN_UP");
		if (i + 1 < n)
			tpl_show(row, "CAN_DOWN");
		tpl_show(row, list[i].archived ? "LESSON_ARCHIVED" :
		    "LESSON_ACTIVE");
	}
	if (n == 0)
		tpl_show(d, "NO_LESSONS");
	if (shown == SHOW_LESSON_POSTED)
		lesson_posted(r, d, LESSON_CLASS);
	else
		type_options(d, LESSON_CLASS);
	return 1;
}

/*
 * The course create/edit page; c is NULL for a new course.  On the
 * edit page the lessons follow.  Returns the status sent.
 */
static int
course_page(struct req *r, const struct course *c, int status,
    enum course_shown shown)
{
	struct tpl_dict	*d, *e;

	d = page_begin(r, "catalogue-course-form.tpl", c ? "Edit course" :
	    "Add a course");
	if (shown == SHOW_COURSE_POSTED) {
		form_field(d, P(r, "title"), "TITLE_VALUE", "TITLE_ERROR");
		form_field(d, P(r, "code"), "CODE_VALUE", "CODE_ERROR");
		form_field(d, P(r, "description"), "DESCRIPTION_VALUE",
		    "DESCRIPTION_ERROR");
	} else if (c != NULL) {
		tpl_set(d, "TITLE_VALUE", c->title);
		tpl_set(d, "CODE_VALUE", c->code);
		tpl_set(d, "DESCRIPTION_VALUE", c->description ?
		    c->description : "");
	}
	if (c == NULL) {
		tpl_show(d, "CREATE");
		tpl_set(d, "ACTION", "/admin/courses/new");
		return page_send(r, status);
	}
	tpl_set(d, "ACTION", course_path(r, c));
	e = tpl_section(d, "EDIT");
	tpl_set_int(e, "COURSE_ID", (long long)c->id);
	tpl_set(e, "COURSE_TITLE", c->title);
	tpl_set(e, "CREATED", c->created_at);
	show_state(e, c->archived);
	if (!course_lessons(r, e, c, shown))
		return send_db_error(r);
	return page_send(r, status);
}

/* 1 when a course code uses only letters, digits, '.', '_' and '-'. */
static int
code_chars_ok(const char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '.' || *s == '_' ||
		    *s == '-'))
			return 0;
	return 1;
}

/* The course kind's hooks (see struct kind in item.h): load the path's. */
static int
course_item(struct req *r, struct item *it)
{
	struct course	*c;

	if ((c = course_load(r)) == NULL)
		return 0;
	it->obj = c;
	it->id = c->id;
	it->name = c->title;
	return 1;
}

/* Refuse a code with other characters than code_chars_ok() allows. */
static void
course_check(struct req *r)
{
	const char	*code = P_str(r, "code");

	if (code != NULL && !code_chars_ok(code))
		P_fail(r, "code", "Code may contain only letters, digits, "
		    "dots, underscores and hyphens.");
}

/* The course page, fresh or with the refused course form. */
static int
course_form(struct req *r, const struct item *it, int status, int posted)
{
	return course_page(r, it ? it->obj : NULL, status,
	    posted ? SHOW_COURSE_POSTED : SHOW_STORED);
}

/* Save the posted course form into it, or add a course. */
static enum db_rc
course_store(struct req *r, const struct item *it, int64_t *id)
{
	struct course	 c;

	if (it != NULL)
		c = *(const struct course *)it->obj;
	else
		memset(&c, 0, sizeof(c));
	c.title = (char *)P_str(r, "title");
	c.code = (char *)P_str(r, "code");
	c.description = optional_text(r, "description");
	if (it != NULL)
		return db_course_update(r->db, &c);
	return db_course_create(r->db, &c, id);
}

static const struct kind courses = {
	"course", "/admin/courses", "title", "code",
	"Another course already has this code.",
	" Add its lessons below.", 0,
	course_item, course_check, course_form, course_store,
	db_course_set_archived
};

/*
 * GET /admin/courses/new.
 * Statuses: 200.
 */
int
page_course_new(struct req *r)
{
	return item_new(r, &courses);
}

/*
 * POST /admin/courses/new: add a course, then show its page.
 * Statuses: 303, 422, 503.
 */
int
page_course_create(struct req *r)
{
	return item_create(r, &courses);
}

/*
 * GET /admin/courses/:id: the course's details and its lessons.
 * Statuses: 200, 404, 503.
 */
int
page_course_edit(struct req *r)
{
	return item_edit(r, &courses);
}

/*
 * POST /admin/courses/:id: save title, code and description.
 * Statuses: 303, 404, 422, 503.
 */
int
page_course_save(struct req *r)
{
	return item_save(r, &courses);
}

/*
 * POST /admin/courses/:id/archive: hide the course from everyday lists.
 * Statuses: 303, 404, 503.
 */
int
page_course_archive(struct req *r)
{
	return item_archive(r, &courses, 1);
}

/*
 * POST /admin/courses/:id/unarchive.
 * Statuses: 303, 404, 503.
 */
int
page_course_unarchive(struct req *r)
{
	return item_archive(r, &courses, 0);
}

/* --- lessons ----------------------------------------------------------- */

/*
 * POST /admin/courses/:id/lessons: add a lesson at the end of the
 * course.  A refused lesson is shown on the course page.
 * Statuses: 303, 404, 422, 503.
 */
int
page_lesson_create(struct req *r)
{
	struct course	*c;
	const char	*title;
	int64_t		 id;

	if ((c = course_load(r)) == NULL)
		return r->status;
	require_text(r, "lesson_title");
	if (r->nerrors > 0)
		return course_page(r, c, 422, SHOW_LESSON_POSTED);
	title = P_str(r, "lesson_title");
	if (db_lesson_create(r->db, r->a, c->id, title,
	    (enum lesson_type)P_num(r, "type"), &id) != DB_OK)
		return send_db_error(r);
	if (id == 0)
		return send_error(r, 404, "There is no such course.");
	flash_set(r, arena_printf(r->a, "Added the lesson %s.", title));
	return send_redirect(r, course_path(r, c));
}

/*
 * The lesson edit page; posted: show the posted values and their
 * errors.  Returns the status sent.
 */
static int
lesson_page(struct req *r, const struct course *c, const struct lesson *l,
    int status, int posted)
{
	struct tpl_dict	*d;

	d = page_begin(r, "catalogue-lesson-form.tpl", "Edit lesson");
	tpl_set_int(d, "COURSE_ID", (long long)c->id);
	tpl_set_int(d, "LESSON_ID", (long long)l->id);
	tpl_set(d, "COURSE_TITLE", c->title);
	tpl_set_int(d, "POSITION", l->position);
	show_state(d, l->archived);
	if (posted)
		lesson_posted(r, d, (int)l->type);
	else {
		tpl_set(d, "LESSON_TITLE_VALUE", l->title);
		type_options(d, (int)l->type);
	}
	return page_send(r, status);
}

/*
 * The lesson kind's hooks (see struct kind in item.h): load the path's
 * course and lesson; the lesson's changes go back to the course page.
 */
static int
lesson_item(struct req *r, struct item *it)
{
	struct course	*c;
	struct lesson	*l;

	if ((c = course_load(r)) == NULL || (l = lesson_load(r, c)) == NULL)
		return 0;
	it->obj = l;
	it->id = l->id;
	it->name = l->title;
	it->course = c;
	it->page = course_path(r, c);
	return 1;
}

/* The lesson page, fresh or with the refused form. */
static int
lesson_form(struct req *r, const struct item *it, int status, int posted)
{
	return lesson_page(r, it->course, it->obj, status, posted);
}

/* Save the posted title and type (lessons are added elsewhere). */
static enum db_rc
lesson_store(struct req *r, const struct item *it, int64_t *id)
{
	(void)id;
	return db_lesson_update(r->db, it->course->id, it->id,
	    P_str(r, "lesson_title"), (enum lesson_type)P_num(r, "type"));
}

/* Lessons are added on the course page (page_lesson_create). */
static const struct kind lessons = {
	"lesson", "/admin/courses", "lesson_title", NULL, NULL, NULL, 0,
	lesson_item, NULL, lesson_form, lesson_store, db_lesson_set_archived
};

/*
 * GET /admin/courses/:id/lessons/:id: the lesson's title and type.
 * Statuses: 200, 404 (no such course, or the lesson is another's), 503.
 */
int
page_lesson_edit(struct req *r)
{
	return item_edit(r, &lessons);
}

/*
 * POST /admin/courses/:id/lessons/:id: save title and type.
 * Statuses: 303, 404, 422, 503.
 */
int
page_lesson_save(struct req *r)
{
	return item_save(r, &lessons);
}

/*
 * POST /admin/courses/:id/lessons/:id/move (direction=up|down): swap
 * the lesson with its neighbour.
 * Statuses: 303, 404, 503.
 */
int
page_lesson_move(struct req *r)
{
	struct course	*c;
	struct lesson	*l;
	int		 up, moved;

	if ((c = course_load(r)) == NULL || (l = lesson_load(r, c)) == NULL)
		return r->status;
	up = P_num(r, "direction") == 0;	/* "up" is the first option */
	if (db_lesson_move(r->db, r->a, c->id, l->id, up, &moved) != DB_OK)
		return send_db_error(r);
	if (!moved)
		flash_set(r, arena_printf(r->a, up ? "%s is already the "
		    "first lesson." : "%s is already the last lesson.",
		    l->title));
	return send_redirect(r, course_path(r, c));
}

/*
 * POST /admin/courses/:id/lessons/:id/archive.
 * Statuses: 303, 404, 503.
 */
int
page_lesson_archive(struct req *r)
{
	return item_archive(r, &lessons, 1);
}

/*
 * POST /admin/courses/:id/lessons/:id/unarchive.
 * Statuses: 303, 404, 503.
 */
int
page_lesson_unarchive(struct req *r)
{
	return item_archive(r, &lessons, 0);
}
