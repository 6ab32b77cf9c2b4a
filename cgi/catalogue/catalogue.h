/*
 * catalogue.h: the catalogue of training: courses and their lessons,
 * session categories, and classes (named groups of learners).  The
 * records and their rules, the domain functions over the database
 * (db.c) and the handlers of the administrator's pages (page-courses.c,
 * page-categories.c, page-classes.c; the flows they share are in
 * item.h).
 *
 * Domain functions return DB_OK or the failure; lookups that find
 * nothing return DB_OK with NULL.  Results live in the given arena.
 * Nothing is ever deleted: courses, lessons, categories and classes are
 * archived instead, and stay visible to administrators.
 */
#ifndef LECTERN_CATALOGUE_H
#define LECTERN_CATALOGUE_H

#include <stddef.h>
#include <stdint.h>

#include "core/db.h"

/* Slot of the statement table in catalogue/db.c (see app.c). */
#define CATALOGUE_SLOT	4
extern const struct sqltable	sql_catalogue;
extern const struct routeset	catalogue_routes;

struct arena;
struct req;

#define COURSE_TITLE_MAX	200
#define COURSE_CODE_MAX		40
#define COURSE_DESC_MAX		5000
#define LESSON_TITLE_MAX	200
#define CATEGORY_NAME_MAX	100
#define CLASS_NAME_MAX		100
#define CLASS_DESC_MAX		5000

struct course {
	int64_t		 id;
	char		*title;
	char		*code;
	char		*description;	/* NULL: none */
	int		 archived;
	char		*created_at;	/* UTC, "YYYY-MM-DD HH:MM:SS" */
	char		*updated_at;
};

/* Lesson types, in the order the forms offer them. */
enum lesson_type {
	LESSON_CLASS = 0,
	LESSON_HOMEWORK,
	LESSON_INDEPENDENT,
	LESSON__MAX
};

struct lesson {
	int64_t		 id;
	int64_t		 course_id;
	char		*title;
	enum lesson_type type;
	long long	 position;	/* order inside the course, from 1 */
	int		 archived;
};

struct category {
	int64_t		 id;
	char		*name;
	int		 archived;
};

struct klass {
	int64_t		 id;
	char		*name;
	char		*description;	/* NULL: none */
	int		 archived;
	long long	 members;	/* number of members */
	char		*created_at;
};

/* A member of a class, or a learner who could become one. */
struct member {
	int64_t		 user_id;
	char		*name;
	char		*email;
	int		 disabled;
	char		*added_at;	/* NULL for a candidate */
};

/*
 * One page of a keyset-paginated list: rows sorted by a text column
 * then id, starting after (after_text, after_id) when after_id > 0.
 */
struct keyset {
	const char	*after_text;
	int64_t		 after_id;
	int		 limit;
};

/* "class" / "homework" / "independent", and back (-1 when unknown). */
const char	*lesson_type_name(enum lesson_type);
/* "Class" / "Homework" / "Independent". */
const char	*lesson_type_label(enum lesson_type);
int		 lesson_type_parse(const char *);
/* Option values for a PT_ENUM declaration, in enum order. */
extern const char *const lesson_type_opts[];

/* db.c: courses */
enum db_rc	db_course_get(struct db *, struct arena *, int64_t,
		    struct course **);
/* DB_DUPLICATE when the code is taken (codes compare without case). */
enum db_rc	db_course_create(struct db *, const struct course *,
		    int64_t *id);
enum db_rc	db_course_update(struct db *, const struct course *);
/* Each kind's archived flag, set by id (the shape of kind.set_archived). */
enum db_rc	db_course_set_archived(struct db *, int64_t, int archived);
/*
 * Courses ordered by title then id; search (NULL or "": none) matches
 * title or code containing the text; archived ones only with
 * with_archived.  Fetches ks->limit rows.
 */
enum db_rc	db_course_list(struct db *, struct arena *, const char *search,
		    int with_archived, const struct keyset *,
		    struct course **list, size_t *n);

/* db.c: lessons */
/* Every lesson of a course, archived too, in position order. */
enum db_rc	db_lesson_list(struct db *, struct arena *, int64_t course,
		    struct lesson **list, size_t *n);
