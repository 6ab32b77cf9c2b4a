"""The room page of a classroom session: who may see it and act in it,
the chat kept by Lectern (plain form, fragment refresh with ETag and
304), polls (validation, one answer each, counts and percentages, results
hidden until closed), PDF slides (content check, storage outside the web
root, access-checked download, signed public address for the
conferencing server), moderator controls (promote, remove, locks) with
their history rows, Jitsi presence beacons, and a constant number of
queries however long the chat."""

import datetime
import hashlib
import hmac
import html
import os
import re
import time
import uuid

from lectern import CONF, TOP, Client, accounts, signed_in, sql, sql_quote, \
    sql_value, test, unique
from test_schedule import insert_session, new_course


# --- helpers ---------------------------------------------------------------

def conf_value(key):
    with open(CONF) as f:
        for line in f:
            m = re.match(r"\s*%s\s*=\s*(.*?)\s*$" % key, line)
            if m:
                return m.group(1)
    return None


def user_id(role, index=0):
    email = accounts()[role][index][0]
    return int(sql_value("SELECT id FROM users WHERE email = %s"
                         % sql_quote(email)))


def new_channel(admins=(), members=()):
    name = unique("Room channel ")
    sql("INSERT INTO channels (name, created_at, updated_at) VALUES "
        "(%s, UTC_TIMESTAMP(), UTC_TIMESTAMP())" % sql_quote(name))
    cid = int(sql_value("SELECT id FROM channels WHERE name = %s"
                        % sql_quote(name)))
    for uid in admins:
        sql("INSERT INTO channel_members (channel_id, user_id, is_admin, "
            "added_at) VALUES (%d, %d, 1, UTC_TIMESTAMP())" % (cid, uid))
    for uid in members:
        sql("INSERT INTO channel_members (channel_id, user_id, is_admin, "
            "added_at) VALUES (%d, %d, 0, UTC_TIMESTAMP())" % (cid, uid))
    return cid


def new_session(channel, status="active", name=None, description=None):
    """A classroom session written directly; returns its id."""
    meeting = uuid.uuid4().hex
    name = name or unique("Session ")
    sql("INSERT INTO classroom_sessions (channel_id, provider, meeting_id, "
        "name, description, status, active_key, started_at, ended_at, "
        "created_at, updated_at) VALUES (%d, 'bbb', '%s', %s, %s, '%s', "
        "%s, UTC_TIMESTAMP(), %s, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (channel, meeting, sql_quote(name),
           sql_quote(description) if description else "NULL", status,
           "'c%d'" % channel if status == "active" else "NULL",
           "UTC_TIMESTAMP()" if status == "ended" else "NULL"))
    return int(sql_value("SELECT id FROM classroom_sessions WHERE "
                         "meeting_id = '%s'" % meeting))


def setup(**kw):
    """Channel with admin tess and members lena and liam; lucia is not
    in it.  Returns (session id, ids dict)."""
    ids = {"tess": user_id("teacher", 0), "theo": user_id("teacher", 1),
           "lena": user_id("learner", 0), "liam": user_id("learner", 1),
           "lucia": user_id("learner", 2), "admin": user_id("admin", 0)}
    ch = new_channel(admins=[ids["tess"], ids["theo"]],
                     members=[ids["lena"], ids["liam"]])
    ids["channel"] = ch
    return new_session(ch, **kw), ids


def clients(base):
    return {"tess": signed_in(base, "teacher", 0),
            "lena": signed_in(base, "learner", 0),
            "liam": signed_in(base, "learner", 1),
            "lucia": signed_in(base, "learner", 2)}


def room(sid):
    return "/platform/classroom/%d" % sid


def chat_count(sid):
    return int(sql_value("SELECT COUNT(*) FROM classroom_chat WHERE "
                         "session_id = %d" % sid))


def post(client, sid, path, fields=None):
    """POST a form of the room page with its token."""
    client.get(room(sid))
    return client.post(room(sid) + path, fields or {})


PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")


def upload(client, sid, data, name="Week 1 slides.pdf",
           ctype="application/pdf"):
    client.get(room(sid))
    return client.post_multipart(room(sid) + "/slides", {},
                                 [("file", name, data, ctype)])


def signed(slide, exp):
    key = conf_value("secret_key").encode()
    msg = ("slide\n%d:%d" % (slide, exp)).encode()
    return hmac.new(key, msg, hashlib.sha256).hexdigest()


def poll_fields(question, options):
    return [("question", question)] + [("option", o) for o in options]


def article(text, pid):
    m = re.search(r'<article class="poll" id="poll-%d">(.*?)</article>'
                  % pid, text, re.S)
    assert m, text
    return m.group(1)


def events(sid, kind):
    return sql("SELECT IFNULL(actor_id, 0), IFNULL(user_id, 0) FROM "
               "classroom_events WHERE session_id = %d AND kind = '%s' "
               "ORDER BY id" % (sid, kind))


# --- access ------------------------------------------------------------------

@test
def room_access(base):
    """who sees the room page and its controls; unknown 404, others 403"""
    sid, ids = setup(description="Chapter 3 <review>")
    c = clients(base)
    admin = signed_in(base, "admin")
    r = c["lena"].get(room(sid))
    assert r.status == 200, r
    assert r.has("Chapter 3 <review>")
    form = re.search(r'<form method="post" action="/platform/classroom/%d/'
                     r'join" target="_blank"[^>]*>\s*<input type="hidden" '
                     r'name="csrf" value="[0-9a-f]+">' % sid, r.text)
    assert form and r.has("Join Session"), r.text
    for absent in ('id="end-form"', 'id="moderation"', 'id="poll-form"',
                   'id="slide-form"', 'id="lock-form"'):
        assert absent not in r.text, absent
    assert 'id="chat-form"' in r.text
    assert '<script src="/static/room.js" defer></script>' in r.text
    r = c["tess"].get(room(sid))
    assert r.status == 200
    for present in ('id="end-form"', 'action="/platform/classroom/%d/end"'
                    % sid, "End Session", 'id="moderation"',
                    'id="poll-form"', 'id="slide-form"', 'id="lock-form"',
                    'id="mute-note"'):
        assert present in r.text, present
    r = admin.get(room(sid))
    assert r.status == 200 and 'id="moderation"' in r.text
    # Not a member, unknown, deleted, signed out.
    assert c["lucia"].get(room(sid)).status == 403
    assert c["lucia"].get(room(sid) + "/chat").status == 403
    assert c["lena"].get("/platform/classroom/999999999").status == 404
    assert c["lena"].get("/platform/classroom/abc").status == 404
    r = Client(base).get(room(sid))
    assert r.status == 303 and r.header("Location").startswith("/login")
    gone, _ = setup()
    sql("UPDATE classroom_sessions SET deleted_at = UTC_TIMESTAMP() "
        "WHERE id = %d" % gone)
    assert c["lena"].get(room(gone)).status == 404
    # A member's moderator actions are refused and change nothing.
    sql("INSERT INTO classroom_polls (session_id, question, created_at) "
        "VALUES (%d, 'Q?', UTC_TIMESTAMP())" % sid)
    pid = int(sql_value("SELECT MAX(id) FROM classroom_polls"))
    before = sql("SELECT lock_camera, lock_mic FROM classroom_sessions "
                 "WHERE id = %d" % sid)
    for path, fields in (
            ("/polls", poll_fields("Q", ["a", "b"])),
            ("/polls/%d/close" % pid, {}),
            ("/participants/%d/promote" % ids["liam"], {}),
            ("/participants/%d/remove" % ids["liam"], {}),
            ("/locks", {"lock_camera": "1"})):
        r = post(c["lena"], sid, path, fields)
        assert r.status == 403, (path, r)
    r = upload(c["lena"], sid, PDF)
    assert r.status == 403, r
    assert sql("SELECT lock_camera, lock_mic FROM classroom_sessions "
               "WHERE id = %d" % sid) == before
    assert sql_value("SELECT closed_at IS NULL FROM classroom_polls WHERE "
                     "id = %d" % pid) == "1"
    assert sql_value("SELECT COUNT(*) FROM classroom_participants WHERE "
                     "session_id = %d" % sid) == "0"
    assert sql_value("SELECT COUNT(*) FROM classroom_slides WHERE "
                     "session_id = %d" % sid) == "0"
    # Without the form token, nothing happens.
    c["lena"].get(room(sid))
    r = c["lena"].post(room(sid) + "/chat", {"body": "hi"}, csrf=False)
    assert r.status == 403 and chat_count(sid) == 0


