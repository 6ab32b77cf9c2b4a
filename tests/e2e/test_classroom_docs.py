"""Documents and whiteboards of a classroom session's record: a
moderator uploads a document (PDF, text, office files, recognised by
content) or a whiteboard snapshot (PNG or JPEG, kept as a new JPEG) on
the summary; the Documents card lists them with the slides shared in
the room, the Whiteboards card shows the pictures; each opens with a
safe type, a download name and nosniff.  Empty, wrong, oversized and
hostile files, uploads without the form token or by a member, and
readers from another channel are refused with no row and no file."""

import datetime
import io
import os
import re
import struct
import zipfile
import zlib

from lectern import Client, create_user, signed_in, sql, sql_value, test, \
    unique
from test_classroom import conf_value, end, new_channel, setup, started
from test_schedule import insert_session, new_course

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n" \
    b"%%EOF\n"
TEXT = "Homework: exercises 4 to 7.\nGracias, se\u00f1ora.\n".encode()


def png(w=40, h=24):
    """A small valid PNG: a red band on white."""
    rows = b""
    for y in range(h):
        px = b"\xff\x00\x00" if 8 <= y < 16 else b"\xff\xff\xff"
        rows += b"\x00" + px * w

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + \
            struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
    return b"\x89PNG\r\n\x1a\n" + \
        chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + \
        chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def docx():
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return b.getvalue()


def odt():
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"),
                   "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    return b.getvalue()


def past_session(teacher, cid):
    sid = started(teacher, cid, name=unique("Docs "))
    assert end(teacher, sid, cid).status == 303
    return sid


def upload(client, sid, kind, data, name, title=None, csrf=None):
    page = client.get("/platform/classroom/%d/summary" % sid)
    return client.post_multipart(
        "/platform/classroom/%d/%s" % (sid, kind),
        {"title": title} if title is not None else {},
        [("file", name, data, "application/octet-stream")],
        csrf=csrf or page.csrf() or "none")


def rows(sid):
    return sql("SELECT id, kind, title, filename, content_type, "
               "stored_name, size FROM classroom_docs WHERE session_id = %d "
               "ORDER BY id" % sid)


def files(kind):
    d = os.path.join(conf_value("data_dir"), kind)
    return sorted(os.listdir(d)) if os.path.isdir(d) else []


