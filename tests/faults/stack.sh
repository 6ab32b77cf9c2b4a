# shellcheck shell=bash
# Sourced by the Python fault tests of tests/faults/: skips without the
# stack of ./etc/dev check (or of "./etc/dev up", given the same
# variables), and puts faultlib.py and the end-to-end helpers on
# PYTHONPATH.  Against the stack of "./etc/dev up" on port 8080:
#
#   LECTERN_CONF=$PWD/var/lectern.conf LECTERN_TEST_URL=http://127.0.0.1:8080 \
#       LECTERN_TEST_VAR=$PWD/var LECTERN_TEST_ACCOUNTS=$PWD/var/demo-accounts.txt \
#       LECTERN_TEST_DB_SOCKET=$PWD/var/run/mysqld.sock \
#       tests/faults/NAME.sh
set -u

if [[ -z ${LECTERN_TEST_URL-} || -z ${LECTERN_TEST_VAR-} || -z ${LECTERN_CONF-} ||
	-z ${LECTERN_TEST_ACCOUNTS-} || -z ${LECTERN_TEST_DB_SOCKET-} ]]; then
	echo "1..0 # SKIP no stack: run the tests through ./etc/dev check"
	exit 0
fi
if [[ ! $LECTERN_TEST_URL =~ ^http://127\.0\.0\.1:[0-9]+$ ]]; then
	echo "Bail out! LECTERN_TEST_URL must be http://127.0.0.1:PORT, not $LECTERN_TEST_URL"
	exit 1
fi
SRC=${top_srcdir:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
export PYTHONPATH=$SRC/tests/faults:$SRC/tests/e2e${PYTHONPATH:+:$PYTHONPATH}
export PYTHONDONTWRITEBYTECODE=1
