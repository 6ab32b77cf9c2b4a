"""BigBlueButton's callbacks into Lectern: the end callback (our HMAC
token in the address), recording-ready (an HS256 JWT form field) and
learning analytics (a JSON body with an HS512 bearer JWT).  Sessions
are made directly in the database; the last test lets the simulator
end a real meeting and fire all three callbacks at Lectern."""

import json
import time

from bbb import (api, end_token, field, jwt, meeting_id, sim, sim_meeting,
                 wait_callbacks)
from lectern import (Client, accounts, routes, signed_in, signed_routes, sql,
                     sql_quote, sql_value, test, unique)


# --- helpers ---------------------------------------------------------------

def user_id(role, index=0):
    email = accounts()[role][index][0]
    return int(sql_value("SELECT id FROM users WHERE email = %s"
                         % sql_quote(email)))


def new_session(mid=None, deleted=False, provider="bbb"):
    """An active classroom session in a new channel; (id, meeting id)."""
    mid = mid or meeting_id()
    rows = sql(
        "INSERT INTO channels (name, created_at, updated_at) VALUES (%s, "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP()); SET @ch = LAST_INSERT_ID(); "
        "INSERT INTO classroom_sessions (channel_id, provider, meeting_id, "
        "name, record, status, active_key, started_at, created_at, "
        "updated_at, deleted_at) VALUES (@ch, %s, %s, 'Callback test', 1, "
        "'active', CONCAT('c', @ch), UTC_TIMESTAMP(), UTC_TIMESTAMP(), "
        "UTC_TIMESTAMP(), %s); SELECT LAST_INSERT_ID();"
        % (sql_quote(unique("Callbacks ")), sql_quote(provider),
           sql_quote(mid), "UTC_TIMESTAMP()" if deleted else "NULL"))
    return int(rows[-1][0]), mid


def state(sid):
    """Everything a callback may change about session sid."""
    return {
        "session": sql("SELECT status, COALESCE(active_key, '-'), "
                       "COALESCE(ended_at, '-'), COALESCE(end_reason, '-') "
                       "FROM classroom_sessions WHERE id = %d" % sid),
        "events": sql("SELECT kind, COALESCE(detail, '') FROM "
                      "classroom_events WHERE session_id = %d ORDER BY id"
                      % sid),
        "participants": participants(sid),
        "recordings": sql("SELECT record_id, state, "
                          "COALESCE(playback_url, '-') FROM "
                          "classroom_recordings WHERE session_id = %d "
                          "ORDER BY id" % sid),
    }


PART_COLS = ("joined_as", "joins", "first_join_at", "last_join_at",
             "last_leave_at", "minutes", "chats", "talks", "talk_seconds",
             "raise_hands", "poll_votes", "emojis", "promoted")


def participants(sid):
    rows = sql("SELECT user_id, %s FROM classroom_participants WHERE "
               "session_id = %d ORDER BY user_id"
               % (", ".join("COALESCE(%s, '-')" % c for c in PART_COLS), sid))
    return {int(r[0]): dict(zip(PART_COLS, r[1:])) for r in rows}


def end_path(mid, token=None, extra=""):
    return "/callbacks/bbb/end?token=%s&meetingID=%s%s" % (
        end_token(mid) if token is None else token, mid, extra)


def post_ready(base, token):
    return Client(base).post("/callbacks/bbb/recording-ready",
                             {"signed_parameters": token}, csrf=False)


def post_analytics(base, body, token=None, auth=None):
    if not isinstance(body, bytes):
        body = json.dumps(body).encode()
    headers = {"Content-Type": "application/json"}
    if auth is not None:
        headers["Authorization"] = auth
    elif token is not False:
        headers["Authorization"] = "Bearer " + (
            token or jwt({"exp": int(time.time()) + 3600}, alg="HS512"))
    return Client(base).request("POST", "/callbacks/bbb/analytics",
                                body=body, headers=headers)


