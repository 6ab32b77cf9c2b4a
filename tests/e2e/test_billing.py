"""Tokens: the administrators' grants and deductions (bad input changes
nothing), the ledger that always adds up to the balance, group live
lessons that charge each learner present exactly once, a learner's
Billing page that shows only their own account, and pages that run the
same number of statements whatever the size of the ledger."""

import datetime
import re
import subprocess

from lectern import Client, accounts, create_user, signed_in, sql, \
    sql_quote, sql_value, test, unique


def user_id(role, index):
    email = accounts()[role][index][0]
    return int(sql_value("SELECT id FROM users WHERE email = %s"
                         % sql_quote(email)))


def balance(uid):
    v = sql_value("SELECT balance FROM token_accounts WHERE user_id = %d"
                  % uid)
    return None if v is None else int(v)


def ledger(uid):
    """The learner's ledger rows, oldest first: [amount, after, reason,
    session]."""
    return sql("SELECT g.amount, g.balance_after, g.reason, "
               "COALESCE(g.session_id, 0) FROM token_ledger g JOIN "
               "token_accounts a ON a.id = g.account_id WHERE a.user_id = %d "
               "ORDER BY g.id" % uid)


def consistent():
    """Every balance is the sum of its ledger and its last balance after."""
    assert sql_value(
        "SELECT COUNT(*) FROM token_accounts a WHERE a.balance <> "
        "(SELECT COALESCE(SUM(g.amount), 0) FROM token_ledger g WHERE "
        "g.account_id = a.id) OR a.balance <> COALESCE((SELECT "
        "g.balance_after FROM token_ledger g WHERE g.account_id = a.id "
        "ORDER BY g.id DESC LIMIT 1), 0)") == "0"


def change(admin, uid, direction, amount, note):
    path = "/admin/billing/learners/%d" % uid
    admin.get(path)
    return admin.post(path, {"direction": direction, "amount": amount,
                             "note": note})


def learner(admin):
    uid, email, pw = create_user(admin, "learner")
    sql("UPDATE users SET timezone = 'UTC' WHERE id = %d" % uid)
    return uid, email, pw


def as_user(base, email, pw):
    c = Client(base)
    assert c.login(email, pw).status == 303
    return c


@test
def billing_change_bad_input(base):
    admin = signed_in(base, "admin")
    uid, _, _ = learner(admin)
    assert change(admin, uid, "grant", "40", "Start").status == 303
    assert balance(uid) == 40
    for direction, amount, note in [
            ("grant", "0", "Zero"), ("grant", "-5", "Negative"),
            ("deduct", "-5", "Negative"), ("grant", "abc", "Text"),
            ("grant", "1.5", "Fraction"), ("grant", "", "Missing"),
            ("grant", "99999999999999999999", "Huge"),
            ("grant", "1000001", "Over the limit"), ("grant", "5", ""),
            ("grant", "5", "x" * 201), ("steal", "5", "Bad direction"),
            ("deduct", "41", "More than the balance"),
            ("deduct", "1000000", "Far more than the balance")]:
        r = change(admin, uid, direction, amount, note)
        assert r.status == 422, (direction, amount, note, r)
        assert r.has('class="error field"'), r
        assert balance(uid) == 40
        assert len(ledger(uid)) == 1
    r = change(admin, uid, "deduct", "41", "Too much")
    assert r.has("The balance is 40 tokens"), r
    # The balance's ceiling: a grant that would pass it changes nothing.
    sql("UPDATE token_accounts SET balance = 999999990 WHERE user_id = %d"
        % uid)
    r = change(admin, uid, "grant", "11", "Over the ceiling")
    assert r.status == 422 and r.has("cannot exceed"), r
    assert balance(uid) == 999999990
    sql("UPDATE token_accounts SET balance = 40 WHERE user_id = %d" % uid)
    # The database itself refuses a balance below zero.
    try:
        sql("UPDATE token_accounts SET balance = -1 WHERE user_id = %d" % uid)
        assert False, "a negative balance was stored"
    except subprocess.CalledProcessError:
        pass
    assert balance(uid) == 40
    # Without the form's token nothing changes either.
    r = admin.post("/admin/billing/learners/%d" % uid,
                   {"direction": "grant", "amount": "5", "note": "x"},
                   csrf="0" * 64)
    assert r.status in (400, 403), r
    assert balance(uid) == 40
    assert change(admin, uid, "deduct", "15", "Correction").status == 303
    assert balance(uid) == 25
    assert ledger(uid) == [["40", "40", "grant", "0"],
                           ["-15", "25", "deduct", "0"]]
    page = admin.get("/admin/billing/learners/%d" % uid)
    assert page.status == 200 and page.has("Correction") and \
        page.has("\u221215")
    # A user who is no learner has no account page.
    assert admin.get("/admin/billing/learners/%d"
                     % user_id("teacher", 0)).status == 404
    consistent()


