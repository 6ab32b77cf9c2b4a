#!/bin/sh
# Template checks (TAP): every template starts with the HTML autoescape
# pragma, parses in ctemplate, and uses only variables, sections and
# includes whose names the C code spells out (so a misspelt or orphaned
# variable fails the build's tests instead of rendering empty).
srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
builddir=${top_builddir:-$srcdir}
tpldir=$srcdir/templates
n=0
fail=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }

set -- "$tpldir"/*.tpl
echo "1..$(( $# * 2 + 1 ))"

for t in "$@"; do
	name=$(basename "$t")
	if head -c 30 "$t" | grep -qxF '{{%AUTOESCAPE context="HTML"}}'; then
		ok "$name starts with the autoescape pragma"
	else
		notok "$name starts with the autoescape pragma"
	fi
done

if "$builddir/cgi/lectern.fcgi" --check-templates "$tpldir" 2>&1; then
	ok "ctemplate loads and parses every template"
else
	notok "ctemplate loads and parses every template"
fi

# Every {{NAME}}, {{#NAME}}, {{/NAME}}, {{>NAME}} must appear as "NAME" in cgi/.
for t in "$@"; do
	name=$(basename "$t")
	missing=""
	for v in $(grep -o '{{[#/>]\{0,1\}[A-Z][A-Z0-9_]*' "$t" |
	    sed 's/^{{[#/>]*//' | sort -u); do
		grep -rq --include="*.c" "\"$v\"" "$srcdir"/cgi || missing="$missing $v"
	done
	if [ -z "$missing" ]; then
		ok "$name: every name is set by the code"
	else
		notok "$name: never set by the code:$missing"
	fi
done
exit $fail
