/*
 * sync.c: the worker's classroom steps.  BigBlueButton tells
 * us about recordings by a callback that carries no playback address,
 * and a meeting can end without its end callback reaching us (our site
 * was down, the server restarted).  So each pass asks the server: the
 * recordings of recently ended recorded sessions until they have their
 * playback address, and whether the meetings we think are running
 * still are.  And the other way round: a meeting we ended while the
 * server could not be told is ended there until the server confirms.
 * Once a recording is published, its caption tracks are fetched and
 * kept as transcripts of the session.
 * The steps are bounded; when the server does not answer,
 * the step stops after one log line and the next pass tries again.
 */
#include <stdio.h>
#include <string.h>

#include "classroom/classroom.h"
#include "conference/conference.h"
#include "core/config.h"
#include "core/db.h"
#include "lib/util.h"
#include "lib/vtt.h"

/* Sessions asked about per pass, at most. */
#define SYNC_SESSIONS		20
/* Recordings asked for per session (one page). */
#define SYNC_RECORDINGS		20
/* Minutes a meeting is given before "not running" means it ended. */
#define SYNC_MISSED_MINUTES	10
#define SYNC_MISSED_SESSIONS	50
/* Pending ends tried per pass, at most. */
#define SYNC_ENDS		50
/* Recordings whose caption tracks are fetched per pass, at most. */
#define SYNC_TRACKS		20
/* Caption tracks of one recording downloaded, at most. */
#define SYNC_TRACK_FILES	8

/* Our state for the provider's; NULL for a state we do not keep. */
static const char *
our_state(const struct conf_recording *rec)
{
	if (rec->state == NULL)
		return rec->published ? "published" : NULL;
	if (strcmp(rec->state, "published") == 0)
		return "published";
	if (strcmp(rec->state, "unpublished") == 0)
		return "unpublished";
	if (strcmp(rec->state, "processing") == 0 ||
	    strcmp(rec->state, "processed") == 0)
		return "processing";
	return NULL;
}

/*
 * After a full list of session sid's recordings (recs, n) came from
 * the server: a recording shown here that the list lacks was deleted
 * there, and is marked deleted here.  *changed counts the rows.
 */
static enum db_rc
drop_missing(struct db *db, struct arena *a, int64_t sid,
    const struct conf_recording *recs, size_t n, int *changed)
{
	struct classroom_rec	*ours;
	size_t			 nours, i, j;
	enum db_rc		 rc;
	int			 ch;

	if ((rc = db_classroom_recordings(db, a, sid, &ours, &nours)) !=
	    DB_OK)
		return rc;
	for (i = 0; i < nours; i++) {
		if (strcmp(ours[i].state, "published") != 0 &&
		    strcmp(ours[i].state, "unpublished") != 0)
			continue;
		for (j = 0; j < n; j++)
			if (recs[j].record_id != NULL &&
			    strcmp(recs[j].record_id, ours[i].record_id) == 0)
				break;
		if (j < n)
			continue;
		if ((rc = db_recording_state(db, ours[i].id, sid, "deleted",
		    &ch)) != DB_OK)
			return rc;
		*changed += ch;
	}
	return DB_OK;
}

/* Log a provider call about session sid that failed. */
static void
log_failure(const char *what, int64_t sid, enum conf_rc rc, const char *err)
{
	fprintf(stderr, "lecternctl: worker: classroom %lld: bbb %s failed "
	    "(%s): %s\n", (long long)sid, what, rc == CONF_UNAVAILABLE ?
	    "unavailable" : "failed", err != NULL ? err : "no reason given");
}

enum db_rc
classroom_sync_recordings(struct db *db, const struct config *cfg,
    struct classroom_sync_stats *st)
{
	const struct conf_provider	*p = &conf_bbb;
	struct arena			*a = arena_new(), *ca;
	struct classroom_due		*due;
	struct conf_recording		*recs;
	const char			*state;
	size_t				 n, nrecs, i, j;
	char				*err;
	enum conf_rc			 crc;
	enum db_rc			 rc;
	int				 changed;

