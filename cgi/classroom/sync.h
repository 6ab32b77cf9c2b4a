/*
 * classroom-sync.h: what the worker learns from the conferencing
 * provider about past and running classroom sessions (classroom-sync.c),
 * the SQL behind it (db-callback.c), and the summary page's recording
 * actions (page-recordings.c).
 *
 * The worker asks BigBlueButton for the recordings of recently ended,
 * recorded sessions until each has its playback address, and ends here
 * the sessions whose meeting is no longer running on the server (an end
 * callback that never came).  Each step is bounded per pass; a provider
 * failure is logged once and the step is tried again next pass.
 */
#ifndef LECTERN_CLASSROOM_SYNC_H
#define LECTERN_CLASSROOM_SYNC_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"

struct arena;
struct config;
struct req;

/* Sessions asked about per pass, at most. */
#define SYNC_SESSIONS		20
/* Recordings asked for per session (one page). */
#define SYNC_RECORDINGS		20
/* Minutes a meeting is given before "not running" means it ended. */
#define SYNC_MISSED_MINUTES	10
#define SYNC_MISSED_SESSIONS	50

struct classroom_sync_stats {
	int		 checked;	/* recorded sessions asked about */
	int		 stored;	/* recording rows new or changed */
	int		 ended;		/* sessions ended: not running */
	int		 failed;	/* provider calls that failed */
};

/* classroom-sync.c: the worker's two steps.  Return DB_OK or the
 * database failure that stopped them; provider failures are counted. */
enum db_rc	classroom_sync_recordings(struct db *, const struct config *,
		    struct classroom_sync_stats *);
enum db_rc	classroom_sync_missed(struct db *, const struct config *,
		    long long now_ms, struct classroom_sync_stats *);

/* A session the worker asks the provider about. */
struct classroom_due {
	int64_t		 id;
	char		*meeting_id;
};

/* One recording row, for the summary's actions. */
struct classroom_recording_row {
	int64_t		 id;
	int64_t		 session_id;
	char		*record_id;
	char		*state;
};

/* db-callback.c */
/*
 * Recorded sessions whose recordings are still to learn, never asked
 * first, then the least recently asked; none asked in the last minutes.
 */
enum db_rc	db_sync_recordings_due(struct db *, struct arena *, int limit,
		    struct classroom_due **, size_t *);
/* Note that the server was just asked about session sid's recordings. */
enum db_rc	db_sync_recordings_checked(struct db *, int64_t sid);
enum db_rc	db_sync_missed_due(struct db *, struct arena *,
		    long long before_ms, int limit, struct classroom_due **,
		    size_t *);
/*
 * Store what the provider says of recording record_id of session sid
 * (state processing, published or unpublished; times in ms, 0 unknown),
 * with a "recording" event when the row is new; rows deleted by a
 * person and rows of another session stay.  *changed 1 when a row was
 * added or changed.
 */
enum db_rc	db_sync_recording(struct db *, int64_t sid,
		    const char *record_id, const char *state,
		    const char *playback_url, long long start_time,
		    long long end_time, int *changed);
enum db_rc	db_recording_get(struct db *, struct arena *, int64_t id,
		    struct classroom_recording_row **);
/* Set the state of recording id of session sid unless deleted. */
enum db_rc	db_recording_state(struct db *, int64_t id, int64_t sid,
		    const char *state, int *changed);

/* page-recordings.c: POST /platform/classroom/:id/recordings/:id/... */
int	page_recording_publish(struct req *);
int	page_recording_unpublish(struct req *);
int	page_recording_delete(struct req *);

#endif
