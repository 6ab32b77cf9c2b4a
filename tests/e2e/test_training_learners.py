"""Enrolling learners in training sessions: one by one, a class at once,
and the CSV import (preview, all-or-nothing, the explicit valid-rows
choice, re-imports, encodings, 5,000 rows in one transaction)."""

import html
import re

from lectern import Client, accounts, signed_in, sql, sql_quote, sql_value, test, unique
from test_training import (counters_right, create_session, new_course, new_learner,
                           queries, teacher_ids)


def add_course(admin, sid, cid, coach=""):
    admin.get("/admin/sessions/%d" % sid)
    r = admin.post("/admin/sessions/%d/courses" % sid, {"course": cid, "coach": coach})
    assert r.status == 303, r


def add_learner(admin, sid, uid):
    admin.get("/admin/sessions/%d" % sid)
    return admin.post("/admin/sessions/%d/learners" % sid, {"user": uid})


def places(sid, uid):
    """The courses of the session the learner is in, sorted."""
    return sorted(int(x[0]) for x in sql(
        "SELECT course_id FROM session_course_learners WHERE session_id = %d AND user_id = %d"
        % (sid, uid)))


def enrolled(sid):
    return {int(u): (s, c) for u, s, c in sql(
        "SELECT user_id, source, IFNULL(class_id, 'NULL') FROM session_learners "
        "WHERE session_id = %d" % sid)}


def new_class(members, name=None):
    name = name or unique("Class ")
    sql("INSERT INTO classes (name, created_at, updated_at) VALUES (%s, UTC_TIMESTAMP(), "
        "UTC_TIMESTAMP())" % sql_quote(name))
    cid = int(sql_value("SELECT id FROM classes WHERE name = " + sql_quote(name)))
    for uid in members:
        sql("INSERT INTO class_members (class_id, user_id, added_at) VALUES (%d, %d, "
            "UTC_TIMESTAMP())" % (cid, uid))
    return cid, name


# --- one by one and by class ----------------------------------------------

@test
def individual_add_and_remove(base):
    """search learners, add one to the session and its courses, remove them"""
    admin = signed_in(base)
    tag = unique("Ind")
    sid = create_session(admin)
    ca, _ = new_course()
    cb, _ = new_course()
    add_course(admin, sid, ca)
    add_course(admin, sid, cb)
    uid, email = new_learner(tag + " Learner")
    tid, _ = new_learner(tag + " Teacher", role="teacher")
    r = admin.get("/admin/sessions/%d?lq=%s" % (sid, tag))
    assert r.status == 200
    found = r.text[r.text.index('id="learner-search"'):]
    found = found[:found.index("</table>")]
    assert tag + " Learner" in found and tag + " Teacher" not in found
    assert re.search(r'name="user" value="%d"' % uid, r.text)
    r = admin.post("/admin/sessions/%d/learners" % sid, {"user": uid, "lq": tag})
    assert r.status == 303 and r.header("Location") == "/admin/sessions/%d?lq=%s" % (sid, tag)
    assert enrolled(sid) == {uid: ("individual", "NULL")}
    assert places(sid, uid) == sorted([ca, cb])
    assert counters_right(sid) == (2, 1)
    page = admin.get(r.header("Location"))
    assert "Enrolled %s Learner." % tag in page.text
    assert '<span class="badge on">Enrolled</span>' in page.text
    assert email in page.text
    # Twice, a teacher, a disabled learner, no such user: refused, nothing changes.
    dis, _ = new_learner(tag + " Gone")
    sql("UPDATE users SET disabled = 1 WHERE id = %d" % dis)
    for user, msg in [(uid, "already enrolled"), (tid, "not a learner"),
                      (dis, "is disabled"), (99999999, "not a learner"), ("", "Choose a learner")]:
        r = add_learner(admin, sid, user)
        assert r.status == 422 and msg in r.text and 'id="learner-error"' in r.text, (user, r)
    assert counters_right(sid) == (2, 1)
    # A course added later takes in the current learners.
    cc, _ = new_course()
    add_course(admin, sid, cc)
    assert places(sid, uid) == sorted([ca, cb, cc])
    # Remove.
    admin.get("/admin/sessions/%d" % sid)
    r = admin.post("/admin/sessions/%d/learners/%d/remove" % (sid, uid), {})
    assert r.status == 303
    assert enrolled(sid) == {} and places(sid, uid) == []
    assert counters_right(sid) == (3, 0)
    admin.get("/admin/sessions/%d" % sid)
    assert admin.post("/admin/sessions/%d/learners/%d/remove" % (sid, uid), {}).status == 404
    assert admin.post("/admin/sessions/%d/learners/%d/remove" % (sid, 99999999), {}).status == 404


