import { appendFileSync, renameSync, statSync } from "node:fs";

const maxBytes = 5 * 1024 * 1024;

/** Lines to stderr (the service manager's journal) and to a local file, kept under 5 MiB (one old file). */
export function createLog(file: string | undefined) {
  return (level: "info" | "warn" | "error", message: string, fields: Record<string, unknown> = {}) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...fields });
    process.stderr.write(`${line}\n`);
    if (!file) return;
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > maxBytes) renameSync(file, `${file}.1`);
      appendFileSync(file, `${line}\n`, { mode: 0o600 });
    } catch {
      // a full or read-only disk must not stop the agent
    }
  };
}

export type Log = ReturnType<typeof createLog>;
