export { createGateway, type Gateway, type GatewayDeps } from "./create-gateway";
export { GatewayError, errorStatus, invalid, type ErrorCode } from "./errors";
export { gatewayServerOptions, isGatewayPath, serveFetch, serveNode } from "./node-adapter";
export { signedQuery } from "./sign-request";
export { accessToken, sign, stringToSign } from "./signature";
export { purgeExpiredReplays } from "./replay-guard";
export type { GatewayRequest } from "./parse-request";
export type { GatewayResponse } from "./envelope";
