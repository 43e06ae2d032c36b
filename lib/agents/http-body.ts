import type { IncomingMessage, ServerResponse } from "node:http";
import { checkJsonValue, GatewayError } from "../gateway";
import { AgentError } from "./agent-error";

/** Every agent endpoint's body limit (agent-channel.md §3). */
export const maxBodyBytes = 256 * 1024;

/** The request body, refused as PayloadTooLarge as soon as it passes the limit (declared or sent). */
export function readBody(req: IncomingMessage, limit = maxBodyBytes): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      req.resume();
      return reject(new AgentError("PayloadTooLarge", `the body is over ${limit / 1024} KiB`));
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(new AgentError("PayloadTooLarge", `the body is over ${limit / 1024} KiB`));
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** A JSON answer; `Cache-Control: no-store` on every one. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers });
  res.end(JSON.stringify(body));
}

export function sendError(res: ServerResponse, err: AgentError) {
  sendJson(
    res,
    err.status,
    { code: err.code, message: err.message },
    err.retryAfterSeconds ? { "retry-after": String(err.retryAfterSeconds) } : {},
  );
}

/** The JSON object a body holds, or InvalidParameter. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    throw new AgentError("InvalidParameter", "the body is not UTF-8 JSON");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new AgentError("InvalidParameter", "the body must be a JSON object");
  try {
    checkJsonValue("the body", value);
  } catch (err) {
    throw err instanceof GatewayError ? new AgentError("InvalidParameter", err.message) : err;
  }
  return value as Record<string, unknown>;
}
