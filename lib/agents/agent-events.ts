import pg from "pg";
import type { Logger } from "../log";

/** The Postgres channel actions and the enrolment tell the agent channel on: `task:<agentId>` or `changed:<agentId>`. */
export const agentEventsChannel = "skyport_agents";

/**
 * Listens on one dedicated connection (it holds no pooled one) for the
 * events the channel must act on in every process: a task queued for an
 * agent (wake its long poll) and an agent changed (forget what is cached).
 * Reconnects after a loss, and meanwhile the long polls still end on time.
 */
export function listenForAgentEvents(deps: {
  url: string;
  log: Logger;
  reportOutage: (by: string, err: unknown) => boolean;
  onTask: (agentId: string) => void;
  onChanged: (agentId: string) => void;
}) {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  async function connect() {
    const c = new pg.Client({ connectionString: deps.url });
    c.on("notification", (n) => {
      const [event, agentId = ""] = (n.payload ?? "").split(":");
      if (event === "task") deps.onTask(agentId);
      else if (event === "changed") deps.onChanged(agentId);
    });
    c.on("error", () => reconnect());
    try {
      await c.connect();
      await c.query(`LISTEN ${agentEventsChannel}`);
      client = c;
    } catch (err) {
      if (!deps.reportOutage("agent events", err))
        deps.log.warn({ err: (err as Error).message }, "agent events: cannot listen yet; retrying");
      c.end().catch(() => {});
      reconnect();
    }
  }
  function reconnect() {
    if (stopped || retry) return;
    client?.end().catch(() => {});
    client = undefined;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, 2_000);
    retry.unref();
  }

  return {
    start: connect,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}

/** Long polls waiting for their agent's next task, in this process. */
export function createTaskWaiters() {
  const waiting = new Map<string, Set<() => void>>();
  return {
    /** Resolves when a task is queued for the agent, or after `ms`. */
    wait(agentId: string, ms: number, signal?: AbortSignal): Promise<void> {
      return new Promise((resolve) => {
        const set = waiting.get(agentId) ?? new Set();
        waiting.set(agentId, set);
        const done = () => {
          clearTimeout(timer);
          set.delete(done);
          if (set.size === 0) waiting.delete(agentId);
          resolve();
        };
        const timer = setTimeout(done, ms);
        set.add(done);
        signal?.addEventListener("abort", done, { once: true });
      });
    },
    wake(agentId: string) {
      for (const done of waiting.get(agentId) ?? []) done();
    },
    size: () => waiting.size,
  };
}