@test
def billing_school_account(base):
    admin = signed_in(base, "admin")
    before = int(sql_value("SELECT balance FROM token_accounts WHERE "
                           "kind = 'school'"))
    admin.get("/admin/billing/school")
    note = unique("School grant ")
    r = admin.post("/admin/billing/school", {"direction": "grant",
                                             "amount": "7", "note": note})
    assert r.status == 303, r
    assert int(sql_value("SELECT balance FROM token_accounts WHERE "
                         "kind = 'school'")) == before + 7
    page = admin.get("/admin/billing/school")
    assert page.has(note)
    r = admin.post("/admin/billing/school", {"direction": "deduct",
                                             "amount": str(before + 8),
                                             "note": "Too much"})
    assert r.status == 422
    assert int(sql_value("SELECT balance FROM token_accounts WHERE "
                         "kind = 'school'")) == before + 7
    consistent()


def group_lesson(teacher_id, learners, cost):
    """A group lesson that ended an hour ago, with its participants."""
    title = unique("Course ")
    sql("INSERT INTO courses (title, code, created_at, updated_at) VALUES "
        "(%s, %s, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (sql_quote(title), sql_quote(unique("B"))))
    cid = int(sql_value("SELECT id FROM courses WHERE title = %s"
                        % sql_quote(title)))
    start = datetime.datetime.utcnow() - datetime.timedelta(hours=2)
    end = start + datetime.timedelta(minutes=45)
    sql("INSERT INTO live_sessions (course_id, teacher_id, meeting_type, "
        "title, starts_at, ends_at, duration_min, token_cost, status, "
        "created_at, updated_at) VALUES (%d, %d, 'group', %s, '%s', '%s', "
        "45, %d, 'ended', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (cid, teacher_id, sql_quote(unique("Group lesson ")),
           start.strftime("%Y-%m-%d %H:%M:%S"),
           end.strftime("%Y-%m-%d %H:%M:%S"), cost))
    sid = int(sql_value("SELECT MAX(id) FROM live_sessions"))
    for lid in learners:
        sql("INSERT INTO live_participants (session_id, learner_id) VALUES "
            "(%d, %d)" % (sid, lid))
    return cid, sid


@test
def billing_group_lesson_charges_once(base):
    admin = signed_in(base, "admin")
    teacher = signed_in(base, "teacher", 0)
    t = user_id("teacher", 0)
    (a, ae, ap), (b, _, _), (c, _, _), (d, _, _) = \
        [learner(admin) for _ in range(4)]
    assert change(admin, a, "grant", "100", "For lessons").status == 303
    assert change(admin, b, "grant", "100", "For lessons").status == 303
    assert change(admin, c, "grant", "5", "A little").status == 303
    _, sid = group_lesson(t, [a, b, c, d], 30)
    p = "/platform/sessions/%d" % sid
    page = teacher.get(p)
    assert page.has("30 tokens"), page
    assert re.search(r'id="participant-%d".*balance 100 tokens' % a,
                     page.text), page
    att = {"att_%d" % a: "present", "att_%d" % b: "absent",
           "att_%d" % c: "late", "att_%d" % d: "", "session_notes": "Ok"}
    assert teacher.post(p + "/attendance", att).status == 303
    assert balance(a) == 70 and balance(b) == 100 and balance(c) == 5
    assert ledger(a)[-1] == ["-30", "70", "group_lesson", str(sid)]
    assert ledger(b) == [["100", "100", "grant", "0"]]
    # Too few tokens: not charged, and the ledger says so.
    assert ledger(c)[-1] == ["0", "5", "unpaid", str(sid)]
    assert balance(d) is None
    # Saving again (twice) charges nobody twice.
    for _ in range(2):
        teacher.get(p)
        assert teacher.post(p + "/attendance", att).status == 303
    assert balance(a) == 70 and len(ledger(a)) == 2
    assert len(ledger(c)) == 2 and balance(b) == 100
    # A learner marked present later is charged then, once.
    att["att_%d" % b] = "present"
    teacher.get(p)
    assert teacher.post(p + "/attendance", att).status == 303
    assert balance(b) == 70 and len(ledger(b)) == 2
    assert int(sql_value("SELECT COUNT(*) FROM token_ledger WHERE "
                         "session_id = %d" % sid)) == 3
    page = teacher.get(p)
    assert re.search(r'id="participant-%d".*charged' % a, page.text)
    assert re.search(r'id="participant-%d".*not charged' % c, page.text)
    # The learner's Billing page links the lesson.
    mine = as_user(base, ae, ap).get("/billing")
    assert mine.status == 200
    assert mine.has('href="/platform/sessions/%d"' % sid), mine
    assert mine.has("Group session") and mine.has("70")
    consistent()


