#!/bin/sh
# Browser tests: Debian's chromium, driven by playwright-core, clicks
# through a running Lectern stack (./etc/dev check provides it and the
# LECTERN_TEST_* variables).  Node's test runner runs the *.test.mjs
# files; tap-reporter.mjs turns its results into flat TAP, one line a
# test, for automake's tap-driver.  Screenshots go to tests/output/.
#
# CHROMIUM names another chromium binary (default /usr/bin/chromium).
dir=$(cd "$(dirname "$0")" && pwd) || exit 1
builddir=${top_builddir:-$(cd "$dir/../.." && pwd)}

if [ -z "${LECTERN_TEST_URL-}" ]; then
	echo "1..0 # SKIP no stack: run the tests through ./etc/dev check"
	exit 0
fi

# bail MESSAGE: stop the whole run with a reason tap-driver shows.
bail() {
	echo "Bail out! $*"
	exit 1
}

chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] ||
	bail "no chromium at $chromium: apt-get install chromium, or set CHROMIUM"
export CHROMIUM="$chromium"

command -v node >/dev/null 2>&1 || bail "node is missing: apt-get install nodejs npm"
# 18.19 has everything used here: custom reporters and their events.
node -e '
	const [a, b] = process.versions.node.split(".").map(Number);
	process.exit(a > 18 || (a === 18 && b >= 19) ? 0 : 1);' ||
	bail "node $(node --version) is too old: 18.19 or newer is needed"

if [ ! -d "$dir/node_modules/playwright-core" ] ||
    [ ! -d "$dir/node_modules/axe-core" ]; then
	# Normally done by ./etc/dev check already.  No browser is downloaded:
	# playwright-core has none, and chromium comes from Debian.
	echo "# installing the browser test dependencies (npm ci)"
	(cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
	    npm ci --no-audit --no-fund) >&2 ||
		bail "npm ci failed in tests/browser"
fi

LECTERN_TEST_OUTPUT=$builddir/tests/output
export LECTERN_TEST_OUTPUT
mkdir -p "$LECTERN_TEST_OUTPUT" || bail "cannot create $LECTERN_TEST_OUTPUT"
# A failing test leaves a screenshot there; none from an earlier run.
rm -f "$LECTERN_TEST_OUTPUT"/browser-failure-*.png

cd "$dir" || exit 1
exec node --test --test-reporter=./tap-reporter.mjs \
    --test-reporter-destination=stdout people-auth.test.mjs people-users.test.mjs training.test.mjs schedule.test.mjs notify.test.mjs classroom.test.mjs \
    classroom-room.test.mjs home.test.mjs transcript.test.mjs classroom-search.test.mjs \
    enrollment.test.mjs schedule-feedback.test.mjs people-avatar.test.mjs \
    classroom-docs.test.mjs \
    classroom-analytics.test.mjs \
    billing.test.mjs \
    enrollment-lesson.test.mjs
