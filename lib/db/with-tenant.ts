import type pg from "pg";
import type { ChannelName } from "../config";
import { holding } from "./connection-scope";
import { runStatements, type Statement, type StatementResult, sql } from "./statement-batch";

/** A tenant-scoped transaction: parameterized SQL only, row-level security on. */
export type TenantTx = {
  /** tx.query<Row>`SELECT ... WHERE id = ${id}`: values become $n parameters, never text */
  query<R = Record<string, unknown>>(strings: TemplateStringsArray, ...values: unknown[]): Promise<R[]>;
  /** the number of rows a statement touched */
  execute(strings: TemplateStringsArray, ...values: unknown[]): Promise<number>;
};

/**
 * A statement the scope runs alongside the work, and a check of its rows that
 * throws to refuse the work. Settled before fn runs, or, when nothing fn does
 * depends on it, sent with fn's first statement (one round trip fewer) and
 * settled before fn sees that statement's rows.
 */
export type Guard = {
  statement: Statement;
  check: (rows: Record<string, unknown>[]) => void;
  withFirstStatement: boolean;
};

/**
 * Which tenant a scope is for: its id, or its marketplace account, which the
 * scope's first statement resolves in the same round trip (`tenant_id_of`,
 * prisma/migrations/20261130100000_tenant_id_of). An account without a tenant
 * scopes to no tenant at all: row-level security then shows no rows.
 */
export type TenantRef = string | { channel: ChannelName; externalId: string };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const begin = sql`BEGIN`;
const scope = (t: TenantRef) =>
  typeof t === "string"
    ? sql`SELECT set_config('app.tenant_id', ${t}, true) AS tenant`
    : sql`SELECT set_config('app.tenant_id', COALESCE(tenant_id_of(${t.channel}, ${t.externalId})::text, ''), true) AS tenant`;
const readScope = (t: TenantRef) =>
  typeof t === "string"
    ? sql`SELECT set_config('app.tenant_id', ${t}, true) AS tenant, set_config('transaction_read_only', 'on', true)`
    : sql`SELECT set_config('app.tenant_id', COALESCE(tenant_id_of(${t.channel}, ${t.externalId})::text, ''), true) AS tenant,
                 set_config('transaction_read_only', 'on', true)`;

function checkRef(t: TenantRef, by: string) {
  if (typeof t === "string" && !uuid.test(t)) throw new Error(`${by}: tenantId is not a uuid`);
}

/**
 * Runs fn in one transaction in which row-level security shows only tenantId's
 * rows. The setting is transaction-local, so a pooled connection never carries
 * it into another request.
 *
 * Round trips are what a request costs (docs/benchmarks.md), so BEGIN,
 * set_config and the first statement (the guard's or fn's) travel together.
 */
export async function withTenant<T>(pool: pg.Pool, tenant: TenantRef, fn: (tx: TenantTx) => Promise<T>, guard?: Guard): Promise<T> {
  checkRef(tenant, "withTenant");
  const client = await pool.connect();
  let begun = false;
  const opening = () => {
    if (begun) return [];
    begun = true;
    return [begin, scope(tenant)];
  };
  let broken: unknown;
  try {
    const result = await holding("a tenant transaction", () => guarded(client, opening, fn, guard));
    if (begun) await client.query("COMMIT");
    return result;
  } catch (err) {
    if (begun)
      await client.query("ROLLBACK").catch((e) => {
        broken = e;
      });
    throw err;
  } finally {
    // a connection whose rollback failed is discarded, not reused
    client.release(broken instanceof Error ? broken : undefined);
  }
}

/**
 * Read-only work for one tenant, without BEGIN and COMMIT: each statement
 * travels with a read-only set_config in one round trip, and Postgres runs the
 * pair as one implicit transaction, so the setting covers exactly that
 * statement. Under READ COMMITTED an explicit transaction would give a read no
 * stronger snapshot, and this saves two round trips.
 */
export async function readAsTenant<T>(pool: pg.Pool, tenant: TenantRef, fn: (tx: TenantTx) => Promise<T>, guard?: Guard): Promise<T> {
  checkRef(tenant, "readAsTenant");
  const client = await pool.connect();
  // an account is resolved once, by the first statement; the later ones name the id it gave
  let ref = tenant;
  const opening = () => [readScope(ref)];
  const resolved = (id: string) => {
    ref = id;
  };
  try {
    return await holding("a tenant read's connection", () => guarded(client, opening, fn, guard, resolved));
  } finally {
    // a failed statement ends its implicit transaction by itself: the connection stays usable
    client.release();
  }
}

/**
 * fn's statements, each batch led by `opening()`, with the guard settled before fn runs or with
 * its first statement; `resolved` hears the tenant id a scope statement set.
 */
async function guarded<T>(
  client: pg.PoolClient,
  opening: () => Statement[],
  fn: (tx: TenantTx) => Promise<T>,
  guard?: Guard,
  resolved?: (tenantId: string) => void,
) {
  let pending = guard;
  let refusal: unknown;
  const run = async (statement?: Statement): Promise<StatementResult | undefined> => {
    if (refusal) throw refusal;
    const check = pending;
    pending = undefined;
    const opened = opening();
    const batch = [...opened, ...(check ? [check.statement] : []), ...(statement ? [statement] : [])];
    const results = await runStatements(client, batch);
    const scoped = opened.length && results[opened.length - 1]?.rows[0]?.tenant;
    if (typeof scoped === "string") resolved?.(scoped);
    try {
      check?.check(results[batch.indexOf(check.statement)]?.rows ?? []);
    } catch (err) {
      refusal = err;
    }
    // also for statements fn sent alongside the one that carried a refused guard
    if (refusal) throw refusal;
    return statement && results[batch.length - 1];
  };
  if (guard && !guard.withFirstStatement) await run();
  const result = await fn({
    query: async <R>(strings: TemplateStringsArray, ...values: unknown[]) => ((await run(sql(strings, ...values)))?.rows ?? []) as R[],
    execute: async (strings, ...values) => (await run(sql(strings, ...values)))?.rowCount ?? 0,
  });
  if (pending) await run(); // fn ran no statement: the guard still decides
  if (refusal) throw refusal; // fn caught the refusal; the work is refused all the same
  return result;
}
