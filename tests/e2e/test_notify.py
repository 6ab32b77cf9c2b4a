"""Notifications: what a live session change writes to the outbox and the
in-app list (in the same transaction as the change), what "lecternctl
worker" delivers to the SMTP sink (a Maildir) or through sendmail, the
24-hour reminders, exactly-once delivery across a killed worker and an
unreachable mail server, the notifications page, and the private
calendar feed."""

import datetime
import email
import email.policy
import hashlib
import os
import re
import signal
import subprocess
import tempfile
import time
import zoneinfo

from lectern import BUILD, CONF, Client, create_user, ctl, signed_in, sql, \
    sql_value, test, test_once, unique
from test_schedule import create, created_id, enroll, form, new_course

MAILDIR = os.environ.get("LECTERN_TEST_MAILDIR", "")
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
NEW_YORK = zoneinfo.ZoneInfo("America/New_York")
UTC = datetime.timezone.utc


# --- helpers ----------------------------------------------------------------

def conf_value(key):
    with open(CONF) as f:
        for line in f:
            m = re.match(r"\s*%s\s*=\s*(.*?)\s*$" % key, line)
            if m:
                value = m.group(1)
    return value


def base_url():
    return conf_value("base_url").rstrip("/")


def worker(*args, env=None):
    """One worker pass (or what args say); (exit code, output)."""
    e = {"LECTERN_WORKER_BATCH": "10000"}
    e.update(env or {})
    return ctl("worker", *args, env=e)


def pending():
    return int(sql_value("SELECT COUNT(*) FROM outbox WHERE status = "
                         "'pending' AND next_attempt_at <= UTC_TIMESTAMP()"))


def drain():
    """Deliver everything due, so that a test starts with an empty queue."""
    for _ in range(5):
        rc, out = worker()
        assert rc == 0, out
        if pending() == 0:
            return
    raise AssertionError("the queue does not drain: " + out)


_parsed = {}


def mails(to=None):
    """The messages in the sink (to one address), parsed: [(file,
    message)] in outbox order.  Each file is parsed once: the Maildir of
    a whole test run is large, and the tests that race a worker poll."""
    assert MAILDIR, "LECTERN_TEST_MAILDIR is not set"
    out = []
    for sub in ("new", "cur"):
        d = os.path.join(MAILDIR, sub)
        for name in os.listdir(d) if os.path.isdir(d) else []:
            path = os.path.join(d, name)
            if path not in _parsed:
                with open(path, "rb") as f:
                    _parsed[path] = email.message_from_binary_file(
                        f, policy=email.policy.default)
            msg = _parsed[path]
            if to is None or to in str(msg["To"]):
                out.append((path, msg))
    # In the order the outbox has them (their Message-IDs say which).
    out.sort(key=lambda pm: outbox_id_of(pm[1]))
    return out


def body(msg):
    return msg.get_content()


def outbox_ids(*emails):
    rows = sql("SELECT id FROM outbox WHERE to_address IN (%s) ORDER BY id"
               % ", ".join("'%s'" % e for e in emails))
    return [int(r[0]) for r in rows]


def message_ids(msgs):
    return [str(m["Message-ID"]) for _, m in msgs]


def outbox_id_of(msg):
    m = re.fullmatch(r"<lectern\.outbox\.(\d+)@[^>]+>", str(msg["Message-ID"]))
    assert m, msg["Message-ID"]
    return int(m.group(1))


def world(base, zones=("Europe/Berlin", "America/New_York")):
    """A new teacher (in UTC) and new learners in the given zones, all
    enrolled in a new course with a lesson; the teacher signed in."""
    admin = signed_in(base)
    tid, temail, tpw = create_user(admin, "teacher", timezone="UTC")
    learners = []
    for tz in zones:
        learners.append(create_user(admin, "learner", timezone=tz))
    cid, lessons = new_course(1)
    enrolls = [enroll(lid, cid, tid) for lid, _, _ in learners]
    teacher = Client(base)
    assert teacher.login(temail, tpw).status == 303
    return {"admin": admin, "tid": tid, "temail": temail, "teacher": teacher,
            "learners": learners, "cid": cid, "lesson": lessons[0],
            "enrolls": enrolls}


def group_form(w, start_utc, title, notes="", learners=None, minutes=45):
    """The session form for a group of learners at a UTC instant (the
    teacher types UTC: that is their zone)."""
    fields = form(w["cid"], start_utc.strftime("%Y-%m-%d"),
                  start_utc.strftime("%H:%M"), meeting_type="group",
                  title=title, notes=notes, lesson=str(w["lesson"]),
                  duration=str(minutes))
    for lid in learners if learners is not None else \
            [l[0] for l in w["learners"]]:
        fields.append(("learner", str(lid)))
    return fields


