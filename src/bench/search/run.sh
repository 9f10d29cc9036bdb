#!/usr/bin/env bash
# Search benchmark: seeds a fresh registry (embedded H2, rate limits off) through the API with SCALE x
# (100,000 events, 50,000 speakers, 100,000 publications) of realistic text, watching how far the index falls
# behind while it does; then measures /search and /search/suggest at 8 connections (wrk, p50/p95/p99), the
# index size, and a full rebuild from the database. Needs wrk and curl.
#
#   SCALE=0.1              a tenth of the records (quick look); SCALE=1 is the target size
#   DURATION=30s           length of each query run
#   REGISTRY_SEARCH_ENGINE=opensearch REGISTRY_SEARCH_OPENSEARCH_HOSTS=127.0.0.1:9250   the same on OpenSearch
#   BENCH_JAVA_OPTS=...    JVM options (default -Xmx512m)
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAR="${BENCH_JAR:-target/quarkus-app/quarkus-run.jar}"
SCALE="${SCALE:-1}"
DURATION="${DURATION:-30s}"
TOKEN="bench-admin-token-$RANDOM$RANDOM"
BENCH=src/bench/search
command -v wrk > /dev/null || { echo "needs wrk (Debian: apt-get install wrk)" >&2; exit 2; }
[ -f "$JAR" ] || [ -n "${BENCH_JAR:-}" ] || ./mvnw -q -B -ntp package -DskipTests

DATA=$(mktemp -d)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
# shellcheck disable=SC2086
REGISTRY_DATA_DIR="$DATA" REGISTRY_DEMO_DATA=false REGISTRY_RATE_LIMIT_ENABLED=false REGISTRY_ADMIN_TOKEN="$TOKEN" \
QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" java ${BENCH_JAVA_OPTS:--Xmx512m} -jar "$JAR" > "$DATA/registry.log" 2>&1 &
PID=$!
trap 'kill $PID 2> /dev/null; wait $PID 2> /dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 240); do
  curl -sf "$URL/q/health/ready" > /dev/null && break
  kill -0 $PID 2> /dev/null || { tail -n 40 "$DATA/registry.log" >&2; exit 2; }
  sleep 0.5
done
state() { curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/admin/search"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

n() { python3 -c "print(max(4, int($1 * $SCALE) // 4))"; }
SPEAKERS=$(n 50000); EVENTS=$(n 100000); PUBLICATIONS=$(n 100000)
echo "== Seeding $((SPEAKERS * 4)) speakers, $((EVENTS * 4)) events, $((PUBLICATIONS * 4)) publications"
( while kill -0 $PID 2> /dev/null; do state | python3 -c "import json,sys; s=json.load(sys.stdin); print(s['changesBehind'], s['secondsBehind'])" \
    >> "$DATA/lag.txt" 2> /dev/null || true; sleep 2; done ) &
WATCH=$!
# wrk runs until the registry's write counter moved by the records wanted (4 threads make $2 each).
seed() {
  local before started w
  before=$(state | field head); started=$(date +%s)
  wrk -t4 -c8 -d60m -s $BENCH/seed.lua "$URL" -- "$TOKEN" "$1" "$2" 7 "$SPEAKERS" > /dev/null &
  w=$!
  while kill -0 $w 2> /dev/null; do
    # A request or two of a thread can be lost when wrk stops it: close enough is the count less one per connection.
    [ $(( $(state | field head) - before )) -ge $(( 4 * $2 - 8 )) ] && kill $w 2> /dev/null
    sleep 1
  done
  wait $w 2> /dev/null || true
  echo "$1: $(( $(state | field head) - before )) writes in $(( $(date +%s) - started )) s"
}
START=$(date +%s)
seed speaker "$SPEAKERS"
seed event "$EVENTS"
seed publication "$PUBLICATIONS"
SEEDED=$(( $(date +%s) - START ))
for _ in $(seq 1 600); do [ "$(state | field changesBehind)" = 0 ] && break; sleep 1; done
CAUGHT_UP=$(( $(date +%s) - START ))
kill $WATCH 2> /dev/null || true
echo "Seeded in ${SEEDED}s; index caught up ${CAUGHT_UP}s after the start; most writes behind while seeding / seconds behind:"
sort -n "$DATA/lag.txt" | tail -n 1
echo "Records: $(curl -sf "$URL/api/v1/search?limit=1" | field total)"

echo "== Queries at 8 connections ($DURATION each, after a 10s warm-up)"
wrk -t2 -c8 -d10s -s $BENCH/query.lua "$URL" -- search > /dev/null
echo -n "search:  "; wrk -t2 -c8 -d"$DURATION" -s $BENCH/query.lua "$URL" -- search | grep RESULT
wrk -t2 -c8 -d10s -s $BENCH/query.lua "$URL" -- suggest > /dev/null
echo -n "suggest: "; wrk -t2 -c8 -d"$DURATION" -s $BENCH/query.lua "$URL" -- suggest | grep RESULT
if [ "${REGISTRY_SEARCH_ENGINE:-lucene}" = lucene ]; then
  echo "Index size: $(du -sh "$DATA/search" | cut -f1) (database: $(du -sh "$DATA"/registry.mv.db | cut -f1))"
fi

echo "== Full rebuild from the database"
START=$(date +%s.%N)
curl -sf -X POST -H "Authorization: Bearer $TOKEN" "$URL/api/v1/admin/search/rebuild" > /dev/null
sleep 1
while [ "$(state | field rebuilding)" = True ]; do sleep 0.5; done
echo "Rebuild: $(python3 -c "print(round($(date +%s.%N) - $START, 1))") s"
grep "Search index rebuilt" "$DATA/registry.log" | tail -n 1
