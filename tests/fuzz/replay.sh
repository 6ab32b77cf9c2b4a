#!/bin/sh
# replay.sh: run by "make check".  For each fuzz target, run its replay
# driver (tests/fuzz/replay-TARGET in the build tree) over the seed
# corpus and the saved crashers; print one TAP line per target, with the
# driver's output as comments when it fails.

srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
builddir=${top_builddir:-.}
targets="query form multipart cookie csv bbbxml json vtt"

# Users' pictures (cgi/lib/image.c).
targets="$targets image"

# Upload temp files of the multipart target go to a private directory.
work=$(mktemp -d "${TMPDIR:-/tmp}/replay.XXXXXX") || exit 1
trap 'rm -rf "$work"' EXIT

set -- $targets
echo "1..$#"
n=0
for t in $targets; do
	n=$((n + 1))
	bin=$builddir/tests/fuzz/replay-$t
	if [ ! -x "$bin" ]; then
		echo "not ok $n - $t: $bin is not built"
		continue
	fi
	dirs=
	for d in "$srcdir/tests/fuzz/corpus/$t" \
	    "$srcdir/tests/fuzz/crashers/$t"; do
		[ -d "$d" ] && dirs="$dirs $d"
	done
	# shellcheck disable=SC2086 # the directories contain no blanks
	out=$(TMPDIR=$work "$bin" $dirs 2>&1)
	rc=$?
	count=$(printf '%s\n' "$out" | grep -c '^ok ')
	if [ "$rc" -eq 0 ] && ! printf '%s\n' "$out" | grep -q '^not ok'; then
		echo "ok $n - $t: $count inputs replayed"
	else
		echo "not ok $n - $t: replay failed (exit $rc)"
		printf '%s\n' "$out" | tail -n 60 | sed 's/^/# /'
	fi
	leftover=$(ls -A "$work")
	if [ -n "$leftover" ]; then
		echo "# $t left temp files behind: $leftover"
		rm -rf "${work:?}"/*
	fi
done
exit 0
