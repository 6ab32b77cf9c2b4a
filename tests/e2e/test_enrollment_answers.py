"""Lesson content and learners' answers: the content editor refuses bad
input and stores nothing, a learner answers a known set of exercises and
gets exact points per exercise type, a lesson goes Passed, Verified and
back, nobody else reads or answers it, and instant lessons of a live
lesson stay out of the course's lessons and open only to its learner."""

import re

from lectern import Client, create_user, signed_in, sql, sql_value, test
from test_enrollment import create_enrollment, new_course, teacher

CHOICE = ("Which are colours?", "* red\nbig\n* blue\n")
GAP = "The sky [[is]] blue and the grass [[is|looks]] green."
SHORT = ("Largest city of the USA?", "New York\nNYC\n")
ESSAY = "Describe your home town."


def content_path(cid, lid):
    return "/admin/courses/%d/lessons/%d/content" % (cid, lid)


def lesson_of(cid):
    return int(sql_value("SELECT id FROM course_lessons WHERE course_id = %d "
                         "ORDER BY position LIMIT 1" % cid))


def exercise_count(lid):
    return int(sql_value(
        "SELECT COUNT(*) FROM lesson_exercises x JOIN lesson_docs d ON "
        "d.id = x.doc_id WHERE d.lesson_id = %d" % lid))


def add_exercise(admin, path, kind, prompt, spec=""):
    admin.get(path)
    return admin.post(path + "/exercises", {"kind": kind, "prompt": prompt,
                                            "spec": spec})


def lesson_with_content(admin):
    """A course with one lesson holding text and one exercise of each
    kind; returns (course id, lesson id)."""
    cid, _ = new_course(lessons=1)
    lid = lesson_of(cid)
    path = content_path(cid, lid)
    admin.get(path)
    r = admin.post(path + "/text", {"body": "# Colours\n\nRead this."})
    assert r.status == 303, r
    for kind, prompt, spec in (("choice",) + CHOICE, ("gap", GAP, ""),
                               ("short",) + SHORT, ("essay", ESSAY, "")):
        r = add_exercise(admin, path, kind, prompt, spec)
        assert r.status == 303, (kind, r)
    return cid, lid


def exercise_ids(lid):
    rows = sql("SELECT x.kind, x.id FROM lesson_exercises x JOIN lesson_docs d "
               "ON d.id = x.doc_id WHERE d.lesson_id = %d ORDER BY x.position"
               % lid)
    return {k: int(i) for k, i in rows}


