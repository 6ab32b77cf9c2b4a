"""Helpers for Lectern's end-to-end tests: an HTTP client that keeps
cookies and never follows redirects, form helpers, access to the test
database, and a small TAP runner.  Standard library only."""

import html
import http.client
import itertools
import os
import random
import re
import subprocess
import sys
import traceback
import urllib.parse
import uuid

BASE = os.environ.get("LECTERN_TEST_URL", "")
CGI_BASE = os.environ.get("LECTERN_TEST_CGI_URL", "")
ACCOUNTS_FILE = os.environ.get("LECTERN_TEST_ACCOUNTS", "")
DB_SOCKET = os.environ.get("LECTERN_TEST_DB_SOCKET", "")
TOP = os.environ.get("top_srcdir") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
BUILD = os.environ.get("top_builddir") or TOP
CONF = os.environ.get("LECTERN_CONF", "")

# Each run starts at a random place in 127.0.0.0/8, so that addresses of
# an earlier run against the same database are not reused.
_ip_counter = itertools.count(random.SystemRandom().randrange(1 << 20, 1 << 23))


def fresh_address():
    """A loopback source address no other test has used in this run, so
    that per-address sign-in throttling of one test cannot touch another."""
    n = next(_ip_counter)
    return "127.%d.%d.%d" % ((n >> 16) % 250 + 1, (n >> 8) & 255, n % 250 + 1)


def accounts():
    """Demo accounts: {role: [(email, password), ...]}."""
    out = {}
    with open(ACCOUNTS_FILE) as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                out.setdefault(parts[2], []).append((parts[0], parts[1]))
    return out


def unique(prefix="t"):
    return "%s%s" % (prefix, uuid.uuid4().hex[:10])


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.raw = body
        self.text = body.decode("utf-8", "replace")

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def all_headers(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    def csrf(self):
        m = re.search(r'name="csrf" value="([0-9a-f]+)"', self.text)
        return m.group(1) if m else None

    def has(self, text):
        return text in self.text or html.escape(text, quote=True) in self.text

    def __repr__(self):
        return "<Response %d %s>" % (self.status, self.text[:200])


class Client:
    """One browser: a cookie jar and a source address."""

    def __init__(self, base, source=None):
        u = urllib.parse.urlsplit(base)
        self.host = u.hostname
        self.port = u.port or 80
        self.base = base
        self.source = source
        self.cookies = {}
        self.last = None

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection(
            self.host, self.port, timeout=60,
            source_address=(self.source, 0) if self.source else None)
        hdrs = dict(headers or {})
        if self.cookies:
            hdrs["Cookie"] = "; ".join(
                "%s=%s" % kv for kv in self.cookies.items())
        conn.request(method, path, body=body, headers=hdrs)
        r = conn.getresponse()
        data = r.read()
        resp = Response(r.status, r.getheaders(), data)
        conn.close()
        for sc in resp.all_headers("Set-Cookie"):
            name, _, rest = sc.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in sc or value == "":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        self.last = resp
        return resp

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, fields=None, csrf=True, headers=None):
        """POST a form.  csrf=True takes the token from the last page seen
        (fetching path first when there is none); a string sends that."""
        fields = list((fields or {}).items()) if isinstance(fields, dict) \
            else list(fields or [])
        if csrf is True:
            tok = self.last.csrf() if self.last is not None else None
            if tok is None:
                tok = self.get(path if not path.startswith("/logout") else "/").csrf()
            fields.append(("csrf", tok))
        elif isinstance(csrf, str):
            fields.append(("csrf", csrf))
        body = urllib.parse.urlencode(fields).encode()
        h = {"Content-Type": "application/x-www-form-urlencoded"}
        h.update(headers or {})
        return self.request("POST", path, body=body, headers=h)

    def post_multipart(self, path, fields, files, csrf=True):
        """files: [(field, filename, bytes, content_type)]."""
        boundary = "----lectern" + uuid.uuid4().hex
        fields = list(fields.items()) if isinstance(fields, dict) else list(fields)
        if csrf is True:
            tok = self.last.csrf() if self.last is not None else None
            if tok is None:
                tok = self.get(path).csrf()
            fields.append(("csrf", tok))
        elif isinstance(csrf, str):
            fields.append(("csrf", csrf))
        parts = []
        for k, v in fields:
            parts.append(("--%s\r\nContent-Disposition: form-data; "
                          'name="%s"\r\n\r\n%s\r\n' % (boundary, k, v)).encode())
        for field, fname, data, ctype in files:
            parts.append(("--%s\r\nContent-Disposition: form-data; "
                          'name="%s"; filename="%s"\r\nContent-Type: %s\r\n\r\n'
                          % (boundary, field, fname, ctype)).encode()
                         + data + b"\r\n")
        parts.append(("--%s--\r\n" % boundary).encode())
        body = b"".join(parts)
        return self.request("POST", path, body=body, headers={
            "Content-Type": "multipart/form-data; boundary=" + boundary})

    def login(self, email, password, next_path=None):
        self.get("/login")
        fields = {"email": email, "password": password}
        if next_path:
            fields["next"] = next_path
        return self.post("/login", fields)


