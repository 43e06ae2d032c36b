import { randomUUID } from "node:crypto";
import type { ChannelName } from "../config";
import { signedQuery, userinfoFor } from "../gateway";
import { runtime } from "./index";

/** Who a page acts for: the signed-in buyer of a console session. */
export type ConsoleIdentity = {
  channel: ChannelName;
  uid: string;
  parentUid: string;
  name?: string;
  locale?: string;
};

export type ActionResult<T> = { ok: true; traceId: string; data: T } | { ok: false; traceId: string; code: string; message: string };

/**
 * Skyport's own pages call actions through the same gateway pipeline, in
 * process, signed server-side with a key of the buyer's channel (the spec
 * lets a key sign only userinfo of its own channel).
 */
export async function callAction<T>(who: ConsoleIdentity, action: string, params: object = {}): Promise<ActionResult<T>> {
  const { gateway, config } = runtime();
  const key = config.CONSOLE_KEYS.find((k) => k.channel === who.channel);
  if (!key) throw new Error(`CONSOLE_KEYS has no key for channel ${who.channel}`);
  const traceId = `web-${randomUUID()}`;
  const query = signedQuery(key, action, userinfoFor(who), params, traceId);
  const res = await gateway.handle({ method: "GET", action, query, headers: {} });
  const body = JSON.parse(res.body) as { code: string; message: string; data: T };
  return body.code === "OK" ? { ok: true, traceId, data: body.data } : { ok: false, traceId, code: body.code, message: body.message };
}
