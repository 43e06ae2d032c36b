import type { IncomingMessage, ServerResponse } from "node:http";
import type pg from "pg";
import { isDatabaseUnavailable } from "../db";
import { createRateLimiter, type RateLimit } from "../gateway";
import { BodyTooLarge, readBody, sendJson, sendRefusal } from "../http";
import type { Logger } from "../log";
import { UsageError } from "./usage-error";
import { checkEvents, maxBodyBytes, parseEvents } from "./usage-events";
import { answerOf, judgeLateEvents, recordUsage } from "./usage-ledger";
import { usagePath, verifyUsageRequest } from "./usage-signature";

export type UsageIngestDeps = {
  /** the platform role's pool: the ledger is written across tenants */
  pool: pg.Pool;
  keys: ReadonlyMap<string, string>;
  limit: RateLimit;
  log: Logger;
  reportOutage: (by: string, err: unknown) => boolean;
  now?: () => number;
};

export const isUsagePath = (url: string) => url === usagePath || url.startsWith(`${usagePath}?`);

/**
 * `POST /api/usage/v1/events` on the fast path (usage-and-billing.md §1):
 * body within 1 MiB, signature and clock, a token bucket per key, the shape,
 * then each event checked and the valid ones recorded in one statement.
 */
export function createUsageIngest(deps: UsageIngestDeps) {
  const now = deps.now ?? Date.now;
  const take = createRateLimiter(deps.limit, now);

  async function ingest(req: IncomingMessage) {
    if (req.method !== "POST") throw new UsageError("InvalidParameter", "POST the events as JSON");
    let body: Buffer;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (err) {
      throw err instanceof BodyTooLarge ? new UsageError("PayloadTooLarge", err.message) : err;
    }
    const keyId = verifyUsageRequest(deps.keys, req.headers, body, now());
    const wait = take(keyId);
    if (wait > 0) throw new UsageError("Throttling", "too many requests for this key", wait);
    const { rows, rejected, late, repeats } = checkEvents(parseEvents(body), now());
    const [recorded, judged] = await Promise.all([recordUsage(deps.pool, rows, "api"), judgeLateEvents(deps.pool, late)]);
    return answerOf(new Map([...recorded, ...judged]), rejected, repeats);
  }

  return async function handle(req: IncomingMessage, res: ServerResponse) {
    try {
      sendJson(res, 200, await ingest(req));
    } catch (err) {
      // the rest of a body too large is not read: the connection is not kept
      if (err instanceof UsageError) return sendRefusal(res, err, err.code === "PayloadTooLarge" ? { connection: "close" } : {});
      if (isDatabaseUnavailable(err)) deps.reportOutage("usage ingest", err);
      else deps.log.error({ err }, "usage ingest failed");
      // nothing of the request is known to be recorded: the service sends it again (keys make that safe)
      sendJson(res, 503, { code: "ServiceUnavailable", message: "usage could not be recorded now; send it again" }, { "retry-after": "5" });
    }
  };
}
