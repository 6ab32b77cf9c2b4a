/*
 * page-catalogue.c: the administrator's catalogue pages: courses and
 * their lessons, session categories, and classes with their members.
 * Nothing here deletes; archiving hides an item from everyday lists and
 * keeps it, badged "Archived", for the administrator.
 */
#include <string.h>

#include "catalogue/catalogue.h"
#include "core/auth.h"
#include "core/db.h"
#include "lib/escape.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "people/people.h"
#include "core/tpl.h"
#include "lib/util.h"

#define PAGE_SIZE		50	/* rows of a list page */
#define CANDIDATES_SHOWN	25	/* learners offered by a search */

/*
 * A required text field made only of blanks is as good as empty: mark
 * it with the same message the dispatcher gives an empty one.
 */
static void
require_text(struct req *r, const char *name)
{
	const struct pval	*pv = P(r, name);
	const char		*s = P_str(r, name);

	if (pv != NULL && s != NULL && blank(s))
		P_fail(r, name, arena_printf(r->a, "%s is required.",
		    pv->decl->label));
}

/* An optional text field: NULL when empty or blank, else its value. */
static char *
optional_text(struct req *r, const char *name)
{
	const char	*s = P_str(r, name);

	return s == NULL || blank(s) ? NULL : (char *)s;
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

/* Show the "Archived" badge section, or the "Active" one. */
static void
show_state(struct tpl_dict *d, int archived)
{
	tpl_show(d, archived ? "IS_ARCHIVED" : "IS_ACTIVE");
}

/*
 * Fill the pager of a list: FIRST_PAGE when this is not the first page,
 * NEXT (with AFTER_TEXT and AFTER_ID of the last row shown, Q and
 * WITH_ARCHIVED) when more rows follow.
 */
static void
pager(struct req *r, struct tpl_dict *d, const char *q, int with_archived,
    int more, const char *last_text, int64_t last_id)
{
	struct tpl_dict	*s;

	if (P_num(r, "after_id") > 0) {
		s = tpl_section(d, "FIRST_PAGE");
		tpl_set(s, "Q", q ? q : "");
		if (with_archived)
			tpl_show(s, "WITH_ARCHIVED");
	}
	if (more) {
		s = tpl_section(d, "NEXT");
		tpl_set(s, "Q", q ? q : "");
		tpl_set(s, "AFTER_TEXT", last_text);
		tpl_set_int(s, "AFTER_ID", (long long)last_id);
		if (with_archived)
			tpl_show(s, "WITH_ARCHIVED");
	}
}

/* --- courses ----------------------------------------------------------- */

/* Load the course named by the first path id, or send 404 / 503. */
static struct course *
path_course(struct req *r, int *status)
{
	struct course	*c;

	*status = 0;
	if (db_course_get(r->db, r->a, r->ids[0], &c) != DB_OK) {
		*status = send_db_error(r);
		return NULL;
	}
	if (c == NULL)
		*status = send_error(r, 404, "There is no such course.");
	return c;
}

/*
 * Load the lesson named by the second path id, which must belong to
 * course c, or send 404 / 503.
 */
static struct lesson *
path_lesson(struct req *r, const struct course *c, int *status)
{
	struct lesson	*l;

	*status = 0;
	if (db_lesson_get(r->db, r->a, c->id, r->ids[1], &l) != DB_OK) {
		*status = send_db_error(r);
		return NULL;
	}
	if (l == NULL)
		*status = send_error(r, 404,
		    "This course has no such lesson.");
	return l;
}

/*
 * GET /admin/courses?q=&archived=&after_title=&after_id=: one page of
 * courses in title order, 50 at a time; archived courses only when
 * asked.  One query whatever the page.
 * Statuses: 200, 400 (bad position), 503.
 */
int
page_courses(struct req *r)
{
	const char	*q = P_str(r, "q");
	int		 arch = P_num(r, "archived") != 0;
	struct keyset	 ks;
	struct tpl_dict	*d, *row;
	struct course	*list;
	size_t		 n, i, shown;

	ks.after_text = P_str(r, "after_title");
	ks.after_id = (int64_t)P_num(r, "after_id");
	ks.limit = PAGE_SIZE + 1;
	if (db_course_list(r->db, r->a, q, arch, &ks, &list, &n) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "courses.tpl", "Courses");
	tpl_set(d, "Q", q ? q : "");
	if (arch)
		tpl_show(d, "ARCHIVED_CHECKED");
	shown = n > PAGE_SIZE ? PAGE_SIZE : n;
	for (i = 0; i < shown; i++) {
		row = tpl_section(d, "COURSE");
		tpl_set_int(row, "ID", (long long)list[i].id);
		tpl_set(row, "TITLE", list[i].title);
		tpl_set(row, "CODE", list[i].code);
		if (list[i].archived)
			tpl_show(row, "ARCHIVED");
	}
	if (shown == 0)
		tpl_show(d, q != NULL && *q != '\0' ? "NO_MATCH" :
		    "NO_COURSES");
	pager(r, d, q, arch, n > PAGE_SIZE, shown ? list[shown - 1].title : "",
	    shown ? list[shown - 1].id : 0);
	return page_send(r, 200);
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
 * The course's lessons and the form that adds one, on the course page.
 * The add form shows the posted values when a lesson was just refused.
 * Returns 1, or 0 when the database failed.
 */
static int
course_lessons(struct req *r, struct tpl_dict *d, const struct course *c)
{
	struct tpl_dict	*row;
	struct lesson	*list;
	size_t		 n, i;
	int		 sel = LESSON_CLASS;

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
	if (P_declared(r, "lesson_title")) {
		form_field(d, P(r, "lesson_title"), "LESSON_TITLE_VALUE",
		    "LESSON_TITLE_ERROR");
		form_field(d, P(r, "type"), NULL, "TYPE_ERROR");
		if (P_str(r, "type") != NULL)
			sel = (int)P_num(r, "type");
	}
	type_options(d, sel);
	return 1;
}

/*
 * The course create/edit page.  c is NULL for a new course.  After a
 * refused POST of the course form, its values and errors are shown;
 * on the edit page the lessons follow.
 */
static int
course_form(struct req *r, const struct course *c, int status)
{
	struct tpl_dict	*d, *e;

	d = page_begin(r, "course-form.tpl", c ? "Edit course" :
	    "Add a course");
	if (P_declared(r, "title")) {
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
	tpl_set(d, "ACTION", arena_printf(r->a, "/admin/courses/%lld",
	    (long long)c->id));
	e = tpl_section(d, "EDIT");
	tpl_set_int(e, "COURSE_ID", (long long)c->id);
	tpl_set(e, "COURSE_TITLE", c->title);
	tpl_set(e, "CREATED", c->created_at);
	show_state(e, c->archived);
	if (!course_lessons(r, e, c))
		return send_db_error(r);
	return page_send(r, status);
}

/* Check the course form beyond what the declarations did. */
static void
course_check(struct req *r)
{
	const char	*code = P_str(r, "code");

	require_text(r, "title");
	if (code != NULL && !code_chars_ok(code))
		P_fail(r, "code", "Code may contain only letters, digits, "
		    "dots, underscores and hyphens.");
}

/* Fill c from the validated course form. */
static void
course_from_form(struct req *r, struct course *c)
{
	c->title = (char *)P_str(r, "title");
	c->code = (char *)P_str(r, "code");
	c->description = optional_text(r, "description");
}

/*
 * GET /admin/courses/new.
 * Statuses: 200.
 */
int
page_course_new(struct req *r)
{
	return course_form(r, NULL, 200);
}

/*
 * POST /admin/courses/new: add a course, then show its page.
 * Statuses: 303, 422, 503.
 */
int
page_course_create(struct req *r)
{
	struct course	 c;
	int64_t		 id;
	enum db_rc	 rc;

	course_check(r);
	if (r->nerrors > 0)
		return course_form(r, NULL, 422);
	memset(&c, 0, sizeof(c));
	course_from_form(r, &c);
	rc = db_course_create(r->db, &c, &id);
	if (rc == DB_DUPLICATE) {
		P_fail(r, "code", "Another course already has this code.");
		return course_form(r, NULL, 422);
	}
	if (rc != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Added the course %s. Add its "
	    "lessons below.", c.title));
	return send_redirect(r, arena_printf(r->a, "/admin/courses/%lld",
	    (long long)id));
}

/*
 * GET /admin/courses/:id: the course's details and its lessons.
 * Statuses: 200, 404, 503.
 */
int
page_course_edit(struct req *r)
{
	struct course	*c;
	int		 status;

	if ((c = path_course(r, &status)) == NULL)
		return status;
	return course_form(r, c, 200);
}

/*
 * POST /admin/courses/:id: save title, code and description.
 * Statuses: 303, 404, 422, 503.
 */
int
page_course_save(struct req *r)
{
	struct course	*c, upd;
	int		 status;
	enum db_rc	 rc;

	if ((c = path_course(r, &status)) == NULL)
		return status;
	course_check(r);
	if (r->nerrors > 0)
		return course_form(r, c, 422);
	upd = *c;
	course_from_form(r, &upd);
	rc = db_course_update(r->db, &upd);
	if (rc == DB_DUPLICATE) {
		P_fail(r, "code", "Another course already has this code.");
		return course_form(r, c, 422);
	}
	if (rc != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Saved the course %s.", upd.title));
	return send_redirect(r, arena_printf(r->a, "/admin/courses/%lld",
	    (long long)c->id));
}

/* Archive or unarchive the path's course. */
static int
course_archive(struct req *r, int archived)
{
	struct course	*c;
	int		 status;

	if ((c = path_course(r, &status)) == NULL)
		return status;
	if (db_course_set_archived(r->db, c->id, archived) != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, archived ? "The course %s is "
	    "archived." : "The course %s is back in use.", c->title));
	return send_redirect(r, arena_printf(r->a, "/admin/courses/%lld",
	    (long long)c->id));
}

/*
 * POST /admin/courses/:id/archive: hide the course from everyday lists.
 * Statuses: 303, 404, 503.
 */
int
page_course_archive(struct req *r)
{
	return course_archive(r, 1);
}

/*
 * POST /admin/courses/:id/unarchive.
 * Statuses: 303, 404, 503.
 */
int
page_course_unarchive(struct req *r)
{
	return course_archive(r, 0);
}

/* --- lessons ----------------------------------------------------------- */

/* Where the course page of lesson actions is. */
static const char *
course_path(struct req *r, const struct course *c)
{
	return arena_printf(r->a, "/admin/courses/%lld", (long long)c->id);
}

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
	int		 status;

	if ((c = path_course(r, &status)) == NULL)
		return status;
	require_text(r, "lesson_title");
	if (r->nerrors > 0)
		return course_form(r, c, 422);
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
 * The lesson edit page; after a refused POST the posted values and
 * their errors are shown.
 */
static int
lesson_form(struct req *r, const struct course *c, const struct lesson *l,
    int status)
{
	struct tpl_dict	*d;
	int		 sel = (int)l->type;

	d = page_begin(r, "lesson-form.tpl", "Edit lesson");
	tpl_set_int(d, "COURSE_ID", (long long)c->id);
	tpl_set_int(d, "LESSON_ID", (long long)l->id);
	tpl_set(d, "COURSE_TITLE", c->title);
	tpl_set_int(d, "POSITION", l->position);
	show_state(d, l->archived);
	if (r->method == M_POST) {
		form_field(d, P(r, "lesson_title"), "LESSON_TITLE_VALUE",
		    "LESSON_TITLE_ERROR");
		form_field(d, P(r, "type"), NULL, "TYPE_ERROR");
		if (P_str(r, "type") != NULL)
			sel = (int)P_num(r, "type");
	} else
		tpl_set(d, "LESSON_TITLE_VALUE", l->title);
	type_options(d, sel);
	return page_send(r, status);
}

/*
 * GET /admin/courses/:id/lessons/:id: the lesson's title and type.
 * Statuses: 200, 404 (no such course, or the lesson is another's).
 */
int
page_lesson_edit(struct req *r)
{
	struct course	*c;
	struct lesson	*l;
	int		 status;

	if ((c = path_course(r, &status)) == NULL ||
	    (l = path_lesson(r, c, &status)) == NULL)
		return status;
	return lesson_form(r, c, l, 200);
}

/*
 * POST /admin/courses/:id/lessons/:id: save title and type.
 * Statuses: 303, 404, 422, 503.
 */
int
page_lesson_save(struct req *r)
{
	struct course	*c;
	struct lesson	*l;
	int		 status;

	if ((c = path_course(r, &status)) == NULL ||
	    (l = path_lesson(r, c, &status)) == NULL)
		return status;
	require_text(r, "lesson_title");
	if (r->nerrors > 0)
		return lesson_form(r, c, l, 422);
	if (db_lesson_update(r->db, c->id, l->id, P_str(r, "lesson_title"),
	    (enum lesson_type)P_num(r, "type")) != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Saved the lesson %s.",
	    P_str(r, "lesson_title")));
	return send_redirect(r, course_path(r, c));
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
	int		 status, up, moved;

	if ((c = path_course(r, &status)) == NULL ||
	    (l = path_lesson(r, c, &status)) == NULL)
		return status;
	up = P_num(r, "direction") == 0;	/* "up" is the first option */
	if (db_lesson_move(r->db, r->a, c->id, l->id, up, &moved) != DB_OK)
		return send_db_error(r);
	if (!moved)
		flash_set(r, arena_printf(r->a, up ? "%s is already the "
		    "first lesson." : "%s is already the last lesson.",
		    l->title));
	return send_redirect(r, course_path(r, c));
}

/* Archive or unarchive the path's lesson. */
static int
lesson_archive(struct req *r, int archived)
{
	struct course	*c;
	struct lesson	*l;
	int		 status;

	if ((c = path_course(r, &status)) == NULL ||
	    (l = path_lesson(r, c, &status)) == NULL)
		return status;
	if (db_lesson_set_archived(r->db, c->id, l->id, archived) != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, archived ? "The lesson %s is "
	    "archived." : "The lesson %s is back in use.", l->title));
	return send_redirect(r, course_path(r, c));
}