def signed_in(base, role="admin", index=0):
    """A client signed in as a demo account of that role."""
    email, pw = accounts()[role][index]
    c = Client(base)
    r = c.login(email, pw)
    assert r.status == 303, "sign-in as %s failed: %r" % (email, r)
    return c


def sql(query):
    """Run SQL as the database's root over its socket; rows as lists."""
    out = subprocess.run(
        ["mariadb", "--socket=" + DB_SOCKET, "-u", "root", "-N", "-B",
         "lectern", "-e", query],
        check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines()]


def sql_value(query):
    rows = sql(query)
    return rows[0][0] if rows else None


def sql_quote(s):
    return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"


def ctl(*args, stdin=None, env=None):
    """Run lecternctl with the test configuration; (exit code, stdout+stderr)."""
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run([os.path.join(BUILD, "cgi", "lecternctl")] + list(args),
                       input=stdin, capture_output=True, text=True, env=e)
    return p.returncode, p.stdout + p.stderr


def routes():
    """The route table as the binary prints it: (method, pattern, roles, csrf)."""
    out = subprocess.run([os.path.join(BUILD, "cgi", "lectern.fcgi"), "--routes"],
                         check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines():
        method, pattern, roles, csrf = line.split()
        rows.append((method, pattern, set(roles.split(",")) - {"", "public"}, csrf == "csrf"))
    return rows


def signed_routes():
    """(method, pattern) of the routes flagged RT_SIGNED: provider
    callbacks, public and without CSRF because a signature or token in
    the request itself authenticates them."""
    out = subprocess.run([os.path.join(BUILD, "cgi", "lectern.fcgi"), "--routes"],
                         check=True, capture_output=True, text=True).stdout
    return {(line.split()[0], line.split()[1]) for line in out.splitlines()
            if line.split()[-1] == "signed"}


def create_user(admin, role="learner", name=None, email=None, timezone="",
                temporary=False):
    """Create a user through the admin form; returns (id, email, password).
    Lectern makes the password temporary (to be replaced before any other
    page opens); unless temporary is true, it is marked as chosen, as if
    the user had replaced it with the same one."""
    name = name or "Test " + unique("u")
    email = email or unique("user") + "@example.org"
    admin.get("/admin/users/new")
    r = admin.post("/admin/users/new", {"name": name, "email": email,
                                        "role": role, "timezone": timezone})
    assert r.status == 200, r
    pw = re.search(r'id="temporary-password">([^<]+)<', r.text).group(1)
    uid = int(re.search(r'href="/admin/users/(\d+)"', r.text).group(1))
    if not temporary:
        sql("UPDATE users SET password_temporary = 0 WHERE id = %d" % uid)
    return uid, email, html.unescape(pw)


_tests = []


def test(fn):
    """Register a test: fn(base) raises AssertionError on failure."""
    _tests.append(fn)
    return fn


def test_once(fn):
    """Register a test that does not depend on FastCGI or CGI: run once."""
    fn.once = True
    _tests.append(fn)
    return fn


def run_all():
    """Run every registered test against FastCGI and then plain CGI; TAP out."""
    if not BASE:
        print("1..0 # SKIP no stack: run the tests through ./etc/dev check")
        return 0
    bases = [("fastcgi", BASE)] + ([("cgi", CGI_BASE)] if CGI_BASE else [])
    only = os.environ.get("LECTERN_TEST_ONLY")
    chosen = [fn for fn in _tests if not only or only in fn.__name__]
    plan = [(label, base, fn) for label, base in bases for fn in chosen
            if not getattr(fn, "once", False)]
    # Tests that run once come last, in module order (the database outage last).
    plan += [(bases[0][0], bases[0][1], fn) for fn in chosen
             if getattr(fn, "once", False)]
    print("1..%d" % len(plan))
    failed = 0
    for i, (label, base, fn) in enumerate(plan, 1):
        name = "%s: %s" % ("lecternctl" if getattr(fn, "once", False) else label,
                           (fn.__doc__ or fn.__name__).strip().splitlines()[0])
        try:
            fn(base)
            print("ok %d - %s" % (i, name))
        except Exception:
            failed += 1
            print("not ok %d - %s" % (i, name))
            for line in traceback.format_exc().splitlines():
                print("# " + line)
        sys.stdout.flush()
    return 1 if failed else 0