@test
def test_lesson_content_bad_input_stores_nothing(base):
    admin = signed_in(base, "admin")
    cid, _ = new_course(lessons=1)
    lid = lesson_of(cid)
    path = content_path(cid, lid)
    r = admin.get("/admin/courses/%d/lessons/%d" % (cid, lid))
    assert r.status == 200 and path in r.text, r
    assert admin.get(path).status == 200
    refused = [
        ("choice", "Pick one", "* only one option", "at least two options"),
        ("choice", "Pick one", "a\nb\n", "Mark at least one correct option"),
        ("gap", "No gaps here", "", "at least one gap"),
        ("gap", "Open [[gap", "", "with an answer inside"),
        ("gap", "Empty [[]] gap", "", "with an answer inside"),
        ("short", "Say it", "\n  \n", "at least one accepted answer"),
        ("essay", "   ", "", "Write the question"),
    ]
    for kind, prompt, spec, message in refused:
        r = add_exercise(admin, path, kind, prompt, spec)
        assert r.status == 422, (kind, prompt, r)
        assert message in r.text, (message, r.text[:3000])
        assert exercise_count(lid) == 0
    r = add_exercise(admin, path, "poem", "A question", "")
    assert r.status == 400, r
    r = admin.post(path + "/text", {"body": "x" * 20001})
    assert r.status == 400, r
    assert (sql_value("SELECT COUNT(*) FROM lesson_docs WHERE lesson_id = %d "
                      "AND body <> ''" % lid) == "0")
    # Text is shown escaped, with headings.
    admin.get(path)
    r = admin.post(path + "/text", {"body": "# Title <b>\n\nA <i>para</i>\ngoes on"})
    assert r.status == 303, r
    r = admin.get(path)
    assert "<h2>Title &lt;b&gt;</h2>" in r.text, r.text
    assert "<p>A &lt;i&gt;para&lt;/i&gt; goes on</p>" in r.text
    # Good exercises, then a refused edit leaves the stored one.
    for kind, prompt, spec in (("choice",) + CHOICE, ("gap", GAP, ""),
                               ("short",) + SHORT, ("essay", ESSAY, "")):
        assert add_exercise(admin, path, kind, prompt, spec).status == 303
    ids = exercise_ids(lid)
    assert exercise_count(lid) == 4
    admin.get(path)
    r = admin.post(path + "/exercises/%d" % ids["choice"],
                   {"prompt": "Changed", "spec": "a\nb"})
    assert r.status == 422 and "Mark at least one correct" in r.text, r
    assert sql_value("SELECT prompt FROM lesson_exercises WHERE id = %d"
                     % ids["choice"]) == CHOICE[0]
    admin.get(path)
    r = admin.post(path + "/exercises/%d" % ids["short"],
                   {"prompt": "Capital of France?", "spec": "Paris"})
    assert r.status == 303, r
    assert sql_value("SELECT spec FROM lesson_exercises WHERE id = %d"
                     % ids["short"]) == "Paris"
    # Reorder and remove.
    admin.get(path)
    r = admin.post(path + "/exercises/%d/move" % ids["choice"],
                   {"direction": "down"})
    assert r.status == 303, r
    assert list(exercise_ids(lid))[:2] == ["gap", "choice"]
    admin.get(path)
    r = admin.post(path + "/exercises/%d/remove" % ids["essay"], {})
    assert r.status == 303 and exercise_count(lid) == 3, r
    admin.get(path)
    r = admin.post(path + "/exercises/%d/remove" % ids["essay"], {})
    assert r.status == 422 and exercise_count(lid) == 3, r
    # Another course's lesson is not reachable through this course.
    other, _ = new_course(lessons=1)
    assert admin.get(content_path(other, lid)).status == 404
    # Teachers and learners do not edit course lessons.
    assert signed_in(base, "teacher").get(path).status in (403, 404)


def learner_and_enrollment(admin, cid, teacher_index=0):
    uid, email, pw = create_user(admin, "learner")
    eid = create_enrollment(admin, uid, cid, teacher(teacher_index))
    c = signed_in_as(admin.base, email, pw)
    return uid, eid, c


def signed_in_as(base, email, pw):
    c = Client(base)
    r = c.login(email, pw)
    assert r.status == 303, r
    return c


def answers(ids, choice=("0", "2"), gaps=("is", "looks"), short=" new   YORK ",
            essay="My town is small."):
    f = [("pick", "%d:%s" % (ids["choice"], i)) for i in choice]
    for i, g in enumerate(gaps):
        f += [("field", "%d:%d" % (ids["gap"], i)), ("text", g)]
    f += [("field", "%d:0" % ids["short"]), ("text", short)]
    f += [("field", "%d:0" % ids["essay"]), ("text", essay)]
    return f


