"""The administrator's catalogue: courses and their lessons, session
categories, classes and their members."""

import html
import re

from lectern import (create_user, routes, signed_in, sql, sql_quote, sql_value,
                     test, unique)


def post_from(c, page, path, fields=None):
    """Open page (for its form token), then POST fields to path."""
    r = c.get(page)
    assert r.status == 200, (page, r)
    return c.post(path, fields or {})


def new_course(admin, title=None, code=None, description=""):
    """Add a course through the form; returns its id."""
    title = title or "Course " + unique()
    code = code or unique("C")
    r = post_from(admin, "/admin/courses/new", "/admin/courses/new",
                  {"title": title, "code": code, "description": description})
    assert r.status == 303, r
    m = re.fullmatch(r"/admin/courses/(\d+)", r.header("Location"))
    assert m, r.header("Location")
    return int(m.group(1))


def add_lesson(admin, cid, title, kind="class"):
    """Add a lesson to course cid through its page; returns the lesson id."""
    r = post_from(admin, "/admin/courses/%d" % cid, "/admin/courses/%d/lessons" % cid,
                  {"lesson_title": title, "type": kind})
    assert r.status == 303 and r.header("Location") == "/admin/courses/%d" % cid, r
    return int(sql_value("SELECT MAX(id) FROM course_lessons WHERE course_id = %d" % cid))


def lesson_rows(page):
    """(number, title, type label) of each lesson row on a course page."""
    return re.findall(r'<tr><td[^>]*>(\d+)</td><td[^>]*><a href="/admin/courses/\d+/lessons/\d+">'
                      r'([^<]*)</a></td><td[^>]*>([^<]*)</td>', page.text)


def new_class(admin, name=None, description=""):
    name = name or "Class " + unique()
    r = post_from(admin, "/admin/classes/new", "/admin/classes/new",
                  {"name": name, "description": description})
    assert r.status == 303, r
    return int(re.fullmatch(r"/admin/classes/(\d+)", r.header("Location")).group(1))


def new_category(admin, name=None):
    name = name or "Category " + unique()
    r = post_from(admin, "/admin/categories/new", "/admin/categories/new", {"name": name})
    assert r.status == 303, r
    return int(sql_value("SELECT id FROM session_categories WHERE name = " + sql_quote(name)))


def next_link(page):
    """The next page's path (without its fragment), or None."""
    m = re.search(r'rel="next" href="([^"#]+)', page.text)
    return html.unescape(m.group(1)) if m else None


# --- courses ---------------------------------------------------------------

@test
def course_create_edit_archive(base):
    """an admin adds, edits, archives and unarchives a course through the forms"""
    admin = signed_in(base)
    code = unique("C")
    cid = new_course(admin, title="Algebra <i>one</i>", code=code,
                     description="First line\r\nSecond line")
    row = sql("SELECT title, code, REPLACE(description, '\\r\\n', '|'), archived "
              "FROM courses WHERE id = %d" % cid)[0]
    assert row == ["Algebra <i>one</i>", code, "First line|Second line", "0"], row
    page = admin.get("/admin/courses/%d" % cid)
    assert "Added the course Algebra &lt;i&gt;one&lt;/i&gt;." in page.text
    assert "<i>one</i>" not in page.text
    assert "First line\r\nSecond line</textarea>" in page.text, "line breaks lost"

    code2 = unique("c.2_")
    r = admin.post("/admin/courses/%d" % cid, {"title": "Algebra II", "code": code2,
                                               "description": ""})
    assert r.status == 303 and r.header("Location") == "/admin/courses/%d" % cid, r
    assert sql("SELECT title, code, description IS NULL FROM courses WHERE id = %d"
               % cid)[0] == ["Algebra II", code2, "1"]

    admin.get("/admin/courses/%d" % cid)
    r = admin.post("/admin/courses/%d/archive" % cid)
    assert r.status == 303, r
    assert sql_value("SELECT archived FROM courses WHERE id = %d" % cid) == "1"
    page = admin.get("/admin/courses/%d" % cid)
    assert page.status == 200 and '<span class="badge off">Archived</span>' in page.text
    assert "Unarchive course" in page.text
    # Hidden from the list unless "show archived" is ticked, badged when shown.
    r = admin.get("/admin/courses?q=" + code2)
    assert 'href="/admin/courses/%d"' % cid not in r.text
    r = admin.get("/admin/courses?archived=1&q=" + code2)
    assert re.search(r'href="/admin/courses/%d">Algebra II</a>.*?Archived</span>' % cid, r.text)
    assert 'name="archived" value="1" checked' in r.text

    admin.get("/admin/courses/%d" % cid)
    assert admin.post("/admin/courses/%d/unarchive" % cid).status == 303
    assert sql_value("SELECT archived FROM courses WHERE id = %d" % cid) == "0"
    assert 'href="/admin/courses/%d"' % cid in admin.get("/admin/courses?q=" + code2).text


