/**
 * Why Skyport cannot use a role, as a stable code and its arguments: stored,
 * answered by the actions, and translated by the pages (messages
 * `cloud.failure.<code>`). docs/cloud-access.md lists them.
 */
export type CloudFailure =
  | { code: "RoleNotFound" | "RoleNotTrusted" | "ExternalIdMismatch" | "AssumeRoleFailed" | "NoCredentials"; args?: undefined }
  | { code: "AssumeRoleDenied"; args: { account: string; externalId: string } }
  | { code: "CloudBusy" | "CloudUnreachable"; args: { cloud: "aliyun" | "aws" } }
  | { code: "CheckFailed"; args: { permission: string; answer: string } }
  | { code: "PermissionsMissing"; args: { permissions: string } };

export type Verification =
  | { status: "verified"; missing: []; failure: null }
  | { status: "failed"; missing: string[]; failure: CloudFailure };

export const verified: Verification = { status: "verified", missing: [], failure: null };
export const failed = (failure: CloudFailure, missing: string[] = []): Verification => ({ status: "failed", missing, failure });

/** After every declared permission was tried: verified, or the ones missing by name. */
export const permissionsChecked = (missing: string[]): Verification =>
  missing.length ? failed({ code: "PermissionsMissing", args: { permissions: missing.join(", ") } }, missing) : verified;
