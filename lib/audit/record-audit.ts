import type { TenantTx } from "../db";

export type AuditEventInput = {
  tenantId: string;
  actorUid: string;
  action: string;
  target: string;
  payload?: Record<string, unknown>;
  traceId?: string;
};

/** Appends one audit event; call it inside the transaction that makes the change. */
export async function recordAudit(tx: TenantTx, e: AuditEventInput): Promise<void> {
  await tx.execute`
    INSERT INTO audit_events (tenant_id, actor_uid, action, target, payload, trace_id)
    VALUES (${e.tenantId}, ${e.actorUid}, ${e.action}, ${e.target}, ${JSON.stringify(e.payload ?? {})}::jsonb, ${e.traceId ?? null})`;
}
