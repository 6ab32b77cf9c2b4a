/*
 * feedback.c: what the lesson page shows of teacher feedback: the
 * "Teacher Feedback" banner of verified feedback, to the lesson's
 * teacher (and administrators) and to the learner it is about only,
 * and for those who manage the lesson, each participant's feedback
 * state with the way to give it.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/db.h"
#include "core/model.h"
#include "core/req.h"
#include "core/tpl.h"
#include "schedule/feedback.h"
#include "schedule/schedule.h"

/* Fill one "Teacher Feedback" banner of f into d. */
static void
banner(struct tpl_dict *d, const struct live_feedback *f, int teacher,
    int name)
{
	struct tpl_dict	*b = tpl_section(d, "BANNER"), *any = NULL, *e;
	size_t		 k;

	tpl_set_int(b, "LEARNER_ID", f->learner_id);
	if (name)
		tpl_set(tpl_section(b, "FOR_LEARNER"), "LEARNER_NAME",
		    f->learner_name);
	for (k = 0; k < FEEDBACK_SCORES; k++) {
		if (f->scores[k] == 0)
			continue;
		if (any == NULL)
			any = tpl_section(b, "ANY_SCORES");
		e = tpl_section(any, "SCORE");
		tpl_set(e, "SKILL", feedback_skills[k].label);
		tpl_set(e, "FIELD", feedback_skills[k].field);
		tpl_set_int(e, "VALUE", f->scores[k]);
	}
	if (f->comment != NULL && f->comment[0] != '\0')
		tpl_set(tpl_section(b, "COMMENT"), "COMMENT_TEXT", f->comment);
	if (teacher)
		tpl_show(b, "HINT");
}

int
feedback_lesson_part(struct req *r, struct tpl_dict *d,
    const struct live_lesson *s, const struct live_participant *p,
    size_t np, int manage)
{
	struct live_feedback	*f;
	struct tpl_dict		*x, *m, *e;
	const struct live_feedback *mine;
	size_t			 n, i, j;

	if (s->status != LIVE_ENDED)
		return 1;
	if (db_feedback_of_lesson(r->db, r->a, s->id, &f, &n) != DB_OK)
		return 0;
	x = tpl_include(d, "FEEDBACK", "schedule-feedback-lesson.tpl");
	for (i = 0; i < n; i++) {
		if (f[i].state != FEEDBACK_VERIFIED)
			continue;
		if (manage)
			banner(x, &f[i], 1, np > 1);
		else if (f[i].learner_id == r->user->id &&
		    r->user->role == ROLE_LEARNER)
			banner(x, &f[i], 0, 0);
	}
	if (!manage)
		return 1;
	m = tpl_section(x, "MANAGE");
	tpl_set_int(m, "LIVE_ID", s->id);
	for (i = 0; i < np; i++) {
		e = tpl_section(m, "ROW");
		tpl_set_int(e, "LIVE_ID", s->id);
		tpl_set_int(e, "LEARNER_ID", p[i].learner_id);
		tpl_set(e, "LEARNER_NAME", p[i].name);
		for (mine = NULL, j = 0; j < n; j++)
			if (f[j].learner_id == p[i].learner_id)
				mine = &f[j];
		tpl_set(e, "STATE", mine == NULL ? "Not given" :
		    feedback_state_label(mine->state));
		tpl_set(e, "ACTION", mine == NULL ? "Give feedback" :
		    mine->state == FEEDBACK_VERIFIED ? "View feedback" :
		    "Edit feedback");
	}
	return 1;
}