@test
def test_learner_answers_passed_verified_revoked(base):
    admin = signed_in(base, "admin")
    cid, lid = lesson_with_content(admin)
    ids = exercise_ids(lid)
    uid, eid, learner = learner_and_enrollment(admin, cid)
    lpath = "/platform/enrollments/%d/lessons/%d" % (eid, lid)
    # The lesson is reached from the enrollment page, which My lessons lists.
    r = learner.get("/platform/lessons")
    assert r.status == 200 and "/platform/enrollments/%d\"" % eid in r.text, r
    r = learner.get("/platform/enrollments/%d" % eid)
    assert lpath in r.text and 'id="count-passed">0<' in r.text, r.text
    r = learner.get(lpath)
    assert r.status == 200 and 'id="answer-form"' in r.text, r
    assert "<h2>Colours</h2>" in r.text
    # A draft keeps the answers and no score.
    r = learner.post(lpath, answers(ids, choice=("1",)) + [("action", "draft")])
    assert r.status == 303, r
    assert sql_value("SELECT state FROM lesson_attempts WHERE learner_id = %d"
                     % uid) == "draft"
    r = learner.get(lpath)
    assert 'value="%d:1" checked' % ids["choice"] in r.text
    # A field naming another lesson's exercise is refused.
    learner.get(lpath)
    r = learner.post(lpath, [("field", "999999:0"), ("text", "x"),
                             ("action", "complete")])
    assert r.status == 422 and "do not match" in r.text, r
    assert sql_value("SELECT state FROM lesson_attempts WHERE learner_id = %d"
                     % uid) == "draft"
    # Complete: choice right (1/1), gaps one right of two (the second
    # accepts "is" or "looks"; "was" is wrong), short right despite case
    # and spaces (1/1), essay waiting for its mark (of 5).
    learner.get(lpath)
    r = learner.post(lpath, answers(ids, gaps=(" IS ", "was"))
                     + [("action", "complete")])
    assert r.status == 303, r
    rows = {int(e): (p, m) for e, p, m in sql(
        "SELECT a.exercise_id, COALESCE(a.points, 'NULL'), a.max_points FROM "
        "lesson_answers a JOIN lesson_attempts t ON t.id = a.attempt_id "
        "WHERE t.learner_id = %d" % uid)}
    assert rows[ids["choice"]] == ("1", "1"), rows
    assert rows[ids["gap"]] == ("1", "2"), rows
    assert rows[ids["short"]] == ("1", "1"), rows
    assert rows[ids["essay"]] == ("NULL", "5"), rows
    state = sql("SELECT state, score, max_score, enrollment_id FROM "
                "lesson_attempts WHERE learner_id = %d" % uid)[0]
    assert state == ["passed", "3", "9", str(eid)], state
    r = learner.get(lpath)
    assert 'data-state="passed"' in r.text and 'data-score="3"' in r.text
    assert "Your results" in r.text and 'id="answer-form"' not in r.text
    # Completed answers do not change.
    learner.get(lpath)
    r = learner.post(lpath, answers(ids) + [("action", "complete")])
    assert r.status == 409, r
    assert sql_value("SELECT score FROM lesson_attempts WHERE learner_id = %d"
                     % uid) == "3"
    r = learner.get("/platform/enrollments/%d" % eid)
    assert 'id="count-passed">1<' in r.text and 'id="count-verified">0<' in r.text
    # The learner cannot verify.
    assert learner.post(lpath + "/verify", {}).status in (403, 404)
    # The teacher marks the essay and verifies.
    t = signed_in(base, "teacher", 0)
    r = t.get(lpath)
    assert r.status == 200 and 'id="verify-form"' in r.text, r
    assert "My town is small." in r.text
    r = t.post(lpath + "/verify", {})
    assert r.status == 422 and "Mark every essay" in r.text, r
    t.get(lpath)
    r = t.post(lpath + "/marks", [("essay", ids["essay"]), ("mark", "6")])
    assert r.status == 422, r
    r = t.post(lpath + "/marks", [("essay", ids["essay"]), ("mark", "4")])
    assert r.status == 303, r
    assert sql_value("SELECT score FROM lesson_attempts WHERE learner_id = %d"
                     % uid) == "7"
    t.get(lpath)
    r = t.post(lpath + "/verify", {})
    assert r.status == 303, r
    tid = teacher(0)
    assert sql("SELECT state, verified_by FROM lesson_attempts WHERE "
               "learner_id = %d" % uid)[0] == ["verified", str(tid)]
    r = learner.get("/platform/enrollments/%d" % eid)
    assert 'id="count-passed">1<' in r.text and 'id="count-verified">1<' in r.text
    r = learner.get(lpath)
    assert 'data-state="verified"' in r.text and "Verified by" in r.text
    # The training session's tracking counts the course's Passed and
    # Verified lessons of the learner.
    from test_training import create_session
    tsid = create_session(admin)
    sql("INSERT INTO session_courses (session_id, course_id, position, added_at) "
        "VALUES (%d, %d, 1, UTC_TIMESTAMP())" % (tsid, cid))
    sql("INSERT INTO session_learners (session_id, user_id, source, enrolled_at) "
        "VALUES (%d, %d, 'individual', UTC_TIMESTAMP())" % (tsid, uid))
    sql("INSERT INTO session_course_learners (session_id, course_id, user_id, "
        "enrolled_at) VALUES (%d, %d, %d, UTC_TIMESTAMP())" % (tsid, cid, uid))
    r = admin.get("/admin/sessions/%d/tracking" % tsid)
    assert 'data-passed="1" data-verified="1"' in r.text, r.text
    # Marks cannot change while verified; revoking brings Passed back.
    t.get(lpath)
    r = t.post(lpath + "/marks", [("essay", ids["essay"]), ("mark", "1")])
    assert r.status == 409, r
    t.get(lpath)
    r = t.post(lpath + "/revoke", {})
    assert r.status == 303, r
    assert sql_value("SELECT state FROM lesson_attempts WHERE learner_id = %d"
                     % uid) == "passed"
    log = sql("SELECT l.action, COALESCE(l.user_id, 0) FROM lesson_attempt_log l "
              "JOIN lesson_attempts t ON t.id = l.attempt_id WHERE "
              "t.learner_id = %d ORDER BY l.id" % uid)
    assert log == [["completed", str(uid)], ["marked", str(tid)],
                   ["verified", str(tid)], ["revoked", str(tid)]], log
    r = t.get(lpath)
    assert 'id="attempt-log"' in r.text and "revoked" in r.text
    r = admin.get("/admin/sessions/%d/tracking" % tsid)
    assert 'data-passed="1" data-verified="0"' in r.text, r.text


