/*
 * classroom.h: live classrooms, the classroom domain's interface.  A
 * classroom session runs either in a channel (a named room with members
 * and channel admins) or for a live lesson of the schedule, on the
 * configured conferencing provider (conference/).  Around it Lectern
 * keeps the room page (chat, polls, slides, moderator controls,
 * presence), what the provider calls back (end, recording ready,
 * analytics) and what the worker asks it (recordings, missed ends).
 *
 * The first part is what other domains and the programs on top use:
 * the schedule (schedule/page-join.c, page-schedule.c) opens, joins and
 * ends a lesson's session and shows its history; lecternctl makes the
 * demo channel; the worker runs the sync steps.  The rest is the
 * domain's own: its pages (page-*.c), the shared logic (classroom.c),
 * the worker's steps (sync.c) and the statements (db.c).
 *
 * Functions return DB_OK or the failure; lookups that find nothing
 * return DB_OK with NULL.  Results are allocated in the given arena.
 * Instants are UTC DATETIME text, "YYYY-MM-DD HH:MM:SS".
 */
#ifndef LECTERN_CLASSROOM_H
#define LECTERN_CLASSROOM_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"

/* Slot of the statement table in classroom/db.c (see app.c). */
#define CLASSROOM_SLOT	9
extern const struct sqltable	sql_classroom;
/* Slot of the documents' and whiteboards' table (classroom/db-docs.c). */
#define CLASSROOM_DOCS_SLOT	15
extern const struct sqltable	sql_classroom_docs;
extern const struct routeset	classroom_routes;

struct arena;
struct buf;
struct config;
struct req;
struct tpl_dict;
struct user;

/* ------------------------------------------------------------------ */
/* For other domains and the programs on top                           */

struct classroom {
	int64_t		 id;
	int64_t		 channel_id;	/* 0: a live lesson's room */
	int64_t		 live_id;	/* the live lesson, 0: a channel's */
	char		*room_name;	/* the channel's name or the lesson's */
	char		*provider;	/* bbb, jitsi */
	char		*meeting_id;	/* what the provider knows */
	char		*name;
	char		*description;	/* NULL: none */
	int		 record, allow_camera, allow_mic, mute_on_join;
	int		 notify_system, notify_email;
	int		 lock_camera, lock_mic; /* for the next joins */
	char		*status;	/* active, ended */
	long long	 create_time;	/* 0: provider's create not called */
	char		*started_at;
	char		*ended_at;	/* NULL: still active */
	int		 deleted;
};

/* A user's part in a classroom session. */
enum classroom_role {
	CR_NONE = 0,		/* may not enter */
	CR_VIEWER,		/* a member or a lesson's learner */
	CR_MODERATOR		/* may moderate; may end when admin is set */
};

struct classroom_access {
	enum classroom_role	 role;
	int			 admin;	  /* channel admin, site admin, teacher */
	int			 removed; /* removed by a moderator */
	int			 promoted; /* promoted by a moderator */
};

/* Rows of one page of past sessions (the statement fetches one more). */
#define HISTORY_PAGE	20
/* Participants named on a past session's card. */
#define HISTORY_FACES	8

/* One card of a channel's or a lesson's past sessions. */
struct classroom_past {
	int64_t		 id;
	char		*name;
	char		*started_at;
	char		*ended_at;
	long long	 seconds;
	long long	 participants;
	char		**faces;	/* names, at most HISTORY_FACES */
	int64_t		*face_ids;	/* their user ids */
	char		**face_avatars;	/* their pictures' versions or NULL */
	size_t		 nfaces;
};

/* One ended session in the channel page's engagement chart. */
#define ENGAGEMENT_MAX	12	/* sessions in the chart */
struct classroom_point {
	int64_t		 id;
	char		*started_at;
	long long	 participants;	/* who joined */
	long long	 minutes;	/* theirs, summed */
};
/* The latest ENGAGEMENT_MAX ended sessions of a channel, newest first. */
enum db_rc	db_classroom_engagement(struct db *, struct arena *,
		    int64_t channel_id, struct classroom_point **, size_t *);

/* classroom.c: a live lesson's classroom */
/*
 * The active classroom session of live lesson live_id and the user's
 * part in it (into acc), opened now when the lesson has none: named
 * name, on the configured provider, cameras and microphones open,
 * nothing recorded.  NULL after sending 503.
 */
struct classroom *classroom_open_lesson(struct req *, int64_t live_id,
		    const char *name, struct classroom_access *acc);
/*
 * Let the user into session c with the part acc gives them.  Someone
 * without a part, or removed by a moderator, gets 403; an ended
 * session sends them back to its channel or lesson (303).  Otherwise
 * the provider's meeting is made when it was not yet, or again when the
 * server lost it (its "create" is called only here, just before a
 * join), the provider is asked for an address for this one join, the
 * join is counted, and the answer is the way in: a redirect to that
 * address, the embedding page, or the Jitsi room page.  That address is
 * never logged.
 * Returns the status sent: 200, 303, 403, 503.
 */