@test
def billing_lesson_cost_on_form(base):
    admin = signed_in(base, "admin")
    teacher = signed_in(base, "teacher", 0)
    t = user_id("teacher", 0)
    uid, _, _ = learner(admin)
    cid, _ = group_lesson(t, [], 0)
    sql("INSERT INTO enrollments (learner_id, course_id, teacher_id, "
        "default_length, created_at, updated_at) VALUES (%d, %d, %d, 45, "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (uid, cid, t))
    day = (datetime.date.today() + datetime.timedelta(
        days=4000 + uid % 1000)).isoformat()
    fields = {"course": str(cid), "lesson": "", "date": day, "time": "07:15",
              "duration": "45", "meeting_type": "group", "enrollment": "",
              "learner": str(uid), "group": "", "title": "", "notes": ""}
    before = sql_value("SELECT COUNT(*) FROM live_sessions")
    for bad in ("-1", "10001", "abc"):
        teacher.get("/platform/sessions/new")
        r = teacher.post("/platform/sessions/new", dict(fields, cost=bad))
        assert r.status == 422 and r.has('id="cost-error"'), (bad, r)
    teacher.get("/platform/sessions/new")
    r = teacher.post("/platform/sessions/new", dict(
        fields, cost="5", meeting_type="individual",
        enrollment=sql_value("SELECT id FROM enrollments WHERE learner_id "
                             "= %d" % uid)))
    assert r.status == 422 and r.has("Only group sessions have a cost")
    assert sql_value("SELECT COUNT(*) FROM live_sessions") == before
    teacher.get("/platform/sessions/new")
    r = teacher.post("/platform/sessions/new", dict(fields, cost="12"))
    assert r.status == 303, r
    sid = int(r.header("Location").rsplit("/", 1)[1])
    assert sql_value("SELECT token_cost FROM live_sessions WHERE id = %d"
                     % sid) == "12"
    assert teacher.get("/platform/sessions/%d/edit" % sid).has('value="12"')


@test
def billing_only_own(base):
    admin = signed_in(base, "admin")
    (a, ae, ap), (b, be, bp) = learner(admin), learner(admin)
    na, nb = unique("Note A "), unique("Note B ")
    assert change(admin, a, "grant", "11", na).status == 303
    assert change(admin, b, "grant", "22", nb).status == 303
    ca, cb = as_user(base, ae, ap), as_user(base, be, bp)
    pa, pb = ca.get("/billing"), cb.get("/billing")
    assert pa.has(na) and not pa.has(nb) and pa.has(">11<")
    assert pb.has(nb) and not pb.has(na)
    # Home leads there.
    assert ca.get("/").has('href="/billing"')
    for path in ("/admin/billing", "/admin/billing/school",
                 "/admin/billing/learners/%d" % b):
        assert ca.get(path).status == 403, path
    ca.get("/billing")
    r = ca.post("/admin/billing/learners/%d" % a,
                {"direction": "grant", "amount": "5", "note": "Me"})
    assert r.status == 403
    assert balance(a) == 11
    teacher = signed_in(base, "teacher", 0)
    assert teacher.get("/billing").status == 403
    assert teacher.get("/admin/billing/learners/%d" % a).status == 403


@test
def billing_constant_queries(base):
    admin = signed_in(base, "admin")
    (small, se, sp), (big, be, bp) = learner(admin), learner(admin)
    assert change(admin, small, "grant", "3", "One").status == 303
    assert change(admin, big, "grant", "3", "One").status == 303
    acc = sql_value("SELECT id FROM token_accounts WHERE user_id = %d" % big)
    sql("INSERT INTO token_ledger (account_id, amount, balance_after, "
        "reason, note, created_at) SELECT %s, 0, 3, 'grant', "
        "CONCAT('Bulk ', seq), UTC_TIMESTAMP() FROM seq_1_to_300" % acc)

    def q(c, path):
        r = c.get(path)
        assert r.status == 200, (path, r)
        return r.header("X-Lectern-Queries"), r

    cs, cb = as_user(base, se, sp), as_user(base, be, bp)
    qs, _ = q(cs, "/billing")
    qb, r = q(cb, "/billing")
    assert qs is not None and qs == qb
    assert len(re.findall(r'<tr id="entry-', r.text)) == 25
    nxt = re.search(r'href="(/billing\?after_id=\d+)"', r.text).group(1)
    qn, r2 = q(cb, nxt.replace("&amp;", "&"))
    assert qn == qb and len(re.findall(r'<tr id="entry-', r2.text)) == 25
    assert not set(re.findall(r'id="entry-(\d+)"', r.text)) & \
        set(re.findall(r'id="entry-(\d+)"', r2.text))
    qs, _ = q(admin, "/admin/billing/learners/%d" % small)
    qb, _ = q(admin, "/admin/billing/learners/%d" % big)
    assert qs == qb
    q1, r = q(admin, "/admin/billing")
    m = re.search(r'rel="next" href="([^"]+)"', r.text)
    if m:
        q2, _ = q(admin, m.group(1).replace("&amp;", "&"))
        assert q1 == q2
