/**
 * An expected refusal of a request on the fast path: a code of the
 * protocol's own, its HTTP status, and how long to wait when that matters.
 * No stack is captured: a refusal is not a bug, and capturing one would cost
 * more than the rest of a refused request.
 */
export class Refusal<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly status: number,
    readonly retryAfterSeconds?: number,
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
}
