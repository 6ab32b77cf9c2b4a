#!/usr/bin/env python3
"""A stream of writes through nginx, for "./etc/dev cluster check".

Signs in as the first demo administrator, adds a course, then runs
WRITERS clients that each add lessons to it ("w<writer>-<n>") for SECONDS
seconds, all in the same sign-in session, so that both app hosts (and so
two Galera nodes) write the same rows at once.  A write is acknowledged
when Lectern answers 303 back to the course page; its title and the time
go to OUT/acked as it arrives.  OUT/course gets the course id once the
stream starts, OUT/summary the counts at the end ("key value" lines:
requests, acked, and one "status:<code>" line per other answer, with
"status:error" for a request that got no answer at all).

    galera-writes.py URL ACCOUNTS SECONDS WRITERS OUT
"""

import collections
import os
import re
import sys
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
os.environ.setdefault("LECTERN_TEST_ACCOUNTS", "")
import lectern  # noqa: E402


def main():
    url, accounts_file, seconds, writers, out = sys.argv[1:6]
    seconds, writers = float(seconds), int(writers)
    lectern.ACCOUNTS_FILE = accounts_file
    email, password = lectern.accounts()["admin"][0]

    admin = lectern.Client(url)
    r = admin.login(email, password)
    assert r.status == 303, "sign-in failed: %r" % r
    admin.get("/admin/courses/new")
    r = admin.post("/admin/courses/new", {"title": "Cluster check " + lectern.unique(),
                                          "code": lectern.unique("K"), "description": ""})
    assert r.status == 303, "could not add the course: %r" % r
    course = r.header("Location")
    cid = int(re.fullmatch(r"/admin/courses/(\d+)", course).group(1))
    token = admin.get(course).csrf()
    assert token, "no form token on the course page"

    counts = collections.Counter()
    lock = threading.Lock()
    acked = open(os.path.join(out, "acked"), "w")
    t0 = time.monotonic()
    with open(os.path.join(out, "course"), "w") as f:
        f.write("%d\n" % cid)
    deadline = t0 + seconds

    def writer(w):
        c = lectern.Client(url)
        c.cookies = dict(admin.cookies)
        n = 0
        while time.monotonic() < deadline:
            n += 1
            title = "w%d-%d" % (w, n)
            try:
                r = c.post(course + "/lessons", {"lesson_title": title, "type": "class"},
                           csrf=token)
                key = "acked" if r.status == 303 and r.header("Location") == course \
                    else "status:%d" % r.status
            except OSError:
                key = "status:error"
                time.sleep(0.05)
            with lock:
                counts["requests"] += 1
                counts[key] += 1
                if key == "acked":
                    acked.write("%s %.2f\n" % (title, time.monotonic() - t0))
                    acked.flush()

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(1, writers + 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    acked.close()
    counts.setdefault("acked", 0)
    with open(os.path.join(out, "summary"), "w") as f:
        for k, v in sorted(counts.items()):
            f.write("%s %d\n" % (k, v))
    return 0


if __name__ == "__main__":
    sys.exit(main())
