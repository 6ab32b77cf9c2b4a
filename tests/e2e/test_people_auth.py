"""Signing in and out, throttling, session timeouts."""

import re

from lectern import (Client, accounts, create_user, fresh_address, signed_in,
                     sql, sql_quote, sql_value, test, unique)


@test
def login_page_has_form_and_token(base):
    """the sign-in page offers a form with a CSRF token bound to a cookie"""
    c = Client(base)
    r = c.get("/login")
    assert r.status == 200, r
    assert '<form method="post" action="/login"' in r.text
    tok = r.csrf()
    assert tok and re.fullmatch(r"[0-9a-f]{32}", tok), tok
    nonce = c.cookies.get("lectern_pre")
    assert nonce and re.fullmatch(r"[0-9a-f]{32}", nonce), c.cookies
    # The token is an HMAC of the cookie's nonce, not the nonce itself.
    assert nonce != tok
    assert c.get("/login").csrf() == tok
    sc = r.header("Set-Cookie")
    assert "HttpOnly" in sc and "SameSite=Lax" in sc, sc
    assert "Secure" not in sc and "__Host-" not in sc, sc


@test
def forged_pre_sign_in_token_refused(base):
    """a pre-sign-in cookie and form token the browser chose (a cookie
    planted by someone else) are refused (403), as is a real token under
    another visitor's cookie; no session starts"""
    email, pw = accounts()["learner"][0]
    fake = "0123456789abcdef" * 2
    c = Client(base)
    c.cookies["lectern_pre"] = fake
    r = c.post("/login", {"email": email, "password": pw}, csrf=fake)
    assert r.status == 403 and r.has("This form has expired"), r
    assert "lectern_session" not in c.cookies
    # The token of one visitor's cookie under another's cookie.
    tok = Client(base).get("/login").csrf()
    c = Client(base)
    c.get("/login")
    r = c.post("/login", {"email": email, "password": pw}, csrf=tok)
    assert r.status == 403, r
    assert "lectern_session" not in c.cookies
    # The same browser's own pair signs in.
    r = c.post("/login", {"email": email, "password": pw},
               csrf=c.get("/login").csrf())
    assert r.status == 303 and "lectern_session" in c.cookies, r


@test
def sign_in_and_home(base):
    """a demo admin signs in, lands on the home page with name and role"""
    email, pw = accounts()["admin"][0]
    c = Client(base)
    r = c.login(email, pw)
    assert r.status == 303 and r.header("Location") == "/", r
    cookie = [h for h in r.all_headers("Set-Cookie")
              if h.startswith("lectern_session=")][0]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    token = cookie.split(";")[0].split("=")[1]
    assert re.fullmatch(r"[0-9a-f]{32}", token)
    # The database keeps only a hash of the token.
    assert sql_value("SELECT COUNT(*) FROM auth_sessions WHERE token_hash = "
                     + sql_quote(token)) == "0"
    home = c.get("/")
    assert home.status == 200
    assert "Ada Administrator" in home.text and "Administrator" in home.text
    assert 'href="/admin/users"' in home.text


@test
def each_role_has_its_home(base):
    """teachers and learners see their own home page, without admin links"""
    for role, heading in (("teacher", "Teaching"), ("learner", "Learning")):
        c = signed_in(base, role)
        r = c.get("/")
        assert r.status == 200 and "<h2>%s</h2>" % heading in r.text, r
        assert 'href="/admin/users"' not in r.text


@test
def wrong_password_and_unknown_email_look_the_same(base):
    """a wrong password and an unknown email get the same answer and no session"""
    email, _ = accounts()["teacher"][0]
    c1 = Client(base, fresh_address())
    r1 = c1.login(email, "not-the-password")
    c2 = Client(base, fresh_address())
    r2 = c2.login(unique("nobody") + "@example.org", "not-the-password")
    assert r1.status == r2.status == 401, (r1, r2)
    assert "Email or password is incorrect." in r1.text
    assert "Email or password is incorrect." in r2.text
    assert "lectern_session" not in c1.cookies
    assert "lectern_session" not in c2.cookies


@test
def empty_form_is_refused(base):
    """a sign-in form without a password asks for both fields"""
    c = Client(base, fresh_address())
    c.get("/login")
    r = c.post("/login", {"email": "a@example.org", "password": ""})
    assert r.status == 422 and "Enter your email and password." in r.text