@test
def docs_upload_list_open(base):
    """documents of each kind and a whiteboard are stored, listed with
    title, time and uploader, and open with exact headers"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    learner = signed_in(base, "learner", 0)
    sid = past_session(teacher, cid)
    r = learner.get("/platform/classroom/%d/summary" % sid)
    assert "No documents." in r.text and "No whiteboards." in r.text
    assert 'id="document-form"' not in r.text and \
        'id="whiteboard-form"' not in r.text
    r = teacher.get("/platform/classroom/%d/summary" % sid)
    assert 'id="document-form"' in r.text and 'id="whiteboard-form"' in \
        r.text

    cases = [
        (PDF, "Week 1 handout.pdf", "", "application/pdf",
         "Week 1 handout.pdf", "PDF"),
        (TEXT, "notes.txt", "Lesson notes", "text/plain; charset=utf-8",
         "notes.txt", "Text"),
        (docx(), "plan.docx", "", "application/vnd.openxmlformats-"
         "officedocument.wordprocessingml.document", "plan.docx", "Word"),
        (odt(), "essay", "", "application/vnd.oasis.opendocument.text",
         "essay.odt", "OpenDocument text"),
        # Markup is only ever text here, and named so.
        (b"<html><script>alert(1)</script></html>", "page.html", "",
         "text/plain; charset=utf-8", "page.html.txt", "Text"),
    ]
    ids = []
    for data, fname, title, ctype, dname, label in cases:
        before = files("documents")
        r = upload(teacher, sid, "documents", data, fname, title)
        assert r.status == 303, (fname, r)
        assert r.header("Location") == \
            "/platform/classroom/%d/summary#documents" % sid
        row = rows(sid)[-1]
        did, kind, rtitle, rfile, rctype, stored, size = row
        assert kind == "document" and rctype == ctype, row
        assert rtitle == (title or fname) and rfile == dname, row
        assert re.fullmatch(r"[0-9a-f]{32}", stored) and \
            int(size) == len(data)
        assert files("documents") == sorted(before + [stored])
        path = os.path.join(conf_value("data_dir"), "documents", stored)
        with open(path, "rb") as f:
            assert f.read() == data
        ids.append(int(did))
        # Any member opens it: a download of its own type.
        r = learner.get("/platform/classroom/%d/documents/%s" % (sid, did))
        assert r.status == 200, r
        assert r.raw == data
        assert r.header("Content-Type") == ctype, r.header("Content-Type")
        assert r.header("Content-Disposition") == \
            'attachment; filename="%s"' % dname.replace(" ", " ")
        assert r.header("X-Content-Type-Options") == "nosniff"
    assert sql_value("SELECT COUNT(*) FROM classroom_events WHERE "
                     "session_id = %d AND kind = 'document'" % sid) == "5"

    r = upload(teacher, sid, "whiteboards", png(), "board.png",
               "Verbs board")
    assert r.status == 303, r
    assert r.header("Location") == \
        "/platform/classroom/%d/summary#whiteboards" % sid
    wid, kind, title, fname, ctype, stored, size = rows(sid)[-1]
    assert (kind, title, fname, ctype) == \
        ("whiteboard", "Verbs board", "board.jpg", "image/jpeg")
    assert stored in files("whiteboards")
    r = learner.get("/platform/classroom/%d/whiteboards/%s" % (sid, wid))
    assert r.status == 200 and "Whiteboard: Verbs board" in r.text, r
    assert '<img src="/platform/classroom/%d/whiteboards/%s/image" ' \
        'alt="Whiteboard: Verbs board">' % (sid, wid) in r.text
    r = learner.get("/platform/classroom/%d/whiteboards/%s/image"
                    % (sid, wid))
    assert r.status == 200 and r.raw[:3] == b"\xff\xd8\xff", r
    assert r.raw != png() and len(r.raw) == int(size)
    assert r.header("Content-Type") == "image/jpeg"
    assert r.header("Content-Disposition") == "inline"
    assert r.header("X-Content-Type-Options") == "nosniff"
    assert "sandbox" in r.header("Content-Security-Policy")

    # The summary lists them all, with who added them.
    r = learner.get("/platform/classroom/%d/summary" % sid)
    tess_name = sql_value("SELECT name FROM users WHERE id = %d" % tess)
    for did in ids:
        card = re.search(r'<li class="doc-card" id="document-%d">(.*?)</li>'
                         % did, r.text, re.S)
        assert card, r.text
        assert 'href="/platform/classroom/%d/documents/%d"' % (sid, did) \
            in card.group(1)
        assert "Added " in card.group(1) and tess_name in card.group(1)
    assert "Lesson notes" in r.text and "Week 1 handout.pdf" in r.text
    assert "&lt;html&gt;" not in r.text
    assert '<a href="/platform/classroom/%d/whiteboards/%s" class="' \
        'whiteboard-open"><img src="/platform/classroom/%d/whiteboards/%s/' \
        'image"' % (sid, wid, sid, wid) in r.text and "Verbs board" in r.text
    assert "No documents." not in r.text and "No whiteboards." not in r.text
    assert "Added a document" in r.text and "Added a whiteboard" in r.text
    # A file of another session is not under this one's path.
    other = past_session(teacher, cid)
    assert learner.get("/platform/classroom/%d/documents/%d"
                       % (other, ids[0])).status == 404
    assert learner.get("/platform/classroom/%d/whiteboards/%d"
                       % (sid, ids[0])).status == 404
    assert learner.get("/platform/classroom/%d/documents/%s"
                       % (sid, wid)).status == 404
    assert learner.get("/platform/classroom/%d/whiteboards/%s/image"
                       % (other, wid)).status == 404


@test
def docs_slides_listed_and_empty_state(base):
    """a session with nothing shows the empty state; slides shared in
    the room are listed as documents; a document alone ends the empty
    state"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    sid = past_session(teacher, cid)
    r = teacher.get("/platform/classroom/%d/summary" % sid)
    assert 'id="nothing-produced"' in r.text
    assert "documents or whiteboards" in r.text
    assert upload(teacher, sid, "whiteboards", png(), "b.png").status == 303
    r = teacher.get("/platform/classroom/%d/summary" % sid)
    assert 'id="nothing-produced"' not in r.text

    # Slides shared in the room while it ran.
    other = started(teacher, cid, name=unique("Deck "))
    room = teacher.get("/platform/classroom/%d" % other)
    r = teacher.post_multipart("/platform/classroom/%d/slides" % other, {},
                               [("file", "Deck.pdf", PDF,
                                 "application/pdf")], csrf=room.csrf())
    assert r.status == 303, r
    assert end(teacher, other, cid).status == 303
    slide = sql_value("SELECT id FROM classroom_slides WHERE session_id = "
                      "%d" % other)
    r = teacher.get("/platform/classroom/%d/summary" % other)
    m = re.search(r'<li class="doc-card slide-doc"><a href="([^"]*)"'
                  r' class="doc-open">Deck.pdf</a>', r.text)
    assert m and m.group(1) == "/platform/classroom/%d/slides/%s" % (
        other, slide), r.text
    r = teacher.get(m.group(1))
    assert r.status == 200 and r.raw == PDF, r
    r = teacher.get("/platform/classroom/%d/summary" % other)
    assert "No documents." not in r.text
    q = int(r.header("X-Lectern-Queries"))
    for i in range(3):
        assert upload(teacher, other, "documents", TEXT,
                      "n%d.txt" % i).status == 303
    r = teacher.get("/platform/classroom/%d/summary" % other)
    assert int(r.header("X-Lectern-Queries")) == q


