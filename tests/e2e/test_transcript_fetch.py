"""Transcripts fetched from the conferencing server: once a recording is
published, the worker asks BigBlueButton for its caption tracks
(getRecordingTextTracks), downloads each and stores it as a transcript
of the session, exactly once; a malformed track is logged and stores
nothing, and is not asked for again."""

import re
import urllib.parse

import bbb
from lectern import ctl, signed_in, sql, sql_quote, sql_value, test
from test_classroom import setup
from test_transcript import THREE, past_session, stored


def published_recording(sid, vtt, lang="en-US"):
    """A published recording of session sid on the simulator and here,
    with a caption track of text vtt attached there; its record id."""
    mid = sql_value("SELECT meeting_id FROM classroom_sessions WHERE id = %d"
                    % sid)
    rec = bbb.sim("recording", {"meetingID": mid, "name": "Review",
                                "startTime": 1700000000000,
                                "endTime": 1700000900000})
    rid = rec["recording"]["recordID"]
    track = bbb.sim("track", {"recordID": rid, "vtt": vtt, "lang": lang,
                              "label": "English"})
    assert "/captions/" in track["track"]["href"], track
    sql("INSERT INTO classroom_recordings (session_id, record_id, state, "
        "playback_url, updated_at) VALUES (%d, %s, 'published', %s, "
        "UTC_TIMESTAMP())" % (sid, sql_quote(rid), sql_quote(
            "http://127.0.0.1/bigbluebutton/sim/playback/" + rid)))
    return rid


def track_calls(rid):
    """getRecordingTextTracks calls the simulator got for rid."""
    calls = bbb.sim("meetings")["calls"]
    return [c for c in calls if c["call"] == "getRecordingTextTracks" and
            dict(urllib.parse.parse_qsl(c["query"])).get("recordID") == rid]


@test
def transcript_fetched_from_caption_tracks(base):
    """a three-speaker caption track attached in the simulator: one worker
    pass stores it, the dashboard lists it and the viewer shows the
    speakers; a second pass adds nothing"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    sid = past_session(teacher, cid)
    # The simulator answers the documented call itself, checksum and all.
    r = bbb.api("getRecordingTextTracks", [("recordID", "no-such")])
    assert r.header("Content-Type").startswith("application/json")
    assert '"messageKey": "noRecordings"' in r.text, r.text
    r = bbb.api("getRecordingTextTracks", [("recordID", "x")],
                secret="wrong-secret")
    assert '"messageKey": "checksumError"' in r.text, r.text

    rid = published_recording(sid, THREE.decode())
    r = bbb.api("getRecordingTextTracks", [("recordID", rid)])
    assert '"returncode": "SUCCESS"' in r.text and '"kind": "captions"' \
        in r.text and '"lang": "en-US"' in r.text, r.text
    asked = len(track_calls(rid))
    # No call while a page is shown: the summary has nothing yet.
    r = teacher.get("/platform/classroom/%d/summary" % sid)
    assert "No transcriptions." in r.text
    assert len(track_calls(rid)) == asked

    rc, out = ctl("worker")
    assert rc == 0, out
    assert stored(sid) == (1, 5), out
    assert len(track_calls(rid)) == asked + 1
    tid = int(sql_value("SELECT id FROM classroom_transcripts WHERE "
                        "session_id = %d" % sid))
    assert sql("SELECT filename, uploaded_by IS NULL FROM "
               "classroom_transcripts WHERE id = %d" % tid) == \
        [["captions-en-US.vtt", "1"]]

    r = teacher.get("/platform/classroom/%d/summary" % sid)
    card = re.search(r'<li class="transcript-card" id="transcript-%d">'
                     r'(.*?)</li>' % tid, r.text, re.S)
    assert card, r.text
    assert "captions-en-US.vtt" in card.group(1)
    assert "Participants present: Lena Learner, Liam Learner and Tess " \
        "Teacher" in card.group(1), card.group(1)
    r = teacher.get("/platform/classroom/%d/transcripts/%d" % (sid, tid))
    assert r.status == 200, r
    groups = re.findall(r'<span class="speaker-name">([^<]*)</span>',
                        r.text)
    assert groups == ["Tess Teacher", "Lena Learner", "Liam Learner",
                      "Tess Teacher"], groups

    # Fetched once: the next pass neither asks again nor stores more.
    rc, out = ctl("worker")
    assert rc == 0, out
    assert stored(sid) == (1, 5)
    assert len(track_calls(rid)) == asked + 1


@test
def transcript_fetch_skips_malformed_track(base):
    """a caption track that is no WebVTT stores nothing, is logged, and
    is not fetched again"""
    cid, name, tess, lena, liam = setup()
    teacher = signed_in(base, "teacher", 0)
    sid = past_session(teacher, cid)
    rid = published_recording(sid, "NOT WEBVTT\n\n00:00:01.000 --> "
                              "00:00:02.000\nhello\n")
    rc, out = ctl("worker")
    assert rc == 0, out
    assert "caption track captions-en-US.vtt left out" in out, out
    assert stored(sid) == (0, 0)
    assert len(track_calls(rid)) == 1
    assert sql_value("SELECT tracks_fetched_at IS NOT NULL FROM "
                     "classroom_recordings WHERE record_id = %s"
                     % sql_quote(rid)) == "1"
    rc, out = ctl("worker")
    assert rc == 0, out
    assert stored(sid) == (0, 0)
    assert len(track_calls(rid)) == 1
    r = teacher.get("/platform/classroom/%d/summary" % sid)
    assert "No transcriptions." in r.text
