/*
 * home.h: the home page of every role.
 */
#ifndef LECTERN_HOME_H
#define LECTERN_HOME_H

struct req;

extern const struct routeset	home_routes;

/* page-home.c */
int	page_home(struct req *);

#endif
