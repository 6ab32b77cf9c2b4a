/*
 * db.c: the catalogue domain's SQL and its functions: courses
 * and their ordered lessons, session categories, classes and their
 * members.  Lists are keyset-paginated on (text column, id), which the
 * schema indexes; the first page starts after ("", 0).
 */
#include <string.h>

#include "catalogue/catalogue.h"
#include "core/db.h"
#include "lib/util.h"

enum {
	CAT_COURSE_GET = DB_BASE(CATALOGUE_SLOT),
	CAT_COURSE_INSERT,
	CAT_COURSE_UPDATE,
	CAT_COURSE_SET_ARCHIVED,
	CAT_COURSE_LIST,
	CAT_COURSE_SEARCH,
	CAT_COURSE_LOCK,
	CAT_LESSON_LIST,
	CAT_LESSON_GET,
	CAT_LESSON_INSERT,
	CAT_LESSON_UPDATE,
	CAT_LESSON_ABOVE,
	CAT_LESSON_BELOW,
	CAT_LESSON_SET_POSITION,
	CAT_LESSON_SET_ARCHIVED,
	CAT_CATEGORY_GET,
	CAT_CATEGORY_INSERT,
	CAT_CATEGORY_RENAME,
	CAT_CATEGORY_SET_ARCHIVED,
	CAT_CATEGORY_LIST,
	CAT_CLASS_GET,
	CAT_CLASS_INSERT,
	CAT_CLASS_UPDATE,
	CAT_CLASS_SET_ARCHIVED,
	CAT_CLASS_LIST,
	CAT_CLASS_SEARCH,
	CAT_CLASS_MEMBERS,
	CAT_CLASS_CANDIDATES,
	CAT_CLASS_MEMBER_INSERT,
	CAT_CLASS_MEMBER_DELETE,
	CAT__END
};

#define CAT_N		(CAT__END - DB_BASE(CATALOGUE_SLOT))
#define IDX(st)		[(st) - DB_BASE(CATALOGUE_SLOT)]

/* "Archived rows only when asked" and "after the keyset position". */
#define WITH_ARCHIVED	"(archived = 0 OR ? = 1)"
#define AFTER(col)	"(" col " > ? OR (" col " = ? AND id > ?))"

#define COURSE_COLS	"id, title, code, description, archived, " \
			"created_at, updated_at"
#define LESSON_COLS	"id, course_id, title, type, position, archived"

