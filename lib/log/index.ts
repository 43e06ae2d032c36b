import pino from "pino";

export type Logger = pino.Logger;

/**
 * JSON lines on stdout, written in 4 KiB chunks rather than a syscall per
 * line: at gateway rates that is most of a rejection's cost. A crash loses at
 * most the unwritten chunk; a clean stop flushes it. Nothing that carries a
 * credential is ever passed in.
 */
export function createLogger(level: string): Logger {
  return pino({ level, base: { svc: "skyport" } }, pino.destination({ sync: false, minLength: 4096 }));
}
