/*
 * page-feedback.c: teacher feedback after a live lesson.  The feedback
 * page of one learner of a completed lesson (scores, teacher comment,
 * "Verify" / "Revoke verification", its history) and the teacher's
 * "Homework" page: feedback waiting for verification and verified
 * feedback, filtered and paged by keyset.  Only the lesson's teacher
 * and administrators reach them.
 */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "core/auth.h"
#include "core/db.h"
#include "core/handler.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/out.h"
#include "core/req.h"
#include "core/tpl.h"
#include "lib/clock.h"
#include "lib/utf8.h"
#include "lib/util.h"
#include "schedule/feedback.h"
#include "schedule/schedule.h"

/* Characters of a comment the Homework list shows. */
#define HOMEWORK_EXCERPT	140

static const char	 missing[] = "There is no such session.";
static const char	 verified_msg[] = "This feedback is verified and "
			    "cannot be edited. To change feedback, find this "
			    "homework in Homework and revoke verification.";

/* The history's words for an action. */
static const struct {
	const char	*action;
	const char	*label;
} actions[] = {
	{ "given", "Given" },
	{ "edited", "Edited" },
	{ "verified", "Verified" },
	{ "revoked", "Verification revoked" },
};

/* What the feedback pages work on. */
struct fb_target {
	struct live_lesson	*s;
	const struct live_participant *learner;
	struct live_feedback	*f;	/* NULL: none given yet */
};

/*
 * Load the lesson of the path (:id), the participant its second id
 * names and their feedback, for the lesson's teacher or an
 * administrator.  Returns 1, or 0 once 404 or 503 was sent (the loader
 * contract): another teacher gets 404, as for the lesson itself.
 */
static int
feedback_load(struct req *r, struct fb_target *t)
{
	struct live_participant	*p = NULL;
	size_t			 np = 0, i;
	enum db_rc		 rc;

	memset(t, 0, sizeof(*t));
	rc = db_live_get(r->db, r->a, r->ids[0], &t->s);
	if (rc == DB_OK && t->s != NULL)
		rc = db_live_participants(r->db, r->a, t->s->id, &p, &np);
	if (!load_found(r, rc, t->s, missing))
		return 0;
	if (r->user->role != ROLE_ADMIN && t->s->teacher_id != r->user->id)
		return load_refuse(r, missing);
	for (i = 0; i < np; i++)
		if (p[i].learner_id == r->ids[1])
			t->learner = &p[i];
	if (t->learner == NULL)
		return load_refuse(r, "This learner is not in this session.");
	if (db_feedback_get(r->db, r->a, t->s->id, t->learner->learner_id,
	    &t->f) != DB_OK) {
		send_db_error(r);
		return 0;
	}
	return 1;
}

/* The feedback's path. */
static const char *
feedback_path(struct req *r, int64_t sid, int64_t lid)
{
	return arena_printf(r->a, "/platform/sessions/%lld/feedback/%lld",
	    (long long)sid, (long long)lid);
}

/*
 * The feedback page: the form (with the posted values and their errors
 * when posted is set, form_msg above it), or the verified values; the
 * actions and the history.  Returns the status sent.
 */
