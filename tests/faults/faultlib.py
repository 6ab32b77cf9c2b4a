"""What the fault tests share: TAP lines, the stack's FastCGI workers, a
classroom session to work in, and the stack's database switch.

The scripts of tests/faults/ source stack.sh, which checks the stack's
variables and puts this directory and tests/e2e/ on PYTHONPATH."""

import os
import subprocess
import sys

from lectern import BASE, TOP, accounts, signed_in, sql, sql_quote, \
    sql_value, unique

VAR = os.environ["LECTERN_TEST_VAR"]

results = []


def plan(n):
    print("1..%d" % n)
    sys.stdout.flush()


def note(text):
    print("# " + text)
    sys.stdout.flush()


def check(desc, ok, detail=None):
    """One TAP line; detail is shown under a failure."""
    results.append(bool(ok))
    print("%s %d - %s" % ("ok" if ok else "not ok", len(results), desc))
    if not ok and detail is not None:
        for line in str(detail).splitlines()[:10]:
            print("# " + line)
    sys.stdout.flush()


def bail(reason):
    print("Bail out! " + reason)
    sys.exit(1)


def status():
    """The exit status: 0 when every check passed."""
    return 0 if results and all(results) else 1


def workers():
    """The FastCGI workers: children of a multiwatch under the stack's
    spawn-fcgi pid.  Their pids, sorted."""
    with open(os.path.join(VAR, "run", "spawn-fcgi.pid")) as f:
        root = int("".join(c for c in f.read() if c.isdigit()))
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid=,comm="],
                         capture_output=True, text=True, check=True).stdout
    parent, comm = {}, {}
    for line in out.splitlines():
        pid, ppid, name = line.split(None, 2)
        parent[int(pid)], comm[int(pid)] = int(ppid), name.strip()
    found = []
    for pid, ppid in parent.items():
        if comm.get(ppid) != "multiwatch":
            continue
        q = ppid
        while q > 1 and q != root:
            q = parent.get(q, 1)
        if q == root:
            found.append(pid)
    return sorted(found)


def user_id(email):
    return int(sql_value("SELECT id FROM users WHERE email = %s"
                         % sql_quote(email)))


def classroom(prefix):
    """A new channel with the first teacher (its admin) and every demo
    learner, and a classroom session started in it.  Returns (teacher
    client, channel id, session id)."""
    teacher = signed_in(BASE, "teacher", 0)
    name = unique(prefix)
    sql("INSERT INTO channels (name, description, created_at, updated_at) "
        "VALUES (%s, 'Fault test', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % sql_quote(name))
    cid = int(sql_value("SELECT id FROM channels WHERE name = %s"
                        % sql_quote(name)))
    members = [(user_id(accounts()["teacher"][0][0]), 1)] + \
        [(user_id(e), 0) for e, _ in accounts()["learner"]]
    for uid, adm in members:
        sql("INSERT INTO channel_members (channel_id, user_id, is_admin, "
            "added_at) VALUES (%d, %d, %d, UTC_TIMESTAMP())" % (cid, uid, adm))
    teacher.get("/platform/channels/%d/start" % cid)
    r = teacher.post("/platform/channels/%d/start" % cid, {})
    sid = int(sql_value("SELECT id FROM classroom_sessions WHERE "
                        "active_key = 'c%d'" % cid) or 0)
    if r.status != 303 or not sid:
        bail("could not start a classroom session: %r" % r)
    return teacher, cid, sid


def dev_db(action):
    """./etc/dev db start|stop for the stack under test (that of "check"
    or of "up", told by LECTERN_TEST_VAR)."""
    args = [os.path.join(TOP, "etc", "dev"), "db", action]
    var = os.path.realpath(VAR)
    if var == os.path.realpath(os.path.join(TOP, "var", "check")):
        args.append("check")
    elif var == os.path.realpath(os.path.join(TOP, "var", "bench")):
        args.append("bench")
    elif var != os.path.realpath(os.path.join(TOP, "var")):
        bail("LECTERN_TEST_VAR is not a stack of etc/dev: " + VAR)
    return subprocess.run(args, capture_output=True, text=True, timeout=90)
