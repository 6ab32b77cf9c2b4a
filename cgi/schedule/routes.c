/*
 * routes.c: the schedule's pages of the route table: the schedule of
 * live lessons (a week, a month or a list), creating and editing a
 * lesson, its page, its status changes and its attendance.  Everyone
 * signed in sees a schedule; teachers and administrators plan lessons.
 */
#include <stddef.h>

#include "billing/billing.h"
#include "catalogue/content.h"
#include "schedule/feedback.h"
#include "schedule/schedule.h"
#include "core/model.h"
#include "core/req.h"
#include "core/routes.h"

#define ANY_ROLE	(ROLE_ADMIN | ROLE_TEACHER | ROLE_LEARNER)
#define PLANNER		(ROLE_ADMIN | ROLE_TEACHER)
#define END		{ NULL, 0, 0, 0, 0, NULL, NULL }

static const char *const view_opts[] = { "week", "list", "month", NULL };
static const char *const meeting_opts[] = { "individual", "group", NULL };

static const struct pdecl schedule_get[] = {
	{ "week", PT_DATE, 0, 0, 0, NULL, "Week" },
	{ "view", PT_ENUM, 0, 0, 0, view_opts, "View" },
	{ "month", PT_TEXT, 0, 0, 7, NULL, "Month" },
	{ "teacher", PT_ID, 0, 0, 0, NULL, "Teacher" },
	{ "after_text", PT_TEXT, 0, 0, 19, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl new_get[] = {
	{ "teacher", PT_ID, 0, 0, 0, NULL, "Teacher" },
	END
};

static const struct pdecl live_post[] = {
	{ "teacher", PT_ID, 0, 0, 0, NULL, "Teacher" },
	{ "course", PT_ID, PF_REQ, 0, 0, NULL, "Course" },
	{ "lesson", PT_ID, 0, 0, 0, NULL, "Course lesson" },
	{ "date", PT_DATE, PF_REQ, 0, 0, NULL, "Date" },
	{ "time", PT_TEXT, PF_REQ, 0, 8, NULL, "Time" },
	{ "duration", PT_INT, PF_REQ, 5, 180, NULL, "Duration" },
	{ "meeting_type", PT_ENUM, PF_REQ, 0, 0, meeting_opts,
	    "Meeting type" },
	{ "enrollment", PT_ID, 0, 0, 0, NULL, "Learner" },
	{ "learner", PT_ID, PF_MULTI, 0, 0, NULL, "Learners" },
	{ "group", PT_ID, 0, 0, 0, NULL, "Student group" },
	{ "title", PT_TEXT, 0, 0, 200, NULL, "Title" },
	{ "notes", PT_TEXT, PF_MULTILINE, 0, 5000, NULL, "Notes" },
	{ "cost", PT_INT, 0, 0, TOKENS_LESSON_MAX, NULL,
	    "Cost per participant" },
	END
};

static const struct pdecl cancel_post[] = {
	{ "reason", PT_TEXT, 0, 0, 500, NULL, "Reason" },
	{ "confirm", PT_BOOL, 0, 0, 0, NULL, NULL },
	END
};

static const struct pdecl attendance_post[] = {
	{ "session_notes", PT_TEXT, PF_MULTILINE, 0, 5000, NULL,
	    "Session notes" },
	END
};

/* Teacher feedback after a lesson, and the Homework page. */
static const char *const state_opts[] = { "waiting", "verified", NULL };
static const char *const back_opts[] = { "homework", NULL };

static const struct pdecl feedback_post[] = {
	{ "speaking", PT_INT, 0, 1, 5, NULL, "Speaking score" },
	{ "listening", PT_INT, 0, 1, 5, NULL, "Listening score" },
	{ "reading", PT_INT, 0, 1, 5, NULL, "Reading score" },
	{ "writing", PT_INT, 0, 1, 5, NULL, "Writing score" },
	{ "grammar", PT_INT, 0, 1, 5, NULL, "Grammar score" },
	{ "vocabulary", PT_INT, 0, 1, 5, NULL, "Vocabulary score" },
	{ "engagement", PT_INT, 0, 1, 5, NULL, "Engagement score" },
	{ "comment", PT_TEXT, PF_MULTILINE, 0, FEEDBACK_COMMENT_MAX, NULL,
	    "Teacher comment" },
	END
};

static const struct pdecl verify_post[] = {
	{ "back", PT_ENUM, 0, 0, 0, back_opts, "Return to" },
	END
};

static const struct pdecl homework_get[] = {
	{ "state", PT_ENUM, 0, 0, 0, state_opts, "State" },
	{ "learner", PT_ID, 0, 0, 0, NULL, "Learner" },
	{ "from", PT_DATE, 0, 0, 0, NULL, "Sessions from" },
	{ "to", PT_DATE, 0, 0, 0, NULL, "Sessions to" },
	{ "after_text", PT_TEXT, 0, 0, 19, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const char *const direction_opts[] = { "up", "down", NULL };
static const char *const action_opts[] = { "draft", "complete", NULL };

static const struct pdecl instant_get[] = {
	{ "learner", PT_ID, 0, 0, 0, NULL, "Learner" },
	END
};

static const struct pdecl instant_text_post[] = {
	{ "doc_title", PT_TEXT, PF_REQ, 1, DOC_TITLE_MAX, NULL, "Title" },
	{ "body", PT_TEXT, PF_MULTILINE, 0, DOC_BODY_MAX, NULL,
	    "Lesson text" },
	END
};

static const struct pdecl instant_add_post[] = {
	{ "kind", PT_ENUM, PF_REQ, 0, 0, ex_kind_opts, "Type" },
	{ "prompt", PT_TEXT, PF_MULTILINE, 0, EX_PROMPT_MAX, NULL,
	    "Question" },
	{ "spec", PT_TEXT, PF_MULTILINE, 0, EX_SPEC_MAX, NULL,
	    "Options or accepted answers" },
	END
};

static const struct pdecl instant_exercise_post[] = {
	{ "prompt", PT_TEXT, PF_MULTILINE, 0, EX_PROMPT_MAX, NULL,
	    "Question" },
	{ "spec", PT_TEXT, PF_MULTILINE, 0, EX_SPEC_MAX, NULL,
	    "Options or accepted answers" },
	END
};

static const struct pdecl instant_move_post[] = {
	{ "direction", PT_ENUM, PF_REQ, 0, 0, direction_opts, "Direction" },
	END
};

static const struct pdecl instant_answer_post[] = {
	{ "pick", PT_TEXT, PF_MULTI, 0, 40, NULL, "Choice" },
	{ "field", PT_TEXT, PF_MULTI, 0, 40, NULL, "Answer" },
	{ "text", PT_TEXT, PF_MULTI | PF_MULTILINE, 0, ANSWER_MAX, NULL,
	    "Answer" },
	{ "action", PT_ENUM, PF_REQ, 0, 0, action_opts, "Action" },
	END
};

static const struct route routes[] = {
	{ "schedule.instant.create", M_POST, "/platform/sessions/:id/instant",
	    page_instant_create, PLANNER, RT_CSRF, instant_text_post },
	{ "schedule.instant", M_GET, "/platform/sessions/:id/instant/:id",
	    page_instant_show, ANY_ROLE, 0, instant_get },
	{ "schedule.instant.text", M_POST,
	    "/platform/sessions/:id/instant/:id/text", page_instant_text,
	    PLANNER, RT_CSRF, instant_text_post },
	{ "schedule.instant.add", M_POST,
	    "/platform/sessions/:id/instant/:id/exercises", page_instant_add,
	    PLANNER, RT_CSRF, instant_add_post },
	{ "schedule.instant.save", M_POST,
	    "/platform/sessions/:id/instant/:id/exercises/:id",
	    page_instant_save, PLANNER, RT_CSRF, instant_exercise_post },
	{ "schedule.instant.move", M_POST,
	    "/platform/sessions/:id/instant/:id/exercises/:id/move",
	    page_instant_move, PLANNER, RT_CSRF, instant_move_post },
	{ "schedule.instant.remove", M_POST,
	    "/platform/sessions/:id/instant/:id/exercises/:id/remove",
	    page_instant_remove, PLANNER, RT_CSRF, NULL },
	{ "schedule.instant.answer", M_POST,
	    "/platform/sessions/:id/instant/:id/answers", page_instant_answer,
	    ROLE_LEARNER, RT_CSRF, instant_answer_post },
	{ "schedule.view", M_GET, "/platform/schedule", page_schedule,
	    ANY_ROLE, 0, schedule_get },
	{ "schedule.new", M_GET, "/platform/sessions/new", page_live_new,
	    PLANNER, 0, new_get },
	{ "schedule.create", M_POST, "/platform/sessions/new", page_live_create,
	    PLANNER, RT_CSRF | RT_FORM, live_post },
	{ "schedule.show", M_GET, "/platform/sessions/:id", page_live_show,
	    ANY_ROLE, 0, NULL },
	{ "schedule.edit", M_GET, "/platform/sessions/:id/edit", page_live_edit,
	    PLANNER, 0, NULL },
	{ "schedule.save", M_POST, "/platform/sessions/:id/edit", page_live_save,
	    PLANNER, RT_CSRF | RT_FORM, live_post },
	{ "schedule.cancel", M_POST, "/platform/sessions/:id/cancel",
	    page_live_cancel, PLANNER, RT_CSRF, cancel_post },
	{ "schedule.start", M_POST, "/platform/sessions/:id/start",
	    page_live_start, PLANNER, RT_CSRF, NULL },
	{ "schedule.complete", M_POST, "/platform/sessions/:id/complete",
	    page_live_complete, PLANNER, RT_CSRF, NULL },
	{ "schedule.attendance", M_POST, "/platform/sessions/:id/attendance",
	    page_live_attendance, PLANNER, RT_CSRF, attendance_post },
	{ "schedule.join", M_POST, "/platform/sessions/:id/join",
	    page_live_join, ANY_ROLE, RT_CSRF | RT_NO_REFERRER, NULL },
	{ "schedule.feedback", M_GET, "/platform/sessions/:id/feedback/:id",
	    page_feedback_show, PLANNER, 0, NULL },
	{ "schedule.feedback.save", M_POST,
	    "/platform/sessions/:id/feedback/:id", page_feedback_save,
	    PLANNER, RT_CSRF | RT_FORM, feedback_post },
	{ "schedule.feedback.verify", M_POST,
	    "/platform/sessions/:id/feedback/:id/verify", page_feedback_verify,
	    PLANNER, RT_CSRF, verify_post },
	{ "schedule.feedback.revoke", M_POST,
	    "/platform/sessions/:id/feedback/:id/revoke", page_feedback_revoke,
	    PLANNER, RT_CSRF, verify_post },
	{ "schedule.homework", M_GET, "/platform/homework", page_homework,
	    PLANNER, 0, homework_get },
};

ROUTESET(schedule_routes, routes);
