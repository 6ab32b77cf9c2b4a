#!/usr/bin/env bash
# Fault test (TAP): a conferencing server that stalls must not stall the
# site.
#
# With the BigBlueButton simulator holding every API answer, several
# people press Join Session at once (one fewer than the FastCGI workers).
# While their calls are held, /login must answer 200 through nginx and a
# person must be able to sign in: checked by order (those requests
# complete while every Join is still waiting), not by a clock.  Each Join
# then ends with the friendly 503 after its call's timeout, the server is
# marked as not answering, and a second wave of Joins (more than there
# are workers) is refused without one call reaching the simulator, while
# /login still answers.  Once the simulator answers again and the window
# is over, Join works again.
#
# ./etc/dev check runs it against its stack, after the end-to-end and
# browser tests.  Against the stack of "./etc/dev up" (port 8080 here):
#
#   LECTERN_CONF=$PWD/var/lectern.conf LECTERN_TEST_URL=http://127.0.0.1:8080 \
#       LECTERN_TEST_VAR=$PWD/var LECTERN_TEST_ACCOUNTS=$PWD/var/demo-accounts.txt \
#       LECTERN_TEST_DB_SOCKET=$PWD/var/run/mysqld.sock \
#       tests/faults/stalled-conference.sh
#
# Bounded: every wait gives up after WAIT_SECONDS, every request after
# 60 s, and the simulator holds answers for at most 120 s (it is released
# at the end, whatever happened).
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
SRC=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
export PYTHONPATH=$SRC/tests/e2e${PYTHONPATH:+:$PYTHONPATH}
export PYTHONDONTWRITEBYTECODE=1

exec python3 - <<'EOF'
import os
import subprocess
import sys
import threading

import bbb
from lectern import BASE, Client, accounts, signed_in, sql, sql_quote, \
    sql_value, unique

WAIT_SECONDS = 20
UNAVAILABLE = ("The conferencing server is unavailable right now. Please "
               "try again in a minute.")
VAR = os.environ["LECTERN_TEST_VAR"]

results = []


def check(desc, ok, detail=None):
    results.append(ok)
    print("%s %d - %s" % ("ok" if ok else "not ok", len(results), desc))
    if not ok and detail is not None:
        for line in str(detail).splitlines()[:10]:
            print("# " + line)
    sys.stdout.flush()


def workers():
    """The FastCGI workers: children of a multiwatch under the stack's
    spawn-fcgi pid."""
    with open(os.path.join(VAR, "run", "spawn-fcgi.pid")) as f:
        root = int("".join(c for c in f.read() if c.isdigit()))
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid=,comm="],
                         capture_output=True, text=True, check=True).stdout
    parent, comm = {}, {}
    for line in out.splitlines():
        pid, ppid, name = line.split(None, 2)
        parent[int(pid)], comm[int(pid)] = int(ppid), name.strip()
    found = 0
    for pid, ppid in parent.items():
        if comm.get(ppid) != "multiwatch":
            continue
        q = ppid
        while q > 1 and q != root:
            q = parent.get(q, 1)
        found += q == root
    return found


def user_id(email):
    return int(sql_value("SELECT id FROM users WHERE email = %s"
                         % sql_quote(email)))


def sim_state():
    return bbb.sim("meetings")


class Log:
    """Completed requests, in the order they completed."""

    def __init__(self):
        self.lock = threading.Lock()
        self.done = []

    def add(self, what, resp):
        with self.lock:
            self.done.append((what, resp))

    def kinds(self):
        with self.lock:
            return [w for w, _ in self.done]


def press_join(client, sid, csrf, log, name):
    try:
        r = client.post("/platform/classroom/%d/join" % sid, csrf=csrf)
    except Exception as e:  # noqa: BLE001 - counted as a failed join
        r = e
    log.add(name, r)


def wave(clients, sid, log, name):
    """Every client presses Join at once; the threads."""
    threads = []
    for c, tok in clients:
        t = threading.Thread(target=press_join, args=(c, sid, tok, log, name),
                             daemon=True)
        t.start()
        threads.append(t)
    return threads


def finish(threads):
    for t in threads:
        t.join(60)
    return not any(t.is_alive() for t in threads)


def friendly(resp):
    return getattr(resp, "status", None) == 503 and UNAVAILABLE in resp.text