def far_january():
    """13:00 UTC on a January day far ahead: Berlin is on CET (14:00) and
    New York on EST (08:00)."""
    year = datetime.date.today().year + 20 + int.from_bytes(os.urandom(2),
                                                             "big") % 150
    day = 5 + int.from_bytes(os.urandom(1), "big") % 20
    return datetime.datetime(year, 1, day, 13, 0)


def local(dt_utc, zone):
    return dt_utc.replace(tzinfo=UTC).astimezone(zone)


def fmt_when(dt_utc, zone, minutes=45):
    """How the messages write a session's time for a reader in zone."""
    s = local(dt_utc, zone)
    e = local(dt_utc + datetime.timedelta(minutes=minutes), zone)
    return "%s %s, %s\u2013%s (%s %s)" % (
        s.strftime("%A"), s.strftime("%Y-%m-%d"), s.strftime("%H:%M"),
        e.strftime("%H:%M"), zone.key, s.tzname())


def kinds(uid):
    return [r[0] for r in sql("SELECT kind FROM outbox WHERE user_id = %d "
                              "ORDER BY id" % uid)]


# --- outbox rows written with the change -------------------------------------

@test
def notify_session_lifecycle(base):
    """create, edit, cancel and complete a session through the forms:
    per-reader mails in the reader's zone, with the link and unique ids"""
    w = world(base)
    (l1, e1, _), (l2, e2, _) = w["learners"]
    url = base_url()
    start = far_january()
    title = unique("\u00dcbung Pr\u00e4sens ")
    r = create(w["teacher"], group_form(w, start, title, notes="Bring a map."))
    sid = created_id(r)
    # The teacher made it: only the learners hear of it, once each.
    assert kinds(l1) == ["session_scheduled"]
    assert kinds(l2) == ["session_scheduled"]
    assert kinds(w["tid"]) == []
    assert int(sql_value("SELECT COUNT(*) FROM notifications WHERE user_id "
                         "IN (%d, %d) AND link = '/platform/sessions/%d'"
                         % (l1, l2, sid))) == 2
    # Edit: a new time, and the second learner taken off.
    later = start + datetime.timedelta(hours=2)
    w["teacher"].get("/platform/sessions/%d/edit" % sid)
    r = w["teacher"].post("/platform/sessions/%d/edit" % sid,
                          group_form(w, later, title, notes="Bring a map.",
                                     learners=[l1]))
    assert r.status == 303, r
    assert kinds(l1) == ["session_scheduled", "session_changed"]
    assert kinds(l2) == ["session_scheduled", "session_removed"]
    # Cancel with a reason.
    w["teacher"].get("/platform/sessions/%d" % sid)
    r = w["teacher"].post("/platform/sessions/%d/cancel" % sid,
                          {"reason": "The teacher is ill.",
                           "confirm": "1"})
    assert r.status == 303, r
    assert kinds(l1)[-1] == "session_canceled"
    assert kinds(l2)[-1] == "session_removed"
    # An administrator plans one for the teacher: the teacher hears too.
    admin = w["admin"]
    admin.get("/platform/sessions/new?teacher=%d" % w["tid"])
    f = group_form(w, start + datetime.timedelta(days=1), title + " B")
    f.append(("teacher", str(w["tid"])))
    sid2 = created_id(admin.post("/platform/sessions/new", f))
    assert kinds(w["tid"]) == ["session_scheduled"]

    rc, out = worker()
    assert rc == 0, out
    box1 = mails(e1)
    box2 = mails(e2)
    boxt = mails(w["temail"])
    assert [str(m["Subject"]).split(":")[0] for _, m in box1] == [
        "Live session scheduled", "Live session changed",
        "Live session canceled", "Live session scheduled"], \
        [m["Subject"] for _, m in box1]
    assert len(box2) == 3 and len(boxt) == 1
    # Recipients, subject (RFC 2047 decoded), zone and time of each reader.
    first = box1[0][1]
    assert e1 in str(first["To"]) and first["X-RcptTo"] == e1
    assert str(first["Subject"]) == \
        "Live session scheduled: %s on %s at 14:00 CET" \
        % (title, start.strftime("%Y-%m-%d")), first["Subject"]
    with open(box1[0][0], "rb") as f:
        assert b"\nSubject: =?UTF-8?B?" in b"\n" + f.read()
    text = body(first)
    assert fmt_when(start, BERLIN) in text, text
    assert "%s/platform/sessions/%d" % (url, sid) in text
    assert "Bring a map." in text
    ny = body(box2[0][1])
    assert fmt_when(start, NEW_YORK) in ny and "08:00" in ny, ny
    assert str(box2[0][1]["Subject"]).endswith("at 08:00 EST")
    changed = body(box1[1][1])
    assert "It moves to " + fmt_when(later, BERLIN) in changed, changed
    assert "(it was " + fmt_when(start, BERLIN) + ")" in changed
    assert "took you off" in body(box2[1][1])
    canceled = body(box1[2][1])
    assert "Reason: The teacher is ill." in canceled, canceled
    assert "stays available" in canceled
    tmail = body(boxt[0][1])
    assert "scheduled a live session for you to teach" in tmail
    assert "%s/platform/sessions/%d" % (url, sid2) in tmail
    # Headers of a proper message.
    for _, m in box1 + box2 + boxt:
        assert m["Date"] and m["MIME-Version"] == "1.0"
        assert m.get_content_type() == "text/plain"
        assert m.get_content_charset() == "utf-8"
        assert "Lectern Demo School" in str(m["From"])
    # Every message once: Message-IDs unique, one per outbox row.
    ids = message_ids(box1 + box2 + boxt)
    assert len(ids) == len(set(ids))
    assert sorted(outbox_id_of(m) for _, m in box1 + box2 + boxt) == \
        outbox_ids(e1, e2, w["temail"])


