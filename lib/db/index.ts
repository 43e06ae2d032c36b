export { createDatabase, type Database } from "./clients";
export { platformTransaction } from "./connection-scope";
export { Prisma, type PrismaClient } from "./generated/client";
export { databaseUrls } from "./resolve-urls";
export { type Statement, sql } from "./statement-batch";
export { type Account, tenantIdsOf } from "./tenant-ids";
export { isDatabaseUnavailable, isTransientConflict } from "./unavailable";
export { type DatabaseUrls, roleNames } from "./urls";
export { type Guard, readAsTenant, type TenantRef, type TenantTx, withTenant } from "./with-tenant";
