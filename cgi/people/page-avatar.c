/*
 * page-avatar.c: serving users' pictures.  Any signed-in user may see
 * anyone's picture: it is a face beside a name they can already see.
 * What is served is only ever the JPEG Lectern made (see
 * page_avatar_upload), with its exact type, nosniff, a policy that
 * allows nothing, and the picture's SHA-256 as its ETag.
 */
#include <string.h>
#include <time.h>

#include "lib/util.h"
#include "lib/valid.h"
#include "core/db.h"
#include "core/layout.h"
#include "core/out.h"
#include "core/req.h"
#include "people/people.h"

/* 1 when the request's If-None-Match names etag (or is "*").  Pure. */
static int
etag_matches(const struct req *r, const char *etag)
{
	const char	*inm = req_env(r, "HTTP_IF_NONE_MATCH");

	return inm != NULL && (strstr(inm, etag) != NULL ||
	    strcmp(inm, "*") == 0);
}

/*
 * GET /avatars/:id: a user's picture.  The address a page writes
 * carries ?v= with the picture's version, so a new picture is a new
 * address; the version is not checked here (an old one gets the
 * current picture).
 * Statuses: 200, 304, 404, 503.
 */
int
page_avatar_get(struct req *r)
{
	struct avatar	*av;
	char		*etag;

	if (db_avatar_get(r->db, r->a, r->ids[0], &av) != DB_OK)
		return send_db_error(r);
	if (av == NULL)
		return send_error(r, 404, "This person has no picture.");
	etag = arena_printf(r->a, "\"%s\"", av->sha256);
	out_header(r, "ETag", etag);
	if (etag_matches(r, etag))
		return send_image(r, 304, "image/jpeg", NULL, 0);
	return send_image(r, 200, "image/jpeg", av->image, av->len);
}

/*
 * GET /files/avatars/:id?v=&exp=&sig=: a user's picture for a server
 * that has no sign-in cookie (the conferencing server fetches it from
 * the avatarURL of a join).  The address is ours (signed with our
 * secret over the user, the picture's version and the expiry), not
 * expired, and names the current picture: a replaced or removed
 * picture is no longer served from an old address.
 * Statuses: 200, 304, 403 (expired or not ours), 404, 503.
 */
int
page_avatar_public(struct req *r)
{
	static const char	 bad[] = "This picture address has expired "
	    "or is not valid.";
	struct avatar	*av;
	const char	*exp_s = P_str(r, "exp"), *v = P_str(r, "v");
	char		*etag;
	long long	 exp;

	if (exp_s == NULL || !valid_int(exp_s, 0, 1LL << 40, &exp) ||
	    exp < (long long)time(NULL) || !avatar_signed_ok(r->cfg, r->a,
	    r->ids[0], v, exp, P_str(r, "sig")))
		return send_error(r, 403, bad);
	if (db_avatar_get(r->db, r->a, r->ids[0], &av) != DB_OK)
		return send_db_error(r);
	if (av == NULL || !avatar_version_is(v, av->sha256))
		return send_error(r, 404, "This person has no such picture.");
	etag = arena_printf(r->a, "\"%s\"", av->sha256);
	out_header(r, "ETag", etag);
	if (etag_matches(r, etag))
		return send_image(r, 304, "image/jpeg", NULL, 0);
	return send_image(r, 200, "image/jpeg", av->image, av->len);
}
