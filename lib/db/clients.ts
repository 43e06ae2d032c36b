import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import type { DatabaseUrls } from "./urls";

export type Database = {
  /** tenant-scoped: use only through withTenant */
  appDb: PrismaClient;
  /** cross-tenant platform work; every use must be greppable as `platformDb` */
  platformDb: PrismaClient;
  /** support's SELECT-only role */
  opsDb: PrismaClient;
  close: () => Promise<void>;
};

export function createDatabase(urls: DatabaseUrls, poolSize = 10): Database {
  const pools: pg.Pool[] = [];
  const client = (connectionString: string, max: number) => {
    const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
    // a dropped idle connection must not crash the process; the next query reports it
    pool.on("error", () => {});
    pools.push(pool);
    return new PrismaClient({ adapter: new PrismaPg(pool) });
  };
  const appDb = client(urls.app, poolSize);
  const platformDb = client(urls.platform, Math.max(2, Math.ceil(poolSize / 2)));
  const opsDb = client(urls.opsRo, 2);
  return {
    appDb,
    platformDb,
    opsDb,
    close: async () => {
      await Promise.all([appDb.$disconnect(), platformDb.$disconnect(), opsDb.$disconnect()]);
      await Promise.all(pools.map((p) => p.end().catch(() => {})));
    },
  };
}