@test
def docs_refused_nothing_stored(base):
    """empty, wrong, damaged, oversized and hostile files, a post
    without the form token, a member's upload and an outsider are all
    refused, and no row nor file is left"""
    admin = signed_in(base, "admin")
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    learner = signed_in(base, "learner", 0)
    sid = past_session(teacher, cid)
    docs0, boards0 = files("documents"), files("whiteboards")
    limit = int(conf_value("upload_limit"))
    cases = [
        ("documents", b"", "a.pdf", 422, "Choose a document"),
        ("documents", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "tool.exe",
         422, "not a document Lectern takes"),
        ("documents", b"PK\x03\x04" + b"\x00" * 40, "x.docx", 422,
         "not a document Lectern takes"),
        ("documents", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40,
         "x.exe", 422, "not a document Lectern takes"),
        ("documents", b"caf\xe9 latin-1\n", "l1.txt", 422,
         "not a document Lectern takes"),
        ("documents", b"x" * (limit + 1), "big.txt", 413, ""),
        ("whiteboards", b"", "b.png", 422, "Choose a PNG or JPEG"),
        ("whiteboards", PDF, "b.png", 422, "not a PNG or JPEG picture"),
        ("whiteboards", png()[:60], "b.png", 422, "damaged or incomplete"),
        ("whiteboards", b"\xff\xd8\xff\xe0" + b"\x00" * 30, "b.jpg", 422,
         "damaged or incomplete"),
    ]
    for kind, data, fname, status, why in cases:
        r = upload(teacher, sid, kind, data, fname)
        assert r.status == status, (fname, r)
        assert why in r.text, (why, r.text)
    # A hostile name is only shown, escaped, and never a path.
    r = upload(teacher, sid, "documents", TEXT, "../../etc/passwd.txt")
    assert r.status == 303, r
    assert rows(sid)[0][2] == "passwd.txt", rows(sid)
    stored = rows(sid)[0][5]
    assert stored in files("documents")
    sql("DELETE FROM classroom_docs WHERE session_id = %d" % sid)
    os.unlink(os.path.join(conf_value("data_dir"), "documents", stored))
    r = upload(teacher, sid, "documents", TEXT,
               '<b onmouseover=alert(1)>\thi.txt')
    assert r.status == 303, r
    did, kind, title, fname, ctype, stored, size = rows(sid)[0]
    assert title == '<b onmouseover=alert(1)>_hi.txt', title
    r = teacher.get("/platform/classroom/%d/summary" % sid)
    assert "<b onmouseover" not in r.text and \
        "&lt;b onmouseover=alert(1)&gt;_hi.txt" in r.text
    r = teacher.get("/platform/classroom/%d/documents/%s" % (sid, did))
    assert r.header("Content-Disposition") == \
        'attachment; filename="_b onmouseover_alert_1___hi.txt"', \
        r.header("Content-Disposition")
    sql("DELETE FROM classroom_docs WHERE id = %s" % did)
    os.unlink(os.path.join(conf_value("data_dir"), "documents", stored))
    # Without the form token; by a member; by another channel's learner.
    r = upload(teacher, sid, "documents", PDF, "a.pdf", csrf="bad")
    assert r.status == 403, r
    r = upload(teacher, sid, "whiteboards", png(), "a.png", csrf="bad")
    assert r.status == 403, r
    r = upload(learner, sid, "documents", PDF, "a.pdf")
    assert r.status == 403 and "Only the classroom&#39;s moderators can " \
        "add documents." in r.text, r
    r = upload(learner, sid, "whiteboards", png(), "a.png")
    assert r.status == 403, r
    out_id, out_email, out_pw = create_user(admin, "learner")
    new_channel([out_id])
    outsider = Client(base)
    assert outsider.login(out_email, out_pw).status == 303
    r = upload(outsider, sid, "documents", PDF, "a.pdf")
    assert r.status == 404, r
    assert rows(sid) == []
    assert files("documents") == docs0 and files("whiteboards") == boards0

    # Stored ones stay out of an outsider's reach, and the admins' in it.
    assert upload(teacher, sid, "documents", PDF, "a.pdf").status == 303
    assert upload(teacher, sid, "whiteboards", png(), "a.png").status == 303
    (did, *_), (wid, *_) = rows(sid)
    for path in ["/platform/classroom/%d/documents/%s" % (sid, did),
                 "/platform/classroom/%d/whiteboards/%s" % (sid, wid),
                 "/platform/classroom/%d/whiteboards/%s/image" % (sid, wid),
                 "/platform/classroom/%d/summary" % sid]:
        r = outsider.get(path)
        assert r.status == 404, (path, r)
        assert b"%PDF" not in r.raw and b"\xff\xd8\xff" not in r.raw[:3]
        assert admin.get(path).status == 200, path
    # A site administrator may add them too; a channel admin while live.
    assert upload(admin, sid, "documents", TEXT, "x.txt").status == 303
    live = started(teacher, cid, name=unique("Live "))
    assert upload(teacher, live, "documents", TEXT, "y.txt").status == 303
    end(teacher, live, cid)


