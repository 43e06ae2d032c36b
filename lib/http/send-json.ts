import type { ServerResponse } from "node:http";
import type { Refusal } from "./refusal";

/** A JSON answer; `Cache-Control: no-store` on every one. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

/** A refusal's answer: `{ code, message }` at its status, with `Retry-After` when it says how long to wait. */
export function sendRefusal(res: ServerResponse, err: Refusal<string>, headers: Record<string, string> = {}) {
  const wait: Record<string, string> = err.retryAfterSeconds ? { "retry-after": String(err.retryAfterSeconds) } : {};
  sendJson(res, err.status, { code: err.code, message: err.message }, { ...wait, ...headers });
}