@test
def learner_list_pages(base):
    """the session's learners page by name at a constant query count"""
    admin = signed_in(base)
    tag = unique("Pg")
    sid = create_session(admin)
    ids = [new_learner("%s %02d" % (tag, i))[0] for i in range(53)]
    for uid in ids:
        assert add_learner(admin, sid, uid).status == 303
    assert counters_right(sid) == (0, 53)
    admin.get("/")      # clears the flash
    r = admin.get("/admin/sessions/%d" % sid)
    first = re.findall(r'<tr data-user="(\d+)">', r.text)
    assert len(first) == 50
    link = re.search(r'<a rel="next" href="([^"]+)">Next page</a>', r.text)
    r2 = admin.get(html.unescape(link.group(1)))
    second = re.findall(r'<tr data-user="(\d+)">', r2.text)
    assert [int(x) for x in first + second] == ids
    assert queries(r) == queries(r2)


@test
def class_learners_copies_current_members(base):
    """a class's members of today are copied in; later class changes do not follow"""
    admin = signed_in(base)
    tag = unique("Cls")
    sid = create_session(admin)
    ca, _ = new_course()
    cb, _ = new_course()
    add_course(admin, sid, ca)
    add_course(admin, sid, cb)
    a, _ = new_learner(tag + " A")
    b, _ = new_learner(tag + " B")
    c, _ = new_learner(tag + " C")
    teacher, _ = new_learner(tag + " T", role="teacher")
    late, _ = new_learner(tag + " Late")
    off, _ = new_learner(tag + " Off")
    sql("UPDATE users SET disabled = 1 WHERE id = %d" % off)
    cid, cname = new_class([a, b, c, teacher, off])
    assert add_learner(admin, sid, a).status == 303
    # As if a CSV row had put A in one course only: the class leaves A be.
    sql("DELETE FROM session_course_learners WHERE session_id = %d AND user_id = %d "
        "AND course_id = %d" % (sid, a, cb))
    page = admin.get("/admin/sessions/%d" % sid)
    assert re.search(r'<option value="%d">%s \(3 learners\)</option>' % (cid, re.escape(cname)),
                     page.text)
    r = admin.post("/admin/sessions/%d/classes" % sid, {"class": cid})
    assert r.status == 303
    page = admin.get("/admin/sessions/%d" % sid)
    assert "Class %s: added 2 learners, 1 already enrolled." % cname in page.text
    got = enrolled(sid)
    assert got == {a: ("individual", "NULL"), b: ("class", str(cid)), c: ("class", str(cid))}, got
    assert places(sid, b) == sorted([ca, cb]) and places(sid, c) == sorted([ca, cb])
    assert places(sid, a) == [ca]
    assert counters_right(sid) == (2, 3)
    # The class changes; the session does not.
    sql("DELETE FROM class_members WHERE class_id = %d AND user_id = %d" % (cid, b))
    sql("INSERT INTO class_members (class_id, user_id, added_at) VALUES (%d, %d, "
        "UTC_TIMESTAMP())" % (cid, late))
    assert enrolled(sid) == got
    # Enrolling again adds only the newcomer.
    admin.get("/admin/sessions/%d" % sid)
    assert admin.post("/admin/sessions/%d/classes" % sid, {"class": cid}).status == 303
    page = admin.get("/admin/sessions/%d" % sid)
    assert "added 1 learner, 2 already enrolled." in page.text
    assert set(enrolled(sid)) == {a, b, c, late}
    assert places(sid, a) == [ca]
    assert counters_right(sid) == (2, 4)
    # An archived or unknown class.
    sql("UPDATE classes SET archived = 1 WHERE id = %d" % cid)
    for value in (cid, 99999999, "x"):
        admin.get("/admin/sessions/%d" % sid)
        r = admin.post("/admin/sessions/%d/classes" % sid, {"class": value})
        assert r.status == 422 and 'id="class-error"' in r.text
    assert counters_right(sid) == (2, 4)


# --- CSV import --------------------------------------------------------------

