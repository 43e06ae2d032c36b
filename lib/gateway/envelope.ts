import type { ErrorCode, GatewayError, Reason } from "./errors";

export type ResultCode = "OK" | ErrorCode;

/**
 * `code` is for traces and logs, the client reads it from the body; `reason`
 * is for in-process callers (pages translate it) and never serialized.
 */
export type GatewayResponse = { status: number; code: ResultCode; headers: Record<string, string>; body: string; reason?: Reason };

export function envelope(traceId: string, code: ResultCode, message: string, data: unknown): string {
  return JSON.stringify({ traceId, success: code === "OK", code, message, data });
}

export function respond(
  traceId: string | undefined,
  code: ResultCode,
  status: number,
  body: string,
  extra: Record<string, string> = {},
): GatewayResponse {
  return {
    status,
    code,
    body,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      ...(traceId && { "x-trace-id": traceId }),
      ...extra,
    },
  };
}

export function errorResponse(traceId: string | undefined, err: GatewayError): GatewayResponse {
  const extra: Record<string, string> = err.retryAfterSeconds ? { "retry-after": String(err.retryAfterSeconds) } : {};
  if (err.code === "MethodNotAllowed") extra.allow = "GET";
  const res = respond(traceId, err.code, err.status, envelope(traceId ?? "", err.code, err.message, null), extra);
  if (err.reason) res.reason = err.reason;
  return res;
}
