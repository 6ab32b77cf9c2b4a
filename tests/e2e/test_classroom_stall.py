"""A conferencing server that stalls: the first click waits no longer
than its call's timeout and shows the friendly message; the server is
then marked as not answering (in the database, for every app host), and
clicks within the window fail at once without calling it; once the
window is over one click tries it again; an answer clears the mark.  An
End while it is marked closes the session here and leaves the server's
side to the worker, which keeps calling on its own schedule; Publish
and Delete change nothing.

Calls are counted by the simulator as they arrive (sim/meetings
"received"), so "not called" is asserted without timing anything.  The
window is ended by moving the mark into the past, as the clock would."""

import bbb
from lectern import ctl, signed_in, sql, sql_value, test
from test_classroom import UNAVAILABLE, act, channel_page, end, join, \
    session_row, setup, started


def received():
    """API calls the simulator received so far (stalled ones too)."""
    return bbb.sim("meetings")["received"]


def mark():
    """(open_until, timeouts) of BigBlueButton's row, or None."""
    rows = sql("SELECT open_until, timeouts FROM conference_health WHERE "
               "provider = 'bbb'")
    return (int(rows[0][0]), int(rows[0][1])) if rows else None


def marked():
    """1 when the mark refuses clicks now (by the database's clock)."""
    return sql_value("SELECT COUNT(*) FROM conference_health WHERE "
                     "provider = 'bbb' AND open_until > "
                     "UNIX_TIMESTAMP(NOW(3)) * 1000") == "1"


def window_over():
    """What the clock does after the window: the mark is in the past."""
    sql("UPDATE conference_health SET open_until = 1 WHERE "
        "provider = 'bbb' AND open_until <> 0")


def set_mark():
    """The server marked as not answering for the next 30 s."""
    sql("INSERT INTO conference_health (provider, open_until, timeouts, "
        "updated_at) VALUES ('bbb', UNIX_TIMESTAMP(NOW(3)) * 1000 + 30000, "
        "1, UTC_TIMESTAMP()) ON DUPLICATE KEY UPDATE open_until = "
        "VALUES(open_until)")


def clear_mark():
    sql("DELETE FROM conference_health")


def stall():
    """Hold every API answer until released (or for 60 s)."""
    bbb.sim("mode", {"mode": "stall", "count": 0, "seconds": 60})


def release():
    """Answer normally again, releasing the held calls."""
    bbb.sim("mode", {"mode": "normal"})
    bbb.wait_for(lambda: bbb.sim("meetings")["held"] == 0)


@test
def bbb_stall_fails_fast(base):
    """a stalled server: one timed-out Join, then fast refusals without calls, one trial per window"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    learner = signed_in(base, "learner", 0)
    sid = started(teacher, cid, name="Stalled")
    clear_mark()
    stall()
    try:
        # The first Join waits for its call's timeout, no longer than
        # that, and shows the friendly message.
        n = received()
        r = join(teacher, sid, cid)
        assert r.status == 503 and UNAVAILABLE in r.text, r
        assert received() == n + 1
        assert marked(), mark()
        assert mark()[1] == 1
        assert session_row(sid, "status, COALESCE(create_time, 0)") == \
            ["active", "0"]
        # Within the window: refused at once, the server not called.
        for who in (learner, teacher):
            r = join(who, sid, cid)
            assert r.status == 503 and UNAVAILABLE in r.text, r
        assert received() == n + 1
        # Pages that do not call the server answer as usual.
        assert "Join Session" in channel_page(learner, cid).text
        # The window is over: one click tries the server again; it still
        # stalls, so the mark is set for a new window...
        window_over()
        r = join(learner, sid, cid)
        assert r.status == 503 and UNAVAILABLE in r.text, r
        assert received() == n + 2
        assert marked() and mark()[1] == 2, mark()
        # ...and the next clicks are refused without a call again.
        r = join(teacher, sid, cid)
        assert r.status == 503, r
        assert received() == n + 2
        # Released: still refused until the window is over (no call).
        release()
        r = join(teacher, sid, cid)
        assert r.status == 503, r
        assert received() == n + 2
        # After the window, the trial Join works and clears the mark.
        window_over()
        r = join(teacher, sid, cid)
        assert r.status == 303, r
        assert received() > n + 2
        assert mark()[0] == 0, mark()
        assert session_row(sid, "create_time")[0] not in ("0", "NULL")
        r = join(learner, sid, cid)
        assert r.status == 303, r
    finally:
        bbb.sim("mode", {"mode": "normal"})
        clear_mark()


@test
def bbb_marked_end_and_recordings(base):
    """while the server is marked as not answering, End closes here for the worker, Unpublish and Delete change nothing"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    sid = started(teacher, cid, name="Marked")
    mid = session_row(sid, "meeting_id")[0]
    assert join(teacher, sid, cid).status == 303
    sql("INSERT INTO classroom_recordings (session_id, record_id, state, "
        "updated_at) VALUES (%d, 'marked-%d', 'published', "
        "UTC_TIMESTAMP())" % (sid, sid))
    rec = int(sql_value("SELECT id FROM classroom_recordings WHERE "
                        "record_id = 'marked-%d'" % sid))
    clear_mark()
    set_mark()
    try:
        n = received()
        for action in ("unpublish", "delete"):
            r = act(teacher, "/platform/channels/%d" % cid,
                    "/platform/classroom/%d/recordings/%d/%s"
                    % (sid, rec, action))
            assert r.status == 503 and UNAVAILABLE in r.text, (action, r)
            assert sql_value("SELECT state FROM classroom_recordings "
                             "WHERE id = %d" % rec) == "published"
        # End: the session closes here at once, the end is left pending.
        r = end(teacher, sid, cid)
        assert r.status == 303, r
        assert "could not be reached" in channel_page(teacher, cid).text
        assert session_row(sid, "status, end_pending") == ["ended", "1"]
        assert received() == n
        assert bbb.sim_meeting(mid)["running"]
        # The worker does not wait for the window: it calls the server.
        rc, out = ctl("worker")
        assert rc == 0, out
        assert received() > n
        assert bbb.wait_for(lambda: bbb.sim_meeting(mid)["ended"])
        assert session_row(sid, "end_pending")[0] == "0"
    finally:
        clear_mark()