@test
def notify_followup_after_completion(base):
    """Mark as Completed holds the follow-up for the notes; saving the
    attendance sends it with the notes and the learner's next session"""
    w = world(base, zones=("Europe/Berlin",))
    (l1, e1, _), = w["learners"]
    now = datetime.datetime.utcnow().replace(second=0, microsecond=0)
    soon = now + datetime.timedelta(minutes=3)
    sid = created_id(create(w["teacher"], group_form(w, soon, unique("Now "))))
    after = now + datetime.timedelta(days=3)
    nid = created_id(create(w["teacher"], group_form(
        w, after, unique("Next "), notes="Read chapter 2.")))
    t = w["teacher"]
    t.get("/platform/sessions/%d" % sid)
    assert t.post("/platform/sessions/%d/start" % sid).status == 303
    t.get("/platform/sessions/%d" % sid)
    assert t.post("/platform/sessions/%d/complete" % sid).status == 303
    rows = sql("SELECT status, next_attempt_at > UTC_TIMESTAMP() FROM outbox "
               "WHERE dedupe_key = 'followup:%d:%d'" % (sid, l1))
    assert rows == [["pending", "1"]], rows       # held for the notes
    assert kinds(w["tid"]) == []
    t.get("/platform/sessions/%d" % sid)
    r = t.post("/platform/sessions/%d/attendance" % sid,
               {"att_%d" % l1: "present",
                "session_notes": "We practised the past tense.\nHomework: "
                                 "page 12."})
    assert r.status == 303, r
    rows = sql("SELECT status, next_attempt_at <= UTC_TIMESTAMP() FROM outbox "
               "WHERE dedupe_key = 'followup:%d:%d'" % (sid, l1))
    assert rows == [["pending", "1"]], rows       # released
    rc, out = worker()
    assert rc == 0, out
    follow = [m for _, m in mails(e1)
              if str(m["Subject"]).startswith("After your live session")]
    assert len(follow) == 1
    text = body(follow[0])
    assert "Homework: page 12." in text, text
    assert fmt_when(after, BERLIN) in text, text
    assert "%s/platform/sessions/%d" % (base_url(), nid) in text
    # Saving again after it went out sends nothing more.
    t.get("/platform/sessions/%d" % sid)
    t.post("/platform/sessions/%d/attendance" % sid,
           {"att_%d" % l1: "late", "session_notes": "Changed."})
    assert sql_value("SELECT COUNT(*) FROM outbox WHERE dedupe_key = "
                     "'followup:%d:%d'" % (sid, l1)) == "1"
    assert sql_value("SELECT status FROM outbox WHERE dedupe_key = "
                     "'followup:%d:%d'" % (sid, l1)) == "sent"


@test
def notify_nothing_when_the_change_fails(base):
    """a change refused inside its transaction (the teacher is
    double-booked) leaves no outbox row and no notification"""
    w = world(base, zones=("Europe/Berlin",))
    (l1, _, _), = w["learners"]
    start = far_january()
    created_id(create(w["teacher"], group_form(w, start, unique("First "))))
    before = (sql_value("SELECT COUNT(*) FROM outbox"),
              sql_value("SELECT COUNT(*) FROM notifications"))
    r = create(w["teacher"], group_form(
        w, start + datetime.timedelta(minutes=15), unique("Clash ")))
    assert r.status == 422 and r.has("already has a session"), r
    assert (sql_value("SELECT COUNT(*) FROM outbox"),
            sql_value("SELECT COUNT(*) FROM notifications")) == before
    assert kinds(l1) == ["session_scheduled"]


