"""Recordings and missed ends, through the worker: a recorded session's
recording gets its playback address from the BigBlueButton simulator,
the summary shows it with "Watch recording", its admins unpublish and
delete it (on the server first), members cannot, another session's
recording is not reachable under this one's path, a server that does
not answer changes nothing, what the server did anyway (or by itself)
is read back by the worker; and a meeting that ended on the server
without its end callback is ended by the worker."""

import re
import time
import urllib.parse

import bbb
from lectern import ctl, signed_in, sql, sql_value, test
from test_classroom import UNAVAILABLE, act, end, follow, join, \
    session_row, setup, started


def worker():
    rc, out = ctl("worker")
    assert rc == 0, out
    line = re.search(r"^worker: classrooms: .*$", out, re.M)
    assert line, out
    return out


def rec_row(sid):
    rows = sql("SELECT id, record_id, state, COALESCE(playback_url, ''), "
               "COALESCE(start_time, 0), COALESCE(end_time, 0) FROM "
               "classroom_recordings WHERE session_id = %d" % sid)
    assert len(rows) <= 1, rows
    return rows[0] if rows else None


def sim_recording(record_id):
    for r in bbb.sim("meetings")["recordings"]:
        if r["recordID"] == record_id:
            return r
    return None


def summary(client, sid):
    r = client.get("/platform/classroom/%d/summary" % sid)
    assert r.status == 200, r
    return r


def recorded_session(teacher, cid):
    """Start a recorded session, join it (the meeting is made), end it,
    and wait for the simulator's recording-ready callback; the session
    id, its meeting id and the recording's id on the server."""
    sid = started(teacher, cid, name="Recorded", record="1")
    assert join(teacher, sid, cid).status == 303
    assert end(teacher, sid, cid).status == 303
    mid = session_row(sid, "meeting_id")[0]

    def published():
        recs = [r for r in bbb.sim("meetings")["recordings"]
                if r["meetingID"] == mid and r["state"] == "published"]
        return recs[0] if recs and rec_row(sid) else None
    rec = bbb.wait_for(published)
    return sid, mid, rec


