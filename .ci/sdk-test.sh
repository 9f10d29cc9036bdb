#!/usr/bin/env bash
# Generated SDKs against the running registry: generates the Java (native) and TypeScript (typescript-fetch) clients
# from the committed openapi/openapi.yaml with openapi/sdk's configurations (validation on, no skips), compiles
# them, starts the packaged registry (target/quarkus-app, built by ./mvnw package or verify) on a fresh H2 data dir,
# and runs the same end-to-end scenario with each client (openapi/sdk/java/src, openapi/sdk/typescript/scenario.ts).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

if [ ! -f target/quarkus-app/quarkus-run.jar ]; then
  echo "== Packaging the registry (no jar in target/quarkus-app)"
  ./mvnw -B -ntp -q package -DskipTests
fi
if [ ! -x openapi/tools/node_modules/.bin/tsc ]; then
  echo "== Installing the contract tools (npm, openapi/tools)"
  (cd openapi/tools && npm install --no-audit --no-fund --loglevel=error)
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data_dir=$(mktemp -d)
admin_token="sdk-test-admin-$(python3 -c 'import secrets; print(secrets.token_hex(12))')"
log="$ROOT/target/sdk-test-registry.log"
mkdir -p target
REGISTRY_DATA_DIR="$data_dir" REGISTRY_DEMO_DATA=false REGISTRY_ADMIN_TOKEN="$admin_token" QUARKUS_HTTP_PORT="$port" \
  java -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1 < /dev/null &
registry_pid=$!
cleanup() {
  kill "$registry_pid" 2>/dev/null || true
  wait "$registry_pid" 2>/dev/null || true
  rm -rf "$data_dir"
}
trap cleanup EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 90); do
  if curl -fsS "$base/q/health/ready" > /dev/null 2>&1; then break; fi
  if ! kill -0 "$registry_pid" 2>/dev/null; then echo "The registry did not start; see $log"; exit 1; fi
  sleep 1
done
curl -fsS "$base/q/health/ready" > /dev/null || { echo "The registry is not ready after 90 s; see $log"; exit 1; }

echo "== Java client (openapi-generator java/native): generate, compile, run the scenario"
./mvnw -B -ntp -q -f openapi/sdk/pom.xml compile exec:java@scenario -Dregistry.url="$base" -Dregistry.token="$admin_token"

echo "== TypeScript client (openapi-generator typescript-fetch): compile, run the scenario"
openapi/tools/node_modules/.bin/tsc -p openapi/sdk/typescript/tsconfig.json
node openapi/sdk/target/typescript-scenario/typescript/scenario.js "$base" "$admin_token"