static int
feedback_page(struct req *r, const struct fb_target *t, int posted,
    const char *form_msg, int status)
{
	struct feedback_log	*log = NULL;
	struct tpl_dict		*d, *e, *o, *v;
	const struct live_feedback *f = t->f;
	const struct pval	*pv;
	const char		*raw;
	size_t			 nlog = 0, i, k;
	int			 val;

	if (f != NULL && db_feedback_log(r->db, r->a, f->id, &log,
	    &nlog) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "schedule-feedback.tpl", arena_printf(r->a,
	    "Feedback: %s", t->learner->name));
	tpl_set_int(d, "LIVE_ID", t->s->id);
	tpl_set_int(d, "LEARNER_ID", t->learner->learner_id);
	tpl_set(d, "LEARNER_NAME", t->learner->name);
	tpl_set(d, "LESSON_NAME", live_title(r->a, t->s));
	tpl_set(d, "STARTS", show_time(r, t->s->starts_at));
	tpl_set(d, "STATE", f == NULL ? "Not given" :
	    feedback_state_label(f->state));
	tpl_set(d, "STATE_VALUE", f == NULL ? "none" :
	    f->state == FEEDBACK_VERIFIED ? "verified" : "waiting");
	if (f != NULL && f->state == FEEDBACK_VERIFIED) {
		v = tpl_section(d, "VERIFIED");
		for (k = 0; k < FEEDBACK_SCORES; k++) {
			e = tpl_section(v, "SHOWN_SCORE");
			tpl_set(e, "SKILL", feedback_skills[k].label);
			tpl_set(e, "FIELD", feedback_skills[k].field);
			tpl_set(e, "VALUE", f->scores[k] > 0 ? arena_printf(
			    r->a, "%d / 5", f->scores[k]) : "Not scored");
		}
		tpl_set(v, "COMMENT_TEXT", empty(f->comment) ? "No comment." :
		    f->comment);
	} else {
		v = tpl_section(d, "EDIT");
		if (form_msg != NULL)
			form_error(v, "FORM_ERROR", form_msg);
		for (k = 0; k < FEEDBACK_SCORES; k++) {
			e = tpl_section(v, "SKILL");
			tpl_set(e, "FIELD", feedback_skills[k].field);
			tpl_set(e, "LABEL", feedback_skills[k].label);
			val = f != NULL ? f->scores[k] : 0;
			if (posted) {
				pv = P(r, feedback_skills[k].field);
				raw = pv != NULL ? pv->raw : NULL;
				val = pv != NULL && pv->error == NULL &&
				    !empty(raw) ? (int)pv->num : 0;
				if (pv != NULL && pv->error != NULL)
					form_error(e, "ERROR", pv->error);
			}
			for (i = 1; i <= 5; i++) {
				o = tpl_section(e, "OPT");
				tpl_set_int(o, "N", (long long)i);
				if ((int)i == val)
					tpl_show(o, "SELECTED");
			}
			if (val == 0)
				tpl_show(e, "NONE_SELECTED");
		}
		if (posted) {
			pv = P(r, "comment");
			tpl_set(v, "COMMENT_VALUE", pv != NULL &&
			    pv->raw != NULL ? pv->raw : "");
			if (pv != NULL && pv->error != NULL)
				form_error(v, "COMMENT_ERROR", pv->error);
		} else
			tpl_set(v, "COMMENT_VALUE", f != NULL &&
			    f->comment != NULL ? f->comment : "");
		tpl_set_int(v, "COMMENT_MAX", FEEDBACK_COMMENT_MAX);
		if (f != NULL)
			tpl_show(v, "CAN_VERIFY");
	}
	for (i = 0; i < nlog; i++) {
		e = tpl_section(d, "LOG");
		tpl_set(e, "WHEN", show_time(r, log[i].changed_at));
		tpl_set(e, "WHO", log[i].user_name != NULL ? log[i].user_name :
		    "Lectern");
		tpl_set(e, "WHAT", log[i].action);
		for (k = 0; k < sizeof(actions) / sizeof(actions[0]); k++)
			if (strcmp(log[i].action, actions[k].action) == 0)
				tpl_set(e, "WHAT", actions[k].label);
		tpl_set(e, "BEFORE", log[i].before != NULL ? log[i].before :
		    "(none)");
		tpl_set(e, "AFTER", log[i].after);
	}
	if (nlog == 0)
		tpl_show(d, "NO_LOG");
	return page_send(r, status);
}

/*
 * GET /platform/sessions/:id/feedback/:id: the feedback of a learner
 * of a completed lesson.  Statuses: 200, 404, 409, 503.
 */
int
page_feedback_show(struct req *r)
{
	struct fb_target	 t;

	if (!feedback_load(r, &t))
		return r->status;
	if (t.s->status != LIVE_ENDED)
		return send_error(r, 409, "Feedback is given after the "
		    "session is completed.");
	return feedback_page(r, &t, 0, NULL, 200);
}

/*
 * POST /platform/sessions/:id/feedback/:id: give or change the scores
 * and the teacher comment.  Verified feedback is refused until its
 * verification is revoked.  Statuses: 303, 404, 409, 422, 503.
 */
