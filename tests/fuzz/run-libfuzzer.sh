#!/bin/sh
# run-libfuzzer.sh TARGET SECONDS [libFuzzer options...]
#
# Fuzz tests/fuzz/TARGET-libfuzzer (built with --enable-fuzzing) for at
# most SECONDS, starting from a copy of tests/fuzz/corpus/TARGET with
# tests/fuzz/TARGET.dict.  Any crash, leak, timeout or OOM input found is
# copied into tests/fuzz/crashers/TARGET/ so that "make check" replays it
# from then on.  Run from the build directory (or set top_builddir, or
# FUZZ_BIN to the binary).  Exit status is libFuzzer's.

set -u
if [ $# -lt 2 ]; then
	echo "usage: $0 TARGET SECONDS [libFuzzer options...]" >&2
	exit 2
fi
t=$1
secs=$2
shift 2

srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
builddir=${top_builddir:-$PWD}
bin=${FUZZ_BIN:-$builddir/tests/fuzz/$t-libfuzzer}
corpus=$srcdir/tests/fuzz/corpus/$t
crashers=$srcdir/tests/fuzz/crashers/$t
dict=$srcdir/tests/fuzz/$t.dict

if [ ! -x "$bin" ]; then
	echo "$0: no $bin (configure --enable-fuzzing CC=clang)" >&2
	exit 2
fi
if [ ! -d "$corpus" ]; then
	echo "$0: no corpus $corpus" >&2
	exit 2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/fuzz-$t.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
mkdir "$work/corpus" "$work/artifacts" "$work/tmp"
for f in "$corpus"/*; do
	[ -f "$f" ] && cp "$f" "$work/corpus/"
done
dictopt=
[ -f "$dict" ] && dictopt=-dict=$dict

rc=0
TMPDIR=$work/tmp "$bin" -max_total_time="$secs" -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
    $dictopt "$@" "$work/corpus" || rc=$?

mkdir -p "$crashers"
for f in "$work/artifacts"/*; do
	[ -f "$f" ] || continue
	cp "$f" "$crashers/"
	echo "$0: saved $crashers/$(basename "$f")"
done
exit "$rc"
