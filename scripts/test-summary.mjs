// Prints the one plain line CI reads, `N passed, N failed`, from the runners'
// JSON reports in .reports/ and the pass/fail of each non-test step.
import { existsSync, readFileSync } from "node:fs";

const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined);
let passed = 0;
let failed = 0;

const steps = existsSync(".reports/steps.txt") ? readFileSync(".reports/steps.txt", "utf8").trim().split("\n") : [];
for (const line of steps) {
  const [name, result] = line.split(" ");
  if (name === "vitest" || name === "playwright") {
    if (result === "failed" && !existsSync(`.reports/${name}.json`)) failed++; // the runner itself broke
    continue;
  }
  if (result === "ok") passed++;
  else failed++;
}

const vitest = read(".reports/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  if (vitest.numTotalTests === 0) failed++; // a run with no tests is not a pass
}
const playwright = read(".reports/playwright.json");
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  if (playwright.stats.expected + playwright.stats.unexpected + playwright.stats.flaky === 0) failed++;
} else if (steps.includes("build ok")) {
  failed++; // the browser tests should have run
}

console.log(`${passed} passed, ${failed} failed`);