@test
def docs_lesson_record_linked(base):
    """a live lesson's page links to its classroom session's record,
    where its teacher adds a document as in a channel; its learner opens
    it, a learner of another lesson does not"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    learner = signed_in(base, "learner", 0)
    other = signed_in(base, "learner", 1)
    course, lessons = new_course()
    live = insert_session(tess, course, datetime.datetime.utcnow() -
                          datetime.timedelta(hours=2), learners=[lena])
    sql("INSERT INTO classroom_sessions (live_session_id, provider, "
        "meeting_id, name, status, started_by, started_at, ended_by, "
        "ended_at, end_reason, created_at, updated_at) VALUES (%d, 'bbb', "
        "'%s', 'Lesson room', 'ended', %d, UTC_TIMESTAMP() - INTERVAL 2 "
        "HOUR, %d, UTC_TIMESTAMP() - INTERVAL 1 HOUR, 'lesson completed', "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (live, unique("m").replace(" ", "")[:32].ljust(32, "0"), tess,
           tess))
    sid = int(sql_value("SELECT id FROM classroom_sessions WHERE "
                        "live_session_id = %d" % live))
    r = teacher.get("/platform/sessions/%d" % live)
    assert r.status == 200, r
    assert 'href="/platform/classroom/%d/summary"' % sid in r.text
    r = teacher.get("/platform/classroom/%d/summary" % sid)
    assert 'id="documents"' in r.text and 'id="document-form"' in r.text
    assert upload(teacher, sid, "documents", PDF, "lesson.pdf").status == \
        303
    did = rows(sid)[0][0]
    path = "/platform/classroom/%d/documents/%s" % (sid, did)
    r = learner.get(path)
    assert r.status == 200 and r.raw == PDF, r
    assert upload(learner, sid, "documents", PDF, "x.pdf").status == 403
    assert other.get(path).status == 404
    assert len(rows(sid)) == 1
