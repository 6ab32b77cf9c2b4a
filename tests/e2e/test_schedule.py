"""Live lessons: the schedule (the week as a time grid, the month, the
list, zones, constant query counts), creating and editing live sessions with their validation and
double-booking rules, the session page, the status flow with its log,
attendance, and who may see or change what."""

import datetime
import random
import re
import zoneinfo

from lectern import Client, accounts, signed_in, sql, sql_quote, sql_value, \
    test, unique


# --- helpers ---------------------------------------------------------------

def user_id(role, index):
    email = accounts()[role][index][0]
    return int(sql_value("SELECT id FROM users WHERE email = %s"
                         % sql_quote(email)))


def set_zone(uid, tz):
    sql("UPDATE users SET timezone = %s WHERE id = %d"
        % ("NULL" if tz is None else sql_quote(tz), uid))


def far_monday():
    """A Monday far in the future, different for every call: a week (with
    two days either side, for the zones) where no test has planned a
    lesson yet, so a page of that week shows only the caller's."""
    while True:
        d = datetime.date.today() + datetime.timedelta(
            weeks=random.randrange(300, 7000))
        d -= datetime.timedelta(days=d.weekday())
        if int(sql_value(
                "SELECT COUNT(*) FROM live_sessions WHERE starts_at >= '%s' "
                "AND starts_at < '%s'" % (d - datetime.timedelta(days=2),
                                          d + datetime.timedelta(days=9)))) == 0:
            return d


