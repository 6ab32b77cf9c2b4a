"""The home page, a dashboard per role: the same few queries and a small
page whatever the amount of data, and what each role sees on it: live
classrooms and lessons under "Live now", today's lessons, lessons to
complete and attendance for teachers, mail problems for administrators.
Users are made here (in UTC) so the tests know their data."""

import datetime
import re
import uuid

from lectern import Client, accounts, sql, sql_quote, sql_value, test, \
    unique

PAGE_MAX = 60 * 1024


# --- helpers ---------------------------------------------------------------

def user_like(role):
    """A new user of role, in UTC, who signs in with the first demo
    account's password of that role; returns (id, email, password)."""
    email = unique(role) + "@example.org"
    demo_email, demo_pw = accounts()[role][0]
    sql("INSERT INTO users (name, email, password_hash, role, timezone, "
        "created_at, updated_at) SELECT %s, %s, password_hash, %s, 'UTC', "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM users WHERE email = %s"
        % (sql_quote(role.title() + " " + unique("h")), sql_quote(email),
           sql_quote(role), sql_quote(demo_email)))
    uid = int(sql_value("SELECT id FROM users WHERE email = %s"
                        % sql_quote(email)))
    return uid, email, demo_pw


def client(base, email, pw):
    """A fresh client signed in as email."""
    c = Client(base)
    r = c.login(email, pw)
    assert r.status == 303, r
    return c


def home(c):
    """The home page; (response, query count)."""
    r = c.get("/")
    assert r.status == 200, r
    q = r.header("X-Lectern-Queries")
    assert q is not None, "the check config turns the query count on"
    assert len(r.raw) < PAGE_MAX, len(r.raw)
    return r, q


