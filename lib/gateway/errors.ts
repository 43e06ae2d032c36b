/** The spec's codes and their HTTP statuses (shared/specs/console-gateway.md). */
export const errorStatus = {
  InvalidParameter: 400,
  InvalidSignature: 401,
  TokenExpired: 401,
  EntitlementExpired: 402,
  Forbidden: 403,
  TenantNotFound: 403,
  ActionNotFound: 404,
  MethodNotAllowed: 405,
  Replayed: 409,
  Throttling: 429,
  InternalError: 500,
  ServiceUnavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** The one error type of the gateway and its actions; the message reaches the client. */
export class GatewayError extends Error {
  override name = "GatewayError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    // an expected refusal, not a bug: capturing a stack for each would cost
    // more than the rest of a rejected request
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
  }
  get status(): number {
    return errorStatus[this.code];
  }
}

export const invalid = (message: string) => new GatewayError("InvalidParameter", message);
