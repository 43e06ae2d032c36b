import type { TenantTx } from "../db";
import { newExternalId } from "./external-id";
import type { Provider } from "./role-arn";

export type CloudAccessRow = {
  provider: Provider;
  roleArn: string | null;
  externalId: string;
  status: "pending" | "verified" | "failed";
  verifiedAt: Date | null;
  missingPermissions: string[];
  lastError: string | null;
};

export async function findAccess(tx: TenantTx, tenantId: string): Promise<CloudAccessRow[]> {
  return tx.query<CloudAccessRow>`
    SELECT provider, role_arn AS "roleArn", external_id AS "externalId", status, verified_at AS "verifiedAt",
           missing_permissions AS "missingPermissions", last_error AS "lastError"
    FROM cloud_access WHERE tenant_id = ${tenantId} ORDER BY provider`;
}

/** What a verification found: status, when, the permissions missing, the reason in words. */
export async function recordVerification(
  tx: TenantTx,
  tenantId: string,
  provider: Provider,
  v: { status: "verified" | "failed"; missing: string[]; error: string | null },
) {
  await tx.execute`
    UPDATE cloud_access SET status = ${v.status}::cloud_access_status, verified_at = now(), missing_permissions = ${v.missing}::text[],
           last_error = ${v.error}, updated_at = now()
    WHERE tenant_id = ${tenantId} AND provider = ${provider}::cloud_provider`;
}

/** The tenant's record for a cloud, created (with a new ExternalId) on first use. */
export async function ensureAccess(tx: TenantTx, tenantId: string, provider: Provider): Promise<CloudAccessRow> {
  const existing = (await findAccess(tx, tenantId)).find((a) => a.provider === provider);
  if (existing) return existing;
  const externalId = newExternalId();
  await tx.execute`INSERT INTO cloud_external_ids (external_id) VALUES (${externalId})`;
  await tx.execute`INSERT INTO cloud_access (tenant_id, provider, external_id) VALUES (${tenantId}, ${provider}::cloud_provider, ${externalId})`;
  return { provider, roleArn: null, externalId, status: "pending", verifiedAt: null, missingPermissions: [], lastError: null };
}
