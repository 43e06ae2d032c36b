import type { ChannelName } from "../config";
import { isDatabaseUnavailable, type PrismaClient } from "../db";
import type { OutageLog } from "../log";
import { redactParams } from "./redact-params";
import { createRejectionCounts, type RejectionCount } from "./rejection-counts";

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
  /** the accessToken verified (signature, time window, channel); else the traceId is the caller's word only */
  authenticated: boolean;
  /** the peer's address, as the HTTP server saw it; none for calls made in process */
  clientAddress?: string;
  /** a verified call's params as decoded; redacted when written */
  params?: Record<string, unknown>;
  /** the names its action marks secret (lib/gateway/secret-params.ts), left out when written */
  secretParams?: ReadonlySet<string>;
};

export type TraceWriter = {
  /** buffers a trace; false when an unauthenticated refusal was only counted (see rejection-counts.ts) */
  record: (t: TraceRecord) => boolean;
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
  const rejections = createRejectionCounts({ samplesPerMinute: 3, maxKeys: 10_000 });
  let buffer: TraceRecord[] = [];
  let retry: TraceRecord[] = [];
  let written = 0;
  let dropped = 0;
  let inFlight: Promise<void> = Promise.resolve();

  const failed = (err: unknown) => opts.outage.down(isDatabaseUnavailable(err) ? "database" : traceTable, err, "trace writer");
  const writeBatch = async () => {
    const fresh = buffer;
    buffer = [];
    const batch = retry.concat(fresh);
    const counts = rejections.take();
    if (batch.length === 0 && counts.length === 0) return;
    const started = performance.now();
    let tracesWritten = false;
    try {
      if (batch.length) await insertTraces(platformDb, batch);
      tracesWritten = true;
      written += batch.length;
      retry = [];
      if (counts.length) await insertRejections(platformDb, counts);
    } catch (err) {
      failed(err);
      if (!tracesWritten) {
        // what failed once is tried once more with the next batch, then dropped
        dropped += retry.length;
        retry = fresh;
      }
      rejections.restore(counts);
      return;
    }
    opts.outage.up(traceTable, started);
    opts.outage.up("database", started);
  };
  const flush = () => {
    inFlight = inFlight.then(writeBatch);
    return inFlight;
  };
  const timer = setInterval(flush, opts.flushMs);
  timer.unref();

  return {
    record(t) {
      if (!t.authenticated && !rejections.count(t)) return false;
      if (buffer.length >= maxBuffered) {
        dropped++;
        return true;
      }
      buffer.push(t);
      return true;
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
    stats: () => ({ written, dropped: dropped + rejections.dropped(), buffered: buffer.length + retry.length }),
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
    INSERT INTO gateway_traces (trace_id, at, action, code, http_status, latency_ms, key_id, channel, parent_uid, uid, tenant_id,
                                authenticated, client_address, params)
    SELECT "traceId", to_timestamp("at" / 1000), "action", "code", "httpStatus", "latencyMs", "keyId", "channel", "parentUid", "uid", "tenantId",
           "authenticated", "clientAddress", "params"
    FROM json_to_recordset(${JSON.stringify(batch.map(({ secretParams, ...t }) => ({ ...t, params: t.params && redactParams(t.params, secretParams) })))}::json) AS t(
      "traceId" text, "at" float8, "action" text, "code" text, "httpStatus" int, "latencyMs" real,
      "keyId" text, "channel" channel, "parentUid" text, "uid" text, "tenantId" uuid, "authenticated" boolean, "clientAddress" text,
      "params" jsonb)`;
}

/** Counts of a minute add up: several writes (and processes) may count the same address and minute. */
function insertRejections(platformDb: PrismaClient, counts: RejectionCount[]) {
  return platformDb.$executeRaw`
    INSERT INTO gateway_rejections (minute, client_address, code, calls)
    SELECT to_timestamp("minute" / 1000), "clientAddress", "code", "calls"
    FROM json_to_recordset(${JSON.stringify(counts)}::json) AS r("minute" float8, "clientAddress" text, "code" text, "calls" int)
    ON CONFLICT (minute, client_address, code) DO UPDATE SET calls = gateway_rejections.calls + EXCLUDED.calls`;
}