def upload(admin, data, name="enrollments.csv"):
    admin.get("/admin/import/enrollments")
    return admin.post_multipart("/admin/import/enrollments", {},
                                [("file", name, data, "text/csv")])


def action(resp, kind):
    m = re.search(r'<form method="post" action="(/admin/import/enrollments/\d+/%s)"' % kind,
                  resp.text)
    return m.group(1) if m else None


def bad_rows(resp):
    return {int(line): html.unescape(reason) for line, reason in
            re.findall(r"<tr><td[^>]*>(\d+)</td><td[^>]*>([^<]*)</td></tr>", resp.text)}


def snapshot(sids):
    """Everything an import may change in these sessions."""
    out = []
    for sid in sids:
        out.append(sql("SELECT course_count, learner_count FROM lms_sessions WHERE id = %d" % sid))
        out.append(sql("SELECT user_id, source FROM session_learners WHERE session_id = %d "
                       "ORDER BY user_id" % sid))
        out.append(sql("SELECT course_id, user_id FROM session_course_learners WHERE "
                       "session_id = %d ORDER BY course_id, user_id" % sid))
    return out


def csv_world(admin):
    """Two sessions, three courses (two in the first session), learners."""
    tag = unique("Csv")
    s1 = create_session(admin, tag + " First")
    s2 = create_session(admin, tag + " Second")
    c1, code1 = new_course()
    c2, code2 = new_course()
    c3, code3 = new_course()
    add_course(admin, s1, c1)
    add_course(admin, s1, c2)
    add_course(admin, s2, c3)
    people = [new_learner("%s P%d" % (tag, i)) for i in range(6)]
    return dict(tag=tag, s1=s1, s2=s2, c1=c1, c2=c2, c3=c3, code1=code1, code2=code2,
                code3=code3, people=people)


@test
def csv_good_file_imports(base):
    """a good file previews, then imports: whole sessions and single courses"""
    admin = signed_in(base)
    w = csv_world(admin)
    (p0, e0), (p1, e1), (p2, e2), (p3, e3) = w["people"][:4]
    digits = str(7000000000000 + int(w["tag"][3:11], 16) % 1000000000)
    s3 = create_session(admin, digits)     # a name of digits, not an id
    data = ("email,session,course\n"
            "%s,%s\n"
            "%s,%d,%s\n"
            "%s,%s,%s\n"
            "%s,%s,\n"
            "%s,%s\n" % (e0, w["tag"] + " First",
                          e1, w["s1"], w["code2"],
                          e2, w["tag"] + " Second", w["code3"],
                          e2, w["tag"] + " First",
                          e3, digits)).encode()
    before = snapshot([w["s1"], w["s2"]])
    r = upload(admin, data)
    assert r.status == 200, r
    assert "5 rows, 5 correct, 0 with problems" in r.text
    assert action(r, "apply-valid") is None
    assert snapshot([w["s1"], w["s2"]]) == before, "the preview must not enroll"
    apply_url = action(r, "apply")
    r = admin.post(apply_url, {})
    assert r.status == 200, r
    assert "Imported 5 rows; 5 learners were newly enrolled in a session." in r.text
    assert enrolled(s3) == {p3: ("csv", "NULL")}
    assert places(w["s1"], p0) == sorted([w["c1"], w["c2"]])
    assert places(w["s1"], p1) == [w["c2"]]
    assert places(w["s2"], p2) == [w["c3"]]
    assert places(w["s1"], p2) == sorted([w["c1"], w["c2"]])
    assert enrolled(w["s1"]) == {p0: ("csv", "NULL"), p1: ("csv", "NULL"), p2: ("csv", "NULL")}
    assert counters_right(w["s1"]) == (2, 3) and counters_right(w["s2"]) == (1, 1)
    admin.get("/")
    assert admin.post(apply_url, {}).status == 409
    assert counters_right(w["s1"]) == (2, 3)


