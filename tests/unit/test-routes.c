/*
 * test-routes.c: routes_check(), the start-up check of the registered
 * route tables: a sound table passes, and each kind of fault (a route
 * twice, a parameter twice, a name or pattern that is not one) fails.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "core/req.h"
#include "core/routes.h"

#define END	{ NULL, 0, 0, 0, 0, NULL, NULL }

static int
handler(struct req *r)
{
	return 200;
}

static const char *const opts[] = { "a", "b", NULL };

static const struct pdecl good_params[] = {
	{ "name", PT_TEXT, PF_REQ, 0, 100, NULL, "Name" },
	{ "learner", PT_ID, PF_MULTI, 0, 0, NULL, "Learners" },
	{ "meetingID", PT_TEXT, 0, 0, 100, NULL, NULL },
	{ "kind", PT_ENUM, 0, 0, 0, opts, "Kind" },
	END
};
static const struct pdecl twice[] = {
	{ "name", PT_TEXT, 0, 0, 100, NULL, "Name" },
	{ "q", PT_TEXT, 0, 0, 100, NULL, "Search" },
	{ "name", PT_TEXT, 0, 0, 100, NULL, "Name" },
	END
};
static const struct pdecl bad_name[] = {
	{ "na me", PT_TEXT, 0, 0, 100, NULL, "Name" },
	END
};
static const struct pdecl empty_name[] = {
	{ "", PT_TEXT, 0, 0, 100, NULL, "Name" },
	END
};
static const struct pdecl digit_first[] = {
	{ "1st", PT_TEXT, 0, 0, 100, NULL, "First" },
	END
};
static const struct pdecl no_opts[] = {
	{ "kind", PT_ENUM, 0, 0, 0, NULL, "Kind" },
	END
};

static const struct route good[] = {
	{ "x.list", M_GET, "/x", handler, 0, 0, NULL },
	{ "x.create", M_POST, "/x", handler, 0, 0, good_params },
	{ "x.show", M_GET, "/x/:id/y/:id", handler, 0, 0, NULL },
	{ "x.feed", M_GET, "/x/:token.ics", handler, 0, 0, NULL },
	{ "x.csv", M_GET, "/x/:id/learners.csv", handler, 0, 0, NULL },
};
static const struct route other[] = {
	{ "y.list", M_GET, "/y", handler, 0, 0, NULL },
};
/* The same method and pattern in another set. */
static const struct route clash[] = {
	{ "y.also", M_POST, "/x", handler, 0, 0, NULL },
};
static const struct route same_set[] = {
	{ "z.one", M_GET, "/z", handler, 0, 0, NULL },
	{ "z.two", M_GET, "/z", handler, 0, 0, NULL },
};
static const struct route param_twice[] = {
	{ "z.post", M_POST, "/z", handler, 0, 0, twice },
};
static const struct route param_bad[] = {
	{ "z.post", M_POST, "/z", handler, 0, 0, bad_name },
};
static const struct route param_empty[] = {
	{ "z.post", M_POST, "/z", handler, 0, 0, empty_name },
};
static const struct route param_digit[] = {
	{ "z.post", M_POST, "/z", handler, 0, 0, digit_first },
};
static const struct route param_enum[] = {
	{ "z.post", M_POST, "/z", handler, 0, 0, no_opts },
};
static const struct route route_upper[] = {
	{ "Z.list", M_GET, "/z", handler, 0, 0, NULL },
};
static const struct route route_space[] = {
	{ "z list", M_GET, "/z", handler, 0, 0, NULL },
};
static const struct route route_noname[] = {
	{ NULL, M_GET, "/z", handler, 0, 0, NULL },
};
static const struct route no_slash[] = {
	{ "z.list", M_GET, "z", handler, 0, 0, NULL },
};
static const struct route bad_placeholder[] = {
	{ "z.show", M_GET, "/z/:name", handler, 0, 0, NULL },
};
static const struct route too_many_ids[] = {
	{ "z.deep", M_GET, "/z/:id/:id/:id/:id/:id", handler, 0, 0, NULL },
};
static const struct route query_in_pattern[] = {
	{ "z.list", M_GET, "/z?x=1", handler, 0, 0, NULL },
};
static const struct route no_handler[] = {
	{ "z.list", M_GET, "/z", NULL, 0, 0, NULL },
};
static const struct route no_method[] = {
	{ "z.list", 0, "/z", handler, 0, 0, NULL },
};

static ROUTESET(good_set, good);
static ROUTESET(other_set, other);
static ROUTESET(clash_set, clash);
static ROUTESET(same_set_set, same_set);
static ROUTESET(param_twice_set, param_twice);
static ROUTESET(param_bad_set, param_bad);
static ROUTESET(param_empty_set, param_empty);
static ROUTESET(param_digit_set, param_digit);
static ROUTESET(param_enum_set, param_enum);
static ROUTESET(route_upper_set, route_upper);
static ROUTESET(route_space_set, route_space);
static ROUTESET(route_noname_set, route_noname);
static ROUTESET(no_slash_set, no_slash);
static ROUTESET(bad_placeholder_set, bad_placeholder);
static ROUTESET(too_many_ids_set, too_many_ids);
static ROUTESET(query_in_pattern_set, query_in_pattern);
static ROUTESET(no_handler_set, no_handler);
static ROUTESET(no_method_set, no_method);

static void
test_check(void **state)
{
	static const struct {
		const char		*what;
		const struct routeset	*second;	/* after good_set */
		int			 ok;
	} c[] = {
		{ "sound tables", &other_set, 1 },
		{ "a route in two sets", &clash_set, 0 },
		{ "a route twice in one set", &same_set_set, 0 },
		{ "a parameter twice", &param_twice_set, 0 },
		{ "a parameter name with a blank", &param_bad_set, 0 },
		{ "an empty parameter name", &param_empty_set, 0 },
		{ "a parameter name starting with a digit",
		    &param_digit_set, 0 },
		{ "a choice without values", &param_enum_set, 0 },
		{ "a route name in capitals", &route_upper_set, 0 },
		{ "a route name with a blank", &route_space_set, 0 },
		{ "a route without a name", &route_noname_set, 0 },
		{ "a pattern without its slash", &no_slash_set, 0 },
		{ "an unknown placeholder", &bad_placeholder_set, 0 },
		{ "more :id segments than a request holds",
		    &too_many_ids_set, 0 },
		{ "a query in a pattern", &query_in_pattern_set, 0 },
		{ "a route without a handler", &no_handler_set, 0 },
		{ "a route without a method", &no_method_set, 0 },
	};
	const struct routeset	*sets[2];
	size_t			 i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		sets[0] = &good_set;
		sets[1] = c[i].second;
		routes_register(sets, 2);
		if (routes_check() != c[i].ok)
			fail_msg("routes_check: %s: not %d", c[i].what,
			    c[i].ok);
	}
}

/* route_param finds a declaration by name, and nothing else. */
static void
test_param(void **state)
{
	assert_ptr_equal(route_param(&good[1], "learner"), &good_params[1]);
	assert_true(route_param(&good[1], "learner")->flags & PF_MULTI);
	assert_null(route_param(&good[1], "Learner"));
	assert_null(route_param(&good[1], "csrf"));
	assert_null(route_param(&good[0], "name"));
	assert_null(route_param(NULL, "name"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_param),
	};

	/* routes_check explains each fault on stderr; TAP is on stdout. */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
