"""What the dispatcher decides for every route: headers, 404, 405, 413,
400, CSRF and roles, with the role checks listed from the route table."""

import re

from lectern import (Client, accounts, create_user, routes, signed_in,
                     signed_routes, sql_value, sql_quote, test, unique)


def concrete(pattern, uid):
    return pattern.replace(":id", str(uid))


@test
def security_headers_on_pages(base):
    """every page carries CSP, nosniff, frame-ancestors none and no-store"""
    for c, path in ((Client(base), "/login"), (signed_in(base), "/admin/users"),
                    (Client(base), "/no/such/page")):
        r = c.get(path)
        csp = r.header("Content-Security-Policy")
        assert csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp, r
        assert "unsafe-inline" not in csp
        assert r.header("X-Content-Type-Options") == "nosniff"
        assert r.header("Cache-Control") == "no-store"
        assert r.header("Content-Type") == "text/html; charset=utf-8"


@test
def unknown_route_is_404_in_layout(base):
    """an unknown address is a 404 page in the site layout"""
    r = Client(base).get("/nothing-here")
    assert r.status == 404
    assert "There is no page at this address." in r.text
    assert '<link rel="stylesheet" href="/static/lectern.css">' in r.text


@test
def wrong_method_is_405(base):
    """GET on a POST-only route and unknown methods answer 405"""
    r = Client(base).get("/logout")
    assert r.status == 405 and r.header("Allow") == "POST", r
    r = Client(base).request("PUT", "/login", body=b"x")
    assert r.status == 405, r
    r = Client(base).request("DELETE", "/admin/users/1")
    assert r.status == 405, r


@test
def oversize_body_is_413(base):
    """a form body over the limit answers 413 and is not processed"""
    c = Client(base)
    tok = c.get("/login").csrf()
    body = ("csrf=%s&email=a%%40b.org&password=" % tok).encode() + b"x" * (2 * 1024 * 1024)
    r = c.request("POST", "/login", body=body, headers={
        "Content-Type": "application/x-www-form-urlencoded"})
    assert r.status == 413, r
    assert "larger than this site accepts" in r.text


@test
def malformed_input_is_400(base):
    """broken percent-escapes and broken multipart bodies answer 400"""
    r = Client(base).get("/login?next=%zz")
    assert r.status == 400 and "malformed" in r.text, r
    admin = signed_in(base)
    tok = admin.get("/admin/import/users").csrf()
    r = admin.request("POST", "/admin/import/users", body=b"--x\r\nnonsense",
                      headers={"Content-Type": "multipart/form-data; boundary=x"})
    assert r.status == 400, r
    r = admin.request("POST", "/admin/users/new", body=b"csrf=" + tok.encode() + b"&name=%G0",
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status == 400, r
    # An invalid declared parameter on a list page.
    r = admin.get("/admin/users?after_id=abc")
    assert r.status == 400, r


@test
def csrf_required_on_every_post(base):
    """every POST route refuses a missing or foreign CSRF token with 403"""
    admin = signed_in(base)
    other = signed_in(base, "admin")
    foreign = other.get("/").csrf()
    uid = sql_value("SELECT id FROM users WHERE email = 'lina.learner@lectern.test'")
    signed = signed_routes()
    for method, pattern, roles, needs in routes():
        # Provider callbacks prove themselves by a signature instead
        # (test_classroom_callbacks.py checks that they are public and refuse
        # unsigned requests).
        if method != "POST" or (method, pattern) in signed:
            continue
        assert needs, "POST %s has no CSRF flag" % pattern
        path = concrete(pattern, uid)
        for tok in (None, foreign, "0" * 32):
            fields = {"name": "X"}
            r = admin.post(path, fields, csrf=tok if tok else False)
            assert r.status == 403, (path, tok, r)
    # Sign-in itself: the token must match the visitor's cookie.
    c = Client(base)
    c.get("/login")
    email, pw = accounts()["admin"][0]
    r = c.post("/login", {"email": email, "password": pw}, csrf="f" * 32)
    assert r.status == 403 and "lectern_session" not in c.cookies


@test
def csrf_failure_changes_nothing(base):
    """a timezone change with a bad token is refused and not applied"""
    admin = signed_in(base)
    uid, email, pw = create_user(admin)
    c = Client(base)
    c.login(email, pw)
    r = c.post("/account/timezone", {"timezone": "Asia/Tokyo"}, csrf="a" * 32)
    assert r.status == 403
    assert sql_value("SELECT COALESCE(timezone, '') FROM users WHERE id = %d" % uid) == ""


@test
def roles_checked_on_every_route(base):
    """each route refuses roles it does not list (403), anonymous GETs go to sign-in"""
    admin = signed_in(base)
    target_id = sql_value("SELECT id FROM users WHERE email = 'lina.learner@lectern.test'")
    clients = {"learner": signed_in(base, "learner", 3),
               "teacher": signed_in(base, "teacher", 1)}
    for method, pattern, roles, _ in routes():
        if not roles:
            continue
        path = concrete(pattern, target_id)
        for role, c in clients.items():
            if role in roles:
                continue
            if method == "GET":
                r = c.get(path)
            else:
                c.get("/")
                r = c.post(path, {"name": "Mallory", "email": "m@example.org",
                                  "role": "admin"})
            assert r.status == 403, (role, method, path, r)
        anon = Client(base)
        if method == "GET":
            r = anon.get(path)
            assert r.status == 303 and r.header("Location").startswith("/login?next="), (path, r)
        else:
            tok = anon.get("/login").csrf()
            r = anon.post(path, {}, csrf=tok)
            assert r.status == 403, (path, r)
    # Nothing changed for the target user.
    assert sql_value("SELECT role FROM users WHERE id = %s" % target_id) == "learner"
    assert sql_value("SELECT disabled FROM users WHERE id = %s" % target_id) == "0"


@test
def routes_table_covers_admin_pages(base):
    """the route table lists the admin pages as admin-only"""
    table = routes()
    admin_only = [p for m, p, roles, _ in table if p.startswith("/admin")]
    assert len(admin_only) >= 8
    for m, p, roles, _ in table:
        if p.startswith("/admin"):
            assert roles == {"admin"}, (p, roles)


@test
def static_files_served(base):
    """the stylesheet is served by nginx"""
    r = Client(base).get("/static/lectern.css")
    assert r.status == 200 and "text/css" in r.header("Content-Type")
    assert "--accent" in r.text
