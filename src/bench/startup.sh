#!/usr/bin/env bash
# Start to ready of the packaged registry: launch `java -jar` and poll /q/health/ready every 20 ms, ROUNDS times
# (default 5) on one H2 database that the first start migrated (no demo data), and print each time and the median.
# With an AppCDS archive next to the jar (./mvnw package -Dquarkus.package.jar.appcds.enabled=true) it is used,
# unless CDS=off. BENCH_JAR picks another build; BENCH_HEAP the heap; BENCH_JAVA another JDK (lib.sh).
# AOT=on (JDK 25 and later, BENCH_JAVA naming one): a training start first (-XX:AOTCacheOutput, a few requests, a
# stop), then every round with the ahead-of-time cache it wrote (-XX:AOTCache; README: Faster start on JDK 25).
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
if [ "${AOT:-off}" = on ]; then
  base_opts="${BENCH_JAVA_OPTS:-}"
  BENCH_JAVA_OPTS="$base_opts -XX:AOTCacheOutput=$DATA/app.aot"
  start_registry
  for path in /api/v1/events /api/v1/speakers /api/v1/publications "/api/v1/search?q=conference" /q/openapi; do
    curl -s -o /dev/null "$URL$path"
  done
  stop_registry
  [ -f "$DATA/app.aot" ] || { echo "no ahead-of-time cache was written (JDK 25 or later needed)" >&2; exit 2; }
  BENCH_JAVA_OPTS="$base_opts -XX:AOTCache=$DATA/app.aot"
fi
times=()
cpu=()
for _ in $(seq 1 "$ROUNDS"); do
  start_registry
  times+=("$STARTED_MS")
  cpu+=("$STARTED_CPU_MS")
  stop_registry
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
echo "$JAR on $("${BENCH_JAVA:-java}" -version 2>&1 | head -n 1), options:${BENCH_JAVA_OPTS:-} $BENCH_HEAP, load $(load)"
echo "start to ready, ms: ${times[*]} (median $(median "${times[@]}"))"
echo "processor time until ready, ms: ${cpu[*]} (median $(median "${cpu[@]}"))"
