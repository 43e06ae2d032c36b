import { randomUUID } from "node:crypto";
import type { ConsoleKey } from "../config";
import { signedQuery, userinfoFor } from "../gateway";

export type ConsoleCall = { channel: ConsoleKey["channel"]; parentUid: string; uid: string; action: string; params: object };

/**
 * What a cloud console's proxy does for the buyer (or a RAM/IAM sub-user):
 * signs the call with its channel's key and sends it to the gateway over HTTP.
 */
export async function callThroughConsole(origin: string, key: ConsoleKey, call: ConsoleCall) {
  const traceId = `console-${randomUUID()}`;
  const path = `/api/${call.action}?${signedQuery(key, call.action, userinfoFor(call), call.params, traceId)}`;
  const res = await fetch(new URL(path, origin));
  return { request: `GET ${path.replace(/accessToken=[^&]+/, "accessToken=v1.…")}`, status: res.status, response: await res.text() };
}
