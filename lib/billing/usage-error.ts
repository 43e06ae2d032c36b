import { Refusal } from "../http";

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
export class UsageError extends Refusal<UsageErrorCode> {
  override name = "UsageError";
  constructor(code: UsageErrorCode, message: string, retryAfterSeconds?: number) {
    super(code, message, usageErrorStatus[code], retryAfterSeconds);
  }
}
