/*
 * classroom.h: live classrooms.  A classroom session runs either in a
 * channel (channel_id) or for a live lesson of the schedule
 * (live_session_id), on the configured conferencing provider.  The
 * records and the access rule every classroom page shares; the channel
 * pages (page-classroom.c), the room (page-room.c) and the provider
 * callbacks (page-callback.c) build on them.  Functions return DB_OK or
 * the failure; lookups that find nothing return DB_OK with NULL.
 */
#ifndef LECTERN_CLASSROOM_H
#define LECTERN_CLASSROOM_H

#include <stdint.h>

#include "core/db.h"

/* Slot of the statement table in classroom/db.c (see app.c). */
#define CLASSROOM_SLOT	9
extern const struct sqltable	sql_classroom;

struct arena;
struct user;

struct classroom {
	int64_t		 id;
	int64_t		 channel_id;	/* 0: a live lesson's room */
	int64_t		 live_session_id; /* 0: a channel's room */
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

/* db-classroom.c */
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
 * End an active session with end_reason reason, by user_id (0: the
 * provider), logging an "ended" event with detail (NULL: the reason);
 * *ended 0 when it was not active any more.
 */
enum db_rc	db_classroom_end(struct db *, int64_t sid, int64_t user_id,
		    const char *reason, const char *detail, int *ended);

#endif