static const char *const sqltab[CAT_N] = {
	IDX(CAT_COURSE_GET) =
	    "SELECT " COURSE_COLS " FROM courses WHERE id = ?",
	IDX(CAT_COURSE_INSERT) =
	    "INSERT INTO courses (title, code, description, created_at, "
	    "updated_at) VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	IDX(CAT_COURSE_UPDATE) =
	    "UPDATE courses SET title = ?, code = ?, description = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",
	IDX(CAT_COURSE_SET_ARCHIVED) =
	    "UPDATE courses SET archived = ?, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ?",
	IDX(CAT_COURSE_LIST) =
	    "SELECT " COURSE_COLS " FROM courses WHERE " WITH_ARCHIVED
	    " AND " AFTER("title") " ORDER BY title, id LIMIT ?",
	IDX(CAT_COURSE_SEARCH) =
	    "SELECT " COURSE_COLS " FROM courses WHERE " WITH_ARCHIVED
	    " AND (title LIKE ? OR code LIKE ?) AND " AFTER("title")
	    " ORDER BY title, id LIMIT ?",
	/* Serialises changes to the order of one course's lessons. */
	IDX(CAT_COURSE_LOCK) =
	    "SELECT id FROM courses WHERE id = ? FOR UPDATE",

	IDX(CAT_LESSON_LIST) =
	    "SELECT " LESSON_COLS " FROM course_lessons WHERE course_id = ? "
	    "ORDER BY position, id",
	IDX(CAT_LESSON_GET) =
	    "SELECT " LESSON_COLS " FROM course_lessons "
	    "WHERE id = ? AND course_id = ?",
	IDX(CAT_LESSON_INSERT) =
	    "INSERT INTO course_lessons (course_id, title, type, position, "
	    "created_at, updated_at) SELECT ?, ?, ?, "
	    "COALESCE(MAX(position), 0) + 1, UTC_TIMESTAMP(), UTC_TIMESTAMP() "
	    "FROM course_lessons WHERE course_id = ?",
	IDX(CAT_LESSON_UPDATE) =
	    "UPDATE course_lessons SET title = ?, type = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ? AND course_id = ?",
	IDX(CAT_LESSON_ABOVE) =
	    "SELECT id, position FROM course_lessons WHERE course_id = ? "
	    "AND (position < ? OR (position = ? AND id < ?)) "
	    "ORDER BY position DESC, id DESC LIMIT 1",
	IDX(CAT_LESSON_BELOW) =
	    "SELECT id, position FROM course_lessons WHERE course_id = ? "
	    "AND (position > ? OR (position = ? AND id > ?)) "
	    "ORDER BY position, id LIMIT 1",
	IDX(CAT_LESSON_SET_POSITION) =
	    "UPDATE course_lessons SET position = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ? AND course_id = ?",
	IDX(CAT_LESSON_SET_ARCHIVED) =
	    "UPDATE course_lessons SET archived = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",

	IDX(CAT_CATEGORY_GET) =
	    "SELECT id, name, archived FROM session_categories WHERE id = ?",
	IDX(CAT_CATEGORY_INSERT) =
	    "INSERT INTO session_categories (name, created_at, updated_at) "
	    "VALUES (?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	IDX(CAT_CATEGORY_RENAME) =
	    "UPDATE session_categories SET name = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",
	IDX(CAT_CATEGORY_SET_ARCHIVED) =
	    "UPDATE session_categories SET archived = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",
	IDX(CAT_CATEGORY_LIST) =
	    "SELECT id, name, archived FROM session_categories WHERE "
	    WITH_ARCHIVED " AND " AFTER("name") " ORDER BY name, id LIMIT ?",

	IDX(CAT_CLASS_GET) =
	    "SELECT c.id, c.name, c.description, c.archived, c.created_at, "
	    "(SELECT COUNT(*) FROM class_members m WHERE m.class_id = c.id) "
	    "FROM classes c WHERE c.id = ?",
	IDX(CAT_CLASS_INSERT) =
	    "INSERT INTO classes (name, description, created_at, updated_at) "
	    "VALUES (?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP())",
	IDX(CAT_CLASS_UPDATE) =
	    "UPDATE classes SET name = ?, description = ?, "
	    "updated_at = UTC_TIMESTAMP() WHERE id = ?",
	IDX(CAT_CLASS_SET_ARCHIVED) =
	    "UPDATE classes SET archived = ?, updated_at = UTC_TIMESTAMP() "
	    "WHERE id = ?",
	/*
	 * The page of classes is chosen first (the derived table, which
	 * walks the (name, id) index), then only its rows are joined to
	 * their members and counted.
	 */
	IDX(CAT_CLASS_LIST) =
	    "SELECT p.id, p.name, p.archived, COUNT(m.user_id) FROM "
	    "(SELECT id, name, archived FROM classes WHERE " WITH_ARCHIVED
	    " AND " AFTER("name") " ORDER BY name, id LIMIT ?) p "
	    "LEFT JOIN class_members m ON m.class_id = p.id "
	    "GROUP BY p.id, p.name, p.archived ORDER BY p.name, p.id",
	IDX(CAT_CLASS_SEARCH) =
	    "SELECT p.id, p.name, p.archived, COUNT(m.user_id) FROM "
	    "(SELECT id, name, archived FROM classes WHERE " WITH_ARCHIVED
	    " AND name LIKE ? AND " AFTER("name")
	    " ORDER BY name, id LIMIT ?) p "
	    "LEFT JOIN class_members m ON m.class_id = p.id "
	    "GROUP BY p.id, p.name, p.archived ORDER BY p.name, p.id",
	IDX(CAT_CLASS_MEMBERS) =
	    "SELECT u.id, u.name, u.email, u.disabled, m.added_at "
	    "FROM class_members m JOIN users u ON u.id = m.user_id "
	    "WHERE m.class_id = ? "
	    "AND (u.name > ? OR (u.name = ? AND u.id > ?)) "
	    "ORDER BY u.name, u.id LIMIT ?",
	IDX(CAT_CLASS_CANDIDATES) =
	    "SELECT u.id, u.name, u.email, u.disabled FROM users u "
	    "WHERE u.role = 'learner' AND u.disabled = 0 "
	    "AND (u.name LIKE ? OR u.email LIKE ?) AND NOT EXISTS "
	    "(SELECT 1 FROM class_members m WHERE m.class_id = ? "
	    "AND m.user_id = u.id) ORDER BY u.name, u.id LIMIT ?",
	/* Inserts nothing unless the user is an active learner. */
	IDX(CAT_CLASS_MEMBER_INSERT) =
	    "INSERT INTO class_members (class_id, user_id, added_at) "
	    "SELECT ?, id, UTC_TIMESTAMP() FROM users "
	    "WHERE id = ? AND role = 'learner' AND disabled = 0",
	IDX(CAT_CLASS_MEMBER_DELETE) =
	    "DELETE FROM class_members WHERE class_id = ? AND user_id = ?",
};

