-- wrk script for src/bench/search/run.sh: GET /api/v1/search (or /suggest) with queries drawn from the words the
-- seed used (names with and without diacritics, typos, phrases, filters). Argument: search|suggest.
-- done() prints `RESULT rps=... p50_ms=... p95_ms=... p99_ms=... non2xx=...`.
local threads = {}
function setup(thread) table.insert(threads, thread) end

local searches = {"strategy", "conference security", "jovanovic", "%D0%88%D0%BE%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B8%D1%9B", "djordjevic", "secruity cooperation",
  "%22global%20order%22", "neutrality", "multilateralism future", "sutanovac", "energy", "China", "belgrade summit",
  "deterrence&type=event", "markets&type=publication", "jeremic&type=speaker", "reform&from=2020-01-01",
  "dialogue&eventType=PANEL", "governance&country=RS", "partnership%20institutions%20leadership"}
local prefixes = {"j", "je", "jer", "jov", "stra", "secu", "conf", "neu", "mul", "petr", "%D0%88%D0%BE%D0%B2", "dem", "glo", "sum", "res"}

function init(args)
  mode = args[1] or "search"
  non2xx = 0
  math.randomseed(os.time())
end

function request()
  if mode == "suggest" then
    return wrk.format("GET", "/api/v1/search/suggest?q=" .. prefixes[math.random(#prefixes)])
  end
  local q = searches[math.random(#searches)]
  return wrk.format("GET", "/api/v1/search?q=" .. q:gsub(" ", "%%20"))
end

function response(status, headers, body)
  if status ~= 200 then
    non2xx = non2xx + 1
    if non2xx == 1 then io.stderr:write(string.format("first non-200: %d %s\n", status, string.sub(body or "", 1, 300))) end
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("non2xx") end
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f non2xx=%d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, bad))
end