@test
def recordings_sync_and_actions(base):
    """the worker stores the playback address; admins unpublish and delete"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    learner = signed_in(base, "learner", 0)
    sid, mid, rec = recorded_session(teacher, cid)
    # The callback knew no playback address.
    row = rec_row(sid)
    assert row[1] == rec["recordID"] and row[2] == "published" and \
        row[3] == "", row
    assert "Watch recording" not in summary(learner, sid).text
    # Never asked, then oldest first: put this session first in the
    # worker's order.
    sql("UPDATE classroom_sessions SET ended_at = UTC_TIMESTAMP() - "
        "INTERVAL 6 DAY, recordings_checked_at = NULL WHERE id = %d" % sid)
    worker()
    assert sql_value("SELECT recordings_checked_at > UTC_TIMESTAMP() - "
                     "INTERVAL 1 MINUTE FROM classroom_sessions WHERE id = %d"
                     % sid) == "1"
    url = "http://%s/bigbluebutton/sim/playback/%s" % (
        rec["host"], urllib.parse.quote(rec["recordID"]))
    row = rec_row(sid)
    assert row[2] == "published" and row[3] == url, (row, url)
    assert int(row[4]) == rec["startTime"] and int(row[5]) == rec["endTime"]
    # Known now: the next pass does not ask again.
    calls = len(bbb.sim("meetings")["calls"])
    worker()
    assert not [c for c in bbb.sim("meetings")["calls"][calls:]
                if "getRecordings" in str(c) and mid in str(c)]
    rid = int(row[0])
    page = "/platform/classroom/%d/summary" % sid
    base_path = "/platform/classroom/%d/recordings/%d/" % (sid, rid)
    r = summary(learner, sid)
    assert 'href="%s"' % url in r.text and "Watch recording" in r.text
    assert base_path + "unpublish" not in r.text    # members: no buttons
    r = summary(teacher, sid)
    assert 'action="%sunpublish"' % base_path in r.text
    assert 'action="%sdelete"' % base_path in r.text
    # A member may not, and nothing changes.
    for action in ("unpublish", "delete"):
        r = act(learner, page, base_path + action)
        assert r.status == 403, r
    assert rec_row(sid)[2] == "published"
    assert sim_recording(rec["recordID"])["state"] == "published"
    # Another session's recording under this session's path.
    sid2 = started(teacher, cid, name="Other")
    end(teacher, sid2, cid)
    sql("INSERT INTO classroom_recordings (session_id, record_id, state, "
        "updated_at) VALUES (%d, 'other-%d', 'published', UTC_TIMESTAMP())"
        % (sid2, sid2))
    other = int(sql_value("SELECT id FROM classroom_recordings WHERE "
                          "session_id = %d" % sid2))
    r = act(teacher, page, "/platform/classroom/%d/recordings/%d/delete"
            % (sid, other))
    assert r.status == 404, r
    assert rec_row(sid2)[2] == "published"
    # The server does not answer: 503, nothing changed anywhere.
    try:
        bbb.sim("mode", {"mode": "html", "count": 1})
        r = act(teacher, page, base_path + "unpublish")
    finally:
        bbb.sim("mode", {"mode": "normal"})
    assert r.status == 503 and UNAVAILABLE in r.text, r
    assert rec_row(sid)[2] == "published"
    assert sim_recording(rec["recordID"])["state"] == "published"
    # Unpublish: on the server and here; the link goes, Publish comes.
    r = act(teacher, page, base_path + "unpublish")
    assert r.status == 303, r
    assert sim_recording(rec["recordID"])["state"] == "unpublished"
    assert rec_row(sid)[2] == "unpublished"
    r = summary(teacher, sid)
    assert "Recording unpublished." in r.text
    assert "Watch recording" not in r.text
    assert 'action="%spublish"' % base_path in r.text
    # A worker pass agrees with the server and changes nothing.
    worker()
    assert rec_row(sid)[2] == "unpublished"
    # Delete: gone from the server and from the summary; the worker
    # does not bring it back.
    r = act(teacher, page, base_path + "delete")
    assert r.status == 303, r
    assert sim_recording(rec["recordID"])["state"] == "deleted"
    assert rec_row(sid)[2] == "deleted"
    r = summary(teacher, sid)
    assert "Recording deleted." in r.text
    assert 'id="recording-%d"' % rid not in r.text and \
        "No recordings." in r.text
    sql("UPDATE classroom_recordings SET playback_url = NULL WHERE id = %d"
        % rid)
    worker()
    assert rec_row(sid)[2] == "deleted"
    r = act(teacher, page, base_path + "publish")
    assert r.status == 404, r


@test
def missed_end_found_by_the_worker(base):
    """a meeting gone from the server without its callback ends here"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    sid = started(teacher, cid, name="Missed")
    r = join(teacher, sid, cid)
    assert r.status == 303, r
    follow(r.header("Location"))        # in the room: running
    mid = session_row(sid, "meeting_id")[0]
    assert bbb.sim_meeting(mid)["running"]
    # Still running and young: left alone.
    worker()
    assert session_row(sid, "status")[0] == "active"
    now_ms = int(time.time() * 1000)
    sql("UPDATE classroom_sessions SET create_time = %d WHERE id = %d"
        % (now_ms - 20 * 60 * 1000, sid))
    worker()
    assert session_row(sid, "status")[0] == "active"   # still running
    # The meeting ends on the server; its callback would come much later.
    delay = bbb.sim("meetings")["config"]["callback_delay"]
    bbb.sim("config", {"callback_delay": 60})
    try:
        r = bbb.api("end", {"meetingID": mid})
        assert bbb.field(r, "returncode") == "SUCCESS", r
        bbb.wait_for(lambda: bbb.sim_meeting(mid)["ended"])
        # The server does not answer: logged, the session stays.
        # (count 0: until set again, whatever the pass asks first)
        bbb.sim("mode", {"mode": "status500", "count": 0})
        try:
            out = worker()
        finally:
            bbb.sim("mode", {"mode": "normal"})
        assert "provider failure" in out
        assert session_row(sid, "status")[0] == "active"
        out = worker()
    finally:
        bbb.sim("config", {"callback_delay": delay})
    assert re.search(r"[1-9]\d* sessions? ended \(not running", out), out
    assert session_row(sid, "status, active_key, ended_by, end_reason") == \
        ["ended", "NULL", "NULL", "provider"]
    assert sql_value("SELECT detail FROM classroom_events WHERE session_id "
                     "= %d AND kind = 'ended'" % sid) == \
        "not running on the server"


