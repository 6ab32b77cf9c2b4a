"""Training sessions as learners and coaches see them: My sessions, a
session's page and a course inside a session; date windows, hidden
sessions, who may open what, access tracking and query counts.

The sessions, courses and enrollments are written straight into the
database; the users are made with the password of a demo account of the
same role, so that they can sign in."""

import datetime
import os
import re
import zoneinfo

from lectern import (CONF, Client, accounts, routes, signed_in, sql,
                     sql_quote, sql_value, test, unique)


# ---------------------------------------------------------------------------
# Helpers

def school_today():
    """Today in the school's timezone, read from the test configuration."""
    tz = "UTC"
    with open(CONF) as f:
        for line in f:
            m = re.match(r"\s*timezone\s*=\s*(\S+)", line)
            if m:
                tz = m.group(1)
    return datetime.datetime.now(zoneinfo.ZoneInfo(tz)).date()


def day(n):
    """The date n days from today (school's timezone), as YYYY-MM-DD."""
    return (school_today() + datetime.timedelta(days=n)).isoformat()


def lit(v):
    return "NULL" if v is None else sql_quote(str(v))


def new_user(role="learner", name=None):
    """A user who signs in with the password of the first demo account of
    the same role.  Returns (id, email, password)."""
    demo_email, pw = accounts()[role][0]
    email = unique(role) + "@example.org"
    name = name or "%s %s" % (role.title(), unique())
    uid = int(sql_value(
        "INSERT INTO users (name, email, password_hash, role, created_at, "
        "updated_at) SELECT %s, %s, password_hash, %s, UTC_TIMESTAMP(), "
        "UTC_TIMESTAMP() FROM users WHERE email = %s; SELECT LAST_INSERT_ID()"
        % (sql_quote(name), sql_quote(email), sql_quote(role),
           sql_quote(demo_email))))
    return uid, email, pw


def login(base, user):
    c = Client(base)
    r = c.login(user[1], user[2])
    assert r.status == 303, r
    return c


def make_session(name=None, visibility="listed", coach=None, display=(None, None),
                 access=(None, None), coach_dates=(None, None), description=None):
    name = name or "Session " + unique()
    return int(sql_value(
        "INSERT INTO lms_sessions (name, description, coach_id, visibility, "
        "display_start, display_end, access_start, access_end, coach_start, "
        "coach_end, created_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s, "
        "%s, %s, %s, %s, UTC_TIMESTAMP(), UTC_TIMESTAMP()); "
        "SELECT LAST_INSERT_ID()"
        % (sql_quote(name), lit(description), lit(coach), sql_quote(visibility),
           lit(display[0]), lit(display[1]), lit(access[0]), lit(access[1]),
           lit(coach_dates[0]), lit(coach_dates[1]))))


def make_course(title=None, lessons=()):
    """A course with lessons [(title, type, position, archived)]."""
    title = title or "Course " + unique()
    cid = int(sql_value(
        "INSERT INTO courses (title, code, created_at, updated_at) VALUES "
        "(%s, %s, UTC_TIMESTAMP(), UTC_TIMESTAMP()); SELECT LAST_INSERT_ID()"
        % (sql_quote(title), sql_quote(unique("C")))))
    for lt, ty, pos, arch in lessons:
        sql("INSERT INTO course_lessons (course_id, title, type, position, "
            "archived, created_at, updated_at) VALUES (%d, %s, %s, %d, %d, "
            "UTC_TIMESTAMP(), UTC_TIMESTAMP())"
            % (cid, sql_quote(lt), sql_quote(ty), pos, arch))
    return cid


def add_course(sid, cid, coach=None, position=0):
    sql("INSERT INTO session_courses (session_id, course_id, coach_id, "
        "position, added_at) VALUES (%d, %d, %s, %d, UTC_TIMESTAMP()); "
        "UPDATE lms_sessions SET course_count = course_count + 1 WHERE id = %d"
        % (sid, cid, lit(coach), position, sid))


