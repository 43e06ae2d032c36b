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

export type ActionContext = {
  /** the tenant-scoped transaction: row-level security shows only this tenant */
  tx: TenantTx;
  tenantId: string;
  caller: Caller;
  traceId: string;
  /** appends an audit event in the same transaction as the change */
  audit: (event: AuditInput) => Promise<void>;
};

export type Action<P extends z.ZodType = z.ZodType, R = unknown> = {
  name: string;
  /** also the action's documentation: field names, types, limits */
  params: P;
  roles: readonly Role[];
  /** state-changing actions run at most once per traceId and need a live entitlement */
  mutates: boolean;
  // method syntax on purpose: the registry holds actions of every params type
  handler(ctx: ActionContext, params: z.output<P>): Promise<R>;
};

/** What an action answers in the envelope's `data`: for typed callers such as pages. */
export type ResultOf<A> = A extends Action<z.ZodType, infer R> ? Awaited<R> : never;

export function defineAction<P extends z.ZodType, R>(action: Action<P, R>): Action<P, R> {
  return action;
}

export const anyRole = roles;
export const managers = ["owner", "admin"] as const satisfies readonly Role[];
