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
  const claimed = await tx.execute`
    INSERT INTO gateway_replays (tenant_id, trace_id, request_hash, http_status, body)
    VALUES (${tenantId}, ${traceId}, ${hash}, 0, '')
    ON CONFLICT (tenant_id, trace_id) DO UPDATE
      SET request_hash = EXCLUDED.request_hash, http_status = 0, body = '', created_at = now()
      WHERE gateway_replays.created_at < now() - make_interval(secs => ${replayWindowSeconds})`;
  return claimed === 1;
}

export async function storedAnswer(tx: TenantTx, tenantId: string, traceId: string) {
  const [row] = await tx.query<{ requestHash: string; httpStatus: number; body: string }>`
    SELECT request_hash AS "requestHash", http_status AS "httpStatus", body
    FROM gateway_replays WHERE tenant_id = ${tenantId} AND trace_id = ${traceId}`;
  if (!row) throw new Error("replay claim lost inside its own transaction");
  return row;
}

/**
 * The stored answer of a finished call under this traceId, if any: checked
 * before an action's remote step, so a resend does not repeat it.
 */
export async function finishedAnswer(tx: TenantTx, tenantId: string, traceId: string) {
  const [row] = await tx.query<{ requestHash: string; httpStatus: number; body: string }>`
    SELECT request_hash AS "requestHash", http_status AS "httpStatus", body
    FROM gateway_replays
    WHERE tenant_id = ${tenantId} AND trace_id = ${traceId} AND http_status <> 0
      AND created_at >= now() - make_interval(secs => ${replayWindowSeconds})`;
  return row;
}

export async function storeAnswer(tx: TenantTx, tenantId: string, traceId: string, httpStatus: number, body: string) {
  await tx.execute`
    UPDATE gateway_replays SET http_status = ${httpStatus}, body = ${body}
    WHERE tenant_id = ${tenantId} AND trace_id = ${traceId}`;
}

/** Housekeeping: answers older than the window can no longer be asked for. */
export async function purgeExpiredReplays(platformDb: PrismaClient): Promise<number> {
  return platformDb.$executeRaw`
    DELETE FROM gateway_replays WHERE created_at < now() - make_interval(secs => ${replayWindowSeconds})`;
}