_Static_assert(sizeof(sqltab) / sizeof(sqltab[0]) == CAT_N,
    "one SQL text per catalogue statement");

const struct sqltable sql_catalogue = { CAT_N, sqltab };

const char *const lesson_type_opts[] = {
	"class", "homework", "independent", NULL
};

static const char *const lesson_type_labels[] = {
	"Class", "Homework", "Independent"
};

_Static_assert(sizeof(lesson_type_labels) / sizeof(lesson_type_labels[0]) ==
    LESSON__MAX, "one label per lesson type");

const char *
lesson_type_name(enum lesson_type t)
{
	return t < LESSON__MAX ? lesson_type_opts[t] : "class";
}

const char *
lesson_type_label(enum lesson_type t)
{
	return t < LESSON__MAX ? lesson_type_labels[t] : "Class";
}

int
lesson_type_parse(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < LESSON__MAX; i++)
		if (strcmp(s, lesson_type_opts[i]) == 0)
			return i;
	return -1;
}

/* Column i of the current row copied into a, or NULL for SQL NULL. */
static char *
col(struct arena *a, const struct dbres *res, size_t i)
{
	const char	*s = db_textn(res, i);

	return s != NULL ? arena_strdup(a, s) : NULL;
}

/* Column i of the current row copied into a; "" for SQL NULL. */
static char *
col_text(struct arena *a, const struct dbres *res, size_t i)
{
	return arena_strdup(a, db_text(res, i));
}

/* The keyset position as bound values: the first page is after ("", 0). */
static const char *
ks_text(const struct keyset *ks)
{
	return ks->after_id > 0 && ks->after_text != NULL ?
	    ks->after_text : "";
}

static long long
ks_id(const struct keyset *ks)
{
	return ks->after_id > 0 ? (long long)ks->after_id : 0;
}

/* 1 when a list is searched: search is neither NULL nor "". */
#define SEARCHING(search)	((search) != NULL && *(search) != '\0')

/*
 * One page of a list with statement st, which binds with_archived, the
 * search's LIKE pattern npat times (only when SEARCHING(search)), the
 * keyset position and the limit.
 */
static enum db_rc
list_query(struct db *db, struct arena *a, int st, const char *search,
    int npat, int with_archived, const struct keyset *ks, struct dbres **res)
{
	long long	 arch = with_archived != 0;
	char		*pat;

	if (!SEARCHING(search))
		return db_query(db, a, st, res, "issii", arch, ks_text(ks),
		    ks_text(ks), ks_id(ks), (long long)ks->limit);
	pat = db_like_contains(a, search);
	if (npat == 1)
		return db_query(db, a, st, res, "isssii", arch, pat,
		    ks_text(ks), ks_text(ks), ks_id(ks), (long long)ks->limit);
	return db_query(db, a, st, res, "issssii", arch, pat, pat,
	    ks_text(ks), ks_text(ks), ks_id(ks), (long long)ks->limit);
}

/* Set the archived flag of row id with statement st. */
static enum db_rc
set_archived(struct db *db, int st, int64_t id, int archived)
{
	return db_exec(db, st, NULL, "ii", (long long)(archived != 0),
	    (long long)id);
}

/* After an insert that returned rc: its id in *id (when not NULL). */
static enum db_rc
inserted(struct db *db, enum db_rc rc, int64_t *id)
{
	if (rc == DB_OK && id != NULL)
		*id = db_last_id(db);
	return rc;
}

/* Copy one COURSE_COLS row into c. */
static void
course_row(struct arena *a, const struct dbres *res, struct course *c)
{
	c->id = db_int(res, 0);
	c->title = col_text(a, res, 1);
	c->code = col_text(a, res, 2);
	c->description = col(a, res, 3);
	c->archived = db_int(res, 4) != 0;
	c->created_at = col_text(a, res, 5);
	c->updated_at = col_text(a, res, 6);
}