@test
def notify_rule_once_not_per_session(base):
    """a recurring schedule rule sends one note; its generated sessions
    send none each"""
    w = world(base, zones=("America/New_York",))
    (l1, e1, _), = w["learners"]
    eid = w["enrolls"][0]
    t = w["teacher"]
    t.get("/platform/enrollments/%d/rules/new" % eid)
    today = datetime.datetime.now(BERLIN).date()
    r = t.post("/platform/enrollments/%d/rules/new" % eid,
               {"day_mon": "1", "day_thu": "1", "time": "14:00",
                "length": "45", "start_date": today.isoformat(),
                "end_date": ""})
    assert r.status == 303, r
    rule = int(sql_value("SELECT MAX(id) FROM schedule_rules WHERE "
                         "enrollment_id = %d" % eid))
    made = int(sql_value("SELECT COUNT(*) FROM live_sessions WHERE "
                         "rule_id = %d" % rule))
    assert made >= 4
    assert kinds(l1) == ["rule_added"]
    subject, text = sql("SELECT subject, body FROM outbox WHERE user_id = %d"
                        % l1)[0]
    assert "Monday and Thursday at 14:00" in subject, subject
    assert "America/New_York" in text or "Next lesson" in text
    # A generator run adds nothing to the outbox either.
    rc, out = ctl("generate")
    assert rc == 0, out
    assert kinds(l1) == ["rule_added"]
    # Deleting the rule sends one more note.
    t.get("/platform/enrollments/%d" % eid)
    r = t.post("/platform/enrollments/%d/rules/%d/delete" % (eid, rule))
    assert r.status == 303, r
    assert kinds(l1) == ["rule_added", "rule_removed"]


# --- the worker ---------------------------------------------------------------

@test_once
def notify_reminder_exactly_once(base):
    """the 24-hour reminder goes out once per reader across worker runs;
    a moved session gets a new one"""
    w = world(base, zones=("Europe/Berlin",))
    (l1, e1, _), = w["learners"]
    drain()
    start = datetime.datetime.utcnow().replace(second=0, microsecond=0) + \
        datetime.timedelta(hours=3)
    title = unique("Soon ")
    sid = created_id(create(w["teacher"], group_form(
        w, start, title, notes="Prepare five questions.")))
    for _ in range(2):
        rc, out = worker()
        assert rc == 0, out

    def reminders(addr):
        return [m for _, m in mails(addr)
                if str(m["Subject"]).startswith("Reminder:")]
    mine = reminders(e1)
    assert len(mine) == 1, [m["Subject"] for m in mine]
    assert len(reminders(w["temail"])) == 1
    text = body(mine[0])
    assert fmt_when(start, BERLIN) in text, text
    assert "%s/platform/sessions/%d" % (base_url(), sid) in text
    assert "What to prepare" in text and "Prepare five questions." in text
    lesson = sql_value("SELECT title FROM course_lessons WHERE id = %d"
                       % w["lesson"])
    assert lesson in text
    assert "Join Session" in text
    assert sql_value("SELECT COUNT(*) FROM notifications WHERE user_id = %d "
                     "AND kind = 'session_reminder'" % l1) == "1"
    # Moved: one new reminder for the new time, none again for the old.
    moved = start + datetime.timedelta(hours=1)
    w["teacher"].get("/platform/sessions/%d/edit" % sid)
    r = w["teacher"].post("/platform/sessions/%d/edit" % sid, group_form(
        w, moved, title, notes="Prepare five questions."))
    assert r.status == 303, r
    for _ in range(2):
        rc, out = worker()
        assert rc == 0, out
    mine = reminders(e1)
    assert len(mine) == 2, [m["Subject"] for m in mine]
    assert fmt_when(moved, BERLIN) in body(mine[1])