@test
def csv_bad_rows_every_reason(base):
    """each bad row is listed by line and reason; nothing is imported"""
    admin = signed_in(base)
    w = csv_world(admin)
    (p0, e0), (p1, e1), (p2, e2), (p3, e3), (p4, e4) = w["people"][:5]
    first, second = w["tag"] + " First", w["tag"] + " Second"
    sql("UPDATE users SET disabled = 1 WHERE id = %d" % p4)
    assert add_learner(admin, w["s1"], p1).status == 303        # already enrolled
    # p2 already in course 2 of the second session via an earlier import.
    add_course(admin, w["s2"], w["c2"])
    r = upload(admin, ("%s,%s,%s\n" % (e2, second, w["code2"])).encode())
    assert admin.post(action(r, "apply"), {}).status == 200
    create_session(admin, w["tag"] + " Twin")
    create_session(admin, w["tag"] + " Twin")
    lines = [
        "%s,%s" % (e0, first),                          # 1 good
        "nobody.%s@example.org,%s" % (w["tag"], first),  # 2 unknown user
        "tess.teacher@lectern.test,%s" % first,          # 3 not a learner
        "%s,%s Nowhere" % (e3, w["tag"]),               # 4 unknown session
        "%s,99999999" % e3,                             # 5 unknown session number
        "%s,%s,NOPE-%s" % (e3, first, w["tag"]),        # 6 unknown course
        "%s,%s,%s" % (e3, first, w["code3"]),            # 7 course not in session
        "%s,%s" % (e0, first),                          # 8 same row again
        "%s,%s" % (e1, first),                          # 9 already in the session
        "%s,%s,%s" % (e2, second, w["code2"]),          # 10 already in that course
        "%s" % e3,                                      # 11 malformed: one field
        "%s,%s,%s,extra" % (e3, first, w["code1"]),     # 12 malformed: four fields
        "%s,%s Twin" % (e3, w["tag"]),                  # 13 ambiguous name
        "%s,%s,%s" % (e3, first, w["code1"]),           # 14 good
        "%s,%s" % (e4, first),                          # 15 disabled account
    ]
    before = snapshot([w["s1"], w["s2"]])
    r = upload(admin, ("\n".join(lines) + "\n").encode())
    assert r.status == 422, r
    assert "15 rows, 2 correct, 13 with problems" in r.text
    got = bad_rows(r)
    assert sorted(got) == list(range(2, 14)) + [15], got
    expect = {2: "unknown user", 3: "unknown user", 4: "unknown session",
              5: "unknown session", 6: "unknown course", 7: "unknown course",
              8: "duplicate", 9: "duplicate", 10: "duplicate", 11: "malformed",
              12: "malformed", 13: "unknown session", 15: "unknown user"}
    for line, reason in expect.items():
        assert got[line].startswith(reason + ":"), (line, got[line])
    assert "is not a learner" in got[3]
    assert "not in the session" in got[7]
    assert "same row as line 1" in got[8]
    assert "already enrolled" in got[9] and "already enrolled" in got[10]
    assert "several sessions" in got[13]
    assert "is disabled" in got[15]
    assert action(r, "apply") is None
    assert "Import only the 2 valid rows" in r.text
    assert snapshot([w["s1"], w["s2"]]) == before


@test
def csv_all_or_nothing_and_valid_rows_choice(base):
    """all rows are refused while one is bad; the valid rows import only when chosen"""
    admin = signed_in(base)
    w = csv_world(admin)
    (p0, e0), (p1, e1) = w["people"][:2]
    first = w["tag"] + " First"
    data = ("%s,%s\nghost.%s@example.org,%s\n%s,%s,%s\n"
            % (e0, first, w["tag"], first, e1, first, w["code1"])).encode()
    before = snapshot([w["s1"]])
    r = upload(admin, data)
    assert r.status == 422
    valid = action(r, "apply-valid")
    assert valid and action(r, "apply") is None
    apply_all = valid.replace("apply-valid", "apply")
    # "Import all rows" is refused for this file, whatever is posted.
    admin.get("/")
    r2 = admin.post(apply_all, {})
    assert r2.status == 422 and "Nothing was imported" in r2.text
    assert snapshot([w["s1"]]) == before
    # A stale count is refused too.
    admin.get("/")
    r2 = admin.post(valid, {"expect": "3"})
    assert r2.status == 409 and snapshot([w["s1"]]) == before
    admin.get("/")
    assert admin.post(valid, {}).status == 400
    # The explicit choice imports the two valid rows.
    admin.get("/")
    r2 = admin.post(valid, {"expect": "2"})
    assert r2.status == 200, r2
    assert "Imported 2 rows" in r2.text and "1 rows with problems were left out" in r2.text
    assert places(w["s1"], p0) == sorted([w["c1"], w["c2"]])
    assert places(w["s1"], p1) == [w["c1"]]
    assert counters_right(w["s1"]) == (2, 2)
    admin.get("/")
    assert admin.post(valid, {"expect": "2"}).status == 409
    # Re-importing the same file changes nothing: every row is now a duplicate.
    after = snapshot([w["s1"]])
    r = upload(admin, data)
    assert r.status == 422 and "3 rows, 0 correct, 3 with problems" in r.text
    reasons = bad_rows(r)
    assert "already enrolled" in reasons[1] and "already enrolled" in reasons[3]
    assert action(r, "apply") is None and action(r, "apply-valid") is None
    assert snapshot([w["s1"]]) == after
    # Another administrator cannot apply this administrator's upload.
    r = upload(admin, ("%s,%s\n" % (w["people"][4][1], first)).encode())
    own = action(r, "apply")
    email = unique("admin2") + "@example.org"
    sql("INSERT INTO users (name, email, role, password_hash, created_at, updated_at) "
        "SELECT 'Second Admin', %s, 'admin', password_hash, UTC_TIMESTAMP(), UTC_TIMESTAMP() "
        "FROM users WHERE email = 'admin@lectern.test'" % sql_quote(email))
    other = Client(base)
    assert other.login(email, accounts()["admin"][0][1]).status == 303
    other.get("/")
    assert other.post(own, {}).status == 404
    assert snapshot([w["s1"]]) == after