enum db_rc
db_course_get(struct db *db, struct arena *a, int64_t id, struct course **out)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, CAT_COURSE_GET, &res, "i",
	    (long long)id)) != DB_OK)
		return rc;
	if (res->nrows > 0) {
		*out = arena_alloc(a, sizeof(**out));
		course_row(a, res, *out);
	}
	return DB_OK;
}

enum db_rc
db_course_create(struct db *db, const struct course *c, int64_t *id)
{
	return inserted(db, db_exec(db, CAT_COURSE_INSERT, NULL, "sss",
	    c->title, c->code, c->description), id);
}

enum db_rc
db_course_update(struct db *db, const struct course *c)
{
	return db_exec(db, CAT_COURSE_UPDATE, NULL, "sssi", c->title, c->code,
	    c->description, (long long)c->id);
}

enum db_rc
db_course_set_archived(struct db *db, int64_t id, int archived)
{
	return set_archived(db, CAT_COURSE_SET_ARCHIVED, id, archived);
}

enum db_rc
db_course_list(struct db *db, struct arena *a, const char *search,
    int with_archived, const struct keyset *ks, struct course **list,
    size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	*list = NULL;
	*n = 0;
	if ((rc = list_query(db, a, SEARCHING(search) ? CAT_COURSE_SEARCH :
	    CAT_COURSE_LIST, search, 2, with_archived, ks, &res)) != DB_OK)
		return rc;
	*list = arena_alloc(a, sizeof(struct course) * (res->nrows + 1));
	for (i = 0; db_next(res); i++)
		course_row(a, res, &(*list)[i]);
	*n = res->nrows;
	return DB_OK;
}

/* Copy one LESSON_COLS row into l. */
static void
lesson_row(struct arena *a, const struct dbres *res, struct lesson *l)
{
	int	 t = lesson_type_parse(db_text(res, 3));

	l->id = db_int(res, 0);
	l->course_id = db_int(res, 1);
	l->title = col_text(a, res, 2);
	l->type = t < 0 ? LESSON_CLASS : (enum lesson_type)t;
	l->position = db_int(res, 4);
	l->archived = db_int(res, 5) != 0;
}

enum db_rc
db_lesson_list(struct db *db, struct arena *a, int64_t course,
    struct lesson **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	size_t		 i;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CAT_LESSON_LIST, &res, "i",
	    (long long)course)) != DB_OK)
		return rc;
	*list = arena_alloc(a, sizeof(struct lesson) * (res->nrows + 1));
	for (i = 0; db_next(res); i++)
		lesson_row(a, res, &(*list)[i]);
	*n = res->nrows;
	return DB_OK;
}

enum db_rc
db_lesson_get(struct db *db, struct arena *a, int64_t course, int64_t id,
    struct lesson **out)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, CAT_LESSON_GET, &res, "ii", (long long)id,
	    (long long)course)) != DB_OK)
		return rc;
	if (res->nrows > 0) {
		*out = arena_alloc(a, sizeof(**out));
		lesson_row(a, res, *out);
	}
	return DB_OK;
}

/*
 * Lock the course row for the rest of the transaction, so that two
 * requests never number or reorder its lessons at the same time.
 * Sets *found.  Returns DB_OK or the failure.
 */
static enum db_rc
course_lock(struct db *db, struct arena *a, int64_t course, int *found)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*found = 0;
	if ((rc = db_query(db, a, CAT_COURSE_LOCK, &res, "i",
	    (long long)course)) != DB_OK)
		return rc;
	*found = res->nrows > 0;
	return DB_OK;
}

/*
 * Add the lesson after the course's last one, numbering it while the
 * course row is locked.
 */
enum db_rc
db_lesson_create(struct db *db, struct arena *a, int64_t course,
    const char *title, enum lesson_type type, int64_t *id)
{
	enum db_rc	 rc;
	int		 found;

	*id = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = course_lock(db, a, course, &found)) != DB_OK || !found)
		goto fail;
	if ((rc = db_exec(db, CAT_LESSON_INSERT, NULL, "issi",
	    (long long)course, title, lesson_type_name(type),
	    (long long)course)) != DB_OK)
		goto fail;
	*id = db_last_id(db);
	if ((rc = db_commit(db)) != DB_OK)
		*id = 0;
	return rc;
fail:
	db_rollback(db);
	return rc;
}

