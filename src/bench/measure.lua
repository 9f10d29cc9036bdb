-- wrk script of src/bench/lib.sh: GET (or, with a body file, POST) the URL, count the non-2xx answers and
-- print one line `RESULT rps=... p50_ms=... p99_ms=... non2xx=... errors=...`.
-- Arguments (after --): an optional bearer token.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  if args[1] and args[1] ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. args[1]
  end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if non2xx == 1 then
      io.stderr:write(string.format("first non-2xx answer: %d %s\n", status, string.sub(body or "", 1, 300)))
    end
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + thread:get("non2xx")
  end
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, bad, errors))
end
