"""Training sessions administration: create and edit, dates and the coach
dates warning, the session list (status, filters, search, sorting, keyset
pages), courses and course coaches, tracking, the learners export."""

import datetime
import html
import re
import zoneinfo
from urllib.parse import quote

from lectern import CONF, Client, signed_in, sql, sql_quote, sql_value, test, unique

COVERAGE = ("Coach access dates do not cover the learner access dates. Coaches "
            "usually need access before learners arrive and after they leave.")

DATE_FIELDS = ["display_start", "display_end", "access_start", "access_end",
               "coach_start", "coach_end"]


# --- helpers shared with test_training_learners -------------------------

def school_today():
    """Today in the school's timezone (the timezone key of LECTERN_CONF)."""
    tz = "UTC"
    with open(CONF) as f:
        for line in f:
            key, _, value = line.partition("=")
            if key.strip() == "timezone" and value.strip():
                tz = value.strip()
    return datetime.datetime.now(zoneinfo.ZoneInfo(tz)).date(), tz


def day(offset):
    return (school_today()[0] + datetime.timedelta(days=offset)).isoformat()


def session_fields(name, **kw):
    f = {"name": name, "description": "", "visibility": "listed",
         "coach": "", "category": ""}
    for k in DATE_FIELDS:
        f[k] = ""
    f.update(kw)
    return f


def create_session(admin, name=None, **kw):
    """Create a session through the form; returns its id."""
    name = name or unique("Session ")
    admin.get("/admin/sessions/new")
    r = admin.post("/admin/sessions/new", session_fields(name, **kw))
    assert r.status == 303, r
    m = re.fullmatch(r"/admin/sessions/(\d+)", r.header("Location"))
    assert m, r.header("Location")
    return int(m.group(1))


