import { createServer, type Server } from "node:http";
import pino from "pino";
import { inject } from "vitest";
import { type ActionServices, registry } from "../lib/actions";
import type { ConsoleKey } from "../lib/config";
import { createDatabase, type Database } from "../lib/db";
import {
  type ActionRegistry,
  createGateway,
  type Gateway,
  type GatewayDeps,
  gatewayServerOptions,
  serveNode,
  signedQuery,
} from "../lib/gateway";
import type { TraceRecord } from "../lib/trace";
import type { TestTenant } from "./factories";
import { testServices } from "./services";

export const testKeys: ConsoleKey[] = [
  { keyId: "k-ali", channel: "aliyun", secret: "aliyun-test-secret-0001" },
  { keyId: "k-ali2", channel: "aliyun", secret: "aliyun-test-secret-0002" },
  { keyId: "k-aws", channel: "aws", secret: "aws-test-secret-00000001" },
  { keyId: "k-direct", channel: "direct", secret: "direct-test-secret-0001" },
];

export type Harness = {
  gateway: Gateway;
  db: Database;
  traces: TraceRecord[];
  baseUrl: string;
  /** moves the gateway's clock, in seconds from real time */
  clockSkew: { seconds: number };
  /** a signed GET for tenant t's main account (or the given identity) */
  call: (action: string, params: object, opts?: CallOptions) => Promise<Reply>;
  get: (pathAndQuery: string, init?: RequestInit) => Promise<Reply>;
  close: () => Promise<void>;
};

export type CallOptions = {
  tenant?: TestTenant;
  userinfo?: object;
  key?: ConsoleKey;
  traceId?: string;
  issuedAt?: number;
};

export type Reply = {
  status: number;
  headers: Headers;
  body: { traceId: string; success: boolean; code: string; message: string; data: any };
};

/** The real gateway on a real loopback HTTP server, against the test Postgres. */
export async function startHarness(
  overrides: Partial<GatewayDeps<ActionServices>> & { actions?: ActionRegistry<ActionServices>; db?: Database } = {},
): Promise<Harness> {
  const db = overrides.db ?? createDatabase(inject("dbUrls"), 10);
  const traces: TraceRecord[] = [];
  const clockSkew = { seconds: 0 };
  const gateway = createGateway({
    keys: testKeys,
    db,
    actions: registry,
    services: testServices(),
    traces: { record: (t) => traces.push(t) > 0 },
    log: pino({ level: process.env.HARNESS_LOG ?? "silent" }),
    rateLimit: { perSecond: 1000, burst: 1000 },
    rejectLimit: { perSecond: 1000, burst: 1000 },
    now: () => Date.now() + clockSkew.seconds * 1000,
    ...overrides,
  });
  const server: Server = createServer(gatewayServerOptions, (req, res) => void serveNode(gateway, req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  const get = async (pathAndQuery: string, init?: RequestInit): Promise<Reply> => {
    const res = await fetch(baseUrl + pathAndQuery, init);
    return { status: res.status, headers: res.headers, body: await res.json() };
  };
  let seq = 0;
  return {
    gateway,
    db,
    traces,
    baseUrl,
    clockSkew,
    get,
    call(action, params, opts = {}) {
      const key = opts.key ?? testKeys.find((k) => k.channel === (opts.tenant?.channel ?? "aliyun"))!;
      const userinfo = opts.userinfo ?? mainAccount(opts.tenant!);
      const traceId = opts.traceId ?? `t-${process.pid}-${Date.now()}-${seq++}`;
      return get(`/api/${action}?${signedQuery(key, action, userinfo, params, traceId, opts.issuedAt)}`);
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!overrides.db) await db.close();
    },
  };
}

export function mainAccount(t: TestTenant) {
  return { uid: t.parentUid, parentUid: t.parentUid, accountType: "main", marketplace: t.channel };
}

export function subAccount(t: TestTenant, uid: string) {
  return { uid, parentUid: t.parentUid, accountType: "sub", marketplace: t.channel };
}