def enroll(sid, uid, courses=None):
    """Enroll a learner in a session and in the given courses of it
    (default: every course of the session)."""
    sql("INSERT INTO session_learners (session_id, user_id, source, "
        "enrolled_at) VALUES (%d, %d, 'individual', UTC_TIMESTAMP()); "
        "UPDATE lms_sessions SET learner_count = learner_count + 1 "
        "WHERE id = %d" % (sid, uid, sid))
    if courses is None:
        courses = [int(r[0]) for r in sql(
            "SELECT course_id FROM session_courses WHERE session_id = %d" % sid)]
    for cid in courses:
        sql("INSERT INTO session_course_learners (session_id, course_id, "
            "user_id, enrolled_at) VALUES (%d, %d, %d, UTC_TIMESTAMP())"
            % (sid, cid, uid))


def section(text, sid):
    """The HTML of one section of My sessions."""
    m = re.search(r'<section class="my-sessions" id="%s".*?</section>' % sid,
                  text, re.S)
    assert m, "no section %s" % sid
    return m.group(0)


def items(html_part):
    """{session id: item HTML} of a section, and the ids in page order."""
    found = re.findall(r'<li class="session-item" data-session="(\d+)">(.*?)</li>',
                       html_part, re.S)
    return {int(i): t for i, t in found}, [int(i) for i, _ in found]


def queries(resp):
    q = resp.header("X-Lectern-Queries")
    assert q is not None, "X-Lectern-Queries is missing: set expose_query_count = 1"
    return int(q)


# ---------------------------------------------------------------------------
# Routes

@test
def learner_routes_declared(base):
    """the learner routes exist for every role, are GET only, and need sign-in"""
    table = {(m, p): roles for m, p, roles, _ in routes()}
    for p in ("/sessions", "/sessions/:id", "/sessions/:id/courses/:id"):
        assert table.get(("GET", p)) == {"admin", "teacher", "learner"}, p
        assert ("POST", p) not in table, p
    c = Client(base)
    r = c.get("/sessions")
    assert r.status == 303 and r.header("Location").startswith("/login"), r
    r = c.get("/sessions/1/courses/1")
    assert r.status == 303, r


# ---------------------------------------------------------------------------
# My sessions

@test
def my_sessions_sections_and_days(base):
    """a learner's sessions are sorted into Current, Upcoming and Past at
    the day boundaries, with the days remaining in words"""
    learner = new_user()
    s = {
        "cur3": make_session(access=(day(-3), day(3))),
        "last": make_session(access=(day(-1), day(0))),
        "open": make_session(),
        "today": make_session(access=(day(0), day(2))),
        "up5": make_session(access=(day(5), day(10))),
        "up1": make_session(access=(day(1), None)),
        "past2": make_session(access=(day(-10), day(-2))),
        "past1": make_session(access=(None, day(-1)), visibility="readonly_after_end"),
    }
    for sid in s.values():
        enroll(sid, learner[0])
    other = make_session(access=(day(-1), day(1)))    # not enrolled
    c = login(base, learner)
    r = c.get("/sessions")
    assert r.status == 200, r
    for h in ("Current sessions", "Upcoming sessions", "Past sessions"):
        assert "<h2" in r.text and h in r.text, h
    cur, cur_order = items(section(r.text, "current"))
    up, up_order = items(section(r.text, "upcoming"))
    past, past_order = items(section(r.text, "past"))
    assert set(cur) == {s["cur3"], s["last"], s["open"], s["today"]}, cur_order
    assert set(up) == {s["up5"], s["up1"]}, up_order
    assert set(past) == {s["past2"], s["past1"]}, past_order
    assert other not in cur and other not in up and other not in past
    # Days remaining.
    assert "3 days left" in cur[s["cur3"]]
    assert "Last day" in cur[s["last"]]
    assert "2 days left" in cur[s["today"]]
    assert "No end date" in cur[s["open"]]
    assert "Starts in 5 days" in up[s["up5"]]
    assert "Starts tomorrow" in up[s["up1"]]
    assert "Ended 2 days ago" in past[s["past2"]]
    assert "Ended yesterday" in past[s["past1"]]
    # Dates: start – end, "open" for an open end.
    assert "%s – %s" % (day(-3), day(3)) in cur[s["cur3"]]
    assert ">open<" in cur[s["open"]]
    assert "open – %s" % day(-1) in past[s["past1"]]
    assert 'href="/sessions/%d"' % s["cur3"] in cur[s["cur3"]]
    # Order: current ending soonest, upcoming starting soonest, past ended latest.
    assert cur_order == [s["last"], s["today"], s["cur3"], s["open"]], cur_order
    assert up_order == [s["up1"], s["up5"]], up_order
    assert past_order == [s["past1"], s["past2"]], past_order
    for t in ("You have no current sessions.", "You have no upcoming sessions.",
              "You have no past sessions."):
        assert t not in r.text, t


