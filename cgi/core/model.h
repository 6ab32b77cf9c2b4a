/*
 * model.h: the records the database layer hands to pages.
 */
#ifndef LECTERN_MODEL_H
#define LECTERN_MODEL_H

#include <stdint.h>

enum role {
	ROLE_LEARNER = 1,
	ROLE_TEACHER = 2,
	ROLE_ADMIN = 4
};

struct user {
	int64_t		 id;
	char		*name;
	char		*email;
	enum role	 role;
	char		*timezone;	/* NULL: the school's */
	int		 disabled;
	int		 password_temporary;
	char		*password_hash;	/* NULL: cannot sign in yet */
	char		*created_at;
};

/* "admin" / "teacher" / "learner" and back; role_parse returns 0 if unknown. */
const char	*role_name(enum role);
const char	*role_label(enum role);
enum role	 role_parse(const char *);

#endif
