"""Users' pictures: upload on the account page, checked by content and
re-encoded; served only as a small JPEG with strict headers; refused
files change nothing; removing returns to initials; pictures beside
names where Lectern shows faces."""

import hashlib
import html
import re
import struct
import zlib

from lectern import Client, create_user, signed_in, sql, sql_value, test
from test_classroom import channel_page, face_names, new_channel, \
    past_sessions


def png_chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data +
            struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))


def make_png(w, h, declared=None):
    """A w x h RGB PNG (stripes); declared=(W, H) writes another size in
    its header than the pixels it holds."""
    rows = b"".join(b"\x00" + b"".join(bytes((x * 7 % 256, y * 5 % 256, 128))
                                       for x in range(w)) for y in range(h))
    dw, dh = declared or (w, h)
    return (b"\x89PNG\r\n\x1a\n" +
            png_chunk(b"IHDR", struct.pack(">IIBBBBB", dw, dh, 8, 2, 0, 0, 0)) +
            png_chunk(b"IDAT", zlib.compress(rows)) + png_chunk(b"IEND", b""))


def jpeg_size(data):
    """(width, height) from a JPEG's SOF marker."""
    i = 2
    while i + 4 <= len(data):
        assert data[i] == 0xFF, "not a marker at %d" % i
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            h, w = struct.unpack(">HH", data[i + 5:i + 9])
            return w, h
        i += 2 + length
    raise AssertionError("no SOF marker")


def new_person(base):
    admin = signed_in(base)
    uid, email, pw = create_user(admin)
    c = Client(base)
    assert c.login(email, pw).status == 303
    return uid, c


def upload(c, data, name="me.png", ctype="image/png", csrf=True):
    c.get("/account")
    return c.post_multipart("/account/avatar", {},
                            [("picture", name, data, ctype)], csrf=csrf)


def stored(uid):
    """The stored picture's SHA-256, or None."""
    return sql_value("SELECT sha256 FROM user_avatars WHERE user_id = %d"
                     % uid)


def picture_url(page, uid):
    m = re.search(r'src="(/avatars/%d\?v=[0-9a-f]{16})"' % uid, page)
    return m.group(1).replace("&amp;", "&") if m else None


def set_picture(base, c, uid):
    r = upload(c, make_png(40, 30))
    assert r.status == 303, r
    return stored(uid)


@test
def avatar_png_and_jpeg(base):
    """a PNG and a JPEG are taken, re-encoded to a 128-pixel JPEG square
    and served with its exact type, nosniff, a policy that allows
    nothing, inline, and an ETag that answers 304"""
    uid, c = new_person(base)
    page = c.get("/account")
    assert "You have no picture." in page.text and \
        'enctype="multipart/form-data"' in page.text
    png = make_png(300, 200)
    r = upload(c, png, name="holiday.png")
    assert r.status == 303 and r.header("Location") == "/account#picture", r
    page = c.get("/account")
    assert "Your picture was saved." in page.text
    url = picture_url(page.text, uid)
    assert url and 'alt="Your picture"' in page.text
    assert "Remove picture" in page.text
    sha = stored(uid)
    assert sha and url.endswith("v=" + sha[:16])

    r = c.get(url)
    assert r.status == 200, r
    assert r.header("Content-Type") == "image/jpeg"
    assert r.header("X-Content-Type-Options") == "nosniff"
    csp = r.header("Content-Security-Policy")
    assert "default-src 'none'" in csp and "sandbox" in csp, csp
    assert r.header("Content-Disposition") == "inline"
    assert r.header("ETag") == '"%s"' % sha
    assert "private" in r.header("Cache-Control")
    assert r.raw[:3] == b"\xff\xd8\xff" and r.raw != png
    assert hashlib.sha256(r.raw).hexdigest() == sha
    assert jpeg_size(r.raw) == (128, 128)
    served = r.raw

    r = c.get(url, headers={"If-None-Match": '"%s"' % sha})
    assert r.status == 304 and r.raw == b"", r
    r = c.get(url, headers={"If-None-Match": '"0123"'})
    assert r.status == 200 and r.raw == served

    # Anyone signed in sees it; nobody else; no picture is a 404.
    other = signed_in(base, "learner", 0)
    assert other.get(url).status == 200
    r = Client(base).get(url)
    assert r.status == 303 and r.header("Location").startswith("/login")
    assert other.get("/avatars/999999999").status == 404

    # A JPEG (the one Lectern made, as a camera's file would be) is
    # taken too, and made again: never stored as sent.
    jpeg = served + b"trailing bytes that are not kept"
    r = upload(c, jpeg, name="photo.jpg", ctype="image/jpeg")
    assert r.status == 303, r
    r = c.get(picture_url(c.get("/account").text, uid))
    assert r.status == 200 and r.header("Content-Type") == "image/jpeg"
    assert jpeg_size(r.raw) == (128, 128) and b"trailing" not in r.raw
    assert hashlib.sha256(r.raw).hexdigest() == stored(uid)


