/*
 * test-lms.c: session calendar rules.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "lib/dates.h"

/* 2026-11-21 23:30:00 UTC */
#define LATE_SATURDAY	((time_t)1795303800)
/* 2026-03-29 00:30:00 UTC: Berlin switches to summer time at 01:00 UTC */
#define BERLIN_SPRING	((time_t)1774744200)

static void
test_local_date_zones(void **state)
{
	static const struct {
		time_t		 now;
		const char	*tz;
		const char	*want;
	} t[] = {
		{ LATE_SATURDAY, "UTC", "2026-11-21" },
		{ LATE_SATURDAY, "Europe/Berlin", "2026-11-22" },
		{ LATE_SATURDAY, "America/New_York", "2026-11-21" },
		{ LATE_SATURDAY, "Pacific/Kiritimati", "2026-11-22" },
		{ LATE_SATURDAY, "Pacific/Pago_Pago", "2026-11-21" },
		{ BERLIN_SPRING, "Europe/Berlin", "2026-03-29" },
		{ BERLIN_SPRING, "America/Los_Angeles", "2026-03-28" },
	};
	char	 out[DATE_LEN];
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_int_equal(local_date(t[i].now, t[i].tz, out), 1);
		assert_string_equal(out, t[i].want);
	}
	/* An unknown zone falls back to UTC and says so. */
	assert_int_equal(local_date(LATE_SATURDAY, "Mars/Olympus", out), 0);
	assert_string_equal(out, "2026-11-21");
	/* The process zone is left as it was. */
	assert_null(getenv("TZ"));
}

static void
test_date_arithmetic(void **state)
{
	char	 out[DATE_LEN];

	(void)state;
	assert_int_equal(date_add_days("2024-02-28", 1, out), 1);
	assert_string_equal(out, "2024-02-29");
	assert_int_equal(date_add_days("2023-02-28", 1, out), 1);
	assert_string_equal(out, "2023-03-01");
	assert_int_equal(date_add_days("2026-12-31", 1, out), 1);
	assert_string_equal(out, "2027-01-01");
	assert_int_equal(date_add_days("2026-03-01", -1, out), 1);
	assert_string_equal(out, "2026-02-28");
	assert_int_equal(date_add_days("2026-02-30", 1, out), 0);
	assert_int_equal(date_diff_days("2026-01-01", "2026-12-31"), 364);
	assert_int_equal(date_diff_days("2026-03-10", "2026-03-01"), -9);
	assert_int_equal(date_diff_days("2024-01-01", "2025-01-01"), 366);
}

static void
test_status_boundaries(void **state)
{
	static const struct {
		const char	*start, *end, *today;
		enum sess_status want;
	} t[] = {
		{ "2026-03-01", "2026-06-30", "2026-02-28", SESS_UPCOMING },
		{ "2026-03-01", "2026-06-30", "2026-03-01", SESS_ACTIVE },
		{ "2026-03-01", "2026-06-30", "2026-06-30", SESS_ACTIVE },
		{ "2026-03-01", "2026-06-30", "2026-07-01", SESS_PAST },
		{ NULL, "2026-06-30", "1999-01-01", SESS_ACTIVE },
		{ NULL, "2026-06-30", "2026-07-01", SESS_PAST },
		{ "2026-03-01", NULL, "2099-01-01", SESS_ACTIVE },
		{ "2026-03-01", "", "2026-02-01", SESS_UPCOMING },
		{ NULL, NULL, "2026-11-21", SESS_ACTIVE },
		{ "", "", "2026-11-21", SESS_ACTIVE },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		assert_int_equal(session_status(t[i].start, t[i].end,
		    t[i].today), t[i].want);
	assert_string_equal(sess_status_name(SESS_PAST), "past");
	assert_string_equal(sess_status_label(SESS_UPCOMING), "Upcoming");
}

static void
test_access_rules(void **state)
{
	(void)state;
	assert_int_equal(learner_access("2026-03-01", "2026-06-30", 0,
	    "2026-02-28"), ACC_NOT_YET);
	assert_int_equal(learner_access("2026-03-01", "2026-06-30", 0,
	    "2026-03-01"), ACC_OPEN);
	assert_int_equal(learner_access("2026-03-01", "2026-06-30", 0,
	    "2026-07-01"), ACC_CLOSED);
	assert_int_equal(learner_access("2026-03-01", "2026-06-30", 1,
	    "2026-07-01"), ACC_READONLY);
	assert_int_equal(learner_access(NULL, NULL, 0, "2030-01-01"), ACC_OPEN);
	/* Coaches keep their own window, often wider. */
	assert_int_equal(coach_access("2026-02-15", "2026-07-31",
	    "2026-02-20"), ACC_OPEN);
	assert_int_equal(coach_access("2026-02-15", "2026-07-31",
	    "2026-08-01"), ACC_CLOSED);
	assert_int_equal(coach_access("2026-02-15", NULL, "2026-02-14"),
	    ACC_NOT_YET);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_local_date_zones),
		cmocka_unit_test(test_date_arithmetic),
		cmocka_unit_test(test_status_boundaries),
		cmocka_unit_test(test_access_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
