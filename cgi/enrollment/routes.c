/*
 * routes.c: the enrollment pages of the route table: enrollments of
 * learners in courses with a teacher (administered by administrators,
 * listed for their teachers), the schedule rules of an enrollment and
 * the teachers' student groups.  Handlers check the right to the
 * enrollment or group itself: a teacher reaches only their own.
 */
#include <stddef.h>

#include "catalogue/content.h"
#include "enrollment/enrollment.h"
#include "core/model.h"
#include "core/req.h"
#include "core/routes.h"

#define ADMIN		ROLE_ADMIN
#define STAFF		(ROLE_ADMIN | ROLE_TEACHER)
#define ANY_ROLE	(ROLE_ADMIN | ROLE_TEACHER | ROLE_LEARNER)
#define END		{ NULL, 0, 0, 0, 0, NULL, NULL }

static const struct pdecl list_get[] = {
	{ "q", PT_TEXT, 0, 0, 100, NULL, "Search" },
	{ "teacher", PT_ID, 0, 0, 0, NULL, "Teacher" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl mine_get[] = {
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl new_get[] = {
	{ "lq", PT_TEXT, 0, 0, 100, NULL, "Find a learner" },
	END
};

static const struct pdecl enrollment_post[] = {
	{ "learner", PT_ID, PF_REQ, 0, 0, NULL, "Learner" },
	{ "course", PT_ID, PF_REQ, 0, 0, NULL, "Course" },
	{ "teacher", PT_ID, PF_REQ, 0, 0, NULL, "Teacher" },
	{ "default_length", PT_INT, PF_REQ, 5, 180, NULL,
	    "Default lesson length" },
	{ "lq", PT_TEXT, 0, 0, 100, NULL, "Find a learner" },
	END
};

static const struct pdecl enrollment_save_post[] = {
	{ "teacher", PT_ID, PF_REQ, 0, 0, NULL, "Teacher" },
	{ "default_length", PT_INT, PF_REQ, 5, 180, NULL,
	    "Default lesson length" },
	END
};

static const struct pdecl rule_post[] = {
	{ "day_mon", PT_BOOL, 0, 0, 0, NULL, "Monday" },
	{ "day_tue", PT_BOOL, 0, 0, 0, NULL, "Tuesday" },
	{ "day_wed", PT_BOOL, 0, 0, 0, NULL, "Wednesday" },
	{ "day_thu", PT_BOOL, 0, 0, 0, NULL, "Thursday" },
	{ "day_fri", PT_BOOL, 0, 0, 0, NULL, "Friday" },
	{ "day_sat", PT_BOOL, 0, 0, 0, NULL, "Saturday" },
	{ "day_sun", PT_BOOL, 0, 0, 0, NULL, "Sunday" },
	{ "time", PT_TEXT, PF_REQ, 0, 5, NULL, "Time" },
	{ "length", PT_INT, PF_REQ, 5, 180, NULL, "Length" },
	{ "start_date", PT_DATE, PF_REQ, 0, 0, NULL, "Start date" },
	{ "end_date", PT_DATE, 0, 0, 0, NULL, "End date" },
	END
};

static const struct pdecl groups_get[] = {
	{ "after_text", PT_TEXT, 0, 0, 100, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl group_post[] = {
	{ "name", PT_TEXT, PF_REQ, 1, 100, NULL, "Group name" },
	{ "teacher", PT_ID, 0, 0, 0, NULL, "Teacher" },
	END
};

static const struct pdecl group_get[] = {
	{ "q", PT_TEXT, 0, 0, 100, NULL, "Find learners" },
	END
};

static const struct pdecl group_archive_post[] = {
	{ "restore", PT_BOOL, 0, 0, 0, NULL, NULL },
	END
};

static const struct pdecl member_post[] = {
	{ "learner", PT_ID, PF_REQ, 0, 0, NULL, "Learner" },
	END
};

static const char *const action_opts[] = { "draft", "complete", NULL };

static const struct pdecl my_lessons_get[] = {
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

/* The answer form: choices ("exercise:option"), and text fields, each
 * named by the "exercise:gap" field before it. */
static const struct pdecl answer_post[] = {
	{ "pick", PT_TEXT, PF_MULTI, 0, 40, NULL, "Choice" },
	{ "field", PT_TEXT, PF_MULTI, 0, 40, NULL, "Answer" },
	{ "text", PT_TEXT, PF_MULTI | PF_MULTILINE, 0, ANSWER_MAX, NULL,
	    "Answer" },
	{ "action", PT_ENUM, PF_REQ, 0, 0, action_opts, "Action" },
	END
};

static const struct pdecl marks_post[] = {
	{ "essay", PT_ID, PF_MULTI, 0, 0, NULL, "Essay" },
	{ "mark", PT_TEXT, PF_MULTI, 0, 2, NULL, "Mark" },
	END
};

static const struct route routes[] = {
	{ "enrollment.my_lessons", M_GET, "/platform/lessons",
	    page_my_lessons, ROLE_LEARNER, 0, my_lessons_get },
	{ "enrollment.lesson", M_GET, "/platform/enrollments/:id/lessons/:id",
	    page_enrollment_lesson, ANY_ROLE, 0, NULL },
	{ "enrollment.lesson.answer", M_POST,
	    "/platform/enrollments/:id/lessons/:id", page_enrollment_answer,
	    ROLE_LEARNER, RT_CSRF, answer_post },
	{ "enrollment.lesson.marks", M_POST,
	    "/platform/enrollments/:id/lessons/:id/marks",
	    page_enrollment_marks, STAFF, RT_CSRF, marks_post },
	{ "enrollment.lesson.verify", M_POST,
	    "/platform/enrollments/:id/lessons/:id/verify",
	    page_enrollment_verify, STAFF, RT_CSRF, NULL },
	{ "enrollment.lesson.revoke", M_POST,
	    "/platform/enrollments/:id/lessons/:id/revoke",
	    page_enrollment_revoke, STAFF, RT_CSRF, NULL },
	{ "enrollment.admin.list", M_GET, "/admin/enrollments",
	    page_enrollment_list, ADMIN, RT_FORM, list_get },
	{ "enrollment.admin.new", M_GET, "/admin/enrollments/new",
	    page_enrollment_new, ADMIN, RT_FORM, new_get },
	{ "enrollment.admin.create", M_POST, "/admin/enrollments/new",
	    page_enrollment_create, ADMIN, RT_CSRF | RT_FORM,
	    enrollment_post },
	{ "enrollment.admin.save", M_POST, "/admin/enrollments/:id",
	    page_enrollment_save, ADMIN, RT_CSRF | RT_FORM,
	    enrollment_save_post },
	{ "enrollment.admin.deactivate", M_POST,
	    "/admin/enrollments/:id/deactivate", page_enrollment_deactivate,
	    ADMIN, RT_CSRF, NULL },
	{ "enrollment.admin.activate", M_POST,
	    "/admin/enrollments/:id/activate", page_enrollment_activate,
	    ADMIN, RT_CSRF, NULL },
	{ "enrollment.list", M_GET, "/platform/enrollments",
	    page_enrollment_mine, STAFF, 0, mine_get },
	{ "enrollment.view", M_GET, "/platform/enrollments/:id",
	    page_enrollment_view, ANY_ROLE, 0, NULL },
	{ "enrollment.rule.new", M_GET, "/platform/enrollments/:id/rules/new",
	    page_rule_new, STAFF, 0, NULL },
	{ "enrollment.rule.create", M_POST,
	    "/platform/enrollments/:id/rules/new", page_rule_create, STAFF,
	    RT_CSRF | RT_FORM, rule_post },
	{ "enrollment.rule", M_GET, "/platform/enrollments/:id/rules/:id",
	    page_rule_edit, STAFF, 0, NULL },
	{ "enrollment.rule.save", M_POST,
	    "/platform/enrollments/:id/rules/:id", page_rule_save, STAFF,
	    RT_CSRF | RT_FORM, rule_post },
	{ "enrollment.rule.delete", M_POST,
	    "/platform/enrollments/:id/rules/:id/delete", page_rule_delete,
	    STAFF, RT_CSRF, NULL },
	{ "enrollment.groups", M_GET, "/platform/groups", page_groups, STAFF,
	    0, groups_get },
	{ "enrollment.group.create", M_POST, "/platform/groups",
	    page_group_create, STAFF, RT_CSRF | RT_FORM, group_post },
	{ "enrollment.group", M_GET, "/platform/groups/:id", page_group_view,
	    STAFF, RT_FORM, group_get },
	{ "enrollment.group.rename", M_POST, "/platform/groups/:id",
	    page_group_rename, STAFF, RT_CSRF | RT_FORM, group_post },
	{ "enrollment.group.archive", M_POST, "/platform/groups/:id/archive",
	    page_group_archive, STAFF, RT_CSRF, group_archive_post },
	{ "enrollment.group.member.add", M_POST,
	    "/platform/groups/:id/members", page_group_member_add, STAFF,
	    RT_CSRF | RT_FORM, member_post },
	{ "enrollment.group.member.remove", M_POST,
	    "/platform/groups/:id/members/:id/remove",
	    page_group_member_remove, STAFF, RT_CSRF, NULL },
};

ROUTESET(enrollment_routes, routes);