@test
def test_lesson_answers_closed_to_others(base):
    admin = signed_in(base, "admin")
    cid, lid = lesson_with_content(admin)
    ids = exercise_ids(lid)
    uid, eid, learner = learner_and_enrollment(admin, cid)
    lpath = "/platform/enrollments/%d/lessons/%d" % (eid, lid)
    _, _, other = learner_and_enrollment(admin, cid)
    assert other.get(lpath).status == 404
    other.get("/platform/lessons")
    r = other.post(lpath, answers(ids) + [("action", "complete")])
    assert r.status == 404, r
    assert sql_value("SELECT COUNT(*) FROM lesson_attempts WHERE "
                     "enrollment_id = %d" % eid) == "0"
    # Another teacher sees nothing; the enrollment's teacher cannot answer.
    assert signed_in(base, "teacher", 1).get(lpath).status == 404
    t = signed_in(base, "teacher", 0)
    assert t.get(lpath).status == 200
    r = t.post(lpath, answers(ids) + [("action", "complete")])
    assert r.status in (403, 404), r
    assert sql_value("SELECT COUNT(*) FROM lesson_attempts WHERE "
                     "enrollment_id = %d" % eid) == "0"
    # A lesson of another course is not reached through this enrollment.
    ocid, olid = lesson_with_content(admin)
    assert learner.get("/platform/enrollments/%d/lessons/%d"
                       % (eid, olid)).status == 404
    # The page runs a bounded number of statements.
    r = learner.get(lpath)
    assert int(r.header("X-Lectern-Queries")) <= 12, r.header("X-Lectern-Queries")


