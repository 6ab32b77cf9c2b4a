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
# browser tests; stack.sh says how to run it against that of "up".
#
# Bounded: every wait gives up after WAIT_SECONDS, every request after
# 60 s, and the simulator holds answers for at most 120 s (it is released
# at the end, whatever happened).
# shellcheck source=tests/faults/stack.sh disable=SC1091
. "$(dirname "$0")/stack.sh"

exec python3 - <<'EOF'
import sys
import threading

import bbb
from faultlib import check, classroom, status, workers
from lectern import BASE, Client, accounts, signed_in, sql

WAIT_SECONDS = 20
UNAVAILABLE = ("The conferencing server is unavailable right now. Please "
               "try again in a minute.")


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
    n = len(workers())
    k = n - 1
    print("1..7")
    print("# %d FastCGI workers: %d Joins held at once" % (n, k))
    if k < 2:
        check("more FastCGI workers than the Joins a stalled server holds "
              "(found %d workers)" % n, False)
        return
    learners = accounts()["learner"]
    _, cid, sid = classroom("Stalled ")
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
sys.exit(status())
EOF
