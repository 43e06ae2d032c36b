export { createDatabase, type Database } from "./clients";
export { withTenant, type TenantTx } from "./with-tenant";
export { type DatabaseUrls, roleNames } from "./urls";
export { isDatabaseUnavailable } from "./unavailable";
export type { Prisma, PrismaClient } from "./generated/client";
export { databaseUrls } from "./resolve-urls";
