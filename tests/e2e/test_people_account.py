"""A user's own account: password and timezone."""

from lectern import Client, create_user, signed_in, sql_value, test


def new_user(base):
    admin = signed_in(base)
    uid, email, pw = create_user(admin)
    c = Client(base)
    assert c.login(email, pw).status == 303
    return uid, email, pw, c


@test
def change_password(base):
    """changing the password keeps this session, ends the others, clears 'temporary'"""
    uid, email, pw, c = new_user(base)
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
