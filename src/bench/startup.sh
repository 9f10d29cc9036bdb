#!/usr/bin/env bash
# Start to ready of the packaged registry: launch `java -jar` and poll /q/health/ready every 20 ms, ROUNDS times
# (default 5) on one H2 database that the first start migrated (no demo data), and print each time and the median.
# With an AppCDS archive next to the jar (./mvnw package -Dquarkus.package.jar.appcds.enabled=true) it is used,
# unless CDS=off. BENCH_JAR picks another build; BENCH_HEAP the heap (lib.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS="${ROUNDS:-5}"
archive="$(dirname "$JAR")/app-cds.jsa"
if [ -f "$archive" ] && [ "${CDS:-on}" != off ]; then
  BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -XX:SharedArchiveFile=$archive -Xshare:auto"
fi
reset_db
start_registry
stop_registry
times=()
cpu=()
for _ in $(seq 1 "$ROUNDS"); do
  start_registry
  times+=("$STARTED_MS")
  cpu+=("$STARTED_CPU_MS")
  stop_registry
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "$JAR, options:${BENCH_JAVA_OPTS:-} $BENCH_HEAP, load $(load)"
echo "start to ready, ms: ${times[*]} (median $(median "${times[@]}"))"
echo "processor time until ready, ms: ${cpu[*]} (median $(median "${cpu[@]}"))"
