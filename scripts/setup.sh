#!/usr/bin/env bash
# npm run setup: dependencies, the browser for e2e tests, the production build.
set -euo pipefail
cd "$(dirname "$0")/.."

npm install --no-audit --no-fund

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's Chromium for the browser tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "warning: no chromium found; install it (apt-get install chromium) to run the browser tests" >&2
  fi
fi

npm run build
echo "Setup done. Start with: npm start"