@test
def room_ended(base):
    """an ended session says so, links its summary and takes no input"""
    sid, ids = setup(status="ended")
    c = clients(base)
    r = c["lena"].get(room(sid))
    assert r.status == 200
    assert r.has("This session has ended")
    assert 'href="/platform/classroom/%d/summary"' % sid in r.text
    assert 'id="join-form"' not in r.text and 'id="chat-form"' not in r.text
    assert 'data-live="1"' not in r.text
    r = post(c["lena"], sid, "/chat", {"body": "late"})
    assert r.status == 409 and chat_count(sid) == 0
    r = c["tess"].get(room(sid))
    assert 'id="end-form"' not in r.text and 'id="poll-form"' not in r.text


# --- chat ----------------------------------------------------------------------

@test
def chat_post_and_refresh(base):
    """chat without script (303), fragment after an id, ETag and 304"""
    sid, ids = setup()
    c = clients(base)
    r = post(c["lena"], sid, "/chat", {"body": "  Hello <b>class</b>\n "})
    assert r.status == 303, r
    assert r.header("Location") == room(sid) + "#chat"
    rows = sql("SELECT user_id, body FROM classroom_chat WHERE "
               "session_id = %d" % sid)
    assert rows == [[str(ids["lena"]), "Hello <b>class</b>"]], rows
    first = int(sql_value("SELECT MAX(id) FROM classroom_chat WHERE "
                          "session_id = %d" % sid))
    page = c["liam"].get(room(sid))
    assert "Hello &lt;b&gt;class&lt;/b&gt;" in page.text
    assert "<b>class</b>" not in page.text
    assert 'data-last="%d"' % first in page.text
    # The fragment: everything, then nothing new (304), then the new one.
    r = c["liam"].get(room(sid) + "/chat")
    assert r.status == 200 and 'id="msg-%d"' % first in r.text
    assert "<html" not in r.text
    r = c["liam"].get(room(sid) + "/chat?after=%d" % first)
    assert r.status == 200 and "msg-" not in r.text
    etag = r.header("ETag")
    assert etag, r.headers
    r = c["liam"].get(room(sid) + "/chat?after=%d" % first,
                      headers={"If-None-Match": etag})
    assert r.status == 304 and r.raw == b"", r
    r = post(c["tess"], sid, "/chat", {"body": "Welcome", "js": "1"})
    assert r.status == 204, r
    r = c["liam"].get(room(sid) + "/chat?after=%d" % first,
                      headers={"If-None-Match": etag})
    assert r.status == 200, r
    assert "Welcome" in r.text and "Hello" not in r.text
    assert r.header("ETag") != etag
    second = int(sql_value("SELECT MAX(id) FROM classroom_chat WHERE "
                           "session_id = %d" % sid))
    assert r.header("X-Chat-Last") == str(second)
    # Another session's messages never show up here.
    other, _ = setup()
    post(c["lena"], other, "/chat", {"body": "Elsewhere"})
    r = c["liam"].get(room(sid) + "/chat?after=0")
    assert "Elsewhere" not in r.text and "Welcome" in r.text


@test
def chat_bad_input(base):
    """empty, too long or control characters: 422 and nothing saved"""
    sid, ids = setup()
    c = clients(base)
    for body, msg in (("", "Write a message first."),
                      ("   \n ", "Write a message first."),
                      ("x" * 2001, "at most 2000 characters"),
                      ("bell\x07", "text of at most 2000")):
        r = post(c["lena"], sid, "/chat", {"body": body})
        assert r.status == 422, (body[:10], r)
        m = re.search(r'<p class="error field" id="chat-error">([^<]*)</p>',
                      r.text)
        assert m and msg in m.group(1), r.text
    r = post(c["lena"], sid, "/chat", {"body": "", "js": "1"})
    assert r.status == 422 and r.text == "Write a message first."
    assert chat_count(sid) == 0
    r = post(c["lena"], sid, "/chat", {"body": "é" * 2000})
    assert r.status == 303 and chat_count(sid) == 1
    # Typed text comes back in the form after an error.
    r = post(c["lena"], sid, "/chat", {"body": "y" * 2001})
    assert "y" * 2001 in r.text


# --- polls ---------------------------------------------------------------------

