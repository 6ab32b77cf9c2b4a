"""A user's own account: password and timezone."""

from lectern import (Client, accounts, create_user, signed_in, sql_quote,
                     sql_value, test)


def new_user(base, temporary=False):
    admin = signed_in(base)
    uid, email, pw = create_user(admin, temporary=temporary)
    c = Client(base)
    assert c.login(email, pw).status == 303
    return uid, email, pw, c


@test
def change_password(base):
    """changing the password keeps this session, ends the others, clears 'temporary'"""
    uid, email, pw, c = new_user(base, temporary=True)
    other = Client(base)
    assert other.login(email, pw).status == 303
    c.get("/account")
    new = "a much better passphrase"
    r = c.post("/account/password", {"current": pw, "new_password": new,
                                     "confirm": new})
    assert r.status == 303 and r.header("Location") == "/account", r
    page = c.get("/account")
    assert page.status == 200 and "Your password was changed." in page.text
    assert other.get("/").status == 303
    assert sql_value("SELECT password_temporary FROM users WHERE id = %d" % uid) == "0"
    assert Client(base).login(email, pw).status == 401
    assert Client(base).login(email, new).status == 303
    # The flash shows once.
    assert "Your password was changed." not in c.get("/account").text


@test
def change_password_errors(base):
    """a wrong current password, a short or mismatched new one change nothing"""
    uid, email, pw, c = new_user(base)
    h = sql_value("SELECT password_hash FROM users WHERE id = %d" % uid)
    cases = [
        ({"current": "wrong-current-pw", "new_password": "long enough pw",
          "confirm": "long enough pw"}, "Your current password is not correct."),
        ({"current": pw, "new_password": "short", "confirm": "short"},
         "at least 10 characters"),
        ({"current": pw, "new_password": "long enough pw",
          "confirm": "long enough px"}, "The two passwords do not match."),
    ]
    for fields, msg in cases:
        c.get("/account")
        r = c.post("/account/password", fields)
        assert r.status == 422 and msg in r.text and 'id="password-error"' in r.text, (fields, r)
    assert sql_value("SELECT password_hash FROM users WHERE id = %d" % uid) == h


@test
def change_timezone(base):
    """a user picks a timezone, then goes back to the school's"""
    uid, email, pw, c = new_user(base)
    page = c.get("/account")
    assert "<option>America/New_York</option>" in page.text
    r = c.post("/account/timezone", {"timezone": "America/New_York"})
    assert r.status == 303
    page = c.get("/account")
    assert "<option selected>America/New_York</option>" in page.text
    assert sql_value("SELECT timezone FROM users WHERE id = %d" % uid) == "America/New_York"
    r = c.post("/account/timezone", {"timezone": ""})
    assert r.status == 303
    assert sql_value("SELECT COALESCE(timezone, 'none') FROM users WHERE id = %d" % uid) == "none"
    c.get("/account")
    r = c.post("/account/timezone", {"timezone": "../../etc/passwd"})
    assert r.status == 422 and 'id="timezone-error"' in r.text
    assert sql_value("SELECT COALESCE(timezone, 'none') FROM users WHERE id = %d" % uid) == "none"


@test
def temporary_password_must_be_replaced(base):
    """with the temporary password an administrator set, every page and
    form but the password form and signing out sends the user to the
    password form (303), changing nothing; once replaced, all open"""
    uid, email, pw, c = new_user(base, temporary=True)
    for path in ("/", "/notifications", "/platform/schedule", "/sessions",
                 "/admin/users", "/login"):
        r = c.get(path)
        assert r.status == 303 and r.header("Location") == "/account", (path, r)
    page = c.get("/account")
    assert page.status == 200, page
    assert "You are using a temporary password." in page.text
    assert "Please choose your own before using Lectern." in page.text
    tok = page.csrf()
    # Forms other than the password form are refused the same way.
    r = c.post("/account/timezone", {"timezone": "Asia/Tokyo"}, csrf=tok)
    assert r.status == 303 and r.header("Location") == "/account", r
    r = c.post("/account/calendar", {}, csrf=tok)
    assert r.status == 303 and r.header("Location") == "/account", r
    assert sql_value("SELECT COALESCE(timezone, '') FROM users WHERE id = %d"
                     % uid) == ""
    assert sql_value("SELECT COUNT(*) FROM calendar_tokens WHERE user_id = %d"
                     % uid) == "0"
    # Signing out works.
    other = Client(base)
    assert other.login(email, pw).status == 303
    r = other.post("/logout", {}, csrf=other.get("/account").csrf())
    assert r.status == 303 and r.header("Location").startswith("/login"), r
    assert other.get("/account").status == 303
    # The password form works; then every page opens.
    new = "my own passphrase here"
    r = c.post("/account/password", {"current": pw, "new_password": new,
                                     "confirm": new}, csrf=tok)
    assert r.status == 303 and r.header("Location") == "/account", r
    assert sql_value("SELECT password_temporary FROM users WHERE id = %d"
                     % uid) == "0"
    for path in ("/", "/notifications", "/platform/schedule"):
        assert c.get(path).status == 200, path
    assert "You are using a temporary password." not in c.get("/account").text
    r = c.post("/account/timezone", {"timezone": "Asia/Tokyo"}, csrf=tok)
    assert r.status == 303
    assert sql_value("SELECT timezone FROM users WHERE id = %d" % uid) == "Asia/Tokyo"


@test
def demo_accounts_not_sent_to_password_form(base):
    """demo accounts (their passwords are known, not temporary) open every page"""
    emails = [e for role in accounts().values() for e, _ in role]
    assert emails
    assert sql_value("SELECT COUNT(*) FROM users WHERE password_temporary = 1 "
                     "AND email IN (%s)" % ", ".join(sql_quote(e) for e in emails)) == "0"
    for role in ("admin", "teacher", "learner"):
        assert signed_in(base, role).get("/").status == 200, role
