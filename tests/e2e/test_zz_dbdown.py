"""The database goes away and comes back.  Runs last: while it runs,
nothing else can use the database."""

import os
import subprocess

from lectern import TOP, Client, signed_in, test_once


def dev_db(action):
    subprocess.run([os.path.join(TOP, "etc", "dev"), "db", action, "check"],
                   check=True, capture_output=True, text=True, timeout=120)


@test_once
def database_down_is_503_then_recovers(base):
    """without its database Lectern answers a friendly 503, and recovers by itself"""
    if not os.environ.get("LECTERN_TEST_VAR"):
        raise AssertionError("needs the stack of ./etc/dev check")
    from lectern import CGI_BASE
    admin = signed_in(base)
    cgi_admin = signed_in(CGI_BASE) if CGI_BASE else None
    assert admin.get("/").status == 200
    dev_db("stop")
    try:
        for c in [admin] + ([cgi_admin] if cgi_admin else []):
            r = c.get("/admin/users")
            assert r.status == 503, r
            assert "cannot reach its database" in r.text
            assert "mysql" not in r.text.lower() and "mariadb" not in r.text.lower()
        # A page that needs no database still works.
        assert Client(base).get("/login").status == 200
    finally:
        dev_db("start")
    # The same workers reconnect and re-prepare their statements.
    for _ in range(3):
        assert admin.get("/admin/users").status == 200
    if cgi_admin:
        assert cgi_admin.get("/admin/users").status == 200
