"""Writes that a conflict refuses (a deadlock, or on a Galera cluster a
write set another node committed first) run again, a bounded number of
times.  A trigger stands in for the other node: while a counter in a
MEMORY table (which no rollback restores) is above zero, each write of a
lesson whose title starts with "Conflict probe" takes one from it and
fails with MariaDB's deadlock error, 1213."""

from lectern import signed_in, sql, sql_quote, sql_value, test, unique
from test_catalogue import add_lesson, new_course, post_from

# One run of the handler, then REQ_RESTARTS more (cgi/core/limits.h).
HANDLER_RUNS = 4
# One try of an autocommit statement, then CONFLICT_RETRIES more (db.c).
STATEMENT_TRIES = 4

TRIGGER_BODY = """FOR EACH ROW
IF NEW.title LIKE 'Conflict probe%' AND (SELECT n FROM conflict_probe) > 0 THEN
  UPDATE conflict_probe SET n = n - 1;
  SIGNAL SQLSTATE '40001' SET MYSQL_ERRNO = 1213,
    MESSAGE_TEXT = 'Deadlock found when trying to get lock (test)';
END IF"""


def arm(conflicts):
    """Put the triggers in place; the next `conflicts` probe writes fail."""
    disarm()
    sql("CREATE TABLE conflict_probe (n INT NOT NULL) ENGINE=MEMORY")
    sql("INSERT INTO conflict_probe VALUES (%d)" % conflicts)
    for when in ("INSERT", "UPDATE"):
        sql("DELIMITER //\nCREATE TRIGGER conflict_probe_%s BEFORE %s ON course_lessons "
            % (when.lower(), when) + TRIGGER_BODY + " //")


def disarm():
    sql("DROP TRIGGER IF EXISTS conflict_probe_insert")
    sql("DROP TRIGGER IF EXISTS conflict_probe_update")
    sql("DROP TABLE IF EXISTS conflict_probe")


def left():
    return int(sql_value("SELECT n FROM conflict_probe"))


def lessons_titled(title):
    return int(sql_value("SELECT COUNT(*) FROM course_lessons WHERE title = " + sql_quote(title)))


@test
def conflict_runs_the_transaction_again(base):
    """a transaction a conflict undid runs again whole, at most four times in all"""
    admin = signed_in(base)
    cid = new_course(admin)
    course = "/admin/courses/%d" % cid
    try:
        # Three conflicts: the fourth run of the handler adds the lesson, once.
        arm(3)
        title = "Conflict probe " + unique()
        r = post_from(admin, course, course + "/lessons",
                      {"lesson_title": title, "type": "class"})
        assert r.status == 303 and r.header("Location") == course, r
        assert left() == 0
        assert lessons_titled(title) == 1
        assert admin.get(course).has("Added the lesson " + title)

        # More conflicts than runs: a plain error, nothing added, and no
        # more than the bounded number of runs.
        arm(10)
        title = "Conflict probe " + unique()
        r = post_from(admin, course, course + "/lessons",
                      {"lesson_title": title, "type": "class"})
        assert r.status == 500, r
        assert left() == 10 - HANDLER_RUNS
        assert lessons_titled(title) == 0
    finally:
        disarm()


@test
def conflict_runs_a_single_statement_again(base):
    """a statement run alone that a conflict refused runs again, a bounded number of times"""
    admin = signed_in(base)
    cid = new_course(admin)
    lid = add_lesson(admin, cid, "Before " + unique())
    path = "/admin/courses/%d/lessons/%d" % (cid, lid)
    try:
        arm(STATEMENT_TRIES - 1)
        title = "Conflict probe " + unique()
        r = post_from(admin, path, path, {"lesson_title": title, "type": "class"})
        assert r.status == 303, r
        assert left() == 0
        assert sql_value("SELECT title FROM course_lessons WHERE id = %d" % lid) == title

        arm(10)
        r = post_from(admin, path, path, {"lesson_title": "Conflict probe " + unique(),
                                          "type": "homework"})
        assert r.status == 500, r
        # Tried alone, not the whole handler again.
        assert left() == 10 - STATEMENT_TRIES
        assert sql("SELECT title, type FROM course_lessons WHERE id = %d" % lid)[0] == [
            title, "class"]
    finally:
        disarm()
