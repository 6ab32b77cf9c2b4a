"""What core decides for every request beyond the checks of
test_security.py: the page layout shows the user and the unread count
loaded with the sign-in session, without a query of its own."""

import re

from lectern import Client, create_user, signed_in, sql, test


def unread_badge(page):
    m = re.search(r'id="unread-count">([^<]+)<', page.text)
    return m.group(1) if m else None


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
