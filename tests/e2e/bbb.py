"""Helpers for tests that talk to the BigBlueButton simulator
(tests/bbbsim/bbbsim.py) and to Lectern's provider callbacks: the
configuration's addresses and secrets, API calls with checksums made
here with hashlib, the simulator's control endpoints, and JWTs."""

import base64
import hashlib
import hmac
import http.client
import json
import time
import urllib.parse
import uuid
import xml.etree.ElementTree as ET

from lectern import CONF, Response


def conf(key):
    """A value of the Lectern configuration the tests run against."""
    value = None
    with open(CONF, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("#") or "=" not in line:
                continue
            k, _, v = line.partition("=")
            if k.strip() == key:
                value = v.strip()
    return value


def api_base():
    """The API address: bbb_url + "api/" (bbb_url ends in a slash)."""
    return conf("bbb_url").rstrip("/") + "/api/"


def meeting_id():
    """A fresh meeting id of the shape Lectern uses (32 hex digits)."""
    return uuid.uuid4().hex


def checksum(call, query, algo="sha256", secret=None):
    secret = conf("bbb_secret") if secret is None else secret
    return hashlib.new(algo, (call + query + secret).encode()).hexdigest()


def api_url(call, params=(), algo="sha256", secret=None):
    """The full address of an API call, signed."""
    query = urllib.parse.urlencode(list(params.items())
                                   if isinstance(params, dict) else params)
    cs = checksum(call, query, algo, secret)
    return api_base() + call + "?" + (query + "&" if query else "") + \
        "checksum=" + cs


def request(method, url, body=None, headers=None, timeout=60):
    """One request to an absolute http:// address; a Response."""
    u = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port or 80,
                                      timeout=timeout)
    path = u.path + ("?" + u.query if u.query else "")
    conn.request(method, path, body=body, headers=headers or {})
    r = conn.getresponse()
    resp = Response(r.status, r.getheaders(), r.read())
    conn.close()
    return resp


def api(call, params=(), algo="sha256", secret=None, method="GET",
        body=None, content_type=None):
    headers = {"Content-Type": content_type} if content_type else {}
    return request(method, api_url(call, params, algo, secret), body, headers)


def xml(resp):
    """The parsed <response> of an API answer."""
    return ET.fromstring(resp.raw)


def field(resp, name):
    el = xml(resp).find(name)
    return None if el is None else (el.text or "")


def sim_base():
    return conf("bbb_url").rstrip("/") + "/sim/"


def sim(path, data=None):
    """A control endpoint of the simulator: GET without data, else POST
    the data as JSON.  Returns the decoded JSON answer."""
    if data is None:
        r = request("GET", sim_base() + path)
    else:
        r = request("POST", sim_base() + path, json.dumps(data).encode(),
                 {"Content-Type": "application/json"})
    assert r.status == 200, (path, r)
    return json.loads(r.text)


def sim_meeting(mid):
    """The simulator's record of meeting mid (the latest one)."""
    found = sim("meetings?meetingID=" + urllib.parse.quote(mid))["meetings"]
    assert found, "the simulator has no meeting %s" % mid
    return found[-1]


def wait_for(fn, timeout=15.0, step=0.1):
    """Call fn until it returns something true; return that."""
    deadline = time.time() + timeout
    while True:
        v = fn()
        if v:
            return v
        if time.time() > deadline:
            raise AssertionError("gave up waiting for %s" % fn.__name__)
        time.sleep(step)


def wait_callbacks(mid, n, timeout=15.0):
    """The simulator's callbacks of mid once there are at least n."""
    def enough():
        cbs = sim_meeting(mid)["callbacks"]
        return cbs if len(cbs) >= n else None
    return wait_for(enough, timeout)


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def jwt(payload, secret=None, alg="HS256", header=None):
    """A compact JWT; alg "none" leaves it unsigned."""
    secret = conf("bbb_secret") if secret is None else secret
    head = header or {"typ": "JWT", "alg": alg}
    signing = b64url(json.dumps(head, separators=(",", ":")).encode()) + \
        "." + b64url(json.dumps(payload, separators=(",", ":")).encode())
    if alg == "none":
        return signing + "."
    digest = {"HS256": hashlib.sha256, "HS512": hashlib.sha512}[alg]
    return signing + "." + b64url(hmac.new(secret.encode(), signing.encode(),
                                           digest).digest())


def jwt_claims(token, secret=None, alg="HS256"):
    """Verify token as a receiver would; its claims, or None."""
    secret = conf("bbb_secret") if secret is None else secret
    try:
        h, p, s = token.split(".")
        head = json.loads(base64.urlsafe_b64decode(h + "=" * (-len(h) % 4)))
        if head.get("alg") != alg:
            return None
        digest = {"HS256": hashlib.sha256, "HS512": hashlib.sha512}[alg]
        want = b64url(hmac.new(secret.encode(), (h + "." + p).encode(),
                               digest).digest())
        if not hmac.compare_digest(want, s):
            return None
        return json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))
    except ValueError:
        return None


def end_token(mid):
    """Lectern's token in meta_endCallbackUrl: conf_token "end"."""
    return hmac.new(conf("secret_key").encode(), ("end\n" + mid).encode(),
                    hashlib.sha256).hexdigest()
