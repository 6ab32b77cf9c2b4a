/*
 * routes-callback.c: the addresses a conferencing provider calls back.
 * They are public (roles 0) and flagged RT_SIGNED: each request proves
 * itself with our HMAC token or a JWT signed with the provider's shared
 * secret instead of a sign-in cookie and a CSRF token (see
 * page-callback.c).
 */
#include <stddef.h>

#include "classroom/callback.h"
#include "core/req.h"
#include "core/routes.h"

#define END		{ NULL, 0, 0, 0, 0, NULL, NULL }

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

static const struct route routes[] = {
	{ "callback.bbb.end", M_GET, "/callbacks/bbb/end",
	    page_callback_end, 0, RT_SIGNED, end_get },
	{ "callback.bbb.recording", M_POST, "/callbacks/bbb/recording-ready",
	    page_callback_recording, 0, RT_SIGNED, recording_post },
	{ "callback.bbb.analytics", M_POST, "/callbacks/bbb/analytics",
	    page_callback_analytics, 0, RT_SIGNED | RT_RAW_BODY, NULL },
};

ROUTESET(callback_routes, routes);
