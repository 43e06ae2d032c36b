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

/** The tenant's record for a cloud, created (with a new ExternalId) on first use. */
export async function ensureAccess(tx: TenantTx, tenantId: string, provider: Provider): Promise<CloudAccessRow> {
  const existing = (await findAccess(tx, tenantId)).find((a) => a.provider === provider);
  if (existing) return existing;
  const externalId = newExternalId();
  await tx.execute`INSERT INTO cloud_external_ids (external_id) VALUES (${externalId})`;
  await tx.execute`INSERT INTO cloud_access (tenant_id, provider, external_id) VALUES (${tenantId}, ${provider}::cloud_provider, ${externalId})`;
  return { provider, roleArn: null, externalId, status: "pending", verifiedAt: null, missingPermissions: [], lastError: null };
}
