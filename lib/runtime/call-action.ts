import { randomUUID } from "node:crypto";
import type { ActionServices } from "../actions";
import type { ChannelName } from "../config";
import { type AnyAction, type ErrorCode, type ParamsOf, type Reason, type ResultOf, signedQuery, userinfoFor } from "../gateway";
import { runtime } from "./index";

/** Who a page acts for: the signed-in buyer of a console session. */
export type ConsoleIdentity = {
  channel: ChannelName;
  uid: string;
  parentUid: string;
  name?: string;
  locale?: string;
};

export type ActionResult<T> =
  | { ok: true; traceId: string; data: T }
  /** `reason`, when the action gave one, is what a page translates; `message` is the wire's English */
  | { ok: false; traceId: string; code: ErrorCode; message: string; reason?: Reason };

/**
 * Skyport's own pages call actions through the same gateway pipeline, in
 * process, signed server-side with a key of the buyer's channel (the spec
 * lets a key sign only userinfo of its own channel). Params and result are
 * typed by the action object.
 */
export async function callAction<A extends AnyAction<ActionServices>>(
  who: ConsoleIdentity,
  action: A,
  params: ParamsOf<A>,
): Promise<ActionResult<ResultOf<A>>> {
  const { gateway, config } = runtime();
  const key = config.CONSOLE_KEYS.find((k) => k.channel === who.channel);
  if (!key) throw new Error(`CONSOLE_KEYS has no key for channel ${who.channel}`);
  const traceId = `web-${randomUUID()}`;
  const query = signedQuery(key, action.name, userinfoFor(who), params as object, traceId);
  const res = await gateway.handle({ method: "GET", action: action.name, query, headers: {} });
  const body = JSON.parse(res.body) as { code: "OK" | ErrorCode; message: string; data: ResultOf<A> };
  if (body.code === "OK") return { ok: true, traceId, data: body.data };
  return { ok: false, traceId, code: body.code, message: body.message, ...(res.reason && { reason: res.reason }) };
}