@test
def my_sessions_empty_states(base):
    """a user without sessions sees the three empty sections"""
    for role in ("learner", "teacher"):
        c = login(base, new_user(role))
        r = c.get("/sessions")
        assert r.status == 200, r
        assert "You have no current sessions." in section(r.text, "current")
        assert "You have no upcoming sessions." in section(r.text, "upcoming")
        assert "You have no past sessions." in section(r.text, "past")
    admin = signed_in(base)
    r = admin.get("/sessions")
    assert r.status == 200 and "Current sessions" in r.text
    assert 'href="/admin/sessions"' in r.text


@test
def my_sessions_display_window_and_hidden(base):
    """learners see a session listed only inside its display window, and
    never a hidden one"""
    learner = new_user()
    acc = (day(-5), day(5))
    shown = {
        "open": make_session(access=acc),
        "starts_today": make_session(access=acc, display=(day(0), None)),
        "ends_today": make_session(access=acc, display=(None, day(0))),
        "ro": make_session(access=(day(-9), day(-4)), display=(day(-9), day(9)),
                           visibility="readonly_after_end"),
    }
    not_shown = {
        "ended": make_session(access=acc, display=(day(-9), day(-1))),
        "later": make_session(access=acc, display=(day(1), day(9))),
        "hidden": make_session(access=acc, visibility="hidden"),
    }
    for sid in list(shown.values()) + list(not_shown.values()):
        enroll(sid, learner[0])
    c = login(base, learner)
    r = c.get("/sessions")
    ids = set()
    for sec in ("current", "upcoming", "past"):
        ids |= set(items(section(r.text, sec))[0])
    assert ids == set(shown.values()), (ids, shown, not_shown)


@test
def my_sessions_for_coaches(base):
    """a teacher sees the sessions they coach (whole session or one course),
    hidden ones too, sorted by the coach dates; other teachers see none"""
    coach = new_user("teacher")
    other = new_user("teacher")
    # Coach dates open before the learners': current for the coach.
    s1 = make_session(coach=coach[0], visibility="hidden",
                      access=(day(3), day(20)), coach_dates=(day(-2), day(25)))
    s2 = make_session(access=(day(-30), day(-10)), coach_dates=(day(-30), day(-4)))
    cid = make_course()
    add_course(s2, cid, coach=coach[0])
    s3 = make_session(coach=coach[0], coach_dates=(day(4), None))
    c = login(base, coach)
    r = c.get("/sessions")
    cur, _ = items(section(r.text, "current"))
    up, _ = items(section(r.text, "upcoming"))
    past, _ = items(section(r.text, "past"))
    assert set(cur) == {s1} and set(up) == {s3} and set(past) == {s2}, (cur, up, past)
    assert "Session coach" in cur[s1] and "Hidden" in cur[s1]
    assert "Course coach" in past[s2] and "Ended 4 days ago" in past[s2]
    assert "Starts in 4 days" in up[s3]
    assert "%s – %s" % (day(-2), day(25)) in cur[s1]
    r = login(base, other).get("/sessions")
    for sec in ("current", "upcoming", "past"):
        assert not items(section(r.text, sec))[0]


