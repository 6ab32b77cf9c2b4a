"""What core decides for every request beyond the checks of
test_security.py: a key given twice is refused unless the route declares
it repeatable, and the page layout shows the user and the unread count
loaded with the sign-in session, without a query of its own."""

import datetime
import random
import re

from lectern import (Client, accounts, create_user, signed_in, sql,
                     sql_quote, sql_value, test, unique)


def user_id(email):
    return int(sql_value("SELECT id FROM users WHERE email = %s"
                         % sql_quote(email)))


def unread_badge(page):
    m = re.search(r'id="unread-count">([^<]+)<', page.text)
    return m.group(1) if m else None


@test
def repeated_key_is_400_and_changes_nothing(base):
    """a form or query key given twice, not declared repeatable, is
    refused with 400 before the handler runs"""
    admin = signed_in(base)
    uid, email, pw = create_user(admin)
    c = Client(base)
    c.login(email, pw)
    c.get("/account")
    r = c.post("/account/timezone", [("timezone", "Asia/Tokyo"),
                                     ("timezone", "Europe/Berlin")])
    assert r.status == 400, r
    assert 'gives &quot;timezone&quot; more than once' in r.text, r.text
    assert sql_value("SELECT COALESCE(timezone, '') FROM users WHERE id = %d"
                     % uid) == ""
    # The same form with the key once is taken.
    c.get("/account")
    r = c.post("/account/timezone", [("timezone", "Asia/Tokyo")])
    assert r.status == 303, r
    assert sql_value("SELECT timezone FROM users WHERE id = %d"
                     % uid) == "Asia/Tokyo"
    # A key the route does not declare at all, and the CSRF token.
    c.get("/account")
    r = c.post("/account/timezone", [("timezone", "Europe/Paris"),
                                     ("x", "1"), ("x", "2")])
    assert r.status == 400, r
    tok = c.get("/account").csrf()
    r = c.post("/account/timezone", [("timezone", "Europe/Paris"),
                                     ("csrf", tok)])
    assert r.status == 400, r
    assert sql_value("SELECT timezone FROM users WHERE id = %d"
                     % uid) == "Asia/Tokyo"
    # In the query string of a page.
    r = admin.get("/admin/users?q=a&q=b")
    assert r.status == 400 and 'gives &quot;q&quot; more than once' in r.text, r
    assert admin.get("/admin/users?q=a").status == 200


