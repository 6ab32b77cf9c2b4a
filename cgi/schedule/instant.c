/*
 * instant.c: what the live lesson's pages share: loading a live lesson
 * for a user who may see it, and the part of its page that lists its
 * instant lessons (lessons made during the live lesson, which no
 * course lists) with, while it is live, the teacher's "Create Instant
 * Lesson" form.
 */
#include "lib/util.h"
#include "core/auth.h"
#include "core/db.h"
#include "core/handler.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/req.h"
#include "core/tpl.h"
#include "catalogue/content.h"
#include "schedule/schedule.h"

struct live_lesson *
live_lesson_load(struct req *r, int manage, struct live_participant **p,
    size_t *np)
{
	static const char	 missing[] = "There is no such session.";
	struct live_lesson	*s;
	size_t			 i;
	enum db_rc		 rc;

	rc = db_live_get(r->db, r->a, r->ids[0], &s);
	if (rc == DB_OK && s != NULL)
		rc = db_live_participants(r->db, r->a, s->id, p, np);
	if (!load_found(r, rc, s, missing))
		return NULL;
	if (r->user->role == ROLE_ADMIN || s->teacher_id == r->user->id)
		return s;
	if (!manage && r->user->role == ROLE_LEARNER)
		for (i = 0; i < *np; i++)
			if ((*p)[i].learner_id == r->user->id)
				return s;
	load_refuse(r, missing);
	return NULL;
}

int
instant_lesson_part(struct req *r, struct tpl_dict *d,
    const struct live_lesson *s, int manage)
{
	struct lesson_doc	*list;
	struct tpl_dict		*inc, *e;
	size_t			 n, i;

	if (db_doc_instants(r->db, r->a, s->id, &list, &n) != DB_OK)
		return 0;
	if (n == 0 && !(manage && s->status == LIVE_ACTIVE))
		return 1;
	inc = tpl_include(d, "INSTANT", "schedule-instant-part.tpl");
	tpl_set_int(inc, "LIVE_ID", s->id);
	tpl_set(inc, "CSRF", csrf_token(r));
	for (i = 0; i < n; i++) {
		e = tpl_section(inc, "INSTANT_ROW");
		tpl_set_int(e, "DOC_ID", list[i].id);
		tpl_set(e, "DOC_TITLE", list[i].title);
	}
	if (n == 0)
		tpl_show(inc, "NO_INSTANT");
	if (manage && s->status == LIVE_ACTIVE && n < INSTANTS_MAX)
		tpl_show(inc, "CAN_CREATE");
	return 1;
}