def new_course(lessons=1):
    """A course with lessons; returns (course id, [lesson ids])."""
    title = unique("Live course ")
    sql("INSERT INTO courses (title, code, created_at, updated_at) VALUES "
        "(%s, %s, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (sql_quote(title), sql_quote(unique("LC"))))
    cid = int(sql_value("SELECT id FROM courses WHERE title = %s"
                        % sql_quote(title)))
    ids = []
    for i in range(lessons):
        lt = unique("Lesson ")
        sql("INSERT INTO course_lessons (course_id, title, type, position, "
            "created_at, updated_at) VALUES (%d, %s, 'class', %d, "
            "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (cid, sql_quote(lt), i + 1))
        ids.append(int(sql_value("SELECT id FROM course_lessons WHERE "
                                 "title = %s" % sql_quote(lt))))
    return cid, ids


def enroll(learner, course, teacher):
    sql("INSERT IGNORE INTO enrollments (learner_id, course_id, teacher_id, "
        "default_length, created_at, updated_at) VALUES (%d, %d, %d, 45, "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (learner, course, teacher))
    return int(sql_value("SELECT id FROM enrollments WHERE learner_id = %d "
                         "AND course_id = %d AND teacher_id = %d"
                         % (learner, course, teacher)))


def new_group(teacher, members):
    name = unique("Group ")
    sql("INSERT INTO student_groups (name, teacher_id, created_at, "
        "updated_at) VALUES (%s, %d, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (sql_quote(name), teacher))
    gid = int(sql_value("SELECT id FROM student_groups WHERE name = %s"
                        % sql_quote(name)))
    for m in members:
        sql("INSERT INTO student_group_members (group_id, learner_id, "
            "added_at) VALUES (%d, %d, UTC_TIMESTAMP())" % (gid, m))
    return gid


def insert_session(teacher, course, start_utc, minutes=45, learners=(),
                   status="scheduled", title=None, meeting="group"):
    """A live session written directly; returns its id."""
    end = start_utc + datetime.timedelta(minutes=minutes)
    sql("INSERT INTO live_sessions (course_id, teacher_id, meeting_type, "
        "title, starts_at, ends_at, duration_min, status, created_at, "
        "updated_at) VALUES (%d, %d, '%s', %s, '%s', '%s', %d, '%s', "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (course, teacher, meeting, sql_quote(title) if title else "NULL",
           start_utc.strftime("%Y-%m-%d %H:%M:%S"),
           end.strftime("%Y-%m-%d %H:%M:%S"), minutes, status))
    sid = int(sql_value("SELECT MAX(id) FROM live_sessions"))
    for lid in learners:
        sql("INSERT INTO live_participants (session_id, learner_id) VALUES "
            "(%d, %d)" % (sid, lid))
    return sid


def form(course, date, time, **kw):
    f = {"course": str(course), "lesson": "", "date": date, "time": time,
         "duration": "45", "meeting_type": "individual", "enrollment": "",
         "group": "", "title": "", "notes": ""}
    f.update(kw)
    return list(f.items())


def create(client, fields):
    client.get("/platform/sessions/new")
    return client.post("/platform/sessions/new", fields)


def created_id(r):
    assert r.status == 303, r
    m = re.fullmatch(r"/platform/sessions/(\d+)", r.header("Location"))
    assert m, r.header("Location")
    return int(m.group(1))


def setup():
    """Teacher tess with an enrolled learner lena and liam in a new course."""
    t = user_id("teacher", 0)
    l1, l2 = user_id("learner", 0), user_id("learner", 1)
    set_zone(t, "UTC")
    set_zone(l1, "UTC")
    set_zone(l2, "UTC")
    cid, lessons = new_course(2)
    e1 = enroll(l1, cid, t)
    e2 = enroll(l2, cid, t)
    return t, l1, l2, cid, lessons, e1, e2


def counts(sid):
    return (int(sql_value("SELECT COUNT(*) FROM live_sessions WHERE id = %d"
                          % sid)),)


# --- schedule ---------------------------------------------------------------

@test
def schedule_week_two_zones(base):
    t, l1, l2, cid, lessons, e1, e2 = setup()
    monday = far_monday()
    start = datetime.datetime.combine(monday + datetime.timedelta(days=2),
                                      datetime.time(23, 30))
    sid = insert_session(t, cid, start, 60, [l1], title=unique("Week "))
    week = monday.isoformat()
    teacher = signed_in(base, "teacher", 0)
    r = teacher.get("/platform/schedule?week=%s" % week)
    assert r.status == 200, r
    assert r.has("Times in UTC<"), r.text
    wed = (monday + datetime.timedelta(days=2)).isoformat()
    day = re.search(r'id="day-%s">(.*?)</section>' % wed, r.text, re.S)
    assert day and "live-%d" % sid in day.group(1), r.text
    assert "23:30–00:30" in day.group(1)
    for label in ("Previous week", "Today", "Next week"):
        assert r.has(label)
    # The learner in Berlin sees it on Thursday at 00:30 or 01:30.
    set_zone(l1, "Europe/Berlin")
    learner = signed_in(base, "learner", 0)
    r = learner.get("/platform/schedule?week=%s" % week)
    assert r.status == 200
    assert re.search(r"Times in Europe/Berlin \((CET|CEST)\)", r.text)
    thu = (monday + datetime.timedelta(days=3)).isoformat()
    day = re.search(r'id="day-%s">(.*?)</section>' % thu, r.text, re.S)
    assert day and "live-%d" % sid in day.group(1), r.text
    off = zoneinfo.ZoneInfo("Europe/Berlin").utcoffset(start)
    local = (start + off).strftime("%H:%M")
    assert local in day.group(1)
    # Another learner does not see it.
    other = signed_in(base, "learner", 2)
    assert "live-%d" % sid not in other.get(
        "/platform/schedule?week=%s" % week).text
    # Previous / next week links move by seven days.
    prev = (monday - datetime.timedelta(days=7)).isoformat()
    nxt = (monday + datetime.timedelta(days=7)).isoformat()
    assert 'href="/platform/schedule?week=%s"' % prev in r.text
    assert 'href="/platform/schedule?week=%s"' % nxt in r.text
    r = learner.get("/platform/schedule?week=%s" % nxt)
    assert "live-%d" % sid not in r.text
    # Any day of the week shows the same week.
    r = learner.get("/platform/schedule?week=%s" % (monday +
                    datetime.timedelta(days=5)).isoformat())
    assert "live-%d" % sid in r.text
    set_zone(l1, "UTC")


@test
def schedule_constant_queries(base):
    t, l1, l2, cid, lessons, e1, e2 = setup()
    teacher = signed_in(base, "teacher", 0)
    admin = signed_in(base, "admin")
    seen = {}
    for n in (5, 200):
        monday = far_monday()
        values = []
        for i in range(n):
            s = datetime.datetime.combine(monday, datetime.time(0, 0)) + \
                datetime.timedelta(minutes=50 * i)
            e = s + datetime.timedelta(minutes=45)
            values.append("(%d, %d, 'group', '%s', '%s', 45, 'scheduled', "
                          "UTC_TIMESTAMP(), UTC_TIMESTAMP())"
                          % (cid, t, s.strftime("%Y-%m-%d %H:%M:%S"),
                             e.strftime("%Y-%m-%d %H:%M:%S")))
        sql("INSERT INTO live_sessions (course_id, teacher_id, meeting_type, "
            "starts_at, ends_at, duration_min, status, created_at, "
            "updated_at) VALUES " + ",".join(values))
        sql("INSERT INTO live_participants (session_id, learner_id) SELECT "
            "id, %d FROM live_sessions WHERE teacher_id = %d AND starts_at "
            ">= '%s' AND starts_at < '%s'" % (l1, t, monday.isoformat(),
                                              (monday + datetime.timedelta(
                                                  days=7)).isoformat()))
        for who, c in (("teacher", teacher), ("admin", admin)):
            r = c.get("/platform/schedule?week=%s" % monday.isoformat())
            assert r.status == 200
            q = r.header("X-Lectern-Queries")
            assert q is not None, "the check config turns the query count on"
            assert r.text.count('class="live-session') >= n, n
            seen.setdefault(who, set()).add(q)
        learner = signed_in(base, "learner", 0)
        r = learner.get("/platform/schedule?week=%s" % monday.isoformat())
        seen.setdefault("learner", set()).add(r.header("X-Lectern-Queries"))
    for who, qs in seen.items():
        assert len(qs) == 1, (who, qs)


def day_html(text, date):
    """The week grid's column of a day (its section), or None."""
    m = re.search(r'<section class="cal-day([^"]*)"[^>]*id="day-%s">(.*?)'
                  r'</section>' % date, text, re.S)
    return (m.group(1), m.group(2)) if m else None


def placed(text, sid):
    """The place classes of lesson sid in the week grid: {r:, s:, l:}."""
    m = re.search(r'<li class="live-session \w+ cal-item r-(\d+) s-(\d+) '
                  r'l-(\w+)" id="live-%d">' % sid, text)
    assert m, "lesson %d is not in the grid" % sid
    return {"r": int(m.group(1)), "s": int(m.group(2)), "l": m.group(3)}


@test
def schedule_week_grid(base):
    """Lessons land in their day's column on the rows of their start and
    length; the hours shown cover every lesson and at least 08:00-18:00;
    overlapping lessons share the day in lanes; empty days say nothing."""
    t, l1, l2, cid, lessons, e1, e2 = setup()
    monday = far_monday()
    week = "/platform/schedule?week=%s" % monday.isoformat()
    day = [(monday + datetime.timedelta(days=i)).isoformat()
           for i in range(7)]

    def at(d, h, m):
        return datetime.datetime.combine(
            monday + datetime.timedelta(days=d), datetime.time(h, m))

    a = insert_session(t, cid, at(2, 10, 30), 45, [l1])
    teacher = signed_in(base, "teacher", 0)
    r = teacher.get(week)
    assert r.status == 200, r
    # 08:00 to 18:00: ten hours of four rows; 10:30 is the 11th row.
    assert 'class="cal-rows hrs-10"' in r.text, \
        re.findall(r'<li class="live-session[^>]*>.*?</li>', r.text)
    hours = re.findall(r'<li class="r-(\d+) s-4">(\d\d:00)</li>', r.text)
    assert hours[0] == ("1", "08:00") and hours[-1] == ("37", "17:00"), hours
    assert placed(r.text, a) == {"r": 11, "s": 3, "l": "all"}
    cls, html = day_html(r.text, day[2])
    assert "live-%d" % a in html and "empty" not in cls
    assert "10:30–11:15" in html
    for d in (0, 1, 3, 4, 5, 6):
        cls, html = day_html(r.text, day[d])
        assert "empty" in cls and "live-session" not in html, d
    assert "No sessions." not in r.text
    assert 'id="no-week"' not in r.text
    # An early and a late lesson widen the hours: 06:00 to midnight; a
    # lesson past midnight stops at the end of its day.
    b = insert_session(t, cid, at(4, 6, 15), 30, [l1])
    c = insert_session(t, cid, at(5, 23, 30), 60, [l1])
    r = teacher.get(week)
    assert 'class="cal-rows hrs-18"' in r.text
    assert placed(r.text, a) == {"r": 19, "s": 3, "l": "all"}
    assert placed(r.text, b) == {"r": 2, "s": 2, "l": "all"}
    assert placed(r.text, c) == {"r": 71, "s": 2, "l": "all"}
    assert "live-%d" % c in day_html(r.text, day[5])[1]
    # Two lessons at the same time (one canceled) side by side.
    d2 = insert_session(t, cid, at(2, 10, 0), 60, [l1], status="canceled")
    r = teacher.get(week)
    assert placed(r.text, d2) == {"r": 17, "s": 4, "l": "1"}
    assert placed(r.text, a) == {"r": 19, "s": 3, "l": "2"}
    assert 'class="sessions cal-rows lanes-2"' in day_html(r.text, day[2])[1]
    # The viewer's zone moves the lessons two hours later (Johannesburg
    # keeps no daylight saving): Saturday's 23:30 becomes Sunday's
    # 01:30, so the hours start at 01:00 and 10:30 UTC, now 12:30, is
    # on row (12:30 - 01:00) / 15 min + 1.
    set_zone(t, "Africa/Johannesburg")
    r = teacher.get(week)
    assert r.has("SAST") and 'class="cal-rows hrs-17"' in r.text
    assert placed(r.text, a)["r"] == 47
    assert placed(r.text, c) == {"r": 3, "s": 4, "l": "all"}
    assert "live-%d" % c in day_html(r.text, day[6])[1]
    set_zone(t, "UTC")
    # A week without lessons says so once, not once a day.
    r = teacher.get("/platform/schedule?week=%s"
                    % (monday + datetime.timedelta(days=14)).isoformat())
    assert r.has('id="no-week"') and r.text.count("No sessions") == 1
    # Today is marked in the current week.
    r = teacher.get("/platform/schedule")
    today = datetime.datetime.utcnow().date().isoformat()
    cls, html = day_html(r.text, today)
    assert "today" in cls.split() and 'aria-current="date"' in html, cls


def month_counts(text):
    """{date: lessons} of the month view's days that show a count."""
    out = {}
    for m in re.finditer(r'id="month-(\d{4}-\d\d-\d\d)"><a href="([^"]+)"'
                         r'[^>]*>(.*?)</a></td>', text, re.S):
        assert re.fullmatch(r"/platform/schedule\?week=%s(&amp;teacher="
                            r"\d+)?" % m.group(1), m.group(2)), m.group(0)
        n = re.search(r'class="cal-count">(\d+)<', m.group(3))
        if n:
            out[m.group(1)] = int(n.group(1))
    return out


@test
def schedule_month(base):
    """The month counts each day's lessons (not canceled) in the viewer's
    zone, each day links to its week; months link both ways to weeks."""
    t, l1, l2, cid, lessons, e1, e2 = setup()
    def taken(first):
        # Other tests plan lessons in random far weeks: a month (with a
        # day either side) that already holds one would count it too.
        return int(sql_value(
            "SELECT COUNT(*) FROM live_sessions WHERE starts_at >= '%s' "
            "AND starts_at < '%s'" % (first - datetime.timedelta(days=2),
                                      first + datetime.timedelta(days=33))))

    first = far_monday().replace(day=1)
    while first.month in (12, 3, 10) or taken(first):
        first = (first + datetime.timedelta(days=40)).replace(day=1)
    ym = first.strftime("%Y-%m")

    def on(day, h, m):
        return datetime.datetime.combine(
            first + datetime.timedelta(days=day - 1), datetime.time(h, m))

    insert_session(t, cid, on(3, 9, 0), 45, [l1])
    insert_session(t, cid, on(3, 14, 0), 45, [l1])
    insert_session(t, cid, on(3, 16, 0), 45, [l1], status="canceled")
    insert_session(t, cid, on(10, 23, 30), 45, [l1])
    # The evening before the 1st (UTC) is the 1st in Berlin.
    insert_session(t, cid, on(0, 23, 30), 45, [l1])
    teacher = signed_in(base, "teacher", 0)
    path = "/platform/schedule?view=month&month=%s" % ym
    r = teacher.get(path)
    assert r.status == 200, r
    assert r.has(first.strftime("%B %Y")), r.text
    d = lambda n: (first + datetime.timedelta(days=n - 1)).isoformat()
    assert month_counts(r.text) == {d(3): 2, d(10): 1}, month_counts(r.text)
    assert r.has("2<span class=\"cal-word\"> lessons</span>")
    assert r.has("1<span class=\"cal-word\"> lesson</span>")
    # The learner in Berlin sees the late lessons a day later.
    set_zone(l1, "Europe/Berlin")
    learner = signed_in(base, "learner", 0)
    r = learner.get(path)
    assert month_counts(r.text) == {d(1): 1, d(3): 2, d(11): 1}, \
        month_counts(r.text)
    set_zone(l1, "UTC")
    assert month_counts(signed_in(base, "learner", 2).get(path).text) == {}
    # Previous and next month, and the way back to the week.
    prev = (first - datetime.timedelta(days=1)).strftime("%Y-%m")
    nxt = (first + datetime.timedelta(days=32)).strftime("%Y-%m")
    assert 'href="/platform/schedule?view=month&amp;month=%s" id="prev-month"' \
        % prev in r.text
    assert 'href="/platform/schedule?view=month&amp;month=%s" id="next-month"' \
        % nxt in r.text
    assert 'href="/platform/schedule?week=%s" id="week-view-link"' % d(1) \
        in r.text
    r = teacher.get("/platform/schedule?week=%s" % d(3))
    assert 'href="/platform/schedule?view=month&amp;month=%s" id="month-link"' \
        % ym in r.text
    # An administrator's filter keeps the teacher through the months.
    aid = user_id("admin", 0)
    zone = sql_value("SELECT timezone FROM users WHERE id = %d" % aid)
    set_zone(aid, "UTC")
    admin = signed_in(base, "admin")
    r = admin.get(path + "&teacher=%d" % t)
    set_zone(aid, None if zone in (None, "NULL") else zone)
    assert month_counts(r.text) == {d(3): 2, d(10): 1}, month_counts(r.text)
    assert "month=%s&amp;teacher=%d\" id=\"next-month\"" % (nxt, t) in r.text
    assert 'name="month" value="%s"' % ym in r.text
    # Without a month: the month of the week asked for, else this one.
    r = teacher.get("/platform/schedule?view=month&week=%s" % d(20))
    assert month_counts(r.text) == {d(3): 2, d(10): 1}
    r = teacher.get("/platform/schedule?view=month")
    assert r.status == 200 and r.has(
        datetime.datetime.utcnow().strftime("%B %Y"))


@test
def schedule_month_bad_input(base):
    teacher = signed_in(base, "teacher", 0)
    for bad in ("2026-13", "2026-00", "2026-1", "26-12", "abcd-ef",
                "1969-12", "2026/12", "9999-12"):
        r = teacher.get("/platform/schedule?view=month&month=" + bad)
        assert r.status == 400, (bad, r.status)
        assert r.has("The month must be written YYYY-MM"), (bad, r.text)
    r = teacher.get("/platform/schedule?view=month&month=2026-12-01")
    assert r.status == 400 and r.has("Month"), r.text
    r = teacher.get("/platform/schedule?view=year")
    assert r.status == 400
    r = teacher.get("/platform/schedule?view=month&month=2026-12"
                    "&month=2027-01")
    assert r.status == 400


@test
def schedule_month_constant_queries(base):
    """The month runs as many statements for 5 lessons as for 600."""
    t, l1, l2, cid, lessons, e1, e2 = setup()
    teacher = signed_in(base, "teacher", 0)
    admin = signed_in(base, "admin")
    learner = signed_in(base, "learner", 0)
    seen = {}
    for n in (5, 600):
        first = far_monday().replace(day=1)
        sql("INSERT INTO live_sessions (course_id, teacher_id, "
            "meeting_type, starts_at, ends_at, duration_min, status, "
            "created_at, updated_at) SELECT %d, %d, 'group', t, "
            "t + INTERVAL 45 MINUTE, 45, 'scheduled', UTC_TIMESTAMP(), "
            "UTC_TIMESTAMP() FROM (SELECT '%s' + INTERVAL seq * 50 MINUTE "
            "AS t FROM seq_0_to_%d) x" % (cid, t, first.isoformat(), n - 1))
        sql("INSERT INTO live_participants (session_id, learner_id) SELECT "
            "id, %d FROM live_sessions WHERE teacher_id = %d AND starts_at "
            ">= '%s' AND starts_at < '%s'"
            % (l1, t, first.isoformat(),
               (first + datetime.timedelta(days=28)).isoformat()))
        path = "/platform/schedule?view=month&month=%s" % \
            first.strftime("%Y-%m")
        for who, c in (("teacher", teacher), ("admin", admin),
                       ("learner", learner)):
            r = c.get(path)
            assert r.status == 200
            assert sum(month_counts(r.text).values()) >= n, (who, n)
            q = r.header("X-Lectern-Queries")
            assert q is not None, "the check config turns the query count on"
            seen.setdefault(who, set()).add(q)
    for who, qs in seen.items():
        assert len(qs) == 1, (who, qs)


def user_like(base, role):
    """A new user of role who signs in with the first demo account's
    password of that role; returns (id, signed-in client)."""
    email = unique(role) + "@example.org"
    demo_email, demo_pw = accounts()[role][0]
    sql("INSERT INTO users (name, email, password_hash, role, timezone, "
        "created_at, updated_at) SELECT %s, %s, password_hash, %s, 'UTC', "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM users WHERE email = %s"
        % (sql_quote(role.title() + " " + unique("u")), sql_quote(email),
           sql_quote(role), sql_quote(demo_email)))
    uid = int(sql_value("SELECT id FROM users WHERE email = %s"
                        % sql_quote(email)))
    c = Client(base)
    r = c.login(email, demo_pw)
    assert r.status == 303, r
    return uid, c


@test
def schedule_teacher_with_5000_sessions(base):
    """A teacher with 5,000 sessions (50 a week for 100 weeks) gets the
    week view, the list's first page and a page ten pages deep with the
    same number of queries as a teacher with one session."""
    cid, _ = new_course(0)
    learner, _ = user_like(base, "learner")
    monday = far_monday()
    small, small_c = user_like(base, "teacher")
    big, big_c = user_like(base, "teacher")
    start = datetime.datetime.combine(monday, datetime.time(7, 0))
    insert_session(small, cid, start, 45, [learner])
    # 50 a week: ten a day from Monday to Friday, one an hour from 07:00.
    sql("INSERT INTO live_sessions (course_id, teacher_id, meeting_type, "
        "starts_at, ends_at, duration_min, status, created_at, updated_at) "
        "SELECT %d, %d, 'group', t, t + INTERVAL 45 MINUTE, 45, 'scheduled', "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM (SELECT '%s' + INTERVAL "
        "(seq DIV 50) WEEK + INTERVAL ((seq MOD 50) DIV 10) DAY + INTERVAL "
        "(seq MOD 10) HOUR AS t FROM seq_0_to_4999) x"
        % (cid, big, start.strftime("%Y-%m-%d %H:%M:%S")))
    sql("INSERT INTO live_participants (session_id, learner_id) SELECT id, "
        "%d FROM live_sessions WHERE teacher_id = %d" % (learner, big))
    assert sql_value("SELECT COUNT(*) FROM live_sessions WHERE teacher_id "
                     "= %d" % big) == "5000"

    def queries(c, path, expect_rows):
        r = c.get(path)
        assert r.status == 200, (path, r)
        assert r.text.count('class="live-session') >= expect_rows, path
        q = r.header("X-Lectern-Queries")
        assert q is not None, "the check config turns the query count on"
        return q, r

    week = "/platform/schedule?week=%s" % monday.isoformat()
    qs, _ = queries(small_c, week, 1)
    qb, _ = queries(big_c, week, 50)
    assert qs == qb, (qs, qb)
    # The list starts with what is not over yet: all of these are ahead.
    lst = "/platform/schedule?view=list"
    qs, _ = queries(small_c, lst, 1)
    qb, r = queries(big_c, lst, 50)
    assert qs == qb, (qs, qb)
    for _ in range(10):
        m = re.search(r'href="([^"]+)" id="next-page"', r.text)
        assert m, "the list of 5,000 has more pages"
        qd, r = queries(big_c, m.group(1).replace("&amp;", "&"), 50)
        assert qd == qs, (qd, qs)


@test
def schedule_list_keyset(base):
    t, l1, l2, cid, lessons, e1, e2 = setup()
    l3 = user_id("learner", 3)
    monday = far_monday()
    ids = []
    for i in range(55):
        s = datetime.datetime.combine(monday, datetime.time(8, 0)) + \
            datetime.timedelta(hours=i)
        ids.append(insert_session(t, cid, s, 30, [l3],
                                  status="canceled" if i == 0 else
                                  "scheduled"))
    learner = signed_in(base, "learner", 3)
    r = learner.get("/platform/schedule?view=list")
    assert r.status == 200
    # Far-future sessions come after anything nearer: walk the pages.
    found, pages, path = [], 0, "/platform/schedule?view=list"
    while path and pages < 50:
        r = learner.get(path)
        pages += 1
        found += [int(x) for x in re.findall(r'<tr class="live-session '
                                             r'\w+" id="live-(\d+)"', r.text)]
        m = re.search(r'href="([^"]+)" id="next-page"', r.text)
        path = m.group(1).replace("&amp;", "&") if m else None
    mine = [x for x in found if x in ids]
    assert mine == ids, (mine[:3], ids[:3])
    assert len(found) == len(set(found))
    r = learner.get("/platform/schedule?view=list")
    q1 = r.header("X-Lectern-Queries")
    assert q1 is not None, "the check config turns the query count on"
    page = None
    p = "/platform/schedule?view=list"
    while p:
        page = learner.get(p)
        if "live-%d" % ids[0] in page.text:
            break
        m = re.search(r'href="([^"]+)" id="next-page"', page.text)
        p = m.group(1).replace("&amp;", "&") if m else None
    row = re.search(r'id="live-%d">(.*?)</tr>' % ids[0], page.text, re.S)
    assert row and "(canceled)" in row.group(1)
    assert page.header("X-Lectern-Queries") == q1


# --- create -----------------------------------------------------------------

@test
def create_individual_and_group(base):
    t, l1, l2, cid, lessons, e1, e2 = setup()
    teacher = signed_in(base, "teacher", 0)
    day = (far_monday() + datetime.timedelta(days=1)).isoformat()
    r = create(teacher, form(cid, day, "10:00", enrollment=str(e1),
                             lesson=str(lessons[0]), duration="60",
                             title="Present Tense Review", notes="Bring it"))
    sid = created_id(r)
    row = sql("SELECT meeting_type, enrollment_id, lesson_id, starts_at, "
              "ends_at, duration_min, status, title, notes FROM "
              "live_sessions WHERE id = %d" % sid)[0]
    assert row == ["individual", str(e1), str(lessons[0]), day + " 10:00:00",
                   day + " 11:00:00", "60", "scheduled",
                   "Present Tense Review", "Bring it"], row
    assert sql("SELECT learner_id FROM live_participants WHERE session_id = "
               "%d" % sid) == [[str(l1)]]
    assert sql("SELECT IFNULL(from_status, 'NULL'), to_status, user_id FROM "
               "live_status_log WHERE session_id = %d" % sid) == \
        [["NULL", "scheduled", str(t)]]
    page = teacher.get("/platform/sessions/%d" % sid)
    assert page.status == 200 and page.has("Present Tense Review")
    assert page.has("Join Session opens at 09:50 (UTC).")
    # Group: one learner by checkbox plus a group with another.
    l3 = user_id("learner", 3)
    enroll(l3, new_course()[0], t)
    gid = new_group(t, [l2])
    r = create(teacher, form(cid, day, "12:00", meeting_type="group",
                             learner=str(l3), group=str(gid)))
    sid = created_id(r)
    got = sorted(int(x[0]) for x in sql(
        "SELECT learner_id FROM live_participants WHERE session_id = %d"
        % sid))
    assert got == sorted([l2, l3]), got
    assert sql_value("SELECT group_id FROM live_sessions WHERE id = %d"
                     % sid) == str(gid)
    # Local time in Berlin is stored as UTC.
    set_zone(t, "Europe/Berlin")
    teacher = signed_in(base, "teacher", 0)
    r = create(teacher, form(cid, day, "15:00", enrollment=str(e2)))
    sid = created_id(r)
    start = sql_value("SELECT starts_at FROM live_sessions WHERE id = %d"
                      % sid)
    local = datetime.datetime.fromisoformat(day + " 15:00").replace(
        tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
    assert start == local.astimezone(datetime.timezone.utc).strftime(
        "%Y-%m-%d %H:%M:%S"), start
    set_zone(t, "UTC")


@test
def create_validation(base):
    t, l1, l2, cid, lessons, e1, e2 = setup()
    other_course, other_lessons = new_course(1)
    teacher = signed_in(base, "teacher", 0)
    day = far_monday().isoformat()
    before = sql_value("SELECT COUNT(*) FROM live_sessions")
    bad = [
        ({"course": ""}, "course-error"),
        ({"course": "999999999"}, "course-error"),
        ({"lesson": str(other_lessons[0])}, "lesson-error"),
        ({"date": "2024-02-30"}, "date-error"),
        ({"date": ""}, "date-error"),
        ({"time": "25:00"}, "time-error"),
        ({"time": "noon"}, "time-error"),
        ({"duration": "4"}, "duration-error"),
        ({"duration": "181"}, "duration-error"),
        ({"duration": "x"}, "duration-error"),
        ({"meeting_type": "party"}, "meeting_type-error"),
        ({"enrollment": ""}, "enrollment-error"),
        ({"meeting_type": "group"}, "learner-error"),
        ({"meeting_type": "group", "learner": str(user_id("learner", 4))},
         "learner-error"),
        ({"meeting_type": "group", "group": "999999999"}, "group-error"),
        ({"title": "x" * 201}, "title-error"),
        ({"notes": "x" * 5001}, "notes-error"),
    ]
    for change, err in bad:
        f = dict(form(cid, day, "10:00", enrollment=str(e1)))
        f.update(change)
        r = create(teacher, list(f.items()))
        assert r.status == 422, (change, r.status)
        assert 'id="%s"' % err in r.text, (change, err)
    # An enrollment in another course does not fit.
    e3 = enroll(l1, other_course, t)
    r = create(teacher, form(cid, day, "10:00", enrollment=str(e3)))
    assert r.status == 422 and r.has('id="enrollment-error"')
    # Another teacher's enrollment or group is refused.
    theo = user_id("teacher", 1)
    e4 = enroll(l2, cid, theo)
    r = create(teacher, form(cid, day, "10:00", enrollment=str(e4)))
    assert r.status == 422 and r.has('id="enrollment-error"')
    g = new_group(theo, [l1])
    r = create(teacher, form(cid, day, "10:00", meeting_type="group",
                             group=str(g)))
    assert r.status == 422 and r.has('id="group-error"')
    assert sql_value("SELECT COUNT(*) FROM live_sessions") == before
    # Any duration 5..180 is accepted.
    sid = created_id(create(teacher, form(cid, day, "10:00",
                                          enrollment=str(e1), duration="7")))
    assert sql_value("SELECT duration_min FROM live_sessions WHERE id = %d"
                     % sid) == "7"


@test
def double_booking(base):
    t, l1, l2, cid, lessons, e1, e2 = setup()
    teacher = signed_in(base, "teacher", 0)
    day = far_monday().isoformat()
    created_id(create(teacher, form(cid, day, "10:00", enrollment=str(e1))))
    before = (sql_value("SELECT COUNT(*) FROM live_sessions"),
              sql_value("SELECT COUNT(*) FROM live_participants"),
              sql_value("SELECT COUNT(*) FROM live_status_log"))
    r = create(teacher, form(cid, day, "10:30", enrollment=str(e2)))
    assert r.status == 422, r
    assert re.search(r'id="time-error">The teacher already has a session',
                     r.text)
    assert before == (sql_value("SELECT COUNT(*) FROM live_sessions"),
                      sql_value("SELECT COUNT(*) FROM live_participants"),
                      sql_value("SELECT COUNT(*) FROM live_status_log"))
    # Right after is fine; a canceled session does not block.
    created_id(create(teacher, form(cid, day, "10:45", enrollment=str(e2))))
    # The learner booked with another teacher at the same time: warned.
    theo = user_id("teacher", 1)
    s = datetime.datetime.fromisoformat(day + " 14:00")
    insert_session(theo, cid, s, 60, [l1])
    r = create(teacher, form(cid, day, "14:30", enrollment=str(e1)))
    sid = created_id(r)
    page = teacher.get(r.header("Location"))
    assert page.has("Warning: already booked at this time:"), page.text


# --- session page, edit, status flow ---------------------------------------

@test
def edit_and_cancel(base):
    t, l1, l2, cid, lessons, e1, e2 = setup()
    teacher = signed_in(base, "teacher", 0)
    day = far_monday().isoformat()
    sid = created_id(create(teacher, form(cid, day, "09:00",
                                          enrollment=str(e1),
                                          lesson=str(lessons[0]))))
    r = teacher.get("/platform/sessions/%d/edit" % sid)
    assert r.status == 200 and r.has('value="09:00"')
    r = teacher.post("/platform/sessions/%d/edit" % sid,
                     form(cid, day, "11:00", enrollment=str(e2),
                          lesson=str(lessons[0]), duration="30",
                          title="Moved"))
    assert r.status == 303, r
    assert sql("SELECT starts_at, ends_at, title, detached FROM live_sessions "
               "WHERE id = %d" % sid) == [[day + " 11:00:00",
                                           day + " 11:30:00", "Moved", "0"]]
    assert sql("SELECT learner_id FROM live_participants WHERE session_id = "
               "%d" % sid) == [[str(l2)]]
    # A session from a rule becomes detached when edited.
    sql("INSERT INTO schedule_rules (enrollment_id, weekdays, local_time, "
        "duration_min, timezone, start_date, created_at, updated_at) VALUES "
        "(%d, 1, '09:00', 45, 'UTC', '%s', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (e2, day))
    rule = sql_value("SELECT MAX(id) FROM schedule_rules")
    sql("UPDATE live_sessions SET rule_id = %s, rule_date = '%s' WHERE id = "
        "%d" % (rule, day, sid))
    teacher.get("/platform/sessions/%d/edit" % sid)
    r = teacher.post("/platform/sessions/%d/edit" % sid,
                     form(cid, day, "11:00", enrollment=str(e2),
                          lesson=str(lessons[0]), duration="30"))
    assert r.status == 303
    assert sql_value("SELECT detached FROM live_sessions WHERE id = %d"
                     % sid) == "1"
    teacher.get("/platform/sessions/%d" % sid)
    r = teacher.post("/platform/sessions/%d/cancel" % sid,
                     {"reason": "Teacher ill", "confirm": "1"})
    assert r.status == 303
    assert sql("SELECT status, cancel_reason, lesson_id FROM live_sessions "
               "WHERE id = %d" % sid) == [["canceled", "Teacher ill",
                                           str(lessons[0])]]
    assert sql("SELECT from_status, to_status, user_id, reason FROM "
               "live_status_log WHERE session_id = %d ORDER BY id DESC "
               "LIMIT 1" % sid) == [["scheduled", "canceled", str(t),
                                     "Teacher ill"]]
    page = teacher.get("/platform/sessions/%d" % sid)
    assert page.has("Teacher ill") and page.has("Canceled")
    r = teacher.post("/platform/sessions/%d/edit" % sid,
                     form(cid, day, "11:00", enrollment=str(e2)))
    assert r.status == 409


@test
def status_flow(base):
    t, l1, l2, cid, lessons, e1, e2 = setup()
    teacher = signed_in(base, "teacher", 0)
    now = datetime.datetime.utcnow().replace(microsecond=0)
    # Starts in 5 minutes: inside the join window.
    sid = insert_session(t, cid, now + datetime.timedelta(minutes=5), 45,
                         [l1, l2])
    sql("INSERT INTO live_status_log (session_id, to_status, user_id, "
        "changed_at) VALUES (%d, 'scheduled', %d, UTC_TIMESTAMP())" % (sid, t))
    p = "/platform/sessions/%d" % sid
    page = teacher.get(p)
    assert page.has("You can join from") and page.has("Start Session")
    assert "Join Session opens" not in page.text

    def refused(action, status_before):
        logs = sql_value("SELECT COUNT(*) FROM live_status_log WHERE "
                         "session_id = %d" % sid)
        teacher.get(p)
        r = teacher.post(p + "/" + action, {})
        assert r.status == 409, (action, r.status)
        assert sql_value("SELECT status FROM live_sessions WHERE id = %d"
                         % sid) == status_before
        assert sql_value("SELECT COUNT(*) FROM live_status_log WHERE "
                         "session_id = %d" % sid) == logs

    refused("complete", "scheduled")
    teacher.get(p)
    assert teacher.post(p + "/start", {}).status == 303
    refused("start", "active")
    refused("cancel", "active")
    teacher.get(p)
    assert teacher.post(p + "/complete", {}).status == 303
    for a in ("start", "complete", "cancel"):
        refused(a, "ended")
    assert sql_value("SELECT completed_at IS NOT NULL FROM live_sessions "
                     "WHERE id = %d" % sid) == "1"
    log = sql("SELECT IFNULL(from_status, 'NULL'), to_status, user_id FROM "
              "live_status_log WHERE session_id = %d ORDER BY id" % sid)
    assert log == [["NULL", "scheduled", str(t)],
                   ["scheduled", "active", str(t)],
                   ["active", "ended", str(t)]], log
    r = teacher.get(p + "/edit")
    assert r.status == 409
    # Canceled is final.
    sid2 = insert_session(t, cid, now + datetime.timedelta(days=3), 45, [l1],
                          status="canceled")
    for a in ("start", "complete", "cancel"):
        teacher.get("/platform/sessions/%d" % sid2)
        assert teacher.post("/platform/sessions/%d/%s" % (sid2, a),
                            {}).status == 409
    # Too early to start.
    sid3 = insert_session(t, cid, now + datetime.timedelta(hours=2), 45, [l1])
    page = teacher.get("/platform/sessions/%d" % sid3)
    assert page.has("Join Session opens at")
    assert "Start Session" not in page.text
    assert teacher.post("/platform/sessions/%d/start" % sid3,
                        {}).status == 409
    assert sql_value("SELECT status FROM live_sessions WHERE id = %d"
                     % sid3) == "scheduled"


@test
def attendance(base):
    t, l1, l2, cid, lessons, e1, e2 = setup()
    teacher = signed_in(base, "teacher", 0)
    now = datetime.datetime.utcnow().replace(microsecond=0)
    sid = insert_session(t, cid, now - datetime.timedelta(hours=2), 45,
                         [l1, l2], status="ended")
    p = "/platform/sessions/%d" % sid
    page = teacher.get(p)
    assert page.has("attendance-form")
    r = teacher.post(p + "/attendance", {"att_%d" % l1: "present",
                                         "att_%d" % l2: "excused",
                                         "session_notes": "Good work"})
    assert r.status == 303, r
    assert sql("SELECT learner_id, attendance FROM live_participants WHERE "
               "session_id = %d ORDER BY learner_id" % sid) == \
        sorted([[str(l1), "present"], [str(l2), "excused"]])
    assert sql_value("SELECT session_notes FROM live_sessions WHERE id = %d"
                     % sid) == "Good work"
    teacher.get(p)
    r = teacher.post(p + "/attendance", {"att_%d" % l1: "asleep"})
    assert r.status == 422
    assert sql_value("SELECT attendance FROM live_participants WHERE "
                     "session_id = %d AND learner_id = %d"
                     % (sid, l1)) == "present"
    teacher.get(p)
    r = teacher.post(p + "/attendance", {"session_notes": "x" * 5001})
    assert r.status in (400, 422)
    # Not before the end.
    sid2 = insert_session(t, cid, now + datetime.timedelta(days=2), 45, [l1])
    teacher.get("/platform/sessions/%d" % sid2)
    assert teacher.post("/platform/sessions/%d/attendance" % sid2,
                        {"att_%d" % l1: "present"}).status == 409


@test
def authorization(base):
    t, l1, l2, cid, lessons, e1, e2 = setup()
    now = datetime.datetime.utcnow().replace(microsecond=0)
    sid = insert_session(t, cid, now + datetime.timedelta(days=4), 45, [l1],
                         meeting="individual")
    p = "/platform/sessions/%d" % sid
    assert signed_in(base, "learner", 0).get(p).status == 200
    other = signed_in(base, "learner", 1)
    assert other.get(p).status == 404
    theo = signed_in(base, "teacher", 1)
    assert theo.get(p).status == 404
    assert theo.get(p + "/edit").status == 404
    theo.get("/platform/schedule")
    for a in ("cancel", "start", "complete", "attendance", "edit"):
        r = theo.post(p + "/" + a, form(cid, "2030-01-01", "10:00")
                      if a == "edit" else {})
        assert r.status == 404, (a, r.status)
    learner = signed_in(base, "learner", 0)
    learner.get(p)
    for a in ("cancel", "start", "complete", "attendance", "edit"):
        r = learner.post(p + "/" + a, {})
        assert r.status in (403, 404), (a, r.status)
    assert learner.get("/platform/sessions/new").status in (403, 404)
    assert sql_value("SELECT status FROM live_sessions WHERE id = %d"
                     % sid) == "scheduled"
    admin = signed_in(base, "admin")
    assert admin.get(p).status == 200
    r = admin.get("/platform/schedule?teacher=%d&week=%s"
                  % (t, (now + datetime.timedelta(days=4)).date().isoformat()))
    assert r.status == 200 and r.has("live-%d" % sid)
    r = admin.get("/platform/schedule?teacher=%d&week=%s"
                  % (user_id("teacher", 1),
                     (now + datetime.timedelta(days=4)).date().isoformat()))
    assert "live-%d" % sid not in r.text
    # Without the CSRF token nothing changes.
    teacher = signed_in(base, "teacher", 0)
    r = teacher.post(p + "/cancel", {}, csrf=False)
    assert r.status == 403
    assert sql_value("SELECT status FROM live_sessions WHERE id = %d"
                     % sid) == "scheduled"
    assert Client(base).get(p).status in (302, 303)


@test
def admin_creates_for_teacher(base):
    t, l1, l2, cid, lessons, e1, e2 = setup()
    admin = signed_in(base, "admin")
    r = admin.get("/platform/sessions/new?teacher=%d" % t)
    assert r.status == 200 and r.has('value="%d"' % e1)
    day = far_monday().isoformat()
    r = admin.post("/platform/sessions/new",
                   form(cid, day, "10:00", enrollment=str(e1),
                        teacher=str(t)))
    sid = created_id(r)
    assert sql_value("SELECT teacher_id FROM live_sessions WHERE id = %d"
                     % sid) == str(t)
    admin.get("/platform/sessions/new")
    r = admin.post("/platform/sessions/new",
                   form(cid, day, "12:00", enrollment=str(e1)))
    assert r.status == 422 and r.has('id="teacher-error"')


@test
def cancel_asks_first(base):
    """Cancel asks first, saying how many are emailed; only confirm=1"""
    t, l1, l2, cid, lessons, e1, e2 = setup()
    start = datetime.datetime.combine(far_monday(), datetime.time(9, 0))
    sid = insert_session(t, cid, start, learners=[l1, l2],
                         title=unique("Cancel me "))
    one = insert_session(t, cid, start + datetime.timedelta(days=1),
                         learners=[l1], title=unique("Cancel one "))
    path = "/platform/sessions/%d/cancel" % sid

    def outbox():
        return sql_value("SELECT COUNT(*) FROM outbox WHERE kind = "
                         "'session_canceled'")

    def status(i):
        return sql_value("SELECT status FROM live_sessions WHERE id = %d"
                         % i)

    def what(r):
        m = re.search(r'<p class="notice" id="confirm-what">([^<]*)</p>',
                      r.text)
        assert m, r.text
        return m.group(1)

    before = outbox()
    teacher = signed_in(base, "teacher", 0)
    teacher.get("/platform/sessions/%d" % sid)
    r = teacher.post(path, {"reason": "Teacher <ill>"})
    assert r.status == 200, r
    # The teacher cancels: the two learners hear of it.
    assert what(r) == "2 people are emailed that the lesson is canceled, " \
        "with the reason below when you give one."
    assert 'value="Teacher &lt;ill&gt;"' in r.text
    form = re.search(r'<form method="post" action="([^"]*)"[^>]*'
                     r'id="confirm-form">(.*?)</form>', r.text, re.S)
    assert form and form.group(1) == path
    assert '<input type="hidden" name="confirm" value="1">' in form.group(2)
    assert 'id="confirm-button">Cancel the lesson</button>' in form.group(2)
    assert 'href="/platform/sessions/%d" id="confirm-back">Keep the ' \
        'lesson</a>' % sid in form.group(2)
    assert status(sid) == "scheduled" and outbox() == before
    assert sql_value("SELECT COUNT(*) FROM live_status_log WHERE "
                     "session_id = %d" % sid) == "0"
    # An administrator cancels: the teacher hears too.
    admin = signed_in(base, "admin")
    admin.get("/platform/sessions/%d" % sid)
    r = admin.post(path, {"confirm": ""})
    assert r.status == 200 and what(r).startswith("3 people are emailed")
    admin.get("/platform/sessions/%d" % one)
    r = admin.post("/platform/sessions/%d/cancel" % one, {})
    assert r.status == 200 and what(r).startswith("2 people are emailed")
    teacher.get("/platform/sessions/%d" % one)
    r = teacher.post("/platform/sessions/%d/cancel" % one, {})
    assert r.status == 200 and what(r).startswith("1 person is emailed")
    assert status(one) == "scheduled" and outbox() == before
    # A learner may not even ask.
    learner = signed_in(base, "learner", 0)
    learner.get("/platform/sessions/%d" % sid)
    assert learner.post(path, {}).status in (403, 404)
    # The confirming form cancels, with the reason.
    r = teacher.post(path, {"reason": "Teacher ill", "confirm": "1"},
                     csrf=r.csrf())
    assert r.status == 303, r
    assert sql("SELECT status, cancel_reason FROM live_sessions WHERE "
               "id = %d" % sid) == [["canceled", "Teacher ill"]]
    assert int(outbox()) == int(before) + 2
    # Canceled already: refused, nothing asked.
    teacher.get("/platform/sessions/%d" % sid)
    r = teacher.post(path, {})
    assert r.status == 409 and 'id="confirm-form"' not in r.text
