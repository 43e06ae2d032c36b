import { createHash } from "node:crypto";
import type { PrismaClient, TenantTx } from "../db";

/** A traceId names one logical call for this long (spec: Replay and retries). */
export const replayWindowSeconds = 600;

export function requestHash(action: string, params: string): string {
  return createHash("sha256").update(`${action}\n${params}`).digest("base64url");
}

/**
 * Claims (tenant, traceId) inside the action's transaction. A concurrent
 * duplicate blocks on the primary key until the first commits (then it sees
 * the stored answer) or rolls back (then it claims it itself). A row older
 * than the window no longer names this call and is taken over.
 */
export async function claimTrace(tx: TenantTx, tenantId: string, traceId: string, hash: string): Promise<boolean> {
  const claimed = await tx.$executeRaw`
    INSERT INTO gateway_replays (tenant_id, trace_id, request_hash, http_status, body)
    VALUES (${tenantId}::uuid, ${traceId}, ${hash}, 0, '')
    ON CONFLICT (tenant_id, trace_id) DO UPDATE
      SET request_hash = EXCLUDED.request_hash, http_status = 0, body = '', created_at = now()
      WHERE gateway_replays.created_at < now() - make_interval(secs => ${replayWindowSeconds})`;
  return claimed === 1;
}

export async function storedAnswer(tx: TenantTx, tenantId: string, traceId: string) {
  return tx.gatewayReplay.findUniqueOrThrow({
    where: { tenantId_traceId: { tenantId, traceId } },
    select: { requestHash: true, httpStatus: true, body: true },
  });
}

export async function storeAnswer(tx: TenantTx, tenantId: string, traceId: string, httpStatus: number, body: string) {
  await tx.gatewayReplay.update({ where: { tenantId_traceId: { tenantId, traceId } }, data: { httpStatus, body } });
}

/** Housekeeping: answers older than the window can no longer be asked for. */
export async function purgeExpiredReplays(platformDb: PrismaClient): Promise<number> {
  return platformDb.$executeRaw`
    DELETE FROM gateway_replays WHERE created_at < now() - make_interval(secs => ${replayWindowSeconds})`;
}