@test
def test_instant_lesson_of_live_lesson(base):
    import datetime
    from test_schedule_feedback import lesson
    now = datetime.datetime.utcnow().replace(microsecond=0)
    sid, tid, (lid,) = lesson(learners=1, status="active",
                              start=now - datetime.timedelta(minutes=10))
    cid = int(sql_value("SELECT course_id FROM live_sessions WHERE id = %d" % sid))
    lessons_before = sql_value("SELECT COUNT(*) FROM course_lessons WHERE "
                               "course_id = %d" % cid)
    t = signed_in(base, "teacher", 0)
    r = t.get("/platform/sessions/%d" % sid)
    assert r.status == 200 and "Create Instant Lesson" in r.text, r
    title = "Warm-up " + str(sid)
    r = t.post("/platform/sessions/%d/instant" % sid,
               {"doc_title": title, "body": "Quick check."})
    assert r.status == 303, r
    ipath = r.header("Location")
    m = re.fullmatch(r"/platform/sessions/%d/instant/(\d+)" % sid, ipath)
    assert m, ipath
    did = int(m.group(1))
    r = t.get(ipath)
    assert r.status == 200 and 'id="add-exercise"' in r.text, r
    r = t.post(ipath + "/exercises", {"kind": "short", "prompt": "2 + 2?",
                                      "spec": ""})
    assert r.status == 422 and "accepted answer" in r.text, r
    t.get(ipath)
    r = t.post(ipath + "/exercises", {"kind": "short", "prompt": "2 + 2?",
                                      "spec": "4\nfour"})
    assert r.status == 303, r
    xid = int(sql_value("SELECT id FROM lesson_exercises WHERE doc_id = %d" % did))
    # Tied to the live lesson, never a course lesson.
    assert sql("SELECT COALESCE(lesson_id, 0), live_session_id FROM lesson_docs "
               "WHERE id = %d" % did) == [["0", str(sid)]]
    assert sql_value("SELECT COUNT(*) FROM course_lessons WHERE course_id = %d"
                     % cid) == lessons_before
    admin = signed_in(base, "admin")
    r = admin.get("/admin/courses/%d" % cid)
    assert r.status == 200 and title not in r.text
    r = t.get("/platform/sessions/%d" % sid)
    assert ipath in r.text and title in r.text
    # Its learner opens it from the live lesson's page and answers it.
    learner = signed_in(base, "learner", 0)
    r = learner.get("/platform/sessions/%d" % sid)
    assert ipath in r.text and "Create Instant Lesson" not in r.text
    r = learner.get(ipath)
    assert r.status == 200 and 'id="answer-form"' in r.text, r
    r = learner.post(ipath + "/answers", [("field", "%d:0" % xid),
                                          ("text", " FOUR "),
                                          ("action", "complete")])
    assert r.status == 303, r
    assert sql("SELECT state, score, max_score, COALESCE(enrollment_id, 0) FROM "
               "lesson_attempts WHERE doc_id = %d AND learner_id = %d"
               % (did, lid)) == [["passed", "1", "1", "0"]]
    r = learner.get(ipath)
    assert 'data-state="passed"' in r.text and "Your results" in r.text
    # The teacher sees the answers; nobody else reaches the lesson.
    r = t.get(ipath + "?learner=%d" % lid)
    assert "Answers of" in r.text and "FOUR" in r.text
    other = signed_in(base, "learner", 1)
    assert other.get(ipath).status == 404
    other.get("/")
    r = other.post(ipath + "/answers", [("field", "%d:0" % xid),
                                        ("text", "4"), ("action", "complete")])
    assert r.status == 404, r
    assert signed_in(base, "teacher", 1).get(ipath).status == 404
    assert learner.post(ipath + "/exercises", {"kind": "essay",
                                               "prompt": "x"}).status in (403, 404)
    # An instant lesson of one live lesson is not reached through another.
    sid2, _, _ = lesson(learners=1, status="active",
                        start=now - datetime.timedelta(minutes=5))
    assert t.get("/platform/sessions/%d/instant/%d" % (sid2, did)).status == 404
    # Not live: no instant lesson.
    sid3, _, _ = lesson(learners=1, status="scheduled",
                        start=now + datetime.timedelta(days=3))
    r = t.get("/platform/sessions/%d" % sid3)
    assert "Create Instant Lesson" not in r.text
    r = t.post("/platform/sessions/%d/instant" % sid3, {"doc_title": "Late"})
    assert r.status == 409, r
    assert sql_value("SELECT COUNT(*) FROM lesson_docs WHERE live_session_id = %d"
                     % sid3) == "0"