@test
def course_validation(base):
    """bad course fields are reported next to the field with 422 and nothing is written"""
    admin = signed_in(base)
    taken = unique("T")
    new_course(admin, code=taken)
    before = sql_value("SELECT COUNT(*) FROM courses")
    cases = [
        ({"title": "", "code": unique("C")}, "title-error", "Title is required."),
        ({"title": "   ", "code": unique("C")}, "title-error", "Title is required."),
        ({"title": "x" * 201, "code": unique("C")}, "title-error", "at most 200 characters"),
        ({"title": "Ok", "code": "has space"}, "code-error",
         "Code may contain only letters, digits, dots, underscores and hyphens."),
        ({"title": "Ok", "code": "caf\u00e9"}, "code-error", "Code may contain only"),
        ({"title": "Ok", "code": "C" * 41}, "code-error", "at most 40 characters"),
        ({"title": "Ok", "code": ""}, "code-error", "Code is required."),
        ({"title": "Ok", "code": taken}, "code-error", "Another course already has this code."),
        ({"title": "Ok", "code": taken.lower()}, "code-error",
         "Another course already has this code."),
        ({"title": "Ok", "code": unique("C"), "description": "d" * 5001},
         "description-error", "at most 5000 characters"),
    ]
    for fields, field_id, message in cases:
        r = post_from(admin, "/admin/courses/new", "/admin/courses/new", fields)
        assert r.status == 422, (fields, r)
        assert 'id="%s"' % field_id in r.text and r.has(message), (fields, r.text)
        # The typed values come back in the form.
        assert r.has('value="%s"' % fields["code"]) or not fields["code"], fields
    assert sql_value("SELECT COUNT(*) FROM courses") == before

    # Editing into another course's code changes nothing either.
    cid = new_course(admin)
    old = sql("SELECT title, code FROM courses WHERE id = %d" % cid)[0]
    r = post_from(admin, "/admin/courses/%d" % cid, "/admin/courses/%d" % cid,
                  {"title": "Renamed", "code": taken.upper()})
    assert r.status == 422 and r.has("Another course already has this code."), r
    assert 'id="code-error"' in r.text
    assert sql("SELECT title, code FROM courses WHERE id = %d" % cid)[0] == old


@test
def unknown_course_is_404(base):
    """a course that does not exist is a 404 on every course route"""
    admin = signed_in(base)
    assert admin.get("/admin/courses/999999999").status == 404
    for path in ("/admin/courses/999999999/archive", "/admin/courses/999999999/lessons"):
        r = post_from(admin, "/admin/courses", path, {"lesson_title": "x", "type": "class"})
        assert r.status == 404, (path, r)


