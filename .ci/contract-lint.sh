#!/usr/bin/env bash
# The OpenAPI contract's lint: Spectral (OpenAPI + OWASP API security rulesets) and Redocly, 0 errors each.
# Installs the pinned tools (openapi/tools/package.json) into openapi/tools/node_modules when absent.
# Rules turned off, and why: openapi/LINT.md.
set -euo pipefail
cd "$(dirname "$0")/../openapi"
if [ ! -x tools/node_modules/.bin/spectral ] || [ ! -x tools/node_modules/.bin/redocly ]; then
  echo "Installing the contract linters (npm, openapi/tools)"
  (cd tools && npm install --no-audit --no-fund --loglevel=error)
fi
echo "== Spectral: spectral:oas + OWASP API security"
tools/node_modules/.bin/spectral lint openapi.yaml --ruleset .spectral.yaml --fail-severity error --display-only-failures
echo "== Redocly lint"
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true tools/node_modules/.bin/redocly lint openapi.yaml --config redocly.yaml --format stylish
echo "Contract lint: 0 errors"
