#!/usr/bin/env bash
# Search benchmark: SCALE x (50,000 speakers, 100,000 events, 100,000 publications) of realistic text, seeded straight
# into the database (seed-sql.py); then
#   1. the rebuild the registry makes when it starts without an index (the records are in no index yet);
#   2. /search and /search/suggest at 8 connections (wrk, query.lua: p50/p95/p99), every answer made afresh
#      (registry.answer-cache-bytes=0), then /search with answers kept (the default);
#   3. the index size;
#   4. writes through the API at full speed (seed.lua, 8 connections) while the index follows: how far behind it gets;
#   5. an admin rebuild while the registry serves searches;
#   6. a backlog of BACKLOG writes (default 50,000) appended to the write log while the registry is stopped
#      (backlog-sql.py): how many writes a second the index follows when it catches up, which is what indexing
#      can keep up with, whatever rate the API takes writes at.
#
#   SCALE=0.1              a tenth of the records (quick look); SCALE=1 is the target size (250,000 records)
#   DURATION=30s           length of each query run
#   WARMUP=40s             searches after the first run and before the measured one (see "Queries" below)
#   REGISTRY_SEARCH_ENGINE=opensearch REGISTRY_SEARCH_OPENSEARCH_HOSTS=127.0.0.1:9250   the same on OpenSearch
#   BENCH_DB, BENCH_HEAP, BENCH_JAR, BENCH_JFR: see ../lib.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
source src/bench/lib.sh
SCALE="${SCALE:-1}"
DURATION="${DURATION:-30s}"
WARMUP="${WARMUP:-40s}"
BACKLOG="${BACKLOG:-50000}"
BENCH=src/bench/search
admin() { curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/admin/search"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
rebuilt() { grep "Search index rebuilt" "$DATA/registry.log" | tail -n 1 | sed 's/.*Search index rebuilt: //'; }
merges() { grep -c "merged into one segment\|could not be merged" "$DATA/registry.log" || true; }
wait_rebuilt() { # waits until the log has $1 rebuild lines and, with Lucene, $2 merges into one segment (or failures)
  for _ in $(seq 1 3600); do
    if [ "$(grep -c "Search index rebuilt" "$DATA/registry.log")" -ge "$1" ] \
      && { [ "${REGISTRY_SEARCH_ENGINE:-lucene}" != lucene ] || [ "$(merges)" -ge "$2" ]; }; then
      return
    fi
    sleep 0.5
  done
  echo "no rebuild within 30 minutes" >&2; exit 2
}

reset_db
start_registry
stop_registry
started=$(date +%s.%N)
SEED_SQL=$BENCH/seed-sql.py seed_db "$SCALE"
echo "== Seeded $SCALE x (50,000 speakers, 100,000 events, 100,000 publications) in $(python3 -c "print(round($(date +%s.%N) - $started, 1))") s"
[ "${REGISTRY_SEARCH_ENGINE:-lucene}" = lucene ] && rm -rf "$DATA/search"
rebuilds=$(grep -c "Search index rebuilt" "$DATA/registry.log" || true)
merged=$(merges)
start_registry
wait_rebuilt $(( rebuilds + 1 )) $(( merged + 1 ))
echo "registry on $URL ($BENCH_DB, ${REGISTRY_SEARCH_ENGINE:-lucene}, heap $BENCH_HEAP), $(nproc) cores, load $(load), $(date -u)"
echo "== Rebuild at start (no index): $(rebuilt)"
echo "Searchable records: $(curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/search?limit=1" | field total)"