def report(mid, attendees):
    """An analytics body of the shape BigBlueButton posts."""
    return {"version": "1.0", "meeting_id": mid,
            "internal_meeting_id": "f00d-1772441400000",
            "data": {"metadata": {"bbb_origin": "lectern"}, "duration": 2400,
                     "start": "2026-03-02T09:00:00.000Z",
                     "finish": "2026-03-02T09:40:00.000Z",
                     "attendees": attendees, "files": [], "polls": []}}


def person(uid, name, moderator, joins, leaves, duration, **engagement):
    e = {"chats": 0, "talks": 0, "raisehand": 0, "emojis": 0,
         "poll_votes": 0, "talk_time": 0}
    e.update(engagement)
    return {"ext_user_id": uid, "name": name, "moderator": moderator,
            "joins": joins, "leaves": leaves, "duration": duration,
            "recent_talking_time": 0, "engagement": e}


# --- the routes --------------------------------------------------------------

@test
def callback_routes_are_signed_and_public(base):
    """the callback routes are public, carry no CSRF and refuse unsigned requests with 401"""
    signed = signed_routes()
    assert signed == {("GET", "/callbacks/bbb/end"),
                      ("POST", "/callbacks/bbb/recording-ready"),
                      ("POST", "/callbacks/bbb/analytics")}, signed
    for method, pattern, roles, csrf in routes():
        if (method, pattern) in signed:
            assert roles == set() and not csrf, (pattern, roles, csrf)
    c = Client(base)
    assert c.get("/callbacks/bbb/end?meetingID=x").status == 401
    assert c.post("/callbacks/bbb/recording-ready", {}, csrf=False).status == 401
    r = c.request("POST", "/callbacks/bbb/analytics", body=b"{}",
                  headers={"Content-Type": "application/json"})
    assert r.status == 401 and r.header("Content-Type").startswith("text/plain")
    assert c.post("/callbacks/bbb/end", {}, csrf=False).status == 405
    assert c.get("/callbacks/bbb/analytics").status == 405


# --- end ----------------------------------------------------------------------

@test
def end_callback_ends_the_session(base):
    """a good end token ends the session once: status, key, time, reason and one event"""
    sid, mid = new_session()
    r = Client(base).get(end_path(mid, extra="&recordingmarks=true"))
    assert r.status == 200 and r.text == "ok", r
    assert r.header("Content-Type") == "text/plain; charset=utf-8"
    s = state(sid)
    status, key, ended, reason = s["session"][0]
    assert (status, key, reason) == ("ended", "-", "provider"), s
    assert ended != "-"
    assert s["events"] == [["ended", "by the provider; recording processing"]]
    # Again (BigBlueButton may retry): still ok, nothing new.
    r = Client(base).get(end_path(mid, extra="&recordingmarks=false"))
    assert r.status == 200 and state(sid) == s


@test
def end_callback_bad_token_changes_nothing(base):
    """a wrong or missing end token is 401 and changes nothing; an unknown meeting is 404"""
    sid, mid = new_session()
    before = state(sid)
    other = meeting_id()
    for path in (end_path(mid, token="0" * 64), end_path(mid, token=""),
                 end_path(mid, token=end_token(other)),
                 end_path(mid, token=end_token(mid).upper()),
                 "/callbacks/bbb/end?meetingID=" + mid):
        r = Client(base).get(path)
        assert r.status == 401, (path, r)
    assert state(sid) == before and before["session"][0][0] == "active"
    r = Client(base).get(end_path(other))
    assert r.status == 404 and r.text == "unknown meeting", r
    r = Client(base).get("/callbacks/bbb/end?token=" + end_token(mid))
    assert r.status == 400, r
    assert state(sid) == before


# --- recording-ready ------------------------------------------------------------

