import { isOnline } from "../agents";
import { planById } from "../billing";
import type { TenantTx } from "../db";
import { GatewayError, invalid } from "../gateway";

/** The same answer for an unknown agent and another tenant's (the spec: never reveal it exists). */
export const noSuchAgent = () => invalid("agentId: no such agent", { key: "agents.noSuchAgent" });

/** The tenant's current plan (its latest subscription's), for limits and features. */
export async function currentPlan(tx: TenantTx, tenantId: string) {
  const [s] = await tx.query<{ plan: string }>`
    SELECT plan FROM subscriptions WHERE tenant_id = ${tenantId} ORDER BY starts_at DESC LIMIT 1`;
  return planById(s?.plan);
}

/** Refuses a feature the tenant's plan lacks, naming it so the console can offer the upgrade. */
export async function requireFeature(tx: TenantTx, tenantId: string, feature: "checks" | "sizing") {
  const plan = await currentPlan(tx, tenantId);
  if (!plan?.features.includes(feature))
    throw new GatewayError("Forbidden", `the ${plan?.id ?? "current"} plan does not include ${feature}: upgrade to use it`, {
      reason: { key: "agents.featureNotInPlan", args: { feature, plan: plan?.id ?? "" } },
    });
}

/** online: a heartbeat within three intervals (agent-channel.md §4); revoked wins over both. */
export function agentStatus(a: { revokedAt: Date | null; lastSeenAt: Date | null }, heartbeatSeconds: number, now: Date) {
  if (a.revokedAt) return "revoked" as const;
  return isOnline(a.lastSeenAt, heartbeatSeconds, now.getTime()) ? ("online" as const) : ("offline" as const);
}

/** An agent's row as the describe actions read it; `I` is what they make of its inventory. */
export type AgentRow<I = unknown> = {
  id: string;
  hostname: string;
  os: string;
  arch: string;
  agentVersion: string | null;
  enrolledAt: Date;
  lastSeenAt: Date | null;
  revokedAt: Date | null;
  inventory: I;
};
