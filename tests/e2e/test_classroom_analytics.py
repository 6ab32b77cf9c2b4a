"""A channel's analytics across its sessions: exact figures per session
and per learner for a known set of sessions, participants, messages and
votes; who may see them; the attendance CSV neutralised against
formulas; the same number of statements for a small and a large
channel.  Also the pictures a BigBlueButton join passes as avatarURL
(a signed address the server can fetch without a cookie), and the demo
school's recorded session, whose recording reaches Lectern from the
simulator through the worker."""

import datetime
import html
import os
import re
import urllib.parse

import bbb
from lectern import ACCOUNTS_FILE, Client, create_user, ctl, signed_in, \
    sql, sql_quote, sql_value, test, unique
from test_classroom import channel_page, conf_value, join, join_params, \
    new_channel, session_row, started, user_id
from test_people_avatar import make_png, stored, upload


# --- helpers -----------------------------------------------------------------

def session(cid, name, when, status="ended", deleted=False):
    """A session of channel cid started at when (50 minutes long when
    ended); returns its id."""
    mid = os.urandom(16).hex()
    sql("INSERT INTO classroom_sessions (channel_id, provider, meeting_id, "
        "name, status, started_at, ended_at, deleted_at, created_at, "
        "updated_at) VALUES (%d, 'bbb', '%s', %s, '%s', '%s', %s, %s, "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (cid, mid, sql_quote(name), status, when,
           "'%s'" % (when + datetime.timedelta(minutes=50))
           if status == "ended" else "NULL",
           "UTC_TIMESTAMP()" if deleted else "NULL"))
    return int(sql_value("SELECT id FROM classroom_sessions WHERE "
                         "meeting_id = '%s'" % mid))


def participant(sid, uid, minutes, chats=0, votes=0, joins=1):
    """What the conferencing server reported of uid in session sid."""
    sql("INSERT INTO classroom_participants (session_id, user_id, "
        "joined_as, joins, minutes, chats, poll_votes) VALUES (%d, %d, "
        "'viewer', %d, %d, %d, %d)" % (sid, uid, joins, minutes, chats,
                                       votes))


def chat(sid, uid, n):
    for i in range(n):
        sql("INSERT INTO classroom_chat (session_id, user_id, body, "
            "posted_at) VALUES (%d, %d, 'message %d', UTC_TIMESTAMP())"
            % (sid, uid, i))


def poll(sid, voters, provider_id=None):
    """A poll of session sid answered by voters (option 1)."""
    sql("INSERT INTO classroom_polls (session_id, provider_poll_id, "
        "question, created_at) VALUES (%d, %s, 'Q?', UTC_TIMESTAMP())"
        % (sid, sql_quote(provider_id) if provider_id else "NULL"))
    pid = int(sql_value("SELECT MAX(id) FROM classroom_polls WHERE "
                        "session_id = %d" % sid))
    sql("INSERT INTO classroom_poll_options (poll_id, idx, label, votes) "
        "VALUES (%d, 1, 'Yes', %d)" % (pid, len(voters)))
    for uid in voters:
        sql("INSERT INTO classroom_poll_votes (poll_id, user_id, idx, "
            "voted_at) VALUES (%d, %d, 1, UTC_TIMESTAMP())" % (pid, uid))


def analytics(client, cid, path=""):
    r = client.get("/platform/channels/%d/analytics%s" % (cid, path))
    assert r.status == 200, r
    return r


def session_rows(r):
    """(name, learners, minutes, messages, votes) of the sessions table."""
    table = re.search(r'id="sessions-table".*?</table>', r.text, re.S).group(0)
    return [(html.unescape(n), int(a), int(b), int(c), int(d)) for n, a, b, c, d
            in re.findall(r'<th scope="row"><a [^>]*>([^<]*)</a></th>'
                          r'<td[^>]*>[^<]*</td><td[^>]*>(\d+)</td>'
                          r'<td[^>]*>(\d+)</td><td[^>]*>(\d+)</td>'
                          r'<td[^>]*>(\d+)</td>', table)]


