import type pg from "pg";
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

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const begin = sql`BEGIN`;
const scope = (tenantId: string) => sql`SELECT set_config('app.tenant_id', ${tenantId}, true)`;
const readScope = (tenantId: string) =>
  sql`SELECT set_config('app.tenant_id', ${tenantId}, true), set_config('transaction_read_only', 'on', true)`;

/**
 * Runs fn in one transaction in which row-level security shows only tenantId's
 * rows. The setting is transaction-local, so a pooled connection never carries
 * it into another request.
 *
 * Round trips are what a request costs (docs/benchmarks.md), so BEGIN,
 * set_config and the first statement (the guard's or fn's) travel together.
 */
export async function withTenant<T>(pool: pg.Pool, tenantId: string, fn: (tx: TenantTx) => Promise<T>, guard?: Guard): Promise<T> {
  if (!uuid.test(tenantId)) throw new Error("withTenant: tenantId is not a uuid");
  const client = await pool.connect();
  let begun = false;
  const opening = () => {
    if (begun) return [];
    begun = true;
    return [begin, scope(tenantId)];
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
export async function readAsTenant<T>(pool: pg.Pool, tenantId: string, fn: (tx: TenantTx) => Promise<T>, guard?: Guard): Promise<T> {
  if (!uuid.test(tenantId)) throw new Error("readAsTenant: tenantId is not a uuid");
  const client = await pool.connect();
  try {
    return await holding("a tenant read's connection", () => guarded(client, () => [readScope(tenantId)], fn, guard));
  } finally {
    // a failed statement ends its implicit transaction by itself: the connection stays usable
    client.release();
  }
}

/** fn's statements, each batch led by `opening()`, with the guard settled before fn runs or with its first statement. */
async function guarded<T>(client: pg.PoolClient, opening: () => Statement[], fn: (tx: TenantTx) => Promise<T>, guard?: Guard) {
  let pending = guard;
  let refusal: unknown;
  const run = async (statement?: Statement): Promise<StatementResult | undefined> => {
    if (refusal) throw refusal;
    const check = pending;
    pending = undefined;
    const batch = [...opening(), ...(check ? [check.statement] : []), ...(statement ? [statement] : [])];
    const results = await runStatements(client, batch);
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