@test
def recordings_reconciled_by_the_worker(base):
    """the worker reads back recordings the server changed, even behind a failed answer"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    sid, mid, rec = recorded_session(teacher, cid)
    record_id = rec["recordID"]

    def first_in_line(hours=0):
        sql("UPDATE classroom_sessions SET ended_at = UTC_TIMESTAMP() - "
            "INTERVAL 6 DAY, recordings_checked_at = %s WHERE id = %d"
            % ("NULL" if hours == 0 else
               "UTC_TIMESTAMP() - INTERVAL %d HOUR" % hours, sid))

    first_in_line()
    worker()
    row = rec_row(sid)
    assert row[2] == "published" and row[3], row
    page = "/platform/classroom/%d/summary" % sid
    base_path = "/platform/classroom/%d/recordings/%s/" % (sid, row[0])
    # The server unpublishes, then answers broken XML: 503 here, and
    # the next pass reads back what the server did.
    bbb.sim("mode", {"mode": "malformed", "count": 1})
    try:
        r = act(teacher, page, base_path + "unpublish")
    finally:
        bbb.sim("mode", {"mode": "normal"})
    assert r.status == 503 and UNAVAILABLE in r.text, r
    assert sim_recording(record_id)["state"] == "unpublished"
    assert rec_row(sid)[2] == "published"
    assert sql_value("SELECT recordings_checked_at IS NULL FROM "
                     "classroom_sessions WHERE id = %d" % sid) == "1"
    first_in_line()
    worker()
    assert rec_row(sid)[2] == "unpublished"
    assert 'action="%spublish"' % base_path in summary(teacher, sid).text
    # The server publishes it by itself: seen within the hour.
    r = bbb.api("publishRecordings", {"recordID": record_id,
                                      "publish": "true"})
    assert bbb.field(r, "returncode") == "SUCCESS", r
    first_in_line(hours=2)
    worker()
    assert rec_row(sid)[2] == "published"
    # Deleted on the server behind a stalled answer: gone here too.
    bbb.sim("mode", {"mode": "malformed", "count": 1})
    try:
        r = act(teacher, page, base_path + "delete")
    finally:
        bbb.sim("mode", {"mode": "normal"})
    assert r.status == 503, r
    assert sim_recording(record_id)["state"] == "deleted"
    assert rec_row(sid)[2] == "published"
    first_in_line()
    worker()
    assert rec_row(sid)[2] == "deleted"
    assert "No recordings." in summary(teacher, sid).text
    # A recording the server no longer has cannot be published: shown
    # gone, with no button left that would fail again.
    sql("INSERT INTO classroom_recordings (session_id, record_id, state, "
        "updated_at) VALUES (%d, 'gone-%d', 'unpublished', "
        "UTC_TIMESTAMP())" % (sid, sid))
    gone = int(sql_value("SELECT id FROM classroom_recordings WHERE "
                         "record_id = 'gone-%d'" % sid))
    r = act(teacher, page, "/platform/classroom/%d/recordings/%d/publish"
            % (sid, gone))
    assert r.status == 409 and "no longer has" in r.text, r
    assert sql_value("SELECT state FROM classroom_recordings WHERE id = %d"
                     % gone) == "deleted"
    assert 'id="recording-%d"' % gone not in summary(teacher, sid).text
