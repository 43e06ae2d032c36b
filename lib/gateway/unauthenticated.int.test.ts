import { randomInt } from "node:crypto";
import { get } from "node:http";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { mainAccount, startHarness, testKeys } from "../../test/gateway-harness";
import { createDatabase, type Database } from "../db";
import { createOutageLog } from "../log";
import { createTraceWriter } from "../trace";
import { signedQuery } from "./index";

let db: Database;
let t: TestTenant;
beforeAll(async () => {
  db = createDatabase(inject("dbUrls"), 4);
  t = await createTenant(db.platformDb);
});
afterAll(() => db.close());

/** A loopback address of this test's own (all of 127/8 reaches the server), so counts per address are its alone. */
const ownAddress = () => `127.${randomInt(1, 255)}.${randomInt(0, 255)}.${randomInt(1, 255)}`;

/** A GET sent from `from`, as another client machine would. */
function getFrom(from: string, url: string): Promise<{ status: number; retryAfter: string | undefined; code: string }> {
  return new Promise((resolve, reject) => {
    get(url, { localAddress: from }, (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] as string | undefined, code: JSON.parse(body).code }),
      );
    }).on("error", reject);
  });
}

const forged = { ...testKeys[0]!, secret: "not-the-secret-of-this-key" };
const unsigned = (traceId: string) => `/api/DescribeTenant?${signedQuery(forged, "DescribeTenant", mainAccount(t), {}, traceId)}`;
const signed = (traceId: string) => `/api/DescribeTenant?${signedQuery(testKeys[0]!, "DescribeTenant", mainAccount(t), {}, traceId)}`;

/** Runs calls against a gateway whose traces go to the real trace writer; its log lines, once written. */
async function withGateway(
  opts: { rejectLimit?: { perSecond: number; burst: number } },
  run: (baseUrl: string) => Promise<void>,
): Promise<Record<string, unknown>[]> {
  const logLines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logLines.push(JSON.parse(line));
      done();
    },
  });
  const log = pino({ level: "info" }, sink);
  const writer = createTraceWriter(db.platformDb, { flushMs: 60_000, outage: createOutageLog(log) });
  const h = await startHarness({ db, log, traces: writer, ...(opts.rejectLimit && { rejectLimit: opts.rejectLimit }) });
  try {
    await run(h.baseUrl);
  } finally {
    await h.close();
    await writer.close();
  }
  return logLines;
}

describe("calls refused before their accessToken verified", () => {
  it("are kept as traces a few per client address and minute, marked unauthenticated, and otherwise only counted", async () => {
    const from = ownAddress();
    const prefix = `unauth-${Date.now()}`;
    const logLines = await withGateway({}, async (baseUrl) => {
      for (let i = 0; i < 12; i++) expect((await getFrom(from, baseUrl + unsigned(`${prefix}-${i}`))).code).toBe("InvalidSignature");
      expect((await getFrom(from, `${baseUrl}/api/DescribeTenant?traceId=${prefix}-x`)).code).toBe("InvalidSignature"); // no token
      expect((await getFrom(from, baseUrl + signed(`${prefix}-ok`))).code).toBe("OK");
    });
    const rows = await db.platformDb.gatewayTrace.findMany({ where: { traceId: { startsWith: prefix } }, orderBy: { id: "asc" } });
    const unauthenticated = rows.filter((r) => !r.authenticated);
    // a minute may turn while the calls are sent: then up to three more
    expect(unauthenticated.length).toBeGreaterThanOrEqual(3);
    expect(unauthenticated.length).toBeLessThanOrEqual(6);
    expect(unauthenticated[0]).toMatchObject({ code: "InvalidSignature", clientAddress: from, tenantId: null, keyId: null });
    expect(rows.filter((r) => r.authenticated)).toMatchObject([
      { traceId: `${prefix}-ok`, code: "OK", clientAddress: from, tenantId: t.id },
    ]);

    const counts = await db.platformDb.gatewayRejection.findMany({ where: { clientAddress: from } });
    expect(counts.reduce((n, c) => n + c.calls, 0)).toBe(13);
    expect(new Set(counts.map((c) => c.code))).toEqual(new Set(["InvalidSignature"]));
    for (const c of counts) expect(c.minute.getUTCSeconds()).toBe(0);

    // the log follows the traces: the kept ones and the signed call, not one line per refusal
    const gatewayLines = logLines.filter((l) => l.msg === "gateway");
    expect(gatewayLines).toHaveLength(unauthenticated.length + 1);
    expect(gatewayLines[0]).toMatchObject({ authenticated: false, client: from, code: "InvalidSignature" });
  });

  it("past the budget of a client address are answered Throttling, while its correctly signed calls go through", async () => {
    const from = ownAddress();
    const other = ownAddress();
    await withGateway({ rejectLimit: { perSecond: 0.01, burst: 3 } }, async (baseUrl) => {
      const refused = [];
      for (let i = 0; i < 5; i++) refused.push(await getFrom(from, baseUrl + unsigned(`limit-${Date.now()}-${i}`)));
      expect(refused.map((r) => r.code)).toEqual(["InvalidSignature", "InvalidSignature", "InvalidSignature", "Throttling", "Throttling"]);
      expect(refused[3]).toMatchObject({ status: 429 });
      expect(Number(refused[3]?.retryAfter)).toBeGreaterThanOrEqual(1);
      expect((await getFrom(from, baseUrl + signed(`limit-ok-${Date.now()}`))).code).toBe("OK");
      expect((await getFrom(other, baseUrl + unsigned(`limit-other-${Date.now()}`))).code).toBe("InvalidSignature");
    });
    const counts = await db.platformDb.gatewayRejection.findMany({ where: { clientAddress: from } });
    expect(Object.fromEntries(counts.map((c) => [c.code, c.calls]))).toEqual({ InvalidSignature: 3, Throttling: 2 });
  });

  it("include an expired token and a key signing another channel's userinfo, but not a verified call that is refused later", async () => {
    const from = ownAddress();
    const prefix = `unauth-kinds-${Date.now()}`;
    await withGateway({}, async (baseUrl) => {
      const stale = signedQuery(
        testKeys[0]!,
        "DescribeTenant",
        mainAccount(t),
        {},
        `${prefix}-stale`,
        Math.floor(Date.now() / 1000) - 3600,
      );
      expect((await getFrom(from, `${baseUrl}/api/DescribeTenant?${stale}`)).code).toBe("TokenExpired");
      const awsKey = testKeys.find((k) => k.channel === "aws")!;
      const crossed = signedQuery(awsKey, "DescribeTenant", mainAccount(t), {}, `${prefix}-crossed`);
      expect((await getFrom(from, `${baseUrl}/api/DescribeTenant?${crossed}`)).code).toBe("InvalidSignature");
      const missing = signedQuery(testKeys[0]!, "DescribeNothing", mainAccount(t), {}, `${prefix}-missing`);
      expect((await getFrom(from, `${baseUrl}/api/DescribeNothing?${missing}`)).code).toBe("ActionNotFound");
    });
    const rows = await db.platformDb.gatewayTrace.findMany({ where: { traceId: { startsWith: prefix } } });
    expect(Object.fromEntries(rows.map((r) => [r.traceId.slice(prefix.length + 1), r.authenticated]))).toEqual({
      stale: false,
      crossed: false,
      missing: true,
    });
  });
});
