"""Transcripts of a past classroom session and its attendance download:
a moderator uploads a WebVTT file with speaker voice tags to an ended
session; malformed, too large or misplaced files, and uploads by anyone
but a moderator, are refused with nothing stored; the summary's
Transcriptions card lists it with the participants it names; the viewer
groups consecutive lines of one speaker and links each group's time to
the recording with a media fragment; "Download" gives the text; the
attendance CSV neutralises formula cells; a learner of another channel
reaches none of it."""

import html
import re

from lectern import Client, create_user, signed_in, sql, sql_value, test, \
    unique
from test_classroom import end, new_channel, setup, started

THREE = (
    "WEBVTT\n\n"
    "1\n00:00:01.000 --> 00:00:04.000\n<v Tess Teacher>Welcome to the "
    "review.\n\n"
    "2\n00:00:04.000 --> 00:00:06.500\n<v Tess Teacher>Open chapter "
    "three.\n\n"
    "3\n00:00:07.000 --> 00:00:09.000\n<v Lena Learner>Which page?\n"
    "Sorry, I missed it.\n\n"
    "00:00:10.000 --> 00:00:12.250\n<v Liam Learner>Page 42 &amp; "
    "on.\n\n"
    "00:00:13.000 --> 00:00:15.000\n<v Tess Teacher>Thank you, "
    "Liam.\n").encode()


def past_session(teacher, cid):
    """A session started and ended in channel cid; its id."""
    sid = started(teacher, cid, name=unique("Review "))
    assert end(teacher, sid, cid).status == 303
    assert sql_value("SELECT status FROM classroom_sessions WHERE id = %d"
                     % sid) == "ended"
    return sid


def upload(client, sid, data, name="lesson.vtt"):
    page = client.get("/platform/classroom/%d/summary" % sid)
    return client.post_multipart(
        "/platform/classroom/%d/transcripts" % sid, {},
        [("file", name, data, "text/vtt")],
        csrf=page.csrf() or "none")


def stored(sid):
    return int(sql_value(
        "SELECT COUNT(*) FROM classroom_transcripts WHERE session_id = %d"
        % sid)), int(sql_value(
            "SELECT COUNT(*) FROM classroom_transcript_cues c JOIN "
            "classroom_transcripts t ON t.id = c.transcript_id WHERE "
            "t.session_id = %d" % sid))


