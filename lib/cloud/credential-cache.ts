export type TemporaryCredentials = { accessKeyId: string; secret: string; sessionToken: string; expiresAt: number };

/**
 * Short-lived credentials per role (key: tenant, role and ExternalId), in
 * this process's memory only: never persisted, never logged. Refreshed
 * `refreshAheadMs` before they expire, and concurrent callers for one key
 * share a single AssumeRole in flight.
 */
export function createCredentialCache(opts: { refreshAheadMs?: number; now?: () => number } = {}) {
  const refreshAheadMs = opts.refreshAheadMs ?? 5 * 60_000;
  const now = opts.now ?? Date.now;
  const held = new Map<string, TemporaryCredentials>();
  const inFlight = new Map<string, Promise<TemporaryCredentials>>();

  return {
    get(key: string, assume: () => Promise<TemporaryCredentials>): Promise<TemporaryCredentials> {
      const current = held.get(key);
      if (current && current.expiresAt - now() > refreshAheadMs) return Promise.resolve(current);
      let pending = inFlight.get(key);
      if (!pending) {
        pending = assume()
          .then((fresh) => {
            held.set(key, fresh);
            return fresh;
          })
          .finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
    /** after a role stops working: the next use assumes again */
    forget(key: string) {
      held.delete(key);
    },
  };
}

export type CredentialCache = ReturnType<typeof createCredentialCache>;
