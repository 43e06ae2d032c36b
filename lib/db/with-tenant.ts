import type pg from "pg";

/** A tenant-scoped transaction: parameterized SQL only, row-level security on. */
export type TenantTx = {
  /** tx.query<Row>`SELECT ... WHERE id = ${id}`: values become $n parameters, never text */
  query<R = Record<string, unknown>>(strings: TemplateStringsArray, ...values: unknown[]): Promise<R[]>;
  /** the number of rows a statement touched */
  execute(strings: TemplateStringsArray, ...values: unknown[]): Promise<number>;
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs fn in one transaction in which row-level security shows only tenantId's
 * rows. The setting is transaction-local, so a pooled connection never carries
 * it into another request. This is plain pg, not a Prisma interactive
 * transaction: on the gateway's path that measured 3× cheaper (docs/benchmarks.md).
 */
export async function withTenant<T>(pool: pg.Pool, tenantId: string, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  if (!uuid.test(tenantId)) throw new Error("withTenant: tenantId is not a uuid");
  const client = await pool.connect();
  let broken: unknown;
  try {
    // one round trip: the id is a checked uuid, so it can be inlined safely
    await client.query(`BEGIN; SELECT set_config('app.tenant_id', '${tenantId}', true)`);
    const result = await fn(bind(client));
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch((e) => {
      broken = e;
    });
    throw err;
  } finally {
    // a connection whose rollback failed is discarded, not reused
    client.release(broken instanceof Error ? broken : undefined);
  }
}

function bind(client: pg.PoolClient): TenantTx {
  return {
    async query(strings, ...values) {
      return (await client.query(toText(strings), values)).rows;
    },
    async execute(strings, ...values) {
      return (await client.query(toText(strings), values)).rowCount ?? 0;
    },
  };
}

const texts = new WeakMap<TemplateStringsArray, string>();

/** `a ${x} b ${y}` → `a $1 b $2`, cached per call site. */
function toText(strings: TemplateStringsArray): string {
  let text = texts.get(strings);
  if (text === undefined) {
    text = strings.reduce((acc, part, i) => `${acc}$${i}${part}`);
    texts.set(strings, text);
  }
  return text;
}