@test
def courses_keyset_pages(base):
    """courses page by title then id, 50 at a time, following the next link"""
    admin = signed_in(base)
    tag = unique("kp")
    # Pairs of equal titles, inserted out of order, so that the id breaks ties.
    for i in reversed(range(60)):
        sql("INSERT INTO courses (title, code, created_at, updated_at) VALUES "
            "(%s, %s, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
            % (sql_quote("%s %02d" % (tag, i // 2)), sql_quote("%s-%02d" % (tag, i))))
    expected = [(int(r[0]), r[1]) for r in sql(
        "SELECT id, title FROM courses WHERE title LIKE '%s%%' ORDER BY title, id" % tag)]
    assert len(expected) == 60
    seen, counts, path, pages = [], [], "/admin/courses?q=" + tag, 0
    while path:
        r = admin.get(path)
        assert r.status == 200, r
        counts.append(r.header("X-Lectern-Queries"))
        rows = [(int(a), html.unescape(b)) for a, b in re.findall(
            r'<a href="/admin/courses/(\d+)">(%s \d+)</a>' % tag, r.text)]
        assert len(rows) == (50 if pages == 0 else 10), len(rows)
        seen += rows
        pages += 1
        path = next_link(r)
        assert pages <= 3
    assert pages == 2 and seen == expected, (pages, seen[:5])
    assert "First page" in r.text
    assert len(set(counts)) == 1 and counts[0] is not None, counts

    # The same without a search, from a position inside the tag's rows:
    # archived rows are skipped unless asked for, and the next link keeps
    # asking.  expected[1] has the same title as expected[0] and a larger id.
    archived_id = expected[1][0]
    sql("UPDATE courses SET archived = 1 WHERE id = %d" % archived_id)
    pos = "after_text=%s&after_id=%d" % (tag + "+00", expected[0][0])
    r = admin.get("/admin/courses?" + pos)
    ids = [int(x) for x in re.findall(r'<a href="/admin/courses/(\d+)">%s' % tag, r.text)]
    assert ids[:2] == [expected[2][0], expected[3][0]], (ids[:2], expected[:4])
    r = admin.get("/admin/courses?archived=1&" + pos)
    ids = [int(x) for x in re.findall(r'<a href="/admin/courses/(\d+)">%s' % tag, r.text)]
    assert ids[:2] == [archived_id, expected[2][0]], ids[:2]
    assert "archived=1" in next_link(r)


@test
def course_list_query_count_is_constant(base):
    """the course list runs as many queries on its first page as on later ones"""
    admin = signed_in(base)
    tag = unique("qc")
    sql("INSERT INTO courses (title, code, created_at, updated_at) SELECT "
        "CONCAT(%s, LPAD(seq, 3, '0')), CONCAT(%s, seq), UTC_TIMESTAMP(), UTC_TIMESTAMP() "
        "FROM seq_1_to_120" % (sql_quote(tag + " "), sql_quote(tag + "-")))
    counts = []
    path = "/admin/courses?q=" + tag
    while path:
        r = admin.get(path)
        counts.append(int(r.header("X-Lectern-Queries")))
        path = next_link(r)
    assert len(counts) == 3 and len(set(counts)) == 1 and counts[0] <= 3, counts
    r = admin.get("/admin/courses")
    assert int(r.header("X-Lectern-Queries")) == counts[0]


@test
def course_search(base):
    """the course list searches title and code, wildcards taken literally"""
    admin = signed_in(base)
    tag = unique("s")
    a = new_course(admin, title="Chemistry " + tag, code=unique("CH"))
    b = new_course(admin, title="Biology", code=tag + "_BIO")
    c = new_course(admin, title="Physics", code=unique("PH"))
    r = admin.get("/admin/courses?q=" + tag)
    ids = {int(x) for x in re.findall(r'href="/admin/courses/(\d+)"', r.text)}
    assert {a, b} <= ids and c not in ids, ids
    r = admin.get("/admin/courses?q=%s_BIO" % tag.upper())
    assert {int(x) for x in re.findall(r'href="/admin/courses/(\d+)"', r.text)} == {b}
    r = admin.get("/admin/courses?q=%25%25" + tag)
    assert "No course matches" in r.text and 'href="/admin/courses/%d"' % a not in r.text


# --- lessons ---------------------------------------------------------------

@test
def lessons_order_types_and_moves(base):
    """lessons are listed in order with their types and move up and down"""
    admin = signed_in(base)
    cid = new_course(admin)
    l1 = add_lesson(admin, cid, "Welcome", "class")
    l2 = add_lesson(admin, cid, "Exercises", "homework")
    l3 = add_lesson(admin, cid, "Reading", "independent")
    assert sql("SELECT id, type, position FROM course_lessons WHERE course_id = %d "
               "ORDER BY position" % cid) == [[str(l1), "class", "1"],
                                             [str(l2), "homework", "2"],
                                             [str(l3), "independent", "3"]]
    page = admin.get("/admin/courses/%d" % cid)
    assert lesson_rows(page) == [("1", "Welcome", "Class"), ("2", "Exercises", "Homework"),
                                 ("3", "Reading", "Independent")], lesson_rows(page)
    assert re.findall(r'<option value="(\w+)"[^>]*>(\w+)</option>', page.text) == [
        ("class", "Class"), ("homework", "Homework"), ("independent", "Independent")]

    def move(lid, direction):
        return post_from(admin, "/admin/courses/%d" % cid,
                         "/admin/courses/%d/lessons/%d/move" % (cid, lid),
                         {"direction": direction})

    def order():
        return [int(x) for x, in sql("SELECT id FROM course_lessons WHERE course_id = %d "
                                     "ORDER BY position, id" % cid)]

    assert move(l3, "up").status == 303
    assert order() == [l1, l3, l2]
    assert move(l1, "down").status == 303
    assert order() == [l3, l1, l2]
    assert [t for _, t, _ in lesson_rows(admin.get("/admin/courses/%d" % cid))] == [
        "Reading", "Welcome", "Exercises"]
    # Positions stay distinct, 1..3.
    assert sorted(int(p) for p, in sql("SELECT position FROM course_lessons "
                                       "WHERE course_id = %d" % cid)) == [1, 2, 3]
    # The first cannot go up, the last cannot go down: nothing changes.
    r = move(l3, "up")
    assert r.status == 303
    assert "already the first lesson" in admin.get(r.header("Location")).text
    assert move(l2, "down").status == 303
    assert order() == [l3, l1, l2]
    r = move(l2, "sideways")
    assert r.status == 400, r
    assert order() == [l3, l1, l2]
    # No Up button on the first row, no Down button on the last.
    page = admin.get("/admin/courses/%d" % cid)
    assert 'aria-label="Move Reading up"' not in page.text
    assert 'aria-label="Move Exercises down"' not in page.text
    assert 'aria-label="Move Welcome up"' in page.text


@test
def lesson_edit_validate_archive(base):
    """a lesson's title and type are edited, bad ones refused, and it is archived"""
    admin = signed_in(base)
    cid = new_course(admin)
    lid = add_lesson(admin, cid, "Draft", "class")
    path = "/admin/courses/%d/lessons/%d" % (cid, lid)
    page = admin.get(path)
    assert page.status == 200 and 'value="Draft"' in page.text
    r = admin.post(path, {"lesson_title": "Final", "type": "homework"})
    assert r.status == 303 and r.header("Location") == "/admin/courses/%d" % cid, r
    assert sql("SELECT title, type FROM course_lessons WHERE id = %d" % lid)[0] == [
        "Final", "homework"]

    for fields, field_id in (({"lesson_title": "", "type": "class"}, "lesson_title-error"),
                             ({"lesson_title": "  ", "type": "class"}, "lesson_title-error"),
                             ({"lesson_title": "Ok", "type": "lecture"}, "type-error")):
        r = post_from(admin, path, path, fields)
        assert r.status == 422 and 'id="%s"' % field_id in r.text, (fields, r)
    assert sql("SELECT title, type FROM course_lessons WHERE id = %d" % lid)[0] == [
        "Final", "homework"]

    # A bad new lesson is reported on the course page; nothing is added.
    before = sql_value("SELECT COUNT(*) FROM course_lessons WHERE course_id = %d" % cid)
    r = post_from(admin, "/admin/courses/%d" % cid, "/admin/courses/%d/lessons" % cid,
                  {"lesson_title": "", "type": "homework"})
    assert r.status == 422 and 'id="lesson_title-error"' in r.text, r
    assert "Lesson title is required." in r.text
    assert re.search(r'<option value="homework" selected>', r.text)
    r = post_from(admin, "/admin/courses/%d" % cid, "/admin/courses/%d/lessons" % cid,
                  {"lesson_title": "x" * 201, "type": "class"})
    assert r.status == 422 and 'id="lesson_title-error"' in r.text
    assert sql_value("SELECT COUNT(*) FROM course_lessons WHERE course_id = %d" % cid) == before

    r = post_from(admin, path, path + "/archive")
    assert r.status == 303
    assert sql_value("SELECT archived FROM course_lessons WHERE id = %d" % lid) == "1"
    page = admin.get("/admin/courses/%d" % cid)
    assert re.search(r'>Final</a>((?!</tr>).)*Archived</span>', page.text, re.S)
    assert admin.get(path).status == 200
    assert post_from(admin, path, path + "/unarchive").status == 303
    assert sql_value("SELECT archived FROM course_lessons WHERE id = %d" % lid) == "0"


@test
def lesson_of_another_course_is_404(base):
    """a lesson addressed under another course's path is a 404 and stays unchanged"""
    admin = signed_in(base)
    a = new_course(admin)
    b = new_course(admin)
    lid = add_lesson(admin, a, "Mine", "class")
    add_lesson(admin, b, "Theirs", "class")
    wrong = "/admin/courses/%d/lessons/%d" % (b, lid)
    assert admin.get(wrong).status == 404
    for path, fields in ((wrong, {"lesson_title": "Stolen", "type": "homework"}),
                         (wrong + "/move", {"direction": "down"}),
                         (wrong + "/move", {"direction": "up"}),
                         (wrong + "/archive", {}),
                         (wrong + "/unarchive", {})):
        r = post_from(admin, "/admin/courses/%d" % b, path, fields)
        assert r.status == 404, (path, r)
    assert sql("SELECT course_id, title, type, position, archived FROM course_lessons "
               "WHERE id = %d" % lid)[0] == [str(a), "Mine", "class", "1", "0"]
    assert admin.get("/admin/courses/%d/lessons/999999999" % a).status == 404


# --- categories ------------------------------------------------------------

@test
def category_create_rename_archive(base):
    """an admin adds, renames, archives and unarchives a session category"""
    admin = signed_in(base)
    name = "Onboarding " + unique()
    cid = new_category(admin, name)
    page = admin.get("/admin/categories")
    assert "Added the category %s." % name in page.text
    new_name = "Induction " + unique()
    r = post_from(admin, "/admin/categories/%d" % cid, "/admin/categories/%d" % cid,
                  {"name": new_name})
    assert r.status == 303, r
    assert sql_value("SELECT name FROM session_categories WHERE id = %d" % cid) == new_name
    r = post_from(admin, "/admin/categories/%d" % cid, "/admin/categories/%d/archive" % cid)
    assert r.status == 303
    assert sql_value("SELECT archived FROM session_categories WHERE id = %d" % cid) == "1"
    page = admin.get("/admin/categories/%d" % cid)
    assert "Archived</span>" in page.text and "Unarchive category" in page.text
    # Hidden from the list unless asked for; follow the pages to be sure.
    def listed(path):
        while path:
            r = admin.get(path)
            if 'href="/admin/categories/%d"' % cid in r.text:
                return r
            path = next_link(r)
        return None
    assert listed("/admin/categories") is None
    r = listed("/admin/categories?archived=1")
    assert r and re.search(r'>%s</a></td><td[^>]*><span class="badge off">Archived' % new_name, r.text)
    assert post_from(admin, "/admin/categories/%d" % cid,
                     "/admin/categories/%d/unarchive" % cid).status == 303
    assert sql_value("SELECT archived FROM session_categories WHERE id = %d" % cid) == "0"


@test
def category_validation(base):
    """empty, too long and duplicate category names are refused, nothing written"""
    admin = signed_in(base)
    taken = "Taken " + unique()
    cid = new_category(admin, taken)
    before = sql_value("SELECT COUNT(*) FROM session_categories")
    for name, message in (("", "Name is required."), ("   ", "Name is required."),
                          ("n" * 101, "at most 100 characters"),
                          (taken, "Another category already has this name."),
                          (taken.upper(), "Another category already has this name.")):
        r = post_from(admin, "/admin/categories/new", "/admin/categories/new", {"name": name})
        assert r.status == 422 and 'id="name-error"' in r.text and r.has(message), (name, r)
    assert sql_value("SELECT COUNT(*) FROM session_categories") == before
    other = new_category(admin)
    r = post_from(admin, "/admin/categories/%d" % other, "/admin/categories/%d" % other,
                  {"name": taken})
    assert r.status == 422 and r.has("Another category already has this name.")
    assert sql_value("SELECT name FROM session_categories WHERE id = %d" % other) != taken
    assert admin.get("/admin/categories/999999999").status == 404
    assert cid


@test
def categories_keyset_pages(base):
    """categories page by name with a next link, no row twice, constant queries"""
    admin = signed_in(base)
    tag = unique("AAcat")
    sql("INSERT INTO session_categories (name, created_at, updated_at) SELECT "
        "CONCAT(%s, LPAD(seq, 3, '0')), UTC_TIMESTAMP(), UTC_TIMESTAMP() "
        "FROM seq_1_to_55" % sql_quote(tag + " "))
    names, counts, path = [], [], "/admin/categories"
    while path:
        r = admin.get(path)
        assert r.status == 200
        counts.append(r.header("X-Lectern-Queries"))
        names += re.findall(r'<a href="/admin/categories/\d+">([^<]+)</a>', r.text)
        path = next_link(r)
    mine = [n for n in names if n.startswith(tag)]
    assert mine == ["%s %03d" % (tag, i) for i in range(1, 56)], mine[:3]
    assert len(names) == len(set(names)) and len(counts) >= 2 and len(set(counts)) == 1


# --- classes ---------------------------------------------------------------

@test
def class_create_edit_archive(base):
    """an admin adds, edits, archives and unarchives a class"""
    admin = signed_in(base)
    name = "Year 7 " + unique()
    kid = new_class(admin, name, "Morning group\nRoom 4")
    assert sql("SELECT name, description, archived FROM classes WHERE id = %d" % kid)[0][0] \
        == name
    page = admin.get("/admin/classes/%d" % kid)
    assert "Members (0)" in page.text and "This class has no members yet." in page.text
    new_name = "Year 8 " + unique()
    r = admin.post("/admin/classes/%d" % kid, {"name": new_name, "description": ""})
    assert r.status == 303, r
    assert sql("SELECT name, description IS NULL FROM classes WHERE id = %d" % kid)[0] == [
        new_name, "1"]
    r = post_from(admin, "/admin/classes/%d" % kid, "/admin/classes/%d/archive" % kid)
    assert r.status == 303
    assert sql_value("SELECT archived FROM classes WHERE id = %d" % kid) == "1"
    assert "Archived</span>" in admin.get("/admin/classes/%d" % kid).text
    assert 'href="/admin/classes/%d"' % kid not in admin.get(
        "/admin/classes?q=" + new_name.replace(" ", "+")).text
    r = admin.get("/admin/classes?archived=1&q=" + new_name.replace(" ", "+"))
    assert re.search(r'href="/admin/classes/%d">.*?Archived</span>' % kid, r.text)
    assert post_from(admin, "/admin/classes/%d" % kid,
                     "/admin/classes/%d/unarchive" % kid).status == 303
    assert sql_value("SELECT archived FROM classes WHERE id = %d" % kid) == "0"


@test
def class_validation(base):
    """empty and duplicate class names are refused next to the field, nothing written"""
    admin = signed_in(base)
    taken = "Group " + unique()
    kid = new_class(admin, taken)
    before = sql_value("SELECT COUNT(*) FROM classes")
    for name, message in (("", "Name is required."), ("x" * 101, "at most 100 characters"),
                          (taken.lower(), "Another class already has this name.")):
        r = post_from(admin, "/admin/classes/new", "/admin/classes/new",
                      {"name": name, "description": "kept"})
        assert r.status == 422 and 'id="name-error"' in r.text and r.has(message), (name, r)
        assert "kept</textarea>" in r.text
    assert sql_value("SELECT COUNT(*) FROM classes") == before
    other = new_class(admin)
    r = post_from(admin, "/admin/classes/%d" % other, "/admin/classes/%d" % other,
                  {"name": taken})
    assert r.status == 422 and r.has("Another class already has this name.")
    assert sql_value("SELECT name FROM classes WHERE id = %d" % other) != taken
    assert admin.get("/admin/classes/999999999").status == 404
    assert kid


@test
def class_members_add_and_remove(base):
    """learners are found and added to a class, others refused, members removed"""
    admin = signed_in(base)
    kid = new_class(admin)
    tag = unique("m")
    learner, _, _ = create_user(admin, "learner", name="Learner %s" % tag)
    teacher, _, _ = create_user(admin, "teacher", name="Teacher %s" % tag)
    off, _, _ = create_user(admin, "learner", name="Off %s" % tag)
    sql("UPDATE users SET disabled = 1 WHERE id = %d" % off)
    page = admin.get("/admin/classes/%d?find=%s" % (kid, tag))
    assert page.status == 200
    offered = [int(x) for x in re.findall(r'name="user_id" value="(\d+)"', page.text)]
    assert offered == [learner], offered
    assert 'aria-label="Add Learner %s"' % tag in page.text
    # Search by email works too.
    email = sql_value("SELECT email FROM users WHERE id = %d" % learner)
    page = admin.get("/admin/classes/%d?find=%s" % (kid, email.split("@")[0]))
    assert re.findall(r'name="user_id" value="(\d+)"', page.text) == [str(learner)]

    r = admin.post("/admin/classes/%d/members" % kid, {"user_id": learner, "find": tag})
    assert r.status == 303, r
    assert r.header("Location") == "/admin/classes/%d?find=%s" % (kid, tag)
    assert sql_value("SELECT COUNT(*) FROM class_members WHERE class_id = %d AND "
                     "user_id = %d" % (kid, learner)) == "1"
    page = admin.get(r.header("Location"))
    assert "Added Learner %s" % tag in page.text and "Members (1)" in page.text
    assert 'action="/admin/classes/%d/members/%d/remove"' % (kid, learner) in page.text
    assert re.findall(r'name="user_id" value="(\d+)"', page.text) == [], "member offered again"

    # A teacher, a disabled learner and an unknown user cannot join.
    for uid, status, message in ((teacher, 422, "Only learners can be members of a class"),
                                 (off, 422, "the account is disabled"),
                                 (999999999, 404, "There is no such user.")):
        r = post_from(admin, "/admin/classes/%d" % kid, "/admin/classes/%d/members" % kid,
                      {"user_id": uid})
        assert r.status == status and r.has(message), (uid, r)
    assert sql_value("SELECT COUNT(*) FROM class_members WHERE class_id = %d" % kid) == "1"

    # The list shows the member count without a query per row.
    r = admin.get("/admin/classes?q=" + sql_value("SELECT name FROM classes WHERE id = %d"
                                                  % kid).replace(" ", "+"))
    assert re.search(r'href="/admin/classes/%d">[^<]+</a></td><td[^>]*class="members">1</td>'
                     % kid, r.text), r.text

    r = post_from(admin, "/admin/classes/%d" % kid,
                  "/admin/classes/%d/members/%d/remove" % (kid, learner))
    assert r.status == 303
    assert sql_value("SELECT COUNT(*) FROM class_members WHERE class_id = %d" % kid) == "0"
    # Removing someone who is not a member (any more) is a 404.
    for uid in (learner, teacher):
        r = post_from(admin, "/admin/classes/%d" % kid,
                      "/admin/classes/%d/members/%d/remove" % (kid, uid))
        assert r.status == 404, r
    other = new_class(admin)
    admin.get("/admin/classes/%d" % other)
    admin.post("/admin/classes/%d/members" % other, {"user_id": learner})
    r = post_from(admin, "/admin/classes/%d" % kid,
                  "/admin/classes/%d/members/%d/remove" % (kid, learner))
    assert r.status == 404
    assert sql_value("SELECT COUNT(*) FROM class_members WHERE class_id = %d" % other) == "1"


@test
def classes_list_counts_and_pages(base):
    """the class list shows member counts and pages with constant queries"""
    admin = signed_in(base)
    tag = unique("cls")
    sql("INSERT INTO classes (name, created_at, updated_at) SELECT "
        "CONCAT(%s, LPAD(seq, 2, '0')), UTC_TIMESTAMP(), UTC_TIMESTAMP() "
        "FROM seq_1_to_60" % sql_quote(tag + " "))
    learners = [int(x) for x, in sql("SELECT id FROM users WHERE role = 'learner' "
                                     "ORDER BY id LIMIT 3")]
    # Class number n gets n % 4 members (at most 3).
    for n in range(1, 61):
        for uid in learners[:n % 4]:
            sql("INSERT INTO class_members (class_id, user_id, added_at) SELECT id, %d, "
                "UTC_TIMESTAMP() FROM classes WHERE name = %s"
                % (uid, sql_quote("%s %02d" % (tag, n))))
    got, counts, path = [], [], "/admin/classes?q=" + tag
    while path:
        r = admin.get(path)
        counts.append(int(r.header("X-Lectern-Queries")))
        got += re.findall(r'">(%s \d+)</a></td><td[^>]*class="members">(\d+)</td>' % tag, r.text)
        path = next_link(r)
    assert got == [("%s %02d" % (tag, n), str(n % 4)) for n in range(1, 61)], got[:5]
    assert len(counts) == 2 and counts[0] == counts[1] and counts[0] <= 3, counts


@test
def class_members_page_in_pages(base):
    """a class with many members lists them 50 at a time, in name order"""
    admin = signed_in(base)
    kid = new_class(admin)
    tag = unique("mem")
    sql("INSERT INTO users (name, email, role, created_at, updated_at) SELECT "
        "CONCAT(%s, LPAD(seq, 2, '0')), CONCAT(%s, seq, '@example.org'), 'learner', "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_55"
        % (sql_quote(tag + " "), sql_quote(tag + ".")))
    sql("INSERT INTO class_members (class_id, user_id, added_at) SELECT %d, id, "
        "UTC_TIMESTAMP() FROM users WHERE name LIKE '%s %%'" % (kid, tag))
    names, counts, path = [], [], "/admin/classes/%d" % kid
    admin.get(path)  # shows (and so clears) the flash of the new class
    while path:
        r = admin.get(path)
        assert r.status == 200
        counts.append(r.header("X-Lectern-Queries"))
        names += re.findall(r'<a href="/admin/users/\d+">(%s \d+)</a>' % tag, r.text)
        path = next_link(r)
    assert names == ["%s %02d" % (tag, i) for i in range(1, 56)], names[:3]
    assert len(counts) == 2 and counts[0] == counts[1], counts
    assert "Members (55)" in r.text


# --- access ----------------------------------------------------------------

@test
def catalogue_refuses_learners_and_teachers(base):
    """every catalogue route answers 403 to learners and teachers and changes nothing"""
    admin = signed_in(base)
    cid = new_course(admin)
    lid = add_lesson(admin, cid, "Only lesson")
    kid = new_class(admin)
    cat = new_category(admin)
    member = int(sql_value("SELECT id FROM users WHERE email = 'lina.learner@lectern.test'"))
    admin.get("/admin/classes/%d" % kid)
    assert admin.post("/admin/classes/%d/members" % kid, {"user_id": member}).status == 303
    # The third id is an exercise of the lesson's content.
    ids = {"/admin/courses": [cid, lid, 1], "/admin/categories": [cat],
           "/admin/classes": [kid, member]}

    def snapshot():
        return (sql("SELECT * FROM courses WHERE id = %d" % cid),
                sql("SELECT * FROM course_lessons WHERE id = %d" % lid),
                sql("SELECT * FROM session_categories WHERE id = %d" % cat),
                sql("SELECT * FROM classes WHERE id = %d" % kid),
                sql("SELECT * FROM class_members WHERE class_id = %d" % kid),
                sql("SELECT * FROM lesson_docs WHERE lesson_id = %d" % lid))

    before = snapshot()
    mine = [rt for rt in routes() if rt[1].split("/")[1:3] in
            (["admin", "courses"], ["admin", "categories"], ["admin", "classes"])]
    assert len(mine) >= 29, len(mine)
    for role, index in (("learner", 4), ("teacher", 0)):
        c = signed_in(base, role, index)
        for method, pattern, roles, csrf in mine:
            assert roles == {"admin"}, (pattern, roles)
            vals = iter(ids["/" + "/".join(pattern.split("/")[1:3])])
            path = re.sub(":id", lambda _: str(next(vals)), pattern)
            if method == "GET":
                r = c.get(path)
            else:
                assert csrf, pattern
                c.get("/")
                r = c.post(path, {"title": "X", "code": "X", "name": "X", "lesson_title": "X",
                                  "type": "class", "direction": "up", "user_id": member,
                                  "kind": "essay", "prompt": "X", "body": "X"})
            assert r.status == 403, (role, method, path, r)
    assert snapshot() == before