int
page_feedback_save(struct req *r)
{
	struct fb_target	 t;
	struct live_feedback	 in;
	enum feedback_change	 out;
	size_t			 k;
	int			 any = 0;

	if (!feedback_load(r, &t))
		return r->status;
	if (t.s->status != LIVE_ENDED)
		return send_error(r, 409, "Feedback is given after the "
		    "session is completed.");
	if (t.f != NULL && t.f->state == FEEDBACK_VERIFIED)
		return send_error(r, 409, verified_msg);
	if (r->nerrors > 0)
		return feedback_page(r, &t, 1, "The feedback was not saved: "
		    "correct the fields below.", 422);
	memset(&in, 0, sizeof(in));
	for (k = 0; k < FEEDBACK_SCORES; k++) {
		if (P_str(r, feedback_skills[k].field) != NULL)
			in.scores[k] = (int)P_num(r, feedback_skills[k].field);
		any |= in.scores[k] != 0;
	}
	in.comment = blank(P_str(r, "comment")) ? NULL :
	    (char *)P_str(r, "comment");
	if (!any && in.comment == NULL)
		return feedback_page(r, &t, 1, "Give at least one score or a "
		    "teacher comment.", 422);
	if (db_feedback_save(r->db, r->a, t.s->id, t.learner->learner_id,
	    &in, r->user->id, &out) != DB_OK)
		return send_db_error(r);
	switch (out) {
	case FEEDBACK_IS_VERIFIED:
		return send_error(r, 409, verified_msg);
	case FEEDBACK_UNCHANGED:
		flash_set(r, "Nothing changed.");
		break;
	default:
		flash_set(r, "Saved the feedback. It waits for verification "
		    "in Homework.");
		break;
	}
	return send_redirect(r, feedback_path(r, t.s->id,
	    t.learner->learner_id));
}

/* Verify (verify set) or revoke; the answer of the two routes below. */
static int
feedback_state_change(struct req *r, int verify)
{
	struct fb_target	 t;
	enum feedback_change	 out;

	if (!feedback_load(r, &t))
		return r->status;
	if (db_feedback_verify(r->db, r->a, t.s->id, t.learner->learner_id,
	    verify, r->user->id, &out) != DB_OK)
		return send_db_error(r);
	switch (out) {
	case FEEDBACK_MISSING:
		return send_error(r, 409, "There is no feedback to verify "
		    "yet: give it first.");
	case FEEDBACK_IS_VERIFIED:
		return send_error(r, 409, "This feedback is already "
		    "verified.");
	case FEEDBACK_NOT_VERIFIED:
		return send_error(r, 409, "This feedback is not verified: "
		    "there is no verification to revoke.");
	default:
		break;
	}
	flash_set(r, arena_printf(r->a, verify ? "Verified the feedback of "
	    "%s." : "Revoked the verification of the feedback of %s.",
	    t.learner->name));
	if (P_str(r, "back") != NULL)
		return send_redirect(r, "/platform/homework");
	return send_redirect(r, feedback_path(r, t.s->id,
	    t.learner->learner_id));
}

/*
 * POST /platform/sessions/:id/feedback/:id/verify: "Verify".
 * Statuses: 303, 404, 409, 503.
 */
int
page_feedback_verify(struct req *r)
{
	return feedback_state_change(r, 1);
}

/*
 * POST /platform/sessions/:id/feedback/:id/revoke: "Revoke
 * verification".  Statuses: 303, 404, 409, 503.
 */
int
page_feedback_revoke(struct req *r)
{
	return feedback_state_change(r, 0);
}

/* The first HOMEWORK_EXCERPT characters of s, "..." when cut; "" for
 * NULL.  An arena string. */
static const char *
short_text(struct req *r, const char *s)
{
	size_t	 cut;

	if (empty(s))
		return "";
	if (utf8_chars(s) <= HOMEWORK_EXCERPT)
		return s;
	cut = utf8_prefix(s, HOMEWORK_EXCERPT);
	return arena_printf(r->a, "%.*s...", (int)cut, s);
}

/*
 * The UTC instant of local midnight of the date parameter name, days
 * later, in the viewer's zone; NULL when absent or invalid.
 */
static const char *
date_bound(struct req *r, const char *name, int days)
{
	const struct pval	*pv = P(r, name);
	char			*out;
	time_t			 t;

	if (pv == NULL || pv->raw == NULL || pv->error != NULL ||
	    empty(pv->raw))
		return NULL;
	if (!local_to_utc(viewer_zone(r), pv->y, pv->mo, pv->d, 0, 0, &t))
		return NULL;
	out = arena_alloc(r->a, DBTIME_LEN);
	dbtime_format(t + (time_t)days * 86400, out);
	return out;
}

/*
 * GET /platform/homework: the feedback of the teacher's lessons (every
 * teacher's for administrators), latest lessons first, filtered by
 * state, learner and lesson dates.  Statuses: 200, 400, 503.
 */