def start_worker(*args, delay_ms=0, extra=None):
    """lecternctl worker in the background."""
    env = dict(os.environ, LECTERN_WORKER_BATCH="10000")
    if delay_ms:
        env["LECTERN_WORKER_DELAY_MS"] = str(delay_ms)
    env.update(extra or {})
    return subprocess.Popen(
        [os.path.join(BUILD, "cgi", "lecternctl"), "worker"] + list(args),
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def make_messages(base, n):
    """n new outbox rows for one new learner (sessions made through the
    form); returns (learner email, their outbox ids)."""
    w = world(base, zones=("Europe/Berlin",))
    (l1, e1, _), = w["learners"]
    start = far_january()
    for i in range(n):
        created_id(create(w["teacher"], group_form(
            w, start + datetime.timedelta(hours=i), unique("Batch "))))
    ids = outbox_ids(e1)
    assert len(ids) == n
    mails()         # parse what is there now, before racing a worker
    return e1, ids


@test_once
def notify_worker_killed_mid_batch(base):
    """a worker killed mid-batch loses nothing and sends nothing twice
    once the claim's lease has run out"""
    drain()
    addr, ids = make_messages(base, 6)
    p = start_worker(delay_ms=800)
    deadline = time.time() + 30
    while len(mails(addr)) < 2 and time.time() < deadline:
        time.sleep(0.05)
    assert len(mails(addr)) >= 2
    # The worker now waits before sending the next message it claimed.
    time.sleep(0.2)
    p.send_signal(signal.SIGKILL)
    p.wait()
    rows = dict((int(i), s) for i, s in sql(
        "SELECT id, status FROM outbox WHERE id IN (%s)"
        % ",".join(map(str, ids))))
    sending = [i for i, s in rows.items() if s == "sending"]
    assert len(sending) == 1, rows
    assert list(rows.values()).count("pending") >= 1, rows
    # Within the lease nobody takes the claimed one.
    rc, out = worker()
    assert rc == 0, out
    assert sql_value("SELECT status FROM outbox WHERE id = %d"
                     % sending[0]) == "sending"
    # The lease runs out: back in the queue, sent once.
    sql("UPDATE outbox SET claimed_at = claimed_at - INTERVAL 11 MINUTE "
        "WHERE id = %d" % sending[0])
    rc, out = worker()
    assert rc == 0 and "1 claim released" in out, out
    assert sql_value("SELECT COUNT(*) FROM outbox WHERE id IN (%s) AND "
                     "status = 'sent'" % ",".join(map(str, ids))) == str(len(ids))
    got = sorted(outbox_id_of(m) for _, m in mails(addr))
    assert got == sorted(ids), (got, ids)


@test_once
def notify_two_workers_share_the_queue(base):
    """two workers at once never take the same message: each goes out
    once, and both did some of the work"""
    drain()
    addr, ids = make_messages(base, 8)
    ps = [start_worker(delay_ms=300) for _ in range(2)]
    outs = [p.communicate(timeout=60)[0] for p in ps]
    assert all(p.returncode == 0 for p in ps), outs
    got = sorted(outbox_id_of(m) for _, m in mails(addr))
    assert got == sorted(ids), (got, ids, outs)
    workers = sql("SELECT DISTINCT claimed_by FROM outbox WHERE id IN (%s)"
                  % ",".join(map(str, ids)))
    assert len(workers) == 2, (workers, outs)


@test_once
def notify_worker_loop_stops_on_sigterm(base):
    """worker --loop passes every worker_interval seconds; SIGTERM lets the
    message in hand go out, then it exits"""
    drain()
    addr, ids = make_messages(base, 4)
    p = start_worker("--loop", delay_ms=1000,
                     extra={"LECTERN_WORKER_INTERVAL": "1"})
    deadline = time.time() + 30
    while len(mails(addr)) < 1 and time.time() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)          # in the pause before sending the second one
    p.send_signal(signal.SIGTERM)
    out = p.communicate(timeout=20)[0]
    assert p.returncode == 0, out
    rows = [r[0] for r in sql("SELECT status FROM outbox WHERE id IN (%s) "
                              "ORDER BY id" % ",".join(map(str, ids)))]
    assert rows[:2] == ["sent", "sent"] and "sending" not in rows, rows
    assert "pending" in rows, rows
    assert len(mails(addr)) == rows.count("sent")
    # A loop that is left alone goes on with the next passes.
    p = start_worker("--loop", extra={"LECTERN_WORKER_INTERVAL": "1"})
    deadline = time.time() + 30
    while len(mails(addr)) < len(ids) and time.time() < deadline:
        time.sleep(0.1)
    make_more = make_messages(base, 1)
    while len(mails(make_more[0])) < 1 and time.time() < deadline:
        time.sleep(0.1)
    p.send_signal(signal.SIGINT)
    out = p.communicate(timeout=20)[0]
    assert p.returncode == 0, out
    assert len(mails(addr)) == len(ids) and len(mails(make_more[0])) == 1


@test_once
def notify_smtp_down_then_back(base):
    """with the SMTP server unreachable messages stay pending with their
    attempts counted and the next attempt moved forward; they go out once
    when it is back"""
    drain()
    addr, ids = make_messages(base, 2)
    rc, out = worker(env={"LECTERN_SMTP_URL": "smtp://127.0.0.1:9",
                          "LECTERN_SMTP_USER": "lectern",
                          "LECTERN_SMTP_PASSWORD": "pw-" + "s3cr3t"})
    assert rc == 0, out
    assert "unreachable" in out, out
    assert "s3cr3t" not in out
    rows = sql("SELECT status, attempts, next_attempt_at > UTC_TIMESTAMP() + "
               "INTERVAL 50 SECOND, COALESCE(last_error, '') FROM outbox "
               "WHERE id IN (%s) ORDER BY id" % ",".join(map(str, ids)))
    assert [r[0] for r in rows] == ["pending", "pending"], rows
    assert rows[0][1:3] == ["1", "1"], rows
    assert "connect" in rows[0][3].lower() and "s3cr3t" not in rows[0][3]
    # The untried one stays due; the tried one waits for its backoff.
    assert rows[1][1] == "0", rows
    assert mails(addr) == []
    rc, out = worker()
    assert rc == 0, out
    assert len(mails(addr)) == 1
    assert sql_value("SELECT status FROM outbox WHERE id = %d" % ids[0]) == \
        "pending"
    sql("UPDATE outbox SET next_attempt_at = UTC_TIMESTAMP() WHERE id = %d"
        % ids[0])
    rc, out = worker()
    assert rc == 0, out
    got = sorted(outbox_id_of(m) for _, m in mails(addr))
    assert got == sorted(ids), got
    assert sql_value("SELECT CONCAT(status, ' ', attempts) FROM outbox "
                     "WHERE id = %d" % ids[0]) == "sent 2"


