/*
 * routes.c: the classroom pages of the route table.  Site
 * administrators manage channels and their members under /admin; every
 * signed-in user sees the classrooms they belong to, and a channel's
 * admins start and end its sessions.  The room page of a session holds
 * its chat, polls, slides and moderator controls; the conferencing
 * server fetches slides from a signed public address and calls back
 * on public routes flagged RT_SIGNED: each such request proves itself
 * with our HMAC token or a JWT signed with the provider's shared secret
 * instead of a sign-in cookie and a CSRF token (see page-callback.c).
 * Joining answers with the conferencing server's address, so that route
 * sends no referrer.  Everyone signed in may knock: each handler checks
 * the user's part in the channel or session itself.
 */
#include <stddef.h>

#include "classroom/analytics.h"
#include "classroom/classroom.h"
#include "classroom/search.h"
#include "core/model.h"
#include "core/req.h"
#include "core/routes.h"

#define ANY_ROLE	(ROLE_ADMIN | ROLE_TEACHER | ROLE_LEARNER)
#define ADMIN		ROLE_ADMIN
#define POST_FORM	(RT_CSRF | RT_FORM)
#define END		{ NULL, 0, 0, 0, 0, NULL, NULL }

static const struct pdecl list_get[] = {
	{ "q", PT_TEXT, 0, 0, 100, NULL, "Search" },
	{ "after_text", PT_TEXT, 0, 0, 100, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl channel_get[] = {
	{ "find", PT_TEXT, 0, 0, 100, NULL, "Find people" },
	{ "after_text", PT_TEXT, 0, 0, 100, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl channel_post[] = {
	{ "name", PT_TEXT, PF_REQ, 1, 100, NULL, "Name" },
	{ "description", PT_TEXT, PF_MULTILINE, 0, 2000, NULL,
	    "Description" },
	END
};

static const struct pdecl member_post[] = {
	{ "user_id", PT_ID, PF_REQ, 0, 0, NULL, "Person" },
	{ "admin", PT_BOOL, 0, 0, 0, NULL, "Channel admin" },
	{ "find", PT_TEXT, 0, 0, 100, NULL, "Find people" },
	END
};

/* A page of a list by name: the position after the last one shown. */
static const struct pdecl page_get[] = {
	{ "after_text", PT_TEXT, 0, 0, 100, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl history_get[] = {
	{ "after_text", PT_TEXT, 0, 19, 19, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

/* A page of a session's chat: the position after the last one shown. */
static const struct pdecl chat_page_get[] = {
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

/* The search of past sessions; its handler shows what is wrong. */
static const struct pdecl search_get[] = {
	{ "q", PT_TEXT, 0, 0, 200, NULL, "Search" },
	{ "channel", PT_ID, 0, 0, 0, NULL, "Channel" },
	{ "after", PT_TEXT, 0, 0, 80, NULL, "Page position" },
	END
};

/* "Start Classroom": exactly the options of the product's form. */
static const struct pdecl start_post[] = {
	{ "name", PT_TEXT, 0, 0, 64, NULL, "Session Name" },
	{ "description", PT_TEXT, PF_MULTILINE, 0, 2000, NULL,
	    "Description" },
	{ "record", PT_BOOL, 0, 0, 0, NULL, "Record this session" },
	{ "allow_camera", PT_BOOL, 0, 0, 0, NULL,
	    "Allow participants to enable camera" },
	{ "allow_mic", PT_BOOL, 0, 0, 0, NULL,
	    "Allow participants to unmute microphone" },
	{ "mute_on_join", PT_BOOL, 0, 0, 0, NULL,
	    "Mute all participants on join" },
	{ "notify_system", PT_BOOL, 0, 0, 0, NULL,
	    "Send system notification" },
	{ "notify_email", PT_BOOL, 0, 0, 0, NULL, "Send email notification" },
	END
};

/* The room. */
static const char *const event_opts[] = { "join", "leave", NULL };

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

/* Ending a session and removing a person ask first; confirm=1 acts. */
static const struct pdecl confirm_post[] = {
	{ "confirm", PT_BOOL, 0, 0, 0, NULL, NULL },
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

/* The provider's callbacks. */
static const struct pdecl end_get[] = {
	{ "token", PT_TEXT, 0, 0, 128, NULL, "Token" },
	{ "meetingID", PT_TEXT, PF_REQ, 1, 256, NULL, "Meeting" },
	{ "recordingmarks", PT_TEXT, 0, 0, 10, NULL, "Recording marks" },
	END
};

static const struct pdecl recording_post[] = {
	{ "signed_parameters", PT_TEXT, 0, 0, 8192, NULL,
	    "Signed parameters" },
	END
};

/* A transcript of a past session: a WebVTT file. */
static const struct pdecl transcript_post[] = {
	{ "file", PT_FILE, 0, 0, 0, NULL, "WebVTT file" },
	END
};

/* A document or whiteboard of a session: the file and how it is listed. */
static const struct pdecl doc_post[] = {
	{ "file", PT_FILE, 0, 0, 0, NULL, "File" },
	{ "title", PT_TEXT, 0, 0, 200, NULL, "Title" },
	END
};

static const struct route routes[] = {
	{ "classroom.admin.channels", M_GET, "/admin/channels",
	    page_channels, ADMIN, 0, list_get },
	{ "classroom.admin.channel.new", M_GET, "/admin/channels/new",
	    page_channel_new, ADMIN, 0, NULL },
	{ "classroom.admin.channel.create", M_POST, "/admin/channels/new",
	    page_channel_create, ADMIN, POST_FORM, channel_post },
	{ "classroom.admin.channel", M_GET, "/admin/channels/:id",
	    page_channel_edit, ADMIN, 0, channel_get },
	{ "classroom.admin.channel.save", M_POST, "/admin/channels/:id",
	    page_channel_save, ADMIN, POST_FORM, channel_post },
	{ "classroom.admin.channel.archive", M_POST,
	    "/admin/channels/:id/archive", page_channel_archive, ADMIN,
	    RT_CSRF, NULL },
	{ "classroom.admin.channel.unarchive", M_POST,
	    "/admin/channels/:id/unarchive", page_channel_unarchive, ADMIN,
	    RT_CSRF, NULL },
	{ "classroom.admin.channel.member.add", M_POST,
	    "/admin/channels/:id/members", page_channel_member_add, ADMIN,
	    RT_CSRF, member_post },
	{ "classroom.admin.channel.member.remove", M_POST,
	    "/admin/channels/:id/members/:id/remove",
	    page_channel_member_remove, ADMIN, RT_CSRF, NULL },
	{ "classroom.admin.channel.member.admin", M_POST,
	    "/admin/channels/:id/members/:id/make-admin",
	    page_channel_member_admin, ADMIN, RT_CSRF, NULL },
	{ "classroom.admin.channel.member.unadmin", M_POST,
	    "/admin/channels/:id/members/:id/unmake-admin",
	    page_channel_member_unadmin, ADMIN, RT_CSRF, NULL },

	{ "classroom.list", M_GET, "/platform/channels", page_classrooms,
	    ANY_ROLE, 0, page_get },
	{ "classroom.channel", M_GET, "/platform/channels/:id",
	    page_classroom_channel, ANY_ROLE, 0, history_get },
	{ "classroom.search", M_GET, "/platform/search",
	    page_classroom_search, ANY_ROLE, RT_FORM, search_get },
	{ "classroom.analytics", M_GET, "/platform/channels/:id/analytics",
	    page_channel_analytics, ANY_ROLE, 0, page_get },
	{ "classroom.analytics.csv", M_GET,
	    "/platform/channels/:id/analytics/attendance",
	    page_channel_analytics_csv, ANY_ROLE, 0, NULL },
	{ "classroom.form", M_GET, "/platform/channels/:id/start",
	    page_classroom_form, ANY_ROLE, 0, NULL },
	{ "classroom.start", M_POST, "/platform/channels/:id/start",
	    page_classroom_start, ANY_ROLE, POST_FORM, start_post },
	{ "classroom.join", M_POST, "/platform/classroom/:id/join",
	    page_classroom_join, ANY_ROLE, RT_CSRF | RT_NO_REFERRER, NULL },
	{ "classroom.end", M_POST, "/platform/classroom/:id/end",
	    page_classroom_end, ANY_ROLE, RT_CSRF, confirm_post },
	{ "classroom.summary", M_GET, "/platform/classroom/:id/summary",
	    page_classroom_summary, ANY_ROLE, 0, NULL },
	{ "classroom.summary.chat", M_GET,
	    "/platform/classroom/:id/summary/chat",
	    page_classroom_summary_chat, ANY_ROLE, 0, chat_page_get },
	{ "classroom.summary.chat.download", M_GET,
	    "/platform/classroom/:id/summary/chat/download",
	    page_classroom_chat_download, ANY_ROLE, 0, NULL },
	{ "classroom.summary.attendance", M_GET,
	    "/platform/classroom/:id/summary/attendance",
	    page_classroom_attendance, ANY_ROLE, 0, NULL },
	{ "classroom.transcript.upload", M_POST,
	    "/platform/classroom/:id/transcripts", page_transcript_upload,
	    ANY_ROLE, RT_CSRF | RT_FORM | RT_MULTIPART, transcript_post },
	{ "classroom.transcript", M_GET,
	    "/platform/classroom/:id/transcripts/:id", page_transcript,
	    ANY_ROLE, 0, NULL },
	{ "classroom.transcript.download", M_GET,
	    "/platform/classroom/:id/transcripts/:id/download",
	    page_transcript_download, ANY_ROLE, 0, NULL },
	{ "classroom.document.upload", M_POST,
	    "/platform/classroom/:id/documents", page_doc_upload, ANY_ROLE,
	    RT_CSRF | RT_MULTIPART, doc_post },
	{ "classroom.document", M_GET,
	    "/platform/classroom/:id/documents/:id", page_doc_get, ANY_ROLE,
	    0, NULL },
	{ "classroom.whiteboard.upload", M_POST,
	    "/platform/classroom/:id/whiteboards", page_whiteboard_upload,
	    ANY_ROLE, RT_CSRF | RT_MULTIPART, doc_post },
	{ "classroom.whiteboard", M_GET,
	    "/platform/classroom/:id/whiteboards/:id", page_whiteboard,
	    ANY_ROLE, 0, NULL },
	{ "classroom.whiteboard.image", M_GET,
	    "/platform/classroom/:id/whiteboards/:id/image",
	    page_whiteboard_get, ANY_ROLE, 0, NULL },
	{ "classroom.recording.publish", M_POST,
	    "/platform/classroom/:id/recordings/:id/publish",
	    page_recording_publish, ANY_ROLE, RT_CSRF, NULL },
	{ "classroom.recording.unpublish", M_POST,
	    "/platform/classroom/:id/recordings/:id/unpublish",
	    page_recording_unpublish, ANY_ROLE, RT_CSRF, NULL },
	{ "classroom.recording.delete", M_POST,
	    "/platform/classroom/:id/recordings/:id/delete",
	    page_recording_delete, ANY_ROLE, RT_CSRF, NULL },

	{ "classroom.room", M_GET, "/platform/classroom/:id", page_room,
	    ANY_ROLE, 0, page_get },
	{ "classroom.room.chat", M_GET, "/platform/classroom/:id/chat",
	    page_room_chat, ANY_ROLE, 0, chat_get },
	{ "classroom.room.chat.post", M_POST, "/platform/classroom/:id/chat",
	    page_room_chat_post, ANY_ROLE, RT_CSRF | RT_FORM | RT_MULTIPART,
	    chat_post },
	{ "classroom.room.polls", M_GET, "/platform/classroom/:id/polls",
	    page_room_polls, ANY_ROLE, 0, NULL },
	{ "classroom.room.poll.create", M_POST,
	    "/platform/classroom/:id/polls", page_room_poll_create, ANY_ROLE,
	    RT_CSRF | RT_FORM, poll_post },
	{ "classroom.room.poll.vote", M_POST,
	    "/platform/classroom/:id/polls/:id/vote", page_room_poll_vote,
	    ANY_ROLE, RT_CSRF | RT_FORM, vote_post },
	{ "classroom.room.poll.close", M_POST,
	    "/platform/classroom/:id/polls/:id/close", page_room_poll_close,
	    ANY_ROLE, RT_CSRF, NULL },
	{ "classroom.room.slide.upload", M_POST,
	    "/platform/classroom/:id/slides", page_room_slide_upload,
	    ANY_ROLE, RT_CSRF | RT_FORM | RT_MULTIPART, slide_post },
	{ "classroom.room.slide", M_GET,
	    "/platform/classroom/:id/slides/:id", page_room_slide_get,
	    ANY_ROLE, 0, NULL },
	{ "classroom.room.slide.delete", M_POST,
	    "/platform/classroom/:id/slides/:id/delete",
	    page_room_slide_delete, ANY_ROLE, RT_CSRF, NULL },
	{ "classroom.room.promote", M_POST,
	    "/platform/classroom/:id/participants/:id/promote",
	    page_room_promote, ANY_ROLE, RT_CSRF, NULL },
	{ "classroom.room.remove", M_POST,
	    "/platform/classroom/:id/participants/:id/remove",
	    page_room_remove, ANY_ROLE, RT_CSRF, confirm_post },
	{ "classroom.room.locks", M_POST, "/platform/classroom/:id/locks",
	    page_room_locks, ANY_ROLE, RT_CSRF, lock_post },
	/* navigator.sendBeacon sends FormData as multipart/form-data. */
	{ "classroom.room.presence", M_POST,
	    "/platform/classroom/:id/presence", page_room_presence, ANY_ROLE,
	    RT_CSRF | RT_MULTIPART, presence_post },
	{ "classroom.slide.public", M_GET, "/files/slides/:id",
	    page_room_slide_public, 0, 0, file_get },

	{ "classroom.callback.bbb.end", M_GET, "/callbacks/bbb/end",
	    page_callback_end, 0, RT_SIGNED, end_get },
	{ "classroom.callback.bbb.recording", M_POST,
	    "/callbacks/bbb/recording-ready", page_callback_recording, 0,
	    RT_SIGNED, recording_post },
	{ "classroom.callback.bbb.analytics", M_POST,
	    "/callbacks/bbb/analytics", page_callback_analytics, 0,
	    RT_SIGNED | RT_RAW_BODY, NULL },
};

ROUTESET(classroom_routes, routes);
