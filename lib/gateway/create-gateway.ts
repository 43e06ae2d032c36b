import type { Action, ActionRegistry, Caller } from "../actions";
import { recordAudit } from "../audit";
import type { ConsoleKey } from "../config";
import { type Database, isDatabaseUnavailable, type TenantTx, withTenant } from "../db";
import type { Logger } from "../log";
import type { TraceRecord } from "../trace";
import { decodeJsonObject } from "./base64url-json";
import { envelope, errorResponse, type GatewayResponse, respond } from "./envelope";
import { GatewayError, invalid } from "./errors";
import { type GatewayRequest, parseRequest, type RequestFields, wellFormedTraceId } from "./parse-request";
import { createRateLimiter, type RateLimit } from "./rate-limit";
import { claimTrace, requestHash, storeAnswer, storedAnswer } from "./replay-guard";
import { signatureMatches, tokenWindowSeconds } from "./signature";
import { isEntitled, loadTenantContext } from "./tenant-context";
import { decodeUserinfo, describeIssues } from "./userinfo";

export type GatewayDeps = {
  keys: readonly ConsoleKey[];
  db: Database;
  actions: ActionRegistry;
  traces: { record: (t: TraceRecord) => void };
  log: Logger;
  rateLimit: RateLimit;
  /** milliseconds since the epoch; tests move it */
  now?: () => number;
};

export type Gateway = { handle: (req: GatewayRequest) => Promise<GatewayResponse> };

/**
 * The one door to every action (shared/specs/console-gateway.md):
 * parse → signature and time window → tenant → rate limit → entitlement →
 * role → params → handler in withTenant (with the replay guard for mutations)
 * → envelope → trace.
 */