@test_once
def notify_sendmail_transport(base):
    """mail_transport = sendmail pipes each message to sendmail -t -i and
    checks its exit status"""
    drain()
    addr, ids = make_messages(base, 2)
    with tempfile.TemporaryDirectory() as d:
        script = os.path.join(d, "sendmail")
        with open(script, "w") as f:
            f.write('#!/bin/sh\nn=$(date +%s%N)\n'
                    'printf "%s\\n" "$*" > "$(dirname "$0")/args.$n"\n'
                    'cat > "$(dirname "$0")/mail.$n"\n'
                    'exit "${FAKE_SENDMAIL_EXIT:-0}"\n')
        os.chmod(script, 0o755)
        env = {"LECTERN_MAIL_TRANSPORT": "sendmail",
               "LECTERN_SENDMAIL_PATH": script}
        # A sendmail that fails for now: retried later.
        rc, out = worker(env=dict(env, FAKE_SENDMAIL_EXIT="75"))
        assert rc == 0, out
        rows = sql("SELECT status, attempts, last_error FROM outbox WHERE "
                   "id IN (%s)" % ",".join(map(str, ids)))
        assert all(r[0] == "pending" and r[1] == "1" and
                   "exited with status 75" in r[2] for r in rows), rows
        for f in os.listdir(d):
            if f.startswith(("mail.", "args.")):
                os.unlink(os.path.join(d, f))
        sql("UPDATE outbox SET next_attempt_at = UTC_TIMESTAMP() WHERE id IN "
            "(%s)" % ",".join(map(str, ids)))
        rc, out = worker(env=env)
        assert rc == 0, out
        sent = sorted(f for f in os.listdir(d) if f.startswith("mail."))
        assert len(sent) == 2, os.listdir(d)
        args = open(os.path.join(d, "args." + sent[0][5:])).read().split()
        assert args == ["-t", "-i", "-f", conf_value("mail_from")], args
        raw = open(os.path.join(d, sent[0]), "rb").read()
        assert b"\r\n" not in raw          # local text for sendmail
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        assert addr in str(msg["To"])
        assert outbox_id_of(msg) in ids
        assert "Message-ID" in msg and msg["Subject"]
    assert sql_value("SELECT COUNT(*) FROM outbox WHERE id IN (%s) AND "
                     "status = 'sent'" % ",".join(map(str, ids))) == "2"


# --- in-app notifications ----------------------------------------------------

def learner_client(base, w, index=0):
    _, em, pw = w["learners"][index]
    c = Client(base)
    assert c.login(em, pw).status == 303
    return c


def unread_badge(page):
    m = re.search(r'id="unread-count">([^<]+)<', page.text)
    return m.group(1) if m else None


@test
def notify_inapp_list_and_read(base):
    """the list shows the newest first with unread ones marked, the
    layout counts them, opening or marking reads them, another user
    cannot"""
    w = world(base, zones=("Europe/Berlin", "Europe/Berlin"))
    (l1, _, _), (l2, _, _) = w["learners"]
    start = far_january()
    sids = [created_id(create(w["teacher"], group_form(
        w, start + datetime.timedelta(hours=i), unique("Inapp "),
        learners=[l1]))) for i in range(3)]
    me = learner_client(base, w)
    r = me.get("/notifications")
    assert r.status == 200
    assert unread_badge(r) == "3", r.text
    ids = [int(x) for x in re.findall(r'id="notification-(\d+)"', r.text)]
    assert len(ids) == 3 and ids == sorted(ids, reverse=True)
    assert r.text.count('class="notification unread"') == 3
    # Opening the newest marks it read and goes to its session.
    r = me.post("/notifications/%d/read" % ids[0], {"open": "1"})
    assert r.status == 303 and \
        r.header("Location") == "/platform/sessions/%d" % sids[2], r
    page = me.get("/platform/sessions/%d" % sids[2])
    assert page.status == 200 and unread_badge(page) == "2"
    # Another learner cannot mark mine read.
    other = learner_client(base, w, 1)
    other.get("/notifications")
    assert other.post("/notifications/%d/read" % ids[1]).status == 404
    assert sql_value("SELECT read_at IS NULL FROM notifications WHERE id = %d"
                     % ids[1]) == "1"
    # Mark one, then all.
    me.get("/notifications")
    assert me.post("/notifications/%d/read" % ids[1]).status == 303
    r = me.get("/notifications")
    assert unread_badge(r) == "1"
    assert 'href="/platform/sessions/%d"' % sids[2] in r.text
    assert me.post("/notifications/read-all").status == 303
    r = me.get("/notifications")
    assert unread_badge(r) is None
    assert 'class="notification unread"' not in r.text
    assert sql_value("SELECT COUNT(*) FROM notifications WHERE user_id = %d "
                     "AND read_at IS NULL" % l1) == "0"


