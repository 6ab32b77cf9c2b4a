/*
 * routes.c: the catalogue pages of the route table: courses
 * and their lessons, session categories and classes.  All of them are
 * for administrators only; every POST carries the CSRF token.
 */
#include "catalogue/catalogue.h"
#include "catalogue/content.h"
#include "core/model.h"
#include "core/req.h"
#include "core/routes.h"

#define ADMIN		ROLE_ADMIN
#define POST_FORM	(RT_CSRF | RT_FORM)

static const char *const direction_opts[] = { "up", "down", NULL };

static const struct pdecl courses_get[] = {
	{ "q", PT_TEXT, 0, 0, COURSE_TITLE_MAX, NULL, "Search" },
	{ "archived", PT_BOOL, 0, 0, 0, NULL, "Show archived" },
	{ "after_text", PT_TEXT, 0, 0, COURSE_TITLE_MAX, NULL,
	    "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl course_post[] = {
	{ "title", PT_TEXT, PF_REQ, 1, COURSE_TITLE_MAX, NULL, "Title" },
	{ "code", PT_TEXT, PF_REQ, 1, COURSE_CODE_MAX, NULL, "Code" },
	{ "description", PT_TEXT, PF_MULTILINE, 0, COURSE_DESC_MAX, NULL,
	    "Description" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl lesson_post[] = {
	{ "lesson_title", PT_TEXT, PF_REQ, 1, LESSON_TITLE_MAX, NULL,
	    "Lesson title" },
	{ "type", PT_ENUM, PF_REQ, 0, 0, lesson_type_opts, "Type" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl move_post[] = {
	{ "direction", PT_ENUM, PF_REQ, 0, 0, direction_opts, "Direction" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl text_post[] = {
	{ "body", PT_TEXT, PF_MULTILINE, 0, DOC_BODY_MAX, NULL,
	    "Lesson text" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl exercise_add_post[] = {
	{ "kind", PT_ENUM, PF_REQ, 0, 0, ex_kind_opts, "Type" },
	{ "prompt", PT_TEXT, PF_MULTILINE, 0, EX_PROMPT_MAX, NULL,
	    "Question" },
	{ "spec", PT_TEXT, PF_MULTILINE, 0, EX_SPEC_MAX, NULL,
	    "Options or accepted answers" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl exercise_post[] = {
	{ "prompt", PT_TEXT, PF_MULTILINE, 0, EX_PROMPT_MAX, NULL,
	    "Question" },
	{ "spec", PT_TEXT, PF_MULTILINE, 0, EX_SPEC_MAX, NULL,
	    "Options or accepted answers" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl categories_get[] = {
	{ "archived", PT_BOOL, 0, 0, 0, NULL, "Show archived" },
	{ "after_text", PT_TEXT, 0, 0, CATEGORY_NAME_MAX, NULL,
	    "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl category_post[] = {
	{ "name", PT_TEXT, PF_REQ, 1, CATEGORY_NAME_MAX, NULL, "Name" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl classes_get[] = {
	{ "q", PT_TEXT, 0, 0, CLASS_NAME_MAX, NULL, "Search" },
	{ "archived", PT_BOOL, 0, 0, 0, NULL, "Show archived" },
	{ "after_text", PT_TEXT, 0, 0, CLASS_NAME_MAX, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl class_get[] = {
	{ "find", PT_TEXT, 0, 0, 100, NULL, "Find learners" },
	{ "after_text", PT_TEXT, 0, 0, 100, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl class_post[] = {
	{ "name", PT_TEXT, PF_REQ, 1, CLASS_NAME_MAX, NULL, "Name" },
	{ "description", PT_TEXT, PF_MULTILINE, 0, CLASS_DESC_MAX, NULL,
	    "Description" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct pdecl member_post[] = {
	{ "user_id", PT_ID, PF_REQ, 0, 0, NULL, "Learner" },
	{ "find", PT_TEXT, 0, 0, 100, NULL, "Find learners" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct route routes[] = {
	{ "catalogue.courses", M_GET, "/admin/courses", page_courses, ADMIN, 0,
	    courses_get },
	{ "catalogue.course.new", M_GET, "/admin/courses/new", page_course_new,
	    ADMIN, 0, NULL },
	{ "catalogue.course.create", M_POST, "/admin/courses/new",
	    page_course_create, ADMIN, POST_FORM, course_post },
	{ "catalogue.course", M_GET, "/admin/courses/:id", page_course_edit,
	    ADMIN, 0, NULL },
	{ "catalogue.course.save", M_POST, "/admin/courses/:id",
	    page_course_save, ADMIN, POST_FORM, course_post },
	{ "catalogue.course.archive", M_POST, "/admin/courses/:id/archive",
	    page_course_archive, ADMIN, RT_CSRF, NULL },
	{ "catalogue.course.unarchive", M_POST, "/admin/courses/:id/unarchive",
	    page_course_unarchive, ADMIN, RT_CSRF, NULL },
	{ "catalogue.lesson.create", M_POST, "/admin/courses/:id/lessons",
	    page_lesson_create, ADMIN, POST_FORM, lesson_post },
	{ "catalogue.lesson", M_GET, "/admin/courses/:id/lessons/:id",
	    page_lesson_edit, ADMIN, 0, NULL },
	{ "catalogue.lesson.save", M_POST, "/admin/courses/:id/lessons/:id",
	    page_lesson_save, ADMIN, POST_FORM, lesson_post },
	{ "catalogue.lesson.move", M_POST,
	    "/admin/courses/:id/lessons/:id/move", page_lesson_move, ADMIN,
	    RT_CSRF, move_post },
	{ "catalogue.lesson.archive", M_POST,
	    "/admin/courses/:id/lessons/:id/archive", page_lesson_archive,
	    ADMIN, RT_CSRF, NULL },
	{ "catalogue.lesson.unarchive", M_POST,
	    "/admin/courses/:id/lessons/:id/unarchive", page_lesson_unarchive,
	    ADMIN, RT_CSRF, NULL },
	{ "catalogue.content", M_GET,
	    "/admin/courses/:id/lessons/:id/content", page_content_edit,
	    ADMIN, 0, NULL },
	{ "catalogue.content.text", M_POST,
	    "/admin/courses/:id/lessons/:id/content/text", page_content_text,
	    ADMIN, RT_CSRF, text_post },
	{ "catalogue.content.add", M_POST,
	    "/admin/courses/:id/lessons/:id/content/exercises",
	    page_content_add, ADMIN, RT_CSRF, exercise_add_post },
	{ "catalogue.content.save", M_POST,
	    "/admin/courses/:id/lessons/:id/content/exercises/:id",
	    page_content_save, ADMIN, RT_CSRF, exercise_post },
	{ "catalogue.content.move", M_POST,
	    "/admin/courses/:id/lessons/:id/content/exercises/:id/move",
	    page_content_move, ADMIN, RT_CSRF, move_post },
	{ "catalogue.content.remove", M_POST,
	    "/admin/courses/:id/lessons/:id/content/exercises/:id/remove",
	    page_content_remove, ADMIN, RT_CSRF, NULL },

	{ "catalogue.categories", M_GET, "/admin/categories", page_categories,
	    ADMIN, 0, categories_get },
	{ "catalogue.category.new", M_GET, "/admin/categories/new",
	    page_category_new, ADMIN, 0, NULL },
	{ "catalogue.category.create", M_POST, "/admin/categories/new",
	    page_category_create, ADMIN, POST_FORM, category_post },
	{ "catalogue.category", M_GET, "/admin/categories/:id",
	    page_category_edit, ADMIN, 0, NULL },
	{ "catalogue.category.save", M_POST, "/admin/categories/:id",
	    page_category_save, ADMIN, POST_FORM, category_post },
	{ "catalogue.category.archive", M_POST,
	    "/admin/categories/:id/archive", page_category_archive, ADMIN,
	    RT_CSRF, NULL },
	{ "catalogue.category.unarchive", M_POST,
	    "/admin/categories/:id/unarchive", page_category_unarchive, ADMIN,
	    RT_CSRF, NULL },

	{ "catalogue.classes", M_GET, "/admin/classes", page_classes, ADMIN, 0,
	    classes_get },
	{ "catalogue.class.new", M_GET, "/admin/classes/new", page_class_new,
	    ADMIN, 0, NULL },
	{ "catalogue.class.create", M_POST, "/admin/classes/new",
	    page_class_create, ADMIN, POST_FORM, class_post },
	{ "catalogue.class", M_GET, "/admin/classes/:id", page_class_edit,
	    ADMIN, 0, class_get },
	{ "catalogue.class.save", M_POST, "/admin/classes/:id",
	    page_class_save, ADMIN, POST_FORM, class_post },
	{ "catalogue.class.archive", M_POST, "/admin/classes/:id/archive",
	    page_class_archive, ADMIN, RT_CSRF, NULL },
	{ "catalogue.class.unarchive", M_POST, "/admin/classes/:id/unarchive",
	    page_class_unarchive, ADMIN, RT_CSRF, NULL },
	{ "catalogue.class.member.add", M_POST, "/admin/classes/:id/members",
	    page_class_member_add, ADMIN, RT_CSRF, member_post },
	{ "catalogue.class.member.remove", M_POST,
	    "/admin/classes/:id/members/:id/remove", page_class_member_remove,
	    ADMIN, RT_CSRF, NULL },
};

ROUTESET(catalogue_routes, routes);
