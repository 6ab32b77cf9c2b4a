/*
 * room.h: the room page beside the conferencing provider: Lectern's own
 * chat, polls, presentation slides, moderator controls and the Jitsi
 * presence beacons.  The records the room domain (db-room.c) hands to
 * page-room.c, its functions, and the handlers.  Functions return DB_OK
 * or the failure; lookups that find nothing return DB_OK with NULL.
 * Results are allocated in the given arena.  Instants are UTC
 * "YYYY-MM-DD HH:MM:SS".
 */
#ifndef LECTERN_ROOM_H
#define LECTERN_ROOM_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"

/* Slot of the statement table in classroom/db-room.c (see app.c). */
#define ROOM_SLOT	10
extern const struct sqltable	sql_room;
extern const struct routeset	room_routes;

struct arena;
struct classroom;
struct config;
struct req;

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
};

/* What the moderator controls change. */
enum room_flag { ROOM_PROMOTE, ROOM_REMOVE };

/* db-room.c: chat */
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

/* page-room.c */
/*
 * The address the provider fetches slide id from, valid until exp
 * (unix seconds): "/files/slides/<id>?exp=<exp>&sig=<hex>", with
 * sig = conf_token(cfg, "slide", "<id>:<exp>").  An arena string,
 * relative to base_url.
 */
char	*room_slide_path(const struct config *, struct arena *, int64_t id,
	    long long exp);

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

#endif