int		classroom_join(struct req *, struct classroom *c,
		    const struct classroom_access *acc);
/*
 * End the active classroom session of a live lesson, if any (the lesson
 * was completed or canceled): the provider is told, and the session is
 * ended here whatever it answers.  Failures are logged.
 */
void		classroom_end_lesson(struct req *, int64_t live_id);
/*
 * A person's face in d: section FACE_PHOTO (AVATAR_URL) when they have
 * a picture (avatar: its version as the queries give it, or NULL),
 * else FACE_INITIALS (INITIALS, AVATAR_CLASS: their initials in a
 * colour of their own, the same everywhere).
 */
void		classroom_face(struct req *, struct tpl_dict *d,
		    int64_t user_id, const char *name, const char *avatar);
/*
 * A chart of at most CHART_POINTS points into section c for the
 * template's SVG: per point (oldest first) a bar of bars[k] and a dot
 * of line[k] on a line, each scaled to its highest value, with its
 * label.  Sets CHART_W and SPARK_POINTS, and per point a section POINT
 * with POINT_DATE, POINT_BAR, POINT_LINE and the integer coordinates
 * POINT_X, POINT_Y, POINT_H, DOT_X, DOT_Y.  Arena strings.
 */
#define CHART_POINTS	12
void		classroom_chart(struct req *, struct tpl_dict *c,
		    const char *const *labels, const long long *bars,
		    const long long *line, size_t n);
/* Append one CSV cell to b: neutralised against formulas, quoted, then
 * a comma, or CRLF when last. */
void		classroom_csv_cell(struct req *, struct buf *b, const char *v,
		    int last);
/*
 * On a page with a Join Session form: let the form's answer redirect to
 * the BigBlueButton server (browsers check redirects after a form
 * against the page's form-action).
 */
void		classroom_csp_join(struct req *);

/* db.c: a live lesson's classroom */
/* The active session of a live lesson: *sid 0 when none. */
enum db_rc	db_classroom_lesson_active(struct db *, int64_t live_id,
		    int64_t *sid);
/* Ended sessions of a live lesson, newest first (at most HISTORY_PAGE). */
enum db_rc	db_classroom_lesson_history(struct db *, struct arena *,
		    int64_t live_id, struct classroom_past **, size_t *);
/*
 * Active sessions, newest first, at most limit: those of the channels
 * user_id is a member of, or (user_id 0) every active session, a live
 * lesson's too.  For the home pages.
 */
enum db_rc	db_classroom_live(struct db *, struct arena *, int64_t user_id,
		    int limit, struct classroom **, size_t *);

/* db.c: channels, for lecternctl's demo data and the admin pages */
enum db_rc	db_channel_create(struct db *, const char *name,
		    const char *description, int64_t *id);
/* DB_DUPLICATE when user already belongs; *added 0 for a disabled user. */
enum db_rc	db_channel_add_member(struct db *, int64_t id, int64_t user,
		    int admin, int *added);
/*
 * Move ended session sid and everything it left (events, chat, polls,
 * votes, participants' times) back seconds into the past, and make it
 * last the given seconds: the demo data's past sessions.  One
 * transaction; nothing changes for a session not ended.
 */
enum db_rc	db_classroom_backdate(struct db *, int64_t sid, long long back,
		    long long seconds);

/*
 * sync.c: the worker's classroom steps.  BigBlueButton is asked for
 * the recordings of recently ended, recorded sessions until each has
 * its playback address, and now and then after that, so that a
 * recording the server unpublished, published or deleted shows so
 * here; the sessions whose meeting no longer runs
 * on the server (an end callback that never came) are ended here;
 * the other way round, meetings of sessions ended here while the
 * server could not be told are ended there.  Each step is bounded per
 * pass; a provider failure is logged once and the step is tried again
 * next pass.  They return DB_OK or the database
 * failure that stopped them; provider failures are counted.
 */
struct classroom_sync_stats {
	int		 checked;	/* recorded sessions asked about */
	int		 stored;	/* recording rows new or changed */
	int		 ended;		/* sessions ended: not running */
	int		 failed;	/* provider calls that failed */
	int		 transcripts;	/* caption tracks stored */
	int		 down;		/* a call found the server down */
};

enum db_rc	classroom_sync_recordings(struct db *, const struct config *,
		    struct classroom_sync_stats *);
enum db_rc	classroom_sync_missed(struct db *, const struct config *,
		    long long now_ms, struct classroom_sync_stats *);
/*
 * The meetings of sessions ended here while the server could not be
 * told (classroom_end): the server is asked to end each again until
 * it confirms; "no such meeting" counts as ended.
 */
enum db_rc	classroom_sync_ends(struct db *, const struct config *,
		    struct classroom_sync_stats *);
/*
 * The caption tracks of published recordings not yet fetched: each
 * captions or subtitles track is downloaded, read as WebVTT and stored
 * as a transcript of the session; a bad track is logged and skipped.
 * A recording is marked fetched once the server answered about it.
 */
