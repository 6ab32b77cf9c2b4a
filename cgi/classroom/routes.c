/*
 * routes-classroom.c: classroom channels in the route table.  Site
 * administrators manage channels and their members under /admin; every
 * signed-in user sees the classrooms they belong to, and a channel's
 * admins start and end its sessions.  Joining answers with the
 * conferencing server's address, so those routes send no referrer.
 * Each handler checks the user's part in the channel or session itself.
 */
#include <stddef.h>

#include "classroom/channels.h"
#include "classroom/sync.h"
#include "core/model.h"
#include "core/req.h"
#include "core/routes.h"

#define ANY_ROLE	(ROLE_ADMIN | ROLE_TEACHER | ROLE_LEARNER)
#define ADMIN		ROLE_ADMIN
#define POST_FORM	(RT_CSRF | RT_FORM)
#define END		{ NULL, 0, 0, 0, 0, NULL, NULL }

static const struct pdecl list_get[] = {
	{ "q", PT_TEXT, 0, 0, 100, NULL, "Search" },
	{ "after_name", PT_TEXT, 0, 0, 100, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl channel_get[] = {
	{ "find", PT_TEXT, 0, 0, 100, NULL, "Find people" },
	{ "after_name", PT_TEXT, 0, 0, 100, NULL, "Page position" },
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

static const struct pdecl mine_get[] = {
	{ "after_name", PT_TEXT, 0, 0, 100, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
	END
};

static const struct pdecl history_get[] = {
	{ "after", PT_TEXT, 0, 19, 19, NULL, "Page position" },
	{ "after_id", PT_ID, 0, 0, 0, NULL, "Page position" },
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

static const struct route routes[] = {
	{ "admin.channels", M_GET, "/admin/channels", page_channels, ADMIN,
	    0, list_get },
	{ "admin.channel.new", M_GET, "/admin/channels/new", page_channel_new,
	    ADMIN, 0, NULL },
	{ "admin.channel.create", M_POST, "/admin/channels/new",
	    page_channel_create, ADMIN, POST_FORM, channel_post },
	{ "admin.channel", M_GET, "/admin/channels/:id", page_channel_edit,
	    ADMIN, 0, channel_get },
	{ "admin.channel.save", M_POST, "/admin/channels/:id",
	    page_channel_save, ADMIN, POST_FORM, channel_post },
	{ "admin.channel.archive", M_POST, "/admin/channels/:id/archive",
	    page_channel_archive, ADMIN, RT_CSRF, NULL },
	{ "admin.channel.unarchive", M_POST, "/admin/channels/:id/unarchive",
	    page_channel_unarchive, ADMIN, RT_CSRF, NULL },
	{ "admin.channel.member.add", M_POST, "/admin/channels/:id/members",
	    page_channel_member_add, ADMIN, RT_CSRF, member_post },
	{ "admin.channel.member.remove", M_POST,
	    "/admin/channels/:id/members/:id/remove",
	    page_channel_member_remove, ADMIN, RT_CSRF, NULL },
	{ "admin.channel.member.admin", M_POST,
	    "/admin/channels/:id/members/:id/make-admin",
	    page_channel_member_admin, ADMIN, RT_CSRF, NULL },
	{ "admin.channel.member.unadmin", M_POST,
	    "/admin/channels/:id/members/:id/unmake-admin",
	    page_channel_member_unadmin, ADMIN, RT_CSRF, NULL },

	{ "classrooms", M_GET, "/platform/channels", page_classrooms,
	    ANY_ROLE, 0, mine_get },
	{ "classroom.channel", M_GET, "/platform/channels/:id",
	    page_classroom_channel, ANY_ROLE, 0, history_get },
	{ "classroom.form", M_GET, "/platform/channels/:id/start",
	    page_classroom_form, ANY_ROLE, 0, NULL },
	{ "classroom.start", M_POST, "/platform/channels/:id/start",
	    page_classroom_start, ANY_ROLE, POST_FORM, start_post },
	{ "classroom.join", M_POST, "/platform/classroom/:id/join",
	    page_classroom_join, ANY_ROLE, RT_CSRF | RT_NO_REFERRER, NULL },
	{ "classroom.end", M_POST, "/platform/classroom/:id/end",
	    page_classroom_end, ANY_ROLE, RT_CSRF, NULL },
	{ "classroom.summary", M_GET, "/platform/classroom/:id/summary",
	    page_classroom_summary, ANY_ROLE, 0, NULL },
	{ "classroom.recording.publish", M_POST,
	    "/platform/classroom/:id/recordings/:id/publish",
	    page_recording_publish, ANY_ROLE, RT_CSRF, NULL },
	{ "classroom.recording.unpublish", M_POST,
	    "/platform/classroom/:id/recordings/:id/unpublish",
	    page_recording_unpublish, ANY_ROLE, RT_CSRF, NULL },
	{ "classroom.recording.delete", M_POST,
	    "/platform/classroom/:id/recordings/:id/delete",
	    page_recording_delete, ANY_ROLE, RT_CSRF, NULL },
	{ "live.join", M_POST, "/platform/sessions/:id/join", page_live_join,
	    ANY_ROLE, RT_CSRF | RT_NO_REFERRER, NULL },
};

ROUTESET(classroom_routes, routes);
