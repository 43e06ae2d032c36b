import type pg from "pg";

/** Counts the round trips (client.query calls) made on a pool's connections from now on. */
export function countRoundTrips(pool: pg.Pool): { count: number } {
  const counter = { count: 0 };
  const wrapped = new WeakSet<object>();
  pool.on("acquire", (client) => {
    if (wrapped.has(client)) return;
    wrapped.add(client);
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      counter.count++;
      return query(...args);
    };
  });
  return counter;
}