	if ((rc = db_sync_recordings_due(db, a, SYNC_SESSIONS, &due, &n)) !=
	    DB_OK)
		goto out;
	for (i = 0; i < n; i++) {
		ca = arena_new();
		err = NULL;
		recs = NULL;
		nrecs = 0;
		st->checked++;
		crc = p->recordings(cfg, ca, due[i].meeting_id, 0,
		    SYNC_RECORDINGS, &recs, &nrecs, &err);
		/* Asked (unless the server is down): the next ones go first. */
		if (crc != CONF_UNAVAILABLE &&
		    (rc = db_sync_recordings_checked(db, due[i].id)) != DB_OK) {
			arena_free(ca);
			goto out;
		}
		if (crc != CONF_OK && crc != CONF_NOT_FOUND) {
			st->failed++;
			log_failure("recordings", due[i].id, crc, err);
			arena_free(ca);
			/* The server is down: the others would wait too. */
			if (crc == CONF_UNAVAILABLE) {
				st->down = 1;
				break;
			}
			continue;
		}
		for (j = 0; crc == CONF_OK && j < nrecs; j++) {
			if (recs[j].record_id == NULL ||
			    (state = our_state(&recs[j])) == NULL ||
			    (recs[j].meeting_id != NULL &&
			    strcmp(recs[j].meeting_id, due[i].meeting_id) != 0))
				continue;
			if ((rc = db_sync_recording(db, due[i].id,
			    recs[j].record_id, state, recs[j].playback_url,
			    recs[j].start_time, recs[j].end_time, &changed)) !=
			    DB_OK)
				break;
			st->stored += changed;
		}
		/* The whole list (one short page): what it lacks is gone. */
		if (rc == DB_OK && crc == CONF_OK && nrecs < SYNC_RECORDINGS) {
			changed = 0;
			rc = drop_missing(db, ca, due[i].id, recs, nrecs,
			    &changed);
			st->stored += changed;
		}
		arena_free(ca);
		if (rc != DB_OK)
			goto out;
	}
out:
	arena_free(a);
	return rc;
}

enum db_rc
classroom_sync_missed(struct db *db, const struct config *cfg,
    long long now_ms, struct classroom_sync_stats *st)
{
	const struct conf_provider	*p = &conf_bbb;
	struct arena			*a = arena_new(), *ca;
	struct classroom_due		*due;
	size_t				 n, i;
	char				*err;
	enum conf_rc			 crc;
	enum db_rc			 rc;
	int				 running, ended;

	if ((rc = db_sync_missed_due(db, a, now_ms - SYNC_MISSED_MINUTES *
	    60 * 1000LL, SYNC_MISSED_SESSIONS, &due, &n)) != DB_OK)
		goto out;
	for (i = 0; i < n; i++) {
		ca = arena_new();
		err = NULL;
		running = 1;
		crc = p->is_running(cfg, ca, due[i].meeting_id, &running,
		    &err);
		if (crc != CONF_OK && crc != CONF_NOT_FOUND) {
			st->failed++;
			log_failure("isMeetingRunning", due[i].id, crc, err);
			arena_free(ca);
			if (crc == CONF_UNAVAILABLE) {
				st->down = 1;
				break;
			}
			continue;
		}
		arena_free(ca);
		if (crc == CONF_OK && running)
			continue;
		if ((rc = db_classroom_end(db, due[i].id, 0, "provider",
		    "not running on the server", &ended)) != DB_OK)
			goto out;
		st->ended += ended;
	}
out:
	arena_free(a);
	return rc;
}

enum db_rc
classroom_sync_ends(struct db *db, const struct config *cfg,
    struct classroom_sync_stats *st)
{
	const struct conf_provider	*p = &conf_bbb;
	struct arena			*a = arena_new(), *ca;
	struct classroom_due		*due;
	size_t				 n, i;
	char				*err;
	enum conf_rc			 crc;
	enum db_rc			 rc;
	int				 confirmed;

	if ((rc = db_sync_ends_due(db, a, SYNC_ENDS, &due, &n)) != DB_OK)
		goto out;
	for (i = 0; i < n; i++) {
		ca = arena_new();
		err = NULL;
		crc = p->end(cfg, ca, due[i].meeting_id, &err);
		/* notFound: the meeting is not there (any more). */
		confirmed = crc == CONF_OK || crc == CONF_NOT_FOUND;
		if (!confirmed) {
			st->failed++;
			log_failure("end", due[i].id, crc, err);
		}
		arena_free(ca);
		if ((rc = db_sync_end_tried(db, due[i].id, confirmed)) !=
		    DB_OK)
			goto out;
		if (crc == CONF_UNAVAILABLE) {
			st->down = 1;
			break;
		}
	}
out:
	arena_free(a);
	return rc;
}

/* 1 when a track of this kind is a transcript of what was said. */
static int
spoken_kind(const char *kind)
{
	return kind != NULL && (strcmp(kind, "captions") == 0 ||
	    strcmp(kind, "subtitles") == 0);
}

/*
 * The name a fetched track is listed with: "captions-en-US.vtt", its
 * language kept to letters, digits, '-' and '_'.  An arena string.
 */
