#!/usr/bin/env bash
# Every benchmarked route as a ratio of GET /api/v1/ping (a constant through the same filters) of the same
# server in the same run, at 8 and 64 connections, then start-to-ready and the resident set after the load.
#
#   src/bench/routes.sh                  H2, 1,000 seeded events, 10 s per measurement (POST_WARMUP=60s before the POSTs)
#   EVENTS=150000 DURATION=20s src/bench/routes.sh
#   BENCH_DB=postgresql src/bench/routes.sh   (a jar built with REGISTRY_DB_KIND=postgresql)
#
# The routes: GET one event, the events list (20) with include=speakers, events.ics carrying 1,000 events
# (a from/to range when more are seeded), POST an event (8 connections, durable). The ping runs before and
# after the routes of each concurrency; the ratio is against their mean. Every run must have 0 non-2xx answers.
# See lib.sh for BENCH_HEAP (default -Xmx256m, the README's recommendation), BENCH_JAVA_OPTS, BENCH_JFR.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
EVENTS="${EVENTS:-1000}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-5s}"
POST_WARMUP="${POST_WARMUP:-60s}"

# Start-up: first start on an empty database with the demo data (the default), then a restart on it.
reset_db
REGISTRY_DEMO_DATA=true start_registry
first=$STARTED_MS
stop_registry
REGISTRY_DEMO_DATA=true start_registry
second=$STARTED_MS
stop_registry
reset_db
rm -rf "${DATA:?}"/*

start_registry
stop_registry
seed_db "$EVENTS"
start_registry
restart_seeded=$STARTED_MS

# The feed carries 1,000 events: all of them, or a range of about 1,000 of the seeded ones.
ics="$URL/api/v1/feeds/events.ics"
if [ "$EVENTS" -gt 1000 ]; then
  days=$(( 20 * 365 * 1000 / EVENTS ))
  ics="$ics?from=2016-01-01&to=$(date -u -d "2016-01-01 + $((days - 1)) days" +%F)"
fi
entries=$(curl -sf "$ics" | grep -c 'BEGIN:VEVENT')
one="$URL/api/v1/events/B$(printf '%025d' $(( EVENTS / 2 )))"
list="$URL/api/v1/events?include=speakers"
echo "registry on $URL ($BENCH_DB, $EVENTS events, heap $BENCH_HEAP), $(nproc) cores, load $(load), $(date -u)"
echo "events.ics carries $entries events: $ics"

for url in "$URL/api/v1/ping" "$one" "$list" "$ics"; do
  measure 8 "$WARMUP" "$url" > /dev/null
done

declare -A result
for c in 8 64; do
  ping1=$(measure "$c" "$DURATION" "$URL/api/v1/ping")
  result[one,$c]=$(measure "$c" "$DURATION" "$one")
  result[list,$c]=$(measure "$c" "$DURATION" "$list")
  result[ics,$c]=$(measure "$c" "$DURATION" "$ics")
  ping2=$(measure "$c" "$DURATION" "$URL/api/v1/ping")
  result[ping,$c]="$ping1 | $ping2"
done
# POSTs warm up like the reads did: measured cold, right after the reads, they gave 92-108 writes/s where
# writes.sh, warmed up, gives 320-360 (fourth session, BENCHMARKS.md). And longer: the JIT compiler takes most of a
# core for the first minute of a new kind of load, so a 5 s warm-up measured it (sixth session: 213-223 writes/s
# after 5 s, 466-556 in writes.sh after 60 s).
wrk -t2 -c8 -d"$POST_WARMUP" -s src/bench/post-event.lua "$URL/api/v1/events" -- "$TOKEN" "warmup-$RANDOM" > /dev/null
post=$(wrk -t2 -c8 -d"$DURATION" --latency -s src/bench/post-event.lua "$URL/api/v1/events" -- "$TOKEN" "routes-$RANDOM" \
  | awk '/^RESULT/ {print $3, $4, $5, $7, $8}')
rss=$(rss_mb)

field() { # field <"rps=.. p50_ms=.."> <name>
  tr ' ' '\n' <<< "$1" | awk -F= -v k="$2" '$1 == k {print $2}'
}
ping_rps() { # mean of the two ping runs
  local a b
  a=$(field "${result[ping,$1]%% |*}" rps)
  b=$(field "${result[ping,$1]##*| }" rps)
  awk -v a="$a" -v b="$b" 'BEGIN {printf "%.1f", (a + b) / 2}'
}
row() { # row <label> <c> <result>
  local rps ping
  rps=$(field "$3" rps)
  ping=$(ping_rps "$2")
  printf '| %s | %s | %s | %.2fx | %s ms | %s ms | %s / %s |\n' "$1" "$2" "$rps" "$(awk -v r="$rps" -v p="$ping" 'BEGIN {print r / p}')" \
    "$(field "$3" p50_ms)" "$(field "$3" p99_ms)" "$(field "$3" non2xx)" "$(field "$3" errors)"
}
echo
echo "| Route | Connections | Requests/s | Ratio to ping | p50 | p99 | non-2xx / errors |"
echo "|---|---|---|---|---|---|---|"
for c in 8 64; do
  echo "| GET /api/v1/ping (before \\| after) | $c | $(field "${result[ping,$c]%% |*}" rps) \\| $(field "${result[ping,$c]##*| }" rps) | 1 | $(field "${result[ping,$c]%% |*}" p50_ms) ms | $(field "${result[ping,$c]%% |*}" p99_ms) ms | |"
  row "GET one event" "$c" "${result[one,$c]}"
  row "events list, 20, include=speakers" "$c" "${result[list,$c]}"
  row "events.ics, $entries events" "$c" "${result[ics,$c]}"
done
row "POST an event (durable)" 8 "$post"
echo
echo "start to ready: first start with demo data ${first} ms, restart ${second} ms, restart with $EVENTS seeded events ${restart_seeded} ms"
echo "resident set after the load: ${rss} MB (heap $BENCH_HEAP)"
bad=$(grep -E ' (ERROR|WARN) ' "$DATA/registry.log" | grep -v -c 'newer than the version Flyway' || true)
echo "registry log: $bad WARN/ERROR lines"
grep -E ' (ERROR|WARN) ' "$DATA/registry.log" | grep -v 'newer than the version Flyway' | head -n 10 || true
