/*
 * conference.h: the conferencing providers (BigBlueButton in
 * conf-bbb.c, Jitsi Meet in conf-jitsi.c) behind one small interface.
 * Pages never call a provider while rendering: only the start, join and
 * end actions, the worker and lecternctl do.  Every network call has a
 * timeout (a few seconds for a click, bbb_timeout at most), and a
 * server that lets a click time out is not called again by clicks for
 * a while (health.h).  A provider that does not answer, answers with
 * something other than its API's XML, or answers FAILED gives a result
 * other than CONF_OK with a one-line reason for the log in *err (never
 * a secret), and the page shows a friendly message.
 */
#ifndef LECTERN_CONFERENCE_H
#define LECTERN_CONFERENCE_H

#include <stddef.h>

struct arena;
struct config;

enum conf_rc {
	CONF_OK = 0,
	CONF_UNAVAILABLE,	/* no answer, timeout, HTML, 5xx, bad XML */
	CONF_FAILED,		/* the API answered returncode FAILED */
	CONF_NOT_FOUND		/* FAILED with notFound: no such meeting */
};

/* What "create" needs.  NULL strings are left out of the call. */
struct conf_meeting {
	const char	*meeting_id;
	const char	*name;
	const char	*welcome;		/* the description */
	int		 record;		/* record + autoStartRecording */
	int		 allow_camera;		/* lockSettingsDisableCam = !this */
	int		 allow_mic;		/* lockSettingsDisableMic = !this */
	int		 mute_on_join;		/* muteOnStart */
	const char	*logout_url;		/* our channel or lesson page */
	const char	*end_callback_url;	/* meta_endCallbackUrl */
	const char	*recording_ready_url;	/* meta_bbb-recording-ready-url */
	const char	*analytics_url;		/* meta_analytics-callback-url */
	const char *const *meta_names;		/* without "meta_" */
	const char *const *meta_values;
	size_t		 nmeta;
	const char *const *slide_urls;		/* PDFs in the POST body */
	const char *const *slide_names;
	size_t		 nslides;
};

/* Who joins. */
struct conf_user {
	const char	*user_id;
	const char	*full_name;
	const char	*avatar_url;		/* NULL: none */
	int		 moderator;		/* MODERATOR or VIEWER */
};

struct conf_attendee {
	char		*user_id;
	char		*full_name;
	char		*role;			/* MODERATOR, VIEWER */
};

struct conf_info {
	int		 running;
	long long	 create_time;
	long long	 participant_count;
	struct conf_attendee *attendees;
	size_t		 nattendees;
};

struct conf_recording {
	char		*record_id;
	char		*meeting_id;
	char		*state;			/* published, unpublished, ... */
	int		 published;
	long long	 start_time, end_time;	/* ms since the epoch */
	char		*playback_url;		/* NULL: none */
};

/* One caption track of a recording (getRecordingTextTracks). */
struct conf_track {
	char		*href;			/* where its WebVTT file is */
	char		*kind;			/* captions, subtitles, ... */
	char		*label;
	char		*lang;
	char		*source;		/* upload, live, ... */
};

struct conf_provider {
	const char	*name;			/* "bbb", "jitsi" */
	/* Create the meeting; idempotent.  Sets *create_time. */
	enum conf_rc	(*create)(const struct config *, struct arena *,
			    const struct conf_meeting *, long long *create_time,
			    char **err);
	/*
	 * Let user into the meeting: *url gets the address to send them
	 * to, good for this one join.  BigBlueButton is asked itself (join
	 * with redirect=false) and answers a per-join session-token
	 * address, so the signed join address never leaves Lectern.
	 * CONF_NOT_FOUND when the server has no such meeting, or runs
	 * another one under its id (it restarted, or the meeting ended by
	 * itself): create it again, then join.  *url is never logged and
	 * never put in a shared page.
	 */
	enum conf_rc	(*join)(const struct config *, struct arena *,
			    const char *meeting_id, long long create_time,
			    const struct conf_user *, char **url, char **err);
	enum conf_rc	(*end)(const struct config *, struct arena *,
			    const char *meeting_id, char **err);
	enum conf_rc	(*is_running)(const struct config *, struct arena *,
			    const char *meeting_id, int *running, char **err);
	enum conf_rc	(*info)(const struct config *, struct arena *,
			    const char *meeting_id, struct conf_info *,
			    char **err);
	/* Recordings of one meeting, offset/limit pages. */
	enum conf_rc	(*recordings)(const struct config *, struct arena *,
			    const char *meeting_id, size_t offset, size_t limit,
			    struct conf_recording **, size_t *, char **err);
	enum conf_rc	(*publish)(const struct config *, struct arena *,
			    const char *record_id, int publish, char **err);
	enum conf_rc	(*delete_recording)(const struct config *,
			    struct arena *, const char *record_id, char **err);
	/*
	 * The caption tracks of one recording (CONF_NOT_FOUND: the server
	 * knows no such recording), and the file of one track: at most
	 * max bytes into *data (NUL-terminated) and *len.  The worker's
	 * calls, never a page's.  NULL for a provider without them.
	 */
	enum conf_rc	(*text_tracks)(const struct config *, struct arena *,
			    const char *record_id, struct conf_track **,
			    size_t *, char **err);
	enum conf_rc	(*track_file)(const struct config *, struct arena *,
			    const char *href, size_t max, char **data,
			    size_t *len, char **err);
	/*
	 * 1 when the provider's latest call in this process got no answer
	 * within its timeout (the server stalls, or takes no connection
	 * in time), 0 when it ended otherwise; read right after the call
	 * (health.h).  NULL for a provider that calls no server.
	 */
	int		(*timed_out)(void);
};

/* The provider named in the configuration (conference_provider). */
const struct conf_provider *conf_provider(const struct config *);
/* Or by name ("bbb", "jitsi"); NULL when unknown. */
const struct conf_provider *conf_provider_named(const char *);

extern const struct conf_provider conf_bbb;	/* conf-bbb.c */
extern const struct conf_provider conf_jitsi;	/* conf-jitsi.c */

/*
 * Jitsi Meet: the JWT that opens room for user, valid for ttl seconds
 * from now (HS256 with jitsi_secret; claims aud, iss, sub, room, exp,
 * nbf, context.user, moderator).  NULL when jitsi_secret is unset.
 */
char	*jitsi_token(const struct config *, struct arena *, const char *room,
	    const struct conf_user *, long long now, int ttl);

/*
 * Our own tokens in callback and file addresses: hex HMAC-SHA-256 with
 * secret_key over purpose and subject ("end", meeting id).  conf_token_ok
 * compares in constant time.
 */
void	conf_token(const struct config *, const char *purpose,
	    const char *subject, char out[65]);
int	conf_token_ok(const struct config *, const char *purpose,
	    const char *subject, const char *token);

#endif