def login_works(log):
    """/login through nginx, then a whole sign-in: logged in order."""
    c = Client(BASE)
    r = c.get("/login")
    log.add("login", r)
    email, pw = accounts()["learner"][0]
    r2 = c.login(email, pw)
    r3 = c.get("/") if r2.status == 303 else r2
    log.add("signin", r3)
    return r, r3


def wait(fn):
    return bbb.wait_for(fn, timeout=WAIT_SECONDS)


def main():
    n = workers()
    k = n - 1
    print("1..7")
    print("# %d FastCGI workers: %d Joins held at once" % (n, k))
    if k < 2:
        check("more FastCGI workers than the Joins a stalled server holds "
              "(found %d workers)" % n, False)
        return
    teacher = signed_in(BASE, "teacher", 0)
    learners = accounts()["learner"]
    name = unique("Stalled ")
    sql("INSERT INTO channels (name, description, created_at, updated_at) "
        "VALUES (%s, 'Fault test', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % sql_quote(name))
    cid = int(sql_value("SELECT id FROM channels WHERE name = %s"
                        % sql_quote(name)))
    members = [(user_id(accounts()["teacher"][0][0]), 1)] + \
        [(user_id(e), 0) for e, _ in learners]
    for uid, adm in members:
        sql("INSERT INTO channel_members (channel_id, user_id, is_admin, "
            "added_at) VALUES (%d, %d, %d, UTC_TIMESTAMP())" % (cid, uid, adm))
    teacher.get("/platform/channels/%d/start" % cid)
    r = teacher.post("/platform/channels/%d/start" % cid, {})
    sid = int(sql_value("SELECT id FROM classroom_sessions WHERE "
                        "active_key = 'c%d'" % cid) or 0)
    if r.status != 303 or not sid:
        print("Bail out! could not start a classroom session: %r" % r)
        sys.exit(1)
    sql("DELETE FROM conference_health")
    # Signed in and on the channel page before the server stalls.
    people = []
    for i in range(2 * n + 1):
        c = signed_in(BASE, "learner", i % len(learners))
        people.append((c, c.get("/platform/channels/%d" % cid).csrf()))

    bbb.sim("mode", {"mode": "stall", "count": 0, "seconds": 120})
    try:
        log = Log()
        before = sim_state()["received"]
        threads = wave(people[:k], sid, log, "join")
        try:
            wait(lambda: sim_state()["held"] >= k)
            held = True
        except AssertionError:
            held = False
        check("%d Joins are held by the stalled server" % k, held,
              sim_state()["held"])
        login, signin = login_works(log)
        order = log.kinds()
        check("/login answers 200 through nginx while the Joins wait",
              login.status == 200 and order[:1] == ["login"],
              (login, order))
        check("a person signs in while the Joins wait",
              signin.status == 200 and order[:2] == ["login", "signin"],
              (signin, order))
        ended = finish(threads)
        joins = [r for w, r in log.done if w == "join"]
        check("each held Join ends with the friendly message",
              ended and len(joins) == k and all(map(friendly, joins)),
              joins)
        received = sim_state()["received"]
        check("the server was called once per held Join",
              received - before == k, received - before)

        # Marked as not answering: more Joins than workers, none calls.
        log = Log()
        threads = wave(people[k:], sid, log, "join")
        login, signin = login_works(log)
        ended = finish(threads)
        joins = [r for w, r in log.done if w == "join"]
        check("then %d Joins are refused without calling the server, "
              "/login answers" % len(joins),
              ended and all(map(friendly, joins)) and
              sim_state()["received"] == received and
              login.status == 200 and signin.status == 200,
              (joins, sim_state()["received"] - received, login))
    finally:
        bbb.sim("mode", {"mode": "normal"})
    # Released, and the window over (as the clock would end it).
    wait(lambda: sim_state()["held"] == 0)
    sql("UPDATE conference_health SET open_until = 1 WHERE open_until <> 0")
    c, tok = people[0]
    r = c.post("/platform/classroom/%d/join" % sid,
               csrf=c.get("/platform/channels/%d" % cid).csrf())
    check("Join works again once the server answers", r.status == 303, r)
    sql("DELETE FROM conference_health")


try:
    main()
finally:
    try:
        bbb.sim("mode", {"mode": "normal"})
    except Exception:  # noqa: BLE001 - the simulator may be gone
        pass
sys.exit(0 if results and all(results) else 1)
EOF
