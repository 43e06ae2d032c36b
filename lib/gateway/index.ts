export {
  type Action,
  type ActionContext,
  type ActionRegistry,
  type AnyAction,
  type AuditInput,
  anyRole,
  type Caller,
  createRegistry,
  defineActionFor,
  managers,
  type ParamsOf,
  type PrepareContext,
  type ResultOf,
  type Role,
} from "./action";
export { checkJsonValue } from "./base64url-json";
export { createGateway, type Gateway, type GatewayDeps } from "./create-gateway";
export type { GatewayResponse } from "./envelope";
export { type ErrorCode, errorStatus, GatewayError, invalid, type Reason, tenantNotFound } from "./errors";
export { gatewayServerOptions, isGatewayPath, serveNode } from "./node-adapter";
export type { GatewayRequest } from "./parse-request";
export { createRateLimiter, type RateLimit } from "./rate-limit";
export { purgeExpiredReplays } from "./replay-guard";
export { secret } from "./secret-params";
export { signedQuery, userinfoFor } from "./sign-request";
export { accessToken } from "./signature";
