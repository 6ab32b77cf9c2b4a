-- wrk.lua: the request bench/run sends with wrk, and the check of every
-- answer.  Everything comes from the environment (bench/measure.py sets it):
--   BENCH_METHOD         GET (default) or POST
--   BENCH_COOKIE         the Cookie header: the signed-in session
--   BENCH_BODY           a form body (application/x-www-form-urlencoded)
--   BENCH_CSRF           the session's CSRF token, added to the body as csrf
--   BENCH_IF_NONE_MATCH  an If-None-Match header (the chat's polls send one)
--   BENCH_EXPECT         the status every answer must have (default 200)
-- At the end it prints one line "BENCH-JSON {...}": the counts, the
-- latency percentiles, the answers with another status, and the range of
-- X-Lectern-Queries the answers carried.

local method = os.getenv("BENCH_METHOD") or "GET"
local cookie = os.getenv("BENCH_COOKIE")
local body = os.getenv("BENCH_BODY")
local csrf = os.getenv("BENCH_CSRF")
local inm = os.getenv("BENCH_IF_NONE_MATCH")

wrk.method = method
if cookie and cookie ~= "" then
   wrk.headers["Cookie"] = cookie
end
if inm and inm ~= "" then
   wrk.headers["If-None-Match"] = inm
end
if body and body ~= "" then
   if csrf and csrf ~= "" then
      body = body .. "&csrf=" .. csrf
   end
   wrk.body = body
   wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
end

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   expect = tonumber(os.getenv("BENCH_EXPECT") or "200")
   good = 0
   bad = 0
   first_bad = 0
   qmin = -1
   qmax = -1
end

function response(status, headers, body)
   if status == expect then
      good = good + 1
   else
      bad = bad + 1
      if first_bad == 0 then
         first_bad = status
      end
   end
   local q = tonumber(headers["X-Lectern-Queries"] or "")
   if q then
      if qmin < 0 or q < qmin then qmin = q end
      if q > qmax then qmax = q end
   end
end

function done(summary, latency, requests)
   local g, b, fb, lo, hi = 0, 0, 0, -1, -1
   for _, t in ipairs(threads) do
      g = g + t:get("good")
      b = b + t:get("bad")
      if fb == 0 then fb = t:get("first_bad") end
      local tl, th = t:get("qmin"), t:get("qmax")
      if tl >= 0 and (lo < 0 or tl < lo) then lo = tl end
      if th > hi then hi = th end
   end
   local e = summary.errors
   io.write(string.format(
      'BENCH-JSON {"requests":%d,"duration_us":%d,"bytes":%d,' ..
      '"expected":%d,"unexpected":%d,"first_unexpected":%d,' ..
      '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
      '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f},' ..
      '"queries_min":%d,"queries_max":%d}\n',
      summary.requests, summary.duration, summary.bytes, g, b, fb,
      e.connect, e.read, e.write, e.status, e.timeout,
      latency:percentile(50), latency:percentile(90),
      latency:percentile(99), latency.max, latency.mean, lo, hi))
end