@test
def repeatable_key_is_taken(base):
    """a key declared repeatable (the learners of a group live session)
    may come once for each value"""
    teacher = signed_in(base, "teacher", 0)
    admin = signed_in(base)
    title = unique("Repeat course ")
    sql("INSERT INTO courses (title, code, created_at, updated_at) VALUES "
        "(%s, %s, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (sql_quote(title), sql_quote(unique("RC"))))
    cid = int(sql_value("SELECT id FROM courses WHERE title = %s"
                        % sql_quote(title)))
    learners = [create_user(admin)[0] for _ in range(2)]
    tid = user_id(accounts()["teacher"][0][0])
    for lid in learners:
        sql("INSERT INTO enrollments (learner_id, course_id, teacher_id, "
            "default_length, created_at, updated_at) VALUES (%d, %d, %d, 45, "
            "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (lid, cid, tid))
    teacher.get("/platform/sessions/new")
    # A day of its own, far ahead, so that no session of the teacher clashes.
    day = (datetime.date(2100, 1, 1) + datetime.timedelta(
        days=random.randrange(0, 36000))).isoformat()
    fields = [("course", str(cid)), ("lesson", ""), ("date", day),
              ("time", "10:00"), ("duration", "45"),
              ("meeting_type", "group"), ("enrollment", ""), ("group", ""),
              ("title", unique("Two learners ")), ("notes", "")]
    fields += [("learner", str(lid)) for lid in learners]
    r = teacher.post("/platform/sessions/new", fields)
    assert r.status == 303, re.findall(r'class="error[^"]*"[^>]*>([^<]*)<',
                                       r.text)
    sid = int(re.fullmatch(r"/platform/sessions/(\d+)",
                           r.header("Location")).group(1))
    got = sorted(int(x[0]) for x in sql(
        "SELECT learner_id FROM live_participants WHERE session_id = %d"
        % sid))
    assert got == sorted(learners), got
    # Every value is checked, not only the first.
    teacher.get("/platform/sessions/new")
    r = teacher.post("/platform/sessions/new",
                     fields[:-1] + [("learner", "abc")])
    assert r.status == 422 and 'id="learner-error"' in r.text, r


@test
def layout_runs_no_query(base):
    """the user, the flash and the unread count come with the sign-in
    session in one query: an error page in the layout costs that one"""
    admin = signed_in(base)
    uid, email, pw = create_user(admin)
    sql("INSERT INTO notifications (user_id, kind, subject, body, created_at)"
        " VALUES (%d, 'test', 'One', 'Body', UTC_TIMESTAMP()), "
        "(%d, 'test', 'Two', 'Body', UTC_TIMESTAMP())" % (uid, uid))
    c = Client(base)
    c.login(email, pw)
    r = c.get("/admin/users")
    assert r.status == 403, r
    assert unread_badge(r) == "2", r.text
    assert r.header("X-Lectern-Queries") == "1", r.header("X-Lectern-Queries")
    # Read, the count goes; the page still costs the one query.
    sql("UPDATE notifications SET read_at = UTC_TIMESTAMP() WHERE "
        "user_id = %d" % uid)
    r = c.get("/admin/users")
    assert r.status == 403 and unread_badge(r) is None, r.text
    assert r.header("X-Lectern-Queries") == "1", r.header("X-Lectern-Queries")


@test
def nul_byte_in_a_value_is_refused(base):
    """a value holding a NUL byte ("abc%00def") is refused with a clear
    message, never cut short at it: a form shows the field's error (422),
    a query string or a field no route declares gets a 400; nothing is
    stored"""
    nul = "abc\x00def"
    admin = signed_in(base)
    uid, email, pw = create_user(admin)
    c = Client(base)
    assert c.login(email, pw).status == 303
    # The account's timezone ("Asia/Tokyo" cut short would pass).
    c.get("/account")
    r = c.post("/account/timezone", {"timezone": "Asia/Tokyo\x00def"})
    assert r.status == 422, r
    assert 'id="timezone-error"' in r.text, r.text
    assert r.has("Timezone contains a NUL character (a zero byte)"), r.text
    assert sql_value("SELECT COALESCE(timezone, '') FROM users WHERE id = %d"
                     % uid) == ""
    # A user's name, edited by an administrator.
    before = sql("SELECT name, email FROM users WHERE id = %d" % uid)[0]
    admin.get("/admin/users/%d" % uid)
    r = admin.post("/admin/users/%d" % uid, {"name": nul, "email": email,
                                             "role": "learner", "timezone": ""})
    assert r.status == 422, r
    assert 'id="name-error"' in r.text and r.has("Name contains a NUL character"), r.text
    assert sql("SELECT name, email FROM users WHERE id = %d" % uid)[0] == before
    # A catalogue course: a new one, then an edit of its title.
    courses = sql_value("SELECT COUNT(*) FROM courses")
    admin.get("/admin/courses/new")
    r = admin.post("/admin/courses/new", {"title": nul, "code": unique("C")})
    assert r.status == 422 and r.has("Title contains a NUL character"), r
    assert sql_value("SELECT COUNT(*) FROM courses") == courses
    code = unique("C")
    admin.get("/admin/courses/new")
    r = admin.post("/admin/courses/new", {"title": "Plain", "code": code})
    assert r.status == 303, r
    cid = int(sql_value("SELECT id FROM courses WHERE code = %s" % sql_quote(code)))
    tok = admin.get("/admin/courses/%d" % cid).csrf()
    r = admin.post("/admin/courses/%d" % cid, {"title": nul, "code": code},
                   csrf=tok)
    assert r.status == 422 and 'id="title-error"' in r.text, r
    # A field the route does not declare, and the form token itself.
    r = admin.post("/admin/courses/%d" % cid, {"title": "Renamed", "code": code,
                                               "note": nul}, csrf=tok)
    assert r.status == 400, r
    assert r.has('The request gives "note" a NUL character'), r.text
    r = admin.post("/admin/courses/%d" % cid, {"title": "Renamed", "code": code},
                   csrf=tok + "\x00x")
    assert r.status in (400, 403), r
    assert sql_value("SELECT title FROM courses WHERE id = %d" % cid) == "Plain"
    # The query string: a declared key and another.
    r = admin.get("/admin/users?q=abc%00def")
    assert r.status == 400 and r.has("Search contains a NUL character"), r
    r = admin.get("/admin/users?zz=abc%00def")
    assert r.status == 400 and r.has('The request gives "zz" a NUL character'), r
    # A text field of a multipart form, beside its file.
    users = sql_value("SELECT COUNT(*) FROM users")
    imports = sql_value("SELECT COUNT(*) FROM csv_imports")
    tag = unique("nul")
    csv = ("name,email,role\n%s,%s@example.org,learner\n" % (tag, tag)).encode()
    tok = admin.get("/admin/import/users").csrf()
    r = admin.post_multipart("/admin/import/users", {"note": nul},
                             [("file", "u.csv", csv, "text/csv")], csrf=tok)
    assert r.status == 400 and r.has("a NUL character"), r
    r = admin.post_multipart("/admin/import/users", {},
                             [("file", "u.csv", csv, "text/csv")],
                             csrf=tok + "\x00x")
    assert r.status in (400, 403), r
    assert sql_value("SELECT COUNT(*) FROM users") == users
    assert sql_value("SELECT COUNT(*) FROM csv_imports") == imports