@test
def poll_validation(base):
    """a question and 2 to 6 answers, else 422 and no poll"""
    sid, ids = setup()
    c = clients(base)
    cases = [
        (poll_fields("Ready?", ["Yes"]), "options-error",
         "at least two"),
        (poll_fields("Ready?", list("abcdefg")), "options-error",
         "at most six"),
        (poll_fields("Ready?", ["Yes", "", "No"]), "options-error",
         "Answer 2 is empty"),
        (poll_fields("Ready?", ["Yes", "  ", "No", ""]), "options-error",
         "Answer 2 is empty"),
        (poll_fields("", ["Yes", "No"]), "question-error",
         "Write the question"),
        (poll_fields("q" * 301, ["Yes", "No"]), "question-error",
         "at most 300"),
        (poll_fields("Ready?", ["Yes", "n" * 201]), "options-error",
         "at most 200"),
        (poll_fields("Ready?", ["Yes", "N\x01o"]), "options-error",
         "Answer 2 must be text"),
    ]
    for fields, field, msg in cases:
        r = post(c["tess"], sid, "/polls", fields)
        assert r.status == 422, (fields, r)
        m = re.search(r'id="%s">([^<]*)<' % field, r.text)
        assert m and msg in m.group(1), (msg, r.text)
    assert sql_value("SELECT COUNT(*) FROM classroom_polls WHERE "
                     "session_id = %d" % sid) == "0"
    # The typed answers stay in the form.
    r = post(c["tess"], sid, "/polls", poll_fields("Keep me", ["Only"]))
    assert 'value="Keep me"' in r.text and 'value="Only"' in r.text
    # Six answers with trailing blanks of the form are fine.
    r = post(c["tess"], sid, "/polls",
             poll_fields(" Ready? ", ["Yes", "No", "Maybe", "", "", ""]))
    assert r.status == 303, r
    pid = int(sql_value("SELECT MAX(id) FROM classroom_polls WHERE "
                        "session_id = %d" % sid))
    assert r.header("Location") == room(sid) + "#poll-%d" % pid
    assert sql_value("SELECT question FROM classroom_polls WHERE id = %d"
                     % pid) == "Ready?"
    assert sql("SELECT idx, label, votes FROM classroom_poll_options WHERE "
               "poll_id = %d ORDER BY idx" % pid) == \
        [["1", "Yes", "0"], ["2", "No", "0"], ["3", "Maybe", "0"]]
    assert events(sid, "poll") == [[str(ids["tess"]), "0"]]


@test
def poll_votes_and_results(base):
    """answer once, counts and percentages, results hidden until closed"""
    sid, ids = setup()
    c = clients(base)
    r = post(c["tess"], sid, "/polls",
             poll_fields("Which tense?", ["Past", "Present", "Future"]))
    pid = int(sql_value("SELECT MAX(id) FROM classroom_polls WHERE "
                        "session_id = %d" % sid))
    vote = "/polls/%d/vote" % pid
    r = post(c["lena"], sid, vote, {"option": "1"})
    assert r.status == 303, r
    a = article(c["lena"].get(room(sid)).text, pid)
    assert "Thank you, your answer was recorded" in a
    assert 'class="votes"' not in a and "%" not in a
    assert "vote-form" not in a
    # Second answer: refused, nothing changes.
    r = post(c["lena"], sid, vote, {"option": "2"})
    assert r.status == 409, r
    assert "already answered" in r.text
    assert sql("SELECT idx FROM classroom_poll_votes WHERE poll_id = %d"
               % pid) == [["1"]]
    # Bad answers.
    assert post(c["liam"], sid, vote, {"option": "5"}).status == 422
    assert post(c["liam"], sid, vote, {}).status == 422
    assert post(c["liam"], sid, "/polls/999999999/vote",
                {"option": "1"}).status == 404
    assert post(c["lucia"], sid, vote, {"option": "1"}).status == 403
    # Unanswered: the participant sees the form, not the counts.
    a = article(c["liam"].get(room(sid)).text, pid)
    assert "vote-form" in a and 'class="votes"' not in a
    assert post(c["liam"], sid, vote, {"option": "1"}).status == 303
    post(c["tess"], sid, vote, {"option": "2"})
    assert sql("SELECT votes FROM classroom_poll_options WHERE poll_id = "
               "%d ORDER BY idx" % pid) == [["2"], ["1"], ["0"]]
    # The moderator sees live counts and percentages.
    a = article(c["tess"].get(room(sid)).text, pid)
    got = re.findall(r'data-idx="(\d)"><td[^>]*>[^<]*</td><td[^>]*class="votes">'
                     r'(\d+)</td><td[^>]*><span class="pct">(\d+)%', a)
    assert got == [("1", "2", "67"), ("2", "1", "33"), ("3", "0", "0")], a
    assert "3 votes in all" in a
    # The polls fragment: ETag, 304, then a change.
    r = c["lena"].get(room(sid) + "/polls")
    assert r.status == 200 and "<html" not in r.text
    etag = r.header("ETag")
    assert c["lena"].get(room(sid) + "/polls", headers={
        "If-None-Match": etag}).status == 304
    # Closing shows everyone the results; answers stop.
    r = post(c["tess"], sid, "/polls/%d/close" % pid)
    assert r.status == 303
    r = c["lena"].get(room(sid) + "/polls", headers={"If-None-Match": etag})
    assert r.status == 200 and 'class="pct">67%' in r.text
    a = article(c["lena"].get(room(sid)).text, pid)
    assert 'class="pct">67%' in a and "Closed" in a
    r = post(c["liam"], sid, "/polls", poll_fields("x", ["a", "b"]))
    assert r.status == 403
    lucia_sid, _ = setup()
    assert post(c["lena"], lucia_sid, "/polls/%d/close" % pid).status == 403
    sql("INSERT INTO channel_members (channel_id, user_id, is_admin, "
        "added_at) VALUES (%d, %d, 0, UTC_TIMESTAMP())"
        % (ids["channel"], ids["lucia"]))
    r = post(c["lucia"], sid, vote, {"option": "3"})
    assert r.status == 409 and "closed" in r.text
    assert sql_value("SELECT SUM(votes) FROM classroom_poll_options WHERE "
                     "poll_id = %d" % pid) == "3"
    assert len(events(sid, "poll")) == 2


# --- slides --------------------------------------------------------------------

