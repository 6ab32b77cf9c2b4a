/*
 * home.h: the home page of every role.
 */
#ifndef LECTERN_HOME_H
#define LECTERN_HOME_H

#include <stdint.h>
#include <time.h>

#include "core/db.h"

struct config;
struct req;

extern const struct routeset	home_routes;

/* page-home.c */
int	page_home(struct req *);

/*
 * demo.c: the demo school of "lecternctl demo-data", around the demo
 * accounts (made by lecternctl): courses, training sessions, course
 * enrollments with rules, live lessons of last week and this week, the
 * demo classroom channel with past sessions, and their notifications.
 * Dates are relative to now in the school's timezone.  Running it
 * again adds nothing twice.  Returns DB_OK or the database failure.
 */
struct demo_people {
	int64_t		 admin;
	int64_t		 teachers[2];	/* Tess, Theo */
	int64_t		 learners[5];	/* Lena, Liam, Lucia, Leo, Lina */
};

/* What a run made. */
struct demo_made {
	int		 courses, trainings, enrollments, rules, lessons;
	int		 classrooms;
	int		 pictures;	/* demo people given a picture */
	/*
	 * The recorded past session of the demo channel (meeting empty:
	 * none), for a development conferencing server to hold its
	 * recording: its meeting id, name, and start and end in ms.
	 */
	char		 rec_meeting[33];
	char		 rec_name[64];
	long long	 rec_start, rec_end;
};

enum db_rc	demo_school(struct db *, const struct config *,
		    const struct demo_people *, time_t now, struct demo_made *);

#endif