def learner_rows(r):
    """(name, attended, held, rate, minutes, messages, votes) per row."""
    table = re.search(r'id="learners-table".*?</table>', r.text, re.S).group(0)
    return [(html.unescape(n), int(a), int(h), int(p), int(m), int(c), int(v))
            for n, a, h, p, m, c, v in re.findall(
                r'<th scope="row">([^<]*)</th><td[^>]*>(\d+) of (\d+)</td>'
                r'.*?<span class="rate-value">(\d+)%</span></td>'
                r'<td[^>]*>(\d+)</td><td[^>]*>(\d+)</td><td[^>]*>(\d+)</td>',
                table, re.S)]


def known_channel():
    """Three ended sessions with known figures, an active and a deleted
    one that do not count; tess is the channel admin, lena, liam and
    lucia its learners, the site administrator drops in once."""
    tess, lena, liam, lucia = (user_id("teacher", 0), user_id("learner", 0),
                               user_id("learner", 1), user_id("learner", 2))
    admin = user_id("admin")
    cid, _ = new_channel([lena, liam, lucia], [tess])
    t = datetime.datetime(2022, 2, 1, 9, 0)
    s1 = session(cid, "First", t)
    participant(s1, tess, 50, chats=5)
    participant(s1, lena, 40, chats=2, votes=1)
    participant(s1, liam, 30, votes=1)
    participant(s1, admin, 10, chats=3)
    chat(s1, lena, 1)
    chat(s1, tess, 2)
    poll(s1, [lena, liam, tess])
    # a conferencing room's poll: its votes are the reported poll_votes
    poll(s1, [lucia], provider_id="room-poll-1")
    s2 = session(cid, "Second", t + datetime.timedelta(days=7))
    participant(s2, lena, 20, chats=1)
    participant(s2, lucia, 25, votes=2)
    chat(s2, lucia, 2)
    s3 = session(cid, "Third", t + datetime.timedelta(days=14))
    participant(s3, lucia, 0, joins=0)      # promoted, never came
    active = session(cid, "Running", t + datetime.timedelta(days=21),
                     status="active")
    participant(active, lena, 5, chats=9)
    gone = session(cid, "Deleted", t + datetime.timedelta(days=3),
                   deleted=True)
    participant(gone, liam, 50, chats=9, votes=9)
    return cid, tess, lena, liam, lucia


# --- the analytics page ----------------------------------------------------------

@test
def analytics_exact_figures(base):
    """per session: learners present, their minutes, messages and votes
    (room chat and polls plus what the server reported, admins left
    out); per learner: sessions attended of those held and the rest"""
    cid, *_ = known_channel()
    teacher = signed_in(base, "teacher", 0)
    r = analytics(teacher, cid)
    assert r.has("3 sessions held"), r.text
    assert 'data-sessions="3"' in r.text
    assert session_rows(r) == [("First", 2, 70, 3, 4), ("Second", 2, 45, 3, 2),
                               ("Third", 0, 0, 0, 0)], session_rows(r)
    assert learner_rows(r) == [
        ("Lena Learner", 2, 3, 67, 60, 4, 2),
        ("Liam Learner", 1, 3, 33, 30, 0, 2),
        ("Lucia Learner", 1, 3, 33, 25, 2, 2)], learner_rows(r)
    # the charts: bars of learners (2, 2, 0) and a line of minutes
    # (70, 45, 0), each with a title and a description
    svg = re.search(r'<svg class="chart-bars" id="chart-presence".*?</svg>',
                    r.text, re.S).group(0)
    bars = re.findall(r'<rect class="bar" x="\d+" y="(\d+)" width="16" '
                      r'height="(\d+)">', svg)
    assert bars == [("20", "70"), ("20", "70"), ("90", "0")], bars
    assert re.search(r'<polyline class="spark" points="16,20 40,45 64,90"',
                     svg), svg
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert r.has("4 learners present and 115 minutes in all")
    svg = re.search(r'<svg class="chart-bars" id="chart-activity".*?</svg>',
                    r.text, re.S).group(0)
    assert r.has("6 messages and 6 poll votes in all")
    assert len(re.findall(r'<rect class="bar"', svg)) == 3
    # the rate meters are as wide as the rates
    assert re.findall(r'class="meter-fill" x="0" y="0" width="(\d+)"',
                      r.text) == ["67", "33", "33"]


