"""lecternctl, the operator's tool."""

import os
import tempfile

from lectern import CONF, Client, ctl, sql_value, sql_quote, test_once, unique


def conf_value(key):
    with open(CONF) as f:
        for line in f:
            k, _, v = line.partition("=")
            if k.strip() == key:
                return v.strip()
    return None


@test_once
def check_config_hides_secrets(base):
    """check-config validates the config and never prints the database password"""
    code, out = ctl("check-config")
    assert code == 0, out
    assert "database connection: ok" in out
    secret = conf_value("db_password")
    assert secret and secret not in out
    code, out = ctl("check-config", env={"LECTERN_DB_PASSWORD": "wrong-" + secret})
    assert code == 1 and "cannot connect" in out
    assert secret not in out


@test_once
def bad_config_is_explained(base):
    """a config with an unknown key or a bad value names the line"""
    with tempfile.NamedTemporaryFile("w", suffix=".conf", delete=False) as f:
        f.write("db_socket = /nonexistent\nsession_idle_minutes = lots\n")
        path = f.name
    try:
        code, out = ctl("check-config", env={"LECTERN_CONF": path})
        assert code == 1 and ":2: session_idle_minutes must be a whole number" in out, out
        with open(path, "w") as f:
            f.write("db_socket = /nonexistent\ncolour = blue\n")
        code, out = ctl("check-config", env={"LECTERN_CONF": path})
        assert code == 1 and 'unknown key "colour"' in out, out
    finally:
        os.unlink(path)


@test_once
def migrate_is_idempotent(base):
    """migrate applies nothing the second time"""
    n = sql_value("SELECT COUNT(*) FROM schema_migrations")
    code, out = ctl("migrate")
    assert code == 0 and "0 applied now" in out, out
    assert sql_value("SELECT COUNT(*) FROM schema_migrations") == n


@test_once
def create_admin(base):
    """create-admin makes an administrator who can sign in; duplicates are refused"""
    email = unique("boss") + "@example.org"
    code, out = ctl("create-admin", "--email", email, "--name", "Head Teacher",
                    "--password-stdin", stdin="a long admin password\n")
    assert code == 0, out
    assert sql_value("SELECT role FROM users WHERE email = " + sql_quote(email)) == "admin"
    assert Client(base).login(email, "a long admin password").status == 303
    code, out = ctl("create-admin", "--email", email, "--name", "Again",
                    "--password-stdin", stdin="a long admin password\n")
    assert code == 1 and "exists" in out
    code, out = ctl("create-admin", "--email", unique() + "@example.org", "--name", "X",
                    "--password-stdin", stdin="short\n")
    assert code == 1 and "at least 10 characters" in out
    code, out = ctl("create-admin", "--email", "nope", "--name", "X")
    assert code == 1 and "not a valid email" in out
