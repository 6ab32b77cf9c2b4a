/*
 * routes.c: the training domain's routes.  For administrators: training
 * sessions with their courses and coaches, their learners (one by one,
 * by class, by CSV import), the export and the tracking page.  For every
 * signed-in user: "My sessions", a session's page and a course inside a
 * session; who may see which is decided by the handlers
 * (page-learner.c) from the user's ties to it.
 */
#include <stddef.h>

#include "core/model.h"
#include "core/req.h"
#include "core/routes.h"
#include "training/training.h"

#define ADMIN		ROLE_ADMIN
#define ANY_ROLE	(ROLE_ADMIN | ROLE_TEACHER | ROLE_LEARNER)
#define END		{ NULL, 0, 0, 0, 0, NULL, NULL }

static const char *const status_opts[] = {
	"active", "upcoming", "past", NULL
};
static const char *const sort_opts[] = { "name", "start", "end", NULL };
static const char *const dir_opts[] = { "asc", "desc", NULL };
static const char *const visibility_opts[] = {
	"listed", "hidden", "readonly_after_end", NULL
};

static const struct pdecl list_get[] = {
	{ "q", PT_TEXT, 0, 0, 150, NULL, "Search" },
	{ "category", PT_ID, 0, 0, 0, NULL, "Category" },
	{ "status", PT_ENUM, 0, 0, 0, status_opts, "Status" },
	{ "from", PT_DATE, 0, 0, 0, NULL, "From" },
	{ "to", PT_DATE, 0, 0, 0, NULL, "To" },
	{ "sort", PT_ENUM, 0, 0, 0, sort_opts, "Sort" },
	{ "dir", PT_ENUM, 0, 0, 0, dir_opts, "Order" },
	{ "after_text", PT_TEXT, 0, 0, 150, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl training_post[] = {
	{ "name", PT_TEXT, PF_REQ, 1, 150, NULL, "Session name" },
	{ "description", PT_TEXT, PF_MULTILINE, 0, 5000, NULL,
	    "Description" },
	{ "display_start", PT_DATE, 0, 0, 0, NULL, "Display start" },
	{ "display_end", PT_DATE, 0, 0, 0, NULL, "Display end" },
	{ "access_start", PT_DATE, 0, 0, 0, NULL, "Access start" },
	{ "access_end", PT_DATE, 0, 0, 0, NULL, "Access end" },
	{ "coach_start", PT_DATE, 0, 0, 0, NULL, "Coach access start" },
	{ "coach_end", PT_DATE, 0, 0, 0, NULL, "Coach access end" },
	{ "coach", PT_ID, 0, 0, 0, NULL, "Session coach" },
	{ "category", PT_ID, 0, 0, 0, NULL, "Category" },
	{ "visibility", PT_ENUM, PF_REQ, 0, 0, visibility_opts,
	    "Visibility" },
	END
};

static const struct pdecl edit_get[] = {
	{ "after_text", PT_TEXT, 0, 0, 100, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	{ "lq", PT_TEXT, 0, 0, 100, NULL, "Find learners" },
	{ "lq_after_name", PT_TEXT, 0, 0, 100, NULL, "Page position" },
	{ "lq_after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl course_add_post[] = {
	{ "course", PT_ID, PF_REQ, 0, 0, NULL, "Course" },
	{ "coach", PT_ID, 0, 0, 0, NULL, "Course coach" },
	END
};

static const struct pdecl course_coach_post[] = {
	{ "coach", PT_ID, 0, 0, 0, NULL, "Course coach" },
	END
};

static const struct pdecl learner_add_post[] = {
	{ "user", PT_ID, PF_REQ, 0, 0, NULL, "Learner" },
	{ "lq", PT_TEXT, 0, 0, 100, NULL, "Find learners" },
	END
};

static const struct pdecl class_add_post[] = {
	{ "class", PT_ID, PF_REQ, 0, 0, NULL, "Class" },
	END
};

static const struct pdecl tracking_get[] = {
	{ "after_text", PT_TEXT, 0, 0, 100, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl learners_upload_post[] = {
	{ "file", PT_FILE, PF_REQ, 0, 0, NULL, "CSV file" },
	END
};

static const struct pdecl learners_valid_post[] = {
	{ "expect", PT_INT, PF_REQ, 1, 1000000, NULL, "Row count" },
	END
};

/* Keyset position of the coach's list of learners. */
static const struct pdecl course_get[] = {
	{ "after_text", PT_TEXT, 0, 0, 100, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct route routes[] = {
	{ "training.list", M_GET, "/admin/sessions", page_training_list, ADMIN,
	    RT_FORM, list_get },
	{ "training.new", M_GET, "/admin/sessions/new", page_training_new,
	    ADMIN, 0, NULL },
	{ "training.create", M_POST, "/admin/sessions/new",
	    page_training_create, ADMIN, RT_CSRF | RT_FORM, training_post },
	{ "training.edit", M_GET, "/admin/sessions/:id", page_training_edit,
	    ADMIN, 0, edit_get },
	{ "training.save", M_POST, "/admin/sessions/:id",
	    page_training_save, ADMIN, RT_CSRF | RT_FORM, training_post },
	{ "training.course.add", M_POST, "/admin/sessions/:id/courses",
	    page_training_course_add, ADMIN, RT_CSRF | RT_FORM,
	    course_add_post },
	{ "training.course.coach", M_POST,
	    "/admin/sessions/:id/courses/:id/coach", page_training_course_coach,
	    ADMIN, RT_CSRF | RT_FORM, course_coach_post },
	{ "training.course.remove", M_POST,
	    "/admin/sessions/:id/courses/:id/remove",
	    page_training_course_remove, ADMIN, RT_CSRF, NULL },
	{ "training.learners.add", M_POST, "/admin/sessions/:id/learners",
	    page_learners_add, ADMIN, RT_CSRF | RT_FORM,
	    learner_add_post },
	{ "training.learners.remove", M_POST,
	    "/admin/sessions/:id/learners/:id/remove",
	    page_learners_remove, ADMIN, RT_CSRF, NULL },
	{ "training.learners.class", M_POST, "/admin/sessions/:id/classes",
	    page_learners_add_class, ADMIN, RT_CSRF | RT_FORM, class_add_post },
	{ "training.tracking", M_GET, "/admin/sessions/:id/tracking",
	    page_training_tracking, ADMIN, 0, tracking_get },
	{ "training.export", M_GET, "/admin/sessions/:id/learners.csv",
	    page_training_export, ADMIN, 0, NULL },
	{ "training.learners.import", M_GET, "/admin/import/enrollments",
	    page_learners_import, ADMIN, 0, NULL },
	{ "training.learners.upload", M_POST, "/admin/import/enrollments",
	    page_learners_upload, ADMIN, RT_CSRF | RT_FORM | RT_MULTIPART,
	    learners_upload_post },
	{ "training.learners.apply", M_POST,
	    "/admin/import/enrollments/:id/apply", page_learners_apply, ADMIN,
	    RT_CSRF, NULL },
	{ "training.learners.apply_valid", M_POST,
	    "/admin/import/enrollments/:id/apply-valid",
	    page_learners_apply_valid, ADMIN, RT_CSRF, learners_valid_post },
	{ "training.learner.list", M_GET, "/sessions", page_learner_list,
	    ANY_ROLE, 0, NULL },
	{ "training.learner.view", M_GET, "/sessions/:id",
	    page_learner_training, ANY_ROLE, 0, NULL },
	{ "training.learner.course", M_GET, "/sessions/:id/courses/:id",
	    page_learner_course, ANY_ROLE, 0, course_get },
};

ROUTESET(training_routes, routes);
