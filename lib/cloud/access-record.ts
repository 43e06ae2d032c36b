import type { TenantTx } from "../db";
import { newExternalId } from "./external-id";
import type { Provider } from "./role-arn";
import type { CloudFailure, Verification } from "./verification";

export type CloudAccessRow = {
  provider: Provider;
  roleArn: string | null;
  externalId: string;
  status: "pending" | "verified" | "failed";
  verifiedAt: Date | null;
  missingPermissions: string[];
  failure: CloudFailure | null;
};

export async function findAccess(tx: TenantTx, tenantId: string): Promise<CloudAccessRow[]> {
  return tx.query<CloudAccessRow>`
    SELECT provider, role_arn AS "roleArn", external_id AS "externalId", status, verified_at AS "verifiedAt",
           missing_permissions AS "missingPermissions", failure
    FROM cloud_access WHERE tenant_id = ${tenantId} ORDER BY provider`;
}

/**
 * What a verification of `roleArn` found. Recorded only while that role is
 * still the bound one (it may have changed while the cloud was being asked):
 * false when it was not.
 */
export async function recordVerification(tx: TenantTx, tenantId: string, provider: Provider, roleArn: string, v: Verification) {
  const changed = await tx.execute`
    UPDATE cloud_access SET status = ${v.status}::cloud_access_status, verified_at = now(), missing_permissions = ${v.missing}::text[],
           failure = ${v.failure}::jsonb, updated_at = now()
    WHERE tenant_id = ${tenantId} AND provider = ${provider}::cloud_provider AND role_arn = ${roleArn}`;
  return changed === 1;
}

/** Points the tenant's access at a role (or none), to be verified afresh. */
export async function setRole(tx: TenantTx, tenantId: string, provider: Provider, roleArn: string | null) {
  return tx.execute`
    UPDATE cloud_access SET role_arn = ${roleArn}, status = 'pending', verified_at = NULL, missing_permissions = '{}', failure = NULL,
           updated_at = now()
    WHERE tenant_id = ${tenantId} AND provider = ${provider}::cloud_provider`;
}

/** The tenant's record for a cloud, created (with a new ExternalId) on first use. */
export async function ensureAccess(tx: TenantTx, tenantId: string, provider: Provider): Promise<CloudAccessRow> {
  const existing = (await findAccess(tx, tenantId)).find((a) => a.provider === provider);
  if (existing) return existing;
  const externalId = newExternalId();
  await tx.execute`INSERT INTO cloud_external_ids (external_id) VALUES (${externalId})`;
  await tx.execute`INSERT INTO cloud_access (tenant_id, provider, external_id) VALUES (${tenantId}, ${provider}::cloud_provider, ${externalId})`;
  return { provider, roleArn: null, externalId, status: "pending", verifiedAt: null, missingPermissions: [], failure: null };
}
