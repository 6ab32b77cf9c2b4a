#!/bin/sh
# Plain CGI without a database (TAP): lectern.fcgi run as a CGI program
# with a configuration whose database does not exist.  A request that
# needs no data (the sign-in form) is answered without connecting, nor
# loading the libraries only some requests use; one that needs the
# database answers 503 with Retry-After; a template is read only when a request uses it,
# and one without the autoescape pragma is refused.
srcdir=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
builddir=${top_builddir:-$srcdir}
bin=$builddir/cgi/lectern.fcgi
n=0
fail=0

ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }
check() { if [ "$1" = 0 ]; then ok "$2"; else notok "$2"; fi; }

tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/tpl"
cp "$srcdir"/templates/*.tpl "$tmp/tpl/"
cat > "$tmp/lectern.conf" <<EOF
db_socket = $tmp/no-such-database.sock
db_timeout = 2
template_dir = $tmp/tpl
tmp_dir = $tmp
EOF

# cgi PATH [COOKIE] [PREFIX...]: one GET as plain CGI; answer in
# $tmp/out, log in $tmp/err.
cgi() {
	path=$1
	cookie=$2
	shift 2
	env -i PATH=/usr/bin:/bin LECTERN_CONF="$tmp/lectern.conf" \
	    REQUEST_METHOD=GET REQUEST_URI="$path" QUERY_STRING= \
	    REMOTE_ADDR=127.0.0.1 ${cookie:+HTTP_COOKIE=$cookie} \
	    "$@" "$bin" </dev/null >"$tmp/out" 2>"$tmp/err"
}

echo "1..10"

cgi /login ""
grep -q '^Status: 200' "$tmp/out" && grep -q 'name="password"' "$tmp/out" &&
    ! grep -q 'connect' "$tmp/err"
check $? "the sign-in form is answered without a database, and no connection is tried"

# pre_cookie NAME: the value of the cookie NAME the answer sets, and the
# sign-in form's token, as "value token".
pre_cookie() {
	v=$(sed -n "s/^Set-Cookie: $1=\([0-9a-f]*\);.*/\1/p" "$tmp/out")
	t=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$tmp/out")
	echo "$v $t"
}
set -- $(pre_cookie lectern_pre)
[ ${#1} -eq 32 ] && [ ${#2} -eq 32 ] && [ "$1" != "$2" ] &&
    ! grep -q '^Set-Cookie: lectern_pre=.*Secure' "$tmp/out"
check $? "over HTTP the pre-sign-in cookie is lectern_pre, and the form's token is not its value"

cgi /login "" env HTTPS=on
line=$(grep '^Set-Cookie: __Host-lectern_pre=' "$tmp/out")
set -- $(pre_cookie __Host-lectern_pre)
[ ${#1} -eq 32 ] && [ ${#2} -eq 32 ] && [ "$1" != "$2" ] &&
    echo "$line" | grep -q '; Path=/;' && echo "$line" | grep -q '; Secure' &&
    ! echo "$line" | grep -qi 'domain' &&
    ! grep -q '^Set-Cookie: lectern_pre=' "$tmp/out"
check $? "over HTTPS it is __Host-lectern_pre: Secure, Path=/, no Domain"

cgi /admin/users "lectern_session=$(printf '%032d' 7)"
grep -q '^Status: 503' "$tmp/out" &&
    grep -q 'cannot reach its database' "$tmp/out" &&
    grep -q 'cannot connect' "$tmp/err"
check $? "a page that needs the database tries to connect, then answers 503"
grep -q '^Retry-After: 30.$' "$tmp/out"
check $? "the 503 asks to retry after 30 seconds (Retry-After)"

if command -v strace >/dev/null 2>&1; then
	cgi /login "" strace -f -e trace=open,openat -o "$tmp/trace"
	opened=$(grep -o '/tpl/[a-z0-9-]*\.tpl' "$tmp/trace" | sort -u |
	    sed 's|^/tpl/||' | tr '\n' ' ')
	[ "$opened" = "layout.tpl people-login.tpl " ]
	check $? "the sign-in form reads its two templates and no other (read: $opened)"
	if readelf -d "$bin" 2>/dev/null | grep -q 'NEEDED.*libcurl'; then
		ok "libcurl, libxml2 and libical are not loaded # SKIP linked directly (--disable-lazy-libs)"
	else
		! grep -E 'lib(curl|xml2|ical)[.]so' "$tmp/trace"
		check $? "libcurl, libxml2 and libical are not loaded"
	fi
else
	ok "the sign-in form reads its two templates and no other # SKIP no strace"
	ok "libcurl, libxml2 and libical are not loaded # SKIP no strace"
fi

# A template without the pragma would expand unescaped: refused.
sed 1d "$srcdir/templates/people-login.tpl" > "$tmp/tpl/people-login.tpl"
cgi /login ""
grep -q '^Status: 500' "$tmp/out" && ! grep -q 'name="password"' "$tmp/out" &&
    grep -q 'people-login.tpl does not start with the HTML autoescape pragma' "$tmp/err"
check $? "an included template without the autoescape pragma is refused (500)"

cp "$srcdir/templates/people-login.tpl" "$tmp/tpl/people-login.tpl"
sed 1d "$srcdir/templates/layout.tpl" > "$tmp/tpl/layout.tpl"
cgi /login ""
grep -q '^Status: 500' "$tmp/out" && ! grep -q 'name="password"' "$tmp/out"
check $? "a page template without the autoescape pragma is refused (500)"

"$bin" --check-templates "$tmp/tpl" >/dev/null 2>&1
[ $? -ne 0 ]
check $? "--check-templates still checks every template at once"

exit $fail