/*
 * POST /admin/courses/:id/lessons/:id/archive.
 * Statuses: 303, 404, 503.
 */
int
page_lesson_archive(struct req *r)
{
	return lesson_archive(r, 1);
}

/*
 * POST /admin/courses/:id/lessons/:id/unarchive.
 * Statuses: 303, 404, 503.
 */
int
page_lesson_unarchive(struct req *r)
{
	return lesson_archive(r, 0);
}

/* --- session categories ------------------------------------------------ */

/* Load the category named by the path, or send 404 / 503. */
static struct category *
path_category(struct req *r, int *status)
{
	struct category	*c;

	*status = 0;
	if (db_category_get(r->db, r->a, r->ids[0], &c) != DB_OK) {
		*status = send_db_error(r);
		return NULL;
	}
	if (c == NULL)
		*status = send_error(r, 404, "There is no such category.");
	return c;
}

/*
 * GET /admin/categories?archived=&after_name=&after_id=: session
 * categories in name order, 50 a page; one query whatever the page.
 * Statuses: 200, 400 (bad position), 503.
 */
int
page_categories(struct req *r)
{
	int		 arch = P_num(r, "archived") != 0;
	struct keyset	 ks;
	struct tpl_dict	*d, *row;
	struct category	*list;
	size_t		 n, i, shown;

	ks.after_text = P_str(r, "after_name");
	ks.after_id = (int64_t)P_num(r, "after_id");
	ks.limit = PAGE_SIZE + 1;
	if (db_category_list(r->db, r->a, arch, &ks, &list, &n) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "categories.tpl", "Session categories");
	if (arch)
		tpl_show(d, "ARCHIVED_CHECKED");
	shown = n > PAGE_SIZE ? PAGE_SIZE : n;
	for (i = 0; i < shown; i++) {
		row = tpl_section(d, "CATEGORY");
		tpl_set_int(row, "ID", (long long)list[i].id);
		tpl_set(row, "NAME", list[i].name);
		if (list[i].archived)
			tpl_show(row, "ARCHIVED");
	}
	if (shown == 0)
		tpl_show(d, "NO_CATEGORIES");
	pager(r, d, NULL, arch, n > PAGE_SIZE, shown ? list[shown - 1].name :
	    "", shown ? list[shown - 1].id : 0);
	return page_send(r, 200);
}

