"""The search of the session archive (/platform/search): each user finds
only the ended sessions of the channels they may see; a session's name,
description, chat and transcript lines are found and linked; the words
found are marked in an escaped snippet; the pages follow each other
without a gap or a repeat, in a number of statements that does not grow
with the data; a search of nothing, of signs only or of a very long
text gets a message, never an error of the server."""

import html
import re
import uuid

from lectern import Client, create_user, signed_in, sql, sql_quote, \
    sql_value, test, unique
from test_classroom import new_channel, setup


def past(cid, name, description=None, minutes_ago=60):
    """An ended session of channel cid, written directly; its id."""
    mid = uuid.uuid4().hex
    sql("INSERT INTO classroom_sessions (channel_id, provider, meeting_id, "
        "name, description, status, started_at, ended_at, created_at, "
        "updated_at) VALUES (%d, 'bbb', '%s', %s, %s, 'ended', "
        "UTC_TIMESTAMP() - INTERVAL %d MINUTE, UTC_TIMESTAMP() - INTERVAL "
        "%d MINUTE, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (cid, mid, sql_quote(name),
           sql_quote(description) if description else "NULL",
           minutes_ago, minutes_ago - 30))
    return int(sql_value("SELECT id FROM classroom_sessions WHERE "
                         "meeting_id = '%s'" % mid))


def chat(sid, uid, *bodies):
    """Chat messages of session sid by uid; their ids in order."""
    for body in bodies:
        sql("INSERT INTO classroom_chat (session_id, user_id, body, "
            "posted_at) VALUES (%d, %d, %s, UTC_TIMESTAMP())"
            % (sid, uid, sql_quote(body)))
    return [int(r[0]) for r in sql(
        "SELECT id FROM classroom_chat WHERE session_id = %d ORDER BY id"
        % sid)][-len(bodies):]


def transcript(sid, *lines):
    """A transcript of session sid with lines (speaker, text), each
    starting 10 seconds after the last; its id."""
    sql("INSERT INTO classroom_transcripts (session_id, filename, cues, "
        "duration_ms, created_at) VALUES (%d, 'talk.vtt', %d, %d, "
        "UTC_TIMESTAMP())" % (sid, len(lines), 10000 * len(lines)))
    tid = int(sql_value("SELECT MAX(id) FROM classroom_transcripts WHERE "
                        "session_id = %d" % sid))
    for i, (speaker, text) in enumerate(lines):
        sql("INSERT INTO classroom_transcript_cues (transcript_id, idx, "
            "start_ms, end_ms, speaker, body) VALUES (%d, %d, %d, %d, %s, "
            "%s)" % (tid, i, 10000 * i + 5000, 10000 * i + 9000,
                     sql_quote(speaker), sql_quote(text)))
    return tid


def search(client, query, status=200):
    r = client.get(query if query.startswith("/") else
                   "/platform/search?q=" + query)
    assert r.status == status, r
    return r


def results(r):
    """(part, link, snippet html) of each result of a page."""
    return re.findall(r'<span class="badge">([^<]+)</span> <a href="([^"]+)"'
                      r'.*?<p class="snippet">(.*?)</p>', r.text, re.S)


def sessions_linked(r):
    return {int(m) for m in re.findall(r'href="/platform/classroom/(\d+)/',
                                       r.text)}


def two_channels(base):
    """Channels A and B, a new learner in each; (cid_a, cid_b, client_a,
    client_b, uid_a, uid_b)."""
    admin = signed_in(base, "admin")
    ua, ea, pa = create_user(admin, "learner")
    ub, eb, pb = create_user(admin, "learner")
    cid_a, _ = new_channel([ua])
    cid_b, _ = new_channel([ub])
    ca, cb = Client(base), Client(base)
    assert ca.login(ea, pa).status == 303
    assert cb.login(eb, pb).status == 303
    return cid_a, cid_b, ca, cb, ua, ub


@test
def classroom_search_only_visible_sessions(base):
    """each member finds their own channel's sessions, never the other's;
    a site administrator finds both; another channel's filter finds none"""
    cid_a, cid_b, ca, cb, ua, ub = two_channels(base)
    word = unique("w")
    sa = past(cid_a, "Review " + word)
    sb = past(cid_b, "Review " + word)
    chat(sb, ub, "the answer is %s" % word)
    active = past(cid_a, "Running " + word)
    sql("UPDATE classroom_sessions SET status = 'active', ended_at = NULL "
        "WHERE id = %d" % active)

    assert sessions_linked(search(ca, word)) == {sa}
    assert sessions_linked(search(cb, word)) == {sb}
    admin = signed_in(base, "admin")
    assert sessions_linked(search(admin, word)) == {sa, sb}
    # Naming the other channel does not widen what a member sees.
    r = search(ca, "/platform/search?q=%s&channel=%d" % (word, cid_b))
    assert sessions_linked(r) == set() and 'id="no-results"' in r.text
    r = search(ca, "/platform/search?q=%s&channel=%d" % (word, cid_a))
    assert sessions_linked(r) == {sa} and 'id="search-scope"' in r.text
    # A deleted session is gone from the results.
    sql("UPDATE classroom_sessions SET deleted_at = UTC_TIMESTAMP() WHERE "
        "id = %d" % sa)
    assert sessions_linked(search(ca, word)) == set()