@test
def recording_ready_refuses_bad_signatures(base):
    """recording-ready with a wrong secret, alg none, HS512 or missing claims is 401 and stores nothing"""
    sid, mid = new_session()
    before = state(sid)
    claims = {"meeting_id": mid, "record_id": "abc-1"}
    for tok in (jwt(claims, secret="wrong-secret"),
                jwt(claims, alg="none"),
                jwt(claims, alg="HS512"),
                jwt(claims, header={"typ": "JWT", "alg": "none"}),
                jwt({"meeting_id": mid}),
                jwt({"record_id": "abc-1"}),
                jwt({"meeting_id": mid, "record_id": 7}),
                jwt(claims)[:-2] + "xx",
                "not-a-jwt", ""):
        r = post_ready(base, tok)
        assert r.status == 401, (tok, r)
    assert state(sid) == before


@test
def recording_ready_gone_for_unknown_or_deleted(base):
    """recording-ready for an unknown or deleted session is 410 Gone"""
    r = post_ready(base, jwt({"meeting_id": meeting_id(), "record_id": "x-1"}))
    assert r.status == 410 and r.text == "gone", r
    sid, mid = new_session(deleted=True)
    r = post_ready(base, jwt({"meeting_id": mid, "record_id": "x-2"}))
    assert r.status == 410, r
    assert state(sid)["recordings"] == []
    sid, mid = new_session(provider="jitsi")
    assert post_ready(base, jwt({"meeting_id": mid,
                                 "record_id": "x-3"})).status == 410


@test
def recording_ready_stores_the_recording(base):
    """a good recording-ready stores a published recording once, with one event"""
    sid, mid = new_session()
    rid = "%s-%d" % (unique("r"), int(time.time() * 1000))
    tok = jwt({"meeting_id": mid, "record_id": rid})
    r = post_ready(base, tok)
    assert r.status == 200 and r.text == "ok", r
    s = state(sid)
    assert s["recordings"] == [[rid, "published", "-"]], s
    assert s["events"] == [["recording", rid]]
    assert post_ready(base, tok).status == 200
    assert state(sid) == s
    # A recording a person unpublished stays unpublished.
    sql("UPDATE classroom_recordings SET state = 'unpublished' WHERE "
        "record_id = %s" % sql_quote(rid))
    assert post_ready(base, tok).status == 200
    assert state(sid)["recordings"] == [[rid, "unpublished", "-"]]
    # A processing row becomes published.
    rid2 = rid + "x"
    sql("INSERT INTO classroom_recordings (session_id, record_id, state, "
        "updated_at) VALUES (%d, %s, 'processing', UTC_TIMESTAMP())"
        % (sid, sql_quote(rid2)))
    assert post_ready(base, jwt({"meeting_id": mid,
                                 "record_id": rid2})).status == 200
    assert sql_value("SELECT state FROM classroom_recordings WHERE "
                     "record_id = %s" % sql_quote(rid2)) == "published"
    # The same record id claimed for another session is refused.
    sid2, mid2 = new_session()
    r = post_ready(base, jwt({"meeting_id": mid2, "record_id": rid}))
    assert r.status == 409, r
    assert state(sid2)["recordings"] == []
    # A record id we could not store is a plain 400.
    r = post_ready(base, jwt({"meeting_id": mid, "record_id": "a b"}))
    assert r.status == 400, r


# --- analytics ----------------------------------------------------------------

def sample(mid, teacher, learner):
    return report(mid, [
        person(str(teacher), "Tess", True,
               ["2026-03-02T09:00:05.000Z", "2026-03-02 10:20:00 +0100"],
               ["2026-03-02T09:10:00Z", "2026-03-02T09:35:30.250+00:00"],
               1510.4, chats=4, talks=6, emojis=2, poll_votes=1,
               talk_time=95.5),
        # One learner who joined twice, listed twice, id as a number.
        person(learner, "Lena", False, ["2026-03-02T09:01:00.000Z"],
               ["2026-03-02T09:06:00.000Z"], 300, chats=1, raisehand=1),
        person(learner, "Lena", False, ["2026-03-02T09:30:00.000Z"],
               ["2026-03-02T09:33:20.000Z"], 200, chats=2, talks=1,
               talk_time=12),
        # A guest and an id that is nobody: skipped.
        person("w_k3jd8s0a", "Guest", False, [], [], 60, chats=9),
        person("999999999", "Nobody", False, [], [], 60, chats=9),
    ])


