import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

/** What the package's config.json carries: where Skyport is, and the sealed enrolment token. */
export type AgentConfig = { baseUrl: string; enrolmentToken: string };

/** The agent's identity after enrolment, kept in a file only its owner can read (0600). */
export type AgentState = { agentId: string; agentSecret: string; baseUrl: string; revoked?: boolean; machineId?: string };

export function readConfig(file: string): AgentConfig {
  const c = JSON.parse(readFileSync(file, "utf8")) as Partial<AgentConfig>;
  if (typeof c.baseUrl !== "string" || typeof c.enrolmentToken !== "string") throw new Error(`${file} lacks baseUrl or enrolmentToken`);
  return { baseUrl: c.baseUrl.replace(/\/+$/, ""), enrolmentToken: c.enrolmentToken };
}

export function readState(file: string): AgentState | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as AgentState) : undefined;
}

/** Written whole, then renamed into place: a crash never leaves half a state file. */
export function writeState(file: string, state: AgentState) {
  writeFileSync(`${file}.tmp`, JSON.stringify(state), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}
