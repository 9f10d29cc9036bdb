#!/usr/bin/env bash
# Write throughput: POST /api/v1/events at 1 and at 8 connections on a fresh H2 database (rate limits
# off), with wrk and src/bench/post-event.lua (unique titles, an admin bearer token). Prints
# requests/s, p50 and p99 latency and the non-2xx answers, which must be 0 (exit 1 otherwise).
# Needs wrk (Debian: apt-get install wrk). Run from anywhere; builds the jar only when it is missing.
#
#   DURATION=20s          length of each measured run (WARMUP=60s before them: the JIT compiler takes about a
#                         core for the first minute of a new load, and a shorter warm-up measures it)
#   REGISTRY_DB_URL=...   another H2 URL; {data_dir} stands for the fresh data directory, e.g. a smaller page cache:
#                         'jdbc:h2:file:{data_dir}/registry;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=LOW;CACHE_SIZE=4096'
#                         (its WRITE_DELAY does not matter: the registry stores the commits itself, README: Group commit)
#   BENCH_JFR=/tmp/w.jfr  record the 8-connection run with Java Flight Recorder (profile settings, or
#                         BENCH_JFR_SETTINGS), then read it with `jfr summary` and
#                         `jfr print --stack-depth 64 --events jdk.ExecutionSample`
#   BENCH_HEAP=...        the memory settings (default: the README's recommendation, as in lib.sh; until the eighth
#                         session this script ran the JVM's defaults, G1 and a quarter of the RAM: 690-836 writes/s
#                         where the recommended settings gave 557-599, BENCHMARKS.md)
#   BENCH_JAVA_OPTS=...   more JVM options
#   BENCH_JAR=...         another build's quarkus-run.jar (to compare builds in alternating runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR="${BENCH_JAR:-target/quarkus-app/quarkus-run.jar}"
DURATION="${DURATION:-20s}"
WARMUP="${WARMUP:-60s}"
TOKEN="bench-admin-token-$RANDOM$RANDOM"

command -v wrk > /dev/null || { echo "writes.sh needs wrk (Debian: apt-get install wrk)" >&2; exit 2; }
if [ ! -f "$JAR" ]; then
  ./mvnw -q -B -ntp package -DskipTests
fi

DATA=$(mktemp -d)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
if [ -n "${REGISTRY_DB_URL:-}" ]; then
  export REGISTRY_DB_URL="${REGISTRY_DB_URL//\{data_dir\}/$DATA}"
fi
BENCH_HEAP="${BENCH_HEAP:--Xmx256m -Xms32m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Dquarkus.thread-pool.max-threads=16}"
JAVA_OPTS="$BENCH_HEAP ${BENCH_JAVA_OPTS:-}"
if [ -n "${BENCH_JFR:-}" ]; then
  # Flight Recorder on from launch (in memory only): starting it later, mid-run, re-instruments JDK
  # classes and deoptimises the hot write path, which cut the measured throughput by three quarters.
  # The recording of the 8-connection run is a second one, started and stopped around that run.
  JAVA_OPTS="$JAVA_OPTS -XX:StartFlightRecording=name=launch,settings=${BENCH_JFR_SETTINGS:-profile},maxage=2m"
fi
# Start java itself in the background (no wrapper), so $PID is the JVM and the trap stops it.
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
REGISTRY_DATA_DIR="$DATA" REGISTRY_DEMO_DATA=false REGISTRY_RATE_LIMIT_ENABLED=false \
REGISTRY_ADMIN_TOKEN="$TOKEN" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" java $JAVA_OPTS -jar "$JAR" > "$DATA/registry.log" 2>&1 &
PID=$!
trap 'kill $PID 2> /dev/null; wait $PID 2> /dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 120); do
  curl -sf "$URL/q/health/ready" > /dev/null && break
  kill -0 $PID 2> /dev/null || { echo "the registry did not start:" >&2; tail -n 40 "$DATA/registry.log" >&2; exit 2; }
  sleep 0.5
done
curl -sf "$URL/q/health/ready" > /dev/null || { echo "the registry is not ready:" >&2; tail -n 40 "$DATA/registry.log" >&2; exit 2; }
# The jar in target/ may have been built for PostgreSQL; these figures are about H2, so check.
database=$(grep -o -m 1 'Database: jdbc:[a-z0-9]*:[^ ;]*[^ ]*' "$DATA/registry.log" || true)
case "$database" in
  "Database: jdbc:h2:"*) ;;
  *) echo "not an H2 build ($database); rebuild: ./mvnw -B -ntp -DskipTests package" >&2; exit 2 ;;
esac
echo "registry on $URL, ${database#Database: }"
echo "JDBC URL: ${REGISTRY_DB_URL:-the default (application.properties)}; JVM options: $JAVA_OPTS"

run() { # run <connections> <duration> <label>
  local connections=$1 threads=$(( $1 < 2 ? 1 : 2 ))
  wrk -t"$threads" -c"$connections" -d"$2" --latency -s src/bench/post-event.lua "$URL/api/v1/events" \
    -- "$TOKEN" "$3-$RANDOM" | grep '^RESULT' | sed "s/^RESULT/$3 c=$connections/"
}

fail=0
# The machine's load average is printed with each run: figures taken beside other work are not comparable.
echo "warm-up: 4 connections, $WARMUP (load average $(cut -d' ' -f1-3 /proc/loadavg))"
run 4 "$WARMUP" warmup
for connections in 1 8; do
  echo "== POST /api/v1/events, $connections connection(s), $DURATION (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  if [ "$connections" = 8 ] && [ -n "${BENCH_JFR:-}" ]; then
    jcmd $PID JFR.start name=writes settings="${BENCH_JFR_SETTINGS:-profile}" filename="$BENCH_JFR" > /dev/null
  fi
  line=$(run "$connections" "$DURATION" measured)
  echo "$line"
  if [ "$connections" = 8 ] && [ -n "${BENCH_JFR:-}" ]; then
    jcmd $PID JFR.stop name=writes > /dev/null && echo "flight recording of this run: $BENCH_JFR"
  fi
  case "$line" in *" non2xx=0 errors=0") ;; *) fail=1 ;; esac
done
# Errors the clients did not see (a rollback after the answer, a pool warning) show in the log. wrk
# hanging up at the end of a run, mid-request, may leave one `HttpClosedException: Connection was
# closed` ERROR: the registry logs a client gone before its body arrived as an unexpected failure.
problems=$(grep -E ' (ERROR|WARN) ' "$DATA/registry.log" | grep -v -c 'newer than the version Flyway' || true)
echo "registry log: $problems WARN/ERROR lines"
if [ "$problems" -gt 0 ]; then
  grep -E ' (ERROR|WARN) ' "$DATA/registry.log" | grep -v 'newer than the version Flyway' | head -n 20
fi
if [ "$fail" -ne 0 ]; then echo "FAILED: non-2xx answers or socket errors (must be 0)" >&2; exit 1; fi
