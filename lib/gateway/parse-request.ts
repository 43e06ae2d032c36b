import { GatewayError, invalid } from "./errors";
import { type ParsedToken, parseAccessToken } from "./signature";

/** What any transport hands the gateway: Node's server, Next's route, or an in-process caller. */
export type GatewayRequest = {
  method: string;
  /** the path segment after /api/, still URL-encoded */
  action: string;
  /** the raw query string, without "?" */
  query: string;
  headers: Record<string, string | string[] | undefined>;
  /** the peer's address as the HTTP server saw it (a proxy's, behind one); none in process */
  clientAddress?: string;
};

export type RequestFields = {
  action: string;
  userinfo: string;
  params: string;
  traceId: string;
  token: ParsedToken;
};

const limits = { userinfo: 2048, params: 16384, query: 20_000 } as const;
const actionPattern = /^[A-Z][A-Za-z0-9]{2,63}$/;
const traceIdPattern = /^[A-Za-z0-9_-]{8,64}$/;
const base64urlText = /^[A-Za-z0-9_-]*$/;

const fields = [
  ["userinfo", "x-userinfo"],
  ["accessToken", "x-access-token"],
  ["params", "x-params"],
  ["traceId", "x-trace-id"],
] as const;

/**
 * Step 1: method, shape and size of every field; nothing is decoded or
 * trusted yet. A well-formed traceId is written to `seen` as soon as it is
 * read, so that even a refusal can echo it.
 */
export function parseRequest(req: GatewayRequest, seen: { traceId: string }): RequestFields {
  if (req.query.length > limits.query) throw invalid(`query string longer than ${limits.query} characters`);
  const query = new URLSearchParams(req.query);
  const value: Partial<Record<(typeof fields)[number][0], string>> = {};
  let repeated: string | undefined;
  for (const [name, header] of fields) {
    const given = query.getAll(name);
    const h = req.headers[header];
    if (Array.isArray(h)) given.push(...h);
    else if (h !== undefined) given.push(h);
    if (given.length > 1) repeated ??= name;
    value[name] = given[0];
  }
  if (!repeated && value.traceId && traceIdPattern.test(value.traceId)) seen.traceId = value.traceId;

  if (req.method !== "GET") throw new GatewayError("MethodNotAllowed", "only GET is allowed");
  if (repeated) throw invalid(`${repeated} is given more than once`);
  let action: string;
  try {
    action = decodeURIComponent(req.action);
  } catch {
    throw invalid("Action is not valid URL encoding");
  }
  if (!actionPattern.test(action)) throw invalid("Action must match ^[A-Z][A-Za-z0-9]{2,63}$");
  if (value.accessToken === undefined) throw new GatewayError("InvalidSignature", "accessToken is missing");
  const token = parseAccessToken(value.accessToken);
  if (!token) throw new GatewayError("InvalidSignature", "accessToken is malformed");
  const { userinfo, params, traceId } = value;
  if (userinfo === undefined || params === undefined || traceId === undefined)
    throw invalid(`${userinfo === undefined ? "userinfo" : params === undefined ? "params" : "traceId"} is missing`);
  if (!traceIdPattern.test(traceId)) throw invalid("traceId must match ^[A-Za-z0-9_-]{8,64}$");
  if (!base64urlText.test(userinfo) || !base64urlText.test(params))
    throw invalid(`${base64urlText.test(userinfo) ? "params" : "userinfo"} is not base64url`);
  if (userinfo.length > limits.userinfo) throw invalid(`userinfo longer than ${limits.userinfo} characters`);
  if (params.length > limits.params) throw invalid(`params longer than ${limits.params} characters`);
  return { action, userinfo, params, traceId, token };
}
