"""Teacher feedback after a live lesson: scores from 1 to 5 and a teacher
comment of at most 1024 characters (counted as characters, not bytes),
"Verify" and "Revoke verification" with the rule that verified feedback
cannot be edited, the history of every change, the "Teacher Feedback"
banner for the teacher and that learner only, the Homework page with its
filters and keyset pages, and who may do what."""

import datetime
import html
import re

from lectern import Client, signed_in, sql, sql_value, test, unique
from test_schedule import enroll, far_monday, insert_session, new_course, \
    set_zone, user_id

SKILLS = ("speaking", "listening", "reading", "writing", "grammar",
          "vocabulary", "engagement")
HINT = ("To change feedback, find this homework in Homework and revoke "
        "verification.")


# --- helpers ---------------------------------------------------------------

def plain(r):
    """The page's text without tags, entities decoded, spaces squeezed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ",
                                                    r.text)))


def lesson(learners=2, status="ended", start=None):
    """Teacher tess, learners lena, liam (and lucia) in a completed group
    lesson two hours ago; returns (sid, teacher id, [learner ids])."""
    t = user_id("teacher", 0)
    ls = [user_id("learner", i) for i in range(learners)]
    for u in [t] + ls:
        set_zone(u, "UTC")
    cid, _ = new_course(1)
    for l in ls:
        enroll(l, cid, t)
    if start is None:
        start = datetime.datetime.utcnow().replace(microsecond=0) - \
            datetime.timedelta(hours=2)
    sid = insert_session(t, cid, start, 45, ls, status=status,
                         title=unique("Feedback lesson "))
    if status == "ended":
        # Done with, so that it does not wait on the teacher's home page.
        sql("UPDATE live_sessions SET session_notes = 'Notes' WHERE id = %d"
            % sid)
        sql("UPDATE live_participants SET attendance = 'present' WHERE "
            "session_id = %d" % sid)
    return sid, t, ls


def fpath(sid, lid):
    return "/platform/sessions/%d/feedback/%d" % (sid, lid)


def give(client, sid, lid, comment="", **scores):
    client.get(fpath(sid, lid))
    fields = {k: "" for k in SKILLS}
    fields.update({k: str(v) for k, v in scores.items()})
    fields["comment"] = comment
    return client.post(fpath(sid, lid), fields)


def row(sid, lid):
    """(state, speaking .. engagement, comment) of a feedback, or None."""
    rows = sql("SELECT state, %s, comment FROM live_feedback WHERE "
               "session_id = %d AND learner_id = %d"
               % (", ".join("COALESCE(%s, 0)" % k for k in SKILLS), sid, lid))
    return rows[0] if rows else None


def history(sid, lid):
    return sql("SELECT g.action, g.user_id, COALESCE(g.before_text, '-'), "
               "g.after_text FROM live_feedback_log g JOIN live_feedback f "
               "ON f.id = g.feedback_id WHERE f.session_id = %d AND "
               "f.learner_id = %d ORDER BY g.id" % (sid, lid))


# --- giving feedback ---------------------------------------------------------

@test
def feedback_score_validation(base):
    """Scores: 0, 6, words and fractions refused with a message, nothing kept"""
    sid, t, (l1, l2) = lesson()
    teacher = signed_in(base, "teacher", 0)
    page = teacher.get("/platform/sessions/%d" % sid)
    assert page.status == 200 and page.has("feedback-row-%d" % l1)
    assert page.has("Give feedback")
    form = teacher.get(fpath(sid, l1))
    assert form.status == 200
    for k in ("Speaking score", "Listening score", "Reading score",
              "Writing score", "Grammar score", "Vocabulary score",
              "Engagement score", "Teacher comment"):
        assert form.has(k), k
    for bad in ("0", "6", "abc", "2.5", "-1"):
        r = give(teacher, sid, l1, comment="Fine", speaking=bad)
        assert r.status == 422, (bad, r)
        assert r.has("Speaking score must be a whole number from 1 to 5."), bad
        assert row(sid, l1) is None, bad
    r = give(teacher, sid, l1, comment="Fine", engagement="9", grammar="3")
    assert r.status == 422 and r.has("Engagement score must be a whole "
                                     "number from 1 to 5.")
    assert row(sid, l1) is None
    # Nothing at all is not feedback.
    r = give(teacher, sid, l1)
    assert r.status == 422 and r.has("Give at least one score or a "
                                     "teacher comment.")
    assert row(sid, l1) is None
    # Each score is optional; 1 and 5 are the bounds.
    r = give(teacher, sid, l1, speaking=1, grammar=5)
    assert r.status == 303, r
    assert r.header("Location") == fpath(sid, l1)
    assert row(sid, l1) == ["waiting", "1", "0", "0", "0", "5", "0", "0",
                            "NULL"]
    assert history(sid, l1) == [["given", str(t), "-", "Waiting for "
                                 "verification. Speaking 1, Grammar 5."]]
    assert teacher.get(fpath(sid, l1)).has("Waiting for verification")


@test
def feedback_comment_characters(base):
    """A comment of 1024 multibyte characters is kept whole; 1025 is refused"""
    sid, t, (l1, l2) = lesson()
    teacher = signed_in(base, "teacher", 0)
    r = give(teacher, sid, l1, comment="日" * 1024, reading=4)
    assert r.status == 303, r
    assert sql_value("SELECT CHAR_LENGTH(comment) FROM live_feedback WHERE "
                     "session_id = %d AND learner_id = %d" % (sid, l1)) == \
        "1024"
    assert row(sid, l1)[-1] == "日" * 1024
    for text in ("é" * 1025, "日" * 1025, "a" * 1025):
        r = give(teacher, sid, l1, comment=text, reading=2)
        assert r.status == 422, r
        assert r.has("Teacher comment must be at most 1024 characters")
        assert row(sid, l1)[-1] == "日" * 1024
        assert row(sid, l1)[3] == "4"
    # 1024 two-byte characters are 2048 bytes: still 1024 characters.
    r = give(teacher, sid, l2, comment="é" * 1024)
    assert r.status == 303, r
    assert row(sid, l2)[-1] == "é" * 1024
    assert len(history(sid, l1)) == 1


@test
def feedback_verify_revoke_edit(base):
    """Verify, no edit while verified, revoke, edit again: each change logged"""
    sid, t, (l1, l2) = lesson()
    teacher = signed_in(base, "teacher", 0)
    p = fpath(sid, l1)
    # Nothing to verify yet.
    teacher.get(p)
    r = teacher.post(p + "/verify", {})
    assert r.status == 409 and r.has("There is no feedback to verify")
    assert give(teacher, sid, l1, comment="Good work", speaking=4).status \
        == 303
    page = teacher.get(p)
    assert page.has("verify-form")
    r = teacher.post(p + "/verify", {})
    assert r.status == 303 and r.header("Location") == p
    assert row(sid, l1)[0] == "verified"
    assert sql_value("SELECT verified_by FROM live_feedback WHERE "
                     "session_id = %d AND learner_id = %d" % (sid, l1)) == \
        str(t)
    page = teacher.get(p)
    assert page.has("Revoke verification") and not page.has("feedback-form")
    # Verified feedback cannot be edited, nor verified twice.
    r = give(teacher, sid, l1, comment="Changed", speaking=2)
    assert r.status == 409, r
    assert r.has("This feedback is verified and cannot be edited.")
    assert HINT in plain(r)
    assert row(sid, l1)[1] == "4" and row(sid, l1)[-1] == "Good work"
    teacher.get(p)
    assert teacher.post(p + "/verify", {}).status == 409
    # Revoke, then edit.
    teacher.get(p)
    r = teacher.post(p + "/revoke", {})
    assert r.status == 303, r
    assert row(sid, l1)[0] == "waiting"
    assert sql_value("SELECT COALESCE(verified_at, 'none') FROM live_feedback "
                     "WHERE session_id = %d AND learner_id = %d"
                     % (sid, l1)) == "none"
    teacher.get(p)
    assert teacher.post(p + "/revoke", {}).status == 409
    r = give(teacher, sid, l1, comment="Changed", speaking=2)
    assert r.status == 303, r
    assert row(sid, l1)[1] == "2" and row(sid, l1)[-1] == "Changed"
    # The same values again change nothing and log nothing.
    r = give(teacher, sid, l1, comment="Changed", speaking=2)
    assert r.status == 303
    h = history(sid, l1)
    assert [x[0] for x in h] == ["given", "verified", "revoked", "edited"]
    assert all(x[1] == str(t) for x in h)
    assert h[1][2] == "Waiting for verification. Speaking 4. Comment: " \
        "Good work"
    assert h[1][3] == "Verified. Speaking 4. Comment: Good work"
    assert h[2][2] == h[1][3] and h[2][3] == h[1][2]
    assert h[3][2] == h[1][2]
    assert h[3][3] == "Waiting for verification. Speaking 2. Comment: Changed"
    # The feedback's page shows the history.
    page = plain(teacher.get(p))
    assert "Verification revoked" in page and "Edited" in page
    assert "Waiting for verification. Speaking 2. Comment: Changed" in page
    # Without the form token nothing changes.
    c = teacher.post(p + "/verify", {}, csrf=False)
    assert c.status in (400, 403)
    assert row(sid, l1)[0] == "waiting"


# --- the banner ----------------------------------------------------------------

@test
def feedback_banner_teacher_and_learner_only(base):
    """The Teacher Feedback banner: the teacher and that learner, no one else"""
    sid, t, (l1, l2, l3) = lesson(3)
    teacher = signed_in(base, "teacher", 0)
    comment = unique("Clear pronunciation ")
    assert give(teacher, sid, l1, comment=comment, speaking=5,
                vocabulary=3).status == 303
    other = unique("Other learner's comment ")
    assert give(teacher, sid, l2, comment=other, speaking=2).status == 303
    lp = "/platform/sessions/%d" % sid
    lena = signed_in(base, "learner", 0)
    # Not before verification.
    assert "Teacher Feedback" not in lena.get(lp).text
    assert "Teacher Feedback" not in teacher.get(lp).text
    teacher.get(fpath(sid, l1))
    assert teacher.post(fpath(sid, l1) + "/verify", {}).status == 303
    # The learner it is about sees scores and comment, without the hint.
    r = lena.get(lp)
    assert r.status == 200
    text = plain(r)
    assert "Teacher Feedback" in text and comment in text
    assert r.has('data-skill="speaking">5 / 5')
    assert r.has('data-skill="vocabulary">3 / 5')
    assert HINT not in text
    assert other not in text
    assert "feedback-states" not in r.text
    # Another learner of the same lesson sees none of it.
    r = signed_in(base, "learner", 1).get(lp)
    assert r.status == 200
    assert "Teacher Feedback" not in r.text and comment not in r.text
    r = signed_in(base, "learner", 2).get(lp)
    assert r.status == 200
    assert "Teacher Feedback" not in r.text and comment not in r.text
    # The teacher sees it with the hint; liam's waits.
    r = teacher.get(lp)
    text = plain(r)
    assert "Teacher Feedback" in text and comment in text and HINT in text
    assert other not in text
    assert r.has("feedback-banner-%d" % l1)
    assert not r.has("feedback-banner-%d" % l2)
    # Revoked: gone for the learner.
    teacher.get(fpath(sid, l1))
    assert teacher.post(fpath(sid, l1) + "/revoke", {}).status == 303
    assert "Teacher Feedback" not in lena.get(lp).text
    # The admin sees what the teacher sees.
    teacher.get(fpath(sid, l2))
    assert teacher.post(fpath(sid, l2) + "/verify", {}).status == 303
    r = signed_in(base, "admin").get(lp)
    assert r.status == 200 and other in plain(r)
    assert "Teacher Feedback" not in lena.get(lp).text


# --- who may ---------------------------------------------------------------------

@test
def feedback_access(base):
    """Feedback: learners 403, another teacher 404, admin allowed, rules kept"""
    sid, t, (l1, l2) = lesson()
    p = fpath(sid, l1)
    lena = signed_in(base, "learner", 0)
    assert lena.get(p).status == 403
    lena.get("/")
    for suffix in ("", "/verify", "/revoke"):
        r = lena.post(p + suffix, {"speaking": "5", "comment": "Self"}
                      if suffix == "" else {})
        assert r.status == 403, (suffix, r.status)
    assert lena.get("/platform/homework").status == 403
    theo = signed_in(base, "teacher", 1)
    assert theo.get(p).status == 404
    theo.get("/platform/homework")
    for suffix in ("", "/verify", "/revoke"):
        r = theo.post(p + suffix, {"speaking": "5", "comment": "Not mine"}
                      if suffix == "" else {})
        assert r.status == 404, (suffix, r.status)
    assert row(sid, l1) is None
    # Someone not in the lesson, and a lesson that is not completed.
    teacher = signed_in(base, "teacher", 0)
    outsider = user_id("learner", 3)
    assert teacher.get(fpath(sid, outsider)).status == 404
    r = give(teacher, sid, outsider, speaking=3)
    assert r.status == 404
    assert row(sid, outsider) is None
    later, _, (m1, m2) = lesson(start=datetime.datetime.combine(
        far_monday(), datetime.time(5, 0)), status="scheduled")
    assert teacher.get(fpath(later, m1)).status == 409
    r = give(teacher, later, m1, speaking=3)
    assert r.status == 409 and r.has("after the session is completed")
    assert row(later, m1) is None
    assert "feedback-states" not in teacher.get(
        "/platform/sessions/%d" % later).text
    # Theo's Homework does not list Tess's feedback.
    assert give(teacher, sid, l1, speaking=3).status == 303
    assert "homework-%d-%d" % (sid, l1) not in \
        theo.get("/platform/homework").text
    # An administrator may.
    admin = signed_in(base, "admin")
    assert admin.get(p).status == 200
    admin.get(p)
    assert admin.post(p + "/verify", {}).status == 303
    assert row(sid, l1)[0] == "verified"
    assert history(sid, l1)[-1][:2] == ["verified",
                                        str(user_id("admin", 0))]
    today = datetime.datetime.utcnow().date()
    r = admin.get("/platform/homework?learner=%d&from=%s&to=%s" % (
        l1, (today - datetime.timedelta(days=1)).isoformat(),
        (today + datetime.timedelta(days=1)).isoformat()))
    assert r.status == 200 and r.has("homework-%d-%d" % (sid, l1))


# --- the Homework page --------------------------------------------------------------

@test
def feedback_homework_filters_and_pages(base):
    """Homework: waiting and verified feedback, filters, keyset pages"""
    t = user_id("teacher", 1)
    ls = [user_id("learner", i) for i in range(5)]
    for u in [t] + ls:
        set_zone(u, "UTC")
    cid, _ = new_course(1)
    monday = far_monday()
    sids = []
    for d in range(6):
        start = datetime.datetime.combine(monday + datetime.timedelta(days=d),
                                          datetime.time(6, 15))
        sids.append(insert_session(t, cid, start, 45, ls, status="ended"))
    # 30 feedback: 6 lessons x 5 learners; lena's verified.
    for sid in sids:
        for l in ls:
            sql("INSERT INTO live_feedback (session_id, learner_id, speaking, "
                "comment, state, verified_at, created_at, updated_at) VALUES "
                "(%d, %d, 3, 'Row %d-%d', '%s', %s, UTC_TIMESTAMP(), "
                "UTC_TIMESTAMP())" % (sid, l, sid, l,
                                      "verified" if l == ls[0] else "waiting",
                                      "UTC_TIMESTAMP()" if l == ls[0]
                                      else "NULL"))
    teacher = signed_in(base, "teacher", 1)
    home = teacher.get("/")
    assert home.has('href="/platform/homework"')
    week = "from=%s&to=%s" % (monday.isoformat(),
                              (monday + datetime.timedelta(days=6)).isoformat())
    r = teacher.get("/platform/homework?" + week)
    assert r.status == 200
    ids = re.findall(r'id="homework-(\d+)-(\d+)"', r.text)
    assert len(ids) == 25, len(ids)
    # Latest lessons first.
    assert int(ids[0][0]) == sids[-1] and int(ids[-1][0]) == sids[1]
    m = re.search(r'<a rel="next" href="([^"]+)"', r.text)
    assert m, "a next page"
    r2 = teacher.get(html.unescape(m.group(1)))
    ids2 = re.findall(r'id="homework-(\d+)-(\d+)"', r2.text)
    assert len(ids2) == 5 and not set(ids) & set(ids2)
    assert set(ids) | set(ids2) == {(str(s), str(l)) for s in sids
                                    for l in ls}
    assert 'rel="next"' not in r2.text and "First page" in r2.text
    # State filter.
    r = teacher.get("/platform/homework?state=verified&" + week)
    got = re.findall(r'id="homework-(\d+)-(\d+)"', r.text)
    assert sorted(got) == sorted((str(s), str(ls[0])) for s in sids)
    assert r.has("Revoke verification") and 'data-state="waiting"' not in \
        r.text
    r = teacher.get("/platform/homework?state=waiting&" + week)
    got = re.findall(r'id="homework-(\d+)-(\d+)"', r.text)
    assert len(got) == 24 and all(int(x[1]) != ls[0] for x in got)
    # Learner filter and a date range of one day.
    r = teacher.get("/platform/homework?learner=%d&%s" % (ls[1], week))
    got = re.findall(r'id="homework-(\d+)-(\d+)"', r.text)
    assert sorted(got) == sorted((str(s), str(ls[1])) for s in sids)
    day = (monday + datetime.timedelta(days=2)).isoformat()
    r = teacher.get("/platform/homework?from=%s&to=%s" % (day, day))
    got = re.findall(r'id="homework-(\d+)-(\d+)"', r.text)
    assert sorted(got) == sorted((str(sids[2]), str(l)) for l in ls)
    # As many queries for 25 rows as for 6 or 5.
    qs = {teacher.get(path).header("X-Lectern-Queries") for path in (
        "/platform/homework?" + week, html.unescape(m.group(1)),
        "/platform/homework?state=verified&" + week)}
    assert len(qs) == 1 and None not in qs, qs
    # Bad filters are refused.
    assert teacher.get("/platform/homework?state=done").status == 400
    assert teacher.get("/platform/homework?from=soon").status == 400
    # Verify from the list comes back to it.
    r = teacher.get("/platform/homework?state=waiting&" + week)
    r = teacher.post(fpath(sids[0], ls[1]) + "/verify", {"back": "homework"})
    assert r.status == 303 and r.header("Location") == "/platform/homework"
    assert row(sids[0], ls[1])[0] == "verified"
    teacher.get("/platform/homework")
    r = teacher.post(fpath(sids[0], ls[1]) + "/revoke", {"back": "homework"})
    assert r.status == 303 and row(sids[0], ls[1])[0] == "waiting"


@test
def feedback_on_learner_home(base):
    """A learner's home lists their newly verified Teacher Feedback"""
    sid, t, (l1, l2) = lesson()
    teacher = signed_in(base, "teacher", 0)
    comment = unique("Home note ")
    assert give(teacher, sid, l1, comment=comment, writing=4).status == 303
    lena = signed_in(base, "learner", 0)
    assert "home-feedback-%d" % sid not in lena.get("/").text
    teacher.get(fpath(sid, l1))
    assert teacher.post(fpath(sid, l1) + "/verify", {}).status == 303
    r = lena.get("/")
    assert r.status == 200 and r.has("home-feedback-%d" % sid)
    assert r.has('href="/platform/sessions/%d"' % sid)
    assert "home-feedback-%d" % sid not in \
        signed_in(base, "learner", 1).get("/").text
