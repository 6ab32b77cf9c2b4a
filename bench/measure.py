#!/usr/bin/env python3
"""The measuring half of bench/run: signs in the heavy accounts, then for
every page runs wrk against Lectern (FastCGI and plain CGI) and against
the ceilings serving the same bytes, prints a table per page and a
summary, and writes JSON and Markdown under bench/results/.

    python3 bench/measure.py ENV_FILE
    python3 bench/measure.py --summary bench/results/RUN.json

The second form prints the summary table of an earlier run again.
ENV_FILE holds KEY=VALUE lines written by bench/run (the addresses, the
accounts, the ids bench/fixtures.sh printed, the settings).  Standard
library only.  See bench/README.md."""

import datetime
import http.client
import json
import os
import platform
import re
import subprocess
import sys
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))


def read_env(path):
    env = {}
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if "=" in line and not line.startswith("#"):
                k, _, v = line.partition("=")
                env[k.strip()] = v
    return env


class Client:
    """A browser of one account: its cookies, no redirects followed."""

    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port or 80
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = self.cookie_header()
        if body is not None:
            h["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        data = r.read()
        hdrs = r.getheaders()
        conn.close()
        for k, v in hdrs:
            if k.lower() != "set-cookie":
                continue
            name, _, rest = v.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in v or value == "":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return r.status, {k.lower(): v for k, v in hdrs}, data

    def cookie_header(self):
        return "; ".join("%s=%s" % kv for kv in self.cookies.items())

    def csrf(self, path="/"):
        """The session's CSRF token, from the form of a page (every page
        has the sign-out form)."""
        st, _, body = self.request("GET", path)
        m = re.search(rb'name="csrf" value="([0-9a-f]+)"', body)
        if st != 200 or not m:
            raise SystemExit("measure.py: no CSRF token on %s (%d)" % (path, st))
        return m.group(1).decode()

    def login(self, email, password):
        tok = self.csrf("/login")
        body = urllib.parse.urlencode({"email": email, "password": password,
                                       "csrf": tok})
        st, _, _ = self.request("POST", "/login", body=body)
        if st != 303:
            raise SystemExit("measure.py: sign-in as %s answered %d" % (email, st))


def pages(env):
    """The pages measured, in order: (name, account, method, path, what)
    and options.  The chat poll follows the latest chat (it needs its
    ETag), and the writes come last."""
    ch, big, room = env["CHANNEL_ID"], env["LARGE_SESSION_ID"], env["ROOM_ID"]
    att = env["ATTEND_SESSION_ID"]
    att_body = "&".join("att_%s=%s" % (lid, ("present", "late", "absent",
                                                "excused")[i % 4])
                        for i, lid in enumerate(env["ATTEND_LEARNERS"].split(",")))
    att_body += "&session_notes=" + urllib.parse.quote_plus(
        "Saved by the benchmark.")
    return [
        dict(name="home-admin", account="admin", path="/",
             what="home, admin"),
        dict(name="home-teacher", account="teacher", path="/",
             what="home, teacher with 5,000 live lessons"),
        dict(name="home-learner", account="learner", path="/",
             what="home, learner in %s sessions" % env["HEAVY"]),
        dict(name="admin-sessions", account="admin", path="/admin/sessions",
             what="session list (admin)"),
        dict(name="admin-search", account="admin",
             path="/admin/sessions?q=autumn", what="session search ?q=autumn"),
        dict(name="my-sessions-learner", account="learner", path="/sessions",
             what="My sessions, learner in %s sessions" % env["HEAVY"]),
        dict(name="my-sessions-coach", account="coach", path="/sessions",
             what="My sessions, coach of %s sessions" % env["HEAVY"]),
        dict(name="schedule-week", account="teacher",
             path="/platform/schedule", what="schedule week, 5,000 lessons"),
        dict(name="schedule-list", account="teacher",
             path="/platform/schedule?view=list",
             what="schedule list, 5,000 lessons"),
        dict(name="classrooms", account="chadmin", path="/platform/channels",
             what="classrooms list (channel admin)"),
        dict(name="channel", account="chadmin",
             path="/platform/channels/%s" % ch,
             what="channel with %s past sessions" % env["CHANNEL_PAST"]),
        dict(name="session-summary", account="chadmin",
             path="/platform/classroom/%s/summary" % big,
             what="summary of a %s-participant session"
             % env["LARGE_SESSION_PEOPLE"]),
        dict(name="archive-search", account="chadmin",
             path="/platform/search?q=geometry",
             what="archive search, a word in 2%% of %s chat lines"
             % env.get("ARCHIVE_LINES", "?")),
        dict(name="notifications", account="learner", path="/notifications",
             what="notifications (%s)" % env["NOTIFICATIONS"]),
        dict(name="chat-latest", account="chadmin",
             path="/platform/classroom/%s/chat" % room,
             what="room chat, latest messages"),
        dict(name="chat-poll", account="chadmin",
             path="/platform/classroom/%s/chat?after={last}" % room,
             what="room chat refresh, nothing new (304)", expect=304,
             etag=True),
        dict(name="chat-post", account="chadmin-w", method="POST",
             path="/platform/classroom/%s/chat" % room,
             body="body=" + urllib.parse.quote_plus(
                 "A message from the benchmark.") + "&js=1",
             what="write: chat message (204)", expect=204),
        dict(name="attendance-save", account="teacher-w", method="POST",
             path="/platform/sessions/%s/attendance" % att, body=att_body,
             what="write: attendance of 20 (303)", expect=303),
    ]


def worker_rss(env):
    """[(pid, RSS in kB)] of the FastCGI workers: the lectern.fcgi
    processes in the process group of the supervisor spawn-fcgi started."""
    try:
        with open(env["APP_PIDFILE"]) as f:
            pgid = int(f.read().strip())
    except (OSError, ValueError):
        return []
    out = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                st = f.read()
            comm = st[st.index("(") + 1:st.rindex(")")]
            fields = st[st.rindex(")") + 2:].split()
            if comm != "lectern.fcgi" or int(fields[2]) != pgid:
                continue
            with open("/proc/%s/status" % d) as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        out.append((int(d), int(line.split()[1])))
        except (OSError, ValueError, IndexError):
            continue
    return sorted(out)


def wrk(env, url, conns, seconds, method="GET", cookie="", body="", csrf="",
        inm="", expect=200):
    """One wrk run; a dict of its results (see wrk.lua) plus req/s."""
    e = dict(os.environ)
    e.update(BENCH_METHOD=method, BENCH_COOKIE=cookie, BENCH_BODY=body,
             BENCH_CSRF=csrf, BENCH_IF_NONE_MATCH=inm,
             BENCH_EXPECT=str(expect))
    cmd = ["wrk", "-t1", "-c%d" % conns, "-d%ds" % seconds,
           "--timeout", "%ds" % int(env.get("BENCH_TIMEOUT", "5")),
           "-s", os.path.join(HERE, "wrk.lua"), url]
    p = subprocess.run(cmd, env=e, capture_output=True, text=True,
                       timeout=seconds + 60)
    line = next((l for l in p.stdout.splitlines()
                 if l.startswith("BENCH-JSON ")), None)
    if p.returncode != 0 or line is None:
        return dict(valid=False, req_s=0.0, failed=(p.stderr or p.stdout)[-300:])
    r = json.loads(line[len("BENCH-JSON "):])
    r["req_s"] = r["requests"] * 1e6 / r["duration_us"] if r["duration_us"] else 0.0
    errs = r["errors"]
    r["socket_errors"] = errs["connect"] + errs["read"] + errs["write"] + errs["timeout"]
    r["valid"] = r["requests"] > 0 and r["unexpected"] == 0 and r["socket_errors"] == 0
    return r


def fmt_int(n):
    return "{:,}".format(int(round(n)))


def ms(us):
    v = us / 1000.0
    return "%.1f" % v if v < 100 else fmt_int(v)


def pct(a, b):
    return "%d%%" % round(100.0 * a / b) if b else "-"


def mb(rss):
    return ", ".join("%.1f" % (kb / 1024.0) for _, kb in rss) or "-"


def queries_text(r):
    lo, hi = r.get("queries_min", -1), r.get("queries_max", -1)
    if lo < 0:
        return "-"
    return str(lo) if lo == hi else "%d-%d" % (lo, hi)


def loadavg():
    """The 1-minute load average: other work on the machine shows here."""
    try:
        with open("/proc/loadavg") as f:
            return float(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def main():
    env = read_env(sys.argv[1])
    started = time.time()
    load_start = loadavg()
    seconds = int(env.get("BENCH_SECONDS", "2"))
    conns = [int(c) for c in env.get("BENCH_CONNECTIONS", "1 16 64").split()]
    cgi_conns = [int(c) for c in env.get("BENCH_CGI_CONNECTIONS", "1 16").split()]
    only = env.get("BENCH_PAGES", "")
    url, cgi_url, ceil_url = env["URL"], env["CGI_URL"], env["CEILING_URL"]
    ceil_dir = env["CEILING_DIR"]

    # The accounts; the writes have sessions of their own, so that the
    # attendance form's flash message never reaches a measured page.
    logins = {
        "admin": env["ADMIN"], "learner": env["HEAVY_LEARNER"],
        "coach": env["HEAVY_COACH"], "teacher": env["TEACHER"],
        "chadmin": env["CHANNEL_ADMIN"], "chadmin-w": env["CHANNEL_ADMIN"],
        "teacher-w": env["TEACHER"],
    }
    clients = {}
    for name, cred in logins.items():
        email, _, password = cred.partition(" ")
        c = Client(url)
        c.login(email, password)
        clients[name] = c

    todo = [p for p in pages(env) if not only or re.search(only, p["name"])]
    results = []
    total_fcgi = 0
    print("Measuring %d pages: wrk %d s a run, FastCGI at c=%s, plain CGI at c=%s"
          % (len(todo), seconds, ",".join(map(str, conns)),
             ",".join(map(str, cgi_conns))), flush=True)
    chat_last, chat_etag = None, None
    for pg in todo:
        c = clients[pg["account"]]
        method = pg.get("method", "GET")
        expect = pg.get("expect", 200)
        path = pg["path"]
        inm = ""
        if pg.get("etag"):
            if chat_etag is None:
                st, h, _ = c.request("GET", pg["path"].split("?")[0])
                chat_last, chat_etag = h.get("x-chat-last"), h.get("etag")
            path = path.replace("{last}", chat_last or "0")
            inm = chat_etag or ""
        csrf = c.csrf() if method == "POST" else ""
        body = pg.get("body", "")
        # The bytes the ceilings serve: this answer's body.
        st, h, data = c.request(method, path,
                                body=(body + "&csrf=" + csrf) if body else None,
                                headers={"If-None-Match": inm} if inm else None)
        if pg["name"] == "chat-latest":
            chat_last, chat_etag = h.get("x-chat-last"), h.get("etag")
        if st != expect:
            raise SystemExit("measure.py: %s %s answered %d, not %d"
                             % (method, path, st, expect))
        with open(os.path.join(ceil_dir, pg["name"] + ".html"), "wb") as f:
            f.write(data)
        queries = h.get("x-lectern-queries", "-")
        rss_before = worker_rss(env)
        cookie = c.cookie_header()
        runs = []

        def run(server, base, n, lectern):
            if lectern:
                r = wrk(env, base + path, n, seconds, method, cookie, body,
                        csrf, inm, expect)
            else:
                r = wrk(env, "%s/%s/%s.html" % (ceil_url, server, pg["name"]),
                        n, seconds)
            r.update(server=server, c=n)
            runs.append(r)
            return r

        for n in conns:
            r = run("lectern", url, n, True)
            total_fcgi += r.get("requests", 0)
            s = run("static", None, n, False)
            f = run("libfcgi", None, n, False)
            r["vs_static"] = r["req_s"] / s["req_s"] if s["req_s"] else None
            r["vs_libfcgi"] = r["req_s"] / f["req_s"] if f["req_s"] else None
        for n in cgi_conns:
            r = run("lectern-cgi", cgi_url, n, True)
            g = run("cgi", None, n, False)
            r["vs_cgi"] = r["req_s"] / g["req_s"] if g["req_s"] else None
        rss_after = worker_rss(env)
        res = dict(name=pg["name"], what=pg["what"], account=pg["account"],
                   method=method, path=path, expect=expect, bytes=len(data),
                   queries=queries, rss_before_kb=[kb for _, kb in rss_before],
                   rss_after_kb=[kb for _, kb in rss_after], runs=runs)
        results.append(res)
        print_page(res, rss_before, rss_after)

    elapsed = time.time() - started
    report = dict(
        date=datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        scale=env["SCALE_NAME"], scale_factor=env["SCALE"],
        commit=env.get("COMMIT", "unknown"),
        machine=machine(), workers=int(env["WORKERS"]), seconds=seconds,
        connections=conns, cgi_connections=cgi_conns, data=data_summary(env),
        fcgi_requests=total_fcgi, final_rss_kb=[kb for _, kb in worker_rss(env)],
        measure_seconds=round(elapsed), load_start=load_start,
        load_end=loadavg(), pages=results)
    md = summary_markdown(report)
    print()
    print(md)
    os.makedirs(env["RESULTS"], exist_ok=True)
    stem = os.path.join(env["RESULTS"], "%s-%s" % (
        datetime.datetime.now().strftime("%Y%m%d-%H%M%S"), env["SCALE_NAME"]))
    with open(stem + ".json", "w") as f:
        json.dump(report, f, indent=1)
        f.write("\n")
    with open(stem + ".md", "w") as f:
        f.write(md)
    print("Results: %s.json and %s.md" % (os.path.relpath(stem), os.path.relpath(stem)))
    bad = [p["name"] for p in results if not all(r["valid"] for r in p["runs"])]
    if bad:
        print("INVALID runs (unexpected statuses or socket errors) in: "
              + ", ".join(bad))


def print_page(res, rss_before, rss_after):
    print()
    print("%s: %s %s (%s), as %s, expecting %d; %s bytes, %s statements "
          "on the first request"
          % (res["name"], res["method"], res["path"], res["what"],
             res["account"], res["expect"], fmt_int(res["bytes"]),
             res["queries"]))
    print("  FastCGI worker RSS (MB): before %s, after %s"
          % (mb(rss_before), mb(rss_after)))
    print("  %-12s %3s %9s %8s %8s %7s %6s %7s %8s %6s %6s  %s"
          % ("server", "c", "req/s", "p50 ms", "p99 ms", "wrong", "sock",
             "static", "libfcgi", "cgi", "stmts", ""))
    for r in res["runs"]:
        if "requests" not in r:
            print("  %-12s %3d  wrk failed: %s" % (r["server"], r["c"],
                                                   r.get("failed", "")))
            continue
        lat = r["latency_us"]

        def ratio(k):
            v = r.get(k)
            return "%d%%" % round(100 * v) if v is not None else ""
        print("  %-12s %3d %9s %8s %8s %7d %6d %7s %8s %6s %6s  %s"
              % (r["server"], r["c"], fmt_int(r["req_s"]), ms(lat["p50"]),
                 ms(lat["p99"]), r["unexpected"], r["socket_errors"],
                 ratio("vs_static"), ratio("vs_libfcgi"), ratio("vs_cgi"),
                 queries_text(r), "" if r["valid"] else "INVALID"),
              flush=True)


def machine():
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = 0
    try:
        with open("/proc/meminfo") as f:
            mem = int(f.readline().split()[1]) // (1024 * 1024)
    except (OSError, ValueError, IndexError):
        pass
    return dict(cores=os.cpu_count(), cpu=model, memory_gib=mem,
                kernel=platform.release())


def data_summary(env):
    keys = ("SESSIONS", "ENROLLMENTS", "HEAVY", "LIVE_LESSONS", "CHANNEL_PAST",
            "LARGE_SESSION_PEOPLE", "NOTIFICATIONS", "ARCHIVE_LINES")
    return {k.lower(): int(env[k]) for k in keys if env.get(k, "").isdigit()}


def find(res, server, c):
    for r in res["runs"]:
        if r["server"] == server and r["c"] == c:
            return r
    return None


def summary_markdown(rep):
    """One row per page; the ceilings' req/s and Lectern's share of them
    at the highest FastCGI and CGI concurrency."""
    hi = max(rep["connections"])
    chi = max(rep["cgi_connections"]) if rep["cgi_connections"] else None
    m = rep["machine"]
    d = rep["data"]
    out = []
    out.append("%s, Lectern %s, scale %s (%s): %s; %d FastCGI workers, wrk "
               "%d s a run, one thread.  %s, %d cores, %d GiB; load average "
               "%s at the start, %s at the end."
               % (rep["date"], rep.get("commit", "?"), rep["scale"],
                  rep["scale_factor"], ", ".join(
                   "%s %s" % (k.replace("_", " "), fmt_int(v))
                   for k, v in d.items()), rep["workers"], rep["seconds"],
                  m["cpu"] or "unknown CPU", m["cores"], m["memory_gib"],
                  rep.get("load_start", "-"), rep.get("load_end", "-")))
    out.append("")
    cols = ["page", "bytes", "stmts"]
    cols += ["req/s c=%d" % c for c in rep["connections"]]
    cols += ["p50 / p99 ms c=%d" % hi, "libfcgi req/s c=%d" % hi,
             "% libfcgi", "% static"]
    if chi:
        cols += ["CGI req/s c=%d" % chi, "CGI p50 ms", "CGI hello req/s",
                 "% CGI hello"]
    cols += ["RSS MB after"]
    out.append("| " + " | ".join(cols) + " |")
    out.append("|" + "---|" * len(cols))
    for p in rep["pages"]:
        invalid = not all(r["valid"] for r in p["runs"])
        first = find(p, "lectern", min(rep["connections"]))
        row = ["%s%s" % (p["name"], " (INVALID)" if invalid else ""),
               fmt_int(p["bytes"]), queries_text(first) if first else "-"]
        for c in rep["connections"]:
            r = find(p, "lectern", c)
            row.append(fmt_int(r["req_s"]) + ("" if r["valid"] else "*")
                       if r else "-")
        r, f, s = (find(p, "lectern", hi), find(p, "libfcgi", hi),
                   find(p, "static", hi))
        row.append("%s / %s" % (ms(r["latency_us"]["p50"]),
                                ms(r["latency_us"]["p99"]))
                   if r and "latency_us" in r else "-")
        row.append(fmt_int(f["req_s"]) if f else "-")
        row.append(pct(r["req_s"], f["req_s"]) if r and f else "-")
        row.append(pct(r["req_s"], s["req_s"]) if r and s else "-")
        if chi:
            r, g = find(p, "lectern-cgi", chi), find(p, "cgi", chi)
            row.append(fmt_int(r["req_s"]) + ("" if r["valid"] else "*")
                       if r else "-")
            row.append(ms(r["latency_us"]["p50"]) if r and "latency_us" in r
                       else "-")
            row.append(fmt_int(g["req_s"]) if g else "-")
            row.append(pct(r["req_s"], g["req_s"]) if r and g else "-")
        row.append(", ".join("%.1f" % (kb / 1024.0) for kb in p["rss_after_kb"]))
        out.append("| " + " | ".join(row) + " |")
    out.append("")
    out.append("`*`: an invalid run (an answer with another status than the "
               "page's, or a socket error or timeout).  FastCGI requests in "
               "the run: %s; worker RSS at the end: %s MB.  Measuring took "
               "%d s." % (fmt_int(rep["fcgi_requests"]), ", ".join(
                   "%.1f" % (kb / 1024.0) for kb in rep["final_rss_kb"]) or "-",
                   rep["measure_seconds"]))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--summary":
        # The summary table of an earlier run, from its JSON.
        with open(sys.argv[2]) as f:
            sys.stdout.write(summary_markdown(json.load(f)))
    elif len(sys.argv) == 2:
        main()
    else:
        sys.exit("usage: bench/measure.py ENV_FILE | --summary RESULTS.json")
