import type pg from "pg";

/** Counts the round trips (client.query calls) made on a pool's connections from now on, and the statements they carry. */
export function countRoundTrips(pool: pg.Pool): { count: number; statements: number } {
  const counter = { count: 0, statements: 0 };
  const wrapped = new WeakSet<object>();
  pool.on("acquire", (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      counter.count++;
      // a StatementBatch (lib/db/statement-batch.ts) carries several; anything else is one
      counter.statements += (args[0] as { statements?: unknown[] }).statements?.length ?? 1;
      return query(...args);
    };
  });
  return counter;
}