def new_learner(name=None, role="learner"):
    """A user inserted directly; returns (id, email)."""
    email = unique("lrn") + "@example.org"
    sql("INSERT INTO users (name, email, role, created_at, updated_at) VALUES "
        "(%s, %s, '%s', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (sql_quote(name or "Learner " + unique("n")), sql_quote(email), role))
    return int(sql_value("SELECT id FROM users WHERE email = " + sql_quote(email))), email


def new_course(title=None, lessons=0, archived=0, code=None):
    code = code or unique("C").upper()
    sql("INSERT INTO courses (title, code, archived, created_at, updated_at) VALUES "
        "(%s, %s, %d, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (sql_quote(title or "Course " + code), sql_quote(code), archived))
    cid = int(sql_value("SELECT id FROM courses WHERE code = " + sql_quote(code)))
    for i in range(lessons):
        sql("INSERT INTO course_lessons (course_id, title, type, position, created_at, "
            "updated_at) VALUES (%d, 'Lesson %d', 'class', %d, UTC_TIMESTAMP(), "
            "UTC_TIMESTAMP())" % (cid, i + 1, i + 1))
    return cid, code


def new_category(name=None, archived=0):
    name = name or unique("Category ")
    sql("INSERT INTO session_categories (name, archived, created_at, updated_at) VALUES "
        "(%s, %d, UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (sql_quote(name), archived))
    return int(sql_value("SELECT id FROM session_categories WHERE name = " + sql_quote(name)))


def teacher_ids():
    return [int(x[0]) for x in sql("SELECT id FROM users WHERE email IN "
                                   "('tess.teacher@lectern.test', 'theo.teacher@lectern.test') "
                                   "ORDER BY email")]


def counters_right(sid):
    """The counter columns agree with the rows, and course places with learners."""
    row = sql("SELECT course_count, learner_count, "
              "(SELECT COUNT(*) FROM session_courses WHERE session_id = s.id), "
              "(SELECT COUNT(*) FROM session_learners WHERE session_id = s.id) "
              "FROM lms_sessions s WHERE id = %d" % sid)[0]
    assert row[0] == row[2] and row[1] == row[3], row
    return int(row[0]), int(row[1])


def queries(resp):
    n = resp.header("X-Lectern-Queries")
    assert n is not None, "X-Lectern-Queries missing: enable expose_query_count"
    return int(n)


def next_link(resp):
    m = re.search(r'<a rel="next" href="([^"]+)">Next page</a>', resp.text)
    return html.unescape(m.group(1)) if m else None


LIST_ROW = re.compile(
    r'<tr data-id="(\d+)"><td[^>]*><a href="/admin/sessions/\d+">([^<]*)</a></td>'
    r"<td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td><td[^>]*>(\d+)</td>"
    r"<td[^>]*>(\d+)</td><td[^>]*>(\w+)</td></tr>")


def list_rows(resp):
    return [dict(id=int(m[0]), name=html.unescape(m[1]), start=m[2], end=m[3],
                 category=html.unescape(m[4]), courses=int(m[5]), learners=int(m[6]),
                 status=m[7]) for m in LIST_ROW.findall(resp.text)]


def stored(sid):
    cols = ["name", "description", "visibility", "coach_id", "category_id"] + DATE_FIELDS
    row = sql("SELECT %s FROM lms_sessions WHERE id = %d"
              % (", ".join("IFNULL(%s, 'NULL')" % c for c in cols), sid))[0]
    return dict(zip(cols, row))


# --- create and edit ----------------------------------------------------


def shown(instant, tz):
    """An instant as pages show it: "YYYY-MM-DD HH:MM (Zone ABBR)", the
    abbreviation left out where it is the zone's own name (UTC)."""
    local = instant.astimezone(zoneinfo.ZoneInfo(tz))
    abbr = local.tzname()
    label = tz if abbr in ("", tz) else "%s %s" % (tz, abbr)
    return "%s (%s)" % (local.strftime("%Y-%m-%d %H:%M"), label)

@test
def create_with_every_date_combination(base):
    """sessions are created with any mix of set and open dates"""
    admin = signed_in(base)
    tess, _ = teacher_ids()
    cat = new_category()
    combos = [
        {},
        {"access_start": "2026-03-01"},
        {"access_end": "2026-06-30"},
        {"display_start": "2026-02-01", "display_end": "2026-07-31",
         "access_start": "2026-03-01", "access_end": "2026-06-30",
         "coach_start": "2026-02-15", "coach_end": "2026-07-15"},
        {"display_end": "2026-05-05", "coach_start": "2026-01-01"},
        {"access_start": "2026-04-01", "access_end": "2026-04-01"},
    ]
    for i, dates in enumerate(combos):
        name = unique("Dates %d " % i)
        sid = create_session(admin, name, coach=str(tess), category=str(cat),
                             visibility="readonly_after_end",
                             description="Line one\nLine <two>", **dates)
        got = stored(sid)
        for k in DATE_FIELDS:
            assert got[k] == dates.get(k, "NULL"), (k, got, dates)
        assert got["name"] == name
        assert got["visibility"] == "readonly_after_end"
        assert got["coach_id"] == str(tess) and got["category_id"] == str(cat)
        page = admin.get("/admin/sessions/%d" % sid)
        assert page.status == 200
        assert "Created the session" in page.text
        for k in DATE_FIELDS:
            if k in dates:
                assert 'name="%s" type="date" value="%s"' % (k, dates[k]) in page.text
        assert "Line &lt;two&gt;" in page.text
    # Hidden, no coach, no category.
    sid = create_session(admin, visibility="hidden")
    got = stored(sid)
    assert got["visibility"] == "hidden" and got["coach_id"] == "NULL" \
        and got["category_id"] == "NULL" and got["description"] == "NULL"


@test
def end_before_start_is_refused_per_field(base):
    """an end before its start is an error next to that field; nothing is written"""
    admin = signed_in(base)
    pairs = [("display_start", "display_end", "The display end must be on or after the display start."),
             ("access_start", "access_end", "The access end must be on or after the access start."),
             ("coach_start", "coach_end", "The coach access end must be on or after the coach access start.")]
    for start, end, msg in pairs:
        name = unique("Backwards ")
        admin.get("/admin/sessions/new")
        r = admin.post("/admin/sessions/new", session_fields(
            name, **{start: "2026-05-10", end: "2026-05-09"}))
        assert r.status == 422, r
        assert 'id="%s-error">%s' % (end, html.escape(msg, quote=True)) in r.text, r.text
        assert r.text.count('class="error field"') == 1
        assert 'value="2026-05-09"' in r.text and 'value="%s"' % html.escape(name) in r.text
        assert sql_value("SELECT COUNT(*) FROM lms_sessions WHERE name = " + sql_quote(name)) == "0"
    # All three at once, and the same on the edit form.
    sid = create_session(admin)
    before = stored(sid)
    admin.get("/admin/sessions/%d" % sid)
    bad = {s: "2026-05-10" for s, _, _ in pairs}
    bad.update({e: "2026-05-01" for _, e, _ in pairs})
    r = admin.post("/admin/sessions/%d" % sid, session_fields("Renamed", **bad))
    assert r.status == 422
    for _, end, _ in pairs:
        assert 'id="%s-error"' % end in r.text
    assert stored(sid) == before
    # Malformed dates, an empty or long name, an unknown visibility.
    admin.get("/admin/sessions/new")
    r = admin.post("/admin/sessions/new", session_fields(
        "   ", access_start="2026-02-30", visibility="secret"))
    assert r.status == 422
    assert 'id="name-error"' in r.text and 'id="access_start-error"' in r.text \
        and 'id="visibility-error"' in r.text
    admin.get("/admin/sessions/new")
    r = admin.post("/admin/sessions/new", session_fields("x" * 151))
    assert r.status == 422 and "at most 150 characters" in r.text


@test
def coach_and_category_must_be_offered(base):
    """a learner as coach or an archived category is refused"""
    admin = signed_in(base)
    lid, _ = new_learner()
    archived = new_category(archived=1)
    name = unique("Offered ")
    admin.get("/admin/sessions/new")
    r = admin.post("/admin/sessions/new", session_fields(
        name, coach=str(lid), category=str(archived)))
    assert r.status == 422
    assert 'id="coach-error"' in r.text and 'id="category-error"' in r.text
    assert sql_value("SELECT COUNT(*) FROM lms_sessions WHERE name = " + sql_quote(name)) == "0"
    # An archived category a session already has stays selectable on edit.
    live = new_category()
    sid = create_session(admin, category=str(live))
    sql("UPDATE session_categories SET archived = 1 WHERE id = %d" % live)
    page = admin.get("/admin/sessions/%d" % sid)
    assert re.search(r'<option value="%d" selected>[^<]*\(archived\)' % live, page.text)
    r = admin.post("/admin/sessions/%d" % sid, session_fields("Kept", category=str(live)))
    assert r.status == 303
    assert stored(sid)["category_id"] == str(live)


@test
def coach_dates_warning(base):
    """coach dates that do not cover the learner access dates save with a warning"""
    admin = signed_in(base)
    warn = [
        {"access_start": "2026-03-01", "coach_start": "2026-03-02"},
        {"access_end": "2026-06-30", "coach_end": "2026-06-29"},
        {"coach_start": "2026-01-01"},                 # learners open-ended before
        {"access_start": "2026-03-01", "coach_end": "2026-09-01"},  # learners open after
    ]
    fine = [
        {},
        {"access_start": "2026-03-01", "access_end": "2026-06-30",
         "coach_start": "2026-02-01", "coach_end": "2026-07-31"},
        {"access_start": "2026-03-01", "access_end": "2026-06-30"},
        {"access_start": "2026-03-01", "access_end": "2026-06-30",
         "coach_start": "2026-03-01", "coach_end": "2026-06-30"},
    ]
    for dates in warn:
        sid = create_session(admin, **dates)
        page = admin.get("/admin/sessions/%d" % sid)
        assert COVERAGE in page.text, dates
        assert stored(sid)["coach_start"] == dates.get("coach_start", "NULL")
    for dates in fine:
        sid = create_session(admin, **dates)
        assert COVERAGE not in admin.get("/admin/sessions/%d" % sid).text, dates
    # Fixing the dates on the edit form removes the warning.
    sid = create_session(admin, **warn[0])
    admin.get("/admin/sessions/%d" % sid)
    r = admin.post("/admin/sessions/%d" % sid, session_fields(
        "Fixed", access_start="2026-03-01", coach_start="2026-02-20"))
    assert r.status == 303
    assert COVERAGE not in admin.get("/admin/sessions/%d" % sid).text


# --- the list -----------------------------------------------------------

def listing(admin, **params):
    q = "&".join("%s=%s" % (k, v) for k, v in params.items())
    r = admin.get("/admin/sessions?" + q)
    assert r.status == 200, r
    return r


@test
def list_status_at_the_boundaries(base):
    """status uses today's date in the school's timezone, both ends inclusive"""
    admin = signed_in(base)
    tag = unique("Edge")
    cases = {
        "starts today": ({"access_start": day(0)}, "Active"),
        "starts tomorrow": ({"access_start": day(1), "access_end": day(9)}, "Upcoming"),
        "ended yesterday": ({"access_start": day(-9), "access_end": day(-1)}, "Past"),
        "ends today": ({"access_end": day(0)}, "Active"),
        "open both ends": ({}, "Active"),
    }
    for label, (dates, _) in cases.items():
        create_session(admin, "%s %s" % (tag, label), **dates)
    rows = {r["name"]: r for r in list_rows(listing(admin, q=tag))}
    assert len(rows) == len(cases), rows
    for label, (dates, status) in cases.items():
        row = rows["%s %s" % (tag, label)]
        assert row["status"] == status, (label, row)
        assert row["start"] == dates.get("access_start", "open")
        assert row["end"] == dates.get("access_end", "open")
    for status, want in [("active", 3), ("upcoming", 1), ("past", 1)]:
        got = list_rows(listing(admin, q=tag, status=status))
        assert len(got) == want, (status, got)
        assert all(r["status"].lower() == status for r in got)


@test
def list_filters_and_search(base):
    """search by name, filter by category and by access dates overlapping a range"""
    admin = signed_in(base)
    tag = unique("Filt")
    cat_a, cat_b = new_category(), new_category()
    create_session(admin, "%s alpha" % tag, category=str(cat_a),
                   access_start="2030-01-10", access_end="2030-01-20")
    create_session(admin, "%s beta" % tag, category=str(cat_b),
                   access_start="2030-02-01")
    create_session(admin, "%s gamma" % tag, access_end="2029-12-31")
    create_session(admin, "%s delta 100%%" % tag)

    def names(**p):
        return sorted(r["name"].split(" ", 1)[1] for r in list_rows(listing(admin, q=tag, **p)))

    assert names() == ["alpha", "beta", "delta 100%", "gamma"]
    assert sorted(r["name"] for r in list_rows(listing(admin, q=tag.lower() + "+ALPHA"))) == \
        ["%s alpha" % tag]
    assert names(category=cat_a) == ["alpha"]
    assert names(category=cat_b) == ["beta"]
    # Ranges: open ends count as unbounded.
    assert names(**{"from": "2030-01-15", "to": "2030-01-16"}) == ["alpha", "delta 100%"]
    assert names(**{"from": "2030-03-01"}) == ["beta", "delta 100%"]
    assert names(to="2029-06-01") == ["delta 100%", "gamma"]
    assert names(**{"from": "2030-01-20", "to": "2030-02-01"}) == ["alpha", "beta", "delta 100%"]
    assert names(category=cat_a, status="upcoming") == ["alpha"]
    # Wildcards are searched as text.
    assert [r["name"] for r in list_rows(listing(admin, q="%25"))] and \
        all("%" in r["name"] for r in list_rows(listing(admin, q="%25")))
    # A reversed range is an error next to the field.
    r = admin.get("/admin/sessions?from=2030-02-01&to=2030-01-01")
    assert r.status == 422 and 'id="to-error"' in r.text and not list_rows(r)
    r = admin.get("/admin/sessions?from=2030-13-01")
    assert r.status == 422 and 'id="from-error"' in r.text
    # Counts and category show in the row.
    row = list_rows(listing(admin, q=tag + "+alpha"))[0]
    assert row["courses"] == 0 and row["learners"] == 0 and row["category"]
    assert admin.get("/admin/sessions?sort=size").status == 400
    assert admin.get("/admin/sessions?sort=start&after_text=nonsense&after_id=3").status == 400


@test
def list_search_by_words(base):
    """the search finds each word at the start of a word of the name, in the index"""
    admin = signed_in(base)
    tag = unique("Word")
    create_session(admin, "%s Geography autumn" % tag)
    create_session(admin, "%s History of Art" % tag)
    create_session(admin, "%s Biology (advanced)" % tag)

    def found(q):
        r = listing(admin, q=quote(q))
        return sorted(r["name"][len(tag) + 1:] for r in list_rows(r) if r["name"].startswith(tag))

    everything = ["Biology (advanced)", "Geography autumn", "History of Art"]
    assert found(tag) == everything
    # A word of the name, any case, in any order, or the beginning of one.
    assert found(tag + " autumn") == ["Geography autumn"]
    assert found("AUTUMN " + tag.lower()) == ["Geography autumn"]
    assert found(tag + " geog autu") == ["Geography autumn"]
    # A word in no name finds nothing; nor does one found only inside a word.
    assert found(tag + " winter") == []
    assert found(tag + " utumn") == []
    # Short words and stopwords are not in the index: the text must appear as typed.
    assert found(tag + " History of Art") == ["History of Art"]
    assert found(tag + " Art of History") == []
    # Boolean syntax typed in the search is text, never operators.
    assert found(tag + " -autumn") == ["Geography autumn"]
    assert found('"%s autumn' % tag) == ["Geography autumn"]
    assert found("%s (advanced)" % tag) == ["Biology (advanced)"]
    assert found("+%s* ~biology <>@" % tag) == ["Biology (advanced)"]
    for q in ['"', "*", "+-", "()", "@", "~<>", tag + ' "', tag + " *"]:
        r = admin.get("/admin/sessions?q=" + quote(q))
        assert r.status == 200, (q, r)
    assert found(tag + " *") == everything
    # The search runs as many statements as the plain list, through the index.
    assert queries(listing(admin, q=tag)) == queries(listing(admin))
    assert int(sql_value("SELECT COUNT(*) FROM information_schema.statistics WHERE "
                         "table_schema = DATABASE() AND table_name = 'lms_sessions' "
                         "AND index_type = 'FULLTEXT' AND column_name = 'name'")) == 1


@test
def list_sorting_and_keyset_pages(base):
    """every sort walks its pages without repeats or gaps at a constant query count"""
    admin = signed_in(base)
    tag = unique("Keys")
    sql("INSERT INTO lms_sessions (name, access_start, access_end, created_at, updated_at) "
        "SELECT CONCAT(%s, ' ', LPAD(seq, 3, '0')), "
        "IF(seq %% 5 = 0, NULL, DATE('2031-01-01') + INTERVAL (seq %% 7) DAY), "
        "IF(seq %% 4 = 0, NULL, DATE('2031-03-01') + INTERVAL (seq %% 3) DAY), "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_120" % sql_quote(tag))
    rows = sql("SELECT id, name, sort_start, sort_end FROM lms_sessions WHERE name LIKE %s"
               % sql_quote(tag + "%"))
    rows = [(int(i), n, s, e) for i, n, s, e in rows]
    assert len(rows) == 120
    expected = {
        ("name", "asc"): [r[0] for r in sorted(rows, key=lambda r: (r[1], r[0]))],
        ("start", "asc"): [r[0] for r in sorted(rows, key=lambda r: (r[2], r[0]))],
        ("end", "asc"): [r[0] for r in sorted(rows, key=lambda r: (r[3], r[0]))],
    }
    for (col, _), ids in list(expected.items()):
        key = {"name": 1, "start": 2, "end": 3}[col]
        expected[(col, "desc")] = [r[0] for r in sorted(rows, key=lambda r: (r[key], r[0]),
                                                        reverse=True)]
    for (col, direction), want in expected.items():
        r = admin.get("/admin/sessions?q=%s&sort=%s&dir=%s" % (tag, col, direction))
        assert r.status == 200
        counts, got, pages = set(), [], 0
        while True:
            pages += 1
            counts.add(queries(r))
            got += [x["id"] for x in list_rows(r)]
            link = next_link(r)
            if link is None:
                break
            assert "after_id=" in link and "sort=%s" % col in link
            r = admin.get(link)
            assert r.status == 200
        assert pages == 3, pages
        assert len(got) == len(set(got)) == 120
        assert got == want, (col, direction)
        assert len(counts) == 1, counts
    # The header links flip the direction of the active column.
    r = admin.get("/admin/sessions?q=%s&sort=start&dir=asc" % tag)
    assert 'aria-sort="ascending"' in r.text
    assert re.search(r'href="/admin/sessions\?sort=start&amp;dir=desc&amp;q=%s"' % tag, r.text)
    assert re.search(r'href="/admin/sessions\?sort=end&amp;dir=asc&amp;q=%s"' % tag, r.text)
    # Open dates show as "open" in the list.
    r = admin.get("/admin/sessions?q=%s+005" % tag)
    assert list_rows(r)[0]["start"] == "open"


@test
def list_is_for_admins(base):
    """teachers and learners cannot reach the session pages"""
    admin = signed_in(base)
    sid = create_session(admin)
    for role in ("teacher", "learner"):
        c = signed_in(base, role)
        for path in ("/admin/sessions", "/admin/sessions/new", "/admin/sessions/%d" % sid,
                     "/admin/sessions/%d/tracking" % sid,
                     "/admin/sessions/%d/learners.csv" % sid, "/admin/import/enrollments"):
            assert c.get(path).status == 403, (role, path)
        c.get("/")
        assert c.post("/admin/sessions/%d" % sid, session_fields("Taken")).status == 403
    assert Client(base).get("/admin/sessions").status == 303


# --- courses and coaches --------------------------------------------------

@test
def courses_and_coaches(base):
    """add, recoach and remove courses; learners follow; counters stay right"""
    admin = signed_in(base)
    tess, theo = teacher_ids()
    sid = create_session(admin)
    l1, _ = new_learner()
    l2, _ = new_learner()
    for uid in (l1, l2):
        admin.get("/admin/sessions/%d" % sid)
        assert admin.post("/admin/sessions/%d/learners" % sid, {"user": uid}).status == 303
    ca, code_a = new_course(lessons=2)
    cb, _ = new_course()
    page = admin.get("/admin/sessions/%d" % sid)
    assert '<option value="%d">' % ca in page.text
    r = admin.post("/admin/sessions/%d/courses" % sid, {"course": ca, "coach": tess})
    assert r.status == 303
    assert counters_right(sid) == (1, 2)
    assert sql("SELECT IFNULL(coach_id, 'NULL') FROM session_courses WHERE session_id = %d "
               "AND course_id = %d" % (sid, ca)) == [[str(tess)]]
    assert sql_value("SELECT COUNT(*) FROM session_course_learners WHERE session_id = %d "
                     "AND course_id = %d" % (sid, ca)) == "2"
    admin.get("/admin/sessions/%d" % sid)
    assert admin.post("/admin/sessions/%d/courses" % sid, {"course": cb, "coach": ""}).status == 303
    assert counters_right(sid) == (2, 2)
    page = admin.get("/admin/sessions/%d" % sid)
    assert 'id="course-count">2<' in page.text and code_a in page.text
    # The same course twice, an archived or unknown course, a learner as coach.
    arch, _ = new_course(archived=1)
    for fields, msg in [({"course": ca}, "already in this session"),
                        ({"course": arch}, "does not exist or is archived"),
                        ({"course": 99999999}, "does not exist or is archived"),
                        ({"course": "x"}, "Choose a course"),
                        ({"course": cb + 0, "coach": l1}, "Choose a course coach")]:
        admin.get("/admin/sessions/%d" % sid)
        r = admin.post("/admin/sessions/%d/courses" % sid, fields)
        assert r.status == 422 and msg in r.text and 'id="course-error"' in r.text, (fields, r)
    assert counters_right(sid) == (2, 2)
    # Change and clear a coach.
    admin.get("/admin/sessions/%d" % sid)
    assert admin.post("/admin/sessions/%d/courses/%d/coach" % (sid, ca), {"coach": theo}).status == 303
    assert sql_value("SELECT coach_id FROM session_courses WHERE session_id = %d AND course_id = %d"
                     % (sid, ca)) == str(theo)
    admin.get("/admin/sessions/%d" % sid)
    assert admin.post("/admin/sessions/%d/courses/%d/coach" % (sid, ca), {"coach": ""}).status == 303
    assert sql_value("SELECT IFNULL(coach_id, 'NULL') FROM session_courses WHERE session_id = %d "
                     "AND course_id = %d" % (sid, ca)) == "NULL"
    admin.get("/admin/sessions/%d" % sid)
    r = admin.post("/admin/sessions/%d/courses/%d/coach" % (sid, ca), {"coach": l2})
    assert r.status == 422
    # Remove: its learner places go too.
    admin.get("/admin/sessions/%d" % sid)
    assert admin.post("/admin/sessions/%d/courses/%d/remove" % (sid, ca), {}).status == 303
    assert counters_right(sid) == (1, 2)
    assert sql_value("SELECT COUNT(*) FROM session_course_learners WHERE session_id = %d "
                     "AND course_id = %d" % (sid, ca)) == "0"
    assert sql_value("SELECT COUNT(*) FROM session_course_learners WHERE session_id = %d "
                     "AND course_id = %d" % (sid, cb)) == "2"
    # Object checks: a course that is not (or no longer) in the session.
    admin.get("/admin/sessions/%d" % sid)
    assert admin.post("/admin/sessions/%d/courses/%d/remove" % (sid, ca), {}).status == 404
    assert admin.post("/admin/sessions/%d/courses/%d/coach" % (sid, ca), {"coach": tess}).status == 404
    other = create_session(admin)
    admin.get("/admin/sessions/%d" % other)
    assert admin.post("/admin/sessions/%d/courses/%d/remove" % (other, cb), {}).status == 404
    assert counters_right(sid) == (1, 2)


@test
def unknown_session_is_404(base):
    """every session page answers 404 for a session that does not exist"""
    admin = signed_in(base)
    missing = int(sql_value("SELECT COALESCE(MAX(id), 0) + 1000 FROM lms_sessions"))
    for path in ("/admin/sessions/%d", "/admin/sessions/%d/tracking",
                 "/admin/sessions/%d/learners.csv"):
        assert admin.get(path % missing).status == 404
    admin.get("/admin/sessions")
    for path, fields in [("/admin/sessions/%d", session_fields("x")),
                         ("/admin/sessions/%d/courses", {"course": 1}),
                         ("/admin/sessions/%d/courses/1/coach", {"coach": ""}),
                         ("/admin/sessions/%d/courses/1/remove", {}),
                         ("/admin/sessions/%d/learners", {"user": 1}),
                         ("/admin/sessions/%d/learners/1/remove", {}),
                         ("/admin/sessions/%d/classes", {"class": 1})]:
        r = admin.post(path % missing, fields)
        assert r.status == 404, (path, r)
    assert admin.get("/admin/sessions/abc").status == 404


# --- tracking and export --------------------------------------------------

@test
def tracking_page(base):
    """last access in the viewer's timezone and lessons done of the course's lessons"""
    admin = signed_in(base)
    tag = unique("Trk")
    sid = create_session(admin)
    ca, _ = new_course(title=tag + " Algebra", lessons=5)
    cb, _ = new_course(title=tag + " Biology", lessons=2)
    sql("INSERT INTO course_lessons (course_id, title, type, position, archived, created_at, "
        "updated_at) VALUES (%d, 'Old', 'homework', 9, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())" % ca)
    for cid in (ca, cb):
        admin.get("/admin/sessions/%d" % sid)
        assert admin.post("/admin/sessions/%d/courses" % sid, {"course": cid}).status == 303
    uids = []
    for i in range(55):
        uid, _ = new_learner("%s learner %02d" % (tag, i))
        uids.append(uid)
    sql("INSERT INTO session_learners (session_id, user_id, source, enrolled_at) SELECT %d, id, "
        "'individual', UTC_TIMESTAMP() FROM users WHERE name LIKE %s" % (sid, sql_quote(tag + "%")))
    sql("INSERT INTO session_course_learners (session_id, course_id, user_id, enrolled_at) "
        "SELECT %d, c.course_id, u.id, UTC_TIMESTAMP() FROM users u JOIN session_courses c "
        "ON c.session_id = %d WHERE u.name LIKE %s" % (sid, sid, sql_quote(tag + "%")))
    sql("INSERT INTO session_tracking (session_id, course_id, user_id, first_access_at, "
        "last_access_at, access_count, lessons_done) VALUES (%d, %d, %d, '2026-01-15 08:00:00', "
        "'2026-07-15 09:30:00', 4, 3)" % (sid, ca, uids[0]))
    _, tz = school_today()
    admin.get("/")      # shows (and clears) the last flash message
    local = shown(datetime.datetime(2026, 7, 15, 9, 30, tzinfo=datetime.timezone.utc), tz)
    r = admin.get("/admin/sessions/%d/tracking" % sid)
    assert r.status == 200
    rows = re.findall(r"<tr><td[^>]*>([^<]*) <span class=\"muted\">[^<]*</span></td><td[^>]*>([^<]*)</td>"
                      r"<td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td><td[^>]*>0 / 0</td></tr>",
                      r.text)
    assert rows[0] == ("%s learner 00" % tag, tag + " Algebra", local, "3 of 5"), rows[0]
    assert rows[1] == ("%s learner 00" % tag, tag + " Biology", "Never", "0 of 2"), rows[1]
    assert len(rows) == 100
    first_q = queries(r)
    link = next_link(r)
    assert link
    r2 = admin.get(link)
    rows2 = re.findall(r"<tr><td[^>]*>([^<]*) <span", r2.text)
    assert sorted(set(rows2)) == ["%s learner %02d" % (tag, i) for i in range(50, 55)]
    assert queries(r2) == first_q
    assert next_link(r2) is None
    # A viewer with a timezone of their own sees times in it.
    own = sql_value("SELECT IFNULL(timezone, '') FROM users WHERE email = 'admin@lectern.test'")
    sql("UPDATE users SET timezone = 'Asia/Tokyo' WHERE email = 'admin@lectern.test'")
    try:
        r = admin.get("/admin/sessions/%d/tracking" % sid)
        tokyo = shown(datetime.datetime(2026, 7, 15, 9, 30, tzinfo=datetime.timezone.utc),
                      "Asia/Tokyo")
        assert tokyo == "2026-07-15 18:30 (Asia/Tokyo JST)", tokyo
        assert tokyo in r.text
    finally:
        sql("UPDATE users SET timezone = NULLIF(%s, '') WHERE email = 'admin@lectern.test'"
            % sql_quote(own))


@test
def tracking_progress_chart(base):
    """the tracking page charts, per course, the share of learners who
    opened it and of its lessons done, with the figures in a table; the
    same number of queries with and without learners; no chart without"""
    admin = signed_in(base)
    tag = unique("Prg")
    sid = create_session(admin)
    ca, _ = new_course(title=tag + " Algebra", lessons=4)
    cb, _ = new_course(title=tag + " Biology", lessons=2)
    for cid in (ca, cb):
        admin.get("/admin/sessions/%d" % sid)
        assert admin.post("/admin/sessions/%d/courses" % sid, {"course": cid}).status == 303
    admin.get("/")      # shows (and clears) the last flash message
    path = "/admin/sessions/%d/tracking" % sid
    r = admin.get(path)
    assert r.status == 200 and 'id="no-progress"' in r.text and "<svg" not in r.text, r
    q0 = queries(r)
    uids = [new_learner("%s learner %d" % (tag, i))[0] for i in range(4)]
    sql("INSERT INTO session_learners (session_id, user_id, source, enrolled_at) SELECT %d, id, "
        "'individual', UTC_TIMESTAMP() FROM users WHERE name LIKE %s" % (sid, sql_quote(tag + "%")))
    sql("INSERT INTO session_course_learners (session_id, course_id, user_id, enrolled_at) "
        "SELECT %d, c.course_id, u.id, UTC_TIMESTAMP() FROM users u JOIN session_courses c "
        "ON c.session_id = %d WHERE u.name LIKE %s" % (sid, sid, sql_quote(tag + "%")))
    # Algebra: two of four opened it, 3 + 1 of 16 lessons done
    for uid, done in ((uids[0], 3), (uids[1], 1)):
        sql("INSERT INTO session_tracking (session_id, course_id, user_id, first_access_at, "
            "last_access_at, access_count, lessons_done) VALUES (%d, %d, %d, UTC_TIMESTAMP(), "
            "UTC_TIMESTAMP(), 1, %d)" % (sid, ca, uid, done))
    r = admin.get(path)
    assert r.status == 200 and 'id="no-progress"' not in r.text, r
    assert queries(r) == q0, (q0, queries(r))
    assert 'data-courses="2"' in r.text and 'role="img"' in r.text
    rows = dict((t, rest) for t, *rest in re.findall(
        r'<tr class="progress-row"><th scope="row">([^<]+)</th><td>(\d+)</td>'
        r'<td>([^<]+)</td><td>([^<]+)</td></tr>', r.text))
    assert rows[tag + " Algebra"] == ["4", "2 (50%)", "4 of 16 (25%)"], rows
    assert rows[tag + " Biology"] == ["4", "0 (0%)", "0 of 8 (0%)"], rows
    groups = re.findall(r'<g><title>([^:<]+): (\d+)% opened, (\d+)% of lessons done</title>\s*'
                        r'<rect class="bar" x="0" y="\d+" width="(\d+)" height="10">.*?'
                        r'<rect class="bar att-present" x="0" y="\d+" width="(\d+)"',
                        r.text, re.S)
    bars = {g[0]: tuple(int(x) for x in g[1:]) for g in groups}
    # 100 % is 200 wide: 50 % opened is 100, 25 % done is 50
    assert bars == {tag + " Algebra": (50, 25, 100, 50),
                    tag + " Biology": (0, 0, 0, 0)}, bars


@test
def export_neutralises_formulas(base):
    """the learners CSV lists name, email, time and source, formulas defused"""
    admin = signed_in(base)
    sid = create_session(admin)
    evil, evil_email = new_learner("=cmd()")
    comma, comma_email = new_learner('Rossi, "Maria"')
    for uid in (evil, comma):
        admin.get("/admin/sessions/%d" % sid)
        assert admin.post("/admin/sessions/%d/learners" % sid, {"user": uid}).status == 303
    sql("UPDATE users SET email = CONCAT('@', email) WHERE id = %d" % comma)
    r = admin.get("/admin/sessions/%d/learners.csv" % sid)
    assert r.status == 200
    assert r.header("Content-Type").startswith("text/csv")
    assert "attachment" in r.header("Content-Disposition")
    lines = r.text.split("\r\n")
    assert lines[0] == "name,email,enrolled at,source"
    body = "\n".join(lines[1:])
    assert "'=cmd()," + evil_email + "," in body, body
    assert "\n=cmd" not in "\n" + body
    assert '"Rossi, ""Maria""",\'@' + comma_email in body, body
    assert re.search(r",\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ,individual$", lines[1])
    assert len([x for x in lines if x]) == 3
