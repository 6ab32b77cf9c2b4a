"""The administrator's user pages."""

import html
import re
import urllib.parse

from lectern import (Client, create_user, signed_in, sql, sql_quote, sql_value,
                     test, unique)


@test
def create_user_and_sign_in_with_temporary_password(base):
    """an admin adds a user; the temporary password signs them in once shown"""
    admin = signed_in(base)
    uid, email, pw = create_user(admin, role="teacher", timezone="Europe/Paris",
                                 temporary=True)
    row = sql("SELECT name, role, timezone, password_temporary FROM users "
              "WHERE id = %d" % uid)[0]
    assert row[1:] == ["teacher", "Europe/Paris", "1"], row
    c = Client(base)
    assert c.login(email, pw).status == 303
    home = c.get("/")
    assert home.status == 303 and home.header("Location") == "/account", home
    account = c.get("/account")
    assert account.status == 200, account
    assert "You are using a temporary password." in account.text
    assert "<option selected>Europe/Paris</option>" in account.text


@test
def create_user_validation(base):
    """bad fields are reported next to the field and nothing is created"""
    admin = signed_in(base)
    before = sql_value("SELECT COUNT(*) FROM users")
    admin.get("/admin/users/new")
    r = admin.post("/admin/users/new", {"name": "", "email": "not-an-email",
                                        "role": "admin", "timezone": "Mars/Base"})
    assert r.status == 422, r
    assert 'id="name-error"' in r.text and "Name is required." in r.text
    assert 'id="email-error"' in r.text and "Enter a valid email address." in r.text
    assert 'id="timezone-error"' in r.text
    assert 'value="not-an-email"' in r.text
    admin.get("/admin/users/new")
    r = admin.post("/admin/users/new", {"name": "Eve", "email": unique() + "@example.org",
                                        "role": "superuser"})
    assert r.status == 422 and 'id="role-error"' in r.text
    admin.get("/admin/users/new")
    r = admin.post("/admin/users/new", {"name": "x" * 101, "email": unique() + "@example.org",
                                        "role": "learner"})
    assert r.status == 422 and "at most 100 characters" in r.text
    assert sql_value("SELECT COUNT(*) FROM users") == before


@test
def duplicate_email_refused(base):
    """a second user with the same email (any case) is refused"""
    admin = signed_in(base)
    _, email, _ = create_user(admin)
    admin.get("/admin/users/new")
    r = admin.post("/admin/users/new", {"name": "Copy", "email": email.upper(),
                                        "role": "learner"})
    assert r.status == 422 and "Another user already has this email." in r.text
    assert sql_value("SELECT COUNT(*) FROM users WHERE email = " + sql_quote(email)) == "1"


@test
def edit_user(base):
    """an admin edits name, email, role and timezone"""
    admin = signed_in(base)
    uid, _, _ = create_user(admin)
    new_email = unique("edited") + "@example.org"
    r = admin.get("/admin/users/%d" % uid)
    assert r.status == 200
    r = admin.post("/admin/users/%d" % uid, {"name": "Renamed <b>Person</b>",
                                            "email": new_email, "role": "teacher",
                                            "timezone": "America/New_York"})
    assert r.status == 303 and r.header("Location") == "/admin/users/%d" % uid, r
    page = admin.get("/admin/users/%d" % uid)
    assert "Saved Renamed &lt;b&gt;Person&lt;/b&gt;." in page.text, page.text
    assert "<b>Person</b>" not in page.text
    row = sql("SELECT name, email, role, timezone FROM users WHERE id = %d" % uid)[0]
    assert row == ["Renamed <b>Person</b>", new_email, "teacher", "America/New_York"]


@test
def edit_unknown_user_is_404(base):
    """editing a user that does not exist is a 404"""
    admin = signed_in(base)
    assert admin.get("/admin/users/999999999").status == 404
    admin.get("/")
    assert admin.post("/admin/users/999999999/disable", {}).status == 404


@test
def admin_cannot_demote_or_disable_self(base):
    """an administrator cannot remove their own admin role or disable themselves"""
    admin = signed_in(base)
    me = sql_value("SELECT id FROM users WHERE email = 'admin@lectern.test'")
    admin.get("/admin/users/" + me)
    r = admin.post("/admin/users/" + me, {"name": "Ada Administrator",
                                         "email": "admin@lectern.test", "role": "learner"})
    assert r.status == 422 and "You cannot remove your own administrator role" in r.text
    admin.get("/admin/users/" + me)
    r = admin.post("/admin/users/%s/disable" % me, {})
    assert r.status == 409
    assert sql_value("SELECT CONCAT(role, disabled) FROM users WHERE id = " + me) == "admin0"


@test
def disable_ends_sessions_and_blocks_sign_in(base):
    """disabling a user signs them out at once; enabling lets them back in"""
    admin = signed_in(base)
    uid, email, pw = create_user(admin)
    user = Client(base)
    assert user.login(email, pw).status == 303
    assert user.get("/").status == 200
    admin.get("/admin/users/%d" % uid)
    r = admin.post("/admin/users/%d/disable" % uid, {})
    assert r.status == 303
    assert "is disabled and signed out everywhere" in admin.get(r.header("Location")).text
    assert user.get("/").status == 303
    assert Client(base).login(email, pw).status == 401
    admin.get("/admin/users/%d" % uid)
    assert admin.post("/admin/users/%d/enable" % uid, {}).status == 303
    assert Client(base).login(email, pw).status == 303