enum db_rc	classroom_sync_tracks(struct db *, const struct config *,
		    struct classroom_sync_stats *);

/* ------------------------------------------------------------------ */
/* Inside the domain: shared logic (classroom.c)                       */

/* The answer when the conferencing server cannot be reached. */
extern const char	classroom_unavailable[];

/*
 * The session id of the path (r->ids[0]) and the user's part in it
 * (into acc), or NULL after sending 503, or 404 with missing as the
 * message for an unknown or deleted session.
 */
struct classroom *classroom_load(struct req *, struct classroom_access *acc,
		    const char *missing);
/* Where a session's people go back to: its channel or its lesson. */
char		*classroom_back_path(struct req *, const struct classroom *);
/*
 * Tell the provider to end c's meeting (when it was made) and end the
 * session here whatever it answers, with end_reason reason, by the
 * user: a teacher must always be able to close the class.  When the
 * provider could not be told (*reached 0), the end is left pending and
 * the worker tells it later (classroom_sync_ends).  Sets *ended when
 * this call ended it.  Returns DB_OK or the database failure.
 */
enum db_rc	classroom_end(struct req *, const struct classroom *c,
		    const char *reason, int *ended, int *reached);

/*
 * Files a session keeps under the data directory, in a folder of their
 * kind (SLIDE_DIR, DOCUMENT_DIR, WHITEBOARD_DIR), each under a random
 * name of 32 hex digits; the name people gave is only shown.
 */
#define SLIDE_DIR	"slides"
#define DOCUMENT_DIR	"documents"
#define WHITEBOARD_DIR	"whiteboards"
/* A copy of s without leading and trailing white space, in the arena. */
char		*classroom_trimmed(struct arena *, const char *s);
/* "340 KB" or "2.5 MB"; an arena string. */
char		*classroom_size_text(struct arena *, long long bytes);
/*
 * The name an uploaded file is shown with: without control characters,
 * quotes, backslashes or slashes, valid UTF-8, at most 200 characters,
 * no leading dots; fallback when nothing is left.  An arena string.
 */
char		*classroom_file_label(struct arena *, const char *name,
		    const char *fallback);
/* The name for a Content-Disposition header: ASCII letters, digits and
 * a few marks only.  An arena string. */
char		*classroom_header_name(struct arena *, const char *name);
/*
 * Store data as a new file of folder sub with a random name (into
 * stored, 33 bytes): written to a temporary file first and renamed, so
 * a half-written file never carries a stored name.  Returns 0, or the
 * errno of the failure (ENOSPC when the disk is full) after logging it.
 */
/* What an upload is told when classroom_file_store() found the disk full. */
#define CLASSROOM_NO_ROOM	"The server has no room left for this file, " \
			"so it was not uploaded. Please tell an administrator."
int		classroom_file_store(const struct config *, struct arena *,
		    const char *sub, const char *data, size_t len,
		    char stored[33]);
/* Read stored file sub/stored into the arena: 1, or 0 (logged). */
int		classroom_file_read(struct req *, const char *sub,
		    const char *stored, char **data, size_t *len);
/* Remove stored file sub/stored (a missing one is no failure). */
void		classroom_file_remove(struct req *, const char *sub,
		    const char *stored);

/* ------------------------------------------------------------------ */
/* Inside the domain: channels and sessions (db.c)                     */

/* Rows of one page of a channel list (the statements fetch one more). */
#define CHANNEL_PAGE	50

/* A channel as listed, or as its page sees it. */
struct channel {
	int64_t		 id;
	char		*name;
	char		*description;	/* NULL: none */
	int		 archived;
	long long	 members;
	char		*created_at;
	/* The active session, when there is one. */
	int64_t		 active_id;	/* 0: none */
	char		*active_name;
	char		*active_started_at;
	/* The viewer's part. */
	int		 is_member;
	int		 is_admin;	/* a channel admin */
};

struct channel_member {
	int64_t		 user_id;
	char		*name;
	char		*email;
	int		 is_admin;
	int		 disabled;
	int		 member;	/* candidates: already a member */
	char		*added_at;
};

/* The options of "Start Classroom". */
struct classroom_input {
	const char	*name;
	const char	*description;	/* NULL: none */
	int		 record, allow_camera, allow_mic, mute_on_join;
	int		 notify_system, notify_email;
};

/* What a start tells the channel's members (NULL: nothing). */
struct classroom_notice {
	const char	*subject;
	const char	*body;
	const char	*link;
};

/* The summary's parts. */
struct classroom_info {
	char		*started_by;	/* NULL: unknown */
	char		*ended_by;
	char		*end_reason;
	long long	 seconds;	/* until now while active */
};

