#!/usr/bin/env bash
# Time pages of a running Lectern with curl: each page is fetched RUNS
# times and reported with its status, the fastest, median and slowest
# time in milliseconds, and the X-Lectern-Queries count (shown as "-"
# unless the server runs with expose_query_count = 1).
#
#   bench/session-list.sh BASE_URL EMAIL PASSWORD [PATH...]
#
# PATHs default to /admin/sessions and /sessions.  For every PATH whose
# page has a "next" link (rel="next"), the next FOLLOW pages are timed
# too.  With BENCH_DEEP_NAME and BENCH_DEEP_ID set (bench/generate.sh
# prints them), a deep page is also timed: the first page's next link
# with its keyset position (after_text, after or after_name, and
# after_id) replaced by that position.
# See bench/README.md.
set -euo pipefail

RUNS=${RUNS:-5}
FOLLOW=${FOLLOW:-2}

usage() {
    echo "usage: bench/session-list.sh BASE_URL EMAIL PASSWORD [PATH...]" >&2
    exit 2
}
(($# >= 3)) || usage
BASE=${1%/}
EMAIL=$2
PASSWORD=$3
shift 3
(($# > 0)) || set -- /admin/sessions /sessions

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
JAR=$WORK/cookies

# urlencode STRING
urlencode() {
    local s=$1 out="" c i
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        case $c in
        [a-zA-Z0-9.~_-]) out+=$c ;;
        *) out+=$(printf '%%%02X' "'$c") ;;
        esac
    done
    printf '%s' "$out"
}

# Sign in: the form's CSRF token comes with a pre-session cookie.
curl -s -c "$JAR" -b "$JAR" -o "$WORK/login.html" "$BASE/login"
CSRF=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' "$WORK/login.html" | head -n 1)
STATUS=$(curl -s -c "$JAR" -b "$JAR" -o /dev/null -w '%{http_code}' \
    --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" \
    --data-urlencode "csrf=$CSRF" "$BASE/login")
if [[ $STATUS != 303 ]]; then
    echo "session-list.sh: sign-in as $EMAIL answered $STATUS" >&2
    exit 1
fi

# measure LABEL PATH: fetch PATH RUNS times; print one line; leave the
# last body in $WORK/body.
measure() {
    local label=$1 path=$2 i out code ms qn times=()
    for ((i = 0; i < RUNS; i++)); do
        out=$(curl -s -b "$JAR" -o "$WORK/body" -D "$WORK/headers" \
            -w '%{http_code} %{time_total}' "$BASE$path")
        code=${out%% *}
        ms=$(awk -v t="${out##* }" 'BEGIN { printf "%.1f", t * 1000 }')
        times+=("$ms")
    done
    qn=$(tr -d '\r' <"$WORK/headers" |
        awk -F': ' 'tolower($1) == "x-lectern-queries" { print $2 }')
    printf '%s\n' "${times[@]}" | sort -n | awk -v l="$label" -v p="$path" \
        -v c="$code" -v q="${qn:--}" '
        { t[NR] = $1 }
        END { printf "%-10s %3s  min %7.1f  median %7.1f  max %7.1f ms  queries %3s  %s\n",
            l, c, t[1], t[int((NR + 1) / 2)], t[NR], q, p }'
}

# The href of the page's rel="next" link, unescaped, or nothing.
next_link() {
    sed -n 's/.*<a rel="next" href="\([^"]*\)".*/\1/p' "$WORK/body" |
        head -n 1 | sed 's/&amp;/\&/g'
}

echo "$RUNS runs per page against $BASE as $EMAIL"
for path in "$@"; do
    measure first "$path"
    first_next=$(next_link)
    link=$first_next
    for ((hop = 1; hop <= FOLLOW; hop++)); do
        [[ -n $link ]] || break
        measure "next $hop" "$link"
        link=$(next_link)
    done
    if [[ -n ${BENCH_DEEP_NAME:-} && -n ${BENCH_DEEP_ID:-} ]]; then
        # The training lists call the position "after_text" (the sort
        # value); older lists "after" or "after_name".
        if [[ $first_next =~ [?\&]after(_name|_text)?=[^\&]*\&(amp;)?after_id= ]]; then
            deep=$(printf '%s' "$first_next" | sed -E \
                -e "s/([?&])after(_name|_text)?=[^&]*/\\1after\\2=$(urlencode "$BENCH_DEEP_NAME")/" \
                -e "s/after_id=[^&]*/after_id=$BENCH_DEEP_ID/")
            measure deep "$deep"
        else
            echo "deep       (skipped: $path has no next link with a keyset position)"
        fi
    fi
done
