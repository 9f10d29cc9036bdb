-- wrk script for src/bench/writes.sh: POST /api/v1/events with a unique title per request.
-- Arguments (after --): the bearer token, a prefix unique to this wrk run. Titles are
-- "<prefix> <thread> <counter>", so the slugs the registry derives never collide across threads or runs.
-- done() prints one line `RESULT rps=... p50_ms=... p99_ms=... non2xx=... errors=...` for writes.sh.

local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
  table.insert(threads, thread)
end

function init(args)
  token = args[1]
  prefix = args[2] or tostring(os.time())
  counter = 0
  non2xx = 0
  wrk.method = "POST"
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

local body = '{"title":"%s","summary":"A conversation on great-power competition, with questions from the audience.",'
  .. '"type":"DISCUSSION","startsAt":"2027-%02d-%02dT18:00:00+01:00","endsAt":"2027-%02d-%02dT19:30:00+01:00",'
  .. '"timeZone":"Europe/Belgrade","venue":{"name":"CIRSD","city":"Belgrade","country":"RS"},'
  .. '"topics":["Multipolarity","Western Balkans"],"series":"Horizons Discussions"}'

function request()
  counter = counter + 1
  local month, day = 1 + counter % 12, 1 + counter % 28
  local title = string.format("Write bench %s %d %d", prefix, tid, counter)
  return wrk.format(nil, nil, nil, string.format(body, title, month, day, month, day))
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if non2xx == 1 then
      io.stderr:write(string.format("first non-2xx answer: %d %s\n", status, string.sub(body or "", 1, 400)))
    end
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, bad, errors))
end
