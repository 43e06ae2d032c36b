import { type PrismaClient, platformTransaction } from "../db";

/**
 * Deletes tenants released more than `graceDays` ago, with all their data
 * (foreign keys cascade), each in its own transaction with a platform audit
 * event naming what was purged: the tenant's own audit log goes with it.
 */
export async function purgeReleasedTenants(platformDb: PrismaClient, opts: { graceDays: number; now: Date }): Promise<string[]> {
  const cutoff = new Date(opts.now.getTime() - opts.graceDays * 86_400_000);
  const due = await platformDb.tenant.findMany({
    where: { status: "closed", closedAt: { lt: cutoff } },
    select: { id: true, channel: true, externalId: true, closedAt: true },
  });
  const purged: string[] = [];
  for (const t of due) {
    await platformTransaction(platformDb, async (tx) => {
      // re-checked under lock: a purchase may have reopened it since the scan
      const { count } = await tx.tenant.deleteMany({ where: { id: t.id, status: "closed", closedAt: { lt: cutoff } } });
      if (count === 0) return;
      await tx.platformAuditEvent.create({
        data: {
          actor: "job:purge-released-tenants",
          action: "tenant.purged",
          target: `tenant:${t.id}`,
          payload: { channel: t.channel, externalId: t.externalId, closedAt: t.closedAt?.toISOString(), graceDays: opts.graceDays },
        },
      });
      purged.push(t.id);
    });
  }
  return purged;
}
