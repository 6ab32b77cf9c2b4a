/*
 * db-lessons.c: the statements of a learner's lessons page: the
 * learner's active enrollments, by keyset pages of ids.
 */
#include "enrollment/enrollment.h"
#include "core/db.h"
#include "lib/util.h"

enum {
	EL_MINE = DB_BASE(ENROLLMENT_LESSONS_SLOT),
	EL__END
};

static const char *const sqltab[] = {
	[EL_MINE - EL_MINE] =
	    "SELECT e.id, c.title, t.name FROM enrollments e "
	    "JOIN courses c ON c.id = e.course_id "
	    "JOIN users t ON t.id = e.teacher_id "
	    "WHERE e.learner_id = ? AND e.active = 1 AND e.id > ? "
	    "ORDER BY e.id LIMIT ?",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == EL__END - EL_MINE,
    "one SQL text per lessons statement");

const struct sqltable sql_enrollment_lessons = {
	sizeof(sqltab) / sizeof(sqltab[0]), sqltab
};

enum db_rc
db_learner_enrollments(struct db *db, struct arena *a, int64_t learner,
    int64_t after_id, int limit, struct enrollment **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, EL_MINE, &res, "iii", (long long)learner,
	    (long long)after_id, (long long)limit)) != DB_OK)
		return rc;
	*list = arena_alloc(a, sizeof(**list) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		(*list)[i].id = db_int(res, 0);
		(*list)[i].learner_id = learner;
		(*list)[i].course_title = db_dup(a, res, 1);
		(*list)[i].teacher_name = db_dup(a, res, 2);
		(*list)[i].active = 1;
	}
	*n = res->nrows;
	return DB_OK;
}
