#!/usr/bin/env bash
# npm run setup: dependencies, the browser for e2e tests, the load generator
# for benchmarks, the production build.
set -euo pipefail
cd "$(dirname "$0")/.."

npm install --no-audit --no-fund

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium) # browser tests
command -v wrk >/dev/null 2>&1 || missing+=(wrk)           # npm run bench:gateway
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's ${missing[*]}..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "warning: not installed: ${missing[*]} (apt-get install ${missing[*]}); browser tests and benchmarks need them" >&2
  fi
fi

npm run build
echo "Setup done. Start with: npm start"