@test
def analytics_stores_participants(base):
    """a good HS512 bearer stores each participant's joins, times, minutes and engagement, idempotently"""
    sid, mid = new_session()
    teacher, learner = user_id("teacher", 0), user_id("learner", 0)
    # Lectern noted the learner's promotion and an early join itself.
    sql("INSERT INTO classroom_participants (session_id, user_id, promoted, "
        "joined_as, joins, first_join_at, last_join_at) VALUES "
        "(%d, %d, 1, 'viewer', 1, '2026-03-02 08:59:00', "
        "'2026-03-02 08:59:00')" % (sid, learner))
    body = sample(mid, teacher, learner)
    r = post_analytics(base, body)
    assert r.status == 200 and r.text == "ok", r
    got = participants(sid)
    assert set(got) == {teacher, learner}, got
    assert got[teacher] == {
        "joined_as": "moderator", "joins": "2",
        "first_join_at": "2026-03-02 09:00:05",
        "last_join_at": "2026-03-02 09:20:00",
        "last_leave_at": "2026-03-02 09:35:30", "minutes": "25",
        "chats": "4", "talks": "6", "talk_seconds": "95",
        "raise_hands": "0", "poll_votes": "1", "emojis": "2",
        "promoted": "0"}, got[teacher]
    assert got[learner] == {
        "joined_as": "viewer", "joins": "2",
        "first_join_at": "2026-03-02 08:59:00",
        "last_join_at": "2026-03-02 09:30:00",
        "last_leave_at": "2026-03-02 09:33:20", "minutes": "8",
        "chats": "3", "talks": "1", "talk_seconds": "12",
        "raise_hands": "1", "poll_votes": "0", "emojis": "0",
        "promoted": "1"}, got[learner]
    # The same report again changes nothing.
    assert post_analytics(base, body).status == 200
    assert participants(sid) == got
    assert state(sid)["session"][0][0] == "active"


@test
def analytics_refuses_bad_bearers(base):
    """a missing, wrong, expired or wrongly signed bearer token is 401 and stores nothing"""
    sid, mid = new_session()
    body = sample(mid, user_id("teacher", 0), user_id("learner", 1))
    later = int(time.time()) + 3600
    for kw in ({"token": False},
               {"auth": "Basic dXNlcjpwYXNz"},
               {"auth": "Bearer"},
               {"token": jwt({"exp": later}, secret="wrong", alg="HS512")},
               {"token": jwt({"exp": later}, alg="HS256")},
               {"token": jwt({"exp": later}, alg="none")},
               {"token": jwt({"exp": int(time.time()) - 3600}, alg="HS512")},
               {"token": jwt({"exp": "soon"}, alg="HS512")},
               {"token": jwt({"exp": later}, alg="HS512")[:-3] + "abc"}):
        r = post_analytics(base, body, **kw)
        assert r.status == 401, (kw, r)
    assert participants(sid) == {}
    # The scheme name is not case-sensitive.
    r = post_analytics(base, body, auth="bearer " + jwt({"exp": later},
                                                         alg="HS512"))
    assert r.status == 200, r


