import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import pino from "pino";
import { inject } from "vitest";
import type { ActionServices } from "../lib/actions";
import {
  type AgentChannel,
  createAgentChannel,
  isAgentPath,
  isDownloadPath,
  localPackageStore,
  type PackageStore,
  serveDownload,
  signAgentCall,
} from "../lib/agents";
import { storedFiles, tarOf } from "../lib/agents/agent-package";
import type { SealKey } from "../lib/config";
import { createDatabase, type Database, isDatabaseUnavailable } from "../lib/db";
import { fetchAgentPackage } from "../lib/sandbox/agent-download";
import { testConfig } from "./config";
import type { TestTenant } from "./factories";
import { type Harness, startHarness } from "./gateway-harness";
import { testServices } from "./services";

export type AgentHarness = {
  h: Harness;
  db: Database;
  baseUrl: string;
  keys: readonly SealKey[];
  channel: AgentChannel;
  /** a fresh channel in its own "process" (nothing cached), as after a restart */
  restartChannel: () => Promise<void>;
  /** the server goes away for `ms` (connections refused), then comes back on the same port with a fresh channel */
  restartServer: (ms: number) => Promise<void>;
  download: (tenant: TestTenant, params?: object) => Promise<{ downloadId: string; url: string; token: string }>;
  enrol: (token: string, host?: Partial<Host>) => Promise<{ status: number; body: any }>;
  signed: (
    agent: EnrolledAgent,
    method: string,
    pathWithQuery: string,
    body?: object | Buffer,
    opts?: SignOpts,
  ) => Promise<{ status: number; body: any; headers: Headers }>;
  close: () => Promise<void>;
};

export type Host = { hostname: string; machineId: string; os: string; arch: string };
export type EnrolledAgent = { agentId: string; agentSecret: string };
type SignOpts = { timestamp?: number; nonce?: string; secret?: string; headers?: Record<string, string> };

/**
 * The gateway and the agents' fast-path doors (channel and downloads) on one
 * loopback server, as server.ts serves them, over the test Postgres; the
 * packages are small stand-ins with the real layout unless `packages` is given.
 */
export async function startAgentHarness(
  opts: { heartbeatSeconds?: number; limits?: AgentChannelLimits; services?: ActionServices; packages?: PackageStore } = {},
): Promise<AgentHarness> {
  const keys = testConfig().AGENT_SEAL_KEYS;
  const db = createDatabase(inject("dbUrls"), 10);
  const base = opts.services ?? testServices();
  const services = { ...base, agents: { ...base.agents, heartbeatSeconds: opts.heartbeatSeconds ?? 30 } };
  const h = await startHarness({ db, services });
  const store = opts.packages ?? (await standInPackages());

  const makeChannel = () =>
    createAgentChannel({
      appPool: db.appPool,
      platformDb: db.platformDb,
      listenUrl: inject("dbUrls").platform,
      keys,
      heartbeatSeconds: opts.heartbeatSeconds ?? 30,
      lastSeenFlushMs: 50,
      limits: opts.limits ?? { agent: { perSecond: 1000, burst: 1000 }, tenant: { perSecond: 10_000, burst: 10_000 } },
      log: pino({ level: process.env.HARNESS_LOG ?? "silent" }),
      reportOutage: (_by, err) => isDatabaseUnavailable(err),
    });
  let channel = makeChannel();
  await channel.start();
  const serve = () =>
    createServer((req, res) => {
      const url = req.url ?? "";
      if (isAgentPath(url)) void channel.handle(req, res);
      else if (isDownloadPath(url))
        void serveDownload(
          { appPool: db.appPool, keys, store, publicUrl: baseUrl, now: Date.now, reportOutage: (_by, err) => isDatabaseUnavailable(err) },
          req,
          res,
        );
      else res.writeHead(404).end();
    });
  let server: Server = serve();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  const stopServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });

  const harness: AgentHarness = {
    h,
    db,
    baseUrl,
    keys,
    get channel() {
      return channel;
    },
    async restartChannel() {
      await channel.close();
      channel = makeChannel();
      await channel.start();
    },
    async restartServer(ms) {
      await stopServer();
      await channel.close();
      await new Promise((r) => setTimeout(r, ms));
      channel = makeChannel();
      await channel.start();
      server = serve();
      await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    },
    async download(tenant, params = { os: "linux-x64" }) {
      const r = await h.call("CreateAgentDownload", params, { tenant });
      if (r.body.code !== "OK") throw new Error(`CreateAgentDownload: ${r.body.code} ${r.body.message}`);
      const url = new URL(r.body.data.url);
      const config = await fetchAgentPackage(baseUrl, url.pathname.slice("/download/".length));
      return { downloadId: r.body.data.downloadId, url: url.pathname, token: config.enrolmentToken };
    },
    async enrol(token, host = {}) {
      const res = await fetch(`${baseUrl}/api/agent/v1/enroll`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          token,
          host: { hostname: "db-01", machineId: randomBytes(12).toString("hex"), os: "linux", arch: "x64", ...host },
        }),
      });
      return { status: res.status, body: await res.json() };
    },
    async signed(agent, method, pathWithQuery, body, o = {}) {
      const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body === undefined ? "" : JSON.stringify(body));
      const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000));
      const nonce = o.nonce ?? randomBytes(18).toString("base64url");
      const res = await fetch(`${baseUrl}${pathWithQuery}`, {
        method,
        headers: {
          "content-type": "application/json",
          "x-agent-id": agent.agentId,
          "x-agent-timestamp": timestamp,
          "x-agent-nonce": nonce,
          "x-agent-signature": signAgentCall(o.secret ?? agent.agentSecret, method, pathWithQuery, timestamp, nonce, bytes),
          ...o.headers,
        },
        ...(method !== "GET" && { body: new Uint8Array(bytes) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : {}, headers: res.headers };
    },
    async close() {
      await stopServer();
      await channel.close();
      await h.close();
      await db.close();
    },
  };
  return harness;
}

/** Small stand-ins with the real layout, for tests that read a package but never run it. */
async function standInPackages(): Promise<PackageStore> {
  const store = localPackageStore(mkdtempSync(path.join(tmpdir(), "skyport-packages-")));
  const prefix = await tarOf([{ name: "skyport-agent/skyport-agent", mode: 0o755, body: Buffer.from("#!/bin/sh\necho stand-in\n") }]);
  await store.put(storedFiles.linuxPrefix, gzipSync(prefix.subarray(0, prefix.length - 1024)));
  for (const name of storedFiles.windows) await store.put(name, Buffer.from(`stand-in ${name}`));
  return store;
}

type AgentChannelLimits = { agent: { perSecond: number; burst: number }; tenant: { perSecond: number; burst: number } };