@test
def my_sessions_link_only_what_opens(base):
    """My sessions links only the sessions the user may open today; the
    others say when they open or when they closed, and indeed answer 403"""
    learner = new_user()
    s = {
        "cur": make_session(access=(day(-1), day(1))),
        "up": make_session(access=(day(2), day(9))),
        "past": make_session(access=(day(-9), day(-2))),
        "readable": make_session(access=(day(-9), day(-2)),
                                 visibility="readonly_after_end"),
    }
    for sid in s.values():
        enroll(sid, learner[0])
    c = login(base, learner)
    r = c.get("/sessions")
    assert r.status == 200, r
    cur, _ = items(section(r.text, "current"))
    up, _ = items(section(r.text, "upcoming"))
    past, _ = items(section(r.text, "past"))
    for sid, it in ((s["cur"], cur[s["cur"]]),
                    (s["readable"], past[s["readable"]])):
        assert 'href="/sessions/%d"' % sid in it, it
        assert 'class="shut"' not in it, it
        assert c.get("/sessions/%d" % sid).status == 200
    for sid, it, text in ((s["up"], up[s["up"]], "Opens on " + day(2)),
                          (s["past"], past[s["past"]],
                           "Closed on " + day(-2))):
        assert "href=" not in it, it
        assert '<span class="shut">%s</span>' % text in it, it
        assert 'class="session-name">' in it, it
        assert c.get("/sessions/%d" % sid).status == 403
    # A coach: by the coach dates, unless the session is open to them as
    # a learner of it.
    coach = new_user("teacher")
    later = make_session(coach=coach[0], access=(day(-1), day(5)),
                         coach_dates=(day(3), None))
    both = make_session(coach=coach[0], access=(day(-1), day(5)),
                        coach_dates=(day(-9), day(-1)))
    enroll(both, coach[0])
    c = login(base, coach)
    r = c.get("/sessions")
    up, _ = items(section(r.text, "upcoming"))
    past, _ = items(section(r.text, "past"))
    assert "href=" not in up[later] and "Opens on " + day(3) in up[later]
    assert c.get("/sessions/%d" % later).status == 403
    assert 'href="/sessions/%d"' % both in past[both], past[both]
    assert c.get("/sessions/%d" % both).status == 200
    # An administrator enters every session.
    admin = new_user("admin")
    enroll(s["up"], admin[0])
    c = login(base, admin)
    up, _ = items(section(c.get("/sessions").text, "upcoming"))
    assert 'href="/sessions/%d"' % s["up"] in up[s["up"]]
    assert c.get("/sessions/%d" % s["up"]).status == 200


@test
def my_sessions_constant_queries(base):
    """My sessions runs as many queries for 300 sessions as for one, and
    shows at most 100 per section with a note"""
    one, many = new_user(), new_user()
    sid = make_session(access=(day(-1), day(1)))
    enroll(sid, one[0])
    prefix = unique("Bulk ")
    # 300 sessions: 120 current, 90 upcoming, 90 past.
    sql("INSERT INTO lms_sessions (name, access_start, access_end, "
        "learner_count, created_at, updated_at) SELECT CONCAT(%s, seq), "
        "CASE WHEN seq <= 120 THEN %s WHEN seq <= 210 THEN %s ELSE %s END, "
        "CASE WHEN seq <= 120 THEN %s WHEN seq <= 210 THEN %s ELSE %s END, "
        "1, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_300"
        % (sql_quote(prefix + " "), sql_quote(day(-2)), sql_quote(day(3)),
           sql_quote(day(-20)), sql_quote(day(2)), sql_quote(day(9)),
           sql_quote(day(-3))))
    sql("INSERT INTO session_learners (session_id, user_id, source, enrolled_at) "
        "SELECT id, %d, 'individual', UTC_TIMESTAMP() FROM lms_sessions "
        "WHERE name LIKE %s" % (many[0], sql_quote(prefix + " %")))
    assert sql_value("SELECT COUNT(*) FROM session_learners WHERE user_id = %d"
                     % many[0]) == "300"
    c1, c2 = login(base, one), login(base, many)
    r1, r2 = c1.get("/sessions"), c2.get("/sessions")
    assert r1.status == 200 and r2.status == 200
    assert queries(r1) == queries(r2), (queries(r1), queries(r2))
    cur, _ = items(section(r2.text, "current"))
    up, _ = items(section(r2.text, "upcoming"))
    past, _ = items(section(r2.text, "past"))
    assert (len(cur), len(up), len(past)) == (100, 90, 90), (len(cur), len(up), len(past))
    assert "Only the first 100 are shown here." in section(r2.text, "current")
    assert "Only the first" not in section(r2.text, "upcoming")
    assert "Only the first" not in r1.text
    # A coach of many sessions too.
    coach = new_user("teacher")
    sql("UPDATE lms_sessions SET coach_id = %d WHERE name LIKE %s"
        % (coach[0], sql_quote(prefix + " %")))
    few = new_user("teacher")
    make_session(coach=few[0])
    r3, r4 = login(base, coach).get("/sessions"), login(base, few).get("/sessions")
    assert queries(r3) == queries(r4) == queries(r1), (queries(r3), queries(r4))
    assert len(items(section(r3.text, "current"))[0]) == 100


# ---------------------------------------------------------------------------
# Session page: date windows and who may enter