@test
def notify_titles_say_new_once(base):
    """an unread notification reads "New" once: the badge, then a subject
    that does not say it again ("New New live session" before)"""
    w = world(base, zones=("UTC",))
    (l1, _, _), = w["learners"]
    title = unique("Once ")
    created_id(create(w["teacher"], group_form(w, far_january(), title)))
    r = learner_client(base, w).get("/notifications")
    assert r.status == 200
    h2 = re.search(r'<h2 class="subject">(.*?)</h2>', r.text, re.S)
    assert h2, r.text
    text = re.sub(r"<[^>]+>", "", h2.group(1))
    assert text.startswith("New Live session scheduled: %s on " % title), \
        text
    assert sql_value("SELECT COUNT(*) FROM notifications WHERE user_id = %d "
                     "AND subject LIKE 'New %%'" % l1) == "0"


@test
def notify_inapp_keyset_pages(base):
    """the list pages by keyset, newest first, no row twice, and the
    layout's count costs one query whatever the count"""
    w = world(base, zones=("UTC",))
    (l1, _, _), = w["learners"]
    values = ", ".join("(%d, 'test', 'Note %d', 'Body %d', NULL, "
                       "UTC_TIMESTAMP())" % (l1, i, i) for i in range(75))
    sql("INSERT INTO notifications (user_id, kind, subject, body, link, "
        "created_at) VALUES " + values)
    me = learner_client(base, w)
    seen, path, counts = [], "/notifications", []
    for _ in range(5):
        r = me.get(path)
        assert r.status == 200
        counts.append(r.header("X-Lectern-Queries"))
        seen += [int(x) for x in re.findall(r'id="notification-(\d+)"',
                                            r.text)]
        m = re.search(r'href="([^"]+)" id="next-page"', r.text)
        if not m:
            break
        path = m.group(1).replace("&amp;", "&")
    assert len(seen) == 75 and len(set(seen)) == 75
    assert seen == sorted(seen, reverse=True)
    assert unread_badge(r) == "75"
    # (X-Lectern-Queries is there when expose_query_count = 1.)
    assert len(set(counts)) == 1, counts
    # Past the badge's bound the count shows as 99+.
    sql("INSERT INTO notifications (user_id, kind, subject, body, created_at)"
        " SELECT user_id, kind, subject, body, created_at FROM notifications "
        "WHERE user_id = %d" % l1)
    assert unread_badge(me.get("/account")) == "99+"


# --- the calendar feed ---------------------------------------------------------

def parse_ics(text):
    """VCALENDAR text as nested dicts: {"name", "props": [(name, params,
    value)], "children": [...]}; folded lines unfolded, CRLF required."""
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    lines = []
    for line in text.split("\r\n"):
        if line.startswith((" ", "\t")) and lines:
            lines[-1] += line[1:]
        elif line:
            lines.append(line)
    root = {"name": None, "props": [], "children": []}
    stack = [root]
    for line in lines:
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        params = dict(p.split("=", 1) for p in params)
        if name == "BEGIN":
            c = {"name": value, "props": [], "children": []}
            stack[-1]["children"].append(c)
            stack.append(c)
        elif name == "END":
            assert stack.pop()["name"] == value
        else:
            stack[-1]["props"].append((name, params, value))
    assert len(stack) == 1
    return root["children"][0]


def prop(comp, name):
    for n, params, value in comp["props"]:
        if n == name:
            return params, value
    return None, None


def berlin_change_in_window():
    """A daylight-saving change of Europe/Berlin in the feed's window (180
    days back to 8 weeks ahead), as the Monday before it (a date)."""
    today = datetime.date.today()
    d = today - datetime.timedelta(days=170)
    while d < today + datetime.timedelta(days=45):
        a = datetime.datetime.combine(d, datetime.time(12), BERLIN)
        b = datetime.datetime.combine(d + datetime.timedelta(days=7),
                                      datetime.time(12), BERLIN)
        if a.utcoffset() != b.utcoffset():
            return d
        d += datetime.timedelta(days=1)
    raise AssertionError("no daylight-saving change in the feed window")


def feed_url(page):
    m = re.search(r'id="calendar-url">([^<]+)<', page.text)
    assert m, page.text
    return m.group(1)