# A freshly started JVM spends about a core on compiling for the first minute of searches (jstat -compiler: 45 s of
# compiler time in the first 50 s of load on 2 cores, BENCHMARKS.md, sixth session), so the first searches measure
# the compiler as much as the search. The first run of /search right after the start is shown as such; the measured
# runs follow a warm-up.
echo "== Queries at 8 connections ($DURATION each)"
queries() { # queries <mode> <label> <warm-up>
  wrk -t2 -c8 -d"$3" -s $BENCH/query.lua "$URL" -- "$1" > /dev/null
  echo "$1 ($2): $(wrk -t2 -c8 -d"$DURATION" -s $BENCH/query.lua "$URL" -- "$1" | grep RESULT)"
}
# First every search made afresh (no answers kept: the engine's own speed), then as configured: the 20 queries of
# query.lua come again and again, so nearly every search is a kept answer (made once per change).
stop_registry
REGISTRY_ANSWER_CACHE_BYTES=0 start_registry
echo "search (made afresh, the first $DURATION after the start): $(wrk -t2 -c8 -d"$DURATION" -s $BENCH/query.lua "$URL" -- search | grep RESULT)"
queries search "made afresh, after $WARMUP more" "$WARMUP"
queries suggest "made afresh" 10s
stop_registry
start_registry
queries search "answers kept" 10s
if [ "${REGISTRY_SEARCH_ENGINE:-lucene}" = lucene ]; then
  echo "Index size: $(du -sh "$DATA/search" | cut -f1) (database: $(du -sh "$DATA"/registry.mv.db 2> /dev/null | cut -f1))"
fi

echo "== Writes at full speed for $DURATION (8 connections) while the index follows"
head=$(admin | field head)
( while true; do admin | python3 -c "import json,sys; s=json.load(sys.stdin); print(s['changesBehind'], s['secondsBehind'])" \
    >> "$DATA/lag.txt" 2> /dev/null || true; sleep 1; done ) &
watch=$!
wrk -t2 -c8 -d"$DURATION" -s $BENCH/seed.lua "$URL" -- "$TOKEN" event 1000000 7 0 | grep RESULT
for _ in $(seq 1 600); do [ "$(admin | field changesBehind)" = 0 ] && break; sleep 0.5; done
kill $watch 2> /dev/null || true
echo "writes: $(( $(admin | field head) - head )); most writes behind / seconds behind while writing: $(sort -n "$DATA/lag.txt" | tail -n 1)"

echo "== Admin rebuild while searches go on (2 connections)"
wrk -t1 -c2 -d600s -s $BENCH/query.lua "$URL" -- search > "$DATA/during.txt" &
searching=$!
rebuilds=$(grep -c "Search index rebuilt" "$DATA/registry.log")
merged=$(merges)
curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$URL/api/v1/admin/search/rebuild" > /dev/null
wait_rebuilt $(( rebuilds + 1 )) $(( merged + 1 ))
kill -INT $searching 2> /dev/null || true
wait $searching 2> /dev/null || true
echo "Rebuild: $(rebuilt)"
echo "searches meanwhile: $(grep RESULT "$DATA/during.txt" || echo none)"
echo "resident set: $(rss_mb) MB"
echo "== The index catching up with a backlog of $BACKLOG writes (how many writes a second indexing keeps up with)"
stop_registry
events=$(python3 -c "print(max(10, int(100000 * $SCALE)))")
python3 $BENCH/backlog-sql.py "$BACKLOG" "$events" "$BENCH_DB" > "$DATA/backlog.sql"
run_sql "$DATA/backlog.sql"
start_registry
# The rate from the index's own position (writes it holds) between the first reading and the catch-up.
first=; last=
for _ in $(seq 1 6000); do
  state=$(admin | python3 -c "import json,sys; s=json.load(sys.stdin); print(s['position'], s['changesBehind'])" 2> /dev/null) \
    || { sleep 0.2; continue; }
  read -r position behind <<< "$state"
  now=$(date +%s.%N)
  [ "$position" -ge 0 ] || { sleep 0.2; continue; }
  [ -z "$first" ] && first="$now $position $behind"
  [ "$behind" = 0 ] && { last="$now $position"; break; }
  sleep 0.2
done
[ -n "$last" ] || { echo "the index did not catch up within 20 minutes" >&2; exit 2; }
read -r t0 p0 b0 <<< "$first"
read -r t1 p1 <<< "$last"
if [ "$p1" -gt "$p0" ]; then
  echo "caught up: $b0 writes behind when first read, none $(python3 -c "print(round($t1 - $t0, 1))") s later: $(python3 -c "print(round(($p1 - $p0) / ($t1 - $t0)))") writes/s"
else
  echo "caught up before the first reading (started with $b0 writes behind): raise BACKLOG"
fi
