export { createGateway, type Gateway, type GatewayDeps } from "./create-gateway";
export type { GatewayResponse } from "./envelope";
export { type ErrorCode, errorStatus, GatewayError, invalid } from "./errors";
export { gatewayServerOptions, isGatewayPath, serveFetch, serveNode } from "./node-adapter";
export type { GatewayRequest } from "./parse-request";
export { purgeExpiredReplays } from "./replay-guard";
export { signedQuery, userinfoFor } from "./sign-request";
export { accessToken, sign, stringToSign } from "./signature";
