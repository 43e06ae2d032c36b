import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import type { DatabaseUrls } from "./urls";

export type Database = {
  /** tenant-scoped request code, as role `app`: use only through withTenant */
  appPool: pg.Pool;
  /** cross-tenant platform work; every use must be greppable as `platformDb` */
  platformDb: PrismaClient;
  /** the same role's pool, for the batched writes of the fast path (usage ingest) */
  platformPool: pg.Pool;
  /** support's SELECT-only role */
  opsDb: PrismaClient;
  close: () => Promise<void>;
};

export function createDatabase(urls: DatabaseUrls, poolSize = 10): Database {
  const pool = (connectionString: string, max: number) => {
    const p = new pg.Pool({
      connectionString,
      max,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      // Prisma's pg adapter sends times as UTC without a zone and reads every offset back as UTC, and
      // the charts' day buckets are UTC days: the session is UTC whatever the server's default (a
      // managed Postgres in China is often set to PRC). Done before the pool hands the connection out.
      onConnect: (client) => client.query("SET TIME ZONE 'UTC'"),
    });
    // a dropped connection must not crash the process, idle or checked out (as
    // when Postgres shuts down mid-request): the query in flight reports it
    p.on("error", () => {});
    p.on("connect", (client) => client.on("error", () => {}));
    return p;
  };
  const appPool = pool(urls.app, poolSize);
  const platformPool = pool(urls.platform, Math.max(2, Math.ceil(poolSize / 2)));
  const opsPool = pool(urls.opsRo, 2);
  const platformDb = new PrismaClient({ adapter: new PrismaPg(platformPool) });
  const opsDb = new PrismaClient({ adapter: new PrismaPg(opsPool) });
  return {
    appPool,
    platformDb,
    platformPool,
    opsDb,
    close: async () => {
      await Promise.all([platformDb.$disconnect(), opsDb.$disconnect()]);
      await Promise.all([appPool, platformPool, opsPool].map((p) => p.end().catch(() => {})));
    },
  };
}
