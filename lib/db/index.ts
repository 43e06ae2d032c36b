export { createDatabase, type Database } from "./clients";
export type { Prisma, PrismaClient } from "./generated/client";
export { databaseUrls } from "./resolve-urls";
export { isDatabaseUnavailable, isTransientConflict } from "./unavailable";
export { type DatabaseUrls, roleNames } from "./urls";
export { readAsTenant, type TenantTx, withTenant } from "./with-tenant";