int
page_homework(struct req *r)
{
	static const char *const keep[] = { "state", "learner", "from", "to",
	    NULL };
	struct feedback_filter	 flt;
	struct live_feedback	*f;
	struct feedback_person	*who;
	struct tpl_dict		*d, *e, *any = NULL, *o;
	const char		*st;
	size_t			 n, nwho, i, k, shown;
	int			 admin = r->user->role == ROLE_ADMIN;

	memset(&flt, 0, sizeof(flt));
	flt.teacher_id = admin ? 0 : r->user->id;
	st = P_str(r, "state");
	flt.state = st == NULL ? -1 : strcmp(st, "verified") == 0 ?
	    FEEDBACK_VERIFIED : FEEDBACK_WAITING;
	flt.learner_id = P_num(r, "learner");
	flt.from = date_bound(r, "from", 0);
	flt.to = date_bound(r, "to", 1);
	flt.after = P_str(r, "after_text");
	flt.after_id = P_num(r, "after_id");
	if (db_feedback_list(r->db, r->a, &flt, &f, &n) != DB_OK ||
	    db_feedback_learners(r->db, r->a, flt.teacher_id, &who,
	    &nwho) != DB_OK)
		return send_db_error(r);
	d = page_begin(r, "schedule-homework.tpl", "Homework");
	tpl_set(d, "WHOSE", admin ? "every teacher's" : "your");
	o = tpl_section(d, "STATE_OPT");
	tpl_set(o, "VALUE", "waiting");
	tpl_set(o, "LABEL", feedback_state_label(FEEDBACK_WAITING));
	if (flt.state == FEEDBACK_WAITING)
		tpl_show(o, "SELECTED");
	o = tpl_section(d, "STATE_OPT");
	tpl_set(o, "VALUE", "verified");
	tpl_set(o, "LABEL", feedback_state_label(FEEDBACK_VERIFIED));
	if (flt.state == FEEDBACK_VERIFIED)
		tpl_show(o, "SELECTED");
	for (i = 0; i < nwho; i++) {
		o = tpl_section(d, "LEARNER_OPT");
		tpl_set_int(o, "ID", who[i].id);
		tpl_set(o, "NAME", who[i].name);
		if (who[i].id == flt.learner_id)
			tpl_show(o, "SELECTED");
	}
	tpl_set(d, "FROM_VALUE", P_str(r, "from") ? P_str(r, "from") : "");
	tpl_set(d, "TO_VALUE", P_str(r, "to") ? P_str(r, "to") : "");
	shown = n > FEEDBACK_PAGE ? FEEDBACK_PAGE : n;
	for (i = 0; i < shown; i++) {
		struct buf	 b;
		int		 scored = 0;

		if (any == NULL)
			any = tpl_section(d, "ANY");
		e = tpl_section(any, "ROW");
		tpl_set_int(e, "LIVE_ID", f[i].session_id);
		tpl_set_int(e, "LEARNER_ID", f[i].learner_id);
		tpl_set(e, "LESSON_NAME", f[i].lesson_name);
		tpl_set(e, "STARTS", show_time(r, f[i].starts_at));
		tpl_set(e, "LEARNER_NAME", f[i].learner_name);
		tpl_set(e, "TEACHER_NAME", f[i].teacher_name);
		if (admin)
			tpl_show(e, "ADMIN_COL");
		tpl_set(e, "STATE", feedback_state_label(f[i].state));
		tpl_set(e, "STATE_VALUE", f[i].state == FEEDBACK_VERIFIED ?
		    "verified" : "waiting");
		buf_init(&b);
		for (k = 0; k < FEEDBACK_SCORES; k++)
			if (f[i].scores[k] > 0) {
				buf_printf(&b, "%s%s %d", scored ? ", " : "",
				    feedback_skills[k].label, f[i].scores[k]);
				scored = 1;
			}
		tpl_set(e, "SCORES", scored ? b.data : "No scores");
		buf_free(&b);
		tpl_set(e, "COMMENT", short_text(r, f[i].comment));
		tpl_show(e, f[i].state == FEEDBACK_VERIFIED ? "CAN_REVOKE" :
		    "CAN_VERIFY");
	}
	if (shown == 0)
		tpl_show(d, "NONE");
	pager_links(r, d, "/platform/homework", keep, n > FEEDBACK_PAGE,
	    shown > 0 ? f[shown - 1].starts_at : NULL,
	    shown > 0 ? f[shown - 1].id : 0);
	return page_send(r, 200);
}
