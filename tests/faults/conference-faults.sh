#!/usr/bin/env bash
# Fault test (TAP): a conferencing server that answers wrongly, restarts,
# or is marked as not answering.
#
# With the BigBlueButton simulator answering every API call with an HTML
# page (as a proxy does while the server restarts), then with a 500,
# several people press Join Session: each gets the friendly 503, never
# the server's page, raw XML or a 500, and the channel and room pages
# and /login keep answering 200.  Then the simulator restarts (every
# meeting lost, no callback): Join creates the meeting again and lets
# the person in.  Last, the server is marked as not answering (as after
# a timeout): Join is refused without a call; a worker pass while the
# server still answers HTML keeps the mark; a worker pass once it
# answers clears it, and Join works at once, before the window ends.
#
# ./etc/dev check runs it against its stack, after the end-to-end and
# browser tests; stack.sh says how to run it against that of "up".
#
# Bounded: every request gives up after 60 s and each worker pass
# after 60 s; the simulator's mode is set back to normal at the end,
# whatever happened, and the mark is removed.
# shellcheck source=tests/faults/stack.sh disable=SC1091
. "$(dirname "$0")/stack.sh"

exec python3 - <<'EOF'
import sys
import time

import bbb
from faultlib import check, classroom, note, plan, status
from lectern import BASE, Client, accounts, ctl, signed_in, sql, sql_value

UNAVAILABLE = ("The conferencing server is unavailable right now. Please "
               "try again in a minute.")
PEOPLE = 3


def friendly(r):
    low = r.text.lower()
    return (r.status == 503 and UNAVAILABLE in r.text and
            "<response" not in low and "returncode" not in low and
            "bad gateway" not in low and "internal server error" not in low)


def mark():
    return int(sql_value("SELECT COALESCE((SELECT open_until FROM "
                         "conference_health WHERE provider = 'bbb'), 0)"))


def worker():
    rc, out = ctl("worker")
    return rc, out


def main():
    plan(7)
    sql("DELETE FROM conference_health")
    teacher, cid, sid = classroom("Broken server ")
    mid = sql_value("SELECT meeting_id FROM classroom_sessions WHERE id = %d"
                    % sid)
    channel, room = "/platform/channels/%d" % cid, "/platform/classroom/%d" % sid
    people = [signed_in(BASE, "learner", i % len(accounts()["learner"]))
              for i in range(PEOPLE)]
    toks = [c.get(channel).csrf() for c in people]

    def join_all():
        return [c.post(room + "/join", csrf=t) for c, t in zip(people, toks)]

    def pages():
        return [Client(BASE).get("/login").status,
                teacher.get(channel).status, teacher.get(room).status]

    for mode, what in (("html", "an HTML page"), ("status500", "a 500")):
        bbb.sim("mode", {"mode": mode, "count": 0})
        try:
            rs = join_all()
            ps = pages()
        finally:
            bbb.sim("mode", {"mode": "normal"})
        check("the server answers %s: %d Joins get the friendly 503, the "
              "pages answer 200" % (what, len(rs)),
              all(map(friendly, rs)) and ps == [200, 200, 200], (rs, ps))

    bbb.sim("restart", {})
    rs = join_all()
    running = [m for m in bbb.sim("meetings")["meetings"]
               if m["meetingID"] == mid and m.get("running")]
    check("after a restart of the server, Join creates the meeting again "
          "and lets %d people in" % len(rs),
          all(r.status == 303 for r in rs) and len(running) == 1,
          (rs, len(running)))
    check("and the pages answer 200", pages() == [200, 200, 200])

    # Marked as not answering, as a timeout would have left it.
    sql("INSERT INTO conference_health (provider, open_until, timeouts, "
        "updated_at) VALUES ('bbb', CAST(ROUND(UNIX_TIMESTAMP(NOW(3)) * "
        "1000) AS SIGNED) + 30000, 1, UTC_TIMESTAMP()) ON DUPLICATE KEY "
        "UPDATE open_until = VALUES(open_until)")
    before = bbb.sim("meetings")["received"]
    r = people[0].post(room + "/join", csrf=toks[0])
    check("marked as not answering: Join is refused without a call",
          friendly(r) and bbb.sim("meetings")["received"] == before,
          (r, bbb.sim("meetings")["received"] - before))
    bbb.sim("mode", {"mode": "html", "count": 0})
    try:
        rc1, out1 = worker()
    finally:
        bbb.sim("mode", {"mode": "normal"})
    kept = mark()
    t0 = time.time()
    rc2, out2 = worker()
    note("worker passes: %.1f s for the one that cleared the mark"
         % (time.time() - t0))
    check("a worker pass while the server answers HTML keeps the mark",
          rc1 == 0 and kept != 0, (rc1, kept, out1))
    r = people[0].post(room + "/join", csrf=toks[0])
    check("a worker pass once it answers clears the mark, and Join works "
          "at once", rc2 == 0 and mark() == 0 and r.status == 303,
          (rc2, mark(), r, out2))


try:
    main()
finally:
    try:
        bbb.sim("mode", {"mode": "normal"})
        sql("DELETE FROM conference_health")
    except Exception:  # noqa: BLE001 - the stack may be gone
        pass
sys.exit(status())
EOF
