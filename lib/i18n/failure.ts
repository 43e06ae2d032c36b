import type { CloudFailure } from "../cloud";
import type { ErrorCode, Reason } from "../gateway";
import type { MessageKey, Translate } from "./catalogue";

const errorKeys = {
  InvalidParameter: "errors.InvalidParameter",
  InvalidSignature: "errors.InvalidSignature",
  TokenExpired: "errors.TokenExpired",
  EntitlementExpired: "errors.EntitlementExpired",
  Forbidden: "errors.Forbidden",
  TenantNotFound: "errors.TenantNotFound",
  ActionNotFound: "errors.ActionNotFound",
  MethodNotAllowed: "errors.MethodNotAllowed",
  Replayed: "errors.Replayed",
  Throttling: "errors.Throttling",
  InternalError: "errors.InternalError",
  ServiceUnavailable: "errors.ServiceUnavailable",
} as const satisfies Record<ErrorCode, MessageKey>;

const cloudFailureKeys = {
  RoleNotFound: "cloud.failure.RoleNotFound",
  RoleNotTrusted: "cloud.failure.RoleNotTrusted",
  ExternalIdMismatch: "cloud.failure.ExternalIdMismatch",
  AssumeRoleFailed: "cloud.failure.AssumeRoleFailed",
  NoCredentials: "cloud.failure.NoCredentials",
  AssumeRoleDenied: "cloud.failure.AssumeRoleDenied",
  CloudBusy: "cloud.failure.CloudBusy",
  CloudUnreachable: "cloud.failure.CloudUnreachable",
  CheckFailed: "cloud.failure.CheckFailed",
  PermissionsMissing: "cloud.failure.PermissionsMissing",
} as const satisfies Record<CloudFailure["code"], MessageKey>;

/**
 * What a person reads for a failed action: the action's own reason when it
 * gave one (`reason.key` names a message under `reasons.`), else what its
 * error code means. Never the wire's English message.
 */
export function failureText(t: Translate, failure: { code: ErrorCode; reason?: Reason | undefined }): string {
  const key = failure.reason && (`reasons.${failure.reason.key}` as MessageKey);
  if (key && t.has(key)) return t(key, failure.reason?.args as never);
  return t(errorKeys[failure.code] ?? "errors.InternalError");
}

/** Why a cloud role cannot be used, from its stored failure code and arguments. */
export function cloudFailureText(t: Translate, failure: { code: string; args?: Record<string, string> | undefined }): string {
  const key = cloudFailureKeys[failure.code as CloudFailure["code"]];
  return key ? t(key, failure.args as never) : failure.code;
}
