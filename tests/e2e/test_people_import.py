"""Importing users from CSV: preview, all-or-nothing, welcome links."""

import html
import re

from lectern import Client, signed_in, sql, sql_quote, sql_value, test, unique


def upload(admin, data, name="users.csv"):
    admin.get("/admin/import/users")
    return admin.post_multipart("/admin/import/users", {},
                                [("file", name, data, "text/csv")])


def count_like(tag):
    return int(sql_value("SELECT COUNT(*) FROM users WHERE email LIKE "
                         + sql_quote("%" + tag + "%")))


@test
def good_file_previews_then_applies(base):
    """a good file is previewed, then imported, and welcome links set passwords"""
    admin = signed_in(base)
    tag = unique("imp")
    data = ("name,email,role,timezone\n"
            "Maria Rossi,%s.maria@example.org,learner,Europe/Rome\n"
            "Jon Doe,%s.jon@example.org,teacher,\n"
            "Zoë Ünicode,%s.zoe@example.org,admin\n" % (tag, tag, tag)).encode()
    r = upload(admin, data)
    assert r.status == 200, r
    assert "3 rows, 3 correct, 0 with problems" in r.text
    assert "Zoë Ünicode" in r.text
    assert count_like(tag) == 0, "preview must not import"
    action = re.search(r'<form method="post" action="(/admin/import/users/\d+/apply)"', r.text).group(1)
    r = admin.post(action, {})
    assert r.status == 200 and "3 users were created" in r.text, r
    assert r.header("Referrer-Policy") == "no-referrer"
    assert count_like(tag) == 3
    row = sql("SELECT role, timezone, password_hash IS NULL FROM users WHERE email = "
              + sql_quote(tag + ".maria@example.org"))[0]
    assert row == ["learner", "Europe/Rome", "1"], row
    links = re.findall(r'<code class="link-text">[^<]*(/welcome\?t=[0-9a-f]{32})</code>', r.text)
    assert len(links) == 3
    # Applying twice is refused.
    admin.get("/")
    r = admin.post(action, {})
    assert r.status == 409
    assert count_like(tag) == 3
    # The first link lets Maria choose a password and signs her in.
    maria = Client(base)
    page = maria.get(links[0])
    assert page.status == 200 and "Welcome, Maria Rossi" in page.text
    tok = links[0].split("=")[1]
    r = maria.post("/welcome", {"t": tok, "new_password": "maria's password",
                                "confirm": "maria's password"})
    assert r.status == 303, r
    assert "Welcome to Lectern" in maria.get("/").text
    assert Client(base).login(tag + ".maria@example.org", "maria's password").status == 303
    # The link works once.
    assert Client(base).get(links[0]).status == 404


@test
def bad_rows_reported_and_nothing_imported(base):
    """every bad row is listed by line and reason; no row is imported"""
    admin = signed_in(base)
    existing = "lena.learner@lectern.test"
    tag = unique("bad")
    data = ("Good Person,%s.good@example.org,learner\n"
            "No Email,,learner\n"
            "Bad Role,%s.role@example.org,wizard\n"
            "Bad Zone,%s.zone@example.org,learner,Mars/Olympus\n"
            "Taken,%s,learner\n"
            "Twice,%s.good@example.org,teacher\n"
            "Too,many,fields,here,really\n"
            ",%s.noname@example.org,learner\n" % (tag, tag, tag, existing, tag, tag)).encode()
    r = upload(admin, data)
    assert r.status == 422, r
    assert "Nothing was imported" in r.text
    rows = re.findall(r"<tr><td[^>]*>(\d+)</td><td[^>]*>([^<]*)</td></tr>", r.text)
    got = {int(line): html.unescape(reason) for line, reason in rows}
    assert sorted(got) == [2, 3, 4, 5, 6, 7, 8], got
    assert "not a valid email" in got[2]
    assert 'unknown role "wizard"' in got[3]
    assert "unknown timezone" in got[4]
    assert "already exists" in got[5]
    assert "appears again (first on line 1)" in got[6]
    assert "expected 3 or 4 fields" in got[7]
    assert "name is empty" in got[8]
    assert count_like(tag) == 0
    assert "/apply" not in r.text


