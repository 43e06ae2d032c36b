#!/usr/bin/env bash
# npm test: typecheck, lint, unit + integration (real Postgres), build, browser
# tests (real Chromium). Runs every step, reports each, fails if any failed.
# Reports land in .reports/ (scripts/test-summary.mjs reads them).
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf .reports && mkdir -p .reports
failed=0

step() {
  local name=$1
  shift
  echo "── $name"
  if "$@"; then
    echo "$name ok" >>.reports/steps.txt
  else
    echo "$name failed" >>.reports/steps.txt
    failed=1
  fi
}

step generate npm run -s generate
step typecheck npm run -s typecheck
step lint npm run -s lint
# the real agent (a single executable) is run by the tests; built only when its sources changed
step agent npm run -s build:agent
step vitest npx vitest run --reporter=default --reporter=json --outputFile.json=.reports/vitest.json
step build npm run -s build
if grep -q "build ok" .reports/steps.txt; then
  # Debian's Chromium for the browser tests; a CJK font so Chinese pages render in screenshots
  step browser bash scripts/ensure-debian-packages.sh chromium fonts-noto-cjk
  step playwright npx playwright test
fi

node scripts/test-summary.mjs
exit $failed