export function createGateway(deps: GatewayDeps): Gateway {
  const now = deps.now ?? Date.now;
  const keys = new Map(deps.keys.map((k) => [k.keyId, k]));
  const takeToken = createRateLimiter(deps.rateLimit, now);

  async function run(fields: RequestFields, trace: TraceRecord): Promise<GatewayResponse> {
    const key = keys.get(fields.token.keyId);
    if (!key || !signatureMatches(key.secret, { ...fields, issuedAt: fields.token.issuedAt }, fields.token.signature))
      throw new GatewayError("InvalidSignature", "the accessToken does not verify");
    trace.keyId = key.keyId;
    if (Math.abs(now() / 1000 - fields.token.issuedAt) > tokenWindowSeconds)
      throw new GatewayError("TokenExpired", `issuedAt is more than ${tokenWindowSeconds} s from the server's time`);

    const user = decodeUserinfo(fields.userinfo);
    if (user.marketplace !== key.channel)
      throw new GatewayError("InvalidSignature", `key ${key.keyId} may not sign userinfo of channel ${user.marketplace}`);
    Object.assign(trace, { channel: user.marketplace, parentUid: user.parentUid, uid: user.uid });

    const action = deps.actions.get(fields.action);
    if (!action) throw new GatewayError("ActionNotFound", `no action ${fields.action}`);
    const rawParams = decodeJsonObject("params", fields.params);

    const tenant = await loadTenantContext(deps.db.platformDb, user.marketplace, user.parentUid, user.uid);
    if (!tenant) throw new GatewayError("TenantNotFound", `no ${user.marketplace} tenant for this account: buy the product first`);
    trace.tenantId = tenant.id;

    const wait = takeToken(tenant.id);
    if (wait) throw new GatewayError("Throttling", "too many requests for this tenant", wait);
    if (action.mutates && !isEntitled(tenant, new Date(now())))
      throw new GatewayError("EntitlementExpired", "the subscription has lapsed: renew it to make changes");

    const caller: Caller = {
      uid: user.uid,
      parentUid: user.parentUid,
      accountType: user.accountType,
      channel: user.marketplace,
      role: user.accountType === "main" ? "owner" : (tenant.memberRole ?? "member"),
      ...(user.name !== undefined && { name: user.name }),
      ...(user.locale !== undefined && { locale: user.locale }),
    };
    if (!action.roles.includes(caller.role)) throw new GatewayError("Forbidden", `role ${caller.role} may not call ${action.name}`);
    const parsed = action.params.safeParse(rawParams);
    if (!parsed.success) throw invalid(`params: ${describeIssues(parsed.error)}`);

    return action.mutates
      ? runOnce(action, parsed.data, fields, tenant.id, caller)
      : withTenant(deps.db.appDb, tenant.id, async (tx) => {
          const data = await action.handler(context(tx, tenant.id, caller, fields.traceId), parsed.data);
          return respond(fields.traceId, "OK", 200, envelope(fields.traceId, "OK", "", data));
        });
  }

  /** At most once per (channel, parentUid, traceId): the claim commits with the effect. */
  function runOnce(action: Action, params: unknown, fields: RequestFields, tenantId: string, caller: Caller) {
    const hash = requestHash(fields.action, fields.params);
    return withTenant(deps.db.appDb, tenantId, async (tx) => {
      if (!(await claimTrace(tx, tenantId, fields.traceId, hash))) {
        const prior = await storedAnswer(tx, tenantId, fields.traceId);
        if (prior.requestHash !== hash) throw new GatewayError("Replayed", "this traceId was already used for a different request");
        return respond(fields.traceId, "OK", prior.httpStatus, prior.body, { "x-replayed": "true" });
      }
      const data = await action.handler(context(tx, tenantId, caller, fields.traceId), params);
      const body = envelope(fields.traceId, "OK", "", data);
      await storeAnswer(tx, tenantId, fields.traceId, 200, body);
      return respond(fields.traceId, "OK", 200, body);
    });
  }

  function context(tx: TenantTx, tenantId: string, caller: Caller, traceId: string) {
    return {
      tx,
      tenantId,
      caller,
      traceId,
      audit: (e: { action: string; target: string; payload?: Record<string, unknown> }) =>
        recordAudit(tx, { ...e, tenantId, actorUid: caller.uid, traceId }),
    };
  }

  return {
    async handle(req) {
      const started = performance.now();
      const trace: TraceRecord = {
        traceId: wellFormedTraceId(req) ?? "",
        at: new Date(now()),
        action: "",
        code: "OK",
        httpStatus: 200,
        latencyMs: 0,
      };
      let res: GatewayResponse;
      try {
        const fields = parseRequest(req);
        trace.action = fields.action;
        res = await run(fields, trace);
      } catch (err) {
        res = errorResponse(trace.traceId || undefined, toGatewayError(err, deps.log, trace));
      }
      if (!trace.action) trace.action = safeActionName(req.action);
      trace.httpStatus = res.status;
      trace.code = res.code;
      trace.latencyMs = performance.now() - started;
      deps.traces.record(trace);
      deps.log.info(
        {
          traceId: trace.traceId,
          action: trace.action,
          tenant: trace.tenantId,
          code: trace.code,
          status: res.status,
          ms: Math.round(trace.latencyMs * 10) / 10,
        },
        "gateway",
      );
      return res;
    },
  };
}

function toGatewayError(err: unknown, log: Logger, trace: TraceRecord): GatewayError {
  if (err instanceof GatewayError) return err;
  if (isDatabaseUnavailable(err)) {
    log.warn({ traceId: trace.traceId, err: summarize(err) }, "database unavailable");
    return new GatewayError("ServiceUnavailable", "the service is temporarily unavailable; retry later", 5);
  }
  log.error({ traceId: trace.traceId, action: trace.action, err }, "action failed");
  return new GatewayError("InternalError", `internal error; quote traceId ${trace.traceId || "(none)"} to support`);
}

const summarize = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

/** For traces of calls refused before the Action was validated. */
function safeActionName(raw: string): string {
  return /^[A-Za-z0-9]{1,64}$/.test(raw) ? raw : "(invalid)";
}
