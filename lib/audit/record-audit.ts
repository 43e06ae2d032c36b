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
  await tx.auditEvent.create({
    data: {
      tenantId: e.tenantId,
      actorUid: e.actorUid,
      action: e.action,
      target: e.target,
      payload: (e.payload ?? {}) as object,
      traceId: e.traceId ?? null,
    },
  });
}
