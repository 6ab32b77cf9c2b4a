"""The BigBlueButton simulator itself, on the points Lectern relies on:
checksums (SHA-256 and SHA-512 accepted, anything else refused),
create (idempotent, with the slides of its XML body), join (redirect to
the stand-in client, createTime check), meeting info, end and its
callbacks, recordings, and the misbehaviour modes.  Checksums and JWTs
are computed here with hashlib."""

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bbb import (api, api_base, api_url, conf, field, jwt_claims, meeting_id,
                 request, sim, sim_meeting, wait_callbacks, wait_for, xml)
from lectern import test_once


class Receiver:
    """A small HTTP server that records every request sent to it, to
    stand in for Lectern's callback addresses."""

    def __init__(self, status=200):
        self.requests = []
        self.status = status
        outer = self

        class H(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def handle_one(self):
                n = int(self.headers.get("Content-Length") or 0)
                outer.requests.append({
                    "method": self.command, "path": self.path,
                    "headers": dict(self.headers),
                    "body": self.rfile.read(n) if n else b""})
                self.send_response(outer.status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            do_GET = do_POST = handle_one

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.url = "http://127.0.0.1:%d" % self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever,
                         daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def create(mid, **extra):
    params = [("name", "Sim test " + mid[:6]), ("meetingID", mid)]
    params += list(extra.items())
    r = api("create", params)
    assert r.status == 200 and field(r, "returncode") == "SUCCESS", r
    return r


def join(mid, name, role, user_id, **extra):
    params = [("fullName", name), ("meetingID", mid), ("role", role),
              ("userID", str(user_id))] + list(extra.items())
    return api("join", params)


@test_once
def sim_api_root_answers_version(_base):
    """the API root answers SUCCESS with a version, without a checksum"""
    r = request("GET", api_base().rstrip("/"))
    assert r.status == 200 and field(r, "returncode") == "SUCCESS", r
    assert field(r, "version") == "2.0"


@test_once
def sim_bad_checksum_is_checksum_error(_base):
    """a wrong, missing or SHA-1 checksum gets FAILED checksumError and creates nothing"""
    mid = meeting_id()
    params = [("name", "Nope"), ("meetingID", mid)]
    for r in (api("create", params, secret="not-the-secret"),
              api("create", params, algo="sha512", secret="nope"),
              api("create", params, algo="sha1"),
              api("create", params, algo="sha384"),
              request("GET", api_base() + "create?name=Nope&meetingID=" + mid)):
        assert r.status == 200, r
        root = xml(r)
        assert root.findtext("returncode") == "FAILED", r
        assert root.findtext("messageKey") == "checksumError", r
        assert root.findtext("message"), r
    # The checksum covers the query string exactly: a changed parameter fails.
    url = api_url("create", params).replace("name=Nope", "name=Nope2")
    assert field(request("GET", url), "messageKey") == "checksumError"
    assert sim("meetings?meetingID=" + mid)["meetings"] == []


@test_once
def sim_sha512_and_sha256_accepted(_base):
    """SHA-512 and SHA-256 checksums are both accepted"""
    mid = meeting_id()
    r = api("create", [("name", "Both"), ("meetingID", mid)], algo="sha512")
    assert field(r, "returncode") == "SUCCESS", r
    r = api("isMeetingRunning", [("meetingID", mid)], algo="sha256")
    assert field(r, "returncode") == "SUCCESS" and field(r, "running") == "false"
    r = api("getMeetingInfo", [("meetingID", mid)], algo="sha512")
    assert field(r, "returncode") == "SUCCESS" and field(r, "meetingID") == mid


@test_once
def sim_create_validates_and_is_idempotent(_base):
    """create without meetingID fails; a second create answers duplicateWarning with the same createTime"""
    r = api("create", [("name", "No id")])
    assert field(r, "returncode") == "FAILED"
    assert field(r, "messageKey") == "missingParamMeetingID", r
    mid = meeting_id()
    first = create(mid, record="true")
    assert field(first, "messageKey") in ("", None)
    ct = field(first, "createTime")
    assert ct.isdigit() and field(first, "internalMeetingID").endswith("-" + ct)
    again = create(mid, record="true")
    assert field(again, "messageKey") == "duplicateWarning", again
    assert field(again, "createTime") == ct
    assert field(again, "internalMeetingID") == field(first, "internalMeetingID")
    m = sim_meeting(mid)
    assert m["duplicateCreates"] == 1
    assert ["record", "true"] in m["params"]
    assert len(sim("meetings?meetingID=" + mid)["meetings"]) == 1


@test_once
def sim_create_post_records_slides(_base):
    """a POST create records the exact parameters and the documents of its XML body"""
    mid = meeting_id()
    body = ("<?xml version='1.0' encoding='UTF-8'?><modules>"
            "<module name=\"presentation\">"
            "<document url=\"http://127.0.0.1:9/slides/a.pdf\" "
            "filename=\"Week 1.pdf\"/>"
            "<document url=\"http://127.0.0.1:9/slides/b\" filename=\"b.pdf\"/>"
            "</module></modules>").encode()
    params = [("name", "Slides & more"), ("meetingID", mid),
              ("welcome", "Hello <b>class</b>"), ("meta_bbb-origin", "lectern")]
    r = api("create", params, method="POST", body=body,
            content_type="application/xml")
    assert field(r, "returncode") == "SUCCESS", r
    m = sim_meeting(mid)
    assert m["method"] == "POST"
    assert m["params"] == [list(p) for p in params]
    assert m["query"] == urllib.parse.urlencode(params)
    assert [(d["url"], d["filename"]) for d in m["documents"]] == [
        ("http://127.0.0.1:9/slides/a.pdf", "Week 1.pdf"),
        ("http://127.0.0.1:9/slides/b", "b.pdf")]
    assert m["metadata"] == {"bbb-origin": "lectern"}
    # Without a content type the body is refused, as BigBlueButton does.
    r = api("create", [("name", "x"), ("meetingID", meeting_id())],
            method="POST", body=body)
    assert field(r, "messageKey") == "unsupportedContentType", r


@test_once
def sim_join_redirects_to_client(_base):
    """join redirects to the stand-in client, which shows who, the welcome, locks and slides"""
    mid = meeting_id()
    body = (b"<modules><module name=\"presentation\"><document "
            b"url=\"http://127.0.0.1:9/x.pdf\" filename=\"Algebra.pdf\"/>"
            b"</module></modules>")
    r = api("create", [("name", "Algebra 7b"), ("meetingID", mid),
                       ("welcome", "Today: fractions"),
                       ("lockSettingsDisableCam", "true"),
                       ("lockSettingsDisableMic", "false"),
                       ("logoutURL", "http://127.0.0.1:9/channel/1")],
            method="POST", body=body, content_type="text/xml")
    ct = field(r, "createTime")
    r = join(mid, "Ana Teacher", "MODERATOR", 41, createTime=ct,
             avatarURL="http://127.0.0.1:9/a.png")
    assert r.status == 302, r
    loc = r.header("Location")
    assert "/bigbluebutton/sim/client/" in loc, loc
    page = request("GET", loc)
    assert page.status == 200 and "text/html" in page.header("Content-Type")
    for text in ("Algebra 7b", "Ana Teacher", "moderator", "Today: fractions",
                 "Camera locked for viewers", "Algebra.pdf",
                 "End meeting for all", "Leave"):
        assert page.has(text), text
    viewer = join(mid, "Leo Learner", "VIEWER", 42, redirect="false")
    assert viewer.status == 200 and field(viewer, "messageKey") == "successfullyJoined"
    vpage = request("GET", field(viewer, "url"))
    assert vpage.has("Leo Learner") and vpage.has("viewer")
    assert not vpage.has("End meeting for all")
    info = api("getMeetingInfo", [("meetingID", mid)])
    people = {(a.findtext("userID"), a.findtext("role"))
              for a in xml(info).iter("attendee")}
    assert people == {("41", "MODERATOR"), ("42", "VIEWER")}, people
    assert field(info, "participantCount") == "2"
    assert field(api("isMeetingRunning", [("meetingID", mid)]), "running") == "true"
    a = sim_meeting(mid)["attendees"][0]
    assert (a["userID"], a["role"], a["fullName"], a["avatarURL"]) == (
        "41", "MODERATOR", "Ana Teacher", "http://127.0.0.1:9/a.png")


@test_once
def sim_join_refusals(_base):
    """join refuses a stale createTime, an unknown meeting and a missing name"""
    mid = meeting_id()
    ct = field(create(mid), "createTime")
    r = join(mid, "Old Link", "VIEWER", 5, createTime=str(int(ct) - 1000))
    assert r.status == 200 and field(r, "returncode") == "FAILED", r
    assert field(r, "messageKey") == "mismatchCreateTimeParam"
    assert sim_meeting(mid)["attendees"] == []
    assert sim_meeting(mid)["rejectedJoins"][0]["createTime"] == str(int(ct) - 1000)
    r = join(meeting_id(), "Nobody", "VIEWER", 5)
    assert field(r, "messageKey") == "notFound", r
    r = api("join", [("meetingID", mid), ("role", "VIEWER")])
    assert field(r, "returncode") == "FAILED", r
    r = api("join", [("fullName", "x"), ("role", "VIEWER")])
    assert field(r, "messageKey") == "missingParamMeetingID", r


@test_once
def sim_end_fires_callbacks(_base):
    """end fires the end callback, the HS512 analytics callback and the HS256 recording-ready callback"""
    rx = Receiver()
    try:
        mid = meeting_id()
        create(mid, record="true", autoStartRecording="true",
               **{"meta_endCallbackUrl": rx.url + "/end?meetingID=" + mid + "&t=1",
                  "meta_analytics-callback-url": rx.url + "/analytics",
                  "meta_bbb-recording-ready-url": rx.url + "/ready",
                  "meta_lectern-session": "7"})
        join(mid, "Ana", "MODERATOR", 41)
        join(mid, "Leo", "VIEWER", 42)
        sim("engage", {"meetingID": mid, "userID": "42", "chats": 3,
                       "talks": 2, "raisehand": 1, "poll_votes": 1,
                       "emojis": 4, "talk_time": 30})
        r = api("end", [("meetingID", mid)])
        assert field(r, "messageKey") == "sentEndMeetingRequest", r
        cbs = wait_callbacks(mid, 3)
        assert [c["kind"] for c in cbs] == ["end", "analytics",
                                            "recording-ready"], cbs
        assert all(c["status"] == 200 for c in cbs), cbs
        end, analytics, ready = rx.requests
        assert end["method"] == "GET"
        assert end["path"] == "/end?meetingID=%s&t=1&recordingmarks=true" % mid
        assert analytics["method"] == "POST"
        assert analytics["headers"]["Content-Type"] == "application/json"
        auth = analytics["headers"]["Authorization"]
        assert auth.startswith("Bearer ")
        claims = jwt_claims(auth[7:], alg="HS512")
        assert claims and claims["exp"] > time.time() + 3600, claims
        body = json.loads(analytics["body"])
        assert body["meeting_id"] == mid and body["version"] == "1.0"
        assert body["data"]["metadata"]["lectern_session"] == "7"
        people = {a["ext_user_id"]: a for a in body["data"]["attendees"]}
        assert people["41"]["moderator"] and not people["42"]["moderator"]
        assert people["42"]["engagement"] == {
            "chats": 3, "talks": 2, "raisehand": 1, "emojis": 4,
            "poll_votes": 1, "talk_time": 30}
        assert len(people["42"]["joins"]) == len(people["42"]["leaves"]) == 1
        assert ready["method"] == "POST"
        form = dict(urllib.parse.parse_qsl(ready["body"].decode()))
        claims = jwt_claims(form["signed_parameters"], alg="HS256")
        internal = sim_meeting(mid)["internalMeetingID"]
        assert claims == {"meeting_id": mid, "record_id": internal}, claims
        # The meeting is gone; its recording is listed, published.
        assert field(api("isMeetingRunning", [("meetingID", mid)]),
                     "running") == "false"
        assert field(api("getMeetingInfo", [("meetingID", mid)]),
                     "messageKey") == "notFound"
        recs = xml(api("getRecordings", [("meetingID", mid)]))
        rec = recs.find("recordings/recording")
        assert rec.findtext("recordID") == internal
        assert rec.findtext("state") == "published"
        url = rec.findtext("playback/format/url")
        assert request("GET", url).status == 200
        # Unpublish, then delete.
        r = api("publishRecordings", [("recordID", internal), ("publish", "false")])
        assert field(r, "published") == "false", r
        rec = xml(api("getRecordings", [("meetingID", mid)])).find(
            "recordings/recording")
        assert rec.findtext("published") == "false"
        assert rec.findtext("state") == "unpublished"
        assert xml(api("getRecordings", [("meetingID", mid),
                                         ("state", "published")])).findtext(
            "messageKey") == "noRecordings"
        r = api("deleteRecordings", [("recordID", internal)])
        assert field(r, "deleted") == "true", r
        assert field(api("deleteRecordings", [("recordID", internal)]),
                     "messageKey") == "notFound"
    finally:
        rx.close()


@test_once
def sim_no_recording_or_analytics_without_events(_base):
    """without recording marks or kept events only the end callback fires"""
    rx = Receiver()
    try:
        mid = meeting_id()
        create(mid, record="true",
               **{"meta_endCallbackUrl": rx.url + "/end",
                  "meta_analytics-callback-url": rx.url + "/analytics",
                  "meta_bbb-recording-ready-url": rx.url + "/ready"})
        join(mid, "Ana", "MODERATOR", 41)
        api("end", [("meetingID", mid)])
        wait_callbacks(mid, 2)
        time.sleep(1.0)
        kinds = [c["kind"] for c in sim_meeting(mid)["callbacks"]]
        # record=true keeps events (analytics) but, without
        # autoStartRecording or a pressed Record button, makes no recording.
        assert kinds == ["end", "analytics"], kinds
        assert rx.requests[0]["path"] == "/end?recordingmarks=false"
        mid = meeting_id()
        create(mid, **{"meta_endCallbackUrl": rx.url + "/end2",
                       "meta_analytics-callback-url": rx.url + "/analytics"})
        join(mid, "Ana", "MODERATOR", 41)
        api("end", [("meetingID", mid)])
        wait_callbacks(mid, 1)
        time.sleep(1.0)
        assert [c["kind"] for c in sim_meeting(mid)["callbacks"]] == ["end"]
    finally:
        rx.close()


@test_once
def sim_client_leave_and_end(_base):
    """the client's Leave goes to logoutURL; a moderator's End meeting for all ends it"""
    rx = Receiver()
    try:
        mid = meeting_id()
        create(mid, logoutURL="http://127.0.0.1:9/back",
               **{"meta_endCallbackUrl": rx.url + "/end"})
        viewer = request("GET", join(mid, "Leo", "VIEWER", 42).header("Location"))
        assert viewer.status == 200
        vloc = join(mid, "Lia", "VIEWER", 43).header("Location")
        r = request("POST", vloc + "/end")
        assert r.status == 403, r
        r = request("POST", vloc + "/leave")
        assert r.status == 303 and r.header("Location") == "http://127.0.0.1:9/back"
        m = sim_meeting(mid)
        assert [a["left"] for a in m["attendees"]] == [False, True]
        assert not m["ended"]
        mloc = join(mid, "Ana", "MODERATOR", 41).header("Location")
        r = request("POST", mloc + "/end")
        assert r.status == 303 and r.header("Location") == "http://127.0.0.1:9/back"
        wait_callbacks(mid, 1)
        m = sim_meeting(mid)
        assert m["ended"] and m["endedBy"] == "client"
        assert all(a["left"] for a in m["attendees"])
        page = request("GET", vloc)
        assert page.has("The meeting has ended.")
    finally:
        rx.close()


@test_once
def sim_modes_misbehave_then_recover(_base):
    """html, status500, malformed and stall modes last for the calls asked, then normal"""
    mid = meeting_id()
    params = [("meetingID", mid)]
    try:
        sim("mode", {"mode": "html", "count": 2})
        for _ in range(2):
            r = api("isMeetingRunning", params)
            assert r.status == 200 and "text/html" in r.header("Content-Type")
            assert "<response>" not in r.text
        assert field(api("isMeetingRunning", params), "returncode") == "SUCCESS"
        sim("mode", {"mode": "status500"})
        assert api("isMeetingRunning", params).status == 500
        sim("mode", {"mode": "malformed"})
        r = api("isMeetingRunning", params)
        assert r.status == 200 and r.text.startswith("<response>")
        try:
            xml(r)
            raise AssertionError("malformed mode gave well-formed XML")
        except Exception as e:  # noqa: BLE001 - ParseError expected
            assert "ParseError" in type(e).__name__, e
        sim("mode", {"mode": "stall", "seconds": 1.5})
        t0 = time.time()
        r = api("isMeetingRunning", params)
        assert time.time() - t0 >= 1.4 and field(r, "returncode") == "SUCCESS"
        assert sim("meetings")["mode"]["mode"] == "normal"
    finally:
        sim("mode", {"mode": "normal"})
        sim("config", {"stall_seconds": 10})
    assert conf("bbb_timeout") and int(conf("bbb_timeout")) < 10


@test_once
def sim_stall_holds_until_released(_base):
    """the stall mode holds every call (counted on arrival) until set back to normal"""
    mid = meeting_id()
    params = [("meetingID", mid)]
    answers = []
    before = sim("meetings")["received"]
    try:
        sim("mode", {"mode": "stall", "count": 0, "seconds": 60})
        threads = [threading.Thread(target=lambda: answers.append(
            api("isMeetingRunning", params)), daemon=True) for _ in range(2)]
        for t in threads:
            t.start()
        wait_for(lambda: sim("meetings")["held"] == 2)
        assert sim("meetings")["received"] == before + 2
        assert answers == []
    finally:
        sim("mode", {"mode": "normal"})
        sim("config", {"stall_seconds": 10})
    for t in threads:
        t.join(30)
    assert len(answers) == 2, answers
    assert all(field(r, "returncode") == "SUCCESS" for r in answers)
    assert sim("meetings")["held"] == 0