@test
def slides_upload_and_download(base):
    """a PDF stored under data_dir, downloaded by participants only"""
    sid, ids = setup()
    c = clients(base)
    r = upload(c["tess"], sid, PDF, name="Week 1 <slides> \u00e9\t.pdf")
    assert r.status == 303, r
    assert r.header("Location") == room(sid) + "#slides"
    row = sql("SELECT id, filename, stored_name, size, uploaded_by FROM "
              "classroom_slides WHERE session_id = %d" % sid)
    assert len(row) == 1, row
    slide, filename, stored, size, by = row[0]
    slide = int(slide)
    assert filename == "Week 1 <slides> \u00e9_.pdf", filename
    assert re.fullmatch(r"[0-9a-f]{32}", stored) and int(size) == len(PDF)
    assert by == str(ids["tess"])
    data_dir = conf_value("data_dir")
    path = os.path.join(data_dir, "slides", stored)
    with open(path, "rb") as f:
        assert f.read() == PDF
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert os.stat(os.path.dirname(path)).st_mode & 0o777 == 0o700
    web_root = os.path.realpath(os.path.join(TOP, "static"))
    assert not os.path.realpath(path).startswith(web_root + os.sep)
    assert not [f for f in os.listdir(os.path.dirname(path))
                if f.startswith(".tmp-")]
    assert events(sid, "slides") == [[str(ids["tess"]), "0"]]
    # Listed with a link; participants download it.
    page = c["lena"].get(room(sid))
    assert 'href="/platform/classroom/%d/slides/%d"' % (sid, slide) in \
        page.text
    assert "Week 1 &lt;slides&gt; \u00e9_.pdf" in page.text
    r = c["lena"].get(room(sid) + "/slides/%d" % slide)
    assert r.status == 200 and r.raw == PDF
    assert r.header("Content-Type") == "application/pdf"
    assert r.header("Content-Disposition") == \
        'attachment; filename="Week 1 _slides_ ___.pdf"', r.headers
    assert r.header("X-Content-Type-Options") == "nosniff"
    assert c["lucia"].get(room(sid) + "/slides/%d" % slide).status == 403
    other, _ = setup()
    assert c["lena"].get(room(other) + "/slides/%d" % slide).status == 404
    assert Client(base).get(room(sid) + "/slides/%d" % slide).status == 303
    # A moderator deletes it: row and file go.
    r = post(c["lena"], sid, "/slides/%d/delete" % slide)
    assert r.status == 403 and os.path.exists(path)
    r = post(c["tess"], sid, "/slides/%d/delete" % slide)
    assert r.status == 303
    assert sql_value("SELECT COUNT(*) FROM classroom_slides WHERE id = %d"
                     % slide) == "0"
    assert not os.path.exists(path)
    assert c["lena"].get(room(sid) + "/slides/%d" % slide).status == 404


@test
def slides_refused(base):
    """not a PDF, no file, too large: refused and nothing stored"""
    sid, ids = setup()
    c = clients(base)
    for data, name in ((b"just some text, not a PDF\n" * 10, "notes.pdf"),
                       (b"%PDF-1.4\n" + b"x" * 4000, "cut.pdf"),
                       (b"<html>%PDF-1.4 %%EOF</html>", "page.pdf")):
        r = upload(c["tess"], sid, data, name=name)
        assert r.status == 422, (name, r)
        assert re.search(r'id="slide-error">[^<]*not a PDF', r.text), r.text
    r = c["tess"].post_multipart(room(sid) + "/slides", {}, [])
    assert r.status == 422 and 'id="slide-error"' in r.text
    limit = int(conf_value("upload_limit") or 10485760)
    big = b"%PDF-1.4\n" + b"0" * (limit + 1024) + b"\n%%EOF\n"
    r = upload(c["tess"], sid, big, name="big.pdf")
    assert r.status == 413, r
    assert sql_value("SELECT COUNT(*) FROM classroom_slides WHERE "
                     "session_id = %d" % sid) == "0"


@test
def slides_signed_address(base):
    """the conferencing server's signed, expiring, sign-in-free address"""
    sid, ids = setup()
    c = clients(base)
    assert upload(c["tess"], sid, PDF).status == 303
    slide = int(sql_value("SELECT MAX(id) FROM classroom_slides WHERE "
                          "session_id = %d" % sid))
    exp = int(time.time()) + 600
    anon = Client(base)
    r = anon.get("/files/slides/%d?exp=%d&sig=%s" % (slide, exp,
                                                     signed(slide, exp)))
    assert r.status == 200 and r.raw == PDF, r
    assert r.header("Content-Type") == "application/pdf"
    assert r.header("X-Content-Type-Options") == "nosniff"
    past = int(time.time()) - 5
    sig = signed(slide, exp)
    for q in ("exp=%d&sig=%s" % (past, signed(slide, past)),
              "exp=%d&sig=%s" % (exp + 1, sig),
              "exp=%d&sig=%s" % (exp, sig[:-1] + ("0" if sig[-1] != "0"
                                                  else "1")),
              "exp=%d&sig=%s" % (exp, signed(slide + 1, exp)),
              "exp=%d" % exp, "sig=%s" % sig, "exp=soon&sig=%s" % sig, ""):
        r = anon.get("/files/slides/%d?%s" % (slide, q))
        assert r.status == 403, (q, r)
        assert r.raw != PDF
    missing = 999999999
    r = anon.get("/files/slides/%d?exp=%d&sig=%s"
                 % (missing, exp, signed(missing, exp)))
    assert r.status == 404


# --- moderator controls ----------------------------------------------------------

