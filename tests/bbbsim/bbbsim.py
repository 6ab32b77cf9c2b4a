#!/usr/bin/env python3
"""A BigBlueButton API simulator for Lectern's development and tests.

It is not a conferencing server: it keeps meetings in memory, checks
every API call's checksum the way BigBlueButton does, answers the
documented XML, and fires the callbacks a real server fires when a
meeting ends (the end callback, the learning-analytics callback and the
recording-ready callback).  A plain HTML page stands in for the
conferencing client.  Lectern never ships it; etc/dev starts it behind
nginx at /bigbluebutton/.

    bbbsim.py --port PORT (--conf lectern.conf | --secret SECRET)

Addresses (all under /bigbluebutton/, which is optional when the
simulator is reached directly):

    api, api/<call>                  the BigBlueButton API
    sim/client/<token>               the stand-in client page
    sim/playback/<recordID>          a recording's stand-in playback page
    sim/                             an overview page of all meetings
    sim/meetings         GET         everything recorded, as JSON
    sim/mode             POST        misbehave for the next N API calls
                                     ("normal" also releases the calls
                                     the stall mode holds)
    sim/config           POST        timings (see DEFAULT_CONFIG)
    sim/reset            POST        forget everything
    sim/restart          POST        a server restart: every meeting and
                                     session token is lost, without a
                                     callback; recordings stay
    sim/eject            POST        a moderator removes userID from
                                     meetingID in the client: that user's
                                     session tokens stop working
    sim/engage           POST        add engagement counts for an attendee
    sim/poll             POST        add a poll with votes to a meeting
    sim/fire-recording   POST        fire the recording-ready callback again
    sim/recording        POST        a published recording of an earlier
                                     meeting (meetingID, name, startTime,
                                     endTime in ms, meta: {name: value}),
                                     as a server that ran it would list
                                     it; no callback (seeds demo data)
    sim/track            POST        attach a caption track to a recording
                                     (recordID, vtt: the file's text, kind
                                     captions, lang en-US, label, source
                                     upload by default), listed by
                                     getRecordingTextTracks; one track a
                                     kind and language
    captions/<recordID>/<kind>_<lang>.vtt
                                     a track's file, as its href says

Control endpoints take JSON, a form body or query parameters, and
answer JSON.  Python 3 standard library only.
"""

import argparse
import base64
import hashlib
import hmac
import html
import json
import os
import re
import secrets
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape as xml_escape

# Timings a test may change with POST sim/config; sim/reset restores them.
DEFAULT_CONFIG = {
    # Seconds between "end" and the first callback (BigBlueButton ends a
    # meeting asynchronously: the API answers first).
    "callback_delay": 0.2,
    # Seconds of "processing" before a recording is published and the
    # recording-ready callback fires.
    "recording_delay": 0.5,
    # Seconds after the last attendee left before the meeting ends by
    # itself (meetingExpireWhenLastUserLeftInMinutes; negative: never).
    "empty_end_seconds": 60.0,
    # Seconds the "stall" mode waits before answering.
    "stall_seconds": 10.0,
    # The server keeps meeting events for every meeting (bbb-web's
    # defaultKeepEvents); without it, only meetings created with
    # record=true or meetingKeepEvents=true get an analytics callback.
    "keep_events_default": False,
    # Fetch the presentation documents named in create's body, as the
    # server does, and record what came back.
    "fetch_documents": True,
    # Seconds the client page waits before reloading itself (0: never).
    "client_refresh": 10,
}

MODES = ("normal", "html", "status500", "malformed", "stall")
ENGAGEMENT_KEYS = ("chats", "talks", "raisehand", "emojis", "poll_votes",
                   "talk_time")
MAX_CALLS = 2000
MAX_BODY = 4 * 1024 * 1024


def now_ms():
    return int(time.time() * 1000)