@test
def csv_bom_and_crlf(base):
    """a file with a byte-order mark, CRLF line ends and quoted names imports"""
    admin = signed_in(base)
    w = csv_world(admin)
    sid = create_session(admin, w["tag"] + ' "Quoted, Name"')
    (p0, e0), (p1, e1) = w["people"][:2]
    data = ("\ufeffEmail,Session\r\n%s,\"%s \"\"Quoted, Name\"\"\"\r\n%s,%d\r\n"
            % (e0, w["tag"], e1, w["s2"])).encode("utf-8")
    r = upload(admin, data)
    assert r.status == 200 and "2 rows, 2 correct" in r.text, r
    assert admin.post(action(r, "apply"), {}).status == 200
    assert enrolled(sid) == {p0: ("csv", "NULL")}
    assert places(w["s2"], p1) == [w["c3"]]
    # Unreadable files get a message next to the file field.
    for raw, msg in [(b"a@example.org,1\n\xff\xfe,2\n", "line 2"),
                     (b'"open,1\n', "could not be read as CSV"),
                     (b"email,session\n\n", "no rows to import")]:
        r = upload(admin, raw)
        assert r.status == 422 and msg in r.text and 'id="file-error"' in r.text, (raw, r)


@test
def csv_five_thousand_rows(base):
    """5,000 rows import in one transaction; a bad last row stops them all"""
    admin = signed_in(base)
    tag = unique("Big")
    sid = create_session(admin, tag + " Session")
    cid, code = new_course()
    add_course(admin, sid, cid)
    sql("INSERT INTO users (name, email, role, created_at, updated_at) "
        "SELECT CONCAT(%s, ' ', LPAD(seq, 4, '0')), CONCAT(%s, '.', seq, '@example.org'), "
        "'learner', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_5000"
        % (sql_quote(tag), sql_quote(tag.lower())))
    lines = ["%s.%d@example.org,%d" % (tag.lower(), i, sid) for i in range(1, 5001)]
    bad = "\n".join(lines + ["%s.1@example.org,%d,NOT-%s" % (tag.lower(), sid, code)]) + "\n"
    r = upload(admin, bad.encode())
    assert r.status == 422 and "5001 rows, 5000 correct, 1 with problems" in r.text, r.text[:400]
    apply_all = action(r, "apply-valid").replace("apply-valid", "apply")
    admin.get("/")
    r = admin.post(apply_all, {})
    assert r.status == 422
    assert counters_right(sid) == (1, 0)
    assert sql_value("SELECT COUNT(*) FROM session_course_learners WHERE session_id = %d"
                     % sid) == "0"
    r = upload(admin, ("\n".join(lines) + "\n").encode())
    assert r.status == 200 and "5000 rows, 5000 correct" in r.text
    r = admin.post(action(r, "apply"), {})
    assert r.status == 200 and "Imported 5000 rows" in r.text, r
    assert counters_right(sid) == (1, 5000)
    assert sql_value("SELECT COUNT(*) FROM session_course_learners WHERE session_id = %d"
                     % sid) == "5000"