@test
def reset_password(base):
    """a password reset shows a new temporary password and ends old sessions"""
    admin = signed_in(base)
    uid, email, pw = create_user(admin)
    user = Client(base)
    assert user.login(email, pw).status == 303
    admin.get("/admin/users/%d" % uid)
    r = admin.post("/admin/users/%d/password" % uid, {})
    assert r.status == 200 and "Password reset" in r.text
    assert r.header("Referrer-Policy") == "no-referrer"
    new_pw = html.unescape(re.search(r'id="temporary-password">([^<]+)<', r.text).group(1))
    assert new_pw != pw
    assert user.get("/").status == 303
    assert Client(base).login(email, pw).status == 401
    # The new password is temporary again: it opens only the password form.
    assert sql_value("SELECT password_temporary FROM users WHERE id = %d"
                     % uid) == "1"
    again = Client(base)
    assert again.login(email, new_pw).status == 303
    r = again.get("/")
    assert r.status == 303 and r.header("Location") == "/account", r
    assert "You are using a temporary password." in again.get("/account").text


@test
def list_search_and_keyset_pages(base):
    """the user list pages by name with a next link and searches name and email"""
    admin = signed_in(base)
    tag = unique("zz")
    for i in range(55):
        sql("INSERT INTO users (name, email, role, created_at, updated_at) VALUES "
            "(%s, %s, 'learner', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
            % (sql_quote("%s %02d" % (tag, i)), sql_quote("%s.%02d@example.org" % (tag, i))))
    r = admin.get("/admin/users?q=" + tag)
    assert r.status == 200
    names = re.findall(r'<a href="/admin/users/\d+">(%s \d+)</a>' % tag, r.text)
    assert names == ["%s %02d" % (tag, i) for i in range(50)], names
    nxt = re.search(r'rel="next" href="([^"]+)"', r.text)
    assert nxt, "no next link"
    r2 = admin.get(html.unescape(nxt.group(1)))
    names2 = re.findall(r'<a href="/admin/users/\d+">(%s \d+)</a>' % tag, r2.text)
    assert names2 == ["%s %02d" % (tag, i) for i in range(50, 55)], names2
    assert 'rel="next"' not in r2.text and "First page" in r2.text
    # Search by email part, and a search that finds nothing.
    r3 = admin.get("/admin/users?q=%s.07%%40" % tag)
    assert re.findall(r'>(%s \d+)</a>' % tag, r3.text) == ["%s 07" % tag]
    r4 = admin.get("/admin/users?q=" + unique("none"))
    assert "No user matches" in r4.text


@test
def list_search_by_words(base):
    """the search finds words of the name or email through the index; typed syntax is text"""
    admin = signed_in(base)
    tag = unique("uw")
    for name, email in [("Ada Lovelace", "ada.%s@example.org"),
                        ("Alan Turing", "turing.%s@example.net")]:
        sql("INSERT INTO users (name, email, role, created_at, updated_at) VALUES "
            "(%s, %s, 'learner', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
            % (sql_quote("%s %s" % (tag, name)), sql_quote(email % tag)))

    def found(q):
        r = admin.get("/admin/users?q=" + urllib.parse.quote(q))
        assert r.status == 200, (q, r)
        return re.findall(r'<a href="/admin/users/\d+">%s ([^<]+)</a>' % tag, r.text)

    assert found(tag) == ["Ada Lovelace", "Alan Turing"]
    assert found("LOVELACE " + tag) == ["Ada Lovelace"]
    assert found(tag + " turi") == ["Alan Turing"]
    assert found(tag + " example.net") == ["Alan Turing"]
    assert found(tag + " nobody") == []
    assert found(tag + " velace") == []
    # Part of a name as it is written, words cut anywhere.
    assert found(tag[1:] + " Ada Lovel") == ["Ada Lovelace"]
    assert found("%s Alan T" % tag) == ["Alan Turing"]
    assert found(tag + " -ada") == ["Ada Lovelace"]
    assert found('"%s (alan)' % tag) == ["Alan Turing"]
    for q in ['"', "*", "+-", "()", "@", "~<>", tag + ' "', tag + " *"]:
        found(q)
    assert int(sql_value("SELECT COUNT(*) FROM information_schema.statistics WHERE "
                         "table_schema = DATABASE() AND table_name = 'users' "
                         "AND index_type = 'FULLTEXT'")) == 2


@test
def search_wildcards_are_literal(base):
    """% and _ in a search are matched literally"""
    admin = signed_in(base)
    r = admin.get("/admin/users?q=%25")
    assert r.status == 200
    assert re.findall(r'<a href="/admin/users/\d+">', r.text) == []


@test
def list_query_count_is_constant(base):
    """the user list runs the same number of queries on the first and later pages"""
    admin = signed_in(base)
    counts = []
    path = "/admin/users"
    for _ in range(3):
        r = admin.get(path)
        assert r.status == 200
        counts.append(int(r.header("X-Lectern-Queries")))
        nxt = re.search(r'rel="next" href="([^"]+)"', r.text)
        if not nxt:
            break
        path = html.unescape(nxt.group(1))
    assert len(counts) >= 2, "need at least two pages of users"
    assert len(set(counts)) == 1 and counts[0] <= 3, counts
