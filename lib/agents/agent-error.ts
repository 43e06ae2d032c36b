import { Refusal } from "../http";

/** The channel's codes (agent-channel.md) and their HTTP statuses. */
export const agentErrorStatus = {
  InvalidParameter: 400,
  InvalidToken: 401,
  TokenExpired: 401,
  TokenRevoked: 401,
  InvalidSignature: 401,
  AgentRevoked: 401,
  TenantFrozen: 402,
  EnrolmentLimit: 403,
  NotFound: 404,
  Replayed: 409,
  LinkExpired: 410,
  PayloadTooLarge: 413,
  Throttling: 429,
  InternalError: 500,
  ServiceUnavailable: 503,
} as const;

export type AgentErrorCode = keyof typeof agentErrorStatus;

/** A refusal the agent is told about as `{ code, message }`; the message is for a person and never leaks internals. */
export class AgentError extends Refusal<AgentErrorCode> {
  override name = "AgentError";
  constructor(code: AgentErrorCode, message: string, retryAfterSeconds?: number) {
    super(code, message, agentErrorStatus[code], retryAfterSeconds);
  }
}