@test
def moderator_promote_remove_lock(base):
    """promote, remove (and what that blocks), locks; each logged"""
    sid, ids = setup()
    c = clients(base)
    # Promote lena, who has not joined yet: the row is made.
    r = post(c["tess"], sid, "/participants/%d/promote" % ids["lena"])
    assert r.status == 303, r
    assert r.header("Location") == room(sid) + "#moderation"
    assert sql("SELECT promoted, removed, joins FROM classroom_participants "
               "WHERE session_id = %d AND user_id = %d"
               % (sid, ids["lena"])) == [["1", "0", "0"]]
    assert events(sid, "promoted") == [[str(ids["tess"]), str(ids["lena"])]]
    r = c["lena"].get(room(sid))
    assert 'id="moderation"' in r.text and 'id="poll-form"' in r.text
    # Promoting again changes nothing.
    post(c["tess"], sid, "/participants/%d/promote" % ids["lena"])
    assert len(events(sid, "promoted")) == 1
    # Remove liam: no room, no chat, no answers.
    post(c["liam"], sid, "/chat", {"body": "before"})
    r = post(c["lena"], sid, "/participants/%d/remove" % ids["liam"],
             {"confirm": "1"})
    assert r.status == 303, r
    assert sql_value("SELECT removed FROM classroom_participants WHERE "
                     "session_id = %d AND user_id = %d"
                     % (sid, ids["liam"])) == "1"
    assert events(sid, "removed") == [[str(ids["lena"]), str(ids["liam"])]]
    r = c["liam"].get(room(sid))
    assert r.status == 403 and r.has("You were removed from this session.")
    before = chat_count(sid)
    c["liam"].get("/")
    r = c["liam"].post(room(sid) + "/chat", {"body": "after"})
    assert r.status == 403 and chat_count(sid) == before
    sql("INSERT INTO classroom_polls (session_id, question, created_at) "
        "VALUES (%d, 'Q?', UTC_TIMESTAMP())" % sid)
    pid = int(sql_value("SELECT MAX(id) FROM classroom_polls"))
    sql("INSERT INTO classroom_poll_options (poll_id, idx, label) VALUES "
        "(%d, 1, 'a'), (%d, 2, 'b')" % (pid, pid))
    r = c["liam"].post(room(sid) + "/polls/%d/vote" % pid, {"option": "1"})
    assert r.status == 403
    r = c["liam"].post(room(sid) + "/presence", {"event": "join"})
    assert r.status == 403
    assert sql_value("SELECT COUNT(*) FROM classroom_poll_votes WHERE "
                     "poll_id = %d" % pid) == "0"
    # Promoting a removed person is refused.
    r = post(c["tess"], sid, "/participants/%d/promote" % ids["liam"])
    assert r.status == 409 and "was removed" in r.text
    # Admins, site admins and oneself stay.
    for target, who in ((ids["theo"], "tess"), (ids["admin"], "tess"),
                        (ids["tess"], "lena")):
        r = post(c[who], sid, "/participants/%d/remove" % target)
        assert r.status == 409, (target, r)
        assert re.search(r'id="mod-error">[^<]*cannot be removed', r.text)
    r = post(c["lena"], sid, "/participants/%d/remove" % ids["lena"])
    assert r.status == 409 and "You cannot remove yourself" in r.text
    assert c["tess"].get(room(sid)).status == 200
    assert sql_value("SELECT COUNT(*) FROM classroom_participants WHERE "
                     "session_id = %d AND removed = 1" % sid) == "1"
    # Not a participant at all.
    r = post(c["tess"], sid, "/participants/%d/promote" % ids["lucia"])
    assert r.status == 404
    r = post(c["tess"], sid, "/participants/999999999/promote")
    assert r.status == 404
    # The list shows everyone with their state.
    page = c["tess"].get(room(sid)).text
    row = re.search(r'id="person-%d" class="person">(.*?)</tr>'
                    % ids["liam"], page, re.S).group(1)
    assert "Removed" in row and "/remove#moderation" not in row
    row = re.search(r'id="person-%d" class="person">(.*?)</tr>'
                    % ids["lena"], page, re.S).group(1)
    assert "Promoted to moderator" in row and "/promote" not in row
    row = re.search(r'id="person-%d" class="person">(.*?)</tr>'
                    % ids["theo"], page, re.S).group(1)
    assert "Channel admin" in row and "<form" not in row
    # Locks for the next joins.
    r = post(c["tess"], sid, "/locks", {"lock_camera": "1"})
    assert r.status == 303
    assert sql("SELECT lock_camera, lock_mic FROM classroom_sessions WHERE "
               "id = %d" % sid) == [["1", "0"]]
    assert 'id="lock-camera" checked' in c["tess"].get(room(sid)).text
    r = post(c["tess"], sid, "/locks", {"lock_mic": "1"})
    assert sql("SELECT lock_camera, lock_mic FROM classroom_sessions WHERE "
               "id = %d" % sid) == [["0", "1"]]
    kinds = [k for (k,) in sql("SELECT kind FROM classroom_events WHERE "
                               "session_id = %d AND kind LIKE '%%lock%%' "
                               "ORDER BY id" % sid)]
    assert kinds == ["lock_camera", "unlock_camera", "lock_mic"], kinds
    assert sql_value("SELECT COUNT(DISTINCT actor_id) FROM classroom_events "
                     "WHERE session_id = %d AND kind LIKE '%%lock%%'"
                     % sid) == "1"


# --- presence ----------------------------------------------------------------------

def beacon(client, sid, event, csrf=True):
    """What navigator.sendBeacon(url, FormData) sends: multipart."""
    tok = client.get(room(sid)).csrf() if csrf else None
    fields = {"event": event}
    return client.post_multipart(room(sid) + "/presence", fields, [],
                                 csrf=tok if csrf else False)


@test
def presence_join_leave(base):
    """join and leave beacons keep joins, times and minutes"""
    sid, ids = setup()
    c = clients(base)
    where = "session_id = %d AND user_id = %d" % (sid, ids["lena"])
    r = beacon(c["lena"], sid, "join")
    assert r.status == 204 and r.raw == b"", r
    assert sql("SELECT joins, joined_as, first_join_at IS NOT NULL, "
               "last_join_at IS NOT NULL, minutes FROM "
               "classroom_participants WHERE " + where) == \
        [["1", "viewer", "1", "1", "0"]]
    sql("UPDATE classroom_participants SET first_join_at = first_join_at - "
        "INTERVAL 10 MINUTE, last_join_at = last_join_at - INTERVAL 10 "
        "MINUTE WHERE " + where)
    assert c["tess"].get(room(sid)).text.count("in the room now") == 1
    r = beacon(c["lena"], sid, "leave")
    assert r.status == 204
    assert sql("SELECT minutes, last_leave_at IS NOT NULL FROM "
               "classroom_participants WHERE " + where) == [["10", "1"]]
    # A second leave adds nothing.
    beacon(c["lena"], sid, "leave")
    assert sql_value("SELECT minutes FROM classroom_participants WHERE " +
                     where) == "10"
    # Rejoin: joins counted, first join kept.
    first = sql_value("SELECT first_join_at FROM classroom_participants "
                      "WHERE " + where)
    beacon(c["lena"], sid, "join")
    assert sql("SELECT joins, first_join_at FROM classroom_participants "
               "WHERE " + where) == [["2", first]]
    assert [k for (k,) in sql("SELECT kind FROM classroom_events WHERE "
                              "session_id = %d AND user_id = %d ORDER BY id"
                              % (sid, ids["lena"]))] == \
        ["joined", "left", "joined"]
    # A moderator joins as one.
    beacon(c["tess"], sid, "join")
    assert sql_value("SELECT joined_as FROM classroom_participants WHERE "
                     "session_id = %d AND user_id = %d"
                     % (sid, ids["tess"])) == "moderator"
    # No token, bad event, not a participant.
    r = beacon(c["liam"], sid, "join", csrf=False)
    assert r.status == 403
    assert beacon(c["liam"], sid, "wave").status == 400
    assert beacon(c["lucia"], sid, "join").status == 403
    assert sql_value("SELECT COUNT(*) FROM classroom_participants WHERE "
                     "session_id = %d AND user_id IN (%d, %d)"
                     % (sid, ids["liam"], ids["lucia"])) == "0"
    # The url-encoded form works as well.
    c["liam"].get(room(sid))
    assert c["liam"].post(room(sid) + "/presence",
                          {"event": "join"}).status == 204


# --- cost ------------------------------------------------------------------------------