@test
def avatar_refused(base):
    """an HTML file named .png, a truncated PNG, a 20000 x 20000 PNG
    header, a file over the size limit, no file and a missing form token
    are each refused with a clear message and change nothing"""
    uid, c = new_person(base)
    before = set_picture(base, c, uid)
    assert before
    good = make_png(64, 64)
    cases = [
        (b"<!DOCTYPE html><html><script>alert(1)</script></html>",
         "page.png", "image/png", 422,
         "This file is not a PNG or JPEG picture."),
        (good[:len(good) // 2], "cut.png", "image/png", 422,
         "This picture is damaged or incomplete"),
        (make_png(8, 8, declared=(20000, 20000)), "bomb.png", "image/png",
         422, "The picture is 20000 × 20000 pixels"),
        (good + b"\0" * (5 * 1024 * 1024), "huge.png", "image/png", 413,
         "The picture is larger than 5 MB."),
    ]
    for data, name, ctype, status, message in cases:
        r = upload(c, data, name=name, ctype=ctype)
        assert r.status == status and message in r.text, (name, r)
        assert 'id="picture-error"' in r.text, name
        assert stored(uid) == before, name
    c.get("/account")
    r = c.post_multipart("/account/avatar", {}, [])
    assert r.status == 422 and "Choose a PNG or JPEG picture" in r.text, r
    r = upload(c, good, csrf=False)
    assert r.status == 403 and "This form has expired" in r.text, r
    r = upload(c, good, csrf="0" * 32)
    assert r.status == 403, r
    assert stored(uid) == before
    assert sql_value("SELECT COUNT(*) FROM user_avatars WHERE user_id = %d"
                     % uid) == "1"


@test
def avatar_remove(base):
    """Remove picture returns to initials; the old address is gone"""
    uid, c = new_person(base)
    set_picture(base, c, uid)
    url = picture_url(c.get("/account").text, uid)
    assert c.get(url).status == 200
    page = c.get("/account")
    r = c.post("/account/avatar/remove", {}, csrf=page.csrf())
    assert r.status == 303, r
    page = c.get("/account")
    assert "Your picture was removed" in page.text
    assert "You have no picture." in page.text and "Remove picture" not in page.text
    assert stored(uid) is None
    assert c.get(url).status == 404
    r = c.post("/account/avatar/remove", {}, csrf=False)
    assert r.status == 403


@test
def avatar_on_faces(base):
    """the picture replaces the initials on past session cards, in the
    summary's participants and in the room's participant list (which
    moderators see: the user is the channel's admin here)"""
    uid, c = new_person(base)
    set_picture(base, c, uid)
    name = sql_value("SELECT name FROM users WHERE id = %d" % uid)
    lena = int(sql_value("SELECT id FROM users WHERE email = "
                         "'lena.learner@lectern.test'") or 0)
    people = [uid] + ([lena] if lena else [])
    cid, _ = new_channel(people[1:], [uid])
    past_sessions(cid, 1, people)
    sid = int(sql_value("SELECT id FROM classroom_sessions WHERE "
                        "channel_id = %d" % cid))
    url = picture_url(c.get("/account").text, uid)
    r = channel_page(c, cid)
    card = re.search(r'id="past-%d">(.*?)</li>' % sid, r.text, re.S).group(1)
    assert '<img class="avatar" src="%s" alt="%s"' % (
        url.replace("&", "&amp;"), name) in card, card
    if lena:
        assert "Lena Learner" in face_names(card), card
    r = c.get("/platform/classroom/%d/summary" % sid)
    assert r.status == 200
    row = re.search(r'id="person-%d">(.*?)</tr>' % uid, r.text, re.S).group(1)
    assert '<img class="avatar" src="%s" alt=""' % url in row, row
    r = c.get("/platform/classroom/%d" % sid)
    assert r.status == 200
    row = re.search(r'id="person-%d"[^>]*>(.*?)</tr>' % uid, r.text,
                    re.S).group(1)
    assert '<img class="avatar" src="%s" alt=""' % url in row, row
    assert c.get(url).status == 200
    sql("DELETE FROM user_avatars WHERE user_id = %d" % uid)
    card = re.search(r'id="past-%d">(.*?)</li>' % sid,
                     channel_page(c, cid).text, re.S).group(1)
    assert 'src="/avatars/%d?' % uid not in card and \
        html.escape(name) in face_names(card), card