/* The lesson, or NULL when it does not belong to that course. */
enum db_rc	db_lesson_get(struct db *, struct arena *, int64_t course,
		    int64_t id, struct lesson **);
/* Add a lesson after the course's last; *id = 0 when no such course. */
enum db_rc	db_lesson_create(struct db *, struct arena *, int64_t course,
		    const char *title, enum lesson_type, int64_t *id);
enum db_rc	db_lesson_update(struct db *, int64_t course, int64_t id,
		    const char *title, enum lesson_type);
/*
 * Swap the lesson with its neighbour above (up) or below, in one
 * transaction; *moved = 0 when it is already first or last.
 */
enum db_rc	db_lesson_move(struct db *, struct arena *, int64_t course,
		    int64_t id, int up, int *moved);
enum db_rc	db_lesson_set_archived(struct db *, int64_t, int archived);

/* db.c: session categories, in name order. */
enum db_rc	db_category_get(struct db *, struct arena *, int64_t,
		    struct category **);
/* Both return DB_DUPLICATE when another category has the name. */
enum db_rc	db_category_create(struct db *, const char *name, int64_t *id);
enum db_rc	db_category_rename(struct db *, int64_t, const char *name);
enum db_rc	db_category_set_archived(struct db *, int64_t, int archived);
enum db_rc	db_category_list(struct db *, struct arena *,
		    int with_archived, const struct keyset *,
		    struct category **list, size_t *n);

/* db.c: classes and their members. */
/* The class with its member count. */
enum db_rc	db_class_get(struct db *, struct arena *, int64_t,
		    struct klass **);
/* Both return DB_DUPLICATE when another class has the name. */
enum db_rc	db_class_create(struct db *, const struct klass *,
		    int64_t *id);
enum db_rc	db_class_update(struct db *, const struct klass *);
enum db_rc	db_class_set_archived(struct db *, int64_t, int archived);
/*
 * Classes in name order with their member counts (counted in the same
 * statement); search matches the name.
 */
enum db_rc	db_class_list(struct db *, struct arena *, const char *search,
		    int with_archived, const struct keyset *,
		    struct klass **list, size_t *n);
/* Members of a class in name order. */
enum db_rc	db_class_members(struct db *, struct arena *, int64_t class_id,
		    const struct keyset *, struct member **list, size_t *n);
/*
 * Active learners whose name or email contains search and who are not
 * members of the class yet, in name order; at most limit of them.
 */
enum db_rc	db_class_candidates(struct db *, struct arena *,
		    int64_t class_id, const char *search, int limit,
		    struct member **list, size_t *n);
/*
 * Add a user to a class.  *added = 0 when the user is not an active
 * learner; DB_DUPLICATE when already a member.
 */
enum db_rc	db_class_add_member(struct db *, int64_t class_id,
		    int64_t user_id, int *added);
/* *removed = 0 when the user was not a member. */
enum db_rc	db_class_remove_member(struct db *, int64_t class_id,
		    int64_t user_id, int *removed);

/* page-courses.c */
int	page_courses(struct req *);
int	page_course_new(struct req *);
int	page_course_create(struct req *);
int	page_course_edit(struct req *);
int	page_course_save(struct req *);
int	page_course_archive(struct req *);
int	page_course_unarchive(struct req *);
int	page_lesson_create(struct req *);
int	page_lesson_edit(struct req *);
int	page_lesson_save(struct req *);
int	page_lesson_move(struct req *);
int	page_lesson_archive(struct req *);
int	page_lesson_unarchive(struct req *);
/* page-categories.c */
int	page_categories(struct req *);
int	page_category_new(struct req *);
int	page_category_create(struct req *);
int	page_category_edit(struct req *);
int	page_category_save(struct req *);
int	page_category_archive(struct req *);
int	page_category_unarchive(struct req *);
/* page-classes.c */
int	page_classes(struct req *);
int	page_class_new(struct req *);
int	page_class_create(struct req *);
int	page_class_edit(struct req *);
int	page_class_save(struct req *);
int	page_class_archive(struct req *);
int	page_class_unarchive(struct req *);
int	page_class_member_add(struct req *);
int	page_class_member_remove(struct req *);

#endif
