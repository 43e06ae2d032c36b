#!/usr/bin/env bash
# npm run setup: what serving needs, nothing more: the dependencies (Node 24
# among them, from the npm registry), the production build, and the agent
# packages buyers download. The browser
# for the tests and the load generator for the benchmarks are installed by
# `npm test` and `npm run bench:*` when they first need them.
set -euo pipefail
cd "$(dirname "$0")/.."

# --prefer-offline: a warm npm cache is used without asking the registry about every package again (the lockfile pins versions)
npm install --no-audit --no-fund --prefer-offline
npm run build
npm run build:agent
echo "Setup done. Start with: npm start"
