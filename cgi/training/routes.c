/*
 * routes-sessions.c: the sessions pages of the route table: training
 * sessions with their courses and coaches, enrollments (one by one, by
 * class, by CSV import), the export and the tracking page.  All of them
 * are for administrators.
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

static const struct pdecl sessions_get[] = {
	{ "q", PT_TEXT, 0, 0, 150, NULL, "Search" },
	{ "category", PT_ID, 0, 0, 0, NULL, "Category" },
	{ "status", PT_ENUM, 0, 0, 0, status_opts, "Status" },
	{ "from", PT_DATE, 0, 0, 0, NULL, "From" },
	{ "to", PT_DATE, 0, 0, 0, NULL, "To" },
	{ "sort", PT_ENUM, 0, 0, 0, sort_opts, "Sort" },
	{ "dir", PT_ENUM, 0, 0, 0, dir_opts, "Order" },
	{ "after", PT_TEXT, 0, 0, 150, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl session_post[] = {
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
	{ "after_name", PT_TEXT, 0, 0, 100, NULL, "Page position" },
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
	{ "after_name", PT_TEXT, 0, 0, 100, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl enroll_upload_post[] = {
	{ "file", PT_FILE, PF_REQ, 0, 0, NULL, "CSV file" },
	END
};

static const struct pdecl enroll_valid_post[] = {
	{ "expect", PT_INT, PF_REQ, 1, 1000000, NULL, "Row count" },
	END
};

/* Keyset position of the coach's list of learners. */
static const struct pdecl course_get[] = {
	{ "after_name", PT_TEXT, 0, 0, 100, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct route routes[] = {
	{ "admin.sessions", M_GET, "/admin/sessions", page_sessions, ADMIN,
	    RT_FORM, sessions_get },
	{ "admin.session.new", M_GET, "/admin/sessions/new", page_session_new,
	    ADMIN, 0, NULL },
	{ "admin.session.create", M_POST, "/admin/sessions/new",
	    page_session_create, ADMIN, RT_CSRF | RT_FORM, session_post },
	{ "admin.session", M_GET, "/admin/sessions/:id", page_session_edit,
	    ADMIN, 0, edit_get },
	{ "admin.session.save", M_POST, "/admin/sessions/:id",
	    page_session_save, ADMIN, RT_CSRF | RT_FORM, session_post },
	{ "admin.session.course.add", M_POST, "/admin/sessions/:id/courses",
	    page_session_course_add, ADMIN, RT_CSRF | RT_FORM,
	    course_add_post },
	{ "admin.session.course.coach", M_POST,
	    "/admin/sessions/:id/courses/:id/coach", page_session_course_coach,
	    ADMIN, RT_CSRF | RT_FORM, course_coach_post },
	{ "admin.session.course.remove", M_POST,
	    "/admin/sessions/:id/courses/:id/remove",
	    page_session_course_remove, ADMIN, RT_CSRF, NULL },
	{ "admin.session.learner.add", M_POST, "/admin/sessions/:id/learners",
	    page_session_learner_add, ADMIN, RT_CSRF | RT_FORM,
	    learner_add_post },
	{ "admin.session.learner.remove", M_POST,
	    "/admin/sessions/:id/learners/:id/remove",
	    page_session_learner_remove, ADMIN, RT_CSRF, NULL },
	{ "admin.session.class.add", M_POST, "/admin/sessions/:id/classes",
	    page_session_class_add, ADMIN, RT_CSRF | RT_FORM, class_add_post },
	{ "admin.session.tracking", M_GET, "/admin/sessions/:id/tracking",
	    page_session_tracking, ADMIN, 0, tracking_get },
	{ "admin.session.export", M_GET, "/admin/sessions/:id/learners.csv",
	    page_session_export, ADMIN, 0, NULL },
	{ "admin.enroll.import", M_GET, "/admin/import/enrollments",
	    page_enroll_import, ADMIN, 0, NULL },
	{ "admin.enroll.upload", M_POST, "/admin/import/enrollments",
	    page_enroll_upload, ADMIN, RT_CSRF | RT_FORM | RT_MULTIPART,
	    enroll_upload_post },
	{ "admin.enroll.apply", M_POST, "/admin/import/enrollments/:id/apply",
	    page_enroll_apply, ADMIN, RT_CSRF, NULL },
	{ "admin.enroll.apply_valid", M_POST,
	    "/admin/import/enrollments/:id/apply-valid",
	    page_enroll_apply_valid, ADMIN, RT_CSRF, enroll_valid_post },
	{ "learn.sessions", M_GET, "/sessions", page_my_sessions, ANY_ROLE,
	    0, NULL },
	{ "learn.session", M_GET, "/sessions/:id", page_learn_session,
	    ANY_ROLE, 0, NULL },
	{ "learn.course", M_GET, "/sessions/:id/courses/:id",
	    page_learn_course, ANY_ROLE, 0, course_get },
};

ROUTESET(training_routes, routes);
