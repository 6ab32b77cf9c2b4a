/*
 * test-clock.c: wall clocks across daylight-saving changes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>

#include "lib/clock.h"

/* The UTC text of the instant of a local time. */
static const char *
utc_of(const char *tz, int y, int mo, int d, int h, int mi)
{
	static char	 out[DBTIME_LEN];
	time_t		 t;

	assert_int_equal(local_to_utc(tz, y, mo, d, h, mi, &t), 1);
	dbtime_format(t, out);
	return out;
}

static void
test_local_to_utc(void **state)
{
	(void)state;
	/* 14:00 in Berlin: CET (+1) in March before the change, CEST after. */
	assert_string_equal(utc_of("Europe/Berlin", 2026, 3, 23, 14, 0),
	    "2026-03-23 13:00:00");
	assert_string_equal(utc_of("Europe/Berlin", 2026, 3, 30, 14, 0),
	    "2026-03-30 12:00:00");
	assert_string_equal(utc_of("Europe/Berlin", 2026, 10, 26, 14, 0),
	    "2026-10-26 13:00:00");
	/* New York changes on other dates: 8 March and 1 November 2026. */
	assert_string_equal(utc_of("America/New_York", 2026, 3, 2, 14, 0),
	    "2026-03-02 19:00:00");
	assert_string_equal(utc_of("America/New_York", 2026, 3, 9, 14, 0),
	    "2026-03-09 18:00:00");
	assert_string_equal(utc_of("America/New_York", 2026, 11, 2, 14, 0),
	    "2026-11-02 19:00:00");
	/* Skipped hour: 02:30 on 29 March 2026 in Berlin is 03:30 CEST. */
	assert_string_equal(utc_of("Europe/Berlin", 2026, 3, 29, 2, 30),
	    "2026-03-29 01:30:00");
	/* Repeated hour: 02:30 on 25 October 2026 in Berlin, the first one. */
	assert_string_equal(utc_of("Europe/Berlin", 2026, 10, 25, 2, 30),
	    "2026-10-25 00:30:00");
	assert_string_equal(utc_of("UTC", 2026, 11, 22, 9, 5),
	    "2026-11-22 09:05:00");
}

static void
test_bad_input(void **state)
{
	time_t	 t;

	(void)state;
	assert_int_equal(local_to_utc("Mars/Olympus", 2026, 1, 1, 0, 0, &t), 0);
	assert_int_equal(local_to_utc("UTC", 2026, 13, 1, 0, 0, &t), 0);
	assert_int_equal(local_to_utc("UTC", 2026, 1, 1, 24, 0, &t), 0);
	assert_int_equal(dbtime_parse("2026-01-01", &t), 0);
	assert_int_equal(dbtime_parse("2026-01-01 10:00:00x", &t), 0);
	assert_int_equal(date_weekday("2026-02-30"), -1);
	assert_null(getenv("TZ"));
}

static void
test_utc_to_local(void **state)
{
	struct tm	 tm;
	char		 abbr[16];
	time_t		 t;

	(void)state;
	assert_int_equal(dbtime_parse("2026-07-01 12:00:00", &t), 1);
	assert_int_equal(utc_to_local(t, "Europe/Berlin", &tm, abbr), 1);
	assert_int_equal(tm.tm_hour, 14);
	assert_string_equal(abbr, "CEST");
	assert_int_equal(utc_to_local(t, "America/New_York", &tm, abbr), 1);
	assert_int_equal(tm.tm_hour, 8);
	assert_string_equal(abbr, "EDT");
	assert_int_equal(dbtime_parse("2026-12-01 12:00:00", &t), 1);
	assert_int_equal(utc_to_local(t, "Europe/Berlin", &tm, abbr), 1);
	assert_string_equal(abbr, "CET");
}

static void
test_local_text(void **state)
{
	char	 out[LOCALTEXT_LEN], abbr[16];

	(void)state;
	assert_int_equal(local_text("2026-07-15 09:30:00", "Asia/Tokyo", out,
	    abbr), 1);
	assert_string_equal(out, "2026-07-15 18:30");
	assert_string_equal(abbr, "JST");
	assert_int_equal(local_text("2026-03-29 01:30:00", "Europe/Berlin",
	    out, NULL), 1);
	assert_string_equal(out, "2026-03-29 03:30");
	assert_int_equal(local_text("yesterday", "UTC", out, abbr), 0);
	assert_int_equal(local_text("2026-07-15 09:30:00", "Nowhere/Land",
	    out, abbr), 0);
}

static void
test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday("2026-11-23"), 0);	/* Monday */
	assert_int_equal(date_weekday("2026-11-22"), 6);	/* Sunday */
	assert_int_equal(date_weekday("2024-02-29"), 3);	/* Thursday */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_local_to_utc),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_utc_to_local),
		cmocka_unit_test(test_local_text),
		cmocka_unit_test(test_weekday),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