/* The category create/rename page; c is NULL for a new one. */
static int
category_form(struct req *r, const struct category *c, int status)
{
	struct tpl_dict	*d, *e;

	d = page_begin(r, "category-form.tpl", c ? "Rename category" :
	    "Add a category");
	if (r->method == M_POST)
		form_field(d, P(r, "name"), "NAME_VALUE", "NAME_ERROR");
	else
		tpl_set(d, "NAME_VALUE", c ? c->name : "");
	if (c == NULL) {
		tpl_show(d, "CREATE");
		tpl_set(d, "ACTION", "/admin/categories/new");
		return page_send(r, status);
	}
	tpl_set(d, "ACTION", arena_printf(r->a, "/admin/categories/%lld",
	    (long long)c->id));
	e = tpl_section(d, "EDIT");
	tpl_set_int(e, "CATEGORY_ID", (long long)c->id);
	tpl_set(e, "CATEGORY_NAME", c->name);
	show_state(e, c->archived);
	return page_send(r, status);
}

/*
 * GET /admin/categories/new.
 * Statuses: 200.
 */
int
page_category_new(struct req *r)
{
	return category_form(r, NULL, 200);
}

/*
 * POST /admin/categories/new.
 * Statuses: 303, 422, 503.
 */
int
page_category_create(struct req *r)
{
	int64_t		 id;
	enum db_rc	 rc;

	require_text(r, "name");
	if (r->nerrors > 0)
		return category_form(r, NULL, 422);
	rc = db_category_create(r->db, P_str(r, "name"), &id);
	if (rc == DB_DUPLICATE) {
		P_fail(r, "name", "Another category already has this name.");
		return category_form(r, NULL, 422);
	}
	if (rc != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Added the category %s.",
	    P_str(r, "name")));
	return send_redirect(r, "/admin/categories");
}

