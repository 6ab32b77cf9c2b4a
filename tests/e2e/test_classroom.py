"""Classroom channels: the administrator's channel pages, what admins,
members and others see on a channel, the "Start Classroom" options as
stored and as sent to the BigBlueButton simulator, joining as moderator
or viewer, who may join and end, a second start refused, ending into the
channel's history and the session summary, live lessons joining the same
machinery, the conferencing server failing in every way the simulator
can, constant query counts, and the Jitsi room page."""

import base64
import concurrent.futures
import datetime
import hashlib
import hmac
import html
import json
import os
import re
import subprocess
import time
import urllib.parse

import bbb
from lectern import BUILD, CONF, Client, accounts, ctl, signed_in, sql, \
    sql_quote, sql_value, test, test_once, unique

WAITING = ("No classroom session is currently active. Your instructor "
           "will notify you when class begins.")
UNAVAILABLE = ("The conferencing server is unavailable right now. Please "
               "try again in a minute.")


# --- helpers ---------------------------------------------------------------

def user_id(role, index=0):
    email = accounts()[role][index][0]
    return int(sql_value("SELECT id FROM users WHERE email = %s"
                         % sql_quote(email)))


def user_name(uid):
    return sql_value("SELECT name FROM users WHERE id = %d" % uid)


def conf_value(key):
    """A key of the test configuration file, or None."""
    with open(CONF) as f:
        for line in f:
            k, eq, v = line.partition("=")
            if eq and k.strip() == key:
                return v.strip()
    return None


def bbb_origin():
    u = urllib.parse.urlsplit(conf_value("bbb_url"))
    return "%s://%s" % (u.scheme, u.netloc)


