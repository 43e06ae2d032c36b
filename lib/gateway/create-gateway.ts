import { recordAudit } from "../audit";
import type { ConsoleKey } from "../config";
import { type Database, type Guard, isDatabaseUnavailable, isTransientConflict, readAsTenant, type TenantTx, withTenant } from "../db";
import { withinClockWindow } from "../http";
import { createOutageLog, type Logger, type OutageLog } from "../log";
import { maxTracedParams, type TraceRecord } from "../trace";
import type { ActionContext, ActionRegistry, AnyAction, Caller, Role } from "./action";
import { decodeJsonObject } from "./base64url-json";
import { envelope, errorResponse, type GatewayResponse, respond } from "./envelope";
import { GatewayError, invalid, tenantNotFound } from "./errors";
import { type GatewayRequest, parseRequest, type RequestFields } from "./parse-request";
import { createRateLimiter, type RateLimit } from "./rate-limit";
import { claimTrace, finishedAnswer, requestHash, storeAnswer, storedAnswer } from "./replay-guard";
import { secretParamNames } from "./secret-params";
import { signatureMatches, tokenWindowSeconds } from "./signature";
import { accountKey, type CallerContext, callerContextQuery, createTenantCache, isEntitled, scopedTenantQuery } from "./tenant-context";
import { decodeUserinfo, describeIssues, type Userinfo } from "./userinfo";

export type GatewayDeps<S> = {
  keys: readonly ConsoleKey[];
  db: Database;
  actions: ActionRegistry<S>;
  /** handed to every action in its context */
  services: S;
  /** false: an unauthenticated refusal only counted, which the log leaves out too */
  traces: { record: (t: TraceRecord) => boolean };
  log: Logger;
  /** where database outages are reported, once per interval; by default one of the gateway's own */
  outage?: OutageLog;
  rateLimit: RateLimit;
  /** calls refused before their accessToken verified, per client address: past it they are answered Throttling */
  rejectLimit: RateLimit;
  /** how many accounts' tenant ids to keep (least recently used go first) */
  tenantCacheSize?: number;
  /** milliseconds since the epoch; tests move it */
  now?: () => number;
};

export type Gateway = { handle: (req: GatewayRequest) => Promise<GatewayResponse> };

/**
 * The one door to every action (shared/specs/console-gateway.md):
 * parse → signature and time window → tenant → rate limit → entitlement →
 * role → params → [prepare, holding no connection] → handler (reads in
 * readAsTenant; changes in withTenant, with the replay guard) → envelope → trace.
 */