enum db_rc
db_lesson_update(struct db *db, int64_t course, int64_t id, const char *title,
    enum lesson_type type)
{
	return db_exec(db, CAT_LESSON_UPDATE, NULL, "ssii", title,
	    lesson_type_name(type), (long long)id, (long long)course);
}

/*
 * Swap positions with the neighbour, inside one transaction that holds
 * the course row.
 */
enum db_rc
db_lesson_move(struct db *db, struct arena *a, int64_t course, int64_t id,
    int up, int *moved)
{
	struct dbres	*res;
	struct lesson	*l = NULL;
	long long	 other_id, other_pos;
	enum db_rc	 rc;
	int		 found;

	*moved = 0;
	if ((rc = db_begin(db)) != DB_OK)
		return rc;
	if ((rc = course_lock(db, a, course, &found)) != DB_OK || !found)
		goto fail;
	if ((rc = db_lesson_get(db, a, course, id, &l)) != DB_OK || l == NULL)
		goto fail;
	if ((rc = db_query(db, a, up ? CAT_LESSON_ABOVE : CAT_LESSON_BELOW,
	    &res, "iiii", (long long)course, l->position, l->position,
	    (long long)l->id)) != DB_OK || res->nrows == 0)
		goto fail;
	other_id = db_int(res, 0);
	other_pos = db_int(res, 1);
	if ((rc = db_exec(db, CAT_LESSON_SET_POSITION, NULL, "iii", other_pos,
	    (long long)l->id, (long long)course)) != DB_OK)
		goto fail;
	if ((rc = db_exec(db, CAT_LESSON_SET_POSITION, NULL, "iii",
	    l->position, other_id, (long long)course)) != DB_OK)
		goto fail;
	if ((rc = db_commit(db)) == DB_OK)
		*moved = 1;
	return rc;
fail:
	/* Also the way out when there is nothing to move (rc is DB_OK). */
	db_rollback(db);
	return rc;
}

enum db_rc
db_lesson_set_archived(struct db *db, int64_t id, int archived)
{
	return set_archived(db, CAT_LESSON_SET_ARCHIVED, id, archived);
}

enum db_rc
db_category_get(struct db *db, struct arena *a, int64_t id,
    struct category **out)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, CAT_CATEGORY_GET, &res, "i",
	    (long long)id)) != DB_OK)
		return rc;
	if (res->nrows > 0) {
		*out = arena_alloc(a, sizeof(**out));
		(*out)->id = db_int(res, 0);
		(*out)->name = col_text(a, res, 1);
		(*out)->archived = db_int(res, 2) != 0;
	}
	return DB_OK;
}

enum db_rc
db_category_create(struct db *db, const char *name, int64_t *id)
{
	return inserted(db, db_exec(db, CAT_CATEGORY_INSERT, NULL, "s", name),
	    id);
}

enum db_rc
db_category_rename(struct db *db, int64_t id, const char *name)
{
	return db_exec(db, CAT_CATEGORY_RENAME, NULL, "si", name,
	    (long long)id);
}

enum db_rc
db_category_set_archived(struct db *db, int64_t id, int archived)
{
	return set_archived(db, CAT_CATEGORY_SET_ARCHIVED, id, archived);
}

enum db_rc
db_category_list(struct db *db, struct arena *a, int with_archived,
    const struct keyset *ks, struct category **list, size_t *n)
{
	struct dbres	*res;
	struct category	*c;
	enum db_rc	 rc;
	size_t		 i;

	*list = NULL;
	*n = 0;
	if ((rc = list_query(db, a, CAT_CATEGORY_LIST, NULL, 0, with_archived,
	    ks, &res)) != DB_OK)
		return rc;
	*list = arena_alloc(a, sizeof(struct category) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		c = &(*list)[i];
		c->id = db_int(res, 0);
		c->name = col_text(a, res, 1);
		c->archived = db_int(res, 2) != 0;
	}
	*n = res->nrows;
	return DB_OK;
}

enum db_rc
db_class_get(struct db *db, struct arena *a, int64_t id, struct klass **out)
{
	struct dbres	*res;
	struct klass	*k;
	enum db_rc	 rc;

	*out = NULL;
	if ((rc = db_query(db, a, CAT_CLASS_GET, &res, "i",
	    (long long)id)) != DB_OK)
		return rc;
	if (res->nrows == 0)
		return DB_OK;
	k = arena_alloc(a, sizeof(*k));
	k->id = db_int(res, 0);
	k->name = col_text(a, res, 1);
	k->description = col(a, res, 2);
	k->archived = db_int(res, 3) != 0;
	k->created_at = col_text(a, res, 4);
	k->members = db_int(res, 5);
	*out = k;
	return DB_OK;
}

