/** The usage endpoint's request-level refusals (usage-and-billing.md §1) and their statuses. */
export const usageErrorStatus = {
  InvalidParameter: 400,
  InvalidSignature: 401,
  TokenExpired: 401,
  PayloadTooLarge: 413,
  Throttling: 429,
  ServiceUnavailable: 503,
} as const;

export type UsageErrorCode = keyof typeof usageErrorStatus;

/** A refusal of the whole request, answered `{ code, message }`; nothing of it was recorded. */
export class UsageError extends Error {
  override name = "UsageError";
  constructor(
    readonly code: UsageErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0; // an expected refusal, not a bug
    super(message);
    Error.stackTraceLimit = limit;
  }
  get status(): number {
    return usageErrorStatus[this.code];
  }
}
