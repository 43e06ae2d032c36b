import type { Prisma, PrismaClient } from "./generated/client";

export type TenantTx = Prisma.TransactionClient;

/**
 * Runs fn in one transaction in which row-level security shows only tenantId's
 * rows. The setting is transaction-local, so a pooled connection never carries
 * it into another request.
 */
export function withTenant<T>(appDb: PrismaClient, tenantId: string, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  return appDb.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
    return fn(tx);
  });
}