@test
def transcript_upload_and_viewer(base):
    """a moderator adds a three-speaker WebVTT; the card lists it, the
    viewer groups by speaker and links #t= segments into the recording"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    learner = signed_in(base, "learner", 0)
    sid = past_session(teacher, cid)
    r = teacher.get("/platform/classroom/%d/summary" % sid)
    assert 'id="transcriptions"' in r.text and "No transcriptions." in r.text
    assert 'id="transcript-form"' in r.text
    # Members read the card but get no form.
    r = learner.get("/platform/classroom/%d/summary" % sid)
    assert r.status == 200 and 'id="transcript-form"' not in r.text

    r = upload(teacher, sid, THREE)
    assert r.status == 303, r
    m = re.match(r"^/platform/classroom/%d/transcripts/(\d+)$" % sid,
                 r.header("Location"))
    assert m, r.header("Location")
    tid = int(m.group(1))
    assert stored(sid) == (1, 5)
    assert sql("SELECT speaker, body FROM classroom_transcript_cues WHERE "
               "transcript_id = %d AND idx = 3" % tid) == \
        [["Liam Learner", "Page 42 & on."]]

    r = learner.get("/platform/classroom/%d/summary" % sid)
    card = re.search(r'<li class="transcript-card" id="transcript-%d">'
                     r'(.*?)</li>' % tid, r.text, re.S)
    assert card, r.text
    assert 'href="/platform/classroom/%d/transcripts/%d"' % (sid, tid) in \
        card.group(1)
    assert "lesson.vtt" in card.group(1) and "Created " in card.group(1)
    assert "Participants present: Lena Learner, Liam Learner and Tess " \
        "Teacher" in card.group(1), card.group(1)
    assert "No transcriptions." not in r.text
    assert "Added a transcript" in r.text

    # Without a recording the times are plain text.
    r = learner.get("/platform/classroom/%d/transcripts/%d" % (sid, tid))
    assert r.status == 200, r
    assert 'id="no-recording"' in r.text and "#t=" not in r.text
    groups = re.findall(r'<span class="speaker-name">([^<]*)</span>',
                        r.text)
    assert groups == ["Tess Teacher", "Lena Learner", "Liam Learner",
                      "Tess Teacher"], groups
    assert '<span class="cue-line">Which page?</span><br><span ' \
        'class="cue-line">Sorry, I missed it.</span>' in r.text
    assert "Page 42 &amp; on." in r.text
    assert "0:01 – 0:06" in r.text

    # With a published recording each group links to its segment.
    url = "https://media.example.org/rec/%s/video.mp4" % unique("r")
    sql("INSERT INTO classroom_recordings (session_id, record_id, state, "
        "playback_url, updated_at) VALUES (%d, '%s', 'published', '%s', "
        "UTC_TIMESTAMP())" % (sid, unique("rec"), url))
    r = learner.get("/platform/classroom/%d/transcripts/%d" % (sid, tid))
    links = [html.unescape(h) for h in
             re.findall(r'<a class="segment" href="([^"]*)"', r.text)]
    assert links == [url + "#t=1,6.500", url + "#t=7,9",
                     url + "#t=10,12.250", url + "#t=13,15"], links
    assert 'id="transcript-media"' in r.text and "<video" in r.text
    csp = r.header("Content-Security-Policy")
    assert "media-src 'self' https://media.example.org;" in csp, csp
    assert 'data-start="7" data-end="9"' in r.text
    assert '<script src="/static/transcript.js" defer></script>' in r.text

    # The text download.
    r = learner.get("/platform/classroom/%d/transcripts/%d/download"
                    % (sid, tid))
    assert r.status == 200
    assert r.header("Content-Type") == "text/plain; charset=utf-8"
    assert r.header("Content-Disposition") == \
        'attachment; filename="classroom-%d-transcript-%d.txt"' % (sid, tid)
    assert "[0:01 - 0:06] Tess Teacher:\nWelcome to the review.\n" \
        "Open chapter three.\n\n[0:07 - 0:09] Lena Learner:\nWhich page?\n" \
        "Sorry, I missed it.\n" in r.text, r.text
    # Another session's transcript is not under this one's path.
    other = past_session(teacher, cid)
    assert learner.get("/platform/classroom/%d/transcripts/%d"
                       % (other, tid)).status == 404


@test
def transcript_bad_files(base):
    """malformed, binary, too large and mistimed files are refused with
    their reason; a member and an active session get nothing stored"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    learner = signed_in(base, "learner", 0)
    sid = past_session(teacher, cid)
    cases = [
        (b"00:00:01.000 --> 00:00:02.000\nno header\n", 422,
         "its first line must be &quot;WEBVTT&quot;"),
        (b"WEBVTT\n\n00:00:01,000 --> 00:00:02.000\n<v A>x\n", 422,
         "Line 3: malformed cue timings"),
        (b"WEBVTT\n\n00:00:05.000 --> 00:00:02.000\n<v A>x\n", 422,
         "Line 3: the cue ends before it starts"),
        (b"WEBVTT\n\n00:00:01.000 --> 00:00:05.000\n<v A>x\n\n"
         b"00:00:02.000 --> 00:00:06.000\n<v B>y\n", 422,
         "Line 6: this cue starts before the one above ends"),
        (b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\x00\x01\x02\n", 422,
         "NUL byte"),
        (b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n\xff\xfe\n", 422,
         "not valid UTF-8"),
        (b"WEBVTT\n\n" + b"NOTE " + b"x" * (3 * 1024 * 1024) + b"\n", 413,
         "The file is larger than 2048 KB"),
        (b"", 422, "Choose a WebVTT file"),
    ]
    for data, status, why in cases:
        r = upload(teacher, sid, data)
        assert r.status == status, (why, r)
        assert why in r.text, (why, r.text)
        assert "This transcript was not added" in r.text or status != 422 \
            or why.startswith("Choose"), r.text
    assert stored(sid) == (0, 0)
    # A member may not add one.
    r = upload(learner, sid, THREE)
    assert r.status == 403 and "Only the classroom&#39;s moderators" in \
        r.text, r
    # Not while the session runs.
    active = started(teacher, cid, name=unique("Live "))
    r = upload(teacher, active, THREE)
    assert r.status == 409 and "still in progress" in r.text, r
    assert stored(active) == (0, 0) and stored(sid) == (0, 0)
    end(teacher, active, cid)
    # Without the form token nothing happens either.
    r = teacher.post_multipart("/platform/classroom/%d/transcripts" % sid,
                               {}, [("file", "a.vtt", THREE, "text/vtt")],
                               csrf="wrong")
    assert r.status == 403, r
    assert stored(sid) == (0, 0)