export function createGateway<S>(deps: GatewayDeps<S>): Gateway {
  const now = deps.now ?? Date.now;
  const keys = new Map(deps.keys.map((k) => [k.keyId, k]));
  const takeToken = createRateLimiter(deps.rateLimit, now);
  const takeRejection = createRateLimiter(deps.rejectLimit, now);
  const tenants = createTenantCache(deps.db.appPool, deps.tenantCacheSize ?? 100_000);
  const pool = deps.db.appPool;
  // each action's params marked secret, for its traces to leave out
  const secretParams = new Map([...deps.actions.values()].map((a) => [a.name, secretParamNames(a.params)]));
  const outage = deps.outage ?? createOutageLog(deps.log);

  async function run(fields: RequestFields, trace: TraceRecord, started: number): Promise<GatewayResponse> {
    const key = keys.get(fields.token.keyId);
    if (!key || !signatureMatches(key.secret, fields, fields.token.issuedAt, fields.token.signature))
      throw new GatewayError("InvalidSignature", "the accessToken does not verify");
    trace.keyId = key.keyId;
    if (!withinClockWindow(now(), fields.token.issuedAt, tokenWindowSeconds))
      throw new GatewayError("TokenExpired", `issuedAt is more than ${tokenWindowSeconds} s from the server's time`);

    const user = decodeUserinfo(fields.userinfo);
    if (user.marketplace !== key.channel)
      throw new GatewayError("InvalidSignature", `key ${key.keyId} may not sign userinfo of channel ${user.marketplace}`);
    trace.authenticated = true;
    Object.assign(trace, { channel: user.marketplace, parentUid: user.parentUid, uid: user.uid });

    const action = deps.actions.get(fields.action);
    if (!action) throw new GatewayError("ActionNotFound", `no action ${fields.action}`);
    const rawParams = decodeJsonObject("params", fields.params);
    // kept in the trace buffer until written (longer while the database is down): a large one only as a note
    trace.params = fields.params.length <= maxTracedParams ? rawParams : { omitted: `${fields.params.length} characters` };
    trace.secretParams = secretParams.get(action.name);

    // limited by account, which needs no tenant id: a refusal costs no database work
    const account = accountKey(user.marketplace, user.parentUid);
    const wait = takeToken(account);
    if (wait) throw new GatewayError("Throttling", "too many requests for this tenant", { retryAfter: wait });
    // A tenant id the cache does not know is resolved by the scope's first statement, in the
    // round trip that reads the caller's context, unless the handler's first statement is to
    // travel with that context (a main account's read): that needs the id, so it is looked up
    // first, together with the other misses of the moment.
    const owner = user.accountType === "main";
    let tenantId = tenants.get(account);
    const tenantAccount = { channel: user.marketplace, externalId: user.parentUid };
    let lookedUp = false;
    if (tenantId === undefined && owner && !action.mutates && !action.prepare) {
      tenantId = await tenants.lookup(account, tenantAccount);
      if (tenantId === undefined) throw tenantNotFound(user.marketplace);
      tenants.remember(account, tenantId);
      lookedUp = true;
    }
    trace.tenantId = tenantId;
    const tenant = () => tenantId ?? tenantAccount;

    // The tenant's state and the caller's membership, read fresh with the work. A main account
    // is the owner by its signed userinfo and a read needs no entitlement: its read needs to know
    // only that the tenant exists (one index lookup, not three), and that travels with the
    // handler's first statement (one round trip).
    let role: Role | undefined = owner ? "owner" : undefined;
    const idOnly = owner && !action.mutates;
    const callerContext = (withFirstStatement: boolean): Guard => ({
      statement: idOnly ? scopedTenantQuery() : callerContextQuery(user.uid),
      withFirstStatement,
      check: (rows) => {
        const state = rows[0] as CallerContext | undefined;
        if (!state) {
          tenants.forget(account); // deleted since it was cached
          throw tenantNotFound(user.marketplace);
        }
        if (tenantId === undefined) tenants.remember(account, state.id);
        tenantId = state.id;
        trace.tenantId = tenantId;
        if (idOnly) return;
        if (action.mutates && state.suspended)
          throw new GatewayError("Forbidden", "the tenant is suspended: contact the ISV's support", {
            reason: { key: "gateway.tenantSuspended" },
          });
        if (action.mutates && !isEntitled(state, new Date(now())))
          throw new GatewayError("EntitlementExpired", "the subscription has lapsed: renew it to make changes");
        role ??= state.memberRole ?? "member";
      },
    });
    /** role and params, once the caller's context is known */
    const authorize = (): { caller: Caller; params: unknown; tenantId: string } => {
      if (!role || !tenantId) throw new Error("the caller's role or tenant is not known before its context is read");
      const caller = callerOf(user, role);
      if (!action.roles.includes(caller.role)) throw new GatewayError("Forbidden", `role ${caller.role} may not call ${action.name}`);
      const parsed = action.params.safeParse(rawParams);
      if (!parsed.success) throw invalid(`params: ${describeIssues(parsed.error)}`);
      return { caller, params: parsed.data, tenantId };
    };

    let prepared: unknown;
    if (action.prepare) {
      // authorized and valid before anything remote happens; a finished call is answered from the store
      const checked = await readAsTenant(
        pool,
        tenant(),
        async (tx) => {
          const { caller, params, tenantId } = authorize();
          const prior = action.mutates ? await finishedAnswer(tx, tenantId, fields.traceId) : undefined;
          return { caller, params, prior, tenantId };
        },
        callerContext(false),
      );
      if (checked.prior) return replayOf(checked.prior, fields);
      prepared = await action.prepare(
        {
          tenantId: checked.tenantId,
          caller: checked.caller,
          traceId: fields.traceId,
          services: deps.services,
          read: (fn) => readAsTenant(pool, checked.tenantId, fn),
          write: (fn) => withTenant(pool, checked.tenantId, fn),
        },
        checked.params,
      );
    }

    // reads need no transaction (readAsTenant); changes run in one with their replay claim and audit
    const scope = action.mutates ? withTenant : readAsTenant;
    const answer = await scope(
      pool,
      tenant(),
      async (tx) => {
        const { caller, params, tenantId } = authorize();
        const ctx = context(tx, tenantId, caller, fields.traceId);
        if (!action.mutates) return ok(fields.traceId, await action.handler(ctx, params, prepared));
        return runOnce(action, params, prepared, fields, ctx);
      },
      // an id looked up in this request was read from the tenants table just now: a main
      // account's read has nothing more to check (a statement less on a first call)
      lookedUp ? undefined : callerContext(!action.mutates && role !== undefined && tenantId !== undefined),
    );
    // a read runs read-only: its call is counted in a statement of its own
    const billed = tenantId; // known once the handler ran: its caller context set it
    if (action.bills && !action.mutates && billed && answer.status === 200)
      await withTenant(pool, billed, (tx) => bill(action, tx, billed, fields.traceId));
    outage.up("database", started);
    return answer;
  }

  /** At most once per (channel, parentUid, traceId): the claim commits with the effect. */
  async function runOnce(
    action: AnyAction<S>,
    params: unknown,
    prepared: unknown,
    fields: RequestFields,
    ctx: ActionContext<S>,
  ): Promise<GatewayResponse> {
    const hash = requestHash(fields.action, fields.params);
    if (!(await claimTrace(ctx.tx, ctx.tenantId, fields.traceId, hash)))
      return replayOf(await storedAnswer(ctx.tx, ctx.tenantId, fields.traceId), fields);
    const res = ok(fields.traceId, await action.handler(ctx, params, prepared));
    await bill(action, ctx.tx, ctx.tenantId, ctx.traceId);
    await storeAnswer(ctx.tx, ctx.tenantId, fields.traceId, res.status, res.body);
    return res;
  }

  /** A billed action's call, in the usage ledger once per traceId (usage-and-billing.md: the same ledger, the same rules). */
  async function bill(action: AnyAction<S>, tx: TenantTx, tenantId: string, traceId: string) {
    if (!action.bills) return;
    await tx.execute`
      INSERT INTO usage_events (tenant_id, metric, quantity, occurred_at, idempotency_key, source)
      VALUES (${tenantId}, ${action.bills}, 1, now(), ${`gateway:${traceId}`}, 'gateway')
      ON CONFLICT (tenant_id, idempotency_key) DO NOTHING`;
  }

  function context(tx: TenantTx, tenantId: string, caller: Caller, traceId: string): ActionContext<S> {
    return {
      tx,
      tenantId,
      caller,
      traceId,
      services: deps.services,
      audit: (e) => recordAudit(tx, { ...e, tenantId, actorUid: caller.uid, traceId }),
    };
  }

  return {
    async handle(req) {
      const started = performance.now();
      const trace: TraceRecord = {
        traceId: "",
        at: now(),
        action: "",
        code: "OK",
        httpStatus: 200,
        latencyMs: 0,
        authenticated: false,
        ...(req.clientAddress !== undefined && { clientAddress: req.clientAddress }),
      };
      let res: GatewayResponse;
      try {
        const fields = parseRequest(req, trace);
        trace.action = fields.action;
        res = await run(fields, trace, started);
      } catch (err) {
        res = errorResponse(trace.traceId || undefined, toGatewayError(err, deps.log, outage, trace));
      }
      // Refused before the caller proved who it is: limited per client address. A verified
      // call never is, so a caller sharing the address (a NAT, a balancer) loses nothing by it.
      if (!trace.authenticated) {
        const wait = takeRejection(req.clientAddress ?? "");
        if (wait) res = errorResponse(trace.traceId || undefined, tooManyRejections(wait));
      }
      if (!trace.action) trace.action = safeActionName(req.action);
      trace.httpStatus = res.status;
      trace.code = res.code;
      trace.latencyMs = performance.now() - started;
      if (!deps.traces.record(trace)) return res;
      deps.log.info(
        {
          traceId: trace.traceId,
          action: trace.action,
          tenant: trace.tenantId,
          code: trace.code,
          status: res.status,
          ms: Math.round(trace.latencyMs * 10) / 10,
          ...(!trace.authenticated && { authenticated: false, client: trace.clientAddress }),
        },
        "gateway",
      );
      return res;
    },
  };
}

