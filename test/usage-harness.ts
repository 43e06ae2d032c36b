import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { inject } from "vitest";
import { createUsageIngest, isUsagePath, usagePath, usageSignature } from "../lib/billing";
import { createDatabase, type DatabaseUrls, isDatabaseUnavailable } from "../lib/db";
import { testConfig } from "./config";

export type UsageHarness = Awaited<ReturnType<typeof startUsageHarness>>;

/** The usage endpoint on a loopback server, as server.ts serves it, over the test Postgres (or `dbUrls`). */
export async function startUsageHarness(opts: { perSecond?: number; burst?: number; dbUrls?: DatabaseUrls } = {}) {
  const db = createDatabase(opts.dbUrls ?? inject("dbUrls"), 10);
  const keys = testConfig().USAGE_KEYS;
  const [keyId, secret] = [...keys][0] as [string, string];
  const handle = createUsageIngest({
    pool: db.platformPool,
    keys,
    limit: { perSecond: opts.perSecond ?? 100_000, burst: opts.burst ?? 100_000 },
    log: pino({ level: "silent" }),
    reportOutage: (_by, err) => isDatabaseUnavailable(err),
  });
  const server = createServer((req, res) => {
    if (isUsagePath(req.url ?? "")) void handle(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${usagePath}`;

  /** POSTs `body` (an object, or bytes as they are) signed as the spec says, unless told otherwise. */
  async function post(body: unknown, o: { timestamp?: number; secret?: string; keyId?: string; headers?: Record<string, string> } = {}) {
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body));
    const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000));
    const res = await fetch(url, {
      method: "POST",
      body: new Uint8Array(bytes),
      headers: {
        "content-type": "application/json",
        "x-usage-key": o.keyId ?? keyId,
        "x-usage-timestamp": timestamp,
        "x-usage-signature": usageSignature(o.secret ?? secret, timestamp, bytes),
        ...o.headers,
      },
    });
    return { status: res.status, headers: res.headers, body: await res.json() };
  }

  return {
    db,
    url,
    post,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
}