@test
def analytics_empty_channel(base):
    """a channel without an ended session says so and still lists its
    learners at 0 of 0"""
    lena, tess = user_id("learner", 0), user_id("teacher", 0)
    cid, _ = new_channel([lena], [tess])
    r = analytics(signed_in(base, "teacher", 0), cid)
    assert 'id="no-sessions"' in r.text and 'id="chart-presence"' not in r.text
    assert r.has("0 sessions held")
    assert learner_rows(r) == [("Lena Learner", 0, 0, 0, 0, 0, 0)]


@test
def analytics_permission(base):
    """channel admins and site administrators see the analytics and the
    CSV; a plain member is refused, anyone else finds no channel"""
    cid, *_ = known_channel()
    paths = ["/platform/channels/%d/analytics" % cid,
             "/platform/channels/%d/analytics/attendance" % cid]
    for who, idx, want in (("teacher", 0, 200), ("admin", 0, 200),
                           ("learner", 0, 403), ("learner", 3, 404),
                           ("teacher", 1, 404)):
        c = signed_in(base, who, idx)
        for p in paths:
            assert c.get(p).status == want, (who, idx, p)
    # the channel page links to them for its admins only
    assert 'id="analytics-link"' in channel_page(
        signed_in(base, "teacher", 0), cid).text
    assert 'id="analytics-link"' not in channel_page(
        signed_in(base, "learner", 0), cid).text
    anon = Client(base)
    r = anon.get(paths[1])
    assert r.status in (302, 303) and "text/csv" not in (
        r.header("Content-Type") or ""), r


@test
def analytics_csv(base):
    """the attendance CSV: one row per learner with the page's figures,
    every cell that a spreadsheet would run neutralised"""
    cid, tess, lena, liam, lucia = known_channel()
    admin = signed_in(base)
    uid, email, _ = create_user(admin)
    sql("UPDATE users SET name = '=HYPERLINK(\"http://x\",\"y\")' WHERE "
        "id = %d" % uid)
    sql("INSERT INTO channel_members (channel_id, user_id, is_admin, "
        "added_at) VALUES (%d, %d, 0, UTC_TIMESTAMP())" % (cid, uid))
    sid = int(sql_value("SELECT id FROM classroom_sessions WHERE "
                        "channel_id = %d AND name = 'Second'" % cid))
    participant(sid, uid, 12, chats=1)
    r = signed_in(base, "teacher", 0).get(
        "/platform/channels/%d/analytics/attendance" % cid)
    assert r.status == 200, r
    assert r.header("Content-Type") == "text/csv; charset=utf-8"
    assert r.header("Content-Disposition") == \
        'attachment; filename="channel-%d-attendance.csv"' % cid
    lines = r.text.split("\r\n")
    assert lines[0] == ("Name,Email,Sessions attended,Sessions held,"
                        "Attendance rate (%),Minutes,Messages,Poll votes")
    assert lines[-1] == ""
    assert lines[1] == ('"\'=HYPERLINK(""http://x"",""y"")","%s","1","3",'
                        '"33","12","1","0"' % email), lines[1]
    assert lines[2:5] == [
        '"Lena Learner","lena.learner@lectern.test","2","3","67","60","4","2"',
        '"Liam Learner","liam.learner@lectern.test","1","3","33","30","0","2"',
        '"Lucia Learner","lucia.learner@lectern.test","1","3","33","25","2",'
        '"2"'], lines
    assert len(lines) == 6