@test
def transcript_attendance_and_outsider(base):
    """the attendance CSV neutralises formulas; a learner of another
    channel reaches neither the summary, the transcript, its download
    nor the attendance"""
    admin = signed_in(base, "admin")
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    evil_id, evil_email, evil_pw = create_user(
        admin, "learner", name="=cmd|' /C calc'!A0")
    sql("INSERT INTO channel_members (channel_id, user_id, is_admin, "
        "added_at) VALUES (%d, %d, 0, UTC_TIMESTAMP())" % (cid, evil_id))
    sid = past_session(teacher, cid)
    sql("INSERT INTO classroom_participants (session_id, user_id, "
        "joined_as, joins, first_join_at, last_join_at, last_leave_at, "
        "minutes) VALUES (%d, %d, 'viewer', 2, '2026-03-02 09:00:00', "
        "'2026-03-02 09:20:00', '2026-03-02 09:45:00', 40), (%d, %d, "
        "'moderator', 1, '2026-03-02 08:58:00', '2026-03-02 08:58:00', "
        "'2026-03-02 09:50:00', 52)" % (sid, evil_id, sid, tess))
    r = teacher.get("/platform/classroom/%d/summary" % sid)
    assert 'href="/platform/classroom/%d/summary/attendance"' % sid in \
        r.text and "Download attendance (CSV)" in r.text
    r = teacher.get("/platform/classroom/%d/summary/attendance" % sid)
    assert r.status == 200
    assert r.header("Content-Type") == "text/csv; charset=utf-8"
    assert r.header("Content-Disposition") == \
        'attachment; filename="classroom-%d-attendance.csv"' % sid
    rows = r.text.split("\r\n")
    assert rows[0] == "Name,Email,First join (UTC),Last leave (UTC)," \
        "Minutes,Joins", rows
    tess_name = sql_value("SELECT name FROM users WHERE id = %d" % tess)
    tess_email = sql_value("SELECT email FROM users WHERE id = %d" % tess)
    assert rows[1] == '"%s","%s","2026-03-02 08:58:00","2026-03-02 ' \
        '09:50:00","52","1"' % (tess_name, tess_email), rows
    assert rows[2] == '"\'=cmd|\' /C calc\'!A0","%s","2026-03-02 ' \
        '09:00:00","2026-03-02 09:45:00","40","2"' % evil_email, rows
    assert rows[3] == "" and len(rows) == 4

    assert upload(teacher, sid, THREE).status == 303
    tid = int(sql_value("SELECT id FROM classroom_transcripts WHERE "
                        "session_id = %d" % sid))
    # A learner of another channel.
    out_id, out_email, out_pw = create_user(admin, "learner")
    new_channel([out_id])
    outsider = Client(base)
    assert outsider.login(out_email, out_pw).status == 303
    for path in ["/platform/classroom/%d/summary" % sid,
                 "/platform/classroom/%d/summary/attendance" % sid,
                 "/platform/classroom/%d/transcripts/%d" % (sid, tid),
                 "/platform/classroom/%d/transcripts/%d/download"
                 % (sid, tid)]:
        r = outsider.get(path)
        assert r.status == 404, (path, r)
        assert "Welcome to the review" not in r.text and \
            "calc" not in r.text
    r = upload(outsider, sid, THREE)
    assert r.status == 404, r
    assert stored(sid) == (1, 5)
    # The channel's admin and a site admin may.
    assert admin.get("/platform/classroom/%d/transcripts/%d"
                     % (sid, tid)).status == 200
