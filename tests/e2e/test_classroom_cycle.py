"""The whole life of a classroom session through nginx against the
BigBlueButton simulator: a channel admin starts it, the admin and a member
join (as moderator and viewer), they chat and answer a poll in the room,
the admin ends it, the simulator calls Lectern back, and the channel's
history and the session's summary keep who came and what they did."""

import html
import re

import bbb
from lectern import signed_in, sql, sql_value, test, unique
from test_classroom import active_session, end, follow, join, \
    join_params, setup, start, user_name
from test_classroom_room import article, poll_fields, post, room


@test
def classroom_full_cycle(base):
    """start, join as admin and member, chat, poll, end, history with
    participants and their engagement"""
    cid, channel, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    learner = signed_in(base, "learner", 0)
    name = unique("Fractions ")

    r = start(teacher, cid, name=name, description="Agenda: fractions",
              allow_camera="1", allow_mic="1", mute_on_join="1")
    assert r.status == 303, r
    sid = active_session(cid)
    assert sid, "the session is active"
    mid = sql_value("SELECT meeting_id FROM classroom_sessions WHERE id = %d"
                    % sid)

    # Both join; the meeting is created just before the first join.
    for client, uid, role in ((teacher, tess, "MODERATOR"),
                              (learner, lena, "VIEWER")):
        r = join(client, sid, cid)
        assert r.status == 303, r
        assert "no-store" in r.header("Cache-Control")
        q = join_params(r.header("Location"), mid)
        assert (q["meetingID"], q["role"], q["userID"]) == \
            (mid, role, str(uid)), q
        follow(r.header("Location"))
    meeting = bbb.sim_meeting(mid)
    params = dict(meeting["params"])
    assert params["name"] == name and params["muteOnStart"] == "true"
    assert sorted((a["userID"], a["role"]) for a in meeting["attendees"]) \
        == sorted([(str(tess), "MODERATOR"), (str(lena), "VIEWER")])

    # The room beside the conference: chat from both, a poll answered.
    assert post(learner, sid, "/chat", {"body": "Is 2/4 the same as 1/2?"}
                ).status == 303
    assert post(teacher, sid, "/chat", {"body": "Yes: simplify it."}
                ).status == 303
    r = post(teacher, sid, "/polls",
             poll_fields("Which is larger?", ["1/3", "2/5"]))
    assert r.status == 303, r
    pid = int(sql_value("SELECT MAX(id) FROM classroom_polls WHERE "
                        "session_id = %d" % sid))
    assert post(learner, sid, "/polls/%d/vote" % pid,
                {"option": "2"}).status == 303
    a = article(teacher.get(room(sid)).text, pid)
    assert "100%" in a, a
    # What the conferencing server counts, reported at the end.
    bbb.sim("engage", {"meetingID": mid, "userID": str(lena), "chats": 1,
                       "raisehand": 2, "poll_votes": 1})

    # A member cannot end it; the admin can.
    r = learner.post("/platform/classroom/%d/end" % sid,
                     csrf=learner.get("/platform/channels/%d" % cid).csrf())
    assert r.status == 403, r
    assert active_session(cid) == sid
    r = end(teacher, sid, cid)
    assert r.status == 303 and r.header("Location") == \
        "/platform/channels/%d" % cid, r
    assert active_session(cid) is None
    assert bbb.sim_meeting(mid)["ended"]

    # The simulator calls back: the end (already ended here) and the
    # analytics report with each participant's engagement.
    def reported():
        return sql("SELECT raise_hands, poll_votes FROM "
                   "classroom_participants WHERE session_id = %d AND "
                   "user_id = %d AND raise_hands > 0" % (sid, lena))
    assert bbb.wait_for(reported) == [["2", "1"]]

    # The channel's history, for the member too, with the participants.
    for client in (teacher, learner):
        page = client.get("/platform/channels/%d" % cid)
        assert page.status == 200
        m = re.search(r'<li class="card past-session" id="past-%d">(.*?)'
                      r'</li>' % sid, page.text, re.S)
        assert m, "the session is in the channel's history"
        assert html.escape(name) in m.group(1)
        assert "2 participants" in m.group(1), m.group(1)
        assert 'id="live-badge"' not in page.text
        assert 'id="join-form"' not in page.text
    summary = learner.get("/platform/classroom/%d/summary" % sid)
    assert summary.status == 200, summary
    for uid in (tess, lena):
        assert 'id="person-%d"' % uid in summary.text
        assert html.escape(user_name(uid)) in summary.text
    assert 'id="person-%d"' % liam not in summary.text
    assert html.escape("Is 2/4 the same as 1/2?") in summary.text
    assert html.escape("Yes: simplify it.") in summary.text
    assert "Which is larger?" in summary.text
