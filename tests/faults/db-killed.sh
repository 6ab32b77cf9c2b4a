#!/usr/bin/env bash
# Fault test (TAP): MariaDB killed in the middle of a stream of writes.
#
# Two people post chat messages to a classroom session without pause,
# one through FastCGI and one through plain CGI, and log every message
# Lectern acknowledged (303).  After ACKS acknowledged messages mariadbd
# gets SIGKILL (no clean shutdown: InnoDB recovers from its log at the
# next start); the posts go on and must be refused with a 503, never a
# 500; then the database is started again (./etc/dev db start) and the
# posts must be acknowledged again by the same FastCGI workers, which
# reconnect by themselves.  Finally no acknowledged message may be
# missing from the database.  Prints the counts.
#
# ./etc/dev check runs it against its stack, after the end-to-end and
# browser tests; stack.sh says how to run it against that of "up".
#
# Bounded: each phase gives up after WAIT_SECONDS; the database is
# started again whatever happened.
# shellcheck source=tests/faults/stack.sh disable=SC1091
. "$(dirname "$0")/stack.sh"

exec python3 - <<'EOF'
import os
import signal
import sys
import threading
import time

from faultlib import VAR, bail, check, classroom, dev_db, note, plan, \
    status, workers
from lectern import BASE, CGI_BASE, Client, signed_in, sql, unique

WAIT_SECONDS = 30
ACKS = 20


class Writer(threading.Thread):
    """Posts numbered chat messages until told to stop."""

    def __init__(self, base, index, room, tag):
        super().__init__(daemon=True)
        self.c = signed_in(base, "learner", index)
        self.tok = self.c.get(room).csrf()
        self.room, self.tag = room, tag
        self.lock = threading.Lock()
        self.acked, self.refused, self.other = [], 0, []
        self.stop = threading.Event()

    def run(self):
        i = 0
        while not self.stop.is_set():
            i += 1
            body = "%s %d" % (self.tag, i)
            try:
                r = self.c.post(self.room + "/chat", {"body": body},
                                csrf=self.tok)
                st = r.status
            except OSError as e:
                st = repr(e)
            with self.lock:
                if st == 303:
                    self.acked.append(body)
                elif st == 503:
                    self.refused += 1
                else:
                    self.other.append(st)
            if st != 303:
                time.sleep(0.05)

    def counts(self):
        with self.lock:
            return len(self.acked), self.refused, len(self.other)


def until(fn):
    deadline = time.time() + WAIT_SECONDS
    while time.time() < deadline:
        if fn():
            return True
        time.sleep(0.05)
    return False


def mariadbd():
    with open(os.path.join(VAR, "run", "mysqld.pid")) as f:
        return int(f.read().strip())


def gone(pid):
    """True once the process has exited and been reaped (etc/dev takes a
    zombie for a running server)."""
    return not os.path.exists("/proc/%d" % pid)


def main():
    plan(6)
    before = workers()
    _, _, sid = classroom("Killed ")
    room = "/platform/classroom/%d" % sid
    tag = unique("ack")
    writers = [Writer(BASE, 0, room, tag + " f")]
    if CGI_BASE:
        writers.append(Writer(CGI_BASE, 1, room, tag + " c"))
    for w in writers:
        w.start()

    def total(i):
        return sum(w.counts()[i] for w in writers)

    started = False
    try:
        if not until(lambda: all(w.counts()[0] >= ACKS for w in writers)):
            bail("the writers got no %d acknowledgements: %r"
                 % (ACKS, [w.counts() for w in writers]))
        pid = mariadbd()
        os.kill(pid, signal.SIGKILL)
        if not until(lambda: gone(pid)):
            bail("mariadbd (pid %d) was not gone after SIGKILL" % pid)
        acked_up = total(0)
        down = until(lambda: all(w.counts()[1] >= 3 for w in writers))
        check("while mariadbd is gone, posts are refused with a 503 "
              "(%d refused)" % total(1), down)
        acked_down = total(0) - acked_up
        r = dev_db("start")
        started = r.returncode == 0
        if not started:
            bail("the database did not start again: " + r.stdout + r.stderr)
        back = total(0)
        again = until(lambda: total(0) >= back + ACKS * len(writers))
    finally:
        for w in writers:
            w.stop.set()
        for w in writers:
            w.join(WAIT_SECONDS)
        if not started:
            dev_db("start")
    check("posts are acknowledged again once the database is back",
          again, [w.counts() for w in writers])
    acked = [b for w in writers for b in w.acked]
    stored = set(row[0] for row in sql(
        "SELECT body FROM classroom_chat WHERE session_id = %d" % sid))
    missing = [b for b in acked if b not in stored]
    note("%d writes acknowledged (%d before the kill, %d while down), "
         "%d found in the database, %d refused while down, %d stored "
         "though refused" % (len(acked), acked_up, acked_down,
                             len(acked) - len(missing), total(1),
                             len(stored) - (len(acked) - len(missing))))
    check("no acknowledged write is missing (%d missing)" % len(missing),
          not missing, missing[:10])
    other = [s for w in writers for s in w.other]
    check("no answer other than 303 and 503 (%d)" % len(other), not other,
          other[:10])
    check("the same FastCGI workers answer: none was restarted",
          workers() == before and before, (before, workers()))
    r = Client(BASE).get("/login")
    page = writers[0].c.get(room + "/chat")
    check("/login and the chat page answer 200", r.status == 200 and
          page.status == 200, (r, page))


main()
sys.exit(status())
EOF
