"""Enrollments, schedule rules, session generation and student groups:
the pages and who may see them, field errors that write nothing, the
generator through the rule form and `lecternctl generate` (idempotent,
daylight-saving changes in two zones), rule edits and deletes that leave
past and hand-changed sessions alone."""

import datetime
import html
import re
import zoneinfo

from lectern import (CONF, accounts, ctl, signed_in, sql, sql_quote, sql_value,
                     test, test_once, unique)

DAYS = ["day_mon", "day_tue", "day_wed", "day_thu", "day_fri", "day_sat", "day_sun"]


def school_zone():
    tz = "UTC"
    with open(CONF) as f:
        for line in f:
            key, _, value = line.partition("=")
            if key.strip() == "timezone" and value.strip():
                tz = value.strip()
    return tz


def school_today():
    return datetime.datetime.now(zoneinfo.ZoneInfo(school_zone())).date()


def horizon_weeks():
    with open(CONF) as f:
        for line in f:
            key, _, value = line.partition("=")
            if key.strip() == "schedule_horizon_weeks" and value.strip():
                return int(value)
    return 8


def user_id(email):
    return int(sql_value("SELECT id FROM users WHERE email = " + sql_quote(email)))


def new_learner(name=None):
    email = unique("lrn") + "@example.org"
    sql("INSERT INTO users (name, email, role, created_at, updated_at) VALUES "
        "(%s, %s, 'learner', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (sql_quote(name or "Learner " + unique("n")), sql_quote(email)))
    return user_id(email), email


def new_course(lessons=0, archived=0):
    code = unique("C").upper()
    sql("INSERT INTO courses (title, code, archived, created_at, updated_at) VALUES "
        "(%s, %s, %d, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (sql_quote("Course " + code), sql_quote(code), archived))
    cid = int(sql_value("SELECT id FROM courses WHERE code = " + sql_quote(code)))
    for i in range(lessons):
        sql("INSERT INTO course_lessons (course_id, title, type, position, created_at, "
            "updated_at) VALUES (%d, 'Lesson %s %d', 'class', %d, UTC_TIMESTAMP(), "
            "UTC_TIMESTAMP())" % (cid, code, i + 1, i + 1))
    return cid, "Course " + code


def teacher(index):
    email = accounts()["teacher"][index][0]
    return user_id(email)


def create_enrollment(admin, learner, course, teacher_id, length="45"):
    """Create an enrollment through the admin form; returns its id."""
    admin.get("/admin/enrollments/new")
    r = admin.post("/admin/enrollments/new", {
        "learner": learner, "course": course, "teacher": teacher_id,
        "default_length": length})
    assert r.status == 303, r
    m = re.fullmatch(r"/platform/enrollments/(\d+)", r.header("Location"))
    assert m, r.header("Location")
    return int(m.group(1))


def rule_fields(days, time="14:00", length="45", start=None, end=""):
    f = {d: "1" for d in days}
    f.update({"time": time, "length": length,
              "start_date": start or school_today().isoformat(), "end_date": end})
    return f


def add_rule(client, eid, **kw):
    client.get("/platform/enrollments/%d/rules/new" % eid)
    r = client.post("/platform/enrollments/%d/rules/new" % eid, rule_fields(**kw))
    assert r.status == 303, r
    return int(sql_value("SELECT MAX(id) FROM schedule_rules WHERE enrollment_id = %d" % eid))


def sessions_of(rule):
    """(id, starts_at UTC datetime, rule_date, status, detached, duration)."""
    rows = sql("SELECT id, starts_at, rule_date, status, detached, duration_min "
               "FROM live_sessions WHERE rule_id = %d ORDER BY rule_date" % rule)
    return [(int(i), datetime.datetime.fromisoformat(s).replace(tzinfo=datetime.timezone.utc),
             d, st, int(det), int(du)) for i, s, d, st, det, du in rows]


def local(dt, tz):
    return dt.astimezone(zoneinfo.ZoneInfo(tz))


def count(table, where="1"):
    return int(sql_value("SELECT COUNT(*) FROM %s WHERE %s" % (table, where)))


def generated(out):
    m = re.search(r"(\d+) sessions? created", out)
    assert m, out
    return int(m.group(1))


# --- enrollments ---------------------------------------------------------

@test
def enrollment_pages(base):
    """admin creates an enrollment; list, search, teacher filter, detail"""
    admin = signed_in(base, "admin")
    lid, lemail = new_learner()
    cid, title = new_course(lessons=2)
    tid = teacher(0)
    r = admin.get("/admin/enrollments/new")
    assert r.status == 200 and 'value="45"' in r.text, r
    eid = create_enrollment(admin, lid, cid, tid, "60")
    row = sql("SELECT learner_id, course_id, teacher_id, default_length, active "
              "FROM enrollments WHERE id = %d" % eid)[0]
    assert row == [str(lid), str(cid), str(tid), "60", "1"], row
    r = admin.get("/admin/enrollments?q=" + lemail)
    assert r.status == 200 and 'data-id="%d"' % eid in r.text, r
    r = admin.get("/admin/enrollments?q=" + title.replace(" ", "+"))
    assert 'data-id="%d"' % eid in r.text, r
    r = admin.get("/admin/enrollments?q=%s&teacher=%d" % (lemail, teacher(1)))
    assert 'data-id="%d"' % eid not in r.text and "No enrollment matches" in r.text
    r = admin.get("/platform/enrollments/%d" % eid)
    assert r.status == 200, r
    for text in (lemail, title, "60 min", "Lesson", "Schedule", "Add Schedule Rule"):
        assert r.has(text), text
    # the teacher sees it in their list and can open it
    tess = signed_in(base, "teacher", 0)
    r = tess.get("/platform/enrollments")
    assert r.status == 200 and 'data-id="%d"' % eid in r.text, r
    assert tess.get("/platform/enrollments/%d" % eid).status == 200
    # edit the length and teacher, deactivate and activate
    admin.get("/platform/enrollments/%d" % eid)
    r = admin.post("/admin/enrollments/%d" % eid,
                   {"teacher": teacher(1), "default_length": "30"})
    assert r.status == 303, r
    assert sql("SELECT teacher_id, default_length FROM enrollments WHERE id = %d"
               % eid)[0] == [str(teacher(1)), "30"]
    assert tess.get("/platform/enrollments/%d" % eid).status == 404
    admin.get("/platform/enrollments/%d" % eid)
    r = admin.post("/admin/enrollments/%d/deactivate" % eid)
    assert r.status == 303 and sql_value("SELECT active FROM enrollments WHERE id = %d" % eid) == "0"
    admin.get("/platform/enrollments/%d" % eid)
    r = admin.post("/admin/enrollments/%d/activate" % eid)
    assert r.status == 303 and sql_value("SELECT active FROM enrollments WHERE id = %d" % eid) == "1"


@test
def enrollment_list_keyset_constant_queries(base):
    """the list pages by keyset with a constant number of queries"""
    admin = signed_in(base, "admin")
    cid, _ = new_course()
    for _ in range(3):
        lid, _ = new_learner()
        create_enrollment(admin, lid, cid, teacher(0))
    admin.get("/admin/enrollments")     # shows and clears the flash
    r1 = admin.get("/admin/enrollments")
    n1 = r1.header("X-Lectern-Queries")
    assert r1.status == 200
    if count("enrollments") > 50:
        m = re.search(r'<a rel="next" href="([^"]+)">', r1.text)
        assert m, "no next page link"
        r2 = admin.get(html.unescape(m.group(1)))
        ids1 = set(re.findall(r'<tr data-id="(\d+)">', r1.text))
        ids2 = set(re.findall(r'<tr data-id="(\d+)">', r2.text))
        assert ids1 and ids2 and not ids1 & ids2
        assert r2.header("X-Lectern-Queries") == n1
    else:
        assert "OFFSET" not in r1.text
    if n1 is not None:
        r3 = admin.get("/admin/enrollments?q=zzznothing")
        assert r3.header("X-Lectern-Queries") == n1, (n1, r3.header("X-Lectern-Queries"))


@test
def enrollment_validation_writes_nothing(base):
    """bad enrollment fields get messages per field and write nothing"""
    admin = signed_in(base, "admin")
    lid, _ = new_learner()
    cid, _ = new_course()
    archived, _ = new_course(archived=1)
    before = count("enrollments")
    admin.get("/admin/enrollments/new")
    r = admin.post("/admin/enrollments/new", {
        "learner": teacher(0), "course": archived, "teacher": lid,
        "default_length": "4"})
    assert r.status == 422, r
    for fid in ("learner-error", "course-error", "teacher-error", "default_length-error"):
        assert 'id="%s"' % fid in r.text, fid
    assert "Choose an active learner." in r.text
    assert "Choose a course that is not archived." in r.text
    assert "Choose an active teacher." in r.text
    r = admin.post("/admin/enrollments/new", {
        "learner": lid, "course": cid, "teacher": teacher(0), "default_length": "181"})
    assert r.status == 422 and 'id="default_length-error"' in r.text, r
    assert count("enrollments") == before
    create_enrollment(admin, lid, cid, teacher(0))
    r = admin.post("/admin/enrollments/new", {
        "learner": lid, "course": cid, "teacher": teacher(0), "default_length": "45"})
    assert r.status == 422 and "already has this course" in r.text, r
    assert count("enrollments") == before + 1


@test
def enrollment_authorization(base):
    """another teacher and other learners get 404; learners cannot add rules"""
    admin = signed_in(base, "admin")
    learner_email = accounts()["learner"][0][0]
    lid = user_id(learner_email)
    cid, title = new_course()
    eid = create_enrollment(admin, lid, cid, teacher(0))
    rid = add_rule(admin, eid, days=["day_sat"], start=(school_today() + datetime.timedelta(days=400)).isoformat())
    theo = signed_in(base, "teacher", 1)
    paths = ["/platform/enrollments/%d" % eid,
             "/platform/enrollments/%d/rules/new" % eid,
             "/platform/enrollments/%d/rules/%d" % (eid, rid)]
    for p in paths:
        assert theo.get(p).status == 404, p
    r = theo.get("/platform/enrollments")
    assert 'data-id="%d"' % eid not in r.text
    theo.get("/platform/enrollments")
    rules = count("schedule_rules", "enrollment_id = %d" % eid)
    r = theo.post("/platform/enrollments/%d/rules/new" % eid, rule_fields(days=["day_mon"]))
    assert r.status == 404, r
    r = theo.post("/platform/enrollments/%d/rules/%d/delete" % (eid, rid))
    assert r.status == 404, r
    assert theo.get("/admin/enrollments").status == 403
    # the enrollment's learner reads it, without the rule controls
    me = signed_in(base, "learner", 0)
    r = me.get("/platform/enrollments/%d" % eid)
    assert r.status == 200 and r.has(title) and "Add Schedule Rule" not in r.text, r
    assert me.get("/platform/enrollments/%d/rules/new" % eid).status in (403, 404)
    me.get("/")
    r = me.post("/platform/enrollments/%d/rules/new" % eid, rule_fields(days=["day_mon"]))
    assert r.status in (403, 404), r
    other = signed_in(base, "learner", 1)
    assert other.get("/platform/enrollments/%d" % eid).status == 404
    assert count("schedule_rules", "enrollment_id = %d" % eid) == rules
    assert admin.get("/platform/enrollments/999999999").status == 404


# --- schedule rules and generation --------------------------------------

@test
def rule_validation_writes_nothing(base):
    """rule form: days, time, length, dates checked per field"""
    admin = signed_in(base, "admin")
    lid, _ = new_learner()
    cid, _ = new_course()
    eid = create_enrollment(admin, lid, cid, teacher(0), "50")
    r = admin.get("/platform/enrollments/%d/rules/new" % eid)
    assert r.status == 200 and 'value="50"' in r.text, r
    for d in ("Monday", "Sunday"):
        assert d in r.text
    today = school_today()
    cases = [
        (rule_fields(days=[]), "days-error"),
        (rule_fields(days=["day_mon"], time="25:00"), "time-error"),
        (rule_fields(days=["day_mon"], time="1400"), "time-error"),
        (rule_fields(days=["day_mon"], length="4"), "length-error"),
        (rule_fields(days=["day_mon"], length="181"), "length-error"),
        (rule_fields(days=["day_mon"], start="2027-02-30"), "start_date-error"),
        (rule_fields(days=["day_mon"], start=today.isoformat(),
                     end=(today - datetime.timedelta(days=1)).isoformat()), "end_date-error"),
    ]
    for fields, fid in cases:
        r = admin.post("/platform/enrollments/%d/rules/new" % eid, fields)
        assert r.status == 422 and 'id="%s"' % fid in r.text, (fid, r)
    assert count("schedule_rules", "enrollment_id = %d" % eid) == 0
    assert count("live_sessions", "enrollment_id = %d" % eid) == 0


@test
def rule_form_generates_and_ctl_is_idempotent(base):
    """a rule fills the schedule at once; lecternctl generate adds nothing twice"""
    admin = signed_in(base, "admin")
    lid, _ = new_learner()
    cid, _ = new_course()
    tid = teacher(0)
    eid = create_enrollment(admin, lid, cid, tid, "40")
    r = admin.get("/platform/enrollments/%d/rules/new" % eid)
    assert 'value="40"' in r.text, "the length defaults to the enrollment's"
    rid = add_rule(admin, eid, days=["day_mon", "day_thu"], time="14:00", length="40")
    tz = school_zone()
    assert sql_value("SELECT timezone FROM schedule_rules WHERE id = %d" % rid) == tz
    rows = sessions_of(rid)
    today = school_today()
    last = today + datetime.timedelta(weeks=horizon_weeks())
    now = datetime.datetime.now(datetime.timezone.utc)
    expect = []
    d = today
    while d <= last:
        if d.weekday() in (0, 3):
            start = datetime.datetime(d.year, d.month, d.day, 14, 0,
                                      tzinfo=zoneinfo.ZoneInfo(tz))
            if start > now:
                expect.append(d.isoformat())
        d += datetime.timedelta(days=1)
    assert [r[2] for r in rows] == expect, ([r[2] for r in rows], expect)
    for _, start, rdate, status, detached, dur in rows:
        lt = local(start, tz)
        assert (lt.hour, lt.minute) == (14, 0) and lt.date().isoformat() == rdate
        assert status == "scheduled" and detached == 0 and dur == 40
    assert count("live_sessions", "rule_id = %d AND (meeting_type <> 'individual' OR "
                 "enrollment_id <> %d OR course_id <> %d OR teacher_id <> %d OR "
                 "ends_at <> starts_at + INTERVAL 40 MINUTE)" % (rid, eid, cid, tid)) == 0
    assert count("live_participants p JOIN live_sessions s ON s.id = p.session_id",
                 "s.rule_id = %d AND p.learner_id = %d" % (rid, lid)) == len(rows)
    assert sql_value("SELECT generated_until FROM schedule_rules WHERE id = %d" % rid) == last.isoformat()
    # the detail page lists the upcoming sessions in the viewer's zone
    r = admin.get("/platform/enrollments/%d" % eid)
    if rows:
        assert re.search(r"\d{4}-\d\d-\d\d 14:00 \(%s( [A-Z]+)?\)" % re.escape(tz), r.text), r.text
    before = count("live_sessions")
    rc, out = ctl("generate")
    assert rc == 0 and generated(out) == 0, out
    rc, out = ctl("generate")
    assert rc == 0 and generated(out) == 0, out
    assert count("live_sessions") == before
    # with generated_until forgotten, a run still adds nothing new
    sql("UPDATE schedule_rules SET generated_until = NULL WHERE id = %d" % rid)
    rc, out = ctl("generate")
    assert rc == 0 and count("live_sessions", "rule_id = %d" % rid) == len(rows), out
    rc, out = ctl("generate", "--now", "not a time")
    assert rc != 0


@test_once
def generation_across_dst(base):
    """Monday 14:00 stays 14:00 local in Berlin and New York across 2027's changes"""
    admin = signed_in(base, "admin")
    cid, _ = new_course()
    rules = {}
    for tz in ("Europe/Berlin", "America/New_York"):
        lid, _ = new_learner()
        eid = create_enrollment(admin, lid, cid, teacher(0))
        rid = add_rule(admin, eid, days=["day_mon"], time="14:00", start="2027-03-01",
                       end="2027-04-19")
        assert count("live_sessions", "rule_id = %d" % rid) == 0
        sql("UPDATE schedule_rules SET timezone = %s WHERE id = %d" % (sql_quote(tz), rid))
        rules[tz] = rid
    rc, out = ctl("generate", "--now", "2027-02-26 12:00:00")
    assert rc == 0 and generated(out) >= 14, out
    for tz, rid in rules.items():
        rows = sessions_of(rid)
        dates = [r[2] for r in rows]
        assert dates == ["2027-03-01", "2027-03-08", "2027-03-15", "2027-03-22",
                         "2027-03-29", "2027-04-05", "2027-04-12", "2027-04-19"], (tz, dates)
        for _, start, rdate, *_ in rows:
            lt = local(start, tz)
            assert (lt.hour, lt.minute) == (14, 0) and lt.date().isoformat() == rdate, (tz, start)
        hours = {r[2]: r[1].hour for r in rows}
        if tz == "Europe/Berlin":   # CET until 28 March, CEST after
            assert hours["2027-03-22"] == 13 and hours["2027-03-29"] == 12, hours
        else:                       # EST until 14 March, EDT after
            assert hours["2027-03-08"] == 19 and hours["2027-03-15"] == 18, hours
    n = count("live_sessions")
    rc, out = ctl("generate", "--now", "2027-02-26 12:00:00")
    assert rc == 0 and generated(out) == 0 and count("live_sessions") == n, out


@test
def rule_edit_spares_detached_and_past(base):
    """editing a rule moves only future scheduled sessions not changed by hand"""
    admin = signed_in(base, "admin")
    lid, _ = new_learner()
    cid, _ = new_course()
    eid = create_enrollment(admin, lid, cid, teacher(0))
    tz = school_zone()
    start = school_today() + datetime.timedelta(days=1)
    rid = add_rule(admin, eid, days=DAYS, time="10:00", start=start.isoformat())
    rows = sessions_of(rid)
    assert len(rows) >= 20, len(rows)
    moved, canceled, past, ended = rows[0][0], rows[1][0], rows[2][0], rows[3][0]
    # as the schedule pages do: a moved and a canceled session are detached
    sql("UPDATE live_sessions SET starts_at = starts_at + INTERVAL 3 HOUR, "
        "ends_at = ends_at + INTERVAL 3 HOUR, detached = 1 WHERE id = %d" % moved)
    sql("UPDATE live_sessions SET status = 'canceled', detached = 1 WHERE id = %d" % canceled)
    # one ended early by the teacher, not detached
    sql("UPDATE live_sessions SET status = 'ended' WHERE id = %d" % ended)
    # one that already took place
    sql("UPDATE live_sessions SET starts_at = UTC_TIMESTAMP() - INTERVAL 1 DAY, "
        "ends_at = UTC_TIMESTAMP() - INTERVAL 1 DAY + INTERVAL 45 MINUTE WHERE id = %d" % past)
    keep = {i: sql("SELECT starts_at, status, duration_min FROM live_sessions WHERE id = %d" % i)[0]
            for i in (moved, canceled, past, ended)}
    r = admin.get("/platform/enrollments/%d/rules/%d" % (eid, rid))
    assert r.status == 200 and 'value="10:00"' in r.text, r
    r = admin.post("/platform/enrollments/%d/rules/%d" % (eid, rid),
                   rule_fields(days=["day_tue"], time="16:30", length="60",
                               start=start.isoformat()))
    assert r.status == 303, r
    for i, row in keep.items():
        assert sql("SELECT starts_at, status, duration_min FROM live_sessions WHERE id = %d"
                   % i)[0] == row, i
    rest = [x for x in sessions_of(rid) if x[0] not in keep]
    assert rest
    for _, st, rdate, status, detached, dur in rest:
        lt = local(st, tz)
        assert lt.weekday() == 1 and (lt.hour, lt.minute) == (16, 30), (rdate, lt)
        assert status == "scheduled" and detached == 0 and dur == 60
    # a bad edit changes nothing
    snapshot = sql("SELECT id, starts_at FROM live_sessions WHERE rule_id = %d ORDER BY id" % rid)
    r = admin.post("/platform/enrollments/%d/rules/%d" % (eid, rid),
                   rule_fields(days=[], time="16:30", start=start.isoformat()))
    assert r.status == 422 and 'id="days-error"' in r.text
    assert sql("SELECT id, starts_at FROM live_sessions WHERE rule_id = %d ORDER BY id" % rid) == snapshot
    # deleting the rule deletes its future scheduled sessions only
    r = admin.post("/platform/enrollments/%d/rules/%d/delete" % (eid, rid))
    assert r.status == 303, r
    assert sql_value("SELECT deleted_at IS NOT NULL FROM schedule_rules WHERE id = %d" % rid) == "1"
    left = sorted(x[0] for x in sessions_of(rid))
    assert left == sorted(keep), (left, keep)
    assert admin.get("/platform/enrollments/%d/rules/%d" % (eid, rid)).status == 404
    rc, out = ctl("generate")
    assert rc == 0 and sorted(x[0] for x in sessions_of(rid)) == sorted(keep)


# --- student groups ------------------------------------------------------

@test
def student_groups(base):
    """teachers manage their own groups of their learners; others get 404"""
    admin = signed_in(base, "admin")
    tess = signed_in(base, "teacher", 0)
    theo = signed_in(base, "teacher", 1)
    mine, memail = new_learner()
    other, _ = new_learner()
    cid, _ = new_course()
    create_enrollment(admin, mine, cid, teacher(0))
    create_enrollment(admin, other, cid, teacher(1))
    name = unique("Group ")
    tess.get("/platform/groups")
    r = tess.post("/platform/groups", {"name": name})
    assert r.status == 303, r
    gid = int(re.fullmatch(r"/platform/groups/(\d+)", r.header("Location")).group(1))
    assert sql_value("SELECT teacher_id FROM student_groups WHERE id = %d" % gid) == str(teacher(0))
    r = tess.post("/platform/groups", {"name": name})
    assert r.status == 422 and 'id="name-error"' in r.text, r
    r = tess.post("/platform/groups", {"name": ""})
    assert r.status == 422 and 'id="name-error"' in r.text, r
    assert count("student_groups", "name = %s" % sql_quote(name)) == 1
    r = tess.get("/platform/groups/%d?q=%s" % (gid, memail))
    assert r.status == 200 and 'value="%d"' % mine in r.text, r
    r = tess.post("/platform/groups/%d/members" % gid, {"learner": other})
    assert r.status == 422, r
    r = tess.post("/platform/groups/%d/members" % gid, {"learner": mine})
    assert r.status == 303, r
    assert count("student_group_members", "group_id = %d" % gid) == 1
    for p in ("/platform/groups/%d" % gid,):
        assert theo.get(p).status == 404
    theo.get("/platform/groups")
    assert theo.post("/platform/groups/%d" % gid, {"name": "x"}).status == 404
    assert theo.post("/platform/groups/%d/members/%d/remove" % (gid, mine)).status == 404
    assert 'data-id="%d"' % gid not in theo.get("/platform/groups").text
    assert 'data-id="%d"' % gid in admin.get("/platform/groups").text
    r = tess.post("/platform/groups/%d" % gid, {"name": name + " renamed"})
    assert r.status == 303 and sql_value("SELECT name FROM student_groups WHERE id = %d" % gid) == name + " renamed"
    tess.get("/platform/groups/%d" % gid)
    r = tess.post("/platform/groups/%d/archive" % gid)
    assert r.status == 303 and sql_value("SELECT archived FROM student_groups WHERE id = %d" % gid) == "1"
    tess.get("/platform/groups/%d" % gid)
    r = tess.post("/platform/groups/%d/members/%d/remove" % (gid, mine))
    assert r.status == 303 and count("student_group_members", "group_id = %d" % gid) == 0
    learner = signed_in(base, "learner", 0)
    assert learner.get("/platform/groups").status == 403


# --- the attendance chart ------------------------------------------------

def past_lesson(eid, cid, tid, learner, days_ago, attendance):
    """An ended lesson of the enrollment days_ago with the learner's
    attendance (None: not recorded)."""
    sql("INSERT INTO live_sessions (course_id, teacher_id, meeting_type, "
        "enrollment_id, starts_at, ends_at, duration_min, status, created_at, "
        "updated_at) VALUES (%d, %d, 'individual', %d, "
        "UTC_TIMESTAMP() - INTERVAL %d DAY, "
        "UTC_TIMESTAMP() - INTERVAL %d DAY + INTERVAL 45 MINUTE, 45, 'ended', "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (cid, tid, eid, days_ago, days_ago))
    sid = int(sql_value("SELECT MAX(id) FROM live_sessions WHERE enrollment_id = %d" % eid))
    sql("INSERT INTO live_participants (session_id, learner_id, attendance) "
        "VALUES (%d, %d, %s)" % (sid, learner,
                                 "NULL" if attendance is None else sql_quote(attendance)))
    return sid


def chart_bars(text):
    """{kind: (y, height, count in the table)} of the attendance bars."""
    bars = {}
    for kind, y, h in re.findall(
            r'<rect class="bar att-(\w+)" data-kind="\w+" x="\d+" y="(\d+)" '
            r'width="40" height="(\d+)"', text):
        bars[kind] = (int(y), int(h))
    table = dict(re.findall(r'<tr data-kind="(\w+)"><th scope="row">\w+</th>'
                            r'<td>(\d+)</td></tr>', text))
    return {k: bars[k] + (int(table[k]),) for k in bars}


@test
def enrollment_attendance_chart(base):
    """the enrollment page charts the learner's attendance at the latest
    lessons, with the same figures in a table, in a constant number of
    queries; no chart before anything is recorded"""
    admin = signed_in(base, "admin")
    lid, _ = new_learner()
    cid, _ = new_course()
    tid = teacher(0)
    eid = create_enrollment(admin, lid, cid, tid)
    page = "/platform/enrollments/%d" % eid
    r = admin.get(page)
    assert r.status == 200 and 'id="no-attendance"' in r.text, r
    assert "<svg" not in r.text
    n_empty = r.header("X-Lectern-Queries")
    # not recorded yet: still no chart
    past_lesson(eid, cid, tid, lid, 9, None)
    r = admin.get(page)
    assert 'id="no-attendance"' in r.text and "<svg" not in r.text
    for days, att in ((8, "present"), (7, "absent"), (6, "present"), (5, "present")):
        past_lesson(eid, cid, tid, lid, days, att)
    r = admin.get(page)
    assert r.status == 200 and 'id="no-attendance"' not in r.text, r
    assert r.header("X-Lectern-Queries") == n_empty, (n_empty, r.header("X-Lectern-Queries"))
    bars = chart_bars(r.text)
    # 3 present: the full 70 units from the baseline at 90; 1 absent: a third
    assert bars == {"present": (20, 70, 3), "late": (90, 0, 0),
                    "absent": (67, 23, 1), "excused": (90, 0, 0)}, bars
    assert 'role="img"' in r.text and "<title id=\"attendance-bars-title\">" in r.text
    assert r.has("Over the last 4 recorded lessons: 3 present, 0 late, 1 absent, 0 excused.")
    # the strip: oldest first, one mark and one table row per lesson
    kinds = re.findall(r'<rect class="mark att-(\w+)"', r.text)
    assert kinds == ["present", "absent", "present", "present"], kinds
    rows = re.findall(r'<tr data-kind="\w+"><td>[^<]+</td><td>(\w+)</td></tr>', r.text)
    assert rows == ["Present", "Absent", "Present", "Present"], rows
    # many lessons: only the latest 12, same number of queries
    for days in range(30, 50):
        past_lesson(eid, cid, tid, lid, days, "late")
    r = admin.get(page)
    assert r.header("X-Lectern-Queries") == n_empty
    assert 'data-lessons="12"' in r.text
    bars = chart_bars(r.text)
    assert bars["late"][2] == 8 and bars["present"][2] == 3, bars
    assert bars["late"] == (20, 70, 8) and bars["present"] == (90 - 26, 26, 3), bars
    assert len(re.findall(r'<rect class="mark ', r.text)) == 12
    # the teacher of the enrollment sees the same chart
    tess = signed_in(base, "teacher", 0)
    r = tess.get(page)
    assert r.status == 200 and chart_bars(r.text)["late"][2] == 8