struct classroom_person {
	int64_t		 user_id;
	char		*name;
	char		*joined_as;	/* moderator, viewer, NULL */
	long long	 joins;
	char		*first_join_at, *last_join_at, *last_leave_at;
	long long	 minutes, chats, talks, talk_seconds, raise_hands;
	long long	 poll_votes, emojis;
	int		 promoted, removed;
	char		*avatar;	/* the picture's version, or NULL */
};

struct classroom_event {
	char		*kind;
	char		*actor;		/* NULL: Lectern or the provider */
	char		*subject;	/* the user acted on, NULL: none */
	char		*detail;
	char		*at;
};

struct classroom_chatline {
	int64_t		 id;
	char		*name;
	char		*body;
	char		*posted_at;
};

struct classroom_option {
	char		*label;
	long long	 votes;
};

struct classroom_poll {
	int64_t		 id;
	char		*question;
	char		*created_at;
	char		*closed_at;	/* NULL: open */
	int		 provider;	/* run in the conferencing room */
	int		 published;	/* its results were shown there */
	struct classroom_option *options;
	size_t		 noptions;
};

struct classroom_rec {
	int64_t		 id;
	char		*record_id;
	char		*state;
	char		*playback_url;	/* NULL: none */
	long long	 start_time, end_time;	/* ms, 0: unknown */
};

/*
 * Chat lines on the summary and on each page of the session's chat;
 * the text download reads CHAT_BATCH lines a statement, and holds at
 * most CHAT_DOWNLOAD_MAX lines or CHAT_DOWNLOAD_BYTES bytes.
 */
#define SUMMARY_CHAT		100
#define CHAT_BATCH		500
#define CHAT_DOWNLOAD_MAX	20000
#define CHAT_DOWNLOAD_BYTES	(8 * 1024 * 1024)

/* sessions */
enum db_rc	db_classroom_get(struct db *, struct arena *, int64_t id,
		    struct classroom **);
enum db_rc	db_classroom_by_meeting(struct db *, struct arena *,
		    const char *meeting_id, struct classroom **);
/*
 * What user u may do in c.  Site admins, the channel's admins and a
 * lesson's teacher are moderators with admin set; channel members and
 * a lesson's learners are viewers, or moderators once promoted.  A
 * participant removed by a moderator gets CR_NONE with removed set.
 * Anyone else gets CR_NONE.
 */
enum db_rc	db_classroom_access(struct db *, const struct classroom *,
		    const struct user *, struct classroom_access *);
/*
 * Start a session in a channel in one transaction: the session (active
 * while active_key "c<channel>" is free: DB_DUPLICATE when a session is
 * already active), its "started" event and the notifications asked for.
 */
enum db_rc	db_classroom_start(struct db *, int64_t channel_id,
		    int64_t user_id, const char *provider,
		    const char *meeting_id, const struct classroom_input *,
		    const struct classroom_notice *, int64_t *sid);
/*
 * The active session of a live lesson, made first when there is none
 * (one transaction; a concurrent maker's session is found instead).
 */
enum db_rc	db_classroom_open_lesson(struct db *, int64_t live_id,
		    int64_t user_id, const char *provider,
		    const char *meeting_id, const char *name, int64_t *sid);
/* Remember the provider's createTime of a session. */
enum db_rc	db_classroom_set_created(struct db *, int64_t sid,
		    long long create_time);
/* A join: the participant row (joins + 1) and a "joined" event. */
enum db_rc	db_classroom_joined(struct db *, int64_t sid, int64_t user_id,
		    int moderator);
/*
 * End an active session with end_reason reason, by user_id (0: the
 * provider), logging an "ended" event with detail (NULL: the reason);
 * *ended 0 when it was not active any more.
 */
enum db_rc	db_classroom_end(struct db *, int64_t sid, int64_t user_id,
		    const char *reason, const char *detail, int *ended);
/*
 * Note that ended session sid's meeting may still be open on the
 * server (the end call failed): the worker asks again.
 */
enum db_rc	db_classroom_end_pending(struct db *, int64_t sid);
/* Ended sessions of a channel, newest first, keyset by start and id. */
enum db_rc	db_classroom_history(struct db *, struct arena *,
		    int64_t channel_id, const char *after_started,
		    int64_t after_id, struct classroom_past **, size_t *);
enum db_rc	db_classroom_info(struct db *, struct arena *, int64_t sid,
		    struct classroom_info *);
enum db_rc	db_classroom_people(struct db *, struct arena *, int64_t sid,
		    struct classroom_person **, size_t *);
enum db_rc	db_classroom_events(struct db *, struct arena *, int64_t sid,
		    struct classroom_event **, size_t *);
/* At most limit lines with an id above after_id, oldest first. */
enum db_rc	db_classroom_chat(struct db *, struct arena *, int64_t sid,
		    int64_t after_id, int limit, struct classroom_chatline **,
		    size_t *);
enum db_rc	db_classroom_polls(struct db *, struct arena *, int64_t sid,
		    struct classroom_poll **, size_t *);
enum db_rc	db_classroom_recordings(struct db *, struct arena *,
		    int64_t sid, struct classroom_rec **, size_t *);

