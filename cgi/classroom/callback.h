/*
 * callback.h: the addresses a conferencing provider calls back when a
 * meeting ends, when its recording is ready and with its learning
 * analytics, the pages that answer them (page-callback.c) and their
 * database functions (db-callback.c).  None of these pages has a
 * signed-in user: each request proves itself with our HMAC token (end)
 * or a JWT signed with the provider's shared secret (recording-ready,
 * analytics), so the routes are public and carry no CSRF token.
 */
#ifndef LECTERN_CALLBACK_H
#define LECTERN_CALLBACK_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"

/* Slot of the statement table in classroom/db-callback.c (see app.c). */
#define CALLBACK_SLOT	11
extern const struct sqltable	sql_callback;
extern const struct routeset	callback_routes;

struct arena;
struct config;
struct req;

/*
 * The three callback addresses for meeting_id, absolute (from
 * base_url), as arena strings for the provider's "create":
 * meta_endCallbackUrl carries our token (conf_token "end") and the
 * meeting id, since BigBlueButton adds only recordingmarks.
 */
char	*callback_end_url(const struct config *, struct arena *,
	    const char *meeting_id);
char	*callback_recording_url(const struct config *, struct arena *);
char	*callback_analytics_url(const struct config *, struct arena *);

/* page-callback.c */
int	page_callback_end(struct req *);
int	page_callback_recording(struct req *);
int	page_callback_analytics(struct req *);

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

/* How a recording-ready callback changed the recordings. */
enum cb_recording {
	CB_REC_NEW,		/* a new recording row */
	CB_REC_PUBLISHED,	/* a processing row is now published */
	CB_REC_SAME,		/* known already: nothing changed */
	CB_REC_OTHER		/* the record id belongs to another session */
};

/* db-callback.c */
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

#endif
