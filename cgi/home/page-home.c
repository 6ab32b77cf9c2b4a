/*
 * page-home.c: the home page, one per role.
 */
#include "core/config.h"
#include "core/layout.h"
#include "core/model.h"
#include "core/req.h"
#include "core/routes.h"
#include "home/home.h"
#include "core/tpl.h"

/*
 * GET /: who you are and where to go from here.
 * Statuses: 200.
 */
int
page_home(struct req *r)
{
	const struct user *u = r->user;
	struct tpl_dict	*d = page_begin(r, "home.tpl", "Home");

	tpl_set(d, "NAME", u->name);
	tpl_set(d, "EMAIL", u->email);
	tpl_set(d, "ROLE", role_label(u->role));
	tpl_set(d, "TIMEZONE", viewer_zone(r));
	if (u->password_temporary)
		tpl_show(d, "TEMPORARY_PASSWORD");
	switch (u->role) {
	case ROLE_ADMIN:
		tpl_show(d, "ADMIN");
		break;
	case ROLE_TEACHER:
		tpl_show(d, "TEACHER");
		break;
	default:
		tpl_show(d, "LEARNER");
		break;
	}
	return page_send(r, 200);
}