@test
def room_constant_queries(base):
    """the room page costs the same with 5 or 200 chat messages"""
    c = clients(base)
    seen = {}
    for n in (5, 200):
        sid, ids = setup()
        sql("INSERT INTO classroom_chat (session_id, user_id, body, "
            "posted_at) VALUES " + ",".join(
                "(%d, %d, 'message %d', UTC_TIMESTAMP())"
                % (sid, ids["lena"] if i % 2 else ids["liam"], i)
                for i in range(n)))
        for k in range(3):
            sql("INSERT INTO classroom_polls (session_id, question, "
                "created_at) VALUES (%d, 'Q%d', UTC_TIMESTAMP())" % (sid, k))
            pid = int(sql_value("SELECT MAX(id) FROM classroom_polls"))
            sql("INSERT INTO classroom_poll_options (poll_id, idx, label) "
                "VALUES (%d, 1, 'a'), (%d, 2, 'b')" % (pid, pid))
        for who in ("tess", "lena"):
            r = c[who].get(room(sid))
            assert r.status == 200
            q = r.header("X-Lectern-Queries")
            assert q is not None, "the check config turns the query count on"
            seen.setdefault(who, set()).add(q)
        r = c["lena"].get(room(sid))
        shown = r.text.count('<li id="msg-')
        assert shown == min(n, 100), shown
        if n == 200:
            assert "message 199" in r.text and "message 99<" not in r.text
            assert "Only the latest 100 messages" in r.text
    for who, qs in seen.items():
        assert len(qs) == 1, (who, qs)


@test
def participants_pages(base):
    """the participants list pages by name with a constant query count"""
    tag = unique("Pk")
    sql("INSERT INTO users (name, email, role, created_at, updated_at) "
        "VALUES " + ",".join(
            "(%s, %s, 'learner', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
            % (sql_quote("%s %03d" % (tag, i)),
               sql_quote("%s-%03d@example.org" % (tag.lower(), i)))
            for i in range(120)))
    members = [int(x) for (x,) in sql(
        "SELECT id FROM users WHERE name LIKE '%s %%' ORDER BY name" % tag)]
    ch = new_channel(admins=[user_id("teacher", 0)], members=members)
    sid = new_session(ch)
    tess = signed_in(base, "teacher", 0)
    path, seen, counts, pages = room(sid), [], set(), 0
    while path and pages < 10:
        r = tess.get(path)
        assert r.status == 200, r
        pages += 1
        counts.add(r.header("X-Lectern-Queries"))
        seen += [int(x) for x in re.findall(
            r'<tr id="person-(\d+)" class="person">', r.text)]
        m = re.search(r'href="([^"]+)" id="next-people"', r.text)
        path = m.group(1).replace("&amp;", "&") if m else None
    assert pages == 3, pages
    assert [x for x in seen if x in members] == members
    assert len(seen) == len(set(seen)) == 121
    assert len(counts) == 1, counts


@test
def lesson_room(base):
    """a live lesson's room: its teacher moderates, its learners take part"""
    t, l1, l2 = user_id("teacher", 1), user_id("learner", 3), \
        user_id("learner", 4)
    cid, _ = new_course()
    start = datetime.datetime.now(datetime.timezone.utc).replace(
        microsecond=0, tzinfo=None)
    live = insert_session(t, cid, start, 45, [l1], status="active",
                          title=unique("Lesson room "))
    meeting = uuid.uuid4().hex
    sql("INSERT INTO classroom_sessions (live_session_id, provider, "
        "meeting_id, name, status, active_key, started_at, created_at, "
        "updated_at) VALUES (%d, 'jitsi', '%s', 'Lesson', 'active', 'l%d', "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (live, meeting, live))
    sid = int(sql_value("SELECT id FROM classroom_sessions WHERE "
                        "meeting_id = '%s'" % meeting))
    teacher = signed_in(base, "teacher", 1)
    r = teacher.get(room(sid))
    assert r.status == 200 and 'id="end-form"' in r.text
    assert 'href="/platform/sessions/%d"' % live in r.text
    row = re.search(r'id="person-%d" class="person">(.*?)</tr>' % t,
                    r.text, re.S)
    assert row and "Teacher" in row.group(1)
    assert 'id="person-%d"' % l1 in r.text
    assert 'id="person-%d"' % l2 not in r.text
    learner = signed_in(base, "learner", 3)
    r = learner.get(room(sid))
    assert r.status == 200 and 'id="moderation"' not in r.text
    assert signed_in(base, "learner", 4).get(room(sid)).status == 403
    r = post(learner, sid, "/chat", {"body": "Hi teacher"})
    assert r.status == 303 and chat_count(sid) == 1
    r = post(learner, sid, "/participants/%d/remove" % t)
    assert r.status == 403
    r = post(teacher, sid, "/participants/%d/remove" % t)
    assert r.status == 409


# --- destructive actions ask first --------------------------------------------

def question(r, action, what, button):
    """r is the page that asks before acting: it says what, and its form
    posts to action again with confirm=1 behind a button named button."""
    assert r.status == 200, r
    m = re.search(r'<p class="notice" id="confirm-what">([^<]*)</p>', r.text)
    assert m and html.unescape(m.group(1)) == what, r.text
    form = re.search(r'<form method="post" action="([^"]*)"[^>]*'
                     r'id="confirm-form">(.*?)</form>', r.text, re.S)
    assert form and form.group(1) == action, r.text
    assert '<input type="hidden" name="confirm" value="1">' in form.group(2)
    assert 'id="confirm-button">%s</button>' % html.escape(button) in \
        form.group(2), form.group(2)


@test
def end_session_asks_first(base):
    """End Session asks first and says what it does; only confirm=1 ends"""
    sid, ids = setup()
    c = clients(base)
    path = room(sid) + "/end"
    r = post(c["tess"], sid, "/end")
    question(r, path, "Everyone in the room is disconnected.", "End Session")
    assert 'href="/platform/channels/%d" id="confirm-back">Keep the '\
        'session running</a>' % ids["channel"] in r.text
    assert sql_value("SELECT status FROM classroom_sessions WHERE id = %d"
                     % sid) == "active"
    assert events(sid, "ended") == []
    # A recorded session says the recording stops; an empty confirm asks.
    sql("UPDATE classroom_sessions SET record = 1 WHERE id = %d" % sid)
    r = post(c["tess"], sid, "/end", {"confirm": ""})
    question(r, path, "Everyone in the room is disconnected and the "
             "recording stops.", "End Session")
    assert sql_value("SELECT status FROM classroom_sessions WHERE id = %d"
                     % sid) == "active"
    # A member cannot end it, confirmed or not.
    for fields in ({}, {"confirm": "1"}):
        assert post(c["lena"], sid, "/end", fields).status == 403
    # With Jitsi nobody is disconnected: the page does not claim it.
    sql("UPDATE classroom_sessions SET provider = 'jitsi' WHERE id = %d"
        % sid)
    r = post(c["tess"], sid, "/end")
    question(r, path, "Nobody can join the session any more. People "
             "already in the video room stay until they leave it, or "
             "until you end it for all from inside the room.",
             "End Session")
    sql("UPDATE classroom_sessions SET provider = 'bbb' WHERE id = %d" % sid)
    # The confirming form ends it.
    r = c["tess"].post(path, {"confirm": "1"}, csrf=r.csrf())
    assert r.status == 303 and r.header("Location") == \
        "/platform/channels/%d" % ids["channel"], r
    assert sql_value("SELECT status FROM classroom_sessions WHERE id = %d"
                     % sid) == "ended"
    assert events(sid, "ended") == [[str(ids["tess"]), "0"]]
    # Ended already: no question, the same message as before.
    r = post(c["tess"], sid, "/end")
    assert r.status == 303
    assert "This session had already ended." in \
        c["tess"].get(r.header("Location")).text