@test
def learner_access_windows(base):
    """a learner enters a session only inside its access window; after the
    end only when it stays readable, with a banner"""
    learner = new_user()
    cid = make_course(lessons=[("Intro", "class", 1, 0)])
    s = {
        "before": make_session(access=(day(2), day(9))),
        "inside": make_session(access=(day(0), day(0))),
        "after": make_session(access=(day(-9), day(-1))),
        "open": make_session(),
        "open_start": make_session(access=(None, day(0))),
        "ro": make_session(access=(day(-9), day(-1)), visibility="readonly_after_end"),
    }
    for sid in s.values():
        add_course(sid, cid)
        enroll(sid, learner[0])
    c = login(base, learner)
    for key in ("inside", "open", "open_start"):
        for path in ("/sessions/%d" % s[key], "/sessions/%d/courses/%d" % (s[key], cid)):
            r = c.get(path)
            assert r.status == 200, (key, path, r)
            assert "This session has ended." not in r.text
    for path in ("/sessions/%d" % s["before"],
                 "/sessions/%d/courses/%d" % (s["before"], cid)):
        r = c.get(path)
        assert r.status == 403, r
        assert "This session opens on %s." % day(2) in r.text, r.text
    for path in ("/sessions/%d" % s["after"],
                 "/sessions/%d/courses/%d" % (s["after"], cid)):
        r = c.get(path)
        assert r.status == 403, r
        assert "This session closed on %s." % day(-1) in r.text, r.text
    banner = ("This session has ended. You can still look at its content, "
              "but nothing can be changed.")
    for path in ("/sessions/%d" % s["ro"], "/sessions/%d/courses/%d" % (s["ro"], cid)):
        r = c.get(path)
        assert r.status == 200, r
        assert banner in r.text
        assert "Intro" in r.text or "/courses/%d" % cid in r.text


@test
def hidden_and_foreign_sessions_are_not_found(base):
    """hidden sessions, sessions one is not enrolled in and missing ones
    all answer the same 404 to a learner"""
    learner = new_user()
    cid = make_course()
    hidden = make_session(visibility="hidden")
    foreign = make_session()
    for sid in (hidden, foreign):
        add_course(sid, cid)
    enroll(hidden, learner[0])
    missing = int(sql_value("SELECT COALESCE(MAX(id), 0) + 1000 FROM lms_sessions"))
    c = login(base, learner)
    bodies = set()
    for sid in (hidden, foreign, missing):
        for path in ("/sessions/%d" % sid, "/sessions/%d/courses/%d" % (sid, cid)):
            r = c.get(path)
            assert r.status == 404, (path, r)
            m = re.search(r'<p class="error-message">(.*?)</p>', r.text)
            bodies.add(m.group(1))
    assert bodies == {"There is no such session."}, bodies
    admin = signed_in(base)
    assert admin.get("/sessions/%d" % hidden).status == 200
    assert admin.get("/sessions/%d/courses/%d" % (hidden, cid)).status == 200


@test
def coach_window_differs_from_learners(base):
    """a coach enters with the coach dates (before learners may), and is
    kept out before and after them"""
    coach, learner = new_user("teacher"), new_user()
    sid = make_session(coach=coach[0], access=(day(3), day(10)),
                       coach_dates=(day(-1), day(12)))
    enroll(sid, learner[0])
    cc = login(base, coach)
    assert cc.get("/sessions/%d" % sid).status == 200
    r = login(base, learner).get("/sessions/%d" % sid)
    assert r.status == 403 and "This session opens on %s." % day(3) in r.text
    early = make_session(coach=coach[0], access=(day(-5), day(5)),
                         coach_dates=(day(1), None))
    r = cc.get("/sessions/%d" % early)
    assert r.status == 403 and ("opens to coaches on %s." % day(1)) in r.text, r.text
    late = make_session(coach=coach[0], access=(day(-5), day(5)),
                        coach_dates=(None, day(-1)))
    r = cc.get("/sessions/%d" % late)
    assert r.status == 403 and ("closed to coaches on %s." % day(-1)) in r.text, r.text
    # A course coach follows the same dates.
    cid = make_course()
    other = new_user("teacher")
    add_course(late, cid, coach=other[0])
    r = login(base, other).get("/sessions/%d/courses/%d" % (late, cid))
    assert r.status == 403 and "closed to coaches" in r.text
    # The administrator enters whatever the dates.
    admin = signed_in(base)
    for x in (sid, early, late):
        assert admin.get("/sessions/%d" % x).status == 200


