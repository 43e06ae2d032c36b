export type RejectionCount = { minute: number; clientAddress: string; code: string; calls: number };

/**
 * Calls refused before their accessToken verified cost the caller nothing to
 * send and carry a traceId of its choosing, so they are not stored row by
 * row: each is counted per client address, code and minute, and the first
 * `samplesPerMinute` of an address in a minute are also kept as traces, so
 * that support still finds the traceId an integrator quotes. At most
 * `maxKeys` counts and sampled addresses are held between writes; past that
 * a refusal is dropped and counted as dropped.
 */
export function createRejectionCounts(opts: { samplesPerMinute: number; maxKeys: number }) {
  let minute = Number.NaN;
  let samples = new Map<string, number>();
  let counts = new Map<string, RejectionCount>();
  let dropped = 0;

  const add = (c: RejectionCount): boolean => {
    const key = `${c.minute}\u0000${c.clientAddress}\u0000${c.code}`;
    const known = counts.get(key);
    if (known) known.calls += c.calls;
    else if (counts.size < opts.maxKeys) counts.set(key, { ...c });
    else {
      dropped += c.calls;
      return false;
    }
    return true;
  };

  return {
    /** Counts an unauthenticated refusal; true when it is also to be kept as a trace. */
    count(t: { at: number; clientAddress?: string; code: string }): boolean {
      const at = Math.floor(t.at / 60_000) * 60_000;
      if (at !== minute) {
        minute = at;
        samples = new Map();
      }
      const clientAddress = t.clientAddress ?? "unknown";
      if (!add({ minute: at, clientAddress, code: t.code, calls: 1 })) return false;
      const kept = samples.get(clientAddress) ?? 0;
      if (kept >= opts.samplesPerMinute || (kept === 0 && samples.size >= opts.maxKeys)) return false;
      samples.set(clientAddress, kept + 1);
      return true;
    },
    /** The counts so far, handed over for writing. */
    take(): RejectionCount[] {
      const taken = [...counts.values()];
      counts = new Map();
      return taken;
    },
    /** Counts whose write failed, merged back to go with the next. */
    restore(failed: RejectionCount[]) {
      for (const c of failed) add(c);
    },
    dropped: () => dropped,
  };
}
