import pg from "pg";

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
 * it into another request.
 *
 * Round trips are what a request costs here (docs/benchmarks.md), so BEGIN,
 * set_config and fn's first statement travel in one simple-protocol message
 * when that statement's values are plain scalars (quoted as literals, which
 * Postgres types exactly like untyped parameters). This is plain pg, not a
 * Prisma interactive transaction, which measured 3× dearer.
 */
export async function withTenant<T>(pool: pg.Pool, tenantId: string, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  if (!uuid.test(tenantId)) throw new Error("withTenant: tenantId is not a uuid");
  const client = await pool.connect();
  const begin = `BEGIN; SELECT set_config('app.tenant_id', '${tenantId}', true)`;
  let begun = false;
  const run = async (strings: TemplateStringsArray, values: unknown[]): Promise<pg.QueryResult> => {
    if (!begun) {
      begun = true;
      const inline = inlineStatement(strings, values);
      if (inline) return ((await client.query(`${begin}; ${inline}`)) as unknown as pg.QueryResult[])[2] as pg.QueryResult;
      await client.query(begin);
    }
    return client.query(toText(strings), values);
  };
  let broken: unknown;
  try {
    const result = await fn({
      query: async (strings, ...values) => (await run(strings, values)).rows,
      execute: async (strings, ...values) => (await run(strings, values)).rowCount ?? 0,
    });
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
 * travels as `SET TRANSACTION READ ONLY; SELECT set_config(...); <statement>` in one simple-protocol
 * message, which Postgres runs as one implicit transaction, so the setting
 * covers exactly that statement. Under READ COMMITTED an explicit transaction
 * would give a read no stronger snapshot, and this saves two round trips.
 * A statement with non-scalar values falls back to its own transaction.
 */
export async function readAsTenant<T>(pool: pg.Pool, tenantId: string, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  if (!uuid.test(tenantId)) throw new Error("readAsTenant: tenantId is not a uuid");
  const client = await pool.connect();
  // read-only first: a read action cannot write, whichever path its statement takes
  const scope = `SET TRANSACTION READ ONLY; SELECT set_config('app.tenant_id', '${tenantId}', true)`;
  // a failed statement ends its implicit transaction by itself; only a failed
  // BEGIN or COMMIT of the fallback can leave the connection unfit for reuse
  let broken: Error | undefined;
  const markBroken = (err: Error) => {
    broken = err;
    throw err;
  };
  const run = async (strings: TemplateStringsArray, values: unknown[]): Promise<pg.QueryResult> => {
    const inline = inlineStatement(strings, values);
    if (inline) return ((await client.query(`${scope}; ${inline}`)) as unknown as pg.QueryResult[])[2] as pg.QueryResult;
    await client.query(`BEGIN; ${scope}`).catch(markBroken);
    try {
      return await client.query(toText(strings), values);
    } finally {
      await client.query("COMMIT").catch(markBroken);
    }
  };
  try {
    return await fn({
      query: async (strings, ...values) => (await run(strings, values)).rows,
      execute: async (strings, ...values) => (await run(strings, values)).rowCount ?? 0,
    });
  } finally {
    client.release(broken);
  }
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

/** The statement with its values as quoted literals, or undefined if any is not a plain scalar. */
export function inlineStatement(strings: TemplateStringsArray, values: unknown[]): string | undefined {
  let text = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) {
    const literal = toLiteral(values[i]);
    if (literal === undefined) return undefined;
    text += literal + strings[i + 1];
  }
  return text;
}

function toLiteral(v: unknown): string | undefined {
  if (v === null || v === undefined) return "NULL";
  if (typeof v === "string") return v.includes("\u0000") ? undefined : pg.escapeLiteral(v);
  if (typeof v === "number") return Number.isFinite(v) ? `'${v}'` : undefined;
  if (typeof v === "bigint" || typeof v === "boolean") return `'${v}'`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : `'${v.toISOString()}'`;
  return undefined;
}
