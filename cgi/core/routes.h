/*
 * routes.h: the route table and every page handler.
 * Each handler returns the HTTP status it sent.
 */
#ifndef LECTERN_ROUTES_H
#define LECTERN_ROUTES_H

#include <stddef.h>

#include "core/req.h"

/*
 * The route table is one array per group of pages; routesets[] lists
 * them all, and the dispatcher searches them in order.
 */
struct routeset {
	const struct route	*routes;
	size_t			 n;
};

extern const struct routeset	core_routes;		/* routes.c */
extern const struct routeset	catalogue_routes;	/* routes-catalogue.c */
extern const struct routeset	session_routes;		/* routes-sessions.c */
extern const struct routeset	learn_routes;		/* routes-learn.c */
extern const struct routeset	enrol_routes;		/* routes-enrol.c */
extern const struct routeset	live_routes;		/* routes-live.c */
extern const struct routeset	notify_routes;		/* routes-notify.c */
extern const struct routeset	classroom_routes;	/* routes-classroom.c */
extern const struct routeset	room_routes;		/* routes-room.c */
extern const struct routeset	callback_routes;	/* routes-callback.c */
extern const struct routeset	*const routesets[];
extern const size_t		 nroutesets;

#define ROUTESET(name, table) \
	const struct routeset name = { table, sizeof(table) / sizeof(table[0]) }

/* page-auth.c */
int	page_login(struct req *);
int	page_login_post(struct req *);
int	page_logout(struct req *);
int	page_welcome(struct req *);
int	page_welcome_post(struct req *);
/* page-home.c */
int	page_home(struct req *);
/* page-account.c */
int	page_account(struct req *);
int	page_account_password(struct req *);
int	page_account_timezone(struct req *);
/* page-admin-users.c */
int	page_users(struct req *);
int	page_user_new(struct req *);
int	page_user_create(struct req *);
int	page_user_edit(struct req *);
int	page_user_save(struct req *);
int	page_user_disable(struct req *);
int	page_user_enable(struct req *);
int	page_user_password(struct req *);
/* page-admin-import.c */
int	page_import(struct req *);
int	page_import_upload(struct req *);
int	page_import_apply(struct req *);

/* Print the route table (for tests): method, pattern, roles, flags. */
void	routes_print(void);

#endif
