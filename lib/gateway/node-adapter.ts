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

/** True for `/api/{segment}` with no deeper path: the gateway's URLs. */
export function isGatewayPath(url: string): boolean {
  const m = apiPath.exec(url);
  return m !== null && /^[A-Z]/.test(m[1] ?? "");
}

/**
 * Serves the gateway straight from node:http, without Next.js in the way.
 * Resolves once the response is handed to the socket.
 */
export async function serveNode(gateway: Gateway, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const m = apiPath.exec(req.url ?? "");
  const out = await gateway.handle({
    method: req.method ?? "GET",
    action: m?.[1] ?? "",
    query: m?.[2] ?? "",
    headers: req.headers,
    ...(req.socket.remoteAddress !== undefined && { clientAddress: req.socket.remoteAddress }),
  });
  return new Promise((resolve, reject) => {
    if (outbox.push(() => write(res, out, resolve, reject)) === 1) setImmediate(flushOutbox);
  });
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

/** The same gateway behind a Fetch API route (Next.js route handler). */
export async function serveFetch(gateway: Gateway, request: Request, action: string): Promise<Response> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const out = await gateway.handle({ method: request.method, action, query: url.search.slice(1), headers });
  return new Response(out.body, { status: out.status, headers: out.headers });
}
