/*
 * roles.c: the names of the roles (declared in core/model.h), on their
 * own so that the database functions of people/ and core's sign-in can
 * use them without calling back into the rest of the domain.
 */
#include <stddef.h>
#include <strings.h>

#include "core/model.h"

const char *
role_name(enum role r)
{
	switch (r) {
	case ROLE_ADMIN: return "admin";
	case ROLE_TEACHER: return "teacher";
	default: return "learner";
	}
}

const char *
role_label(enum role r)
{
	switch (r) {
	case ROLE_ADMIN: return "Administrator";
	case ROLE_TEACHER: return "Teacher";
	default: return "Learner";
	}
}

enum role
role_parse(const char *s)
{
	if (s == NULL)
		return 0;
	if (strcasecmp(s, "admin") == 0)
		return ROLE_ADMIN;
	if (strcasecmp(s, "teacher") == 0)
		return ROLE_TEACHER;
	if (strcasecmp(s, "learner") == 0)
		return ROLE_LEARNER;
	return 0;
}