@test
def analytics_bounded_statements(base):
    """a channel of 2 learners and 1 session and one of 60 learners and
    30 sessions cost the same statements; learners page by name"""
    tess = user_id("teacher", 0)
    teacher = signed_in(base, "teacher", 0)
    seen = set()
    for nlearners, nsessions in ((2, 1), (60, 30)):
        tag = unique("an")
        sql("INSERT INTO users (name, email, role, created_at, updated_at) "
            "SELECT CONCAT('%s ', LPAD(seq, 3, '0')), CONCAT('%s', seq, "
            "'@example.test'), 'learner', UTC_TIMESTAMP(), UTC_TIMESTAMP() "
            "FROM seq_1_to_%d" % (tag, tag, nlearners))
        ids = [int(x[0]) for x in sql("SELECT id FROM users WHERE name LIKE "
                                      "'%s %%' ORDER BY name" % tag)]
        cid, _ = new_channel(ids, [tess])
        t = datetime.datetime(2023, 1, 1, 9, 0)
        for i in range(nsessions):
            sid = session(cid, "S%d" % i, t + datetime.timedelta(days=i))
            sql("INSERT INTO classroom_participants (session_id, user_id, "
                "joined_as, joins, minutes, chats) SELECT %d, user_id, "
                "'viewer', 1, 10, 1 FROM channel_members WHERE channel_id = "
                "%d AND is_admin = 0 AND user_id %% 2 = %d"
                % (sid, cid, i % 2))
        r = analytics(teacher, cid)
        q = r.header("X-Lectern-Queries")
        assert q is not None, "turn expose_query_count on for this test"
        seen.add(q)
        assert 'data-sessions="%d"' % min(nsessions, 12) in r.text
        names = [row[0] for row in learner_rows(r)]
        pages = 1
        while True:
            m = re.search(r'rel="next" href="([^"]+)"', r.text)
            if not m:
                break
            r = teacher.get(html.unescape(m.group(1)))
            assert r.status == 200
            seen.add(r.header("X-Lectern-Queries"))
            names += [row[0] for row in learner_rows(r)]
            pages += 1
        assert names == ["%s %03d" % (tag, i + 1) for i in range(nlearners)]
        assert pages == (nlearners + 49) // 50
        csv = teacher.get("/platform/channels/%d/analytics/attendance" % cid)
        assert len(csv.text.split("\r\n")) == nlearners + 2
    assert len(seen) == 1, seen


# --- pictures for the conferencing server ----------------------------------------