/*
 * GET /admin/categories/:id.
 * Statuses: 200, 404, 503.
 */
int
page_category_edit(struct req *r)
{
	struct category	*c;
	int		 status;

	if ((c = path_category(r, &status)) == NULL)
		return status;
	return category_form(r, c, 200);
}

/*
 * POST /admin/categories/:id: rename.
 * Statuses: 303, 404, 422, 503.
 */
int
page_category_save(struct req *r)
{
	struct category	*c;
	int		 status;
	enum db_rc	 rc;

	if ((c = path_category(r, &status)) == NULL)
		return status;
	require_text(r, "name");
	if (r->nerrors > 0)
		return category_form(r, c, 422);
	rc = db_category_rename(r->db, c->id, P_str(r, "name"));
	if (rc == DB_DUPLICATE) {
		P_fail(r, "name", "Another category already has this name.");
		return category_form(r, c, 422);
	}
	if (rc != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Saved the category %s.",
	    P_str(r, "name")));
	return send_redirect(r, arena_printf(r->a, "/admin/categories/%lld",
	    (long long)c->id));
}

/* Archive or unarchive the path's category. */
static int
category_archive(struct req *r, int archived)
{
	struct category	*c;
	int		 status;

	if ((c = path_category(r, &status)) == NULL)
		return status;
	if (db_category_set_archived(r->db, c->id, archived) != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, archived ? "The category %s is "
	    "archived." : "The category %s is back in use.", c->name));
	return send_redirect(r, arena_printf(r->a, "/admin/categories/%lld",
	    (long long)c->id));
}

