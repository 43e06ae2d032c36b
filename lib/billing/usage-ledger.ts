import type pg from "pg";
import { type Rejected, sameEvent, type UsageRow } from "./usage-events";

export type IngestAnswer = { accepted: number; duplicates: number; rejected: Rejected[] };

type Outcome = "accepted" | "duplicate" | Rejected;

const conflict = "this idempotencyKey was used before with another metric, quantity or time; the first stands";

/**
 * Records the rows in the ledger, as the platform role, in one statement:
 * each account resolved to its tenant, each new key inserted, a key already
 * there left as it is (the first write wins). A second statement reads the
 * events already there for the keys not inserted, to tell a duplicate from a
 * conflict. Autocommitted: recorded durably before the caller answers. Rows
 * are inserted in (tenant, key) order, so concurrent batches that share keys
 * (a retry racing the original) cannot deadlock.
 */
export async function recordUsage(pool: pg.Pool, rows: UsageRow[], source: "api" | "agent" | "gateway"): Promise<Map<number, Outcome>> {
  const outcome = new Map<number, Outcome>();
  if (rows.length === 0) return outcome;
  const { rows: written } = await pool.query<{ n: number; tenant_id: string | null; inserted: boolean }>(
    `WITH input AS (
       SELECT * FROM unnest($1::int[], $2::channel[], $3::text[], $4::text[], $5::numeric[], $6::timestamptz[], $7::text[])
         AS i(n, channel, account, metric, quantity, occurred_at, key)
     ), resolved AS (
       SELECT i.*, t.id AS tenant_id FROM input i LEFT JOIN tenants t ON t.channel = i.channel AND t.external_id = i.account
     ), inserted AS (
       INSERT INTO usage_events (tenant_id, metric, quantity, occurred_at, idempotency_key, source)
       SELECT tenant_id, metric, quantity, occurred_at, key, $8 FROM resolved WHERE tenant_id IS NOT NULL
       -- one order for every writer: two batches sharing keys wait for each other, never in a cycle
       ORDER BY tenant_id, key
       ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
       RETURNING tenant_id, idempotency_key
     )
     SELECT r.n, r.tenant_id, (ins.idempotency_key IS NOT NULL) AS inserted
     FROM resolved r LEFT JOIN inserted ins ON ins.tenant_id = r.tenant_id AND ins.idempotency_key = r.key`,
    [
      rows.map((r) => r.index),
      rows.map((r) => r.channel),
      rows.map((r) => r.account),
      rows.map((r) => r.metric),
      rows.map((r) => r.quantity),
      rows.map((r) => r.occurredAt),
      rows.map((r) => r.idempotencyKey),
      source,
    ],
  );
  const byIndex = new Map(rows.map((r) => [r.index, r]));
  const existing: { row: UsageRow; tenantId: string }[] = [];
  for (const w of written) {
    const row = byIndex.get(w.n) as UsageRow;
    if (!w.tenant_id) outcome.set(w.n, { index: w.n, code: "TenantNotFound", message: `no ${row.channel} tenant ${row.account}` });
    else if (w.inserted) outcome.set(w.n, "accepted");
    else existing.push({ row, tenantId: w.tenant_id });
  }
  if (existing.length) {
    const { rows: stored } = await pool.query<{ n: number; metric: string; quantity: string; occurred_at: Date }>(
      `SELECT k.n, e.metric, e.quantity::text AS quantity, e.occurred_at
       FROM unnest($1::int[], $2::uuid[], $3::text[]) AS k(n, tenant_id, key)
       JOIN usage_events e ON e.tenant_id = k.tenant_id AND e.idempotency_key = k.key`,
      [existing.map((e) => e.row.index), existing.map((e) => e.tenantId), existing.map((e) => e.row.idempotencyKey)],
    );
    for (const s of stored) {
      const row = byIndex.get(s.n) as UsageRow;
      outcome.set(
        s.n,
        sameEvent({ metric: s.metric, quantity: s.quantity, occurredAt: s.occurred_at }, row)
          ? "duplicate"
          : { index: s.n, code: "IdempotencyConflict", message: conflict },
      );
    }
  }
  return outcome;
}

/**
 * Events outside their window: a key the ledger holds already is a duplicate
 * (or a conflict, if it said something else then), as any resent key is;
 * a new one is refused as OutOfWindow. Read only, one statement.
 */
export async function judgeLateEvents(pool: pg.Pool, late: { row: UsageRow; refusal: Rejected }[]): Promise<Map<number, Outcome>> {
  const outcome = new Map<number, Outcome>(late.map((l) => [l.row.index, l.refusal]));
  if (late.length === 0) return outcome;
  const { rows: stored } = await pool.query<{ n: number; metric: string; quantity: string; occurred_at: Date }>(
    `SELECT k.n, e.metric, e.quantity::text AS quantity, e.occurred_at
     FROM unnest($1::int[], $2::channel[], $3::text[], $4::text[]) AS k(n, channel, account, key)
     JOIN tenants t ON t.channel = k.channel AND t.external_id = k.account
     JOIN usage_events e ON e.tenant_id = t.id AND e.idempotency_key = k.key`,
    [late.map((l) => l.row.index), late.map((l) => l.row.channel), late.map((l) => l.row.account), late.map((l) => l.row.idempotencyKey)],
  );
  const byIndex = new Map(late.map((l) => [l.row.index, l.row]));
  for (const s of stored)
    outcome.set(
      s.n,
      sameEvent({ metric: s.metric, quantity: s.quantity, occurredAt: s.occurred_at }, byIndex.get(s.n) as UsageRow)
        ? "duplicate"
        : { index: s.n, code: "IdempotencyConflict", message: conflict },
    );
  return outcome;
}

/** The spec's answer: counts, and each refusal by the event's index, in order. */
export function answerOf(
  outcome: Map<number, Outcome>,
  refusedEarly: Rejected[],
  repeats: { row: UsageRow; first: UsageRow }[],
): IngestAnswer {
  const rejected = [...refusedEarly];
  let accepted = 0;
  let duplicates = 0;
  for (const o of outcome.values()) {
    if (o === "accepted") accepted++;
    else if (o === "duplicate") duplicates++;
    else rejected.push(o);
  }
  // a key repeated within the request: refused as its first use was, else a duplicate of it or a conflict with it
  for (const { row, first } of repeats) {
    const o = outcome.get(first.index);
    if (typeof o === "object") rejected.push({ ...o, index: row.index });
    else if (sameEvent(first, row)) duplicates++;
    else rejected.push({ index: row.index, code: "IdempotencyConflict", message: conflict });
  }
  return { accepted, duplicates, rejected: rejected.sort((a, b) => a.index - b.index) };
}