@test
def bbb_join_passes_avatar_url(base):
    """a user with a picture joins with avatarURL: an absolute, signed
    address that serves the picture without a cookie; changing any part
    of it, or the picture, stops it; no picture, no avatarURL"""
    admin = signed_in(base)
    uid, email, pw = create_user(admin)
    person = Client(base)
    assert person.login(email, pw).status == 303
    assert upload(person, make_png(40, 40)).status == 303
    sha = stored(uid)
    tess, lena = user_id("teacher", 0), user_id("learner", 0)
    cid, _ = new_channel([uid, lena], [tess])
    teacher = signed_in(base, "teacher", 0)
    sid = started(teacher, cid)
    mid = session_row(sid, "meeting_id")[0]
    r = join(person, sid, cid)
    assert r.status == 303, r
    q = join_params(r.header("Location"), mid)
    url = q.get("avatarURL")
    school = conf_value("base_url").rstrip("/")
    assert url and url.startswith("%s/files/avatars/%d?v=%s&exp="
                                  % (school, uid, sha[:16])), q
    # the server's fetch: no cookie
    img = bbb.request("GET", url)
    assert img.status == 200, img
    assert img.header("Content-Type") == "image/jpeg"
    assert img.raw == bytes.fromhex(sql_value(
        "SELECT HEX(image) FROM user_avatars WHERE user_id = %d" % uid))
    # the checksum of the join covered it: the simulator accepted the call
    assert any(c["call"] == "join" and "avatarURL=" in c["query"]
               for c in bbb.sim("meetings")["calls"])
    u = urllib.parse.urlsplit(url)
    params = dict(urllib.parse.parse_qsl(u.query))
    for key, value in (("sig", "0" * 64), ("exp", str(int(params["exp"]) + 1)),
                       ("v", "0" * 16)):
        bad = dict(params, **{key: value})
        r = bbb.request("GET", "%s://%s%s?%s" % (u.scheme, u.netloc, u.path,
                                                  urllib.parse.urlencode(bad)))
        assert r.status in (403, 404) and r.header("Content-Type") != \
            "image/jpeg", (key, r)
    other = url.replace("/files/avatars/%d?" % uid,
                        "/files/avatars/%d?" % lena)
    assert bbb.request("GET", other).status in (403, 404)
    # the signed-in address still needs a cookie
    assert Client(base).get("/avatars/%d" % uid).status != 200
    # a new picture: the old address no longer serves
    assert upload(person, make_png(30, 50)).status == 303
    assert bbb.request("GET", url).status == 404
    # someone without a picture joins without avatarURL
    sql("DELETE FROM user_avatars WHERE user_id = %d" % lena)
    r = join(signed_in(base, "learner", 0), sid, cid)
    assert r.status == 303, r
    assert "avatarURL" not in join_params(r.header("Location"), mid)


# --- the demo's recording ------------------------------------------------------

@test
def demo_recording_from_the_simulator(base):
    """demo-data names its recorded session; given that recording, the
    simulator lists it, one worker pass stores it, and the session's
    dashboard shows it published with its playback link"""
    rc, out = ctl("demo-data", "--accounts", ACCOUNTS_FILE)
    assert rc == 0, out
    m = re.search(r"^demo recording: ([0-9a-f]{32}) (\d+) (\d+) (.+)$", out,
                  re.M)
    assert m, out
    mid, start, end, name = m.group(1), int(m.group(2)), int(m.group(3)), \
        m.group(4)
    sid = int(sql_value("SELECT id FROM classroom_sessions WHERE "
                        "meeting_id = '%s'" % mid))
    assert session_row(sid, "record, status, name") == ["1", "ended", name]
    # as if never checked: the recording must come from the server
    sql("DELETE FROM classroom_recordings WHERE session_id = %d" % sid)
    sql("UPDATE classroom_sessions SET recordings_checked_at = NULL WHERE "
        "id = %d" % sid)
    teacher = signed_in(base, "teacher", 0)
    r = teacher.get("/platform/classroom/%d/summary" % sid)
    assert r.status == 200 and 'id="recording-' not in r.text
    rec = bbb.sim("recording", {"meetingID": mid, "name": name,
                                "startTime": start, "endTime": end})
    rid = rec["recording"]["recordID"]
    rc, out = ctl("worker")
    assert rc == 0, out
    row = sql("SELECT state, playback_url FROM classroom_recordings WHERE "
              "session_id = %d AND record_id = %s" % (sid, sql_quote(rid)))
    assert len(row) == 1 and row[0][0] == "published", row
    assert "/sim/playback/" in row[0][1], row
    r = teacher.get("/platform/classroom/%d/summary" % sid)
    assert r.status == 200
    card = re.search(r'id="recordings".*?</section>', r.text, re.S).group(0)
    assert 'class="recording published"' in card and \
        html.escape(row[0][1]) in card and "Watch recording" in card, card
    assert bbb.request("GET", row[0][1]).status == 200
    # the demo's learners who attended see it too
    lena = signed_in(base, "learner", 0)
    assert "Watch recording" in lena.get(
        "/platform/classroom/%d/summary" % sid).text
