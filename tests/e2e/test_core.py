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
