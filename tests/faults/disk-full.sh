#!/usr/bin/env bash
# Fault test (TAP): uploads while a disk is full.
#
# A small tmpfs, filled up, is mounted (1) over the slides directory
# under data_dir, then (2) over tmp_dir, where uploads in progress are
# spooled.  A moderator uploads a PDF to a classroom session through
# FastCGI and through plain CGI: each must get a clear message in a 503
# (never a 500, nor "too large"), and leave no row in classroom_slides
# and no file (whole, partial or temporary) behind.  The room page keeps
# answering meanwhile, and once the filesystem is unmounted the same
# upload works.
#
# Mounting needs root (as ./etc/dev check runs in CI); otherwise, or
# where mounting is not allowed, the test is skipped with the reason.
# ./etc/dev check runs it against its stack, after the end-to-end and
# browser tests; stack.sh says how to run it against that of "up".
#
# Bounded: a few requests; each filesystem is unmounted at the end,
# whatever happened (lazily, should a process still hold it).
# shellcheck source=tests/faults/stack.sh disable=SC1091
. "$(dirname "$0")/stack.sh"

if [[ $(id -u) != 0 ]]; then
	echo "1..0 # SKIP not root: cannot mount a small full filesystem"
	exit 0
fi

exec python3 - <<'EOF'
import os
import subprocess
import sys
import tempfile

from bbb import conf
from faultlib import check, classroom, plan, status
from lectern import BASE, CGI_BASE, signed_in, sql_value

SIZE = "256k"
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
       b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
       b"%" + b"x" * 96 * 1024 + b"\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")
NO_ROOM = {"data": "no room left for this file",
           "tmp": "no room left to receive this file"}


def mount(path):
    """A full tmpfs of SIZE over path.  Returns an error text or None."""
    os.makedirs(path, mode=0o700, exist_ok=True)
    p = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=" + SIZE +
                        ",mode=0700", "tmpfs", path],
                       capture_output=True, text=True)
    if p.returncode != 0:
        return (p.stderr or p.stdout).strip()
    with open(os.path.join(path, "filler"), "wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
    return None


def umount(path):
    if subprocess.run(["umount", path], capture_output=True).returncode:
        subprocess.run(["umount", "-l", path], capture_output=True)


def slides(sid):
    return int(sql_value("SELECT COUNT(*) FROM classroom_slides WHERE "
                         "session_id = %d" % sid))


def upload(c, room):
    c.get(room)
    return c.post_multipart(room + "/slides", {},
                            [("file", "Full disk.pdf", PDF,
                              "application/pdf")])


def main():
    teacher, _, sid = classroom("Full disk ")
    room = "/platform/classroom/%d" % sid
    clients = [teacher]
    if CGI_BASE:
        clients.append(signed_in(CGI_BASE, "teacher", 0))
    places = [("data", "data_dir/slides",
               os.path.join(conf("data_dir"), "slides")),
              ("tmp", "tmp_dir", conf("tmp_dir"))]
    for _, _, path in places:
        err = mount(path)
        if err is not None:
            print("1..0 # SKIP cannot mount a tmpfs on %s: %s" % (path, err))
            sys.exit(0)
        umount(path)
    plan(2 * len(places) + 1)
    for what, name, path in places:
        mount(path)
        try:
            rs = [upload(c, room) for c in clients]
            left = sorted(os.listdir(path))
            page = teacher.get(room)
        finally:
            umount(path)
        check("%s full: %d uploads get a 503 that says so, the room page "
              "answers" % (name, len(rs)),
              all(r.status == 503 and NO_ROOM[what] in r.text and
                  r.header("Retry-After") for r in rs) and
              page.status == 200, (rs, page))
        check("%s full: no slide row and no file left behind" % name,
              slides(sid) == 0 and left == ["filler"], (slides(sid), left))
    r = upload(teacher, room)
    check("unmounted: the same upload works", r.status == 303 and
          slides(sid) == 1, (r, slides(sid)))


main()
sys.exit(status())
EOF