static char *
track_name(struct arena *a, const struct conf_track *t)
{
	char	*lang = arena_strndup(a, t->lang != NULL ? t->lang : "", 35);
	char	*p;

	for (p = lang; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			*p = '_';
	return arena_printf(a, "%s%s%s.vtt", t->kind, *lang != '\0' ? "-" :
	    "", lang);
}

/* A spoken track and its file, once downloaded. */
struct track_file {
	const struct conf_track	*t;
	char			*data;
	size_t			 len;
};

/*
 * Download the spoken tracks of recording record_id of session sid
 * (at most SYNC_TRACK_FILES) into files, *nfiles of them; a track the
 * server refuses is logged and left out.  Returns CONF_UNAVAILABLE when
 * the server did not answer (nothing is kept: the next pass asks
 * again), else CONF_OK.
 */
static enum conf_rc
download_tracks(const struct config *cfg, struct arena *a, int64_t sid,
    const struct conf_track *tracks, size_t n, struct track_file *files,
    size_t *nfiles, struct classroom_sync_stats *st)
{
	const struct conf_provider	*p = &conf_bbb;
	struct track_file		*f;
	size_t				 i;
	char				*err;
	enum conf_rc			 crc;

	*nfiles = 0;
	for (i = 0; i < n && *nfiles < SYNC_TRACK_FILES; i++) {
		if (!spoken_kind(tracks[i].kind))
			continue;
		f = &files[*nfiles];
		f->t = &tracks[i];
		err = NULL;
		crc = p->track_file(cfg, a, tracks[i].href, VTT_MAX_BYTES,
		    &f->data, &f->len, &err);
		if (crc != CONF_OK) {
			st->failed++;
			log_failure("caption track", sid, crc, err);
			if (crc == CONF_UNAVAILABLE)
				return crc;
			continue;
		}
		(*nfiles)++;
	}
	return CONF_OK;
}

/*
 * Store the downloaded tracks of recording record_id of session sid:
 * each read whole as WebVTT, or logged and left out.
 */
static enum db_rc
store_tracks(struct db *db, struct arena *a, int64_t sid,
    const char *record_id, const struct track_file *files, size_t n,
    struct classroom_sync_stats *st)
{
	struct classroom_transcript	*have;
	struct vtt_cue			*cues;
	size_t				 i, ncues, nhave;
	char				 why[200], *name;
	enum db_rc			 rc;
	int64_t				 id;

	if ((rc = db_transcripts(db, a, sid, &have, &nhave)) != DB_OK)
		return rc;
	for (i = 0; i < n; i++) {
		name = track_name(a, files[i].t);
		if (nhave >= TRANSCRIPTS_MAX) {
			fprintf(stderr, "lecternctl: worker: classroom %lld: "
			    "recording %s: the session holds %d transcripts; "
			    "%s left out\n", (long long)sid, record_id,
			    TRANSCRIPTS_MAX, name);
			continue;
		}
		if (!vtt_parse(a, files[i].data, files[i].len, &cues, &ncues,
		    why, sizeof(why))) {
			fprintf(stderr, "lecternctl: worker: classroom %lld: "
			    "recording %s: caption track %s left out: %s\n",
			    (long long)sid, record_id, name, why);
			continue;
		}
		if ((rc = db_transcript_add(db, sid, 0, name, cues, ncues,
		    &id)) != DB_OK)
			return rc;
		nhave++;
		st->transcripts++;
	}
	return DB_OK;
}

enum db_rc
classroom_sync_tracks(struct db *db, const struct config *cfg,
    struct classroom_sync_stats *st)
{
	const struct conf_provider	*p = &conf_bbb;
	struct arena			*a = arena_new(), *ca;
	struct classroom_due		*due;
	struct conf_track		*tracks;
	struct track_file		 files[SYNC_TRACK_FILES];
	size_t				 n, ntracks, nfiles, i;
	char				*err;
	enum conf_rc			 crc;
	enum db_rc			 rc = DB_OK;

	/* An earlier step of this pass found the server down. */
	if (st->down)
		goto out;
	if ((rc = db_tracks_due(db, a, SYNC_TRACKS, &due, &n)) != DB_OK)
		goto out;
	for (i = 0; i < n; i++) {
		ca = arena_new();
		err = NULL;
		nfiles = 0;
		crc = p->text_tracks(cfg, ca, due[i].meeting_id, &tracks,
		    &ntracks, &err);
		if (crc != CONF_OK) {
			st->failed++;
			log_failure("getRecordingTextTracks", due[i].id, crc,
			    err);
		} else
			crc = download_tracks(cfg, ca, due[i].id, tracks,
			    ntracks, files, &nfiles, st);
		/* The server is down: this one and the others wait. */
		if (crc == CONF_UNAVAILABLE) {
			st->down = 1;
			arena_free(ca);
			break;
		}
		/* Whatever the tracks held, they are fetched once. */
		rc = store_tracks(db, ca, due[i].id, due[i].meeting_id, files,
		    nfiles, st);
		if (rc == DB_OK)
			rc = db_tracks_fetched(db, due[i].meeting_id);
		arena_free(ca);
		if (rc != DB_OK)
			goto out;
	}
out:
	arena_free(a);
	return rc;
}