@test
def analytics_malformed_changes_nothing(base):
    """malformed JSON or fields are 400 and change nothing; unknown or deleted sessions are 410"""
    sid, mid = new_session()
    teacher, learner = user_id("teacher", 0), user_id("learner", 2)
    good = sample(mid, teacher, learner)
    bad = json.loads(json.dumps(good))
    bad["data"]["attendees"][2]["engagement"]["chats"] = -1
    wrong_time = json.loads(json.dumps(good))
    wrong_time["data"]["attendees"][0]["joins"][0] = "2026-02-30T09:00:00Z"
    for body in (b"{", b"meeting_id=" + mid.encode(),
                 b'{"meeting_id": "%s", "data": {"attendees": [}}' % mid.encode(),
                 b'{"meeting_id": "%s", "meeting_id": "%s"}' % (
                     mid.encode(), mid.encode()),
                 json.dumps(good).encode() + b",",
                 json.dumps({"meeting_id": mid}).encode(),
                 json.dumps({"meeting_id": mid, "data": {"attendees": {}}}).encode(),
                 json.dumps(["meeting_id", mid]).encode(),
                 json.dumps(bad).encode(), json.dumps(wrong_time).encode(),
                 b""):
        r = post_analytics(base, body)
        assert r.status == 400, (body[:60], r)
    assert participants(sid) == {}
    r = post_analytics(base, report(meeting_id(), []))
    assert r.status == 410, r
    dsid, dmid = new_session(deleted=True)
    r = post_analytics(base, sample(dmid, teacher, learner))
    assert r.status == 410 and participants(dsid) == {}, r


# --- the simulator calls back ---------------------------------------------------

@test
def simulator_end_fires_real_callbacks(base):
    """the simulator's end fires all three callbacks at Lectern: session ended, engagement and recording stored"""
    sid, mid = new_session()
    teacher, learner = user_id("teacher", 1), user_id("learner", 3)
    url = base.rstrip("/")
    r = api("create", [
        ("name", "Callback journey"), ("meetingID", mid), ("record", "true"),
        ("autoStartRecording", "true"),
        ("meta_endCallbackUrl", url + end_path(mid)),
        ("meta_analytics-callback-url", url + "/callbacks/bbb/analytics"),
        ("meta_bbb-recording-ready-url",
         url + "/callbacks/bbb/recording-ready")])
    assert field(r, "returncode") == "SUCCESS", r
    ct = field(r, "createTime")
    for uid, name, role in ((teacher, "Theo", "MODERATOR"),
                            (learner, "Leo", "VIEWER")):
        r = api("join", [("fullName", name), ("meetingID", mid),
                         ("role", role), ("userID", str(uid)),
                         ("createTime", ct)])
        assert r.status == 302, r
    sim("engage", {"meetingID": mid, "userID": str(learner), "chats": 5,
                   "talks": 2, "raisehand": 1, "poll_votes": 1, "emojis": 3,
                   "talk_time": 42})
    assert field(api("end", [("meetingID", mid)]), "returncode") == "SUCCESS"
    cbs = wait_callbacks(mid, 3)
    assert [(c["kind"], c["status"]) for c in cbs] == [
        ("end", 200), ("analytics", 200), ("recording-ready", 200)], cbs
    s = state(sid)
    assert s["session"][0][0] == "ended" and s["session"][0][3] == "provider"
    got = participants(sid)
    assert got[teacher]["joined_as"] == "moderator"
    assert got[teacher]["joins"] == "1" and got[teacher]["chats"] == "0"
    assert {k: got[learner][k] for k in ("joined_as", "joins", "chats",
                                         "talks", "talk_seconds",
                                         "raise_hands", "poll_votes",
                                         "emojis")} == {
        "joined_as": "viewer", "joins": "1", "chats": "5", "talks": "2",
        "talk_seconds": "42", "raise_hands": "1", "poll_votes": "1",
        "emojis": "3"}, got[learner]
    assert got[learner]["first_join_at"] != "-"
    assert got[learner]["last_leave_at"] >= got[learner]["first_join_at"]
    internal = sim_meeting(mid)["internalMeetingID"]
    assert s["recordings"] == [[internal, "published", "-"]], s
    assert [k for k, _ in s["events"]] == ["ended", "recording"], s
    # Fired again after the session was deleted: 410, so the server stops.
    sql("UPDATE classroom_sessions SET deleted_at = UTC_TIMESTAMP() "
        "WHERE id = %d" % sid)
    assert sim("fire-recording", {"meetingID": mid})["status"] == 410
    # Signed with another secret: 401.
    sql("UPDATE classroom_sessions SET deleted_at = NULL WHERE id = %d" % sid)
    assert sim("fire-recording", {"meetingID": mid,
                                  "secret": "not-ours"})["status"] == 401