@test
def course_authorization(base):
    """only a course's learners, its coach in that session, the session
    coach and administrators open a course of a session"""
    scoach, ta, tb, stranger = (new_user("teacher") for _ in range(4))
    la, lab = new_user(), new_user()
    ca = make_course("Algebra " + unique())
    cb = make_course("Biology " + unique())
    cz = make_course("Zoology " + unique())
    s1 = make_session(coach=scoach[0])
    s2 = make_session()
    add_course(s1, ca, coach=ta[0], position=1)
    add_course(s1, cb, coach=tb[0], position=2)
    add_course(s2, ca, coach=tb[0])
    enroll(s1, la[0], [ca])
    enroll(s1, lab[0])
    enroll(s2, la[0])

    def status(client, sid, cid=None):
        p = "/sessions/%d" % sid if cid is None else "/sessions/%d/courses/%d" % (sid, cid)
        return client.get(p).status

    # Course coach of A in session 1.
    c = login(base, ta)
    r = c.get("/sessions/%d" % s1)
    assert r.status == 200
    assert "/courses/%d" % ca in r.text and "/courses/%d" % cb not in r.text
    assert status(c, s1, ca) == 200
    assert status(c, s1, cb) == 404
    assert status(c, s2) == 404 and status(c, s2, ca) == 404
    # Coach of A in session 2 (and B in session 1) is not A's coach in session 1.
    c = login(base, tb)
    assert status(c, s1, ca) == 404 and status(c, s1, cb) == 200
    assert status(c, s2, ca) == 200
    # The session coach sees every course, with its coach's name.
    c = login(base, scoach)
    r = c.get("/sessions/%d" % s1)
    assert "/courses/%d" % ca in r.text and "/courses/%d" % cb in r.text
    assert ta[1] not in r.text
    names = re.findall(r'<span class="course-coach">(.*?)</span>', r.text)
    tnames = [sql_value("SELECT name FROM users WHERE id = %d" % u[0]) for u in (ta, tb)]
    assert names == tnames, (names, tnames)
    assert status(c, s1, ca) == 200 and status(c, s1, cb) == 200
    assert status(c, s1, cz) == 404 and status(c, s2) == 404
    # A teacher with no tie to the session.
    c = login(base, stranger)
    assert status(c, s1) == 404 and status(c, s1, ca) == 404
    # Learners: only the courses they take.
    c = login(base, la)
    r = c.get("/sessions/%d" % s1)
    assert "/courses/%d" % ca in r.text and "/courses/%d" % cb not in r.text
    assert status(c, s1, ca) == 200 and status(c, s1, cb) == 404
    assert status(c, s1, cz) == 404
    assert status(c, s2, ca) == 200
    c = login(base, lab)
    assert status(c, s1, ca) == 200 and status(c, s1, cb) == 200
    assert status(c, s2) == 404 and status(c, s2, ca) == 404
    # The administrator: every course in the session, none outside it.
    admin = signed_in(base)
    assert status(admin, s1, ca) == 200 and status(admin, s1, cb) == 200
    assert status(admin, s1, cz) == 404
    assert admin.get("/sessions/%d/courses/%d" % (s1, 10 ** 12)).status == 404


@test
def course_page_lessons(base):
    """a course in a session lists its lessons in order with their type;
    archived lessons are left out; learners do not see the learners list"""
    learner, coach = new_user(), new_user("teacher")
    cid = make_course(lessons=[("Second <b>", "homework", 2, 0),
                               ("First", "class", 1, 0),
                               ("Gone", "class", 3, 1),
                               ("Third", "independent", 4, 0)])
    sid = make_session(description="Welcome!\n\nBring a notebook.")
    add_course(sid, cid, coach=coach[0])
    enroll(sid, learner[0])
    r = login(base, learner).get("/sessions/%d/courses/%d" % (sid, cid))
    assert r.status == 200, r
    lessons = re.findall(r'<li class="lesson lesson-(\w+)"[^>]*>(.*?) <span class="badge">(\w+)</span>',
                         r.text)
    assert lessons == [("class", "First", "Class"),
                       ("homework", "Second &lt;b&gt;", "Homework"),
                       ("independent", "Third", "Independent")], lessons
    assert "Gone" not in r.text
    assert 'id="learners"' not in r.text
    r = login(base, learner).get("/sessions/%d" % sid)
    assert '<p class="description">Welcome!</p>' in r.text
    assert '<p class="description">Bring a notebook.</p>' in r.text
    r = login(base, coach).get("/sessions/%d/courses/%d" % (sid, cid))
    assert r.status == 200 and 'id="learners"' in r.text