/* channels */
enum db_rc	db_channel_admin_list(struct db *, struct arena *,
		    const char *q, const char *after_name, int64_t after_id,
		    struct channel **, size_t *);
/* The channels user belongs to (all of them when all is set). */
enum db_rc	db_channel_user_list(struct db *, struct arena *,
		    int64_t user_id, int all, const char *after_name,
		    int64_t after_id, struct channel **, size_t *);
/* A channel with user's part in it and its active session. */
enum db_rc	db_channel_get(struct db *, struct arena *, int64_t id,
		    int64_t user_id, struct channel **);
enum db_rc	db_channel_update(struct db *, int64_t id, const char *name,
		    const char *description);
/* *changed is 0 when archiving meets an active session. */
enum db_rc	db_channel_set_archived(struct db *, int64_t id, int archived,
		    int *changed);
enum db_rc	db_channel_members(struct db *, struct arena *, int64_t id,
		    const char *after_name, int64_t after_id,
		    struct channel_member **, size_t *);
/* Active users matching q, members flagged; at most limit. */
enum db_rc	db_channel_candidates(struct db *, struct arena *, int64_t id,
		    const char *q, size_t limit, struct channel_member **,
		    size_t *);
enum db_rc	db_channel_remove_member(struct db *, int64_t id, int64_t user,
		    int *removed);
enum db_rc	db_channel_set_admin(struct db *, int64_t id, int64_t user,
		    int admin, int *changed);

/* ------------------------------------------------------------------ */
/* Inside the domain: the room (db.c)                                  */

#define ROOM_CHAT_SHOWN		100	/* latest messages on the page */
#define ROOM_CHAT_MAX		2000	/* characters of one message */
#define ROOM_POLLS_SHOWN	20	/* latest polls on the page */
#define ROOM_POLL_OPTIONS	6
#define ROOM_SLIDES_SHOWN	50
#define ROOM_PEOPLE_PAGE	50	/* participants per page */
#define ROOM_SLIDE_MAX		(20L * 1024 * 1024)

struct room_msg {
	int64_t		 id;
	int64_t		 user_id;
	char		*user_name;
	char		*body;
	char		*posted_at;
};

struct room_option {
	int		 idx;		/* 1..6 */
	char		*label;
	long long	 votes;
};

struct room_poll {
	int64_t		 id;
	char		*question;
	int		 closed;
	int		 my_vote;	/* the viewer's option, 0: none */
	long long	 total;		/* votes of every option */
	size_t		 nopts;
	struct room_option opts[ROOM_POLL_OPTIONS];
};

struct room_slide {
	int64_t		 id;
	int64_t		 session_id;
	char		*filename;	/* display text only */
	char		*stored_name;	/* 32 hex under data_dir/slides */
	long long	 size;
	char		*uploaded_at;
};

/* One person of the participants list. */
struct room_person {
	int64_t		 user_id;
	char		*name;
	int		 site_admin;
	int		 room_admin;	/* channel admin or the lesson's teacher */
	int		 promoted, removed;
	long long	 joins, minutes;
	int		 present;	/* joined and not left since (presence) */
	char		*avatar;	/* the picture's version, or NULL */
};

/* What the moderator controls change. */
enum room_flag { ROOM_PROMOTE, ROOM_REMOVE };

/* chat */
/* The latest ROOM_CHAT_SHOWN messages oldest first; *more set when
 * older ones exist. */
enum db_rc	db_room_chat_latest(struct db *, struct arena *, int64_t sid,
		    struct room_msg **, size_t *, int *more);
/* Up to ROOM_CHAT_SHOWN messages after id after, oldest first. */
enum db_rc	db_room_chat_after(struct db *, struct arena *, int64_t sid,
		    int64_t after, struct room_msg **, size_t *);
enum db_rc	db_room_chat_add(struct db *, int64_t sid, int64_t uid,
		    const char *body, int64_t *id);

/* polls */
/* The latest ROOM_POLLS_SHOWN polls, newest first, with uid's answers. */
enum db_rc	db_room_polls(struct db *, struct arena *, int64_t sid,
		    int64_t uid, struct room_poll **, size_t *);
/* Create a poll with its options (and the event) in one transaction. */
enum db_rc	db_room_poll_create(struct db *, int64_t sid, int64_t uid,
		    const char *question, const char *const *opts, size_t n,
		    int64_t *pid);
/*
 * Record uid's answer idx to poll pid of session sid, and count it, in
 * one transaction.  *res: 0 recorded, 1 already answered, 2 no such
 * poll, 3 poll closed, 4 no such option.
 */
enum db_rc	db_room_poll_vote(struct db *, int64_t sid, int64_t pid,
		    int64_t uid, int idx, int *res);
/* Close poll pid; *res: 0 closed now, 1 was closed, 2 no such poll. */
enum db_rc	db_room_poll_close(struct db *, int64_t sid, int64_t pid,
		    int64_t actor, int *res);