/*
 * POST /admin/categories/:id/archive.
 * Statuses: 303, 404, 503.
 */
int
page_category_archive(struct req *r)
{
	return category_archive(r, 1);
}

/*
 * POST /admin/categories/:id/unarchive.
 * Statuses: 303, 404, 503.
 */
int
page_category_unarchive(struct req *r)
{
	return category_archive(r, 0);
}

/* --- classes ----------------------------------------------------------- */

/* Load the class named by the first path id, or send 404 / 503. */
static struct klass *
path_class(struct req *r, int *status)
{
	struct klass	*k;

	*status = 0;
	if (db_class_get(r->db, r->a, r->ids[0], &k) != DB_OK) {
		*status = send_db_error(r);
		return NULL;
	}
	if (k == NULL)
		*status = send_error(r, 404, "There is no such class.");
	return k;
}

/*
 * GET /admin/classes?q=&archived=&after_name=&after_id=: classes in name
 * order with their member counts, 50 a page; one query whatever the
 * page (the counts come with the rows).
 * Statuses: 200, 400 (bad position), 503.
 */
int
page_classes(struct req *r)
{
	const char	*q = P_str(r, "q");
	int		 arch = P_num(r, "archived") != 0;
	struct keyset	 ks;
	struct tpl_dict	*d, *row;
	struct klass	*list;
	size_t		 n, i, shown;

	ks.after_text = P_str(r, "after_name");
	ks.after_id = (int64_t)P_num(r, "after_id");
	ks.limit = PAGE_SIZE + 1;
	if (db_class_list(r->db, r->a, q, arch, &ks, &list, &n) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "classes.tpl", "Classes");
	tpl_set(d, "Q", q ? q : "");
	if (arch)
		tpl_show(d, "ARCHIVED_CHECKED");
	shown = n > PAGE_SIZE ? PAGE_SIZE : n;
	for (i = 0; i < shown; i++) {
		row = tpl_section(d, "CLASS");
		tpl_set_int(row, "ID", (long long)list[i].id);
		tpl_set(row, "NAME", list[i].name);
		tpl_set_int(row, "MEMBERS", list[i].members);
		if (list[i].archived)
			tpl_show(row, "ARCHIVED");
	}
	if (shown == 0)
		tpl_show(d, q != NULL && *q != '\0' ? "NO_MATCH" :
		    "NO_CLASSES");
	pager(r, d, q, arch, n > PAGE_SIZE, shown ? list[shown - 1].name : "",
	    shown ? list[shown - 1].id : 0);
	return page_send(r, 200);
}

