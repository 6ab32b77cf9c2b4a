#!/usr/bin/env bash
# Fault test (TAP): a lock held by another database client must not
# stall the site.
#
# Another client holds (1) the row of a classroom session with SELECT
# ... FOR UPDATE in an open transaction, then (2) its chat table with
# LOCK TABLES ... WRITE.  Requests that need what is locked (posting to
# the session's chat, reading the chat) run into the lock, through
# FastCGI and plain CGI: each must end with a 503 that carries
# Retry-After and the "busy" message once db_lock_wait is over, instead
# of waiting for InnoDB's 50 s (or, for a table lock, a year).  While
# they wait, /login and a signed-in page that does not need the locked
# table must answer 200 (checked by order).  Once the lock is released,
# the same workers post to the chat again.
#
# ./etc/dev check runs it against its stack, after the end-to-end and
# browser tests; stack.sh says how to run it against that of "up".
#
# Bounded: a held request is given WAIT_SECONDS, then the lock is
# released whatever happened (the locking client is killed at the end).
# shellcheck source=tests/faults/stack.sh disable=SC1091
. "$(dirname "$0")/stack.sh"

exec python3 - <<'EOF'
import subprocess
import sys
import threading
import time

from faultlib import bail, check, classroom, note, plan, status, workers
from lectern import BASE, CGI_BASE, DB_SOCKET, Client, signed_in, sql_value

WAIT_SECONDS = 30
BUSY = "database is busy right now"


class Locker:
    """A database client of its own that holds locks until released."""

    def __init__(self):
        self.p = subprocess.Popen(
            ["mariadb", "--socket=" + DB_SOCKET, "-u", "root", "-N", "-B",
             "-n", "lectern"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True)

    def run(self, statements):
        """Run statements; return once the client has run them all."""
        self.p.stdin.write(statements + "\nSELECT 'done';\n")
        self.p.stdin.flush()
        said = []
        while True:
            line = self.p.stdout.readline()
            if line.strip() == "done":
                return
            if not line:
                bail("the locking client ended: %r" % said)
            said.append(line.strip())

    def close(self):
        if self.p.poll() is None:
            self.p.kill()
            self.p.wait()


def waiting():
    """Statements of other clients waiting for a lock right now."""
    return int(sql_value(
        "SELECT (SELECT COUNT(*) FROM information_schema.INNODB_TRX "
        "WHERE trx_state = 'LOCK WAIT') + (SELECT COUNT(*) FROM "
        "information_schema.PROCESSLIST WHERE STATE LIKE "
        "'Waiting for table%lock')"))


def until(fn):
    deadline = time.time() + WAIT_SECONDS
    while time.time() < deadline:
        if fn():
            return True
        time.sleep(0.1)
    return False


def held(what, requests, other):
    """Send requests (functions) at once, wait until they all wait for
    the lock, then run other.  Returns (answers in order of completion,
    whether they all ended within WAIT_SECONDS)."""
    done, lock = [], threading.Lock()

    def one(fn, name):
        t0 = time.time()
        try:
            r = fn()
        except Exception as e:  # noqa: BLE001 - counted as a failure
            r = e
        with lock:
            done.append((name, r, time.time() - t0))

    threads = [threading.Thread(target=one, args=(fn, "held"), daemon=True)
               for fn in requests]
    for t in threads:
        t.start()
    if not until(lambda: waiting() >= len(requests)):
        note("only %d of %d requests wait for the %s" % (waiting(),
             len(requests), what))
    for name, fn in other:
        one(fn, name)
    deadline = time.time() + WAIT_SECONDS
    for t in threads:
        t.join(max(0.1, deadline - time.time()))
    return done, not any(t.is_alive() for t in threads)


def fast_503(done, ended):
    answers = [(r, s) for n, r, s in done if n == "held"]
    note("held requests answered after %s s" % ", ".join(
        "%.1f" % s for _, s in answers))
    return ended and answers and all(
        getattr(r, "status", None) == 503 and
        r.header("Retry-After") is not None and BUSY in r.text and
        "lock" not in r.text.lower()
        for r, _ in answers), [r for r, _ in answers]


def others_first(done):
    """/login and the other page answered 200, before any held one."""
    order = [n for n, _, _ in done]
    ok = [n for n, r, _ in done if n != "held" and
          getattr(r, "status", None) == 200]
    return ok == ["login", "page"] and order[:2] == ["login", "page"], order


def main():
    n = len(workers())
    k = min(2, n - 1)
    if k < 1:
        bail("needs 2 FastCGI workers or more, found %d" % n)
    plan(7)
    before = workers()
    _, _, sid = classroom("Locked ")
    room = "/platform/classroom/%d" % sid
    people = [signed_in(BASE, "learner", i) for i in range(k)]
    if CGI_BASE:
        people.append(signed_in(CGI_BASE, "learner", k))
    for c in people:
        c.tok = c.get(room).csrf()
    signed = signed_in(BASE, "learner", k + 1)
    other = [("login", lambda: Client(BASE).get("/login")),
             ("page", lambda: signed.get("/account"))]

    def post(c, i):
        return lambda: c.post(room + "/chat", {"body": "locked %d" % i},
                              csrf=c.tok)

    def read(c):
        return lambda: c.get(room + "/chat")

    locker = Locker()
    try:
        locker.run("START TRANSACTION; SELECT id FROM classroom_sessions "
                   "WHERE id = %d FOR UPDATE;" % sid)
        done, ended = held("row lock", [post(c, i) for i, c in
                                        enumerate(people)], other)
        ok, detail = fast_503(done, ended)
        check("%d chat posts waiting for a row lock end with a 503, "
              "Retry-After and the busy message" % len(people), ok, detail)
        ok, detail = others_first(done)
        check("meanwhile /login and another signed-in page answer 200",
              ok, detail)
        locker.run("ROLLBACK; LOCK TABLES classroom_chat WRITE;")
        done, ended = held("table lock", [read(c) for c in people], other)
        ok, detail = fast_503(done, ended)
        check("%d chat pages waiting for a table lock end with a 503, "
              "Retry-After and the busy message" % len(people), ok, detail)
        ok, detail = others_first(done)
        check("meanwhile /login and another signed-in page answer 200",
              ok, detail)
        locker.run("UNLOCK TABLES;")
    finally:
        locker.close()
    rs = [c.post(room + "/chat", {"body": "unlocked"}, csrf=c.tok)
          for c in people]
    check("once the lock is released, chat posts work again",
          all(r.status == 303 for r in rs), rs)
    check("no message of the refused posts was stored",
          sql_value("SELECT COUNT(*) FROM classroom_chat WHERE session_id "
                    "= %d AND body LIKE 'locked %%'" % sid) == "0")
    check("by the same FastCGI workers", workers() == before and
          len(before) == n, (before, n))


main()
sys.exit(status())
EOF