/* slides */
enum db_rc	db_room_slides(struct db *, struct arena *, int64_t sid,
		    struct room_slide **, size_t *);
enum db_rc	db_room_slide_get(struct db *, struct arena *, int64_t id,
		    struct room_slide **);
enum db_rc	db_room_slide_add(struct db *, int64_t sid, int64_t uid,
		    const char *filename, const char *stored, long long size,
		    int64_t *id);
/* Delete slide id of sid; *gone set when there was one. */
enum db_rc	db_room_slide_delete(struct db *, int64_t sid, int64_t id,
		    int64_t actor, const char *filename, int *gone);

/* participants and moderator controls */
/*
 * A page of the people of c's room (channel members, or the lesson's
 * teacher and learners, and anyone who took part), by name after
 * (after_name, after_id); fetches ROOM_PEOPLE_PAGE + 1.
 */
enum db_rc	db_room_people(struct db *, struct arena *,
		    const struct classroom *, const char *after_name,
		    int64_t after_id, struct room_person **, size_t *);
/* Promote or remove target (row upserted) and log it, in one
 * transaction. */
enum db_rc	db_room_flag(struct db *, int64_t sid, int64_t target,
		    int64_t actor, enum room_flag);
/* Set the locks for the next joins and log what changed. */
enum db_rc	db_room_locks(struct db *, int64_t sid, int64_t actor,
		    int lock_camera, int was_camera, int lock_mic, int was_mic);
/* A presence beacon: join (1) or leave (0) of uid, as moderator or not. */
enum db_rc	db_room_presence(struct db *, int64_t sid, int64_t uid,
		    int join, int moderator);

/* ------------------------------------------------------------------ */
/* Inside the domain: callbacks, recordings and sync (db.c)            */

/* What the provider reported about one participant (analytics). */
struct cb_participant {
	int64_t		 user_id;
	int		 moderator;
	long long	 joins;
	char		 first_join[20];	/* DATETIME UTC; "" unknown */
	char		 last_join[20];
	char		 last_leave[20];
	long long	 minutes;
	long long	 chats, talks, talk_seconds;
	long long	 raise_hands, poll_votes, emojis;
};

/* Limits of the polls of one analytics report (more: refused). */
#define CB_POLLS_MAX		200
#define CB_POLL_OPTIONS_MAX	50	/* answers kept; the rest counted
					 * as "Other answers" */

/* One answer of a poll run in the conferencing room, with its votes. */
struct cb_option {
	const char	*label;		/* at most 200 characters */
	long long	 votes;
};

/* A poll run in the conferencing room, as the analytics report has it. */
struct cb_poll {
	const char	*id;		/* the server's poll id */
	const char	*question;	/* "" when none was typed */
	int		 published;	/* results shown in the room */
	char		 started[20];	/* DATETIME UTC */
	char		 closed[20];	/* DATETIME UTC: the meeting's end */
	struct cb_option *options;
	size_t		 noptions;
};

/* How a recording-ready callback changed the recordings. */
enum cb_recording {
	CB_REC_NEW,		/* a new recording row */
	CB_REC_PUBLISHED,	/* a processing row is now published */
	CB_REC_SAME,		/* known already: nothing changed */
	CB_REC_OTHER		/* the record id belongs to another session */
};

/* A session the worker asks the provider about. */
struct classroom_due {
	int64_t		 id;
	char		*meeting_id;	/* db_tracks_due: the record id */
};

/* One recording row, for the summary's actions. */
struct classroom_recording_row {
	int64_t		 id;
	int64_t		 session_id;
	char		*record_id;
	char		*state;
};

/*
 * Note recording record_id of session sid as published (a new row, or
 * a processing one), with a "recording" event when the row is new; one
 * transaction.  Rows a person unpublished or deleted keep their state.
 */
enum db_rc	db_callback_recording(struct db *, int64_t sid,
		    const char *record_id, enum cb_recording *);
/*
 * Store the provider's attendance and engagement of session sid, one
 * row per participant, all in one transaction.  Counts replace what
 * was stored; join and leave times widen it.  Users that do not exist
 * are skipped; *stored counts the rows written.
 */
enum db_rc	db_callback_participants(struct db *, int64_t sid,
		    const struct cb_participant *, size_t n, size_t *stored);
/*
 * The whole analytics report of session sid in one transaction: its
 * participants as db_callback_participants() stores them, and each poll
 * run in the conferencing room that the session does not have yet (by
 * the server's poll id), with its answers and votes; *stored_polls
 * counts the polls added.  Nothing is stored when any write fails.
 */
enum db_rc	db_callback_report(struct db *, int64_t sid,
		    const struct cb_participant *, size_t n,
		    const struct cb_poll *, size_t npolls, size_t *stored,
		    size_t *stored_polls);
/*
 * Recorded sessions whose recordings are still to learn, never asked
 * first, then the least recently asked; none asked in the last minutes.
 */