/*
 * The members of class k, a page at a time, and the learner search
 * that adds more (when a search was asked for).  Returns 1, or 0 when
 * the database failed.
 */
static int
class_members(struct req *r, struct tpl_dict *d, const struct klass *k)
{
	const char	*find = P_str_opt(r, "find");
	struct tpl_dict	*row, *s;
	struct member	*list;
	struct keyset	 ks;
	size_t		 n, i, shown;

	ks.after_text = P_str_opt(r, "after_name");
	ks.after_id = (int64_t)P_num_opt(r, "after_id");
	ks.limit = PAGE_SIZE + 1;
	if (db_class_members(r->db, r->a, k->id, &ks, &list, &n) != DB_OK)
		return 0;
	shown = n > PAGE_SIZE ? PAGE_SIZE : n;
	for (i = 0; i < shown; i++) {
		row = tpl_section(d, "MEMBER");
		tpl_set_int(row, "USER_ID", (long long)list[i].user_id);
		tpl_set(row, "NAME", list[i].name);
		tpl_set(row, "EMAIL", list[i].email);
		tpl_set(row, "ADDED", list[i].added_at ?
		    list[i].added_at : "");
		if (list[i].disabled)
			tpl_show(row, "DISABLED");
	}
	if (shown == 0)
		tpl_show(d, ks.after_id > 0 ? "NO_MORE_MEMBERS" :
		    "NO_MEMBERS");
	if (ks.after_id > 0)
		tpl_show(d, "MEMBERS_FIRST_PAGE");
	if (n > PAGE_SIZE) {
		s = tpl_section(d, "MEMBERS_NEXT");
		tpl_set(s, "AFTER_TEXT", list[shown - 1].name);
		tpl_set_int(s, "AFTER_ID", (long long)list[shown - 1].user_id);
	}

	tpl_set(d, "FIND", find ? find : "");
	if (find == NULL)
		return 1;
	if (db_class_candidates(r->db, r->a, k->id, find,
	    CANDIDATES_SHOWN + 1, &list, &n) != DB_OK)
		return 0;
	s = tpl_section(d, "SEARCHED");
	shown = n > CANDIDATES_SHOWN ? CANDIDATES_SHOWN : n;
	for (i = 0; i < shown; i++) {
		row = tpl_section(s, "CANDIDATE");
		tpl_set_int(row, "USER_ID", (long long)list[i].user_id);
		tpl_set(row, "NAME", list[i].name);
		tpl_set(row, "EMAIL", list[i].email);
	}
	if (shown == 0)
		tpl_show(s, "NO_CANDIDATES");
	if (n > CANDIDATES_SHOWN) {
		row = tpl_section(s, "MORE_CANDIDATES");
		tpl_set_int(row, "SHOWN", CANDIDATES_SHOWN);
	}
	return 1;
}

