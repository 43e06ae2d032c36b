import { createHash } from "node:crypto";

/**
 * The nonces seen in the last 600 s or more, per agent (agent-channel.md §4,
 * step 6). Two generations of sets that swap every `windowMs`: a nonce is
 * remembered for between one and two windows. Entries are 48-bit digests of
 * (agent, nonce), about 30 bytes each: 150,000 agents at one call per 30 s
 * are ~6 million entries at most.
 *
 * Per process: behind several instances, a captured call could be replayed
 * once more to another instance inside the ±300 s window (docs/agents.md).
 */
export function createNonceMemory(windowMs = 600_000, now: () => number = Date.now) {
  let current = new Set<number>();
  let previous = new Set<number>();
  let swappedAt = now();
  const digest = (agentId: string, nonce: string) => createHash("sha256").update(`${agentId}\n${nonce}`).digest().readUIntBE(0, 6);
  return {
    /** True the first time (agent, nonce) is seen; false when it was seen within the window. */
    remember(agentId: string, nonce: string): boolean {
      if (now() - swappedAt >= windowMs) {
        previous = current;
        current = new Set();
        swappedAt = now();
      }
      const d = digest(agentId, nonce);
      if (current.has(d) || previous.has(d)) return false;
      current.add(d);
      return true;
    },
  };
}
