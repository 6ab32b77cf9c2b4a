#!/bin/sh
# End-to-end tests over HTTP through nginx, against FastCGI workers and
# against the same binary as plain CGI.  ./etc/dev check provides the
# stack and the LECTERN_TEST_* variables.
srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
exec python3 "$srcdir/tests/e2e/main.py"
