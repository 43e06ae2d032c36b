export type TemporaryCredentials = { accessKeyId: string; secret: string; sessionToken: string; expiresAt: number };

/**
 * Short-lived credentials per tenant, in this process's memory only: never
 * persisted, never logged. Refreshed `refreshAheadMs` before they expire, and
 * concurrent callers for one tenant share a single AssumeRole in flight.
 */
export function createCredentialCache(opts: {
  assume: (tenantId: string) => Promise<TemporaryCredentials>;
  refreshAheadMs?: number;
  now?: () => number;
}) {
  const refreshAheadMs = opts.refreshAheadMs ?? 5 * 60_000;
  const now = opts.now ?? Date.now;
  const held = new Map<string, TemporaryCredentials>();
  const inFlight = new Map<string, Promise<TemporaryCredentials>>();

  return {
    get(tenantId: string): Promise<TemporaryCredentials> {
      const current = held.get(tenantId);
      if (current && current.expiresAt - now() > refreshAheadMs) return Promise.resolve(current);
      let pending = inFlight.get(tenantId);
      if (!pending) {
        pending = opts
          .assume(tenantId)
          .then((fresh) => {
            held.set(tenantId, fresh);
            return fresh;
          })
          .finally(() => inFlight.delete(tenantId));
        inFlight.set(tenantId, pending);
      }
      return pending;
    },
    /** after a role is unbound or fails: the next use assumes again */
    forget(tenantId: string) {
      held.delete(tenantId);
    },
  };
}
