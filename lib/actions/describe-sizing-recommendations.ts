import { z } from "zod";
import {
  aliyunCatalogue,
  assumeAliyunRole,
  assumeAwsRole,
  awsCatalogue,
  type Catalogue,
  findAccess,
  type Provider,
  recommend,
} from "../cloud";
import { GatewayError, invalid } from "../gateway";
import { requireFeature } from "./agent-lookups";
import { ownCloud } from "./own-cloud";
import { isText, pageOf, pageTokenParam } from "./page-token";
import { defineAction } from "./services";

const freshForMs = 24 * 3600_000;

/**
 * A target instance for each host, in a region of the buyer's own cloud:
 * read through the tenant's verified role (instance types, and prices where
 * the price API answers), kept per (tenant, region) for a day; `refresh`
 * reads it again. The cloud is asked before any transaction; what it
 * answered is kept in one short one. Hosts by hostname, a page at a time
 * (`nextToken`): an Enterprise plan has thousands.
 */
export const describeSizingRecommendations = defineAction({
  name: "DescribeSizingRecommendations",
  params: z.strictObject({
    region: z.string().regex(/^[a-z]{2}(-[a-z0-9]+){1,3}$/),
    agentIds: z.array(z.uuid()).min(1).max(100).optional(),
    refresh: z.boolean().default(false),
    pageSize: z.number().int().min(1).max(500).default(500),
    /** the nextToken of the previous page */
    nextToken: pageTokenParam(isText),
  }),
  roles: ["owner", "admin", "member", "viewer"],
  mutates: false,
  // it calls the buyer's cloud for every region asked
  bills: "api_calls",
  async prepare({ tenantId, caller, services, read, write }, p) {
    const provider: Provider = caller.channel === "aws" ? "aws" : "aliyun";
    ownCloud(caller, provider);
    await read((tx) => requireFeature(tx, tenantId, "sizing"));
    const [access, cached] = await read(
      async (tx) =>
        [
          (await findAccess(tx, tenantId)).find((a) => a.provider === provider),
          (
            await tx.query<{ catalogue: Catalogue; fetchedAt: Date }>`
          SELECT catalogue, fetched_at AS "fetchedAt" FROM sizing_catalogues
          WHERE tenant_id = ${tenantId} AND provider = ${provider}::cloud_provider AND region = ${p.region}`
          )[0],
        ] as const,
    );
    if (!access?.roleArn || access.status !== "verified")
      throw invalid("no verified cloud role: grant and verify Skyport's role first (Cloud access)", { key: "sizing.noVerifiedRole" });
    const now = services.now();
    if (cached && !p.refresh && now.getTime() - cached.fetchedAt.getTime() < freshForMs) return { provider, ...cached };

    const { roleArn, externalId } = access;
    let catalogue: Catalogue;
    try {
      if (provider === "aws") {
        const creds = await services.credentials.get(`aws:${tenantId}:${roleArn}:${externalId}`, () =>
          assumeAwsRole(services.aws.access, roleArn, externalId, tenantId),
        );
        catalogue = await awsCatalogue(services.aws.access, creds, p.region);
      } else {
        const cfg = services.aliyun.access;
        if (!cfg)
          throw new GatewayError("ServiceUnavailable", "ALIYUN_STS_ENDPOINT and ALIYUN_ECS_ENDPOINT are not configured", {
            retryAfter: 60,
          });
        const creds = await services.credentials.get(`aliyun:${tenantId}:${roleArn}:${externalId}`, () =>
          assumeAliyunRole(cfg, roleArn, externalId, tenantId),
        );
        catalogue = await aliyunCatalogue(cfg, creds, p.region);
      }
    } catch (err) {
      if (err instanceof GatewayError) throw err;
      services.credentials.forget(`${provider}:${tenantId}:${roleArn}:${externalId}`);
      throw new GatewayError("ServiceUnavailable", "the cloud did not list its instance types: verify the cloud role, then retry", {
        retryAfter: 30,
        reason: { key: "sizing.catalogueUnavailable" },
      });
    }
    if (catalogue.offers.length === 0) throw invalid(`no instance types in ${p.region}`, { key: "sizing.noInstanceTypes" });
    await write(
      (tx) => tx.execute`
        INSERT INTO sizing_catalogues (tenant_id, provider, region, catalogue, priced, fetched_at)
        VALUES (${tenantId}, ${provider}::cloud_provider, ${p.region}, ${JSON.stringify(catalogue)}::jsonb, ${catalogue.priced}, ${now})
        ON CONFLICT (tenant_id, provider, region) DO UPDATE
          SET catalogue = EXCLUDED.catalogue, priced = EXCLUDED.priced, fetched_at = EXCLUDED.fetched_at`,
    );
    return { provider, catalogue, fetchedAt: now };
  },
  async handler({ tx, tenantId, services }, p, { provider, catalogue, fetchedAt }) {
    const after = p.nextToken ?? { key: null, id: null };
    const rows = await tx.query<{ id: string; hostname: string; inventory: { cpu?: { cores?: number }; memoryBytes?: number } | null }>`
      SELECT id, hostname, inventory FROM agents
      WHERE tenant_id = ${tenantId} AND revoked_at IS NULL AND (${p.agentIds ?? null}::uuid[] IS NULL OR id = ANY(${p.agentIds ?? null}::uuid[]))
        AND (${after.key}::text IS NULL OR (hostname, id) > (${after.key}, ${after.id}::uuid))
      ORDER BY hostname, id
      LIMIT ${p.pageSize + 1}`;
    const { page: agents, nextToken } = pageOf(rows, p.pageSize, (a) => ({ key: a.hostname, id: a.id }));
    return {
      provider,
      region: p.region,
      priced: catalogue.priced,
      fetchedAt: fetchedAt.toISOString(),
      recommendations: agents.map((a) => ({
        agentId: a.id,
        hostname: a.hostname,
        ...recommend({ cores: a.inventory?.cpu?.cores, memoryBytes: a.inventory?.memoryBytes }, catalogue, services.sizingHeadroomPercent),
      })),
      nextToken,
    };
  },
});
