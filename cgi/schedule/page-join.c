/*
 * page-join.c: joining a live lesson's classroom.  The lesson's
 * teacher, its learners and site administrators may join from
 * LIVE_JOIN_EARLY_MIN minutes before its start until its end; the first one to come opens
 * its classroom session, and the classroom domain lets each of them in
 * through the conferencing provider (classroom/classroom.h).
 */
#include <string.h>
#include <time.h>

#include "classroom/classroom.h"
#include "core/db.h"
#include "core/model.h"
#include "core/layout.h"
#include "core/out.h"
#include "core/req.h"
#include "lib/clock.h"
#include "lib/util.h"
#include "schedule/schedule.h"

/*
 * POST /platform/sessions/:id/join: join the live lesson's classroom,
 * made when the first person comes.  Open from LIVE_JOIN_EARLY_MIN
 * minutes before its start until its end (live_join_state()), to its
 * teacher (a moderator), its learners and site administrators.
 * Statuses: 200, 303, 403, 404, 409 (not open now), 503.
 */
int
page_live_join(struct req *r)
{
	struct live_lesson	*s;
	struct live_participant	*p;
	struct classroom	*c;
	struct classroom_access	 acc;
	size_t			 np, i;
	time_t			 now = time(NULL);
	int			 ok;

	if (db_live_get(r->db, r->a, r->ids[0], &s) != DB_OK ||
	    (s != NULL && db_live_participants(r->db, r->a, s->id, &p,
	    &np) != DB_OK))
		return send_db_error(r);
	ok = s != NULL && (r->user->role == ROLE_ADMIN ||
	    s->teacher_id == r->user->id);
	for (i = 0; s != NULL && !ok && i < np; i++)
		if (p[i].learner_id == r->user->id)
			ok = 1;
	if (!ok)
		return send_error(r, 404, "There is no such session.");
	if (live_join_state(s, now) == LIVE_JOIN_OVER)
		return send_error(r, 409, "This lesson is over: it cannot be "
		    "joined any more.");
	if (live_join_state(s, now) == LIVE_JOIN_NOT_YET)
		return send_error(r, 409, arena_printf(r->a, "Join Session "
		    "opens %d minutes before the lesson starts.",
		    LIVE_JOIN_EARLY_MIN));
	if ((c = classroom_open_lesson(r, s->id, s->title != NULL ?
	    s->title : s->course_title, &acc)) == NULL)
		return r->status;
	return classroom_join(r, c, &acc);
}
