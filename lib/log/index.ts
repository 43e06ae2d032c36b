import pino from "pino";

export type Logger = pino.Logger;

/** JSON lines on stdout. Nothing that carries a credential is ever passed in. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { svc: "skyport" } }, pino.destination({ sync: false }));
}