/*
 * The class create/edit page; k is NULL for a new class.  member_error
 * (may be NULL) tells why a learner could not be added.
 */
static int
class_form(struct req *r, const struct klass *k, int status,
    const char *member_error)
{
	struct tpl_dict	*d, *e;

	d = page_begin(r, "class-form.tpl", k ? "Edit class" : "Add a class");
	if (P_declared(r, "name")) {
		form_field(d, P(r, "name"), "NAME_VALUE", "NAME_ERROR");
		form_field(d, P(r, "description"), "DESCRIPTION_VALUE",
		    "DESCRIPTION_ERROR");
	} else if (k != NULL) {
		tpl_set(d, "NAME_VALUE", k->name);
		tpl_set(d, "DESCRIPTION_VALUE", k->description ?
		    k->description : "");
	}
	if (k == NULL) {
		tpl_show(d, "CREATE");
		tpl_set(d, "ACTION", "/admin/classes/new");
		return page_send(r, status);
	}
	tpl_set(d, "ACTION", arena_printf(r->a, "/admin/classes/%lld",
	    (long long)k->id));
	e = tpl_section(d, "EDIT");
	tpl_set_int(e, "CLASS_ID", (long long)k->id);
	tpl_set(e, "CLASS_NAME", k->name);
	tpl_set(e, "CREATED", k->created_at);
	tpl_set_int(e, "MEMBER_COUNT", k->members);
	show_state(e, k->archived);
	if (member_error != NULL)
		form_error(e, "MEMBER_ERROR", member_error);
	if (!class_members(r, e, k))
		return send_db_error(r);
	return page_send(r, status);
}

/* Fill k from the validated class form. */
static void
class_from_form(struct req *r, struct klass *k)
{
	k->name = (char *)P_str(r, "name");
	k->description = optional_text(r, "description");
}

/*
 * GET /admin/classes/new.
 * Statuses: 200.
 */
int
page_class_new(struct req *r)
{
	return class_form(r, NULL, 200, NULL);
}

/*
 * POST /admin/classes/new: add a class, then show its page, where
 * learners are added.
 * Statuses: 303, 422, 503.
 */
int
page_class_create(struct req *r)
{
	struct klass	 k;
	int64_t		 id;
	enum db_rc	 rc;

	require_text(r, "name");
	if (r->nerrors > 0)
		return class_form(r, NULL, 422, NULL);
	memset(&k, 0, sizeof(k));
	class_from_form(r, &k);
	rc = db_class_create(r->db, &k, &id);
	if (rc == DB_DUPLICATE) {
		P_fail(r, "name", "Another class already has this name.");
		return class_form(r, NULL, 422, NULL);
	}
	if (rc != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Added the class %s. Add its "
	    "learners below.", k.name));
	return send_redirect(r, arena_printf(r->a, "/admin/classes/%lld",
	    (long long)id));
}

/*
 * GET /admin/classes/:id?find=&after_name=&after_id=: the class, its
 * members a page at a time, and learners matching find.
 * Statuses: 200, 400 (bad position), 404, 503.
 */
int
page_class_edit(struct req *r)
{
	struct klass	*k;
	int		 status;

	if ((k = path_class(r, &status)) == NULL)
		return status;
	return class_form(r, k, 200, NULL);
}

/*
 * POST /admin/classes/:id: save name and description.
 * Statuses: 303, 404, 422, 503.
 */
int
page_class_save(struct req *r)
{
	struct klass	*k, upd;
	int		 status;
	enum db_rc	 rc;

	if ((k = path_class(r, &status)) == NULL)
		return status;
	require_text(r, "name");
	if (r->nerrors > 0)
		return class_form(r, k, 422, NULL);
	upd = *k;
	class_from_form(r, &upd);
	rc = db_class_update(r->db, &upd);
	if (rc == DB_DUPLICATE) {
		P_fail(r, "name", "Another class already has this name.");
		return class_form(r, k, 422, NULL);
	}
	if (rc != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, "Saved the class %s.", upd.name));
	return send_redirect(r, arena_printf(r->a, "/admin/classes/%lld",
	    (long long)k->id));
}

