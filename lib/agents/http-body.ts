import type { IncomingMessage } from "node:http";
import { checkJsonValue, GatewayError } from "../gateway";
import { BodyTooLarge, readBody as readHttpBody } from "../http";
import { AgentError } from "./agent-error";

/** Every agent endpoint's body limit (agent-channel.md §3). */
export const maxBodyBytes = 256 * 1024;

/** The request body, refused as PayloadTooLarge as soon as it passes the limit (declared or sent). */
export async function readBody(req: IncomingMessage, limit = maxBodyBytes): Promise<Buffer> {
  try {
    return await readHttpBody(req, limit);
  } catch (err) {
    throw err instanceof BodyTooLarge ? new AgentError("PayloadTooLarge", err.message) : err;
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The JSON object a body holds, or InvalidParameter. */
export function parseJsonObject(body: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(body));
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
