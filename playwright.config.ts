import { defineConfig } from "@playwright/test";

// E2E_PORT moves the whole run (the server, its Postgres, the front-door test's
// second server) so that two checkouts can run their browser tests at once.
const port = Number(process.env.E2E_PORT ?? 3107);
export const e2e = {
  port,
  /** the embedded Postgres of the test server, and one more for a second server */
  pgPort: port + 51284,
  baseURL: `http://localhost:${port}`,
  password: "e2e-staff-password",
};

/**
 * Browser tests run the product as `npm start` does (built Next.js behind the
 * fast-path server) on its own embedded Postgres under .data/e2e, port 3107.
 * Debian's Chromium; never a downloaded browser.
 */
export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  workers: 1,
  reporter: [["list"], ["json", { outputFile: ".reports/playwright.json" }]],
  use: {
    baseURL: e2e.baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "rm -rf .data/e2e && node --import tsx server.ts",
    url: `${e2e.baseURL}/signin`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: ".data/e2e",
      EMBEDDED_PG_PORT: String(port + 51284),
      DEMO_PASSWORD: e2e.password,
      LOG_LEVEL: "warn",
      TRACE_FLUSH_MS: "100",
    },
  },
});