@test
def account_throttled_after_failures(base):
    """after five failures an account answers 429, even to the right password"""
    admin = signed_in(base)
    _, email, pw = create_user(admin)
    for _ in range(5):
        r = Client(base, fresh_address()).login(email, "wrong-password")
        assert r.status == 401, r
    c = Client(base, fresh_address())
    r = c.login(email, pw)
    assert r.status == 429, r
    assert "Too many failed sign-in attempts" in r.text
    assert "lectern_session" not in c.cookies


@test
def address_throttled_after_failures(base):
    """one address failing on many accounts gets 429 for every account"""
    addr = fresh_address()
    for _ in range(20):
        r = Client(base, addr).login(unique("x") + "@example.org", "nope-nope")
        assert r.status == 401, r
    email, pw = accounts()["learner"][0]
    r = Client(base, addr).login(email, pw)
    assert r.status == 429, r
    # Another address is not affected.
    r = Client(base, fresh_address()).login(email, pw)
    assert r.status == 303, r


@test
def success_clears_account_failures(base):
    """a successful sign-in resets the account's failure count"""
    admin = signed_in(base)
    _, email, pw = create_user(admin)
    for _ in range(4):
        assert Client(base, fresh_address()).login(email, "bad-bad-bad").status == 401
    assert Client(base, fresh_address()).login(email, pw).status == 303
    for _ in range(4):
        assert Client(base, fresh_address()).login(email, "bad-bad-bad").status == 401
    assert Client(base, fresh_address()).login(email, pw).status == 303


@test
def sign_out_ends_session_on_server(base):
    """signing out deletes the session: the old cookie no longer works"""
    c = signed_in(base, "learner", 1)
    old = dict(c.cookies)
    c.get("/")
    r = c.post("/logout", {})
    assert r.status == 303 and r.header("Location") == "/login?signed_out=1"
    assert "lectern_session" not in c.cookies
    r = c.get("/login?signed_out=1")
    assert "You are signed out." in r.text
    replay = Client(base)
    replay.cookies.update(old)
    r = replay.get("/")
    assert r.status == 303 and r.header("Location").startswith("/login"), r


@test
def new_token_at_each_sign_in(base):
    """sign-in never adopts a planted cookie, and signing in again replaces the token"""
    email, pw = accounts()["learner"][2]
    c = Client(base)
    planted = "ab" * 16
    c.cookies["lectern_session"] = planted
    assert c.login(email, pw).status == 303
    first = c.cookies["lectern_session"]
    assert first != planted
    # Signing in again from the signed-in browser issues a new token.
    tok = c.get("/").csrf()
    r = c.post("/login", {"email": email, "password": pw}, csrf=tok)
    assert r.status == 303, r
    second = c.cookies["lectern_session"]
    assert second != first
    stale = Client(base)
    stale.cookies["lectern_session"] = first
    assert stale.get("/").status == 303
    assert c.get("/").status == 200


@test
def next_parameter_is_local_only(base):
    """after sign-in, next= goes to local pages only"""
    email, pw = accounts()["admin"][0]
    c = Client(base)
    r = c.get("/admin/users")
    assert r.status == 303 and r.header("Location") == "/login?next=%2Fadmin%2Fusers"
    r = c.login(email, pw, next_path="/admin/users")
    assert r.header("Location") == "/admin/users", r
    for evil in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        c = Client(base)
        r = c.login(email, pw, next_path=evil)
        assert r.status == 303 and r.header("Location") == "/", (evil, r)


@test
def idle_and_absolute_timeouts(base):
    """sessions end after the idle time and after the absolute time"""
    admin = signed_in(base)
    _, email, pw = create_user(admin)
    uid = sql_value("SELECT id FROM users WHERE email = " + sql_quote(email))
    c = Client(base)
    assert c.login(email, pw).status == 303
    assert c.get("/").status == 200
    sql("UPDATE auth_sessions SET last_seen_at = UTC_TIMESTAMP() - "
        "INTERVAL 3 HOUR WHERE user_id = " + uid)
    assert c.get("/").status == 303
    c = Client(base)
    assert c.login(email, pw).status == 303
    sql("UPDATE auth_sessions SET created_at = UTC_TIMESTAMP() - "
        "INTERVAL 13 HOUR WHERE user_id = " + uid)
    assert c.get("/").status == 303


@test
def head_request_has_no_body(base):
    """HEAD answers with the headers of GET and no body"""
    r = Client(base).request("HEAD", "/login")
    assert r.status == 200 and r.raw == b""
    assert r.header("Content-Type").startswith("text/html")
