-- wrk script for src/bench/search/run.sh: creates records through the API, with realistic text drawn from
-- word lists (titles, summaries, bios, abstracts in English, names in Serbian Latin and Cyrillic).
-- Arguments (after --): token, kind (event|speaker|publication), records per thread, seed, and for publications
-- the speakers each of 4 seeding threads made (authors are drawn from them: run.sh seeds speakers with -t4).
-- Each thread stops after its share; done() prints `RESULT created=... rps=... non2xx=...`.

local threads = {}
local count = 0

function setup(thread)
  count = count + 1
  thread:set("tid", count)
  table.insert(threads, thread)
end

local topics = {"Multipolarity", "Western Balkans", "China", "Russia", "European Union", "Energy security", "Cybersecurity",
  "Climate", "Arms control", "Migration", "Sustainable development", "Middle East", "Africa", "Latin America", "Trade",
  "Diplomacy", "United Nations", "NATO", "Artificial intelligence", "Geoeconomics"}
local words = {"strategy", "conference", "security", "cooperation", "future", "order", "global", "regional", "dialogue",
  "development", "power", "competition", "governance", "crisis", "integration", "economy", "policy", "sovereignty",
  "multilateralism", "technology", "transition", "neutrality", "partnership", "stability", "democracy", "reform",
  "institutions", "leadership", "alliances", "sanctions", "markets", "infrastructure", "connectivity", "resilience",
  "escalation", "deterrence", "negotiations", "summit", "forum", "perspectives", "challenges", "opportunities"}
local given = {"Vuk", "Jelena", "Marko", "Ana", "Dragan", "Milica", "Nikola", "Ivana", "Stefan", "Jovana", "Aleksandar",
  "Maria", "John", "Wang", "Olga", "Ahmed", "Sofia", "Luca", "Emma", "Pierre", "Јелена", "Милош", "Драгана"}
local family = {"Jeremić", "Jovanović", "Petrović", "Nikolić", "Đorđević", "Stojanović", "Marković", "Ilić", "Pavlović",
  "Šutanovac", "Čolić", "Smith", "Müller", "Rossi", "Dubois", "Chen", "Kowalski", "Ivanov", "Јовановић", "Петровић",
  "Гарсија", "Okafor", "Tanaka", "Novak"}
local cities = {{"Belgrade", "RS"}, {"Vienna", "AT"}, {"Brussels", "BE"}, {"New York", "US"}, {"Beijing", "CN"},
  {"Geneva", "CH"}, {"Novi Sad", "RS"}, {"Athens", "GR"}, {"Berlin", "DE"}, {"Nairobi", "KE"}}
local etypes = {"CONFERENCE", "PANEL", "LECTURE", "DISCUSSION", "WORKSHOP", "ROUNDTABLE", "SEMINAR"}
local ptypes = {"ARTICLE", "ESSAY", "INTERVIEW", "REPORT", "POLICY_BRIEF", "BOOK"}

local function pick(list) return list[math.random(#list)] end
local function sentence(n)
  local out = {}
  for i = 1, n do out[i] = pick(words) end
  out[1] = out[1]:sub(1, 1):upper() .. out[1]:sub(2)
  return table.concat(out, " ")
end
local function esc(s) return (s:gsub('\\', '\\\\'):gsub('"', '\\"')) end

function init(args)
  token, kind, quota, seed, speakers = args[1], args[2], tonumber(args[3]), tonumber(args[4]), tonumber(args[5] or "0")
  math.randomseed(seed * 1000 + tid)
  made, non2xx = 0, 0
  wrk.method = "POST"
  wrk.path = "/api/v1/" .. kind .. "s"
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local n = string.format("%d-%d-%d", seed, tid, made)
  local body
  if kind == "event" then
    local y, m, d = 2015 + math.random(0, 14), math.random(1, 12), math.random(1, 28)
    local c = pick(cities)
    body = string.format('{"title":"%s %s","summary":"%s.","description":"<p>%s. %s.</p>","type":"%s",'
      .. '"startsAt":"%04d-%02d-%02dT10:00:00Z","endsAt":"%04d-%02d-%02dT18:00:00Z","timeZone":"Europe/Belgrade",'
      .. '"venue":{"name":"Hall %d","city":"%s","country":"%s"},"topics":["%s","%s"],"slug":"ev-%s"}',
      sentence(4), n, sentence(12), sentence(30), sentence(30), pick(etypes), y, m, d, y, m, d,
      math.random(1, 50), c[1], c[2], pick(topics), pick(topics), n)
  elseif kind == "speaker" then
    body = string.format('{"givenName":"%s","familyName":"%s","position":"%s","affiliation":"Institute of %s",'
      .. '"bio":"<p>%s. %s.</p>","topics":["%s"],"slug":"sp-%s"}',
      pick(given), pick(family), sentence(3), sentence(2), sentence(25), sentence(25), pick(topics), n)
  else
    local authors = ""
    if speakers > 0 then
      authors = string.format(',"authors":["sp-%d-%d-%d"]', seed, math.random(1, 4), math.random(0, speakers - 1))
    end
    body = string.format('{"type":"%s","title":"%s %s","abstract":"<p>%s.</p>","body":"<p>%s. %s. %s.</p>",'
      .. '"publishedOn":"%04d-%02d","periodical":{"name":"Horizons","volume":"%d","issue":"%d"},"topics":["%s"],'
      .. '"slug":"pub-%s"%s}',
      pick(ptypes), sentence(5), n, sentence(20), sentence(60), sentence(60), sentence(60),
      2010 + math.random(0, 16), math.random(1, 12), math.random(1, 30), math.random(1, 4), pick(topics), n, authors)
  end
  made = made + 1
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if non2xx == 1 then io.stderr:write(string.format("first non-2xx: %d %s\n", status, string.sub(body or "", 1, 300))) end
  end
  if made >= quota then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + t:get("non2xx") end
  io.write(string.format("RESULT created=%d rps=%.1f non2xx=%d\n", summary.requests, summary.requests / (summary.duration / 1e6), bad))
end
