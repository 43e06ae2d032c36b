import type { IncomingMessage, ServerResponse } from "node:http";
import type { Gateway } from "./create-gateway";

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

/** Serves the gateway straight from node:http, without Next.js in the way. */
export async function serveNode(gateway: Gateway, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const m = apiPath.exec(req.url ?? "");
  const out = await gateway.handle({
    method: req.method ?? "GET",
    action: m?.[1] ?? "",
    query: m?.[2] ?? "",
    headers: req.headers,
  });
  res.writeHead(out.status, out.headers);
  res.end(out.body);
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
