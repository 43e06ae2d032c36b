import type pg from "pg";
import type { ChannelName } from "../config";
import { runStatements, sql } from "./statement-batch";

export type Account = { channel: ChannelName; externalId: string };

/**
 * The tenant ids of several accounts in one prepared statement, in their
 * order (null: no tenant), through `tenant_ids_of` as role app: what the
 * gateway asks for the accounts whose ids it has not cached, all at once.
 */
export async function tenantIdsOf(pool: pg.Pool, accounts: readonly Account[]): Promise<(string | null)[]> {
  const client = await pool.connect();
  try {
    const [result] = await runStatements(client, [
      sql`SELECT id FROM tenant_ids_of(${accounts.map((a) => a.channel)}::channel[], ${accounts.map((a) => a.externalId)}::text[])`,
    ]);
    return (result?.rows ?? []).map((r) => r.id as string | null);
  } finally {
    client.release();
  }
}