def iso(ms):
    """An instant (ms since the epoch) as the analytics JSON writes it."""
    t = time.gmtime(ms // 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", t) + ".%03dZ" % (ms % 1000)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def jwt(payload, secret, alg="HS256"):
    """A compact JWT.  alg "none" makes an unsigned token (for tests of
    the receiving side)."""
    header = {"typ": "JWT", "alg": alg}
    signing = (b64url(json.dumps(header, separators=(",", ":")).encode()) +
               "." + b64url(json.dumps(payload, separators=(",", ":")).encode()))
    if alg == "none":
        return signing + "."
    digest = {"HS256": hashlib.sha256, "HS512": hashlib.sha512}[alg]
    mac = hmac.new(secret.encode(), signing.encode(), digest).digest()
    return signing + "." + b64url(mac)


def snake(key):
    """Rails' underscore, as the analytics script applies it to every key:
    endCallbackUrl -> end_callback_url, bbb-origin -> bbb_origin."""
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", key)
    s = re.sub(r"([a-z\d])([A-Z])", r"\1_\2", s)
    return s.replace("-", "_").lower()


def read_secret(conf_path):
    """bbb_secret from a Lectern configuration file, with the same
    environment override Lectern itself honours."""
    env = os.environ.get("LECTERN_BBB_SECRET")
    if env:
        return env
    value = None
    with open(conf_path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            key, _, val = line.partition("=")
            if key.strip() == "bbb_secret":
                value = val.strip()
    if not value:
        raise SystemExit("bbbsim: no bbb_secret in %s" % conf_path)
    return value


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Callbacks do not follow redirects: BigBlueButton counts a 3xx
    answer as an error, and so do we."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def http_call(method, url, body=None, headers=None, timeout=10):
    """(status, error text) of one outgoing request; status is None when
    nothing answered."""
    req = urllib.request.Request(url, data=body, method=method,
                                 headers=headers or {})
    try:
        with OPENER.open(req, timeout=timeout) as r:
            r.read(65536)
            return r.status, None
    except urllib.error.HTTPError as e:
        return e.code, None
    except Exception as e:  # noqa: BLE001 - any failure is reported
        return None, "%s: %s" % (type(e).__name__, e)


class Sim:
    """All state, behind one lock."""

    def __init__(self, secret):
        self.secret = secret
        self.lock = threading.RLock()
        self.reset()

    def reset(self):
        with self.lock:
            self.meetings = []          # every meeting ever created, in order
            self.running = {}           # meetingID -> the meeting not ended
            self.sessions = {}          # session token -> (meeting, attendee)
            self.recordings = {}        # recordID -> recording
            self.tracks = {}            # recordID -> [caption track]
            self.calls = []
            self.mode = {"mode": "normal", "count": 0}
            # API calls received (counted on arrival, before any stall)
            # and those held by the stall mode right now.
            # (A reset releases the held calls, which count themselves
            # out as they go.)
            self.received = 0
            self.held = getattr(self, "held", 0)
            self.release = getattr(self, "release", threading.Event())
            self.release.set()
            self.release = threading.Event()
            self.config = dict(DEFAULT_CONFIG)
            self.generation = getattr(self, "generation", 0) + 1

    def restart(self):
        """What a restarted server keeps: its recordings.  Meetings and
        their session tokens are gone, and no callback fires for them
        (the records stay for the tests to read, marked lost)."""
        with self.lock:
            for m in self.running.values():
                m["running"] = False
                m["ended"] = True
                m["lost"] = True
                m["endedBy"] = "restart"
            self.running = {}
            self.sessions = {}

    # -- misbehaviour ---------------------------------------------------

    def take_mode(self):
        """The mode for this API call (and count it)."""
        with self.lock:
            self.received += 1
            m = self.mode["mode"]
            if m == "normal":
                return m
            if self.mode["count"] > 0:
                self.mode["count"] -= 1
                if self.mode["count"] == 0:
                    self.mode = {"mode": "normal", "count": 0}
            return m

    # -- meetings -------------------------------------------------------

    def meeting_json(self, m):
        out = {k: v for k, v in m.items() if k not in ("attendees", "timer")}
        out["attendees"] = [dict(a) for a in m["attendees"]]
        return out

    def end_meeting(self, m, how):
        """End m (once) and fire its callbacks in the background."""
        with self.lock:
            if m["ended"]:
                return
            t = now_ms()
            m["ended"] = True
            m["running"] = False
            m["endedAt"] = t
            m["endedBy"] = how
            for a in m["attendees"]:
                if not a["left"]:
                    a["left"] = True
                    a["leaves"].append(t)
            if self.running.get(m["meetingID"]) is m:
                del self.running[m["meetingID"]]
            p = m["paramsDict"]
            m["recordingmarks"] = (p.get("record") == "true" and
                                   (p.get("autoStartRecording") == "true" or
                                    m["recordingStarted"]))
            gen = self.generation
        threading.Thread(target=self.after_end, args=(m, gen),
                         daemon=True).start()

    def after_end(self, m, gen):
        """What the server does once a meeting has ended: the end
        callback, the analytics callback, then recording processing and
        the recording-ready callback."""
        time.sleep(self.config["callback_delay"])
        p = m["paramsDict"]
        url = p.get("meta_endCallbackUrl")
        if url:
            sep = "&" if "?" in url else "?"
            full = url + sep + "recordingmarks=" + (
                "true" if m["recordingmarks"] else "false")
            self.fire(m, "end", "GET", full)
        url = p.get("meta_analytics-callback-url")
        keep = (p.get("record") == "true" or
                p.get("meetingKeepEvents") == "true" or
                self.config["keep_events_default"])
        if url and keep:
            payload = self.analytics(m)
            token = jwt({"exp": int(time.time()) + 24 * 3600}, self.secret,
                        "HS512")
            with self.lock:
                m["analyticsPayload"] = payload
            self.fire(m, "analytics", "POST", url,
                      json.dumps(payload).encode(), {
                          "Content-Type": "application/json",
                          "Authorization": "Bearer " + token,
                          "User-Agent": "BigBlueButton Analytics Callback"})
        if not m["recordingmarks"]:
            return
        rec = {
            "recordID": m["internalMeetingID"],
            "meetingID": m["meetingID"],
            "internalMeetingID": m["internalMeetingID"],
            "name": m["name"],
            "published": False,
            "state": "processing",
            "startTime": m["startTime"] or m["createTime"],
            "endTime": m["endedAt"],
            "participants": len({a["userID"] for a in m["attendees"]}),
            "metadata": m["metadata"],
            "host": m["host"],
        }
        with self.lock:
            if gen != self.generation:
                return
            self.recordings[rec["recordID"]] = rec
        time.sleep(self.config["recording_delay"])
        with self.lock:
            if rec["state"] == "deleted" or gen != self.generation:
                return
            rec["state"] = "published"
            rec["published"] = True
        self.fire_recording(m, rec)

    def fire_recording(self, m, rec, secret=None, alg="HS256"):
        """POST the recording-ready callback; returns its HTTP status."""
        url = m["paramsDict"].get("meta_bbb-recording-ready-url")
        if not url:
            return None
        token = jwt({"meeting_id": m["meetingID"],
                     "record_id": rec["recordID"]},
                    secret if secret is not None else self.secret, alg)
        body = urllib.parse.urlencode({"signed_parameters": token}).encode()
        return self.fire(m, "recording-ready", "POST", url, body, {
            "Content-Type": "application/x-www-form-urlencoded"})

    def fire(self, m, kind, method, url, body=None, headers=None):
        status, err = http_call(method, url, body, headers)
        entry = {"kind": kind, "method": method, "url": url,
                 "status": status, "error": err, "at": now_ms()}
        if kind == "recording-ready" and body is not None:
            entry["body"] = body.decode()
        with self.lock:
            m["callbacks"].append(entry)
        log("callback %s %s -> %s%s" % (kind, url, status,
                                         " (%s)" % err if err else ""))
        return status

    def analytics(self, m):
        """The learning-analytics callback's body: the shape the
        server's post_events script sends, reduced to what a recording
        of this simulator holds."""
        people = {}
        order = []
        for a in m["attendees"]:
            key = a["userID"]
            if key not in people:
                order.append(key)
                people[key] = {"ext_user_id": a["userID"],
                               "name": a["fullName"],
                               "moderator": a["role"] == "MODERATOR",
                               "joins": [], "leaves": [], "duration": 0,
                               "recent_talking_time": 0,
                               "engagement": {k: 0 for k in ENGAGEMENT_KEYS}}
            p = people[key]
            p["moderator"] = p["moderator"] or a["role"] == "MODERATOR"
            p["joins"] += a["joins"]
            p["leaves"] += a["leaves"]
            for j, lv in zip(a["joins"], a["leaves"]):
                p["duration"] += (lv - j) // 1000
            for k in ENGAGEMENT_KEYS:
                p["engagement"][k] += a["engagement"][k]
            if a["engagement"]["talk_time"]:
                p["recent_talking_time"] = a["leaves"][-1] // 1000 \
                    if a["leaves"] else 0
        attendees = []
        for key in order:
            p = people[key]
            p["joins"] = [iso(t) for t in sorted(p["joins"])]
            p["leaves"] = [iso(t) for t in sorted(p["leaves"])]
            attendees.append(p)
        metadata = {snake(k[5:]): v for k, v in m["params"]
                    if k.startswith("meta_")}
        metadata.pop("meeting_id", None)
        start = m["startTime"] or m["createTime"]
        return {
            "version": "1.0",
            "meeting_id": m["meetingID"],
            "internal_meeting_id": m["internalMeetingID"],
            "data": {
                "metadata": metadata,
                "duration": max(0, (m["endedAt"] - start) // 1000),
                "start": iso(start),
                "finish": iso(m["endedAt"]),
                "attendees": attendees,
                "files": [d.get("filename") or d.get("name") or ""
                          for d in m["documents"]],
                "polls": m["polls"],
            },
        }

    def maybe_end_empty(self, m):
        """After the last attendee left, end the meeting later unless
        somebody joins again."""
        delay = self.config["empty_end_seconds"]
        if delay < 0 or any(not a["left"] for a in m["attendees"]):
            return
        stamp = m["lastActivity"]

        def later():
            time.sleep(delay)
            with self.lock:
                if (m["lastActivity"] != stamp or m["ended"] or
                        any(not a["left"] for a in m["attendees"])):
                    return
            self.end_meeting(m, "empty")
        threading.Thread(target=later, daemon=True).start()

    def fetch_documents(self, m):
        for d in m["documents"]:
            if not d.get("url"):
                continue
            req = urllib.request.Request(d["url"], method="GET")
            try:
                with OPENER.open(req, timeout=10) as r:
                    data = r.read(MAX_BODY)
                    d["fetchStatus"] = r.status
                    d["fetchType"] = r.headers.get("Content-Type")
                    d["fetchBytes"] = len(data)
                    d["fetchPdf"] = data.startswith(b"%PDF")
            except urllib.error.HTTPError as e:
                d["fetchStatus"] = e.code
            except Exception as e:  # noqa: BLE001
                d["fetchStatus"] = None
                d["fetchError"] = "%s: %s" % (type(e).__name__, e)


SIM = None


def log(msg):
    sys.stderr.write("bbbsim: %s\n" % msg)
    sys.stderr.flush()


# -- XML answers ---------------------------------------------------------

def xml_response(fields):
    """<response> from (name, value) pairs; a value may be a list of
    pairs (a nested element) or raw XML given as ("raw", text)."""
    return "<response>" + xml_fields(fields) + "</response>"


def xml_fields(fields):
    out = []
    for name, value in fields:
        if name == "raw":
            out.append(value)
        elif isinstance(value, list):
            out.append("<%s>%s</%s>" % (name, xml_fields(value), name))
        else:
            if isinstance(value, bool):
                value = "true" if value else "false"
            out.append("<%s>%s</%s>" % (name, xml_escape(str(value)), name))
    return "".join(out)


def failed(key, message):
    return xml_response([("returncode", "FAILED"), ("messageKey", key),
                         ("message", message)])


def json_failed(key, message):
    """A FAILED answer of the calls that answer JSON."""
    return json.dumps({"response": {"returncode": "FAILED",
                                    "messageKey": key, "message": message}})


# Calls that answer JSON rather than XML, failures included.
JSON_CALLS = ("getRecordingTextTracks",)


META_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


def metadata_xml(meta):
    # The server lowercases metadata names in its answers.
    return "".join("<%s>%s</%s>" % (k, xml_escape(v), k)
                   for k, v in meta.items() if META_NAME.match(k))


def meeting_fields(m):
    return [
        ("meetingID", m["meetingID"]),
        ("internalMeetingID", m["internalMeetingID"]),
        ("parentMeetingID", "bbb-none"),
        ("attendeePW", m["attendeePW"]),
        ("moderatorPW", m["moderatorPW"]),
        ("createTime", m["createTime"]),
        ("voiceBridge", m["voiceBridge"]),
        ("dialNumber", "613-555-1234"),
        ("createDate", time.strftime("%a %b %d %H:%M:%S UTC %Y",
                                     time.gmtime(m["createTime"] // 1000))),
        ("hasUserJoined", bool(m["attendees"])),
        ("duration", m["paramsDict"].get("duration", "0")),
        ("hasBeenForciblyEnded", m["ended"]),
    ]


def present(m):
    return [a for a in m["attendees"] if not a["left"]]


def info_fields(m):
    here = present(m)
    attendees = "".join(
        "<attendee>" + xml_fields([
            ("userID", a["userID"]), ("fullName", a["fullName"]),
            ("role", a["role"]), ("isPresenter", a["role"] == "MODERATOR"),
            ("isListeningOnly", False), ("hasJoinedVoice", False),
            ("hasVideo", False), ("clientType", "HTML5")]) +
        "<customdata></customdata></attendee>" for a in here)
    return [
        ("meetingName", m["name"]),
        ("meetingID", m["meetingID"]),
        ("internalMeetingID", m["internalMeetingID"]),
        ("createTime", m["createTime"]),
        ("createDate", time.strftime("%a %b %d %H:%M:%S UTC %Y",
                                     time.gmtime(m["createTime"] // 1000))),
        ("voiceBridge", m["voiceBridge"]),
        ("dialNumber", "613-555-1234"),
        ("attendeePW", m["attendeePW"]),
        ("moderatorPW", m["moderatorPW"]),
        ("running", m["running"]),
        ("duration", m["paramsDict"].get("duration", "0")),
        ("hasUserJoined", bool(m["attendees"])),
        ("recording", m["paramsDict"].get("record") == "true"),
        ("hasBeenForciblyEnded", m["ended"]),
        ("startTime", m["startTime"] or 0),
        ("endTime", m["endedAt"] or 0),
        ("participantCount", len(here)),
        ("listenerCount", 0),
        ("voiceParticipantCount", 0),
        ("videoCount", 0),
        ("maxUsers", m["paramsDict"].get("maxParticipants", "0")),
        ("moderatorCount", sum(1 for a in here if a["role"] == "MODERATOR")),
        ("raw", "<attendees>%s</attendees>" % attendees),
        ("raw", "<metadata>%s</metadata>" % metadata_xml(m["metadata"])),
        ("isBreakout", False),
    ]


def recording_xml(rec):
    url = "http://%s/bigbluebutton/sim/playback/%s" % (
        rec["host"], urllib.parse.quote(rec["recordID"]))
    length = max(0, (rec["endTime"] - rec["startTime"]) // 60000)
    return "<recording>" + xml_fields([
        ("recordID", rec["recordID"]),
        ("meetingID", rec["meetingID"]),
        ("internalMeetingID", rec["internalMeetingID"]),
        ("name", rec["name"]),
        ("isBreakout", False),
        ("published", rec["published"]),
        ("state", rec["state"]),
        ("startTime", rec["startTime"]),
        ("endTime", rec["endTime"]),
        ("participants", rec["participants"]),
        ("raw", "<metadata>%s</metadata>" % metadata_xml(
            dict(rec["metadata"], meetingName=rec["name"]))),
        ("playback", [("format", [
            ("type", "presentation"), ("url", url), ("processingTime", 0),
            ("length", length)])]),
    ]) + "</recording>"


# -- the API -------------------------------------------------------------

def strip_checksum(query, checksum):
    """The query string without its checksum parameter, removed as text
    so that the rest keeps its exact encoding and order."""
    for pat in ("&checksum=" + checksum, "checksum=" + checksum + "&",
                "checksum=" + checksum):
        if pat in query:
            return query.replace(pat, "", 1)
    return query


def checksum_ok(call, query):
    """(ok, message).  SHA-256 and SHA-512 are told apart by length, as
    the server does; other lengths (SHA-1 among them) are refused here
    because Lectern never uses them."""
    m = re.search(r"(?:^|&)checksum=([^&]*)", query)
    if m is None:
        return False
    given = m.group(1)
    algo = {64: hashlib.sha256, 128: hashlib.sha512}.get(len(given))
    if algo is None:
        return False
    rest = strip_checksum(query, given)
    want = algo((call + rest + SIM.secret).encode()).hexdigest()
    return hmac.compare_digest(want, given)


def parse_documents(body):
    """Documents of create's XML body: [{url, filename} | {name, bytes}]."""
    docs = []
    root = ET.fromstring(body)
    for module in root.iter("module"):
        if module.get("name") != "presentation":
            continue
        for d in module.iter("document"):
            entry = {}
            for attr in ("url", "filename", "name", "downloadable",
                         "removable", "current"):
                if d.get(attr) is not None:
                    entry[attr] = d.get(attr)
            if d.text and d.text.strip():
                entry["bytes"] = len(base64.b64decode(d.text.strip()))
            docs.append(entry)
    return docs


def check_meeting_id(mid):
    if mid is None or mid == "":
        return failed("missingParamMeetingID",
                      "A meetingID parameter is required.")
    if not 2 <= len(mid) <= 256:
        return failed("validationError",
                      "A meeting ID has 2 to 256 characters.")
    if "," in mid:
        return failed("validationError", "A meeting ID has no commas.")
    return None


def api_create(h, params, plist):
    mid = params.get("meetingID")
    err = check_meeting_id(mid)
    if err:
        return err
    name = params.get("name", "")
    if not name:
        return failed("missingParamName", "A name parameter is required.")
    if params.get("record", "false") not in ("true", "false"):
        return failed("validationError", "record is true or false.")
    docs = []
    ctype = (h.headers.get("Content-Type") or "").split(";")[0].strip()
    if h.command == "POST" and h.body and ctype.endswith("/xml"):
        try:
            docs = parse_documents(h.body)
        except (ET.ParseError, ValueError) as e:
            return failed("invalidXml", "The body is not the modules XML: %s"
                          % e)
    with SIM.lock:
        m = SIM.running.get(mid)
        if m is not None:
            same = ((params.get("attendeePW") is None and
                     params.get("moderatorPW") is None) or
                    (params.get("attendeePW") == m["attendeePW"] and
                     params.get("moderatorPW") == m["moderatorPW"]))
            if not same:
                return failed("idNotUnique", "A meeting with this ID "
                              "exists with other passwords.")
            m["duplicateCreates"] += 1
            return xml_response([("returncode", "SUCCESS")] +
                                meeting_fields(m) + [
                ("messageKey", "duplicateWarning"),
                ("message", "This meeting exists already; nothing was "
                            "changed.")])
        t = now_ms()
        for old in SIM.meetings:
            if old["meetingID"] == mid and old["createTime"] >= t:
                t = old["createTime"] + 1
        internal = hashlib.sha1(mid.encode()).hexdigest() + "-" + str(t)
        m = {
            "meetingID": mid,
            "internalMeetingID": internal,
            "name": name,
            "createTime": t,
            "voiceBridge": str(70000 + secrets.randbelow(9999)),
            "attendeePW": params.get("attendeePW") or secrets.token_hex(4),
            "moderatorPW": params.get("moderatorPW") or secrets.token_hex(4),
            "method": h.command,
            "query": h.query_no_checksum,
            "params": plist,
            "paramsDict": params,
            "contentType": h.headers.get("Content-Type"),
            "body": h.body.decode("utf-8", "replace") if h.body else None,
            "documents": docs,
            "metadata": {k[5:].lower(): v for k, v in plist
                         if k.startswith("meta_")},
            "attendees": [],
            "polls": [],
            "callbacks": [],
            "running": False,
            "ended": False,
            "endedAt": None,
            "endedBy": None,
            "startTime": None,
            "recordingStarted": False,
            "recordingmarks": None,
            "duplicateCreates": 0,
            "rejectedJoins": [],
            "lastActivity": t,
            "host": h.headers.get("Host") or "127.0.0.1",
        }
        SIM.meetings.append(m)
        SIM.running[mid] = m
    if docs and SIM.config["fetch_documents"]:
        threading.Thread(target=SIM.fetch_documents, args=(m,),
                         daemon=True).start()
    return xml_response([("returncode", "SUCCESS")] + meeting_fields(m) + [
        ("messageKey", ""), ("message", "")])


def api_join(h, params, plist):
    mid = params.get("meetingID")
    err = check_meeting_id(mid)
    if err:
        return err
    full_name = params.get("fullName", "")
    if not full_name:
        return failed("missingParamFullName", "A fullName parameter is "
                      "required.")
    with SIM.lock:
        m = SIM.running.get(mid)
        if m is None:
            return failed("notFound", "No meeting with this ID is running.")
        ct = params.get("createTime")
        if ct is not None and ct != str(m["createTime"]):
            m["rejectedJoins"].append({"fullName": full_name,
                                       "userID": params.get("userID"),
                                       "createTime": ct,
                                       "reason": "mismatchCreateTimeParam"})
            return failed("mismatchCreateTimeParam", "The createTime does "
                          "not belong to the meeting running now.")
        role = (params.get("role") or "").upper()
        if role not in ("MODERATOR", "VIEWER"):
            pw = params.get("password")
            if pw and pw == m["moderatorPW"]:
                role = "MODERATOR"
            elif pw and pw == m["attendeePW"]:
                role = "VIEWER"
            elif pw:
                return failed("invalidPassword", "That password belongs "
                              "to neither role.")
            else:
                return failed("paramError", "Give the role (MODERATOR or "
                              "VIEWER) or a password.")
        token = secrets.token_hex(16)
        t = now_ms()
        a = {
            "token": token,
            "userID": params.get("userID") or
            "w_" + secrets.token_hex(6),
            "internalUserID": "w_" + secrets.token_hex(6),
            "fullName": full_name,
            "role": role,
            "avatarURL": params.get("avatarURL"),
            "createTime": ct,
            "params": plist,
            "joins": [t],
            "leaves": [],
            "left": False,
            "ejected": False,
            "engagement": {k: 0 for k in ENGAGEMENT_KEYS},
        }
        m["attendees"].append(a)
        m["running"] = True
        m["lastActivity"] = t
        if m["startTime"] is None:
            m["startTime"] = t
        SIM.sessions[token] = (m, a)
    url = "http://%s/bigbluebutton/sim/client/%s" % (
        h.headers.get("Host") or "127.0.0.1", token)
    if params.get("redirect", "true") != "false":
        return ("redirect", url)
    return xml_response([
        ("returncode", "SUCCESS"), ("messageKey", "successfullyJoined"),
        ("message", "You joined the meeting."),
        ("meeting_id", m["internalMeetingID"]),
        ("user_id", a["internalUserID"]),
        ("auth_token", secrets.token_hex(6)),
        ("session_token", token), ("guestStatus", "ALLOW"),
        ("url", url)])


def find_meeting(params):
    mid = params.get("meetingID")
    err = check_meeting_id(mid)
    if err:
        return None, err
    m = SIM.running.get(mid)
    if m is None:
        return None, failed("notFound", "No meeting with this ID is "
                            "running.")
    return m, None


def api_is_running(h, params, plist):
    err = check_meeting_id(params.get("meetingID"))
    if err:
        return err
    m = SIM.running.get(params["meetingID"])
    return xml_response([("returncode", "SUCCESS"),
                         ("running", bool(m and m["running"]))])


def api_info(h, params, plist):
    with SIM.lock:
        m, err = find_meeting(params)
        if err:
            return err
        return xml_response([("returncode", "SUCCESS")] + info_fields(m))


def api_end(h, params, plist):
    with SIM.lock:
        m, err = find_meeting(params)
        if err:
            return err
    SIM.end_meeting(m, "api")
    return xml_response([
        ("returncode", "SUCCESS"), ("messageKey", "sentEndMeetingRequest"),
        ("message", "The meeting will end in a moment; ask isMeetingRunning "
                    "to know when.")])


def api_recordings(h, params, plist):
    def split(name):
        v = params.get(name)
        return [x for x in v.split(",") if x] if v else None

    mids, rids = split("meetingID"), split("recordID")
    states = split("state") or ["published", "unpublished"]
    try:
        offset = int(params.get("offset", "0"))
        limit = int(params.get("limit", "100"))
    except ValueError:
        return failed("validationError", "offset and limit are numbers.")
    if offset < 0 or not 1 <= limit <= 100:
        return failed("validationError", "offset >= 0, limit 1 to 100.")
    with SIM.lock:
        found = []
        for rec in SIM.recordings.values():
            if mids is not None and rec["meetingID"] not in mids:
                continue
            if rids is not None and not any(
                    rec["recordID"].startswith(r) for r in rids):
                continue
            if "any" not in states and rec["state"] not in states:
                continue
            found.append(rec)
        found.sort(key=lambda r: r["startTime"])
        page = found[offset:offset + limit]
        if not page:
            return xml_response([
                ("returncode", "SUCCESS"), ("raw", "<recordings></recordings>"),
                ("messageKey", "noRecordings"),
                ("message", "No recordings match.")])
        return xml_response([
            ("returncode", "SUCCESS"),
            ("raw", "<recordings>%s</recordings>" %
             "".join(recording_xml(r) for r in page)),
            ("totalElements", len(found))])


def api_publish(h, params, plist):
    rids = params.get("recordID")
    if not rids:
        return failed("missingParamRecordID", "A recordID parameter is "
                      "required.")
    publish = params.get("publish")
    if publish not in ("true", "false"):
        return failed("missingParamPublish", "A publish parameter (true or "
                      "false) is required.")
    with SIM.lock:
        recs = [SIM.recordings.get(r) for r in rids.split(",")]
        if not recs or any(r is None or r["state"] == "deleted" for r in recs):
            return failed("notFound", "No recording with this ID.")
        for r in recs:
            r["published"] = publish == "true"
            r["state"] = "published" if r["published"] else "unpublished"
    return xml_response([("returncode", "SUCCESS"), ("published", publish)])


def api_delete(h, params, plist):
    rids = params.get("recordID")
    if not rids:
        return failed("missingParamRecordID", "A recordID parameter is "
                      "required.")
    with SIM.lock:
        recs = [SIM.recordings.get(r) for r in rids.split(",")]
        if not recs or any(r is None or r["state"] == "deleted" for r in recs):
            return failed("notFound", "No recording with this ID.")
        for r in recs:
            r["state"] = "deleted"
            r["published"] = False
    return xml_response([("returncode", "SUCCESS"), ("deleted", True)])


def track_href(host, rid, t):
    return "http://%s/bigbluebutton/captions/%s/%s_%s.vtt" % (
        host, urllib.parse.quote(rid, safe=""), t["kind"],
        urllib.parse.quote(t["lang"], safe=""))


def api_text_tracks(h, params, plist):
    rid = params.get("recordID")
    if not rid:
        return json_failed("missingParamRecordID",
                           "You must specify a recordID.")
    with SIM.lock:
        rec = SIM.recordings.get(rid)
        if rec is None or rec["state"] == "deleted":
            return json_failed("noRecordings",
                               "No recording found for %s" % rid)
        tracks = [{"href": track_href(rec["host"], rid, t),
                   "kind": t["kind"], "label": t["label"],
                   "lang": t["lang"], "source": t["source"]}
                  for t in SIM.tracks.get(rid, [])]
    return json.dumps({"response": {"returncode": "SUCCESS",
                                    "tracks": tracks}})


def api_meetings(h, params, plist):
    with SIM.lock:
        body = "".join("<meeting>%s</meeting>" % xml_fields(info_fields(m))
                       for m in SIM.running.values())
    return xml_response([("returncode", "SUCCESS"),
                         ("raw", "<meetings>%s</meetings>" % body)])


API = {
    "create": api_create,
    "join": api_join,
    "isMeetingRunning": api_is_running,
    "getMeetingInfo": api_info,
    "getMeetings": api_meetings,
    "end": api_end,
    "getRecordings": api_recordings,
    "publishRecordings": api_publish,
    "deleteRecordings": api_delete,
    "getRecordingTextTracks": api_text_tracks,
}


# -- pages ---------------------------------------------------------------

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
%(refresh)s<title>%(title)s</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem;
       margin: 2rem auto; padding: 0 1rem; color: #1d2733; }
h1 { font-size: 1.5rem; } .note { color: #5a6b7d; }
.badge { background: #c0392b; color: #fff; border-radius: 3px;
         padding: 0 .4em; font-size: .8em; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dt { font-weight: 600; } form { display: inline; }
button { font: inherit; padding: .35rem .9rem; margin-right: .5rem; }
</style></head>
<body>
<p class="note">BigBlueButton simulator: a stand-in for the conferencing
client, for development and tests only.</p>
%(body)s
</body></html>
"""


def page(title, body, refresh=None):
    r = ""
    if refresh:
        r = '<meta http-equiv="refresh" content="%s">\n' % html.escape(
            refresh, quote=True)
    return PAGE % {"title": html.escape(title), "body": body, "refresh": r}


def yes_no(v):
    return "yes" if v else "no"


def client_page(m, a, token):
    e = html.escape
    p = m["paramsDict"]
    welcome = p.get("welcome", "")
    welcome = welcome.replace("%%CONFNAME%%", m["name"])
    locks = [
        ("Camera locked for viewers", p.get("lockSettingsDisableCam") == "true"),
        ("Microphone locked for viewers (listen only)",
         p.get("lockSettingsDisableMic") == "true"),
        ("Muted on join", p.get("muteOnStart") == "true"),
        ("Recorded", p.get("record") == "true"),
        ("Recording running", p.get("record") == "true" and (
            p.get("autoStartRecording") == "true" or m["recordingStarted"])),
    ]
    slides = "".join(
        '<li><span class="slide">%s</span> <span class="note">%s</span></li>'
        % (e(d.get("filename") or d.get("name") or "(no name)"),
           e(d.get("url") or "embedded, %d bytes" % d.get("bytes", 0)))
        for d in m["documents"]) or "<li>No slides.</li>"
    people = "".join(
        "<li>%s (%s)</li>" % (e(x["fullName"]), e(x["role"].lower()))
        for x in present(m))
    mod = a["role"] == "MODERATOR"
    def button(action, label):
        return ('<form method="post" action="/bigbluebutton/sim/client/%s/%s">'
                '<button type="submit">%s</button></form>'
                % (e(token), action, label))

    buttons = button("leave", "Leave")
    if mod and p.get("record") == "true" and not m["recordingStarted"] and \
            p.get("autoStartRecording") != "true":
        buttons += button("record", "Start recording")
    if mod:
        buttons += button("end", "End meeting for all")
    body = """
<h1 id="meeting-name">%(name)s <span class="badge">LIVE</span></h1>
<p id="who">You are <strong id="full-name">%(full)s</strong>,
<span id="role">%(role)s</span>.</p>
%(avatar)s<div id="welcome">%(welcome)s</div>
<h2>Settings</h2>
<dl id="locks">%(locks)s</dl>
<h2>Slides</h2>
<ul id="slides">%(slides)s</ul>
<h2>In the meeting</h2>
<ul id="people">%(people)s</ul>
<p id="actions">%(buttons)s</p>
""" % {"name": e(m["name"]), "full": e(a["fullName"]),
       "role": "moderator" if mod else "viewer",
       "avatar": ('<p id="avatar" class="note">Avatar: %s</p>'
                  % e(a["avatarURL"]) if a["avatarURL"] else ""),
       "welcome": "<p>%s</p>" % e(welcome) if welcome else "",
       "locks": "".join("<dt>%s</dt><dd>%s</dd>" % (e(k), yes_no(v))
                        for k, v in locks),
       "slides": slides, "people": people, "buttons": buttons}
    refresh = SIM.config["client_refresh"]
    return page(m["name"], body, str(refresh) if refresh else None)


def ended_page(m, a, logout):
    e = html.escape
    msg = ("The meeting has ended." if m["ended"] else
           "You left the meeting.")
    link = ('<p><a id="back" href="%s">Back to %s</a></p>'
            % (e(logout, quote=True), e(logout)) if logout else "")
    return page(m["name"], "<h1>%s</h1><p id=\"state\">%s</p>%s"
                % (e(m["name"]), e(msg), link),
                "3; url=%s" % logout if logout and m["ended"] else None)


def overview_page():
    e = html.escape
    rows = []
    with SIM.lock:
        for m in reversed(SIM.meetings):
            rows.append("<tr><td>%s</td><td>%s</td><td>%s</td><td>%d</td>"
                        "<td>%s</td></tr>" % (
                            e(m["name"]), e(m["meetingID"]),
                            "ended" if m["ended"] else
                            "running" if m["running"] else "created",
                            len(present(m)),
                            e(", ".join("%s %s" % (c["kind"], c["status"])
                                        for c in m["callbacks"]))))
        mode = dict(SIM.mode)
    table = ("<table><tr><th>Name</th><th>meetingID</th><th>State</th>"
             "<th>Present</th><th>Callbacks</th></tr>%s</table>"
             % "".join(rows)) if rows else "<p>No meetings yet.</p>"
    return page("BigBlueButton simulator", "<h1>Meetings</h1>%s"
                "<p class=\"note\">Mode: %s (%d left). JSON: "
                "<a href=\"meetings\">sim/meetings</a>.</p>"
                % (table, e(mode["mode"]), mode["count"]))


def playback_page(rec):
    e = html.escape
    return page("Recording", "<h1>Recording of %s</h1><p>%s</p>"
                "<p class=\"note\">A stand-in for the playback of "
                "recording %s.</p>" % (
                    e(rec["name"]),
                    time.strftime("%Y-%m-%d %H:%M UTC",
                                  time.gmtime(rec["startTime"] // 1000)),
                    e(rec["recordID"])))


# -- HTTP ----------------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    server_version = "bbbsim/1"
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        log("%s %s" % (self.address_string(), fmt % args))

    # Answers.

    def send(self, status, ctype, body, headers=()):
        data = body.encode() if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-cache")
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def send_json(self, obj, status=200):
        self.send(status, "application/json",
                  json.dumps(obj, indent=1, sort_keys=True))

    def send_html(self, body, status=200):
        self.send(status, "text/html; charset=utf-8", body)

    def redirect(self, url, status=302):
        self.send(status, "text/plain", "", [("Location", url)])

    # Requests.

    def read_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        if n > MAX_BODY:
            raise ValueError("body too large")
        self.body = self.rfile.read(n) if n > 0 else b""

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        self.body = b""
        self.route()

    def do_POST(self):
        try:
            self.read_body()
        except ValueError:
            self.send(413, "text/plain", "too large")
            return
        self.route()

    def route(self):
        u = urllib.parse.urlsplit(self.path)
        path = u.path
        if path.startswith("/bigbluebutton"):
            path = path[len("/bigbluebutton"):]
        self.query = u.query
        try:
            if path in ("/api", "/api/"):
                self.api(None)
            elif path.startswith("/api/"):
                self.api(path[5:])
            elif path.startswith("/sim/"):
                self.sim(path[5:])
            elif path.startswith("/captions/"):
                self.caption_file(path[10:])
            else:
                self.send(404, "text/plain", "not found")
        except BrokenPipeError:
            pass
        except Exception as e:  # noqa: BLE001 - report, keep serving
            log("error on %s: %s: %s" % (self.path, type(e).__name__, e))
            self.send(500, "text/plain", "simulator error: %s" % e)

    def api(self, call):
        mode = SIM.take_mode()
        if mode == "stall":
            # Held until stall_seconds pass or the mode is set back to
            # normal, which releases every call held.
            with SIM.lock:
                SIM.held += 1
                release = SIM.release
            try:
                release.wait(SIM.config["stall_seconds"])
            finally:
                with SIM.lock:
                    SIM.held -= 1
        elif mode == "html":
            self.note_call(call, "mode html")
            self.send_html("<!doctype html><html><head><title>502 Bad "
                           "Gateway</title></head><body><h1>Bad Gateway"
                           "</h1><p>The conferencing server is being "
                           "restarted.</p></body></html>")
            return
        elif mode == "status500":
            self.note_call(call, "mode status500")
            self.send(500, "text/html", "<html><body><h1>500 Internal "
                      "Server Error</h1></body></html>")
            return
        if call is None:
            self.note_call("", "SUCCESS")
            out = xml_response([("returncode", "SUCCESS"),
                                ("version", "2.0"), ("apiVersion", "2.0"),
                                ("bbbVersion", "3.0-simulator")])
        else:
            out = self.api_call(call)
        if isinstance(out, tuple) and out[0] == "redirect":
            if mode == "malformed":
                out = "<response><returncode>SUCCESS</returncode><url>"
            else:
                self.redirect(out[1])
                return
        if mode == "malformed":
            out = out[:max(12, len(out) // 2)]
        self.send(200, "application/json" if call in JSON_CALLS else
                  "text/xml;charset=utf-8", out)

    def api_call(self, call):
        m = re.search(r"(?:^|&)checksum=([^&]*)", self.query)
        self.query_no_checksum = (strip_checksum(self.query, m.group(1))
                                  if m else self.query)
        handler = API.get(call)
        fail = json_failed if call in JSON_CALLS else failed
        if handler is None:
            self.note_call(call, "FAILED unsupportedRequest")
            return fail("unsupportedRequest",
                          "This simulator does not know that call.")
        if not checksum_ok(call, self.query):
            self.note_call(call, "FAILED checksumError")
            return fail("checksumError", "The checksum does not match "
                          "this call.")
        if self.command == "POST" and self.body:
            ctype = (self.headers.get("Content-Type") or "").split(";")[0]
            allowed = {"create": ("text/xml", "application/xml",
                                  "application/x-www-form-urlencoded",
                                  "multipart/form-data")}.get(
                call, ("application/x-www-form-urlencoded",))
            if ctype.strip().lower() not in allowed:
                self.note_call(call, "FAILED unsupportedContentType")
                return fail("unsupportedContentType", "This call does "
                              "not accept that content type.")
        try:
            plist = urllib.parse.parse_qsl(self.query_no_checksum,
                                           keep_blank_values=True,
                                           strict_parsing=False,
                                           errors="strict")
        except (ValueError, UnicodeDecodeError):
            self.note_call(call, "FAILED paramError")
            return fail("paramError", "The query string is malformed.")
        ctype = (self.headers.get("Content-Type") or "").lower()
        if self.body and ctype.startswith("application/x-www-form-urlencoded"):
            # Parameters may also come in a form body; the checksum
            # covers the query string only.
            plist += urllib.parse.parse_qsl(self.body.decode(),
                                            keep_blank_values=True)
        params = {}
        for k, v in plist:
            params.setdefault(k, v)
        out = handler(self, params, plist)
        if isinstance(out, tuple):
            self.note_call(call, "redirect")
        else:
            rc = re.search(r"<returncode>(\w+)</returncode>|"
                           r'"returncode": "(\w+)"', out)
            key = re.search(r"<messageKey>(\w*)</messageKey>|"
                            r'"messageKey": "(\w*)"', out)
            rc = rc and (rc.group(1) or rc.group(2))
            key = key and (key.group(1) or key.group(2))
            self.note_call(call, "%s%s" % (rc or "?",
                                           " " + key if key else ""))
        return out

    def note_call(self, call, result):
        with SIM.lock:
            SIM.calls.append({"call": call, "method": self.command,
                              "query": self.query, "result": result,
                              "at": now_ms()})
            del SIM.calls[:-MAX_CALLS]

    # The simulator's own pages and controls.

    def control_params(self):
        """Parameters of a control request: JSON body, form body or query."""
        out = dict(urllib.parse.parse_qsl(self.query, keep_blank_values=True))
        ctype = (self.headers.get("Content-Type") or "").lower()
        if self.body:
            if "json" in ctype:
                data = json.loads(self.body.decode())
                if not isinstance(data, dict):
                    raise ValueError("send a JSON object")
                out.update(data)
            else:
                out.update(urllib.parse.parse_qsl(self.body.decode(),
                                                  keep_blank_values=True))
        return out

    def sim(self, rest):
        parts = rest.split("/")
        if parts[0] == "client" and len(parts) >= 2:
            return self.client(parts[1], parts[2] if len(parts) > 2 else None)
        if parts[0] == "playback" and len(parts) == 2:
            with SIM.lock:
                rec = SIM.recordings.get(urllib.parse.unquote(parts[1]))
            if rec is None or rec["state"] == "deleted":
                return self.send_html(page("Not found", "<h1>No such "
                                           "recording</h1>"), 404)
            return self.send_html(playback_page(rec))
        if rest == "" and self.command in ("GET", "HEAD"):
            return self.send_html(overview_page())
        if rest == "meetings" and self.command in ("GET", "HEAD"):
            return self.send_json(self.dump())
        if self.command != "POST":
            return self.send_json({"error": "use POST"}, 405)
        try:
            p = self.control_params()
        except (ValueError, UnicodeDecodeError) as e:
            return self.send_json({"error": str(e)}, 400)
        fn = {"mode": self.c_mode, "reset": self.c_reset,
              "restart": self.c_restart, "eject": self.c_eject,
              "config": self.c_config, "engage": self.c_engage,
              "poll": self.c_poll, "recording": self.c_recording,
              "track": self.c_track,
              "fire-recording": self.c_fire}.get(rest)
        if fn is None:
            return self.send_json({"error": "unknown control"}, 404)
        fn(p)

    def dump(self):
        q = dict(urllib.parse.parse_qsl(self.query))
        with SIM.lock:
            ms = [SIM.meeting_json(m) for m in SIM.meetings
                  if "meetingID" not in q or m["meetingID"] == q["meetingID"]]
            for m in ms:
                m.pop("paramsDict", None)
                for a in m["attendees"]:
                    a["joins"] = list(a["joins"])
                    a["leaves"] = list(a["leaves"])
            return {"meetings": ms,
                    "recordings": [dict(r) for r in SIM.recordings.values()],
                    "calls": list(SIM.calls),
                    "received": SIM.received,
                    "held": SIM.held,
                    "mode": dict(SIM.mode),
                    "config": dict(SIM.config)}

    def c_mode(self, p):
        mode = p.get("mode", "normal")
        if mode not in MODES:
            return self.send_json({"error": "mode is one of %s"
                                   % ", ".join(MODES)}, 400)
        try:
            count = int(p.get("count", 1))
        except (TypeError, ValueError):
            return self.send_json({"error": "count is a number"}, 400)
        with SIM.lock:
            SIM.mode = {"mode": mode, "count": 0 if mode == "normal"
                        else count}
            if mode != "normal" and count <= 0:
                SIM.mode["count"] = -1    # until the mode is set again
            if "seconds" in p:
                SIM.config["stall_seconds"] = float(p["seconds"])
            if mode == "normal":
                # Release the calls held now; later stalls hold anew.
                SIM.release.set()
                SIM.release = threading.Event()
            self.send_json({"mode": dict(SIM.mode)})

    def c_reset(self, p):
        SIM.reset()
        self.send_json({"reset": True})

    def c_restart(self, p):
        SIM.restart()
        self.send_json({"restarted": True})

    def c_eject(self, p):
        t = now_ms()
        with SIM.lock:
            m = SIM.running.get(p.get("meetingID"))
            people = [a for a in (m["attendees"] if m else [])
                      if a["userID"] == str(p.get("userID"))]
            if not people:
                return self.send_json({"error": "no such meeting or "
                                       "attendee"}, 404)
            for a in people:
                a["ejected"] = True
                if not a["left"]:
                    a["left"] = True
                    a["leaves"].append(t)
            m["lastActivity"] = t
        SIM.maybe_end_empty(m)
        self.send_json({"ejected": len(people)})

    def c_config(self, p):
        with SIM.lock:
            for k, v in p.items():
                if k not in DEFAULT_CONFIG:
                    return self.send_json({"error": "unknown key %s" % k}, 400)
                cur = DEFAULT_CONFIG[k]
                if isinstance(cur, bool):
                    v = v if isinstance(v, bool) else str(v).lower() in (
                        "1", "true", "yes")
                else:
                    v = type(cur)(v)
                SIM.config[k] = v
            self.send_json({"config": dict(SIM.config)})

    def find_attendees(self, p):
        """The meeting named by meetingID (running first, else the last
        one created) and its attendees with userID."""
        mid = p.get("meetingID")
        m = SIM.running.get(mid)
        if m is None:
            for x in reversed(SIM.meetings):
                if x["meetingID"] == mid:
                    m = x
                    break
        if m is None:
            return None, []
        return m, [a for a in m["attendees"]
                   if a["userID"] == str(p.get("userID"))]

    def c_engage(self, p):
        with SIM.lock:
            m, people = self.find_attendees(p)
            if m is None or not people:
                return self.send_json({"error": "no such meeting or "
                                       "attendee"}, 404)
            a = people[-1]
            for k in ENGAGEMENT_KEYS:
                if k in p:
                    a["engagement"][k] += int(p[k])
            self.send_json({"engagement": dict(a["engagement"])})

    def c_poll(self, p):
        with SIM.lock:
            m, _ = self.find_attendees(p)
            if m is None:
                return self.send_json({"error": "no such meeting"}, 404)
            # bbb-events' Poll, as the analytics report carries it:
            # votes map each voter's external user id to the answer
            # (answers, where several are allowed).
            options = p.get("options", ["A", "B"])
            votes = p.get("votes") or {}
            published = p.get("published", True)
            if isinstance(published, str):
                published = published.lower() == "true"
            poll = {"id": p.get("id") or "%s/%d" % (
                        m["internalMeetingID"], len(m["polls"]) + 1),
                    "type": p.get("type", "custom"),
                    "published": published,
                    "question": p.get("question", ""),
                    "options": options, "votes": votes,
                    "start": iso(now_ms())}
            m["polls"].append(poll)
            self.send_json({"poll": poll})

    def c_recording(self, p):
        mid = p.get("meetingID")
        if not isinstance(mid, str) or check_meeting_id(mid) is not None:
            return self.send_json({"error": "meetingID is required (no "
                                   "commas, 2 to 256 characters)"}, 400)
        try:
            start = int(p.get("startTime"))
            end = int(p.get("endTime"))
        except (TypeError, ValueError):
            return self.send_json({"error": "startTime and endTime are "
                                   "numbers (ms)"}, 400)
        meta = p.get("meta") or {}
        if end < start or not isinstance(meta, dict):
            return self.send_json({"error": "endTime before startTime, "
                                   "or meta not an object"}, 400)
        internal = "%s-%d" % (hashlib.sha1(mid.encode()).hexdigest(), start)
        rec = {
            "recordID": internal,
            "meetingID": mid,
            "internalMeetingID": internal,
            "name": p.get("name") or mid,
            "published": True,
            "state": "published",
            "startTime": start,
            "endTime": end,
            "participants": int(p.get("participants", 0) or 0),
            "metadata": {str(k): str(v) for k, v in meta.items()},
            "host": self.headers.get("Host") or "127.0.0.1",
        }
        with SIM.lock:
            SIM.recordings[internal] = rec
        self.send_json({"recording": rec})

    def c_track(self, p):
        rid, vtt = p.get("recordID"), p.get("vtt")
        t = {"kind": p.get("kind") or "captions",
             "lang": p.get("lang") or "en-US",
             "label": p.get("label") or "English",
             "source": p.get("source") or "upload"}
        if not isinstance(vtt, str) or not all(
                isinstance(v, str) for v in t.values()):
            return self.send_json({"error": "vtt (the file's text) is "
                                   "required; kind, lang, label and "
                                   "source are strings"}, 400)
        if t["kind"] not in ("captions", "subtitles"):
            return self.send_json({"error": "kind is captions or "
                                   "subtitles"}, 400)
        with SIM.lock:
            rec = SIM.recordings.get(rid)
            if rec is None:
                return self.send_json({"error": "no such recording"}, 404)
            tracks = [x for x in SIM.tracks.get(rid, [])
                      if (x["kind"], x["lang"]) != (t["kind"], t["lang"])]
            t["body"] = vtt
            tracks.append(t)
            SIM.tracks[rid] = tracks
            href = track_href(rec["host"], rid, t)
        self.send_json({"track": {"href": href, "kind": t["kind"],
                                  "lang": t["lang"]}})

    def caption_file(self, rest):
        parts = rest.split("/")
        if len(parts) == 2 and parts[1].endswith(".vtt"):
            rid = urllib.parse.unquote(parts[0])
            kind, _, lang = parts[1][:-4].partition("_")
            with SIM.lock:
                for t in SIM.tracks.get(rid, []):
                    if (t["kind"], t["lang"]) == (
                            kind, urllib.parse.unquote(lang)):
                        return self.send(200, "text/vtt;charset=utf-8",
                                         t["body"])
        self.send(404, "text/plain", "not found")

    def c_fire(self, p):
        with SIM.lock:
            rec = SIM.recordings.get(p.get("recordID", ""))
            m = None
            if rec is None and p.get("meetingID"):
                for r in SIM.recordings.values():
                    if r["meetingID"] == p["meetingID"]:
                        rec = r
            if rec is not None:
                for x in SIM.meetings:
                    if x["internalMeetingID"] == rec["internalMeetingID"]:
                        m = x
        if rec is None or m is None:
            return self.send_json({"error": "no such recording"}, 404)
        status = SIM.fire_recording(m, rec, p.get("secret"),
                                    p.get("alg", "HS256"))
        self.send_json({"status": status})

    def client(self, token, action):
        with SIM.lock:
            found = SIM.sessions.get(token)
        if found is None:
            return self.send_html(page("Not found", "<h1>This session "
                                       "token is not valid.</h1>"), 404)
        m, a = found
        if a.get("ejected"):
            return self.send_html(page("Removed", "<h1 id=\"ejected\">You "
                                       "were removed from this meeting."
                                       "</h1>"), 403)
        logout = m["paramsDict"].get("logoutURL")
        if action is None and self.command in ("GET", "HEAD"):
            if m["ended"] or a["left"]:
                return self.send_html(ended_page(m, a, logout))
            return self.send_html(client_page(m, a, token))
        if self.command != "POST" or action not in ("leave", "end", "record"):
            return self.send(405, "text/plain", "use the buttons")
        if action == "leave":
            with SIM.lock:
                if not a["left"]:
                    a["left"] = True
                    a["leaves"].append(now_ms())
                    m["lastActivity"] = now_ms()
            SIM.maybe_end_empty(m)
        elif a["role"] != "MODERATOR":
            return self.send_html(page("Forbidden", "<h1>Only moderators "
                                       "may do that.</h1>"), 403)
        elif action == "record":
            with SIM.lock:
                m["recordingStarted"] = True
            return self.redirect("/bigbluebutton/sim/client/" + token, 303)
        else:
            SIM.end_meeting(m, "client")
        if logout:
            return self.redirect(logout, 303)
        return self.send_html(ended_page(m, a, None))


def main():
    global SIM
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--bind", default="127.0.0.1")
    ap.add_argument("--conf", help="Lectern configuration (bbb_secret)")
    ap.add_argument("--secret", help="the shared secret itself")
    args = ap.parse_args()
    if args.secret:
        secret = args.secret
    elif args.conf:
        secret = read_secret(args.conf)
    else:
        ap.error("give --conf or --secret")
    SIM = Sim(secret)
    ThreadingHTTPServer.daemon_threads = True
    ThreadingHTTPServer.allow_reuse_address = True
    server = ThreadingHTTPServer((args.bind, args.port), Handler)
    log("listening on http://%s:%d/bigbluebutton/" % (args.bind, args.port))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
