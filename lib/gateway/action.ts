import type { z } from "zod";
import type { ChannelName } from "../config";
import type { TenantTx } from "../db";

export const roles = ["owner", "admin", "member", "viewer"] as const;
export type Role = (typeof roles)[number];

/** Who is calling, as the verified userinfo and the tenant's memberships say. */
export type Caller = {
  uid: string;
  parentUid: string;
  accountType: "main" | "sub";
  channel: ChannelName;
  role: Role;
  name?: string;
  locale?: string;
};

export type AuditInput = { action: string; target: string; payload?: Record<string, unknown> };

/**
 * What a handler receives. `S` is what the product hands every action
 * (configuration, endpoints, clients, the clock): actions never read globals.
 */
export type ActionContext<S> = {
  /** the tenant-scoped transaction: row-level security shows only this tenant */
  tx: TenantTx;
  tenantId: string;
  caller: Caller;
  traceId: string;
  services: S;
  /** appends an audit event in the same transaction as the change */
  audit: (event: AuditInput) => Promise<void>;
};

/**
 * What `prepare` receives: no transaction and no connection is held while it
 * runs, so it may call a cloud, a marketplace or Stripe; `read` runs a short
 * tenant-scoped read, `write` a short transaction (to keep what the remote
 * call answered, such as a cache), each returning its connection before the
 * next line.
 */
export type PrepareContext<S> = {
  tenantId: string;
  caller: Caller;
  traceId: string;
  services: S;
  read: <T>(fn: (tx: TenantTx) => Promise<T>) => Promise<T>;
  write: <T>(fn: (tx: TenantTx) => Promise<T>) => Promise<T>;
};

export type Action<S, P extends z.ZodType = z.ZodType, R = unknown, E = unknown> = {
  name: string;
  /** also the action's documentation: field names, types, limits */
  params: P;
  roles: readonly Role[];
  /** state-changing actions run at most once per traceId and need a live entitlement */
  mutates: boolean;
  /**
   * A metric of the catalogue (lib/billing) a successful call counts one of:
   * written to the usage ledger in the call's own scope, keyed by its traceId
   * (a resend is counted once).
   */
  bills?: string;
  /**
   * Remote work before the transaction (call first, then write): its result is
   * the handler's third argument. Runs after the caller is authorized and the
   * params are valid; a resend of a finished call gets the stored answer
   * without running it again.
   */
  prepare?(ctx: PrepareContext<S>, params: z.output<P>): Promise<E>;
  // method syntax on purpose: the registry holds actions of every params type
  handler(ctx: ActionContext<S>, params: z.output<P>, prepared: E): Promise<R>;
};

/** Any action, whatever its params, result and preparation. */
export type AnyAction<S> = Action<S, any, any, any>;

/** What an action answers in the envelope's `data`, for typed callers such as pages. */
export type ResultOf<A> = A extends Action<infer _S, infer _P, infer R, infer _E> ? Awaited<R> : never;
/** What a caller passes as `params` (before the schema's defaults apply). */
export type ParamsOf<A> = A extends Action<infer _S, infer P, infer _R, infer _E> ? z.input<P> : never;

/** `defineActionFor<Services>()` gives a product its `defineAction`, typed by what it hands its actions. */
export function defineActionFor<S>() {
  return <P extends z.ZodType, R, E = undefined>(action: Action<S, P, R, E>): Action<S, P, R, E> => action;
}

export type ActionRegistry<S> = ReadonlyMap<string, AnyAction<S>>;

export function createRegistry<S>(actions: readonly AnyAction<S>[]): ActionRegistry<S> {
  const registry = new Map<string, AnyAction<S>>();
  for (const a of actions) {
    if (registry.has(a.name)) throw new Error(`two actions are named ${a.name}`);
    registry.set(a.name, a);
  }
  return registry;
}

export const anyRole = roles;
export const managers = ["owner", "admin"] as const satisfies readonly Role[];
