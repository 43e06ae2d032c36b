import { Refusal } from "../http";

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

/**
 * Why, as a stable message key and its arguments: Skyport's own pages show the
 * translated text for it instead of the English `message` (which stays the
 * wire's). Never sent over HTTP.
 */
export type Reason = { key: string; args?: Record<string, string | number> };

/** The one error type of the gateway and its actions; the message reaches the client. */
export class GatewayError extends Refusal<ErrorCode> {
  override name = "GatewayError";
  readonly reason: Reason | undefined;
  constructor(code: ErrorCode, message: string, opts: { retryAfter?: number; reason?: Reason } = {}) {
    super(code, message, errorStatus[code], opts.retryAfter);
    this.reason = opts.reason;
  }
}

export const invalid = (message: string, reason?: Reason) => new GatewayError("InvalidParameter", message, reason && { reason });

/** An account that has no tenant: it has not bought, or its tenant was purged. */
export const tenantNotFound = (channel: string) =>
  new GatewayError("TenantNotFound", `no ${channel} tenant for this account: buy the product first`);