enum db_rc
db_class_create(struct db *db, const struct klass *k, int64_t *id)
{
	return inserted(db, db_exec(db, CAT_CLASS_INSERT, NULL, "ss", k->name,
	    k->description), id);
}

enum db_rc
db_class_update(struct db *db, const struct klass *k)
{
	return db_exec(db, CAT_CLASS_UPDATE, NULL, "ssi", k->name,
	    k->description, (long long)k->id);
}

enum db_rc
db_class_set_archived(struct db *db, int64_t id, int archived)
{
	return set_archived(db, CAT_CLASS_SET_ARCHIVED, id, archived);
}

enum db_rc
db_class_list(struct db *db, struct arena *a, const char *search,
    int with_archived, const struct keyset *ks, struct klass **list,
    size_t *n)
{
	struct dbres	*res;
	struct klass	*k;
	enum db_rc	 rc;
	size_t		 i;

	*list = NULL;
	*n = 0;
	if ((rc = list_query(db, a, SEARCHING(search) ? CAT_CLASS_SEARCH :
	    CAT_CLASS_LIST, search, 1, with_archived, ks, &res)) != DB_OK)
		return rc;
	*list = arena_alloc(a, sizeof(struct klass) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		k = &(*list)[i];
		k->id = db_int(res, 0);
		k->name = col_text(a, res, 1);
		k->archived = db_int(res, 2) != 0;
		k->members = db_int(res, 3);
	}
	*n = res->nrows;
	return DB_OK;
}

/* Copy member rows (id, name, email, disabled[, added_at]) into a list. */
static struct member *
member_rows(struct arena *a, struct dbres *res, int with_added)
{
	struct member	*list, *m;
	size_t		 i;

	list = arena_alloc(a, sizeof(struct member) * (res->nrows + 1));
	for (i = 0; db_next(res); i++) {
		m = &list[i];
		m->user_id = db_int(res, 0);
		m->name = col_text(a, res, 1);
		m->email = col_text(a, res, 2);
		m->disabled = db_int(res, 3) != 0;
		m->added_at = with_added ? col(a, res, 4) : NULL;
	}
	return list;
}

enum db_rc
db_class_members(struct db *db, struct arena *a, int64_t class_id,
    const struct keyset *ks, struct member **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;

	*list = NULL;
	*n = 0;
	if ((rc = db_query(db, a, CAT_CLASS_MEMBERS, &res, "issii",
	    (long long)class_id, ks_text(ks), ks_text(ks), ks_id(ks),
	    (long long)ks->limit)) != DB_OK)
		return rc;
	*list = member_rows(a, res, 1);
	*n = res->nrows;
	return DB_OK;
}

enum db_rc
db_class_candidates(struct db *db, struct arena *a, int64_t class_id,
    const char *search, int limit, struct member **list, size_t *n)
{
	struct dbres	*res;
	enum db_rc	 rc;
	char		*pat;

	*list = NULL;
	*n = 0;
	pat = db_like_contains(a, search != NULL ? search : "");
	if ((rc = db_query(db, a, CAT_CLASS_CANDIDATES, &res, "ssii", pat, pat,
	    (long long)class_id, (long long)limit)) != DB_OK)
		return rc;
	*list = member_rows(a, res, 0);
	*n = res->nrows;
	return DB_OK;
}

enum db_rc
db_class_add_member(struct db *db, int64_t class_id, int64_t user_id,
    int *added)
{
	long long	 n = 0;
	enum db_rc	 rc;

	rc = db_exec(db, CAT_CLASS_MEMBER_INSERT, &n, "ii",
	    (long long)class_id, (long long)user_id);
	*added = rc == DB_OK && n > 0;
	return rc;
}

enum db_rc
db_class_remove_member(struct db *db, int64_t class_id, int64_t user_id,
    int *removed)
{
	long long	 n = 0;
	enum db_rc	 rc;

	rc = db_exec(db, CAT_CLASS_MEMBER_DELETE, &n, "ii",
	    (long long)class_id, (long long)user_id);
	*removed = rc == DB_OK && n > 0;
	return rc;
}