enum db_rc	db_sync_recordings_due(struct db *, struct arena *, int limit,
		    struct classroom_due **, size_t *);
/* Note that the server was just asked about session sid's recordings. */
enum db_rc	db_sync_recordings_checked(struct db *, int64_t sid);
/* Have the next worker pass ask about session sid's recordings. */
enum db_rc	db_sync_recordings_recheck(struct db *, int64_t sid);
/* Active sessions whose meeting was made before before_ms. */
enum db_rc	db_sync_missed_due(struct db *, struct arena *,
		    long long before_ms, int limit, struct classroom_due **,
		    size_t *);
/* Ended sessions whose end the server has yet to confirm. */
enum db_rc	db_sync_ends_due(struct db *, struct arena *, int limit,
		    struct classroom_due **, size_t *);
/* The server was asked to end sid's meeting: confirmed, or to retry. */
enum db_rc	db_sync_end_tried(struct db *, int64_t sid, int confirmed);
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

/* ------------------------------------------------------------------ */
/* Inside the domain: the pages (routes.c)                             */

/* page-channels.c: the site administrator's channel pages */
int	page_channels(struct req *);
int	page_channel_new(struct req *);
int	page_channel_create(struct req *);
int	page_channel_edit(struct req *);
int	page_channel_save(struct req *);
int	page_channel_archive(struct req *);
int	page_channel_unarchive(struct req *);
int	page_channel_member_add(struct req *);
int	page_channel_member_remove(struct req *);
int	page_channel_member_admin(struct req *);
int	page_channel_member_unadmin(struct req *);

/* page-classroom.c: classrooms as their members see them */
int	page_classrooms(struct req *);
int	page_classroom_channel(struct req *);
int	page_classroom_form(struct req *);
int	page_classroom_start(struct req *);
int	page_classroom_join(struct req *);
int	page_classroom_end(struct req *);
int	page_classroom_summary(struct req *);
int	page_classroom_summary_chat(struct req *);
int	page_classroom_chat_download(struct req *);

/* page-recordings.c: POST /platform/classroom/:id/recordings/:id/... */
int	page_recording_publish(struct req *);
int	page_recording_unpublish(struct req *);
int	page_recording_delete(struct req *);

/* page-room.c: the room page beside the provider */
int	page_room(struct req *);
int	page_room_chat(struct req *);
int	page_room_chat_post(struct req *);
int	page_room_polls(struct req *);
int	page_room_poll_create(struct req *);
int	page_room_poll_vote(struct req *);
int	page_room_poll_close(struct req *);
int	page_room_slide_upload(struct req *);
int	page_room_slide_get(struct req *);
int	page_room_slide_delete(struct req *);
int	page_room_slide_public(struct req *);
int	page_room_promote(struct req *);
int	page_room_remove(struct req *);
int	page_room_locks(struct req *);
int	page_room_presence(struct req *);

/* page-callback.c: what the provider calls back (public, signed) */
int	page_callback_end(struct req *);
int	page_callback_recording(struct req *);
int	page_callback_analytics(struct req *);

/* ------------------------------------------------------------------ */
/* Transcripts of a past session and its attendance (db.c)             */

struct vtt_cue;

/* Transcripts listed on a summary; speakers named on each card. */
#define TRANSCRIPTS_MAX		50
#define TRANSCRIPT_SPEAKERS	8
/* Cues of a transcript read by one statement. */
#define TRANSCRIPT_BATCH	1000

struct classroom_transcript {
	int64_t		 id;
	int64_t		 session_id;	/* by db_transcript_get only */
	char		*filename;
	long long	 cues;
	long long	 duration_ms;	/* the last cue's end */
	char		*created_at;
	char		**speakers;	/* at most TRANSCRIPT_SPEAKERS, by name */
	size_t		 nspeakers;
	int		 more_speakers;	/* there are others */
};

struct classroom_cue {
	long long	 idx;
	long long	 start_ms, end_ms;
	char		*speaker;	/* NULL: none named */
	char		*text;
};

/* A participant of the attendance download. */
struct classroom_attendee {
	char		*name;
	char		*email;
	char		*first_join_at;	/* NULL: never */
	char		*last_leave_at;	/* NULL: never left */
	long long	 minutes, joins;
};

/*
 * Store a transcript of session sid, its n cues and a "transcript"
 * event in one transaction; *id is the new transcript's.
 */
enum db_rc	db_transcript_add(struct db *, int64_t sid, int64_t uid,
		    const char *filename, const struct vtt_cue *cues, size_t n,
		    int64_t *id);
/*
 * Published recordings whose caption tracks the worker has yet to
 * fetch: the session's id and the recording's id (in meeting_id).
 */
enum db_rc	db_tracks_due(struct db *, struct arena *, int limit,
		    struct classroom_due **, size_t *);