def new_course():
    code = unique("HC")
    sql("INSERT INTO courses (title, code, created_at, updated_at) VALUES "
        "(%s, %s, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (sql_quote("Home course " + code), sql_quote(code)))
    return int(sql_value("SELECT id FROM courses WHERE code = %s"
                         % sql_quote(code)))


def when(minutes):
    """UTC DATETIME text minutes from now."""
    t = datetime.datetime.utcnow().replace(microsecond=0) + \
        datetime.timedelta(minutes=minutes)
    return t.strftime("%Y-%m-%d %H:%M:%S")


def lesson(teacher, course, start_min, minutes=45, learners=(),
           status="scheduled", title=None):
    """A live lesson written directly, starting start_min minutes from
    now; returns its id."""
    sql("INSERT INTO live_sessions (course_id, teacher_id, meeting_type, "
        "title, starts_at, ends_at, duration_min, status, created_at, "
        "updated_at) VALUES (%d, %d, 'group', %s, '%s', '%s', %d, '%s', "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (course, teacher, sql_quote(title) if title else "NULL",
           when(start_min), when(start_min + minutes), minutes, status))
    sid = int(sql_value("SELECT MAX(id) FROM live_sessions WHERE "
                        "teacher_id = %d" % teacher))
    for lid in learners:
        sql("INSERT INTO live_participants (session_id, learner_id) VALUES "
            "(%d, %d)" % (sid, lid))
    return sid


def lessons_bulk(teacher, course, n, first_min, step_min, learner,
                 status="scheduled"):
    """n lessons of teacher, step_min minutes apart from first_min
    minutes from now, with learner in each."""
    sql("INSERT INTO live_sessions (course_id, teacher_id, meeting_type, "
        "starts_at, ends_at, duration_min, status, created_at, updated_at) "
        "SELECT %d, %d, 'group', t, t + INTERVAL 20 MINUTE, 20, '%s', "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM (SELECT UTC_TIMESTAMP() + "
        "INTERVAL (%d + CAST(seq AS SIGNED) * %d) MINUTE AS t FROM "
        "seq_0_to_%d) x"
        % (course, teacher, status, first_min, step_min, n - 1))
    sql("INSERT IGNORE INTO live_participants (session_id, learner_id) "
        "SELECT id, %d FROM live_sessions WHERE teacher_id = %d"
        % (learner, teacher))


def channel_live(members, admins=()):
    """A channel with an active classroom session, written directly;
    returns (channel id, session id)."""
    name = unique("Home channel ")
    sql("INSERT INTO channels (name, created_at, updated_at) VALUES "
        "(%s, UTC_TIMESTAMP(), UTC_TIMESTAMP())" % sql_quote(name))
    cid = int(sql_value("SELECT id FROM channels WHERE name = %s"
                        % sql_quote(name)))
    for uid, adm in [(m, 0) for m in members] + [(a, 1) for a in admins]:
        sql("INSERT INTO channel_members (channel_id, user_id, is_admin, "
            "added_at) VALUES (%d, %d, %d, UTC_TIMESTAMP())"
            % (cid, uid, adm))
    sql("INSERT INTO classroom_sessions (channel_id, provider, meeting_id, "
        "name, status, active_key, started_at, created_at, updated_at) "
        "VALUES (%d, 'bbb', '%s', %s, 'active', 'c%d', UTC_TIMESTAMP(), "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (cid, uuid.uuid4().hex, sql_quote("Live " + name), cid))
    sid = int(sql_value("SELECT id FROM classroom_sessions WHERE "
                        "active_key = 'c%d'" % cid))
    return cid, sid


def end_classrooms(sids):
    """End sessions written by the tests, so no other test sees them live."""
    if sids:
        sql("UPDATE classroom_sessions SET status = 'ended', active_key = "
            "NULL, ended_at = UTC_TIMESTAMP() WHERE id IN (%s)"
            % ",".join(str(s) for s in sids))


def notifications(uid, n):
    sql("INSERT INTO notifications (user_id, kind, subject, body, link, "
        "created_at) SELECT %d, 'test', CONCAT('Home note ', seq), 'Body', "
        "'/platform/schedule', UTC_TIMESTAMP() FROM seq_0_to_%d"
        % (uid, n - 1))


def section(page, ident):
    """The HTML of the dashboard section with this id, or ''."""
    m = re.search(r'<section class="dash" id="%s".*?</section>' % ident,
                  page.text, re.S)
    return m.group(0) if m else ""


# --- the same queries whatever the data ------------------------------------

@test
def home_learner_constant_queries(base):
    """a learner's dashboard: the same queries and under 60 KB with 60
    lessons, 60 notifications and 12 live classrooms as with none"""
    uid, email, pw = user_like("learner")
    tid, _, _ = user_like("teacher")
    _, q_small = home(client(base, email, pw))
    course = new_course()
    # Live now, later today, and on the coming days.
    lessons_bulk(tid, course, 60, -5, 50, uid)
    notifications(uid, 60)
    sids = [channel_live([uid])[1] for _ in range(12)]
    try:
        r, q_big = home(client(base, email, pw))
        assert q_small == q_big, (q_small, q_big)
        assert r.text.count('class="dash-item classroom"') == 8, r.text
        assert 0 < r.text.count('class="dash-item lesson"') <= 29, r.text
        assert r.text.count('class="dash-item notice-item') == 5, r.text
        assert re.search(r'id="unread-line"><strong>60</strong>', r.text)
    finally:
        end_classrooms(sids)


@test
def home_teacher_constant_queries(base):
    """a teacher's dashboard: the same queries and under 60 KB with 60
    lessons to complete, 60 to come, 20 learners' attendance and 12 live
    classrooms as with none"""
    uid, email, pw = user_like("teacher")
    _, q_small = home(client(base, email, pw))
    course = new_course()
    learners = [user_like("learner")[0] for _ in range(20)]
    lessons_bulk(uid, course, 60, -60 * 24 * 20, 60 * 7, learners[0])
    lessons_bulk(uid, course, 60, -5, 50, learners[0])
    for i, lid in enumerate(learners):
        s = lesson(uid, course, -60 * 24 * 2 - 60 * i, 30, [lid],
                   status="ended")
        sql("UPDATE live_participants SET attendance = 'present' WHERE "
            "session_id = %d" % s)
    notifications(uid, 60)
    sids = [channel_live([], [uid])[1] for _ in range(12)]
    try:
        r, q_big = home(client(base, email, pw))
        assert q_small == q_big, (q_small, q_big)
        assert section(r, "to-complete").count("dash-item lesson") == 8
        assert 'id="todo-more"' in r.text
        assert section(r, "attendance").count('<tr id="attendance-') == 8
        assert r.text.count('class="dash-item classroom"') == 8
    finally:
        end_classrooms(sids)


@test
def home_admin_constant_queries(base):
    """an administrator's dashboard: the same queries and under 60 KB
    with 60 live lessons, 60 failed emails, 60 sessions starting this
    week and 12 live classrooms as with none"""
    uid, email, pw = user_like("admin")
    learner, lemail, _ = user_like("learner")
    tid, _, _ = user_like("teacher")
    _, q_small = home(client(base, email, pw))
    course = new_course()
    tag = unique("hf")
    lessons_bulk(tid, course, 60, -5, 1, learner, status="active")
    sql("INSERT INTO outbox (user_id, to_address, kind, subject, body, "
        "dedupe_key, status, attempts, next_attempt_at, created_at) SELECT "
        "%d, %s, 'test', 'Failed', 'Body', CONCAT(%s, seq), 'failed', 5, "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_0_to_59"
        % (learner, sql_quote(lemail), sql_quote(tag)))
    sql("INSERT INTO lms_sessions (name, visibility, access_start, "
        "access_end, created_at, updated_at) SELECT CONCAT(%s, seq), "
        "'listed', CURDATE() + INTERVAL (seq MOD 7) DAY, CURDATE() + "
        "INTERVAL 30 DAY, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_0_to_59"
        % sql_quote("Home week " + tag + " "))
    sql("INSERT INTO csv_imports (kind, admin_id, filename, content, "
        "created_at) SELECT 'users', %d, 'users.csv', 'x', UTC_TIMESTAMP() "
        "FROM seq_0_to_9" % uid)
    notifications(uid, 60)
    sids = [channel_live([])[1] for _ in range(12)]
    try:
        r, q_big = home(client(base, email, pw))
        assert q_small == q_big, (q_small, q_big)
        assert section(r, "live-now").count("dash-item") == 16, r.text
        assert section(r, "this-week").count("dash-item") == 8, r.text
        assert 'id="imports-waiting"' in r.text and "<strong>10 CSV" in r.text
    finally:
        end_classrooms(sids)
        sql("DELETE FROM outbox WHERE dedupe_key LIKE %s"
            % sql_quote(tag + "%"))
        sql("UPDATE live_sessions SET status = 'ended' WHERE teacher_id = %d"
            % tid)


# --- what each role sees ---------------------------------------------------

@test
def home_live_now_and_today(base):
    """a live classroom of their channel and a lesson whose Join Session
    is open are "Live now" for the learner, with Join Session; the
    teacher gets Start Session; a lesson on a later day is "Coming
    next"; yesterday's lesson nobody completed is the teacher's to
    complete, and a completed one counts in the attendance"""
    tid, temail, tpw = user_like("teacher")
    lid, lemail, lpw = user_like("learner")
    course = new_course()
    cid, sid = channel_live([lid], [tid])
    name = unique("Live lesson ")
    now_id = lesson(tid, course, 5, 45, [lid], title=name)
    later_id = lesson(tid, course, 60 * 24 * 2, 45, [lid],
                      title=name + " later")
    past_id = lesson(tid, course, -60 * 24, 45, [lid], title=name + " past")
    done_id = lesson(tid, course, -60 * 26, 45, [lid], status="ended",
                     title=name + " done")
    sql("UPDATE live_participants SET attendance = 'late' WHERE "
        "session_id = %d" % done_id)
    try:
        learner = client(base, lemail, lpw)
        r, _ = home(learner)
        live = section(r, "live-now")
        assert 'id="home-classroom-%d"' % sid in live, live
        assert 'action="/platform/classroom/%d/join"' % sid in live
        assert 'id="home-live-%d"' % now_id in live, live
        assert 'action="/platform/sessions/%d/join"' % now_id in live
        assert 'id="nothing-live"' not in r.text
        nxt = section(r, "today")
        assert 'id="home-live-%d"' % later_id in nxt, nxt
        assert 'id="home-live-%d"' % past_id not in r.text
        assert "Times in UTC" in r.text
        # The page lets the Join Session forms go to the conferencing
        # server.
        csp = r.header("Content-Security-Policy")
        assert re.search(r"form-action 'self' \S", csp), csp
        # The teacher: Start Session, the lesson to complete, attendance.
        teacher = client(base, temail, tpw)
        r, _ = home(teacher)
        live = section(r, "live-now")
        assert 'action="/platform/sessions/%d/start"' % now_id in live, live
        assert 'id="home-classroom-%d"' % sid in live
        todo = section(r, "to-complete")
        assert 'id="home-live-%d"' % past_id in todo, todo
        assert "Not marked as completed" in todo
        att = section(r, "attendance")
        assert re.search(r'<tr id="attendance-%d">.*?<td data-label="Late">1'
                         % lid, att, re.S), att
        # Started, the lesson is joined, not started again.
        teacher.get("/platform/sessions/%d" % now_id)
        assert teacher.post("/platform/sessions/%d/start" % now_id,
                            {}).status == 303
        r, _ = home(teacher)
        live = section(r, "live-now")
        assert 'action="/platform/sessions/%d/join"' % now_id in live, live
        # Another learner sees none of it.
        _, oemail, opw = user_like("learner")
        r, _ = home(client(base, oemail, opw))
        assert 'id="nothing-live"' in r.text
        assert 'home-live-%d' % now_id not in r.text
    finally:
        end_classrooms([sid])


@test
def home_admin_sees_the_school(base):
    """the administrator sees a live classroom anywhere, failed email with
    its count, and links to every administration page"""
    uid, email, pw = user_like("admin")
    lid, lemail, _ = user_like("learner")
    cid, sid = channel_live([lid])
    tag = unique("hm")
    sql("INSERT INTO outbox (user_id, to_address, kind, subject, body, "
        "dedupe_key, status, attempts, next_attempt_at, created_at) VALUES "
        "(%d, %s, 'test', 'Failed', 'Body', %s, 'failed', 5, "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (lid, sql_quote(lemail), sql_quote(tag)))
    try:
        r, _ = home(client(base, email, pw))
        assert 'id="home-classroom-%d"' % sid in section(r, "live-now")
        failed = sql_value("SELECT COUNT(*) FROM outbox WHERE status = "
                           "'failed'")
        m = re.search(r'id="mail-failed"><strong>(\d+) email', r.text)
        assert m and m.group(1) == failed, (m and m.group(1), failed)
        for path in ("/admin/users", "/admin/sessions", "/admin/courses",
                     "/admin/categories", "/admin/classes", "/admin/channels",
                     "/admin/enrollments", "/admin/import/users",
                     "/admin/import/enrollments", "/platform/schedule",
                     "/notifications"):
            assert 'href="%s"' % path in r.text, path
        users = sql_value("SELECT COUNT(*) FROM users WHERE disabled = 0")
        assert re.search(r'id="count-users">%s users? active' % users,
                         r.text), r.text
    finally:
        end_classrooms([sid])
        sql("DELETE FROM outbox WHERE dedupe_key = %s" % sql_quote(tag))
    # Without the failed message the line says one less (or goes).
    r, _ = home(client(base, email, pw))
    m = re.search(r'id="mail-failed"><strong>(\d+) email', r.text)
    assert (m.group(1) if m else "0") == str(int(failed) - 1)


@test
def home_demo_school(base):
    """the demo data gives each demo account a full home page: the
    teacher's group lessons, the learner's training session and the demo
    channel's past sessions"""
    demo = client(base, *accounts()["teacher"][0])
    r, _ = home(demo)
    assert "Conversation club" in r.text, r.text
    assert 'id="my-training"' in r.text and "Evening courses" in r.text
    learner = client(base, *accounts()["learner"][0])
    r, _ = home(learner)
    assert "Evening courses" in section(r, "my-training")
    cid = sql_value("SELECT id FROM channels WHERE name = 'Demo classroom'")
    r = learner.get("/platform/channels/%s" % cid)
    assert r.status == 200 and "Weekly questions and answers" in r.text