function callerOf(user: Userinfo, role: Role): Caller {
  return {
    uid: user.uid,
    parentUid: user.parentUid,
    accountType: user.accountType,
    channel: user.marketplace,
    role,
    ...(user.name !== undefined && { name: user.name }),
    ...(user.locale !== undefined && { locale: user.locale }),
  };
}

/** The stored answer of the call this traceId named, or Replayed when the request differs. */
function replayOf(prior: { requestHash: string; httpStatus: number; body: string }, fields: RequestFields): GatewayResponse {
  if (prior.requestHash !== requestHash(fields.action, fields.params))
    throw new GatewayError("Replayed", "this traceId was already used for a different request");
  return respond(fields.traceId, "OK", prior.httpStatus, prior.body, { "x-replayed": "true" });
}

function toGatewayError(err: unknown, log: Logger, outage: OutageLog, trace: TraceRecord): GatewayError {
  if (err instanceof GatewayError) return err;
  if (isTransientConflict(err))
    return new GatewayError("ServiceUnavailable", "a concurrent change got in the way; retry", { retryAfter: 1 });
  if (isDatabaseUnavailable(err)) {
    outage.down("database", err, "gateway");
    return new GatewayError("ServiceUnavailable", "the service is temporarily unavailable; retry later", { retryAfter: 5 });
  }
  log.error({ traceId: trace.traceId, action: trace.action, err }, "action failed");
  return new GatewayError("InternalError", `internal error; quote traceId ${trace.traceId || "(none)"} to support`);
}

const ok = (traceId: string, data: unknown) => respond(traceId, "OK", 200, envelope(traceId, "OK", "", data));

const tooManyRejections = (wait: number) =>
  new GatewayError("Throttling", "too many refused calls from this address; sign requests correctly", { retryAfter: wait });

/** For traces of calls refused before the Action was validated. */
function safeActionName(raw: string): string {
  return /^[A-Za-z0-9]{1,64}$/.test(raw) ? raw : "(invalid)";
}