# ---------------------------------------------------------------------------
# Tracking

@test
def visits_are_tracked(base):
    """a learner's visits to a session and its courses are recorded; coaches
    see them on the course page and are not recorded themselves"""
    learner, quiet, coach = new_user(), new_user(), new_user("teacher")
    cid = make_course()
    sid = make_session(coach_dates=(None, None))
    add_course(sid, cid, coach=coach[0])
    enroll(sid, learner[0])
    enroll(sid, quiet[0])
    c = login(base, learner)
    assert c.get("/sessions/%d" % sid).status == 200
    assert c.get("/sessions/%d" % sid).status == 200
    assert c.get("/sessions/%d/courses/%d" % (sid, cid)).status == 200

    def row(course):
        return sql("SELECT access_count, first_access_at <= last_access_at, "
                   "last_access_at >= UTC_TIMESTAMP() - INTERVAL 5 MINUTE "
                   "FROM session_tracking WHERE session_id = %d AND course_id = %d "
                   "AND user_id = %d" % (sid, course, learner[0]))

    assert row(0) == [["2", "1", "1"]], row(0)
    assert row(cid) == [["1", "1", "1"]], row(cid)
    # Refused visits leave no record.
    c.get("/sessions/%d/courses/%d" % (sid, 10 ** 12))
    cc = login(base, coach)
    r = cc.get("/sessions/%d/courses/%d" % (sid, cid))
    assert r.status == 200
    assert sql_value("SELECT COUNT(*) FROM session_tracking WHERE user_id = %d"
                     % coach[0]) == "0"
    assert sql_value("SELECT COUNT(*) FROM session_tracking WHERE session_id = %d"
                     % sid) == "2"
    rows = re.findall(r"<tr><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td><td[^>]*>(\d+)</td></tr>",
                      r.text)
    by_email = {e: (last, n) for _, e, last, n in rows}
    assert by_email[quiet[1]] == ("Not yet", "0"), by_email
    last, n = by_email[learner[1]]
    assert n == "1" and re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d$", last), by_email


@test
def coach_learner_list_pages(base):
    """the coach's list of learners pages by keyset at a constant query count"""
    coach = new_user("teacher")
    cid = make_course()
    sid = make_session(coach=coach[0])
    add_course(sid, cid, coach=coach[0])
    prefix = unique("Pager")
    sql("INSERT INTO users (name, email, role, created_at, updated_at) "
        "SELECT CONCAT(%s, LPAD(seq, 3, '0')), CONCAT(%s, seq, '@example.org'), "
        "'learner', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_120"
        % (sql_quote(prefix + " "), sql_quote(prefix.lower())))
    sql("INSERT INTO session_learners (session_id, user_id, source, enrolled_at) "
        "SELECT %d, id, 'individual', UTC_TIMESTAMP() FROM users WHERE name LIKE %s; "
        "INSERT INTO session_course_learners (session_id, course_id, user_id, "
        "enrolled_at) SELECT %d, %d, id, UTC_TIMESTAMP() FROM users WHERE name LIKE %s; "
        "UPDATE lms_sessions SET learner_count = 120 WHERE id = %d"
        % (sid, sql_quote(prefix + " %"), sid, cid, sql_quote(prefix + " %"), sid))
    c = login(base, coach)
    path = "/sessions/%d/courses/%d" % (sid, cid)
    seen, counts = [], []
    while path and len(counts) < 5:
        r = c.get(path)
        assert r.status == 200, r
        counts.append(queries(r))
        seen += re.findall(r"<tr><td[^>]*>(%s \d+)</td>" % prefix, r.text)
        m = re.search(r'<a rel="next" href="([^"]+)"', r.text)
        path = m.group(1).replace("&amp;", "&") if m else None
    assert len(counts) == 3 and len(set(counts)) == 1, counts
    assert seen == ["%s %03d" % (prefix, i) for i in range(1, 121)], seen[:3]
    r = c.get("/sessions/%d/courses/%d?after_id=abc" % (sid, cid))
    assert r.status == 400