@test
def calendar_feed(base):
    """the private feed lists the user's sessions with TZID and a
    VTIMEZONE, 14:00 local on both sides of a DST change, canceled ones
    CANCELLED; reset and revoke kill the old address"""
    w = world(base, zones=("Europe/Berlin",))
    (l1, _, _), = w["learners"]
    me = learner_client(base, w)
    r = me.get("/account")
    assert r.has("Calendar feed") and 'id="calendar-create"' in r.text
    r = me.post("/account/calendar")
    assert r.status == 200 and r.header("Referrer-Policy") == "no-referrer"
    url = feed_url(r)
    m = re.fullmatch(re.escape(base_url()) + r"/calendar/([0-9a-f]{64})\.ics",
                     url)
    assert m, url
    token = m.group(1)
    # Only the hash is kept.
    assert sql_value("SELECT LOWER(HEX(token_hash)) FROM calendar_tokens "
                     "WHERE user_id = %d" % l1) == \
        hashlib.sha256(token.encode()).hexdigest()
    assert sql_value("SELECT COUNT(*) FROM calendar_tokens WHERE "
                     "user_id = %d" % l1) == "1"
    # The account page does not show it again.
    r = me.get("/account")
    assert token not in r.text and 'id="calendar-reset"' in r.text
    # Sessions at 14:00 Berlin on the Mondays around a DST change.
    monday = berlin_change_in_window()
    times = []
    for k in (0, 7):
        t = datetime.datetime.combine(monday + datetime.timedelta(days=k),
                                      datetime.time(14, 0), BERLIN)
        times.append(t.astimezone(UTC).replace(tzinfo=None))
    sids = []
    for i, t in enumerate(times):
        sql("INSERT INTO live_sessions (course_id, teacher_id, meeting_type, "
            "title, starts_at, ends_at, duration_min, status, created_at, "
            "updated_at) VALUES (%d, %d, 'group', 'Feed %d', '%s', '%s', 45, "
            "'%s', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
            % (w["cid"], w["tid"], i, t, t + datetime.timedelta(minutes=45),
               "canceled" if i else "scheduled"))
        sid = int(sql_value("SELECT MAX(id) FROM live_sessions"))
        sql("INSERT INTO live_participants (session_id, learner_id) VALUES "
            "(%d, %d)" % (sid, l1))
        sids.append(sid)
    path = url[len(base_url()):]
    r = Client(base).get(path)
    assert r.status == 200, r
    assert r.header("Content-Type").startswith("text/calendar")
    assert r.header("Cache-Control") == "no-store"
    cal = parse_ics(r.text)
    assert cal["name"] == "VCALENDAR"
    assert prop(cal, "VERSION")[1] == "2.0"
    tzs = [c for c in cal["children"] if c["name"] == "VTIMEZONE"]
    assert len(tzs) == 1 and prop(tzs[0], "TZID")[1] == "Europe/Berlin"
    events = {prop(e, "UID")[1]: e for e in cal["children"]
              if e["name"] == "VEVENT"}
    host = re.match(r"https?://([^:/]+)", base_url()).group(1)
    assert set(events) == {"live-%d@%s" % (s, host) for s in sids}, events
    for i, sid in enumerate(sids):
        ev = events["live-%d@%s" % (sid, host)]
        params, value = prop(ev, "DTSTART")
        day = (monday + datetime.timedelta(days=7 * i)).strftime("%Y%m%d")
        assert params == {"TZID": "Europe/Berlin"}, params
        assert value == day + "T140000", value
        assert prop(ev, "DTEND") == ({"TZID": "Europe/Berlin"},
                                     day + "T144500")
        assert prop(ev, "SUMMARY")[1] == "Feed %d" % i
        assert prop(ev, "URL")[1] == "%s/platform/sessions/%d" % (
            base_url(), sid)
        assert prop(ev, "DTSTAMP")[1].endswith("Z")
        assert prop(ev, "STATUS")[1] == ("CANCELLED" if i else "CONFIRMED")
    # The same wall clock, an hour apart in UTC: the change is respected.
    assert abs((times[1] - times[0]).total_seconds() - 7 * 86400) == 3600
    # A change bumps SEQUENCE.
    seq0 = int(prop(events["live-%d@%s" % (sids[0], host)], "SEQUENCE")[1])
    sql("UPDATE live_sessions SET title = 'Feed moved', updated_at = "
        "updated_at + INTERVAL 90 SECOND WHERE id = %d" % sids[0])
    cal = parse_ics(Client(base).get(path).text)
    ev = [e for e in cal["children"] if e["name"] == "VEVENT" and
          prop(e, "UID")[1] == "live-%d@%s" % (sids[0], host)][0]
    assert int(prop(ev, "SEQUENCE")[1]) > seq0
    assert prop(ev, "SUMMARY")[1] == "Feed moved"
    # Reset: a new address works, the old one is gone.
    me.get("/account")
    new_url = feed_url(me.post("/account/calendar"))
    assert new_url != url
    assert Client(base).get(path).status == 404
    assert Client(base).get(new_url[len(base_url()):]).status == 200
    # Revoke: gone too.
    me.get("/account")
    assert me.post("/account/calendar/revoke").status == 303
    assert Client(base).get(new_url[len(base_url()):]).status == 404
    assert 'id="calendar-create"' in me.get("/account").text
    # Tokens that are not hex, too short, or unknown are not found.
    for bad in ("/calendar/%s.ics" % ("0" * 64), "/calendar/xyz.ics",
                "/calendar/%s.ics" % ("a" * 16), "/calendar/"):
        assert Client(base).get(bad).status == 404, bad
