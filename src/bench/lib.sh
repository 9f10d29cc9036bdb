# Shared by the benchmark scripts (sourced, not run): start and stop the packaged registry on a fresh
# database, seed it, and read what a run needs. Run the scripts from anywhere; they cd to the repository.
#
#   BENCH_DB=h2 (default) | postgresql   postgresql needs a jar built with REGISTRY_DB_KIND=postgresql and
#                                        BENCH_PG_DB (default registry_bench), made empty by the scripts
#   BENCH_HEAP=...                       the memory settings the README recommends (README: Benchmarks, Memory)
#   BENCH_JAVA_OPTS=...                  more JVM options
#   BENCH_JAVA=/path/to/java             another JDK (default: java on the PATH)
#   BENCH_JFR=/tmp/x.jfr                 Flight Recorder from launch, dumped there when the registry stops
#   BENCH_JAR=...                        another packaged build (a copy of target/quarkus-app), e.g. to compare two
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
JAR="${BENCH_JAR:-target/quarkus-app/quarkus-run.jar}"
BENCH_DB="${BENCH_DB:-h2}"
BENCH_HEAP="${BENCH_HEAP:--Xmx256m -Xms32m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -Dquarkus.thread-pool.max-threads=16}"
BENCH_PG_DB="${BENCH_PG_DB:-registry_bench}"
TOKEN="bench-admin-token-$RANDOM$RANDOM"
DATA=$(mktemp -d)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
URL="http://127.0.0.1:$PORT"
PID=

command -v wrk > /dev/null || { echo "needs wrk (Debian: apt-get install wrk)" >&2; exit 2; }
[ -f "$JAR" ] || [ -n "${BENCH_JAR:-}" ] || ./mvnw -q -B -ntp package -DskipTests

if [ "$BENCH_DB" = postgresql ]; then
  export REGISTRY_DB_URL="jdbc:postgresql://localhost:5432/$BENCH_PG_DB" REGISTRY_DB_USER=registry REGISTRY_DB_PASSWORD=registry
fi

# Empties the benchmark's PostgreSQL database (H2 starts from a fresh data directory anyway).
reset_db() {
  if [ "$BENCH_DB" = postgresql ]; then
    PGPASSWORD=registry psql -q -h localhost -U registry -d "$BENCH_PG_DB" \
      -c 'set client_min_messages = warning; drop schema public cascade; create schema public;' > /dev/null
  fi
}

# Starts the registry; prints nothing; sets PID, STARTED_MS (launch to ready, measured by polling every 20 ms) and
# STARTED_CPU_MS (processor time the JVM used until ready: on a machine shared with other work, the steadier figure).
start_registry() {
  local t0
  t0=$(date +%s%N)
  # shellcheck disable=SC2086 # option lists
  REGISTRY_DATA_DIR="$DATA" REGISTRY_DEMO_DATA="${REGISTRY_DEMO_DATA:-false}" REGISTRY_RATE_LIMIT_ENABLED=false \
  REGISTRY_ADMIN_TOKEN="$TOKEN" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$PORT" \
  MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" "${BENCH_JAVA:-java}" $BENCH_HEAP ${BENCH_JAVA_OPTS:-} ${BENCH_JFR:+-XX:StartFlightRecording=settings=profile,filename=$BENCH_JFR} \
    -jar "$JAR" >> "$DATA/registry.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 3000); do
    curl -sf -o /dev/null "$URL/q/health/ready" && break
    kill -0 "$PID" 2> /dev/null || { echo "the registry did not start:" >&2; tail -n 40 "$DATA/registry.log" >&2; exit 2; }
    sleep 0.02
  done
  STARTED_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  STARTED_CPU_MS=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$PID/stat")
  grep -q "jdbc:$BENCH_DB" "$DATA/registry.log" || { echo "the jar is not built for $BENCH_DB (REGISTRY_DB_KIND=$BENCH_DB ./mvnw -DskipTests package)" >&2; exit 2; }
}

stop_registry() {
  if [ -n "$PID" ]; then
    kill "$PID" 2> /dev/null || true
    wait "$PID" 2> /dev/null || true
    PID=
  fi
}

cleanup() {
  stop_registry
  rm -rf "$DATA"
}
trap cleanup EXIT

# Seeds N events straight into the stopped registry's database (src/bench/seed-sql.py, or the generator SEED_SQL names).
seed_db() {
  python3 "${SEED_SQL:-src/bench/seed-sql.py}" "$1" "$BENCH_DB" > "$DATA/seed.sql"
  run_sql "$DATA/seed.sql"
}

# Runs a file of SQL against the stopped registry's database.
run_sql() {
  if [ "$BENCH_DB" = postgresql ]; then
    PGPASSWORD=registry psql -q -v ON_ERROR_STOP=1 -h localhost -U registry -d "$BENCH_PG_DB" -f "$1" > /dev/null
  else
    java -cp "$(ls "$(dirname "$JAR")"/lib/main/com.h2database.h2-*.jar)" org.h2.tools.RunScript \
      -url "jdbc:h2:file:$DATA/registry;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=LOW" \
      -user registry -password registry -script "$1"
  fi
}

# The resident set of the registry in MB.
rss_mb() {
  awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$PID/status"
}

load() {
  cut -d' ' -f1-3 /proc/loadavg
}

# wrk <connections> <duration> <url> [extra wrk args...]: prints "rps p50_ms p99_ms non2xx errors".
measure() {
  local connections=$1 duration=$2 url=$3
  shift 3
  local threads=$(( connections < 2 ? 1 : 2 ))
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s src/bench/measure.lua "$@" "$url" \
    | awk '/^RESULT/ {print $2, $3, $4, $5, $6}'
}
