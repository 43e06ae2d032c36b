import pino from "pino";

export type Logger = pino.Logger;

/**
 * JSON lines on stdout. The lines of one event-loop turn are handed to the
 * destination together at the turn's end, as one chunk: one write instead of
 * one per line, and none of the per-line cost of appending to sonic-boom's
 * buffer, which measures the whole buffer on every append. A crash loses at
 * most the current turn's lines; a clean stop flushes them. Nothing that
 * carries a credential is ever passed in.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { svc: "skyport" } }, turnBuffered(pino.destination({ sync: true })));
}

function turnBuffered(dest: pino.DestinationStream & { flushSync(): void }) {
  let lines: string[] = [];
  const flush = () => {
    if (lines.length === 0) return;
    const chunk = lines.join("");
    lines = [];
    dest.write(chunk);
  };
  return {
    write(line: string) {
      if (lines.push(line) === 1) setImmediate(flush);
    },
    flush() {
      flush();
      dest.flushSync();
    },
  };
}

export { createOutageLog, type OutageLog } from "./outage-log";
