#!/usr/bin/env bash
# Fault test (TAP): a burst of FastCGI worker deaths must not take the
# site down for good.
#
# multiwatch gives a worker up once it died 4 times within 10 s, and exits
# when it has given up on every worker; nginx then answers 502.  etc/dev
# runs multiwatch under a supervisor that starts it again (after a short,
# growing delay) and logs each restart.  This test SIGKILLs the workers of
# a running stack as soon as they appear, until none has come back for
# QUIET_MS (multiwatch gave up), then expects /login to answer 200 through
# nginx again within RECOVER_SECONDS, the supervisor's log to show the
# restart, and as many workers as before.
#
# ./etc/dev check runs it against its stack, after the end-to-end and
# browser tests.  Against the stack of "./etc/dev up" (port 8080 here):
#
#   LECTERN_TEST_URL=http://127.0.0.1:8080 LECTERN_TEST_VAR=$PWD/var \
#       tests/faults/worker-deaths.sh
#
# Only the processes under the stack's own pid file
# ($LECTERN_TEST_VAR/run/spawn-fcgi.pid) are signalled, and only
# 127.0.0.1 is asked.  The whole test is bounded: at most BURST_SECONDS
# of killing, RECOVER_SECONDS of waiting, and a few seconds more.
set -u

URL=${LECTERN_TEST_URL-}
VAR=${LECTERN_TEST_VAR-}
MAX_KILLS=${LECTERN_FAULT_MAX_KILLS:-40}
BURST_SECONDS=15
QUIET_MS=500
RECOVER_SECONDS=30

if [[ -z $URL || -z $VAR ]]; then
	echo "1..0 # SKIP no stack: run the tests through ./etc/dev check"
	exit 0
fi

# bail MESSAGE: stop the whole run with a reason tap-driver shows.
bail() {
	echo "Bail out! $*"
	exit 1
}

[[ $URL =~ ^http://127\.0\.0\.1:[0-9]+$ ]] ||
	bail "LECTERN_TEST_URL must be http://127.0.0.1:PORT, not $URL"
PIDFILE=$VAR/run/spawn-fcgi.pid
LOG=$VAR/log/lectern.log

n=0
failed=0

# check DESCRIPTION COMMAND...: one TAP line, "ok" when COMMAND succeeds.
check() {
	local desc=$1
	shift
	n=$((n + 1))
	if "$@"; then
		echo "ok $n - $desc"
	else
		echo "not ok $n - $desc"
		failed=1
	fi
}

# now_ms: milliseconds since the epoch.
now_ms() {
	local us=${EPOCHREALTIME//[!0-9]/}
	echo $((us / 1000))
}

# seconds MS: MS as seconds with one decimal.
seconds() {
	printf '%d.%d' $(($1 / 1000)) $(($1 % 1000 / 100))
}

http_status() {
	curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$URL$1" 2>/dev/null || true
}

# workers ROOT: the pids of the FastCGI workers, the children of a
# multiwatch that descends from process ROOT.
workers() {
	ps -e -o pid=,ppid=,comm= | awk -v root="$1" '
		{ parent[$1] = $2; comm[$1] = $3 }
		END {
			for (p in parent) {
				if (comm[parent[p]] != "multiwatch")
					continue
				for (q = parent[p]; q > 1 && q != root; q = parent[q])
					;
				if (q == root)
					print p
			}
		}'
}

# count WORDS...: how many words.
count() { echo $#; }

root=$(tr -dc 0-9 <"$PIDFILE" 2>/dev/null) || true
if [[ -z $root ]] || ! kill -0 "$root" 2>/dev/null; then
	bail "no FastCGI supervisor running (pid file $PIDFILE)"
fi
# shellcheck disable=SC2046
before=$(count $(workers "$root"))
((before > 0)) || bail "no FastCGI worker found under pid $root"
[[ $(http_status /login) == 200 ]] || bail "$URL/login does not answer 200 to begin with"
log_size=$(stat -c %s "$LOG" 2>/dev/null || echo 0)

echo "1..4"
echo "# $before workers under pid $root; SIGKILL them until none comes back"

# The burst.
kills=0 gave_up=0
start=$(now_ms)
last_seen=$start
while :; do
	pids=$(workers "$root")
	now=$(now_ms)
	if [[ -n $pids ]]; then
		# shellcheck disable=SC2086
		kill -KILL $pids 2>/dev/null
		# shellcheck disable=SC2086
		kills=$((kills + $(count $pids)))
		last_seen=$now
	elif ((now - last_seen >= QUIET_MS)); then
		gave_up=1
		break
	fi
	((kills < MAX_KILLS && now - start < BURST_SECONDS * 1000)) || break
	sleep 0.02
done
burst_ms=$((last_seen - start))
check "$kills SIGKILLs in $(seconds "$burst_ms") s made multiwatch give up (no worker for $QUIET_MS ms)" \
	test "$gave_up" = 1

# The site must come back by itself.
status=
deadline=$((last_seen + RECOVER_SECONDS * 1000))
while :; do
	status=$(http_status /login)
	now=$(now_ms)
	[[ $status == 200 ]] && break
	((now < deadline)) || break
	sleep 0.2
done
back_ms=$((now - last_seen))  # from the last kill
took="after $(seconds "$back_ms") s"
if [[ $status != 200 ]]; then
	took="still $status $took"
	echo "# the end of ${LOG##*/}:"
	tail -n 15 "$LOG" 2>/dev/null | sed 's/^/#   /'
fi
check "/login answers 200 through nginx again within $RECOVER_SECONDS s ($took)" \
	test "$status" = 200

restarts=$(tail -c +$((log_size + 1)) "$LOG" 2>/dev/null |
	grep -c 'lectern-workers: multiwatch exited.*starting it again')
check "the supervisor logged its restarts of multiwatch ($restarts)" test "$restarts" -gt 0

# As many workers as before (the supervisor itself must have survived).
after=0
deadline=$(($(now_ms) + 5000))
while :; do
	root=$(tr -dc 0-9 <"$PIDFILE" 2>/dev/null) || true
	# shellcheck disable=SC2046
	[[ -n $root ]] && after=$(count $(workers "$root"))
	((after == before || $(now_ms) >= deadline)) && break
	sleep 0.2
done
check "$before workers running again (found $after)" test "$after" = "$before"

exit $failed