/* Note that recording record_id's tracks were fetched (once). */
enum db_rc	db_tracks_fetched(struct db *, const char *record_id);
/* Transcripts of a session, oldest first (at most TRANSCRIPTS_MAX). */
enum db_rc	db_transcripts(struct db *, struct arena *, int64_t sid,
		    struct classroom_transcript **, size_t *);
/* A transcript by id (no speakers), NULL when none. */
enum db_rc	db_transcript_get(struct db *, struct arena *, int64_t id,
		    struct classroom_transcript **);
/* At most limit cues of transcript tid from index from on, in order. */
enum db_rc	db_transcript_cues(struct db *, struct arena *, int64_t tid,
		    long long from, int limit, struct classroom_cue **,
		    size_t *);
/* Who joined session sid, by first join. */
enum db_rc	db_classroom_attendance(struct db *, struct arena *,
		    int64_t sid, struct classroom_attendee **, size_t *);

/* page-transcript.c: a past session's transcripts and attendance */
int	page_transcript_upload(struct req *);
int	page_transcript(struct req *);
int	page_transcript_download(struct req *);
int	page_classroom_attendance(struct req *);

/* ------------------------------------------------------------------ */
/* Documents and whiteboards of a session (db-docs.c, page-docs.c)     */

/* Of each kind a session holds at most. */
#define DOCS_MAX		50
/* The box a whiteboard snapshot is fitted in, and what is taken. */
#define WHITEBOARD_SIDE		1600
#define WHITEBOARD_MAX_SIDE	10000
#define WHITEBOARD_MAX_PIXELS	40000000UL
#define WHITEBOARD_QUALITY	88

enum doc_kind { DOC_DOCUMENT, DOC_WHITEBOARD };

struct classroom_doc {
	int64_t		 id;
	int64_t		 session_id;
	char		*kind;		/* document, whiteboard */
	char		*title;		/* display text only */
	char		*filename;	/* the download's, display text */
	char		*content_type;	/* what it is served as */
	char		*stored_name;	/* 32 hex under its kind's folder */
	long long	 size;
	char		*uploaded_by;	/* NULL: the user is gone */
	char		*uploaded_at;
};

/*
 * Store a document or whiteboard row of session sid and its event in
 * one transaction; *id the new row's.
 */
enum db_rc	db_doc_add(struct db *, int64_t sid, int64_t uid,
		    enum doc_kind, const char *title, const char *filename,
		    const char *content_type, const char *stored,
		    long long size, int64_t *id);
/* A session's files of a kind, oldest first (at most DOCS_MAX + 1). */
enum db_rc	db_docs(struct db *, struct arena *, int64_t sid,
		    enum doc_kind, struct classroom_doc **, size_t *);
/* A file by id, NULL when none. */
enum db_rc	db_classroom_doc_get(struct db *, struct arena *, int64_t id,
		    struct classroom_doc **);
/* Move the files of session sid back seconds (the demo's past
 * sessions, with db_classroom_backdate). */
enum db_rc	db_docs_backdate(struct db *, int64_t sid, long long back);

/* docs.c: a kind of document Lectern takes, as its content shows it. */
struct doc_type {
	const char	*ext;		/* the download's, without the dot */
	const char	*ctype;		/* what it is served as */
	const char	*label;		/* for people */
};

/*
 * What an uploaded file is, by its content: a PDF by its header, an
 * OpenDocument file by the "mimetype" entry its ZIP begins with, an
 * Office Open XML file by its ZIP's part names, an older Office file
 * by the compound file signature (its kind from name), text when it is
 * all well-formed UTF-8 without control characters.  NULL: none of
 * these.  Pure.
 */
const struct doc_type *classroom_doc_type(const char *data, size_t len,
		    const char *name);
/* 1 when name ends with "." and ext, in any case.  Pure. */
int		classroom_has_ext(const char *name, const char *ext);
/* label with ".ext" added unless it ends so already; an arena string. */
char		*classroom_download_name(struct arena *, const char *label,
		    const char *ext);
/* The largest document or whiteboard file taken. */
size_t		classroom_doc_limit(const struct req *);
/*
 * One document or whiteboard of session sid into a repetition of
 * section of d (DOC_ID, DOC_URL under path, DOC_TITLE, DOC_AT, DOC_BY,
 * DOC_SIZE); the repetition.
 */
struct tpl_dict	*classroom_doc_entry(struct req *, struct tpl_dict *d,
		    const char *section, int64_t sid,
		    const struct classroom_doc *, const char *path);
/*
 * The summary's Documents card (the session's documents, then the
 * slides shared in its room) and Whiteboards card into d, with the
 * upload forms for admin.  Returns how many files the two cards list,
 * or -1 on a database failure.
 */
long	classroom_summary_docs(struct req *, struct tpl_dict *d, int64_t sid,
	    int admin, const struct room_slide *slides, size_t nslides);

/* page-docs.c */
int	page_doc_upload(struct req *);
int	page_doc_get(struct req *);
int	page_whiteboard_upload(struct req *);
int	page_whiteboard(struct req *);
int	page_whiteboard_get(struct req *);

#endif
