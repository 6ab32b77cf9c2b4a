/*
 * page-recordings.c: a session's recordings on its summary page:
 * publish, unpublish and delete, for the classroom's admins (channel
 * admins, site administrators, the lesson's teacher).  The provider is
 * told first; our row changes only when it said yes, so a server that
 * does not answer leaves everything as it was here, and the worker's
 * next pass reads back what the server did (it may have acted before
 * failing); each action can simply be tried again.  A deleted row stays in
 * the table (the worker's sync must not bring it back) but is hidden.
 */
#include <stdio.h>
#include <string.h>

#include "classroom/classroom.h"
#include "conference/conference.h"
#include "conference/health.h"
#include "core/auth.h"
#include "core/db.h"
#include "core/layout.h"
#include "core/out.h"
#include "core/req.h"
#include "core/routes.h"
#include "lib/util.h"

static const char no_session[] = "There is no such classroom session.";
static const char no_recording[] = "There is no such recording.";

enum rec_action {
	REC_PUBLISH,
	REC_UNPUBLISH,
	REC_DELETE
};

/*
 * Publish, unpublish or delete recording r->ids[1] of session r->ids[0]
 * at the provider, then here.  Returns the status sent.
 */
static int
recording_action(struct req *r, enum rec_action act)
{
	const struct conf_provider	*p;
	struct conf_pass		 pass;
	struct classroom		*c;
	struct classroom_access		 acc;
	struct classroom_recording_row	*rec;
	const char			*state;
	char				*err = NULL;
	enum conf_rc			 crc;
	int				 changed;

	if ((c = classroom_load(r, &acc, no_session)) == NULL)
		return r->status;
	if (acc.role == CR_NONE && !acc.removed)
		return send_error(r, 404, no_session);
	if (!acc.admin)
		return send_error(r, 403, "Only the classroom's admins can "
		    "manage its recordings.");
	if (db_recording_get(r->db, r->a, r->ids[1], &rec) != DB_OK)
		return send_db_error(r);
	/* Another session's recording is not this session's business. */
	if (rec == NULL || rec->session_id != c->id ||
	    strcmp(rec->state, "deleted") == 0)
		return send_error(r, 404, no_recording);
	if (act != REC_DELETE && strcmp(rec->state, "processing") == 0)
		return send_error(r, 409, "This recording is still being "
		    "processed. Please try again later.");
	if ((p = conf_provider_named(c->provider)) == NULL)
		return send_error(r, 404, no_recording);
	/* Not answering lately: nothing asked, nothing changed. */
	if (!conf_health_admit(r->db, r->a, p, &pass))
		return send_error(r, 503, classroom_unavailable);
	if (act == REC_DELETE) {
		crc = p->delete_recording(r->cfg, r->a, rec->record_id, &err);
		conf_health_after(r->db, r->a, &pass);
		/* Gone on the server already: gone here too. */
		if (crc == CONF_NOT_FOUND)
			crc = CONF_OK;
		state = "deleted";
	} else {
		crc = p->publish(r->cfg, r->a, rec->record_id,
		    act == REC_PUBLISH, &err);
		conf_health_after(r->db, r->a, &pass);
		state = act == REC_PUBLISH ? "published" : "unpublished";
	}
	if (crc == CONF_NOT_FOUND) {
		/* Gone there: shown as gone here, nothing left to click. */
		if (db_recording_state(r->db, rec->id, c->id, "deleted",
		    &changed) != DB_OK)
			return send_db_error(r);
		return send_error(r, 409, "The conferencing server no longer "
		    "has this recording.");
	}
	if (crc != CONF_OK) {
		/*
		 * The server may have acted before failing to answer: the
		 * next worker pass reads back what it has.
		 */
		if (db_sync_recordings_recheck(r->db, c->id) != DB_OK)
			fprintf(stderr, "lectern: classroom %lld: recordings "
			    "not marked for a check\n", (long long)c->id);
		fprintf(stderr, "lectern: classroom %lld: recording %lld: %s "
		    "%s failed (%s): %s\n", (long long)c->id,
		    (long long)rec->id, p->name, act == REC_DELETE ? "delete" :
		    act == REC_PUBLISH ? "publish" : "unpublish",
		    crc == CONF_UNAVAILABLE ? "unavailable" : "failed",
		    err != NULL ? err : "no reason given");
		return send_error(r, 503, classroom_unavailable);
	}
	if (db_recording_state(r->db, rec->id, c->id, state, &changed) !=
	    DB_OK)
		return send_db_error(r);
	flash_set(r, act == REC_DELETE ? "Recording deleted." :
	    act == REC_PUBLISH ? "Recording published." :
	    "Recording unpublished.");
	return send_redirect(r, arena_printf(r->a,
	    "/platform/classroom/%lld/summary#recordings", (long long)c->id));
}

/*
 * POST /platform/classroom/:id/recordings/:id/publish (unpublish,
 * delete).  Statuses: 303, 403 (not an admin of the classroom), 404,
 * 409 (still processing, gone from the server), 503.
 */
int
page_recording_publish(struct req *r)
{
	return recording_action(r, REC_PUBLISH);
}

int
page_recording_unpublish(struct req *r)
{
	return recording_action(r, REC_UNPUBLISH);
}

int
page_recording_delete(struct req *r)
{
	return recording_action(r, REC_DELETE);
}
