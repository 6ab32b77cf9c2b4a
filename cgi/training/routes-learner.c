/*
 * routes-learn.c: the learn pages of the route table: "My sessions",
 * a session's page and a course inside a session, for every signed-in
 * user.  Who may see which session and course is decided by the
 * handlers (page-learn.c) from the user's ties to it.
 */
#include <stddef.h>

#include "training/learner.h"
#include "core/model.h"
#include "core/req.h"
#include "core/routes.h"

#define ANY_ROLE	(ROLE_ADMIN | ROLE_TEACHER | ROLE_LEARNER)

/* Keyset position of the coach's list of learners. */
static const struct pdecl course_get[] = {
	{ "after_name", PT_TEXT, 0, 0, 100, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	{ NULL, 0, 0, 0, 0, NULL, NULL }
};

static const struct route routes[] = {
	{ "learn.sessions", M_GET, "/sessions", page_my_sessions, ANY_ROLE,
	    0, NULL },
	{ "learn.session", M_GET, "/sessions/:id", page_learn_session,
	    ANY_ROLE, 0, NULL },
	{ "learn.course", M_GET, "/sessions/:id/courses/:id",
	    page_learn_course, ANY_ROLE, 0, course_get },
};

ROUTESET(learner_routes, routes);