/* Archive or unarchive the path's class. */
static int
class_archive(struct req *r, int archived)
{
	struct klass	*k;
	int		 status;

	if ((k = path_class(r, &status)) == NULL)
		return status;
	if (db_class_set_archived(r->db, k->id, archived) != DB_OK)
		return send_db_error(r);
	flash_set(r, arena_printf(r->a, archived ? "The class %s is "
	    "archived." : "The class %s is back in use.", k->name));
	return send_redirect(r, arena_printf(r->a, "/admin/classes/%lld",
	    (long long)k->id));
}

/*
 * POST /admin/classes/:id/archive.
 * Statuses: 303, 404, 503.
 */
int
page_class_archive(struct req *r)
{
	return class_archive(r, 1);
}

/*
 * POST /admin/classes/:id/unarchive.
 * Statuses: 303, 404, 503.
 */
int
page_class_unarchive(struct req *r)
{
	return class_archive(r, 0);
}

/*
 * POST /admin/classes/:id/members (user_id, find): add an active
 * learner to the class, then go back to the same search.  Anyone else
 * is refused with the reason on the class page.
 * Statuses: 303, 404, 422, 503.
 */
int
page_class_member_add(struct req *r)
{
	struct klass	*k;
	struct user	*u;
	const char	*find = P_str(r, "find");
	const char	*why = NULL, *back;
	int		 status, added;
	enum db_rc	 rc;

	if ((k = path_class(r, &status)) == NULL)
		return status;
	if (db_user_get(r->db, r->a, (int64_t)P_num(r, "user_id"), &u) !=
	    DB_OK)
		return send_db_error(r);
	if (u == NULL)
		return send_error(r, 404, "There is no such user.");
	if (u->role != ROLE_LEARNER)
		why = arena_printf(r->a, "Only learners can be members of a "
		    "class: %s is %s.", u->name, u->role == ROLE_ADMIN ?
		    "an administrator" : "a teacher");
	else if (u->disabled)
		why = arena_printf(r->a, "%s cannot be added: the account is "
		    "disabled.", u->name);
	if (why != NULL)
		return class_form(r, k, 422, why);
	rc = db_class_add_member(r->db, k->id, u->id, &added);
	if (rc == DB_DUPLICATE)
		flash_set(r, arena_printf(r->a, "%s is already a member of "
		    "%s.", u->name, k->name));
	else if (rc != DB_OK)
		return send_db_error(r);
	else if (!added)	/* the role or account changed meanwhile */
		return class_form(r, k, 422, arena_printf(r->a, "%s cannot "
		    "be added: only active learners can be members of a "
		    "class.", u->name));
	else
		flash_set(r, arena_printf(r->a, "Added %s to %s.", u->name,
		    k->name));
	back = arena_printf(r->a, "/admin/classes/%lld", (long long)k->id);
	if (find != NULL)
		back = arena_printf(r->a, "%s?find=%s", back,
		    url_encode(r->a, find));
	return send_redirect(r, back);
}

/*
 * POST /admin/classes/:id/members/:id/remove: the user leaves the
 * class (their account is untouched).
 * Statuses: 303, 404 (no such class, or not a member), 503.
 */
int
page_class_member_remove(struct req *r)
{
	struct klass	*k;
	struct user	*u;
	int		 status, removed;

	if ((k = path_class(r, &status)) == NULL)
		return status;
	if (db_user_get(r->db, r->a, r->ids[1], &u) != DB_OK)
		return send_db_error(r);
	if (u == NULL)
		return send_error(r, 404, "There is no such user.");
	if (db_class_remove_member(r->db, k->id, u->id, &removed) != DB_OK)
		return send_db_error(r);
	if (!removed)
		return send_error(r, 404, arena_printf(r->a, "%s is not a "
		    "member of this class.", u->name));
	flash_set(r, arena_printf(r->a, "Removed %s from %s.", u->name,
	    k->name));
	return send_redirect(r, arena_printf(r->a, "/admin/classes/%lld",
	    (long long)k->id));
}