@test
def classroom_search_finds_each_part(base):
    """a word in the name, the description, a chat message and a
    transcript line is found in each, linked to the summary, the chat
    page that begins at the message and the transcript's line"""
    cid, _, tess, lena, liam = setup()
    learner = signed_in(base, "learner", 0)
    w1, w2, w3 = unique("n"), unique("d"), unique("c")
    sid = past(cid, "Workshop %s" % w1, "We practise %s today." % w2)
    before, mid, _ = chat(sid, lena, "hello", "My question about %s and %s"
                          % (w3, w1), "bye")
    tid = transcript(sid, ("Tess Teacher", "Good morning"),
                     ("Liam Learner", "I think %s matters" % w3))

    rows = results(search(learner, w1))
    assert [(p, link) for p, link, _ in rows] == [
        ("Title", "/platform/classroom/%d/summary" % sid),
        ("Chat", "/platform/classroom/%d/summary/chat?after_id=%d#chat-%d"
         % (sid, mid - 1, mid))], rows
    assert "<mark>%s</mark>" % w1 in rows[0][2]

    rows = results(search(learner, w2))
    assert [p for p, _, _ in rows] == ["Description"], rows
    assert "We practise <mark>%s</mark> today." % w2 in rows[0][2]

    r = search(learner, w3)
    rows = results(r)
    assert [(p, link) for p, link, _ in rows] == [
        ("Transcript", "/platform/classroom/%d/transcripts/%d#cue-1"
         % (sid, tid)),
        ("Chat", "/platform/classroom/%d/summary/chat?after_id=%d#chat-%d"
         % (sid, mid - 1, mid))], rows
    assert "<strong>Liam Learner</strong>: I think <mark>%s</mark> matters" \
        % w3 in rows[0][2]
    assert "at 0:15" in r.text
    # Two words: both must be there; a word's beginning is enough.
    assert len(results(search(learner, "%s+%s" % (w3, w1[:-2])))) == 1
    # The links lead to the message and the line.
    page = learner.get(rows[1][1].split("#")[0])
    assert page.status == 200 and 'id="chat-%d"' % mid in page.text
    assert 'id="chat-%d"' % before not in page.text
    page = learner.get(rows[0][1].split("#")[0])
    assert page.status == 200 and 'id="cue-1"' in page.text


@test
def classroom_search_snippet_escaped(base):
    """markup in a message stays text in the snippet; only the words
    found are marked"""
    cid, _, tess, lena, liam = setup()
    learner = signed_in(base, "learner", 0)
    word = unique("x")
    sid = past(cid, "Markup")
    chat(sid, liam, '<script>alert("%s")</script> & <b>%s</b>'
         % (word, word))
    r = search(learner, word)
    rows = results(r)
    assert len(rows) == 1, rows
    assert rows[0][2] == ('<strong>Liam Learner</strong>: &lt;script&gt;'
                          'alert(&quot;<mark>%s</mark>&quot;)&lt;/script'
                          '&gt; &amp; &lt;b&gt;<mark>%s</mark>&lt;/b&gt;'
                          % (word, word)), rows[0][2]
    assert "<script>alert" not in r.text and "<b>" not in r.text


@test
def classroom_search_pages_and_statements(base):
    """the pages reach every result once, newest session first, and each
    page runs as many statements as with a handful of results"""
    cid, _, tess, lena, liam = setup()
    learner = signed_in(base, "learner", 0)
    few, many = unique("f"), unique("m")
    sf = past(cid, "Few " + few, minutes_ago=500)
    chat(sf, lena, "only %s here" % few)
    expect = []
    for k in range(3):
        sid = past(cid, "Many %d" % k, minutes_ago=300 - 60 * k)
        tid = transcript(sid, *[("Tess Teacher", "%s line %d" % (many, i))
                                for i in range(4)])
        ids = chat(sid, liam, *["%s message %d" % (many, i)
                                for i in range(14)])
        expect = ["/platform/classroom/%d/transcripts/%d#cue-%d"
                  % (sid, tid, i) for i in range(4)] + \
            ["/platform/classroom/%d/summary/chat?after_id=%d#chat-%d"
             % (sid, i - 1, i) for i in ids] + expect

    r = search(learner, few)
    assert len(results(r)) == 2 and 'id="search-next"' not in r.text
    counts = {r.header("X-Lectern-Queries")}

    seen, path, pages = [], "/platform/search?q=" + many, 0
    while path:
        r = search(learner, path)
        pages += 1
        counts.add(r.header("X-Lectern-Queries"))
        rows = results(r)
        assert 0 < len(rows) <= 20, rows
        seen += [html.unescape(link) for _, link, _ in rows]
        m = re.search(r'rel="next" href="([^"]+)"', r.text)
        path = html.unescape(m.group(1)) if m else None
        if pages > 1:
            assert 'id="search-first"' in r.text
    assert seen == expect, (seen, expect)
    assert pages == 3
    assert len(counts) == 1 and None not in counts, counts


@test
def classroom_search_bad_queries(base):
    """no words, signs only, a very long text or a bad page position get
    a clear message and no server error"""
    learner = signed_in(base, "learner", 0)
    r = search(learner, "/platform/search")
    assert 'id="q-error"' not in r.text and 'id="results"' not in r.text
    for q in ["", "+", "%2B-*%22()~%3C%3E%40", "a+b+to", "%20%20"]:
        r = search(learner, q)
        assert 'id="q-error"' in r.text and "at least three letters" in \
            r.text, q
        assert 'id="results"' not in r.text
    r = search(learner, "x" * 300, status=400)
    assert "Search must be at most 200 characters" in r.text
    r = search(learner, "word+" * 2048, status=400)
    assert "The address is too long" in r.text
    for after in ["x", "20260101000000-1-9-0-0", "2026010100000-1-0-0-0",
                  "20261301000000-1-0-0-0"]:
        r = search(learner, "/platform/search?q=word&after=" + after,
                   status=400)
        assert "page position" in r.text
    r = search(learner, "/platform/search?q=word&channel=abc", status=400)