@test
def remove_participant_asks_first(base):
    """Remove asks first, naming the person; only confirm=1 removes"""
    sid, ids = setup()
    c = clients(base)
    name = sql_value("SELECT name FROM users WHERE id = %d" % ids["liam"])
    path = room(sid) + "/participants/%d/remove" % ids["liam"]
    r = post(c["tess"], sid, "/participants/%d/remove" % ids["liam"])
    question(r, path, "%s leaves this session and cannot join it again, "
             "nor chat on its room page. If they are in the conferencing "
             "room now, remove them there too." % name, "Remove " + name)
    assert 'href="%s#moderation" id="confirm-back">Keep them in the '\
        'session</a>' % room(sid) in r.text
    assert events(sid, "removed") == []
    assert sql_value("SELECT COUNT(*) FROM classroom_participants WHERE "
                     "session_id = %d AND removed = 1" % sid) == "0"
    assert c["liam"].get(room(sid)).status == 200
    # Refusals come before the question.
    r = post(c["lena"], sid, "/participants/%d/remove" % ids["liam"],
             {"confirm": "1"})
    assert r.status == 403
    r = post(c["tess"], sid, "/participants/%d/remove" % ids["theo"])
    assert r.status == 409 and 'id="confirm-form"' not in r.text
    # The confirming form removes.
    r = c["tess"].post(path, {"confirm": "1"}, csrf=r.csrf())
    assert r.status == 303 and r.header("Location") == \
        room(sid) + "#moderation", r
    assert events(sid, "removed") == [[str(ids["tess"]), str(ids["liam"])]]
    assert c["liam"].get(room(sid)).status == 403
    # Removed already: nothing to ask.
    r = post(c["tess"], sid, "/participants/%d/remove" % ids["liam"])
    assert r.status == 303
    assert len(events(sid, "removed")) == 1


# --- the summary in words -------------------------------------------------------

@test
def summary_says_events_in_words(base):
    """the summary's events and recordings read as sentences: no provider
    ids, no internal reasons, the recording's length labelled apart from
    the time processing takes"""
    sid, ids = setup(status="ended")
    rid = "%s-%d" % (hashlib.sha1(os.urandom(8)).hexdigest(), 1700000000000)
    sql("UPDATE classroom_sessions SET end_reason = 'provider' WHERE id = %d"
        % sid)
    for kind, actor, detail in (
            ("poll", ids["tess"], "created: Ready?"),
            ("poll", ids["tess"], "closed: Ready?"),
            ("slides", ids["tess"], "uploaded: deck.pdf"),
            ("slides", ids["tess"], "deleted: deck.pdf"),
            ("ended", None, "by the provider; recording processing"),
            ("recording", None, rid)):
        sql("INSERT INTO classroom_events (session_id, kind, actor_id, "
            "detail, at) VALUES (%d, '%s', %s, %s, UTC_TIMESTAMP())"
            % (sid, kind, actor or "NULL", sql_quote(detail)))
    sql("INSERT INTO classroom_recordings (session_id, record_id, state, "
        "start_time, end_time, updated_at) VALUES (%d, %s, 'processing', "
        "1700000000000, 1700000030000, UTC_TIMESTAMP())"
        % (sid, sql_quote(rid)))
    r = clients(base)["lena"].get(room(sid) + "/summary")
    assert r.status == 200, r
    ev = re.search(r'<section class="card" id="events">(.*?)</section>',
                   r.text, re.S).group(1)
    lines = [re.sub(r'<span class="muted">[^<]*</span> ', "", li)
             for li in re.findall(r"<li>(.*?)</li>", ev)]
    tess = html.escape(sql_value("SELECT name FROM users WHERE id = %d"
                                 % ids["tess"]))
    assert lines == [
        tess + ": Started a poll — Ready?",
        tess + ": Closed a poll — Ready?",
        tess + ": Added slides — deck.pdf",
        tess + ": Deleted slides — deck.pdf",
        "Lectern: Ended the session — the conferencing server closed the "
        "meeting; its recording is being processed",
        "Lectern: Received a recording"], lines
    assert rid not in r.text
    assert '<dd id="end-reason">Closed by the conferencing server</dd>' in \
        r.text
    rec = re.search(r'<li id="recording-\d+" class="recording processing">'
                    r'(.*?)</li>', r.text, re.S).group(1)
    assert '<span class="state">Processing: usually ready 10–30 minutes ' \
        'after the session ends</span> · <span class="length">Length: ' \
        'under a minute</span>' in rec, rec


# --- avatars --------------------------------------------------------------------

@test
def avatars_initials_and_colour_by_user(base):
    """an avatar shows the first letters of the first and last words of
    the name, in a colour class that follows the user's id: people with
    the same initials still look different"""
    sid, ids = setup(status="ended")
    email = unique("ada") + "@example.org"
    sql("INSERT INTO users (name, email, password_hash, role, created_at, "
        "updated_at) VALUES ('  ada  de la Lovelace ', %s, '', 'learner', "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % sql_quote(email))
    ada = int(sql_value("SELECT id FROM users WHERE email = %s"
                        % sql_quote(email)))
    people = (ids["lena"], ids["liam"], ada)
    for n, uid in enumerate(people):
        sql("INSERT INTO classroom_participants (session_id, user_id, "
            "joined_as, joins, first_join_at) VALUES (%d, %d, 'viewer', 1, "
            "UTC_TIMESTAMP() + INTERVAL %d SECOND)" % (sid, uid, n))
    def initials(uid):
        words = sql_value("SELECT name FROM users WHERE id = %d"
                          % uid).split()
        return (words[0][0] + (words[-1][0] if len(words) > 1 else "")) \
            .upper()

    want = {uid: ("avatar-c%d" % (uid % 8), initials(uid)) for uid in people}
    assert want[ada][1] == "AL"
    # Lena and Liam Learner share their initials, not their colour.
    assert want[ids["lena"]][1] == want[ids["liam"]][1] == "LL"
    assert want[ids["lena"]][0] != want[ids["liam"]][0]
    r = clients(base)["lena"].get(room(sid) + "/summary")
    for uid in people:
        row = re.search(r'id="person-%d"><td[^>]*><span class="([^"]+)" '
                        r'aria-hidden="true">([^<]+)</span>' % uid, r.text)
        assert row and row.groups() == ("avatar " + want[uid][0],
                                        want[uid][1]), (uid, row)
    # The channel page's card of the session: the same faces.
    r = signed_in(base, "teacher", 0).get("/platform/channels/%d"
                                          % ids["channel"])
    card = re.search(r'id="past-%d">(.*?)</li>' % sid, r.text, re.S)
    assert card, r.text
    faces = re.findall(r'<span class="avatar ([^"]+)" title="[^"]*" '
                       r'role="img" aria-label="([^"]*)">([^<]+)</span>',
                       card.group(1))
    assert [(c, t) for c, _, t in faces] == [want[u] for u in people], faces
    assert 'role="group" aria-label="3 participants"' in card.group(1)


