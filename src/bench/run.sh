#!/usr/bin/env bash
# Benchmarks of the partner integration: builds and starts the registry on a fresh H2 database,
# seeds 5,000 events, then measures the events feeds, a 304, and following the change stream.
# Needs wrk and python3 (Debian: apt-get install wrk python3). Run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=$(mktemp -d)
export REGISTRY_ADMIN_TOKEN=bench-admin-token REGISTRY_URL=http://localhost:8080
./mvnw -q -B package -DskipTests
REGISTRY_DATA_DIR="$DATA" REGISTRY_DEMO_DATA=false REGISTRY_RATE_LIMIT_ENABLED=false \
  java -jar target/quarkus-app/quarkus-run.jar > "$DATA/registry.log" 2>&1 &
PID=$!
trap 'kill $PID; rm -rf "$DATA"' EXIT
until curl -sf localhost:8080/q/health/ready > /dev/null; do sleep 1; done
python3 src/bench/seed.py "${EVENTS:-5000}"

for feed in events.ics events.atom events.json; do
  url="$REGISTRY_URL/api/v1/feeds/$feed"
  items=$(curl -s "$url" | grep -o -E "BEGIN:VEVENT|<entry>|\"date_published\"" | wc -l)
  echo "== $feed ($items entries, 1 connection, 20 s)"
  wrk -t1 -c1 -d20s --latency "$url" | grep -E 'Latency|50%|99%|Requests/sec'
done
etag=$(curl -s -D - -o /dev/null "$REGISTRY_URL/api/v1/feeds/events.ics" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r')
echo "== 304 for events.ics with If-None-Match (1 connection, 20 s)"
wrk -t1 -c1 -d20s --latency -H "If-None-Match: $etag" "$REGISTRY_URL/api/v1/feeds/events.ics" | grep -E 'Latency|50%|99%|Requests/sec'
echo "== change stream, limit=1000"
python3 src/bench/changes.py
python3 src/bench/changes.py
