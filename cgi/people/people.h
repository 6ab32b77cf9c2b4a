/*
 * users.h: rules about users shared by the admin pages, the CSV import
 * and lecternctl; and the timezone list offered in forms.
 */
#ifndef LECTERN_USERS_H
#define LECTERN_USERS_H

#include <stddef.h>

#include "core/db.h"
#include "core/model.h"

struct arena;
struct csv_record;
struct tpl_dict;

/* One row of a users CSV after checking. */
struct import_row {
	size_t		 line;
	struct user	 u;
	const char	*error;		/* NULL when the row is good */
};

/*
 * Check the records of a users CSV: name,email,role[,timezone], with an
 * optional header row.  Every record becomes a row; bad ones carry the
 * reason.  Emails already registered count as bad.  Returns the number
 * of bad rows, or -1 on database failure.
 */
int	users_check_import(struct db *, struct arena *,
	    const struct csv_record *, size_t, struct import_row **, size_t *);

/* Password rules for a new password: NULL when fine, else the reason. */
const char	*password_problem(const char *pw, const char *confirm);

/* Offer every timezone as a repetition of section (ZONE, SELECTED). */
void	tz_options(struct tpl_dict *, const char *section, const char *selected);

#endif
