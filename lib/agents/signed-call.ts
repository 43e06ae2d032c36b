import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { withinClockWindow } from "../http";
import type { AgentDirectory, KnownAgent } from "./agent-directory";
import { AgentError } from "./agent-error";

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const noncePattern = /^[A-Za-z0-9_-]{16,64}$/;
const timestampPattern = /^\d{1,12}$/;
const signaturePattern = /^[A-Za-z0-9_-]{43}$/;
export const clockWindowSeconds = 300;

export type SignedCall = { method: string; pathWithQuery: string; headers: IncomingHttpHeaders; body: Buffer };

/**
 * Verifies an agent's signed call in the spec's order (agent-channel.md §4;
 * the body size, step 1, is checked while it is read): headers and agent,
 * revocation, clock, signature, nonce. Returns the agent.
 */
export async function verifySignedCall(
  call: SignedCall,
  deps: { agents: AgentDirectory; remember: (agentId: string, nonce: string) => boolean; now: () => number },
): Promise<KnownAgent> {
  const header = (name: string) => {
    const v = call.headers[name];
    return typeof v === "string" ? v : undefined;
  };
  const id = header("x-agent-id") ?? "";
  const timestamp = header("x-agent-timestamp") ?? "";
  const nonce = header("x-agent-nonce") ?? "";
  const signature = header("x-agent-signature") ?? "";
  if (!uuid.test(id) || !timestampPattern.test(timestamp) || !noncePattern.test(nonce) || !signaturePattern.test(signature))
    throw new AgentError("InvalidSignature", "a signature header is missing or malformed");
  const agent = await deps.agents.find(id);
  if (!agent) throw new AgentError("InvalidSignature", "unknown agent");
  if (agent.revoked) throw new AgentError("AgentRevoked", "this agent was revoked: stop, and do not retry");
  if (!withinClockWindow(deps.now(), Number(timestamp), clockWindowSeconds))
    throw new AgentError("TokenExpired", `x-agent-timestamp is more than ${clockWindowSeconds} s from the server's time`);
  if (!agent.secret || !signatureMatches(agent.secret, call, timestamp, nonce, signature))
    throw new AgentError("InvalidSignature", "the signature does not match");
  if (!deps.remember(agent.id, nonce)) throw new AgentError("Replayed", "this nonce was used already");
  return agent;
}

/** METHOD\nPATH_WITH_QUERY\ntimestamp\nnonce\nhex(SHA-256(body)), HMAC-SHA256 with the agent's secret, base64url. */
export function signAgentCall(secret: string, method: string, pathWithQuery: string, timestamp: string, nonce: string, body: Buffer) {
  const text = `${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${createHash("sha256").update(body).digest("hex")}`;
  return createHmac("sha256", secret).update(text).digest("base64url");
}

/** The four headers of a signed call, for Skyport's own clients of the channel (the sandbox's simulated hosts, tests, benchmarks). */
export function signedCallHeaders(agentId: string, secret: string, method: string, pathWithQuery: string, body: Buffer, at = Date.now()) {
  const timestamp = String(Math.floor(at / 1000));
  const nonce = randomBytes(18).toString("base64url");
  return {
    "x-agent-id": agentId,
    "x-agent-timestamp": timestamp,
    "x-agent-nonce": nonce,
    "x-agent-signature": signAgentCall(secret, method, pathWithQuery, timestamp, nonce, body),
  };
}

function signatureMatches(secret: string, call: SignedCall, timestamp: string, nonce: string, given: string): boolean {
  const expected = Buffer.from(signAgentCall(secret, call.method, call.pathWithQuery, timestamp, nonce, call.body));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