def new_channel(members=(), admins=(), name=None):
    """A channel written directly; members and admins are user ids."""
    name = name or unique("Channel ")
    sql("INSERT INTO channels (name, description, created_at, updated_at) "
        "VALUES (%s, 'About this room', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % sql_quote(name))
    cid = int(sql_value("SELECT id FROM channels WHERE name = %s"
                        % sql_quote(name)))
    for uid, adm in [(m, 0) for m in members] + [(a, 1) for a in admins]:
        sql("INSERT INTO channel_members (channel_id, user_id, is_admin, "
            "added_at) VALUES (%d, %d, %d, UTC_TIMESTAMP())" % (cid, uid, adm))
    return cid, name


def setup():
    """A channel with teacher tess as channel admin and lena, liam as
    members; returns (cid, name, tess, lena, liam)."""
    tess, lena, liam = user_id("teacher", 0), user_id("learner", 0), \
        user_id("learner", 1)
    cid, name = new_channel([lena, liam], [tess])
    return cid, name, tess, lena, liam


def act(client, page, path, fields=None):
    """POST path with the form token of page, as a person who has that
    page open and presses one of its buttons."""
    return client.post(path, fields or {}, csrf=client.get(page).csrf())


def listed(client, cid):
    """The card of channel cid in client's Classrooms list (walking its
    pages), or None."""
    path = "/platform/channels"
    while path:
        r = client.get(path)
        assert r.status == 200, r
        m = re.search(r'id="channel-%d">(.*?)</li>' % cid, r.text, re.S)
        if m:
            return m.group(1)
        m = re.search(r'rel="next" href="([^"]+)"', r.text)
        path = html.unescape(m.group(1)) if m else None
    return None


def channel_page(client, cid):
    r = client.get("/platform/channels/%d" % cid)
    assert r.status == 200, r
    return r


def start(client, cid, **fields):
    """Start a session through the form; returns the POST's response."""
    client.get("/platform/channels/%d/start" % cid)
    return client.post("/platform/channels/%d/start" % cid, fields)


def active_session(cid):
    v = sql_value("SELECT id FROM classroom_sessions WHERE active_key = "
                  "'c%d'" % cid)
    return int(v) if v else None


def session_row(sid, cols):
    return sql("SELECT %s FROM classroom_sessions WHERE id = %d"
               % (cols, sid))[0]


def started(client, cid, **fields):
    r = start(client, cid, **fields)
    assert r.status == 303, r
    assert r.header("Location") == "/platform/channels/%d" % cid
    sid = active_session(cid)
    assert sid
    return sid


def join(client, sid, cid=None):
    """POST the Join Session form of the channel page (or any page)."""
    page = client.get("/platform/channels/%d" % cid) if cid else \
        client.get("/platform/channels")
    return client.post("/platform/classroom/%d/join" % sid, csrf=page.csrf())


def end(client, sid, cid):
    """Press End Session on the channel page, then End Session again on
    the page that asks first; an answer other than that page (a refusal,
    or the redirect of a session already ended) is returned as it is."""
    page = client.get("/platform/channels/%d" % cid)
    path = "/platform/classroom/%d/end" % sid
    r = client.post(path, csrf=page.csrf())
    if r.status != 200:
        return r
    assert 'id="confirm-form"' in r.text and \
        'name="confirm" value="1"' in r.text, r
    return client.post(path, {"confirm": "1"}, csrf=r.csrf())


def client_token(url):
    """The session token of a client address the join sent the user to:
    the simulator's client page, never the signed API address."""
    assert url.startswith(conf_value("bbb_url") + "sim/client/"), url
    assert "api/" not in url and "checksum" not in url, url
    return url.rsplit("/", 1)[1]


def join_params(url, mid):
    """The parameters of the join call that Lectern made for the client
    address url, as the simulator received them (the attendee it
    registered for meeting mid with that session token)."""
    token = client_token(url)
    for a in bbb.sim_meeting(mid)["attendees"]:
        if a["token"] == token:
            return dict(a["params"])
    raise AssertionError("no attendee of %s has the token" % mid)


def face_names(card):
    """The names of the faces on a card, in order: a picture's alt text
    or the title of someone's initials (demo people have pictures)."""
    return [a or b for a, b in re.findall(
        r'<img class="avatar" src="[^"]*" alt="([^"]*)"|'
        r'<span class="avatar avatar-c\d" title="([^"]*)"', card)]


def counts(sid):
    return sql("SELECT status, COALESCE(create_time, 0), "
               "(SELECT COUNT(*) FROM classroom_participants WHERE "
               "session_id = %d), (SELECT COUNT(*) FROM classroom_events "
               "WHERE session_id = %d) FROM classroom_sessions WHERE id = %d"
               % (sid, sid, sid))[0]


# --- the administrator's pages -----------------------------------------------

@test
def channel_admin_pages(base):
    """site admins add, rename, archive channels and manage their members"""
    admin = signed_in(base, "admin")
    r = admin.get("/admin/channels")
    assert r.status == 200 and 'href="/admin/channels/new"' in r.text
    assert 'href="/admin/channels">Channels</a>' in r.text
    assert 'href="/platform/channels">Classrooms</a>' in r.text
    # A blank or duplicate name is refused next to the field.
    admin.get("/admin/channels/new")
    r = admin.post("/admin/channels/new", {"name": "   ", "description": ""})
    assert r.status == 422 and 'id="name-error"' in r.text, r
    name = unique("Room ")
    r = admin.post("/admin/channels/new", {"name": name,
                                           "description": "Maths\nroom"})
    assert r.status == 303, r
    cid = int(r.header("Location").rsplit("/", 1)[1])
    assert sql("SELECT name, description, archived FROM channels WHERE "
               "id = %d" % cid) == [[name, "Maths\\nroom", "0"]]
    admin.get("/admin/channels/new")
    r = admin.post("/admin/channels/new", {"name": name})
    assert r.status == 422 and "Another channel already has this name." \
        in r.text, r
    # Search finds it; a rename to another's name is refused.
    r = admin.get("/admin/channels?q=" + urllib.parse.quote(name))
    assert 'id="channel-%d"' % cid in r.text
    other, _ = new_channel(name=unique("Other "))
    admin.get("/admin/channels/%d" % cid)
    r = admin.post("/admin/channels/%d" % cid,
                   {"name": sql_value("SELECT name FROM channels WHERE id = "
                                      "%d" % other)})
    assert r.status == 422 and 'id="name-error"' in r.text
    r = admin.post("/admin/channels/%d" % cid, {"name": name + " B",
                                                "description": ""})
    assert r.status == 303
    assert sql_value("SELECT name FROM channels WHERE id = %d" % cid) == \
        name + " B"
    # Members: find by email, add, add as admin, promote, demote, remove.
    lena, tess = user_id("learner", 0), user_id("teacher", 0)
    lena_email = accounts()["learner"][0][0]
    r = admin.get("/admin/channels/%d?find=%s" % (cid, lena_email))
    assert 'id="candidate-%d"' % lena in r.text
    r = admin.post("/admin/channels/%d/members" % cid,
                   {"user_id": lena, "find": lena_email})
    assert r.status == 303 and "find=" in r.header("Location")
    r = admin.get("/admin/channels/%d?find=%s" % (cid, lena_email))
    row = re.search(r'id="candidate-%d">(.*?)</tr>' % lena, r.text, re.S)
    assert row and "Member" in row.group(1) and "<form" not in row.group(1)
    r = admin.post("/admin/channels/%d/members" % cid,
                   {"user_id": tess, "admin": "1"})
    assert r.status == 303
    assert sql("SELECT user_id, is_admin FROM channel_members WHERE "
               "channel_id = %d ORDER BY user_id" % cid) == \
        sorted([[str(tess), "1"], [str(lena), "0"]])
    admin.get("/admin/channels/%d" % cid)
    r = admin.post("/admin/channels/%d/members" % cid, {"user_id": lena})
    assert r.status == 303        # already a member: said, nothing changes
    assert sql_value("SELECT COUNT(*) FROM channel_members WHERE "
                     "channel_id = %d" % cid) == "2"
    page = "/admin/channels/%d" % cid
    assert act(admin, page, "/admin/channels/%d/members/%d/make-admin"
               % (cid, lena)).status == 303
    assert sql_value("SELECT is_admin FROM channel_members WHERE "
                     "channel_id = %d AND user_id = %d" % (cid, lena)) == "1"
    assert act(admin, page, "/admin/channels/%d/members/%d/unmake-admin"
               % (cid, lena)).status == 303
    assert sql_value("SELECT is_admin FROM channel_members WHERE "
                     "channel_id = %d AND user_id = %d" % (cid, lena)) == "0"
    r = admin.get("/admin/channels/%d" % cid)
    assert 'id="member-%d"' % lena in r.text and "Channel admin" in r.text
    assert act(admin, page, "/admin/channels/%d/members/%d/remove"
               % (cid, lena)).status == 303
    assert act(admin, page, "/admin/channels/%d/members/%d/remove"
               % (cid, lena)).status == 404
    # Not for teachers or learners.
    teacher = signed_in(base, "teacher", 0)
    assert teacher.get("/admin/channels").status == 403
    assert teacher.post("/admin/channels/%d/members" % cid,
                        {"user_id": tess, "admin": "1"},
                        csrf=teacher.get("/").csrf()).status == 403


@test
def channel_archive(base):
    """an archived channel leaves its members' list; not while a session runs"""
    cid, name, tess, lena, liam = setup()
    admin = signed_in(base, "admin")
    teacher = signed_in(base, "teacher", 0)
    sid = started(teacher, cid)
    page = "/admin/channels/%d" % cid
    r = act(admin, page, "/admin/channels/%d/archive" % cid)
    assert r.status == 409, r
    assert sql_value("SELECT archived FROM channels WHERE id = %d" % cid) \
        == "0"
    assert end(teacher, sid, cid).status == 303
    assert act(admin, page, "/admin/channels/%d/archive" % cid).status == 303
    learner = signed_in(base, "learner", 0)
    assert listed(learner, cid) is None
    r = teacher.get("/platform/channels/%d/start" % cid)
    assert r.status == 409
    r = channel_page(learner, cid)
    assert 'id="archived"' in r.text and "past-%d" % sid in r.text
    assert act(admin, page, "/admin/channels/%d/unarchive" % cid).status \
        == 303
    assert listed(learner, cid) is not None


# --- the channel page -----------------------------------------------------------

@test
def channel_states(base):
    """admins see the hero, members the waiting line, others 404; then LIVE"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)       # channel admin
    learner = signed_in(base, "learner", 0)       # member
    outsider = signed_in(base, "learner", 2)      # not a member
    admin = signed_in(base, "admin")              # site admin, not a member

    r = channel_page(teacher, cid)
    assert 'id="hero"' in r.text and "Start Classroom" in r.text
    assert WAITING not in r.text and "Join Session" not in r.text
    r = channel_page(admin, cid)
    assert 'id="hero"' in r.text
    r = channel_page(learner, cid)
    assert '<p class="notice" id="waiting">%s</p>' % WAITING in r.text
    assert "Start Classroom" not in r.text and 'id="hero"' not in r.text
    assert 'id="no-past"' in r.text
    assert outsider.get("/platform/channels/%d" % cid).status == 404
    assert outsider.get("/platform/channels/%d/start" % cid).status == 404
    assert learner.get("/platform/channels/%d/start" % cid).status == 403
    assert learner.post("/platform/channels/%d/start" % cid, {},
                        csrf=r.csrf()).status == 403
    assert active_session(cid) is None
    # The lists: the member sees it, the outsider does not.
    assert listed(learner, cid) is not None
    assert listed(outsider, cid) is None
    assert listed(admin, cid) is not None

    sid = started(teacher, cid)
    for c, can_end in ((teacher, True), (admin, True), (learner, False)):
        r = channel_page(c, cid)
        assert 'id="live-badge">LIVE<' in r.text
        form = re.search(r'<form [^>]*id="join-form"[^>]*>', r.text).group(0)
        assert 'method="post"' in form and 'target="_blank"' in form
        assert 'action="/platform/classroom/%d/join"' % sid in form
        assert ('id="end-form"' in r.text) == can_end
        # The join's redirect to the BigBlueButton server is a form's.
        assert "form-action 'self' %s;" % bbb_origin() in \
            r.header("Content-Security-Policy")
        assert 'href="/platform/classroom/%d"' % sid in r.text
        assert 'id="hero"' not in r.text and WAITING not in r.text
    # The LIVE badge in the lists.
    assert "LIVE" in listed(learner, cid)
    row = re.search(r'id="channel-%d">(.*?)</tr>' % cid,
                    admin.get("/admin/channels?q=" + urllib.parse.quote(
                        name)).text, re.S).group(1)
    assert "LIVE" in row
    assert outsider.get("/platform/classroom/%d/summary" % sid).status == 404


# --- starting -------------------------------------------------------------------

@test
def start_options_stored(base):
    """every option of the form is stored as given; notifications as asked"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    r = teacher.get("/platform/channels/%d/start" % cid)
    assert r.status == 200
    for label in ("Session Name", "Description", "Record this session",
                  "Allow participants to enable camera",
                  "Allow participants to unmute microphone",
                  "Mute all participants on join",
                  "Send system notification", "Send email notification"):
        assert label in r.text, label
    assert re.search(r'<button type="submit">Start Classroom</button>', r.text)
    # Defaults: cameras and microphones allowed, a system notification.
    checked = re.findall(r'name="(\w+)" value="1" checked', r.text)
    assert checked == ["allow_camera", "allow_mic", "notify_system"], checked

    before_n = int(sql_value("SELECT COUNT(*) FROM notifications"))
    before_o = int(sql_value("SELECT COUNT(*) FROM outbox"))
    sid = started(teacher, cid, name="Algebra review", description="Ch. 4",
                  record="1", mute_on_join="1", notify_email="1")
    assert session_row(sid, "channel_id, provider, length(meeting_id), name, "
                       "description, record, allow_camera, allow_mic, "
                       "mute_on_join, notify_system, notify_email, "
                       "lock_camera, lock_mic, status, create_time, "
                       "started_by") == \
        [str(cid), "bbb", "32", "Algebra review", "Ch. 4", "1", "0", "0",
         "1", "0", "1", "1", "1", "active", "NULL", str(tess)]
    assert sql("SELECT kind, actor_id FROM classroom_events WHERE "
               "session_id = %d" % sid) == [["started", str(tess)]]
    # Email to both members but not the starter, no in-app notification.
    assert int(sql_value("SELECT COUNT(*) FROM notifications")) == before_n
    rows = sql("SELECT user_id, subject, body FROM outbox WHERE id > 0 "
               "ORDER BY id DESC LIMIT 2")
    assert int(sql_value("SELECT COUNT(*) FROM outbox")) == before_o + 2
    assert sorted(int(x[0]) for x in rows) == sorted([lena, liam])
    assert "Algebra review" in rows[0][1]
    assert ("/platform/channels/%d" % cid) in rows[0][2]
    assert "http" in rows[0][2]
    end(teacher, sid, cid)

    # The other way round, with a blank name: the channel's name.
    sid = started(teacher, cid, name="  ", allow_camera="1", allow_mic="1",
                  notify_system="1")
    assert session_row(sid, "name, description, record, allow_camera, "
                       "allow_mic, mute_on_join, notify_system, notify_email, "
                       "lock_camera, lock_mic") == \
        [name, "NULL", "0", "1", "1", "0", "1", "0", "0", "0"]
    rows = sql("SELECT user_id, kind, link FROM notifications WHERE id > 0 "
               "ORDER BY id DESC LIMIT 2")
    assert sorted(int(x[0]) for x in rows) == sorted([lena, liam])
    assert rows[0][1:] == ["classroom.started", "/platform/channels/%d" % cid]
    assert int(sql_value("SELECT COUNT(*) FROM notifications WHERE "
                         "user_id = %d AND link = '/platform/channels/%d'"
                         % (tess, cid))) == 0
    end(teacher, sid, cid)


@test
def start_bad_input(base):
    """a too long name is refused by the field and nothing starts"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    r = start(teacher, cid, name="x" * 65, description="keep me",
              record="1")
    assert r.status == 422 and 'id="name-error"' in r.text, r
    assert "keep me" in r.text
    assert re.findall(r'name="(\w+)" value="1" checked', r.text) == ["record"]
    assert active_session(cid) is None
    assert sql_value("SELECT COUNT(*) FROM classroom_sessions WHERE "
                     "channel_id = %d" % cid) == "0"


@test
def start_twice_refused(base):
    """a second start, even at the same moment, is refused and shows the first"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    admin = signed_in(base, "admin")
    sid = started(teacher, cid, name="First")
    r = start(admin, cid, name="Second")
    assert r.status == 409, r
    assert "A session is already active" in r.text
    assert 'id="live-session"' in r.text and "First" in r.text
    r = admin.get("/platform/channels/%d/start" % cid)
    assert r.status == 409 and "A session is already active" in r.text
    assert sql_value("SELECT COUNT(*) FROM classroom_sessions WHERE "
                     "channel_id = %d" % cid) == "1"
    end(teacher, sid, cid)

    # Two admins press Start at once: exactly one session.
    clients = [signed_in(base, "teacher", 0), signed_in(base, "admin")]
    tokens = [c.get("/platform/channels/%d/start" % cid).csrf()
              for c in clients]

    def go(i):
        return clients[i].post("/platform/channels/%d/start" % cid,
                               {"name": "Race %d" % i}, csrf=tokens[i]).status

    with concurrent.futures.ThreadPoolExecutor(2) as ex:
        statuses = sorted(ex.map(go, range(2)))
    assert statuses == [303, 409], statuses
    assert sql_value("SELECT COUNT(*) FROM classroom_sessions WHERE "
                     "channel_id = %d AND status = 'active'" % cid) == "1"
    end(teacher, active_session(cid), cid)


# --- joining and ending -----------------------------------------------------------

@test
def join_refusals(base):
    """outsiders, removed participants and ended sessions cannot be joined"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    learner = signed_in(base, "learner", 0)
    outsider = signed_in(base, "learner", 2)
    sid = started(teacher, cid)
    before = counts(sid)
    r = outsider.post("/platform/classroom/%d/join" % sid,
                      csrf=outsider.get("/platform/channels").csrf())
    assert r.status == 403 and "Only members" in r.text, r
    assert counts(sid) == before
    # Without the form token: refused before anything happens.
    r = learner.post("/platform/classroom/%d/join" % sid, csrf="0" * 32)
    assert r.status == 403 and counts(sid) == before
    r = learner.get("/platform/classroom/%d/join" % sid)
    assert r.status == 405
    # A participant removed by a moderator cannot come back.
    sql("INSERT INTO classroom_participants (session_id, user_id, removed) "
        "VALUES (%d, %d, 1)" % (sid, lena))
    before = counts(sid)
    r = join(learner, sid, cid)
    assert r.status == 403 and "cannot rejoin" in r.text, r
    assert counts(sid) == before
    # A member cannot end it.
    other = signed_in(base, "learner", 1)
    r = end(other, sid, cid)
    assert r.status == 403, r
    assert counts(sid) == before
    # Ended: back to the channel with a message.
    assert end(teacher, sid, cid).status == 303
    r = join(other, sid, cid)
    assert r.status == 303 and r.header("Location") == \
        "/platform/channels/%d" % cid
    assert "This session has ended." in other.get(r.header("Location")).text
    assert outsider.post("/platform/classroom/999999999/join",
                         csrf=outsider.get("/").csrf()).status == 404


@test
def join_roles_and_end(base):
    """admins join as moderators, members as viewers; ending makes history"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    learner = signed_in(base, "learner", 0)
    admin = signed_in(base, "admin")
    sid = started(teacher, cid, name="Roles")
    for c, role, uid in ((teacher, "MODERATOR", tess),
                         (learner, "VIEWER", lena),
                         (admin, "MODERATOR", user_id("admin"))):
        r = join(c, sid, cid)
        assert r.status == 303, r
        q = join_params(r.header("Location"), session_row(sid,
                        "meeting_id")[0])
        assert q["role"] == role and q["userID"] == str(uid), q
        assert q["redirect"] == "false", q
        assert "no-store" in r.header("Cache-Control")
        assert r.header("Referrer-Policy") == "no-referrer"
    assert join(learner, sid, cid).status == 303          # a second time
    assert sql("SELECT user_id, joined_as, joins FROM classroom_participants "
               "WHERE session_id = %d ORDER BY user_id" % sid) == sorted(
        [[str(tess), "moderator", "1"], [str(lena), "viewer", "2"],
         [str(user_id("admin")), "moderator", "1"]])
    ct = session_row(sid, "create_time")[0]
    assert ct != "NULL" and int(ct) > 0
    # The join address never reaches the logs.
    text = log_text()
    assert text, "the stack's logs are readable"
    assert "api/join" not in text and "checksum=" not in text
    # End: status, key, who and why, the event, back to the channel.
    r = end(teacher, sid, cid)
    assert r.status == 303 and r.header("Location") == \
        "/platform/channels/%d" % cid
    assert session_row(sid, "status, active_key, ended_at IS NOT NULL, "
                       "ended_by, end_reason") == \
        ["ended", "NULL", "1", str(tess), "ended by moderator"]
    assert sql_value("SELECT COUNT(*) FROM classroom_events WHERE "
                     "session_id = %d AND kind = 'ended'" % sid) == "1"
    r = channel_page(learner, cid)
    assert "Session ended." not in r.text      # the flash was the teacher's
    card = re.search(r'id="past-%d">(.*?)</li>' % sid, r.text, re.S)
    assert card, r.text
    card = card.group(1)
    assert 'href="/platform/classroom/%d/summary"' % sid in card
    assert "Roles" in card and "under a minute" in card
    faces = re.findall(r'class="avatar avatar-c\d" title="([^"]+)"[^>]*>'
                       r'([^<]+)<', card)
    # By first join (all three joined within the same second here).
    assert sorted(face_names(card)) == sorted(
        html.escape(user_name(u)) for u in (tess, lena, user_id("admin")))
    assert all(re.fullmatch(r"[A-Z]{1,2}", f[1]) for f in faces), faces
    assert 'id="hero"' not in r.text and WAITING in r.text
    assert "Session ended." in channel_page(teacher, cid).text
    # The summary.
    r = learner.get("/platform/classroom/%d/summary" % sid)
    assert r.status == 200
    for part in ("Session info", "Participants", "Moderator events", "Chat",
                 "Polls", "Recordings", "Slides"):
        assert "<h2>%s</h2>" % part in r.text, part
    assert 'id="nothing-produced"' in r.text
    row = re.search(r'id="person-%d">(.*?)</tr>' % lena, r.text, re.S)
    assert row and ">Viewer<" in row.group(1) and \
        re.search(r'<td[^>]*class="joins">2</td>', row.group(1))
    assert '<dd id="end-reason">Ended by a moderator</dd>' in r.text


@test
def summary_shows_what_the_room_made(base):
    """chat, polls, recordings and slides of a session are on its summary"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    sid = started(teacher, cid)
    sql("INSERT INTO classroom_chat (session_id, user_id, body, posted_at) "
        "VALUES (%d, %d, 'Hello <b>class</b>', UTC_TIMESTAMP())" % (sid, lena))
    sql("INSERT INTO classroom_polls (session_id, question, created_by, "
        "created_at, closed_at) VALUES (%d, 'Ready?', %d, UTC_TIMESTAMP(), "
        "UTC_TIMESTAMP())" % (sid, tess))
    pid = int(sql_value("SELECT MAX(id) FROM classroom_polls"))
    sql("INSERT INTO classroom_poll_options (poll_id, idx, label, votes) "
        "VALUES (%d, 1, 'Yes', 3), (%d, 2, 'No', 1)" % (pid, pid))
    sql("INSERT INTO classroom_recordings (session_id, record_id, state, "
        "playback_url, start_time, end_time, updated_at) VALUES (%d, %s, "
        "'published', 'https://bbb.example/playback/1', 1700000000000, "
        "1700000600000, UTC_TIMESTAMP())" % (sid, sql_quote(unique("rec-"))))
    sql("INSERT INTO classroom_slides (session_id, filename, stored_name, "
        "size, uploaded_by, uploaded_at) VALUES (%d, 'deck.pdf', %s, 2048, "
        "%d, UTC_TIMESTAMP())" % (sid, sql_quote(os.urandom(16).hex()), tess))
    sql("INSERT INTO classroom_events (session_id, kind, actor_id, user_id, "
        "at) VALUES (%d, 'promoted', %d, %d, UTC_TIMESTAMP())"
        % (sid, tess, lena))
    r = signed_in(base, "learner", 1).get("/platform/classroom/%d/summary"
                                          % sid)
    assert r.status == 200
    assert "Hello &lt;b&gt;class&lt;/b&gt;" in r.text
    assert "Ready?" in r.text and "Yes: <strong>3</strong>" in r.text
    assert 'href="https://bbb.example/playback/1"' in r.text
    assert "10 min" in r.text and "deck.pdf" in r.text and "(2 KB)" in r.text
    assert "Promoted to moderator" in r.text
    assert 'id="nothing-produced"' not in r.text
    assert "In progress" in r.text
    end(teacher, sid, cid)


# --- lists and query counts --------------------------------------------------

def past_sessions(cid, n, people):
    """n ended sessions in channel cid, each with the given participants."""
    base_t = datetime.datetime(2020, 1, 1, 8, 0)
    for i in range(n):
        s = base_t + datetime.timedelta(hours=i)
        sql("INSERT INTO classroom_sessions (channel_id, provider, "
            "meeting_id, name, status, started_at, ended_at, created_at, "
            "updated_at) VALUES (%d, 'bbb', %s, 'Past %d', 'ended', '%s', "
            "'%s', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
            % (cid, sql_quote(os.urandom(16).hex()), i, s, s +
               datetime.timedelta(minutes=50)))
    sql("INSERT INTO classroom_participants (session_id, user_id, "
        "joined_as, joins, first_join_at, last_join_at) SELECT s.id, u.id, "
        "'viewer', 1, s.started_at, s.started_at FROM classroom_sessions s "
        "JOIN users u ON u.id IN (%s) WHERE s.channel_id = %d"
        % (",".join(str(p) for p in people), cid))


@test
def history_keyset_and_constant_queries(base):
    """past sessions page newest first, with the same number of queries"""
    learner = signed_in(base, "learner", 0)
    lena = user_id("learner", 0)
    people = [user_id("learner", i) for i in range(5)] + \
        [user_id("teacher", 0), user_id("teacher", 1), user_id("admin")]
    seen = set()
    for n in (3, 45):
        cid, _ = new_channel([lena])
        past_sessions(cid, n, people[:2] if n == 3 else people)
        r = channel_page(learner, cid)
        q = r.header("X-Lectern-Queries")
        assert q is not None, "turn expose_query_count on for this test"
        seen.add(q)
        names, path, pages = [], "/platform/channels/%d" % cid, 0
        while path:
            r = learner.get(path)
            assert r.status == 200
            seen.add(r.header("X-Lectern-Queries"))
            pages += 1
            names += re.findall(r'class="past-link"[^>]*>Past (\d+)<', r.text)
            m = re.search(r'rel="next" href="([^"]+)"', r.text)
            path = html.unescape(m.group(1)) if m else None
        assert [int(x) for x in names] == list(range(n - 1, -1, -1))
        assert pages == (n + 19) // 20
        if n == 45:
            card = re.search(r'id="past-\d+">(.*?)</li>', r.text, re.S)
            faces = face_names(card.group(1))
            assert len(faces) == 8, faces
    assert len(seen) == 1, seen
    assert learner.get("/platform/channels/%d?after_text=yesterday"
                       "&after_id=3" % cid).status == 400


@test
def channel_engagement_chart(base):
    """the channel page charts participants and minutes of its latest
    ended sessions beside a table of the same figures, in as many
    queries with none as with many; no chart before a session ended"""
    cid, _, tess, lena, liam = setup()
    learner = signed_in(base, "learner", 0)
    r = channel_page(learner, cid)
    assert 'id="no-engagement"' in r.text and 'id="engagement-chart"' not in r.text
    q0 = r.header("X-Lectern-Queries")
    # three sessions, oldest first: lena and liam (30 + 20 minutes),
    # lena alone (40 minutes), then nobody
    base_t = datetime.datetime(2021, 3, 1, 8, 0)
    who = [((lena, 30), (liam, 20)), ((lena, 40),), ()]
    for i, people in enumerate(who):
        s = base_t + datetime.timedelta(days=i)
        sql("INSERT INTO classroom_sessions (channel_id, provider, "
            "meeting_id, name, status, started_at, ended_at, created_at, "
            "updated_at) VALUES (%d, 'bbb', %s, 'Chart %d', 'ended', '%s', "
            "'%s', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
            % (cid, sql_quote(os.urandom(16).hex()), i, s,
               s + datetime.timedelta(minutes=50)))
        sid = int(sql_value("SELECT MAX(id) FROM classroom_sessions WHERE "
                            "channel_id = %d" % cid))
        for uid, minutes in people:
            sql("INSERT INTO classroom_participants (session_id, user_id, "
                "joined_as, joins, first_join_at, last_join_at, minutes) "
                "VALUES (%d, %d, 'viewer', 1, '%s', '%s', %d)"
                % (sid, uid, s, s, minutes))
    # an active session is not charted
    sql("INSERT INTO classroom_sessions (channel_id, provider, meeting_id, "
        "name, status, started_at, created_at, updated_at) VALUES (%d, "
        "'bbb', %s, 'Running', 'active', UTC_TIMESTAMP(), UTC_TIMESTAMP(), "
        "UTC_TIMESTAMP())" % (cid, sql_quote(os.urandom(16).hex())))
    r = channel_page(learner, cid)
    assert 'id="no-engagement"' not in r.text and 'data-sessions="3"' in r.text, r.text
    assert r.header("X-Lectern-Queries") == q0, (q0, r.header("X-Lectern-Queries"))
    chart = re.search(r'<svg class="chart-bars" id="engagement-chart" role="img".*?</svg>',
                      r.text, re.S).group(0)
    bars = [(int(y), int(h)) for y, h in re.findall(
        r'<rect class="bar" x="\d+" y="(\d+)" width="16" height="(\d+)">', chart)]
    # 2 participants: the full 70 from the baseline at 90; 1: half; 0: none
    assert bars == [(20, 70), (55, 35), (90, 0)], bars
    # minutes 50, 40, 0 as a line: 40 is 56 of 70 high
    line = re.search(r'<polyline class="spark" points="([^"]+)"', chart).group(1)
    assert line == "16,20 40,34 64,90", line
    assert "<title id=\"engagement-title\">" in chart and "<desc" in chart
    assert r.has("Over the last 3 sessions: 3 participants and 90 minutes in all")
    table = re.search(r'id="engagement-table".*?</table>', r.text, re.S).group(0)
    rows = re.findall(r'<tr><td>([^<]+)</td><td>(\d+)</td><td>(\d+)</td></tr>', table)
    assert [(p, m) for _, p, m in rows] == [("2", "50"), ("1", "40"), ("0", "0")], rows
    assert rows[0][0].startswith("2021-03-0"), rows
    # many sessions: the latest 12 only, same queries
    past_sessions(cid, 30, [user_id("learner", 2)])
    r = channel_page(learner, cid)
    assert r.header("X-Lectern-Queries") == q0
    assert 'data-sessions="12"' in r.text


@test
def channel_lists_constant_queries(base):
    """the classrooms list costs the same queries for 2 or 60 channels"""
    liam = user_id("learner", 4)
    learner = signed_in(base, "learner", 4)
    admin = signed_in(base, "admin")
    tag = unique("L")
    seen, seen_admin = set(), set()
    for n in (2, 60):
        ids = [new_channel([liam], name="%s %03d %d" % (tag, i, n))[0]
               for i in range(n)]
        sql("INSERT INTO classroom_sessions (channel_id, provider, "
            "meeting_id, name, status, active_key, started_at, created_at, "
            "updated_at) VALUES (%d, 'bbb', %s, 'Now', 'active', 'c%d', "
            "UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP())"
            % (ids[-1], sql_quote(os.urandom(16).hex()), ids[-1]))
        found, path = [], "/platform/channels"
        while path:
            r = learner.get(path)
            seen.add(r.header("X-Lectern-Queries"))
            found += re.findall(r'<li class="card channel" id="channel-(\d+)">'
                                r'(.*?)</li>', r.text, re.S)
            m = re.search(r'rel="next" href="([^"]+)"', r.text)
            path = html.unescape(m.group(1)) if m else None
        mine = {int(i): body for i, body in found if int(i) in ids}
        assert sorted(mine) == sorted(ids)
        assert "LIVE" in mine[ids[-1]] and "LIVE" not in mine[ids[0]]
        r = admin.get("/admin/channels?q=" + urllib.parse.quote(tag))
        seen_admin.add(r.header("X-Lectern-Queries"))
        sql("UPDATE classroom_sessions SET status = 'ended', active_key = "
            "NULL WHERE active_key = 'c%d'" % ids[-1])
    assert len(seen) == 1 and None not in seen, seen
    assert len(seen_admin) == 1, seen_admin


# --- live lessons -------------------------------------------------------------

def lesson(teacher, learners, start_in_min=5, minutes=45, status="scheduled"):
    """A live lesson starting in start_in_min minutes; returns its id."""
    title = unique("Lesson room ")
    sql("INSERT INTO courses (title, code, created_at, updated_at) VALUES "
        "(%s, %s, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (sql_quote(title), sql_quote(unique("CR"))))
    course = int(sql_value("SELECT id FROM courses WHERE title = %s"
                           % sql_quote(title)))
    s = datetime.datetime.utcnow().replace(microsecond=0) + \
        datetime.timedelta(minutes=start_in_min)
    sql("INSERT INTO live_sessions (course_id, teacher_id, meeting_type, "
        "title, starts_at, ends_at, duration_min, status, created_at, "
        "updated_at) VALUES (%d, %d, 'group', %s, '%s', '%s', %d, '%s', "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (course, teacher, sql_quote(title), s, s +
           datetime.timedelta(minutes=minutes), minutes, status))
    lid = int(sql_value("SELECT MAX(id) FROM live_sessions"))
    for l in learners:
        sql("INSERT INTO live_participants (session_id, learner_id) VALUES "
            "(%d, %d)" % (lid, l))
    return lid, title


@test
def live_lesson_join(base):
    """a lesson's Join Session opens 10 minutes early; teacher moderates"""
    tess, lena = user_id("teacher", 0), user_id("learner", 0)
    teacher = signed_in(base, "teacher", 0)
    learner = signed_in(base, "learner", 0)
    outsider = signed_in(base, "learner", 2)
    later, _ = lesson(tess, [lena], start_in_min=60)
    r = learner.get("/platform/sessions/%d" % later)
    assert r.status == 200 and 'id="join-form"' not in r.text
    r = learner.post("/platform/sessions/%d/join" % later, csrf=r.csrf())
    assert r.status == 409 and "10 minutes" in r.text, r
    assert sql_value("SELECT COUNT(*) FROM classroom_sessions WHERE "
                     "live_session_id = %d" % later) == "0"

    lid, title = lesson(tess, [lena], start_in_min=5)
    for c in (teacher, learner):
        r = c.get("/platform/sessions/%d" % lid)
        form = re.search(r'<form [^>]*id="join-form"[^>]*>', r.text)
        assert form and 'target="_blank"' in form.group(0), r.text
    r = outsider.post("/platform/sessions/%d/join" % lid,
                      csrf=outsider.get("/").csrf())
    assert r.status == 404
    r = learner.post("/platform/sessions/%d/join" % lid,
                     csrf=learner.get("/platform/sessions/%d" % lid).csrf())
    assert r.status == 303, r
    lmid = sql_value("SELECT meeting_id FROM classroom_sessions WHERE "
                     "live_session_id = %d" % lid)
    assert join_params(r.header("Location"), lmid)["role"] == "VIEWER"
    r = teacher.post("/platform/sessions/%d/join" % lid,
                     csrf=teacher.get("/platform/sessions/%d" % lid).csrf())
    assert r.status == 303
    assert join_params(r.header("Location"), lmid)["role"] == "MODERATOR"
    rows = sql("SELECT id, name, status, active_key, started_by FROM "
               "classroom_sessions WHERE live_session_id = %d" % lid)
    assert len(rows) == 1 and rows[0][1:] == [title, "active", "l%d" % lid,
                                             str(lena)], rows
    sid = int(rows[0][0])
    r = learner.get("/platform/sessions/%d" % lid)
    assert 'href="/platform/classroom/%d"' % sid in r.text
    # The learner may not end it; the teacher may.
    r = learner.post("/platform/classroom/%d/end" % sid, csrf=r.csrf())
    assert r.status == 403
    # Completing the lesson ends its classroom.
    page = teacher.get("/platform/sessions/%d" % lid)
    assert teacher.post("/platform/sessions/%d/start" % lid,
                        csrf=page.csrf()).status == 303
    assert teacher.post("/platform/sessions/%d/complete" % lid,
                        csrf=page.csrf()).status == 303
    assert session_row(sid, "status, active_key, end_reason") == \
        ["ended", "NULL", "lesson completed"]
    r = learner.get("/platform/sessions/%d" % lid)
    assert 'href="/platform/classroom/%d/summary"' % sid in r.text
    r = learner.post("/platform/sessions/%d/join" % lid, csrf=r.csrf())
    assert r.status == 409


# --- Jitsi Meet ----------------------------------------------------------------

JITSI_URL = "https://meet.example.org"
JITSI_SECRET = "jitsi-test-secret-of-some-length"


def cgi_run(client, method, path, fields=None, extra_env=None):
    """Run the built binary once as a plain CGI program, with client's
    cookies; returns (status, headers dict, body)."""
    body = urllib.parse.urlencode(fields or {}).encode()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LECTERN_CONF": CONF,
        "GATEWAY_INTERFACE": "CGI/1.1",
        "REQUEST_METHOD": method,
        "REQUEST_URI": path,
        "QUERY_STRING": "",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_NAME": "localhost",
        "HTTP_COOKIE": "; ".join("%s=%s" % kv for kv in
                                 client.cookies.items()),
    }
    if method == "POST":
        env["CONTENT_TYPE"] = "application/x-www-form-urlencoded"
        env["CONTENT_LENGTH"] = str(len(body))
    env.update(extra_env or {})
    p = subprocess.run([os.path.join(BUILD, "cgi", "lectern.fcgi")],
                       input=body, env=env, capture_output=True, timeout=60)
    head, _, text = p.stdout.partition(b"\r\n\r\n")
    headers = {}
    for line in head.decode().split("\r\n"):
        k, _, v = line.partition(": ")
        headers.setdefault(k.lower(), v)
    return int(headers["status"].split()[0]), headers, \
        text.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def b64url(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


@test_once
def jitsi_room_page(base):
    """with Jitsi the join answers the room page with a verified token"""
    cid, name, tess, lena, liam = setup()
    env = {"LECTERN_CONFERENCE_PROVIDER": "jitsi",
           "LECTERN_JITSI_URL": JITSI_URL,
           "LECTERN_JITSI_SECRET": JITSI_SECRET}
    teacher = signed_in(base, "teacher", 0)
    learner = signed_in(base, "learner", 0)
    tok = teacher.get("/platform/channels/%d/start" % cid).csrf()
    status, headers, text, err = cgi_run(
        teacher, "POST", "/platform/channels/%d/start" % cid,
        {"csrf": tok, "name": "Jitsi class", "mute_on_join": "1",
         "allow_mic": "1"}, env)
    assert status == 303, (status, text, err)
    sid = active_session(cid)
    assert session_row(sid, "provider")[0] == "jitsi"
    meeting = session_row(sid, "meeting_id")[0]
    for client, uid, moderator in ((teacher, tess, True),
                                   (learner, lena, False)):
        tok = client.get("/platform/channels/%d" % cid).csrf()
        t0 = int(time.time())
        status, headers, text, err = cgi_run(
            client, "POST", "/platform/classroom/%d/join" % sid,
            {"csrf": tok}, env)
        assert status == 200, (status, text[:500], err)
        assert "no-store" in headers["cache-control"]
        csp = headers["content-security-policy"]
        assert "script-src 'self' %s;" % JITSI_URL in csp, csp
        assert "frame-src %s;" % JITSI_URL in csp, csp
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", text, re.S)
        assert [s[0] for s in scripts] == [
            ' src="%s/external_api.js"' % JITSI_URL,
            ' src="/static/jitsi-room.js"'], scripts
        assert all(s[1] == "" for s in scripts), "no inline script"
        box = re.search(r'<div id="jitsi-room"([^>]*)>', text).group(1)
        data = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', box))
        assert data["domain"] == "meet.example.org"
        assert data["room"] == meeting
        assert data["audio-muted"] == "1" and data["video-muted"] == "1"
        assert data["presence"] == "/platform/classroom/%d/presence" % sid
        assert data["csrf"] == tok
        assert data["moderator"] == ("1" if moderator else "0")
        assert html.unescape(data["display-name"]) == user_name(uid)
        # The token: HS256 with our secret, and its claims.
        h64, p64, s64 = data["jwt"].split(".")
        sig = hmac.new(JITSI_SECRET.encode(), (h64 + "." + p64).encode(),
                       hashlib.sha256).digest()
        assert hmac.compare_digest(sig, b64url(s64))
        assert json.loads(b64url(h64))["alg"] == "HS256"
        claims = json.loads(b64url(p64))
        assert claims["aud"] == "jitsi" and claims["iss"] == "lectern"
        assert claims["sub"] == "meet.example.org"
        assert claims["room"] == meeting
        assert t0 + 3600 < claims["exp"] <= int(time.time()) + 4 * 3600 + 5
        assert claims["context"]["user"]["id"] == str(uid)
        assert claims["context"]["user"]["name"] == user_name(uid)
        assert claims["moderator"] is moderator
        assert data["jwt"] not in err
    # With Jitsi the clicks count nothing: the page's beacons do, once.
    assert sql("SELECT COUNT(*) FROM classroom_participants WHERE "
               "session_id = %d" % sid) == [["0"]]
    for client in (teacher, learner):
        tok = client.get("/platform/classroom/%d" % sid).csrf()
        r = client.post_multipart("/platform/classroom/%d/presence" % sid,
                                  {"event": "join"}, [], csrf=tok)
        assert r.status == 204, r
    assert sql("SELECT user_id, joined_as, joins FROM classroom_participants "
               "WHERE session_id = %d ORDER BY user_id" % sid) == sorted(
        [[str(tess), "moderator", "1"], [str(lena), "viewer", "1"]])
    # The script the page loads is served.
    r = Client(base).get("/static/jitsi-room.js")
    assert r.status == 200 and "sendBeacon" in r.text
    tok = teacher.get("/platform/channels/%d" % cid).csrf()
    status, _, _, _ = cgi_run(teacher, "POST",
                              "/platform/classroom/%d/end" % sid,
                              {"csrf": tok, "confirm": "1"}, env)
    assert status == 303
    assert session_row(sid, "status")[0] == "ended"


# --- against the BigBlueButton simulator ----------------------------------------

def follow(url):
    """Open the address a join sent the user to, as the browser would:
    the simulator's client page for that session token."""
    client_token(url)
    r = bbb.request("GET", url)
    assert r.status == 200 and 'id="full-name"' in r.text, r
    return r


def sim_params(mid):
    m = bbb.sim_meeting(mid)
    return m, dict(m["params"])


def school_base():
    return conf_value("base_url").rstrip("/")


@test
def bbb_create_and_join_parameters(base):
    """the simulator receives the session's options, callbacks and slides"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    learner = signed_in(base, "learner", 0)
    sid = started(teacher, cid, name="Optics", description="Chapter 3",
                  record="1", allow_mic="1", mute_on_join="1")
    mid = session_row(sid, "meeting_id")[0]
    sql("INSERT INTO classroom_slides (session_id, filename, stored_name, "
        "size, uploaded_by, uploaded_at) VALUES (%d, 'deck.pdf', %s, 1000, "
        "%d, UTC_TIMESTAMP())" % (sid, sql_quote(os.urandom(16).hex()), tess))
    slide = int(sql_value("SELECT MAX(id) FROM classroom_slides WHERE "
                          "session_id = %d" % sid))
    t0 = int(time.time())
    r = join(teacher, sid, cid)
    assert r.status == 303, r
    loc = r.header("Location")
    ct = session_row(sid, "create_time")[0]
    q = join_params(loc, mid)
    assert (q["meetingID"], q["fullName"], q["role"], q["userID"],
            q["createTime"], q["redirect"]) == (mid, user_name(tess),
                                                "MODERATOR", str(tess), ct,
                                                "false"), q
    # Lectern made the signed call itself, with a checksum.
    call = [c for c in bbb.sim("meetings")["calls"] if c["call"] == "join"
            and "meetingID=" + mid in c["query"]][-1]
    assert call["result"] == "SUCCESS successfullyJoined", call
    assert re.search(r"&checksum=[0-9a-f]{64}$", call["query"]), call
    follow(loc)
    m, p = sim_params(mid)
    site = school_base()
    assert m["method"] == "POST"
    want = {
        "name": "Optics", "meetingID": mid, "welcome": "Chapter 3",
        "record": "true", "autoStartRecording": "true",
        "lockSettingsDisableCam": "true", "lockSettingsDisableMic": "false",
        "muteOnStart": "true",
        "logoutURL": site + "/platform/channels/%d" % cid,
        "meta_lectern-school": conf_value("school_name"),
        "meta_lectern-session": str(sid),
        "meta_lectern-channel": str(cid),
        "meta_endCallbackUrl": site + "/callbacks/bbb/end?token=%s&"
        "meetingID=%s" % (bbb.end_token(mid), mid),
        "meta_bbb-recording-ready-url": site + "/callbacks/bbb/recording-ready",
        "meta_analytics-callback-url": site + "/callbacks/bbb/analytics",
    }
    for k, v in want.items():
        assert p.get(k) == v, (k, p.get(k), v)
    assert str(m["createTime"]) == ct
    # The slide as a signed link that expires.
    docs = m["documents"]
    assert len(docs) == 1 and docs[0]["filename"] == "deck.pdf", docs
    u = urllib.parse.urlsplit(docs[0]["url"])
    assert "%s://%s" % (u.scheme, u.netloc) == site
    assert u.path == "/files/slides/%d" % slide, u
    sq = dict(urllib.parse.parse_qsl(u.query))
    exp = int(sq["exp"])
    assert t0 + 3600 <= exp <= int(time.time()) + 2 * 3600 + 5
    assert sq["sig"] == hmac.new(conf_value("secret_key").encode(),
                                 ("slide\n%d:%d" % (slide, exp)).encode(),
                                 hashlib.sha256).hexdigest()
    # A member joins the same meeting as a viewer; no second create.
    r = join(learner, sid, cid)
    assert r.status == 303
    q = join_params(r.header("Location"), mid)
    assert (q["role"], q["userID"], q["createTime"]) == ("VIEWER", str(lena),
                                                         ct)
    follow(r.header("Location"))
    m, _ = sim_params(mid)
    assert m["duplicateCreates"] == 0
    assert len(bbb.sim("meetings?meetingID=" + mid)["meetings"]) == 1
    people = {(a["userID"], a["role"], a["fullName"], a["createTime"])
              for a in m["attendees"]}
    assert people == {(str(tess), "MODERATOR", user_name(tess), ct),
                      (str(lena), "VIEWER", user_name(lena), ct)}, people
    # End: the server is told, the session ends, the history has both.
    assert end(teacher, sid, cid).status == 303
    assert bbb.wait_for(lambda: bbb.sim_meeting(mid)["ended"])
    assert session_row(sid, "status, end_reason") == ["ended",
                                                     "ended by moderator"]
    card = re.search(r'id="past-%d">(.*?)</li>' % sid,
                     channel_page(learner, cid).text, re.S).group(1)
    assert len(face_names(card)) == 2, card


@test
def bbb_options_and_locks(base):
    """each option maps to its create parameter; moderator locks win"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    # Blank name and description, cameras on, microphones locked.
    sid = started(teacher, cid, allow_camera="1")
    mid = session_row(sid, "meeting_id")[0]
    assert join(teacher, sid, cid).status == 303
    m, p = sim_params(mid)
    assert m["method"] == "GET" and m["documents"] == []
    assert p["name"] == name and "welcome" not in p, p
    assert (p["record"], p["autoStartRecording"], p["lockSettingsDisableCam"],
            p["lockSettingsDisableMic"], p["muteOnStart"]) == \
        ("false", "false", "false", "true", "false"), p
    assert end(teacher, sid, cid).status == 303
    # Cameras off at the start, then a moderator unlocked them and locked
    # the microphones before anyone joined: the locks are what counts.
    sid = started(teacher, cid, allow_mic="1")
    mid = session_row(sid, "meeting_id")[0]
    assert session_row(sid, "lock_camera, lock_mic") == ["1", "0"]
    sql("UPDATE classroom_sessions SET lock_camera = 0, lock_mic = 1 WHERE "
        "id = %d" % sid)
    assert join(teacher, sid, cid).status == 303
    _, p = sim_params(mid)
    assert (p["lockSettingsDisableCam"], p["lockSettingsDisableMic"]) == \
        ("false", "true"), p
    assert end(teacher, sid, cid).status == 303


def log_text():
    """What the stack's Lectern processes wrote to their logs."""
    text = ""
    logs = os.path.join(os.path.dirname(CONF), "log")
    for name in ("lectern.log", "fcgiwrap.log"):
        path = os.path.join(logs, name)
        if os.path.exists(path):
            with open(path, errors="replace") as f:
                text += f.read()
    return text


@test
def bbb_server_failures(base):
    """an HTML page, a 500, broken XML or silence: a friendly 503, nothing changed"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    sid = started(teacher, cid)
    mid = session_row(sid, "meeting_id")[0]
    before = counts(sid)
    assert before == ["active", "0", "0", "1"], before
    try:
        for mode in ("html", "status500", "malformed", "stall"):
            bbb.sim("mode", {"mode": mode, "count": 1})
            t0 = time.time()
            r = join(teacher, sid, cid)
            took = time.time() - t0
            assert r.status == 503, (mode, r)
            assert UNAVAILABLE in r.text, mode
            assert "bigbluebutton" not in r.text.lower()
            assert counts(sid) == before, (mode, counts(sid))
            if mode == "stall":
                # Cut by bbb_timeout, before the simulator's 10 seconds.
                assert took < 10, took
            assert bbb.sim("meetings")["mode"]["mode"] == "normal"
    finally:
        bbb.sim("mode", {"mode": "normal"})
    text = log_text()
    assert re.search(r"classroom %d: bbb create failed \(unavailable\): "
                     r"bbb create: timeout" % sid, text), "the log line"
    assert "checksum=" not in text and conf_value("bbb_secret") not in text
    # The stall timed out: clicks are refused without a call for a
    # while (test_classroom_stall.py); the window ends, as with time.
    assert sql_value("SELECT open_until > 0 FROM conference_health WHERE "
                     "provider = 'bbb'") == "1"
    sql("DELETE FROM conference_health")
    # The server is back: the same session can be joined.
    r = join(teacher, sid, cid)
    assert r.status == 303, r
    assert counts(sid)[:3] == ["active", session_row(sid, "create_time")[0],
                               "1"]
    # The server fails while the teacher ends the class: it ends here.
    bbb.sim("mode", {"mode": "status500", "count": 1})
    try:
        r = end(teacher, sid, cid)
    finally:
        bbb.sim("mode", {"mode": "normal"})
    assert r.status == 303
    assert session_row(sid, "status, end_reason") == ["ended",
                                                     "ended by moderator"]
    assert "could not be reached" in channel_page(teacher, cid).text
    assert not bbb.sim_meeting(mid)["ended"]
    # Not found on the server counts as ended.
    sid = started(teacher, cid)
    sql("UPDATE classroom_sessions SET create_time = 1 WHERE id = %d" % sid)
    r = end(teacher, sid, cid)
    assert r.status == 303
    assert "Session ended." in channel_page(teacher, cid).text


@test
def bbb_join_after_server_restart(base):
    """a server that lost the meeting gets it again: Join lands in a room"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    learner = signed_in(base, "learner", 0)
    sid = started(teacher, cid, name="Restarted", mute_on_join="1")
    mid = session_row(sid, "meeting_id")[0]
    r = join(teacher, sid, cid)
    assert r.status == 303, r
    first = r.header("Location")
    follow(first)
    ct = session_row(sid, "create_time")[0]
    # The server restarts: its meetings and session tokens are gone.
    bbb.sim("restart", {})
    assert bbb.request("GET", first).status == 404
    for client, uid, role in ((learner, lena, "VIEWER"),
                              (teacher, tess, "MODERATOR")):
        r = join(client, sid, cid)
        assert r.status == 303, r
        page = follow(r.header("Location"))
        assert html.escape(user_name(uid)) in page.text
        assert join_params(r.header("Location"), mid)["role"] == role
    meetings = bbb.sim("meetings?meetingID=" + mid)["meetings"]
    assert len(meetings) == 2, meetings
    assert meetings[0]["lost"] and not meetings[1]["ended"]
    # Made again once, with the session's options, and its createTime
    # kept for the next joins.
    assert meetings[1]["duplicateCreates"] == 0
    p = dict(meetings[1]["params"])
    assert (p["name"], p["muteOnStart"], p["meta_lectern-session"]) == \
        ("Restarted", "true", str(sid)), p
    assert session_row(sid, "create_time")[0] == \
        str(meetings[1]["createTime"]) != ct
    assert counts(sid)[:3] == ["active", str(meetings[1]["createTime"]),
                               "2"]
    # Lost again while the server cannot answer: Lectern's own message,
    # never the server's XML.
    bbb.sim("restart", {})
    bbb.sim("mode", {"mode": "status500", "count": 0})
    try:
        before = counts(sid)
        r = join(learner, sid, cid)
    finally:
        bbb.sim("mode", {"mode": "normal"})
    assert r.status == 503 and UNAVAILABLE in r.text, r
    assert "notFound" not in r.text and r.header("Location") is None
    assert counts(sid) == before
    r = join(learner, sid, cid)
    assert r.status == 303, r
    follow(r.header("Location"))
    assert len(bbb.sim("meetings?meetingID=" + mid)["meetings"]) == 3
    assert end(teacher, sid, cid).status == 303
    assert bbb.wait_for(lambda: bbb.sim_meeting(mid)["ended"])


@test
def bbb_join_address_per_click(base):
    """each Join gets its own session token; the signed address stays home"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    learner = signed_in(base, "learner", 0)
    sid = started(teacher, cid)
    mid = session_row(sid, "meeting_id")[0]
    assert join(teacher, sid, cid).status == 303
    answers = [join(learner, sid, cid) for _ in range(2)]
    places = [a.header("Location") for a in answers]
    assert places[0] != places[1], places
    for a, place in zip(answers, places):
        assert a.status == 303, a
        assert "checksum" not in a.text and "api/join" not in a.text
        assert join_params(place, mid)["userID"] == str(lena)
        follow(place)
    # Every join the server saw came from Lectern, with redirect=false.
    calls = [c for c in bbb.sim("meetings")["calls"]
             if c["call"] == "join" and "meetingID=" + mid in c["query"]]
    assert len(calls) == 3 and all("redirect=false" in c["query"]
                                   for c in calls), calls
    # A moderator removes the learner in the room: Lectern refuses the
    # next Join, and no join reaches the server.
    page = teacher.get("/platform/classroom/%d" % sid)
    r = teacher.post("/platform/classroom/%d/participants/%d/remove"
                     % (sid, lena), {"confirm": "1"}, csrf=page.csrf())
    assert r.status == 303, r
    r = join(learner, sid, cid)
    assert r.status == 403 and "cannot rejoin" in r.text, r
    assert r.header("Location") is None
    assert len([c for c in bbb.sim("meetings")["calls"]
                if c["call"] == "join" and "meetingID=" + mid in
                c["query"]]) == 3
    # The earlier tokens stop working once the server ejects the user.
    bbb.sim("eject", {"meetingID": mid, "userID": str(lena)})
    for place in places:
        r = bbb.request("GET", place)
        assert r.status == 403 and 'id="ejected"' in r.text, r
    assert end(teacher, sid, cid).status == 303


@test
def bbb_end_retried_by_worker(base):
    """an End the server missed is retried by the worker until confirmed"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    sid = started(teacher, cid, name="Retried end")
    mid = session_row(sid, "meeting_id")[0]
    r = join(teacher, sid, cid)
    assert r.status == 303, r
    follow(r.header("Location"))
    # The server fails while the teacher ends the class: ended here, the
    # end is left pending, the meeting still runs there.
    bbb.sim("mode", {"mode": "status500", "count": 1})
    try:
        r = end(teacher, sid, cid)
    finally:
        bbb.sim("mode", {"mode": "normal"})
    assert r.status == 303, r
    assert "could not be reached" in channel_page(teacher, cid).text
    assert session_row(sid, "status, end_pending") == ["ended", "1"]
    assert bbb.sim_meeting(mid)["running"]
    # A pass while the server still fails: nothing confirmed.
    bbb.sim("mode", {"mode": "status500", "count": 0})
    try:
        rc, out = ctl("worker")
    finally:
        bbb.sim("mode", {"mode": "normal"})
    assert rc == 0, out
    assert "provider failure" in out, out
    assert session_row(sid, "end_pending, end_tried_at IS NOT NULL") == \
        ["1", "1"]
    assert not bbb.sim_meeting(mid)["ended"]
    # The server is back: the next pass ends the meeting there.
    rc, out = ctl("worker")
    assert rc == 0, out
    assert bbb.wait_for(lambda: bbb.sim_meeting(mid)["ended"])
    assert bbb.sim_meeting(mid)["endedBy"] == "api"
    assert session_row(sid, "status, end_pending, ended_by, end_reason") == \
        ["ended", "0", str(tess), "ended by moderator"]
    # Confirmed: later passes leave it alone.
    ends = len([c for c in bbb.sim("meetings")["calls"]
                if c["call"] == "end" and "meetingID=" + mid in c["query"]])
    rc, out = ctl("worker")
    assert len([c for c in bbb.sim("meetings")["calls"]
                if c["call"] == "end" and "meetingID=" + mid in
                c["query"]]) == ends
    # A meeting the server no longer has counts as ended.
    sid = started(teacher, cid, name="Lost end")
    mid = session_row(sid, "meeting_id")[0]
    assert join(teacher, sid, cid).status == 303
    bbb.sim("mode", {"mode": "html", "count": 1})
    try:
        assert end(teacher, sid, cid).status == 303
    finally:
        bbb.sim("mode", {"mode": "normal"})
    assert session_row(sid, "end_pending")[0] == "1"
    bbb.sim("restart", {})
    rc, out = ctl("worker")
    assert rc == 0, out
    assert session_row(sid, "end_pending")[0] == "0"


@test_once
def bbb_embedded_room(base):
    """with bbb_embed the join answers a page framing the client"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    sid = started(teacher, cid)
    tok = teacher.get("/platform/channels/%d" % cid).csrf()
    status, headers, text, err = cgi_run(
        teacher, "POST", "/platform/classroom/%d/join" % sid, {"csrf": tok},
        {"LECTERN_BBB_EMBED": "1"})
    assert status == 200, (status, text[:300], err)
    frame = re.search(r"<iframe([^>]*)>", text).group(1)
    assert 'allow="camera; microphone; display-capture; fullscreen"' in frame
    src = html.unescape(re.search(r'src="([^"]+)"', frame).group(1))
    assert join_params(src, session_row(sid, "meeting_id")[0])["role"] == \
        "MODERATOR"
    assert "frame-src %s;" % bbb_origin() in headers["content-security-policy"]
    assert headers["referrer-policy"] == "no-referrer"
    assert "no-store" in headers["cache-control"]
    follow(src)
    assert end(teacher, sid, cid).status == 303


@test
def bbb_lesson_room(base):
    """a live lesson's classroom goes back to the lesson and names it"""
    tess, lena = user_id("teacher", 0), user_id("learner", 0)
    teacher = signed_in(base, "teacher", 0)
    lid, title = lesson(tess, [lena], start_in_min=-5)
    r = teacher.post("/platform/sessions/%d/join" % lid,
                     csrf=teacher.get("/platform/sessions/%d" % lid).csrf())
    assert r.status == 303, r
    sid = int(sql_value("SELECT id FROM classroom_sessions WHERE "
                        "active_key = 'l%d'" % lid))
    _, p = sim_params(session_row(sid, "meeting_id")[0])
    assert p["name"] == title[:64]
    assert p["logoutURL"] == school_base() + "/platform/sessions/%d" % lid
    assert p["meta_lectern-lesson"] == str(lid)
    assert "meta_lectern-channel" not in p
    assert (p["lockSettingsDisableCam"], p["lockSettingsDisableMic"],
            p["record"]) == ("false", "false", "false")
    page = teacher.get("/platform/sessions/%d" % lid)
    teacher.post("/platform/sessions/%d/start" % lid, csrf=page.csrf())
    teacher.post("/platform/sessions/%d/complete" % lid, csrf=page.csrf())
    assert session_row(sid, "status")[0] == "ended"
    assert bbb.wait_for(lambda: bbb.sim_meeting(
        session_row(sid, "meeting_id")[0])["ended"])


@test_once
def demo_channel(base):
    """the demo data has a classroom channel: teachers admin it, learners
    are its members"""
    rows = sql("SELECT u.email, m.is_admin FROM channels c JOIN "
               "channel_members m ON m.channel_id = c.id JOIN users u ON "
               "u.id = m.user_id WHERE c.name = 'Demo classroom'")
    got = {email: admin for email, admin in rows}
    for role, want in (("teacher", "1"), ("learner", "0")):
        for email, _ in accounts()[role]:
            assert got.get(email) == want, (email, got)
    assert accounts()["admin"][0][0] not in got
    cid = int(sql_value("SELECT id FROM channels WHERE name = "
                        "'Demo classroom'"))
    card = listed(signed_in(base, "learner", 0), cid)
    assert card is not None and "Demo classroom" in card