@test
def analytics_polls_of_the_room(base):
    """polls run in the conferencing room reach the summary through the simulator's analytics report; bad polls change nothing"""
    sid, mid = new_session()
    teacher, learner = user_id("teacher", 1), user_id("learner", 3)
    sql("INSERT INTO channel_members (channel_id, user_id, is_admin, "
        "added_at) SELECT channel_id, %d, 1, UTC_TIMESTAMP() FROM "
        "classroom_sessions WHERE id = %d" % (teacher, sid))
    # A malformed poll: 400, neither polls nor participants stored.
    body = report(mid, [person(str(learner), "Leo", False, [], [], 60,
                               chats=2)])
    body["data"]["polls"] = [{"id": "p1", "options": ["A", 3], "votes": {}}]
    assert post_analytics(base, body).status == 400
    body["data"]["polls"] = [{"question": "no id", "options": ["A"]}]
    assert post_analytics(base, body).status == 400
    body["data"]["polls"] = {"id": "p1"}
    assert post_analytics(base, body).status == 400
    assert participants(sid) == {} and sql_value(
        "SELECT COUNT(*) FROM classroom_polls WHERE session_id = %d"
        % sid) == "0"
    url = base.rstrip("/")
    r = api("create", [
        ("name", "Poll journey"), ("meetingID", mid), ("record", "true"),
        ("meta_endCallbackUrl", url + end_path(mid)),
        ("meta_analytics-callback-url", url + "/callbacks/bbb/analytics")])
    assert field(r, "returncode") == "SUCCESS", r
    ct = field(r, "createTime")
    for uid, name, role in ((teacher, "Theo", "MODERATOR"),
                            (learner, "Leo", "VIEWER")):
        r = api("join", [("fullName", name), ("meetingID", mid),
                         ("role", role), ("userID", str(uid)),
                         ("createTime", ct)])
        assert r.status == 302, r
    sim("poll", {"meetingID": mid, "question": "Pick <one>",
                 "options": ["Red", "Blue"],
                 "votes": {str(learner): "Blue", str(teacher): "Blue"}})
    sim("poll", {"meetingID": mid, "question": "", "published": False,
                 "options": [], "type": "R-",
                 "votes": {str(learner): "typed answer"}})
    assert field(api("end", [("meetingID", mid)]), "returncode") == "SUCCESS"
    cbs = wait_callbacks(mid, 2)
    assert [(c["kind"], c["status"]) for c in cbs] == [
        ("end", 200), ("analytics", 200)], cbs
    rows = sql("SELECT p.question, p.provider_published, o.label, o.votes, "
               "p.closed_at IS NOT NULL FROM classroom_polls p JOIN "
               "classroom_poll_options o ON o.poll_id = p.id WHERE "
               "p.session_id = %d ORDER BY p.id, o.idx" % sid)
    assert rows == [["Pick <one>", "1", "Red", "0", "1"],
                    ["Pick <one>", "1", "Blue", "2", "1"],
                    ["", "0", "typed answer", "1", "1"]], rows
    # The same report again adds nothing.
    payload = sim_meeting(mid)["analyticsPayload"]
    assert post_analytics(base, payload).status == 200
    assert sql_value("SELECT COUNT(*) FROM classroom_polls WHERE "
                     "session_id = %d" % sid) == "2"
    # On the summary beside Lectern's own polls, marked as the room's.
    page = signed_in(base, "teacher", 1).get(
        "/platform/classroom/%d/summary" % sid)
    assert page.status == 200, page
    assert "Pick &lt;one&gt;" in page.text
    assert "Blue: <strong>2</strong>" in page.text
    assert page.text.count("Run in the conferencing room") == 2
    assert "results not shown there" in page.text
    assert "Poll without a question" in page.text
