import type { ChannelName } from "../config";
import { isDatabaseUnavailable, type PrismaClient } from "../db";
import type { OutageLog } from "../log";

export type TraceRecord = {
  traceId: string;
  /** epoch milliseconds (a number: no Date per request on the hot path) */
  at: number;
  action: string;
  code: string;
  httpStatus: number;
  latencyMs: number;
  keyId?: string;
  channel?: ChannelName;
  parentUid?: string;
  uid?: string;
  tenantId?: string;
};

export type TraceWriter = {
  record: (t: TraceRecord) => void;
  flush: () => Promise<void>;
  close: () => Promise<void>;
  stats: () => { written: number; dropped: number; buffered: number };
};

// A write that fails every flush (the database down, or anything else) is one
// outage in the log, not a line per flush.
const traceTable = "trace table";

/**
 * Gateway traces are best effort: buffered in memory and written in one
 * multi-row INSERT every `flushMs`. A crash loses at most one interval's worth
 * (and never more than `maxBuffered` rows); a failed write is retried once
 * with the next batch, then dropped and counted. Audit events are never
 * written this way.
 */
export function createTraceWriter(
  platformDb: PrismaClient,
  opts: { flushMs: number; maxBuffered?: number; outage: OutageLog },
): TraceWriter {
  const maxBuffered = opts.maxBuffered ?? 20_000;
  let buffer: TraceRecord[] = [];
  let retry: TraceRecord[] = [];
  let written = 0;
  let dropped = 0;
  let inFlight: Promise<void> = Promise.resolve();

  const writeBatch = async () => {
    const fresh = buffer;
    buffer = [];
    const batch = retry.concat(fresh);
    if (batch.length === 0) return;
    const started = performance.now();
    try {
      await insertTraces(platformDb, batch);
      written += batch.length;
      retry = [];
      opts.outage.up(traceTable, started);
      opts.outage.up("database", started);
    } catch (err) {
      opts.outage.down(isDatabaseUnavailable(err) ? "database" : traceTable, err, "trace writer");
      // what failed once is tried once more with the next batch, then dropped
      dropped += retry.length;
      retry = fresh;
    }
  };
  const flush = () => {
    inFlight = inFlight.then(writeBatch);
    return inFlight;
  };
  const timer = setInterval(flush, opts.flushMs);
  timer.unref();

  return {
    record(t) {
      if (buffer.length >= maxBuffered) {
        dropped++;
        return;
      }
      buffer.push(t);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
    stats: () => ({ written, dropped, buffered: buffer.length + retry.length }),
  };
}

/**
 * One INSERT with the batch as one JSON parameter: the statement's size does
 * not grow with the batch (Prisma's createMany builds it row by row, on the
 * event loop), and JSON.stringify encodes it natively where array parameters
 * were escaped element by element in JavaScript.
 */
function insertTraces(platformDb: PrismaClient, batch: TraceRecord[]) {
  return platformDb.$executeRaw`
    INSERT INTO gateway_traces (trace_id, at, action, code, http_status, latency_ms, key_id, channel, parent_uid, uid, tenant_id)
    SELECT "traceId", to_timestamp("at" / 1000), "action", "code", "httpStatus", "latencyMs", "keyId", "channel", "parentUid", "uid", "tenantId"
    FROM json_to_recordset(${JSON.stringify(batch)}::json) AS t(
      "traceId" text, "at" float8, "action" text, "code" text, "httpStatus" int, "latencyMs" real,
      "keyId" text, "channel" channel, "parentUid" text, "uid" text, "tenantId" uuid)`;
}