@test
def bom_and_crlf_accepted(base):
    """a file with a byte-order mark and CRLF line ends imports"""
    admin = signed_in(base)
    tag = unique("bom")
    data = ("\ufeffname,email,role\r\nAnna Bom,%s.a@example.org,learner\r\n"
            "\"Quoted, Name\",%s.b@example.org,teacher\r\n" % (tag, tag)).encode("utf-8")
    r = upload(admin, data)
    assert r.status == 200 and "2 rows, 2 correct" in r.text, r
    action = re.search(r'action="(/admin/import/users/\d+/apply)"', r.text).group(1)
    assert admin.post(action, {}).status == 200
    assert sql_value("SELECT name FROM users WHERE email = "
                     + sql_quote(tag + ".b@example.org")) == "Quoted, Name"


@test
def unreadable_files_refused(base):
    """invalid UTF-8, an open quote, an empty file and no file get a clear message"""
    admin = signed_in(base)
    cases = [
        (b"Ann,ann@example.org,learner\nB\xff\xfe,b@example.org,learner\n", "line 2"),
        (b'"Open quote,x@example.org,learner\n', "could not be read as CSV"),
        (b"\n\n", "no rows to import"),
    ]
    for data, msg in cases:
        r = upload(admin, data)
        assert r.status == 422 and msg in r.text and 'id="file-error"' in r.text, (data, r)
    admin.get("/admin/import/users")
    r = admin.post_multipart("/admin/import/users", {}, [])
    assert r.status == 422 and "Choose a file" in r.text


@test
def import_belongs_to_its_admin(base):
    """another administrator cannot apply someone else's upload"""
    admin = signed_in(base)
    tag = unique("own")
    r = upload(admin, ("A Person,%s@example.org,learner\n" % tag).encode())
    action = re.search(r'action="(/admin/import/users/\d+/apply)"', r.text).group(1)
    sql("INSERT INTO users (name, email, role, password_hash, created_at, updated_at) "
        "SELECT 'Second Admin', %s, 'admin', password_hash, UTC_TIMESTAMP(), UTC_TIMESTAMP() "
        "FROM users WHERE email = 'admin@lectern.test'" % sql_quote(tag + ".admin2@example.org"))
    # The second admin shares the demo admin's password hash.
    from lectern import accounts
    other = Client(base)
    assert other.login(tag + ".admin2@example.org", accounts()["admin"][0][1]).status == 303
    other.get("/")
    assert other.post(action, {}).status == 404
    assert count_like(tag + "@") == 0


@test
def oversize_upload_is_413(base):
    """an upload over the size limit answers 413"""
    admin = signed_in(base)
    r = upload(admin, b"a,b@example.org,learner\n" * (11 * 1024 * 1024 // 24 + 10))
    assert r.status == 413, r


@test
def five_thousand_rows_in_one_transaction(base):
    """a 5,000-row file imports whole, and a bad last row stops all 5,000"""
    admin = signed_in(base)
    tag = unique("big")
    lines = ["Person %d,%s.%d@example.org,learner" % (i, tag, i) for i in range(5000)]
    bad = "\n".join(lines + ["Broken,not-an-email,learner"]) + "\n"
    r = upload(admin, bad.encode())
    assert r.status == 422 and "5001 rows, 5000 correct, 1 with problems" in r.text, r.text[:500]
    assert count_like(tag) == 0
    r = upload(admin, ("\n".join(lines) + "\n").encode())
    assert r.status == 200, r
    action = re.search(r'action="(/admin/import/users/\d+/apply)"', r.text).group(1)
    r = admin.post(action, {})
    assert r.status == 200 and "5000 users were created" in r.text
    assert count_like(tag) == 5000
