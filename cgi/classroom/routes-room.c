/*
 * routes-room.c: the room pages of the route table: the room page of a
 * classroom session with its chat, polls, slides and moderator
 * controls, the presence beacon, and the signed public address the
 * conferencing server fetches slides from.  Everyone signed in may
 * knock; each handler checks the viewer's part in the session.
 */
#include <stddef.h>

#include "core/model.h"
#include "core/req.h"
#include "classroom/room.h"
#include "core/routes.h"

#define ANY_ROLE	(ROLE_ADMIN | ROLE_TEACHER | ROLE_LEARNER)
#define END		{ NULL, 0, 0, 0, 0, NULL, NULL }

static const char *const event_opts[] = { "join", "leave", NULL };

static const struct pdecl room_get[] = {
	{ "after_name", PT_TEXT, 0, 0, 100, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl chat_get[] = {
	{ "after", PT_INT, 0, 0, 1LL << 53, NULL, "Last message" },
	END
};

/* Lengths are checked by the handler once the text is trimmed. */
static const struct pdecl chat_post[] = {
	{ "body", PT_TEXT, PF_MULTILINE, 0, 8000, NULL, "Message" },
	{ "js", PT_BOOL, 0, 0, 0, NULL, NULL },
	END
};

static const struct pdecl poll_post[] = {
	{ "question", PT_TEXT, 0, 0, 1000, NULL, "Question" },
	{ "option", PT_TEXT, PF_MULTI, 0, 1000, NULL, "Option" },
	END
};

static const struct pdecl vote_post[] = {
	{ "option", PT_INT, 0, 1, 6, NULL, "Answer" },
	END
};

static const struct pdecl slide_post[] = {
	{ "file", PT_FILE, 0, 0, 0, NULL, "PDF file" },
	END
};

static const struct pdecl lock_post[] = {
	{ "lock_camera", PT_BOOL, 0, 0, 0, NULL, NULL },
	{ "lock_mic", PT_BOOL, 0, 0, 0, NULL, NULL },
	END
};

static const struct pdecl presence_post[] = {
	{ "event", PT_ENUM, PF_REQ, 0, 0, event_opts, "Event" },
	END
};

/* Checked by the handler, so that anything wrong is a plain 403. */
static const struct pdecl file_get[] = {
	{ "exp", PT_TEXT, 0, 0, 20, NULL, NULL },
	{ "sig", PT_TEXT, 0, 0, 128, NULL, NULL },
	END
};

static const struct route routes[] = {
	{ "room", M_GET, "/platform/classroom/:id", page_room, ANY_ROLE, 0,
	    room_get },
	{ "room.chat", M_GET, "/platform/classroom/:id/chat", page_room_chat,
	    ANY_ROLE, 0, chat_get },
	{ "room.chat.post", M_POST, "/platform/classroom/:id/chat",
	    page_room_chat_post, ANY_ROLE, RT_CSRF | RT_FORM | RT_MULTIPART,
	    chat_post },
	{ "room.polls", M_GET, "/platform/classroom/:id/polls",
	    page_room_polls, ANY_ROLE, 0, NULL },
	{ "room.poll.create", M_POST, "/platform/classroom/:id/polls",
	    page_room_poll_create, ANY_ROLE, RT_CSRF | RT_FORM, poll_post },
	{ "room.poll.vote", M_POST, "/platform/classroom/:id/polls/:id/vote",
	    page_room_poll_vote, ANY_ROLE, RT_CSRF | RT_FORM, vote_post },
	{ "room.poll.close", M_POST,
	    "/platform/classroom/:id/polls/:id/close", page_room_poll_close,
	    ANY_ROLE, RT_CSRF, NULL },
	{ "room.slide.upload", M_POST, "/platform/classroom/:id/slides",
	    page_room_slide_upload, ANY_ROLE,
	    RT_CSRF | RT_FORM | RT_MULTIPART, slide_post },
	{ "room.slide", M_GET, "/platform/classroom/:id/slides/:id",
	    page_room_slide_get, ANY_ROLE, 0, NULL },
	{ "room.slide.delete", M_POST,
	    "/platform/classroom/:id/slides/:id/delete",
	    page_room_slide_delete, ANY_ROLE, RT_CSRF, NULL },
	{ "room.promote", M_POST,
	    "/platform/classroom/:id/participants/:id/promote",
	    page_room_promote, ANY_ROLE, RT_CSRF, NULL },
	{ "room.remove", M_POST,
	    "/platform/classroom/:id/participants/:id/remove",
	    page_room_remove, ANY_ROLE, RT_CSRF, NULL },
	{ "room.locks", M_POST, "/platform/classroom/:id/locks",
	    page_room_locks, ANY_ROLE, RT_CSRF, lock_post },
	/* navigator.sendBeacon sends FormData as multipart/form-data. */
	{ "room.presence", M_POST, "/platform/classroom/:id/presence",
	    page_room_presence, ANY_ROLE, RT_CSRF | RT_MULTIPART,
	    presence_post },
	{ "files.slide", M_GET, "/files/slides/:id", page_room_slide_public,
	    0, 0, file_get },
};

ROUTESET(room_routes, routes);