# --- accessible names -----------------------------------------------------------

@test
def buttons_named_as_they_read(base):
    """the buttons acting on one person say their visible words first and
    the person after them, hidden from sight (no aria-label that differs
    from the words shown); the chat log is a labelled log the keyboard
    reaches"""
    sid, ids = setup()
    lena = html.escape(sql_value("SELECT name FROM users WHERE id = %d"
                                 % ids["lena"]))
    c = signed_in(base, "admin")
    r = c.get("/admin/channels/%d" % ids["channel"])
    assert r.status == 200
    row = re.search(r'<tr id="member-%d">(.*?)</tr>' % ids["lena"], r.text,
                    re.S).group(1)
    assert "aria-label" not in row, row
    for words, rest in (("Make channel admin", ": "), ("Remove", " ")):
        assert '>%s<span class="visually-hidden">%s%s</span></button>' \
            % (words, rest, lena) in row, (words, row)
    r = c.get("/admin/channels/%d?find=%s" % (ids["channel"], "lucia"))
    row = re.search(r'<tr id="candidate-%d">(.*?)</tr>' % ids["lucia"],
                    r.text, re.S)
    assert row and "aria-label" not in row.group(1), r.text
    assert '>Add<span class="visually-hidden"> ' in row.group(1)
    r = signed_in(base, "teacher", 0).get(room(sid))
    log = re.search(r'<ol class="chat-log"[^>]*>', r.text).group(0)
    for attr in ('role="log"', 'aria-labelledby="chat-title"',
                 'tabindex="0"'):
        assert attr in log, log
    row = re.search(r'id="person-%d" class="person">(.*?)</tr>'
                    % ids["lena"], r.text, re.S).group(1)
    assert '>Remove<span class="visually-hidden"> %s</span></button>' \
        % lena in row, row


# --- the summary's chat in pages ---------------------------------------------------

def chat_rows(sid, uid, n):
    sql("INSERT INTO classroom_chat (session_id, user_id, body, posted_at) "
        "VALUES " + ", ".join("(%d, %d, 'msg %d<x>%s', UTC_TIMESTAMP())"
                              % (sid, uid, i, "\\nsecond line" if i == 0
                                 else "") for i in range(n)))
    return [int(v) for (v,) in sql("SELECT id FROM classroom_chat WHERE "
                                   "session_id = %d ORDER BY id" % sid)]


@test
def summary_chat_pages_and_download(base):
    """the summary's chat pages by id with the same queries for 10 or 2,000 messages, every one reachable, and downloads as text"""
    c = clients(base)
    seen_summary, seen_page = set(), set()
    for n in (10, 2000):
        sid, ids = setup()
        want = chat_rows(sid, ids["lena"], n)
        r = c["liam"].get(room(sid) + "/summary")
        assert r.status == 200, r
        seen_summary.add(r.header("X-Lectern-Queries"))
        got = [int(x) for x in re.findall(r'<li id="chat-(\d+)"', r.text)]
        assert got == want[:100], (n, len(got))
        assert 'id="chat-download"' in r.text
        assert ("Next messages" in r.text) == (n > 100)
        assert "msg 0&lt;x&gt;" in r.text
        path, walked, pages = room(sid) + "/summary/chat", [], 0
        while path:
            r = c["liam"].get(path)
            assert r.status == 200, r
            seen_page.add(r.header("X-Lectern-Queries"))
            walked += [int(x) for x in
                       re.findall(r'<li id="chat-(\d+)"', r.text)]
            pages += 1
            m = re.search(r'rel="next" href="([^"]+)"', r.text)
            path = html.unescape(m.group(1)) if m else None
        assert walked == want and pages == (n + 99) // 100, (n, pages)
        r = c["liam"].get(room(sid) + "/summary/chat/download")
        assert r.status == 200, r
        assert r.header("Content-Type").startswith("text/plain")
        assert "attachment" in r.header("Content-Disposition")
        lines = [l for l in r.text.split("\n") if ": msg " in l]
        assert len(lines) == n, len(lines)
        assert "msg %d<x>" % (n - 1) in r.text
        assert "\n  second line\n" in r.text
        # Same access as the summary.
        assert c["lucia"].get(room(sid) + "/summary/chat").status == 404
        assert c["lucia"].get(room(sid) +
                              "/summary/chat/download").status == 404
        assert c["liam"].get(room(sid) +
                             "/summary/chat?after_id=abc").status == 400
    assert len(seen_summary) == 1 and None not in seen_summary, seen_summary
    assert len(seen_page) == 1 and None not in seen_page, seen_page
    assert c["liam"].get("/platform/classroom/999999999/summary/chat"
                         ).status == 404


@test
def locks_fixed_once_the_room_is_open(base):
    """before the first join the locks can change; once the meeting exists the form is gone and a POST is refused"""
    sid, ids = setup()
    c = clients(base)
    r = post(c["tess"], sid, "/locks", {"lock_camera": "1"})
    assert r.status == 303, r
    page = c["tess"].get(room(sid)).text
    assert 'id="lock-form"' in page and 'id="locks-fixed"' not in page
    # The first join made the meeting on the conferencing server.
    sql("UPDATE classroom_sessions SET create_time = 1700000000000 WHERE "
        "id = %d" % sid)
    page = c["tess"].get(room(sid)).text
    assert 'id="lock-form"' not in page and 'id="locks-fixed"' in page
    assert "Lock viewers" in page and "Cameras locked" in page
    events = sql_value("SELECT COUNT(*) FROM classroom_events WHERE "
                       "session_id = %d" % sid)
    r = post(c["tess"], sid, "/locks", {"lock_mic": "1"})
    assert r.status == 409 and "Nothing was changed" in r.text, r
    assert "Lock viewers" in r.text
    assert sql("SELECT lock_camera, lock_mic FROM classroom_sessions WHERE "
               "id = %d" % sid) == [["1", "0"]]
    assert sql_value("SELECT COUNT(*) FROM classroom_events WHERE "
                     "session_id = %d" % sid) == events
