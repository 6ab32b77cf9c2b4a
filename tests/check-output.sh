#!/bin/sh
# Output discipline (TAP): response bytes leave only through
# cgi/core/out.c, and the FastCGI and CGI streams are touched only by
# cgi/main.c.  Command-line output belongs to lecternctl.c and the route
# listing in cgi/core/routes.c.
srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$srcdir/cgi" || exit 1
n=0
fail=0
echo "1..4"

check() {
	desc=$1
	hits=$2
	n=$((n + 1))
	if [ -z "$hits" ]; then
		echo "ok $n - $desc"
	else
		fail=1
		echo "not ok $n - $desc"
		echo "$hits" | sed 's/^/# /'
	fi
}

src=$(find . -name '*.c' | sed 's|^\./||' | sort)
check "io->write is called only in core/out.c" \
    "$(grep -n 'io->write' $src | grep -v '^core/out\.c:')"
check "FastCGI streams are used only in main.c" \
    "$(grep -nE 'FCGX_(Put|FPrintF|VFPrintF|GetStr|GetLine)' $src | grep -v '^main\.c:')"
check "nothing but lecternctl.c, core/routes.c and main.c writes to stdout" \
    "$(grep -nE '(^|[^a-z_])(printf|puts|putchar)[[:space:]]*\(|fwrite\([^;]*stdout|fputs\([^;]*stdout' $src |
      grep -vE '^(lecternctl|core/routes|main)\.c:')"
check "no unbounded string functions" \
    "$(grep -nE '(^|[^a-z_])(sprintf|vsprintf|strcpy|strcat|gets)[[:space:]]*\(' $src core/tpl.cc)"
exit $fail
