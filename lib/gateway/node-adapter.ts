import type { IncomingMessage, ServerResponse } from "node:http";
import type { Gateway } from "./create-gateway";
import type { GatewayResponse } from "./envelope";

/**
 * node:http options for a server in front of the gateway: a spec-sized
 * request (16 KiB params + 2 KiB userinfo in the URL) exceeds Node's default
 * 16 KiB header limit, which would answer 431 instead of the spec's JSON.
 */
export const gatewayServerOptions = { maxHeaderSize: 64 * 1024 };

const apiPath = /^\/api\/([^/?]+)(?:\?(.*))?$/s;

/**
 * True for `/api/{segment}` with no deeper path: the gateway's URLs, all of
 * them, so that a malformed Action (`/api/%ZZ…`) is answered with the JSON
 * envelope by the gateway rather than by whatever else would route it.
 */
export function isGatewayPath(url: string): boolean {
  return apiPath.test(url);
}

/**
 * Serves the gateway straight from node:http, without Next.js in the way.
 * Resolves once the response is handed to the socket. `trustedProxies`:
 * proxies of your own in front of this server (TRUSTED_PROXIES).
 */
export async function serveNode(gateway: Gateway, req: IncomingMessage, res: ServerResponse, trustedProxies = 0): Promise<void> {
  const m = apiPath.exec(req.url ?? "");
  const out = await gateway.handle({
    method: req.method ?? "GET",
    action: m?.[1] ?? "",
    query: m?.[2] ?? "",
    headers: req.headers,
    clientAddress: clientAddressOf(req, trustedProxies),
  });
  return new Promise((resolve, reject) => {
    if (outbox.push(() => write(res, out, resolve, reject)) === 1) setImmediate(flushOutbox);
  });
}

/**
 * The peer's address; behind `trustedProxies` proxies of your own, the
 * X-Forwarded-For entry that many hops left of the peer, as lib/auth reads it
 * for staff sign-in (entries further left were written by the client).
 */
function clientAddressOf(req: IncomingMessage, trustedProxies: number): string {
  const peer = req.socket.remoteAddress ?? "unknown";
  if (trustedProxies === 0) return peer;
  const forwarded = String(req.headers["x-forwarded-for"] ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return [...forwarded, peer].at(-1 - trustedProxies) ?? "unknown";
}

// Responses ready in one turn of the event loop are written together at its
// end. A write that wakes an idle client costs a context switch (a VM exit on
// a virtual machine); writes in a row mostly find it awake. Measured: rejections
// 5.1–5.6k → 8.7–9.4k req/s on the benchmark machine (docs/benchmarks.md). The
// wait is the rest of the current turn.
let outbox: (() => void)[] = [];

function flushOutbox() {
  const ready = outbox;
  outbox = [];
  for (const write of ready) write();
}

function write(res: ServerResponse, out: GatewayResponse, resolve: () => void, reject: (err: unknown) => void) {
  try {
    res.writeHead(out.status, out.headers);
    res.end(out.body);
    resolve();
  } catch (err) {
    reject(err);
  }
}
