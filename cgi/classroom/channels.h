/*
 * channels.h: classroom channels (a named room with members and channel
 * admins) and the classroom sessions run in them or for a live lesson:
 * starting one, joining it, ending it, and what stays afterwards (the
 * channel's past sessions and each session's summary).  The records the
 * classroom domain (db-classroom.c) hands to the channel pages
 * (page-channels.c, page-classroom.c).  Functions return DB_OK or the
 * failure; lookups that find nothing return DB_OK with NULL.  Results
 * are allocated in the given arena; instants are UTC DATETIME text.
 */
#ifndef LECTERN_CHANNELS_H
#define LECTERN_CHANNELS_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"

extern const struct routeset	classroom_routes;

struct arena;
struct req;

/* Rows of one page of a list (the statements fetch one more). */
#define CHANNEL_PAGE	50
#define HISTORY_PAGE	20
/* Participants named on a past session's card. */
#define HISTORY_FACES	8

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

/* One card of a channel's past sessions. */
struct classroom_past {
	int64_t		 id;
	char		*name;
	char		*started_at;
	char		*ended_at;
	long long	 seconds;
	long long	 participants;
	char		**faces;	/* names, at most HISTORY_FACES */
	size_t		 nfaces;
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
};

struct classroom_event {
	char		*kind;
	char		*actor;		/* NULL: Lectern or the provider */
	char		*subject;	/* the user acted on, NULL: none */
	char		*detail;
	char		*at;
};

struct classroom_chatline {
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

/* Chat lines a summary shows at most. */
#define SUMMARY_CHAT	500

/* db-classroom.c: channels */
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
enum db_rc	db_channel_create(struct db *, const char *name,
		    const char *description, int64_t *id);
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
/* DB_DUPLICATE when user already belongs; *added 0 for a disabled user. */
enum db_rc	db_channel_add_member(struct db *, int64_t id, int64_t user,
		    int admin, int *added);
enum db_rc	db_channel_remove_member(struct db *, int64_t id, int64_t user,
		    int *removed);
enum db_rc	db_channel_set_admin(struct db *, int64_t id, int64_t user,
		    int admin, int *changed);

/* db-classroom.c: sessions */
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
/* The active session of a live lesson: *sid 0 when none. */
enum db_rc	db_classroom_lesson_active(struct db *, int64_t live_id,
		    int64_t *sid);
/* Remember the provider's createTime of a session. */
enum db_rc	db_classroom_set_created(struct db *, int64_t sid,
		    long long create_time);
/* A join: the participant row (joins + 1) and a "joined" event. */
enum db_rc	db_classroom_joined(struct db *, int64_t sid, int64_t user_id,
		    int moderator);
/* Ended sessions of a channel, newest first, keyset by start and id. */
enum db_rc	db_classroom_history(struct db *, struct arena *,
		    int64_t channel_id, const char *after_started,
		    int64_t after_id, struct classroom_past **, size_t *);
/* Ended sessions of a live lesson, newest first (at most HISTORY_PAGE). */
enum db_rc	db_classroom_lesson_history(struct db *, struct arena *,
		    int64_t live_id, struct classroom_past **, size_t *);
enum db_rc	db_classroom_info(struct db *, struct arena *, int64_t sid,
		    struct classroom_info *);
enum db_rc	db_classroom_people(struct db *, struct arena *, int64_t sid,
		    struct classroom_person **, size_t *);
enum db_rc	db_classroom_events(struct db *, struct arena *, int64_t sid,
		    struct classroom_event **, size_t *);
/* At most SUMMARY_CHAT + 1 lines, oldest first. */
enum db_rc	db_classroom_chat(struct db *, struct arena *, int64_t sid,
		    struct classroom_chatline **, size_t *);
enum db_rc	db_classroom_polls(struct db *, struct arena *, int64_t sid,
		    struct classroom_poll **, size_t *);
enum db_rc	db_classroom_recordings(struct db *, struct arena *,
		    int64_t sid, struct classroom_rec **, size_t *);

/* page-channels.c: the administrator's channel pages */
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
int	page_live_join(struct req *);
/*
 * End the active classroom session of a live lesson, if any (the lesson
 * was completed or canceled): the provider is told, and the session is
 * ended here whatever it answers.  Failures are logged.
 */
void		classroom_end_lesson(struct req *, int64_t live_id);
/*
 * On a page with a Join Session form: let the form's answer redirect to
 * the BigBlueButton server (browsers check redirects after a form
 * against the page's form-action).
 */
void		classroom_csp_join(struct req *);

#endif
