#!/usr/bin/env bash
# Lists and feeds at scale: the latency of each list URL with 1,000 seeded events and with EVENTS (default
# 150,000), one anonymous request at a time, each after a write (a published event far in the future), so that
# neither H2's result cache nor the registry's feed cache answers a repeated request from memory. Prints the
# median of ROUNDS requests (default 7) per URL and size, and the ratio of the two.
#
#   src/bench/lists.sh
#   EVENTS=200000 ROUNDS=11 src/bench/lists.sh
#   BENCH_DB=postgresql src/bench/lists.sh     (a jar built with REGISTRY_DB_KIND=postgresql; see lib.sh)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
EVENTS="${EVENTS:-150000}"
ROUNDS="${ROUNDS:-7}"

paths=(
  "/api/v1/events"
  "/api/v1/events?sort=-startsAt"
  "/api/v1/events?from=now"
  "/api/v1/events?sort=title"
  "/api/v1/events?include=speakers"
  "/api/v1/events?type=PANEL&country=RS"
  "second cursor page"
  "/api/v1/events?from=2026-03-01&to=2026-03-31"
  "/api/v1/feeds/events.ics?series=horizons-discussions"
  "/api/v1/feeds/events.atom?series=horizons-discussions"
  "/api/v1/feeds/events.ics?from=now&to=2026-12-31"
)
write=0
public_write() {
  write=$((write + 1))
  curl -sf -o /dev/null "$URL/api/v1/events" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "{
    \"title\": \"ZZ list bench write $write $RANDOM\", \"type\": \"OTHER\", \"startsAt\": \"2045-01-01T10:00:00Z\",
    \"endsAt\": \"2045-01-01T11:00:00Z\", \"timeZone\": \"UTC\", \"venue\": {\"country\": \"FR\"}}"
}
# median_ms <url>: ROUNDS requests, each after a write; prints the median in ms and checks each is a 200.
median_ms() {
  local times=() t code
  for _ in $(seq 1 "$ROUNDS"); do
    public_write
    read -r code t < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$1")
    [ "$code" = 200 ] || { echo "$1 answered $code" >&2; exit 1; }
    times+=("$t")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR] = $1} END {printf "%.1f", a[int((NR + 1) / 2)] * 1000}'
}

declare -A ms
for size in 1000 "$EVENTS"; do
  stop_registry
  reset_db
  rm -rf "${DATA:?}"/registry*
  start_registry
  stop_registry
  seed_db "$size"
  start_registry
  # Warm up the JIT and the caches of the registry on other URLs than those measured (WARMUP rounds, default 30).
  for _ in $(seq 1 "${WARMUP:-30}"); do
    curl -sf -o /dev/null "$URL/api/v1/events?limit=19"
    curl -sf -o /dev/null "$URL/api/v1/events?limit=19&sort=title&include=speakers"
    curl -sf -o /dev/null "$URL/api/v1/feeds/events.ics?series=bench-series-1&to=2016-01-01"
  done
  echo "== $size events ($BENCH_DB, load $(load))"
  for path in "${paths[@]}"; do
    url="$URL$path"
    if [ "$path" = "second cursor page" ]; then
      cursor=$(curl -sf "$URL/api/v1/events" | python3 -c 'import json, sys; print(json.load(sys.stdin)["nextCursor"])')
      url="$URL/api/v1/events?cursor=$cursor"
    fi
    ms[$path,$size]=$(median_ms "$url")
    echo "${ms[$path,$size]} ms  $path"
  done
done
echo
echo "| List | 1,000 events | $EVENTS events | Ratio |"
echo "|---|---|---|---|"
for path in "${paths[@]}"; do
  printf '| `%s` | %s ms | %s ms | %.2fx |\n' "$path" "${ms[$path,1000]}" "${ms[$path,$EVENTS]}" \
    "$(awk -v a="${ms[$path,1000]}" -v b="${ms[$path,$EVENTS]}" 'BEGIN {print b / a}')"
done
