import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { runStatements } from "./statement-batch";

// as the owner: these tests are about the protocol, not row-level security
const pool = new pg.Pool({ connectionString: inject("dbUrls").owner, max: 1 });
let client: pg.PoolClient;
beforeAll(async () => {
  client = await pool.connect();
  await client.query("CREATE TEMP TABLE batch_t (id int PRIMARY KEY, note text)");
});
afterAll(async () => {
  client.release();
  await pool.end();
});

/** how often Postgres has executed the prepared statement with this text since it was parsed */
const executions = async (text: string) =>
  (await client.query("SELECT generic_plans + custom_plans AS n FROM pg_prepared_statements WHERE statement = $1", [text])).rows.map((r) =>
    Number(r.n),
  );

describe("runStatements", () => {
  it("answers each statement in order, with pg's value encoding and type parsing", async () => {
    const at = new Date("2026-11-22T10:00:00.123Z");
    const [one, two] = await runStatements(client, [
      {
        text: "SELECT $1::int AS n, $2::timestamptz AS at, $3::boolean AS b, $4::text AS t, $5::text AS absent",
        values: [7, at, true, "o'k", null],
      },
      { text: "SELECT $1::jsonb AS doc, $2::int[] AS list, $3::bytea AS raw", values: [{ a: [1] }, [1, 2], Buffer.from("hi")] },
    ]);
    expect(one).toEqual({ rows: [{ n: 7, at, b: true, t: "o'k", absent: null }], rowCount: 1 });
    expect(two?.rows).toEqual([{ doc: { a: [1] }, list: [1, 2], raw: Buffer.from("hi") }]);
  });

  it("reports the rows each change touched", async () => {
    const [inserted, updated, none] = await runStatements(client, [
      { text: "INSERT INTO batch_t VALUES ($1, $2), ($3, $4)", values: [1, "a", 2, "b"] },
      { text: "UPDATE batch_t SET note = $1 WHERE id > $2", values: ["c", 0] },
      { text: "DELETE FROM batch_t WHERE id = $1", values: [99] },
    ]);
    expect([inserted?.rowCount, updated?.rowCount, none?.rowCount]).toEqual([2, 2, 0]);
  });

  it("keeps values out of the SQL text: an injection attempt is only a value", async () => {
    const evil = "x'); DROP TABLE batch_t; --";
    const [r] = await runStatements(client, [{ text: "SELECT $1::text AS v", values: [evil] }]);
    expect(r?.rows).toEqual([{ v: evil }]);
    expect((await client.query("SELECT count(*)::int AS n FROM batch_t")).rows[0].n).toBe(2);
  });

  it("prepares a text once per connection", async () => {
    const text = "SELECT $1::int + 1 AS n";
    for (let i = 0; i < 6; i++) expect((await runStatements(client, [{ text, values: [i] }]))[0]?.rows).toEqual([{ n: i + 1 }]);
    expect(await executions(text)).toEqual([6]);
  });

  it("shares one implicit transaction until the Sync: a set_config(..., true) reaches the next statement, not the next batch", async () => {
    const [, seen] = await runStatements(client, [
      { text: "SELECT set_config('app.batch_probe', $1, true)", values: ["inside"] },
      { text: "SELECT current_setting('app.batch_probe', true) AS v", values: [] },
    ]);
    expect(seen?.rows).toEqual([{ v: "inside" }]);
    const [after] = await runStatements(client, [{ text: "SELECT current_setting('app.batch_probe', true) AS v", values: [] }]);
    expect(after?.rows).toEqual([{ v: "" }]);
  });

  it("stops at the first error, undoes the batch, and leaves the connection usable", async () => {
    await expect(
      runStatements(client, [
        { text: "INSERT INTO batch_t VALUES ($1, $2)", values: [3, "undone"] },
        { text: "SELECT 1 / $1::int AS boom", values: [0] },
        { text: "INSERT INTO batch_t VALUES ($1, $2)", values: [4, "skipped"] },
      ]),
    ).rejects.toThrow(/division by zero/);
    const { rows } = await client.query("SELECT id FROM batch_t ORDER BY id");
    expect(rows).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it("recovers a statement whose first Parse was in a failed batch", async () => {
    // a Parse skipped after an earlier error, and one that succeeded in a batch that failed later: both run next time
    const fresh = "SELECT $1::text || '!' AS v";
    await expect(
      runStatements(client, [
        { text: "SELECT 1 / $1::int", values: [0] },
        { text: fresh, values: ["a"] },
      ]),
    ).rejects.toThrow(/division by zero/);
    await expect(
      runStatements(client, [
        { text: "SELECT $1::text || '#' AS v", values: ["p"] },
        { text: "SELECT 1 / $1::int", values: [0] },
      ]),
    ).rejects.toThrow(/division by zero/);
    expect((await runStatements(client, [{ text: "SELECT $1::text || '#' AS v", values: ["q"] }]))[0]?.rows).toEqual([{ v: "q#" }]);
    expect((await runStatements(client, [{ text: fresh, values: ["b"] }]))[0]?.rows).toEqual([{ v: "b!" }]);
  });

  it("reports a syntax error as the error, and the connection goes on", async () => {
    await expect(runStatements(client, [{ text: "SELEC nonsense", values: [] }])).rejects.toThrow(/syntax error/);
    expect((await runStatements(client, [{ text: "SELECT 2 AS n", values: [] }]))[0]?.rows).toEqual([{ n: 2 }]);
  });

  it("fails every waiting batch when the connection dies", async () => {
    const own = new pg.Client({ connectionString: inject("dbUrls").owner });
    await own.connect();
    own.on("error", () => {});
    const pid = (await own.query("SELECT pg_backend_pid() AS pid")).rows[0].pid;
    const killer = new pg.Client({ connectionString: inject("dbUrls").owner });
    await killer.connect();
    const waiting = expect(runStatements(own, [{ text: "SELECT pg_sleep(5)", values: [] }])).rejects.toThrow(/terminat/);
    await new Promise((r) => setTimeout(r, 200));
    await killer.query("SELECT pg_terminate_backend($1)", [pid]);
    await killer.end();
    await waiting;
  });
});

// statement-batch.ts drives pg's internal connection API (pg's own Query uses
// the same calls). pg is pinned exactly in package.json; when it moves, this
// says what broke before any request does.
describe("pg's internal API that the statement batch drives", () => {
  it("is the pinned version of pg", async () => {
    const { readFileSync } = await import("node:fs");
    const pinned = JSON.parse(readFileSync("package.json", "utf8")).dependencies.pg;
    const installed = JSON.parse(readFileSync("node_modules/pg/package.json", "utf8")).version;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed).toBe(pinned);
  });

  it("still has the connection methods, the value encoder and the Submittable handlers it relies on", () => {
    const connection = (client as unknown as { connection: Record<string, unknown> & { stream: Record<string, unknown> } }).connection;
    for (const method of ["parse", "bind", "describe", "execute", "sync", "close"])
      expect(typeof connection[method], method).toBe("function");
    expect(typeof connection.stream.cork).toBe("function");
    expect(typeof connection.stream.uncork).toBe("function");
    expect(typeof (pg as unknown as { utils: { prepareValue: unknown } }).utils.prepareValue).toBe("function");
    expect(typeof pg.types.getTypeParser).toBe("function");
  });
});
