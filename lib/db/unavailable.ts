/** pg and Prisma errors that mean "the database cannot be reached right now". */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const { code, message, cause, meta } = e as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
    if (typeof code === "string" && (unavailableCodes.has(code) || code.startsWith("08"))) return true;
    if (typeof message === "string" && unavailableMessages.some((m) => message.includes(m))) return true;
    // Prisma's driver-adapter errors carry the pg cause in meta
    if (meta && JSON.stringify(meta).match(/DatabaseNotReachable|ConnectionClosed|SocketTimeout|ECONNREFUSED/)) return true;
    e = cause;
  }
  return false;
}

const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "53300", // admin/crash shutdown, cannot connect now, too many connections
  "P1001",
  "P1017",
  "P2024", // Prisma: cannot reach, server closed, pool timeout
]);
const unavailableMessages = [
  "timeout exceeded when trying to connect",
  "Connection terminated",
  "connect ECONNREFUSED",
  "DatabaseNotReachable",
  "Can't reach database server",
  "Server has closed the connection",
  "Timed out fetching a new connection",
];

/** Serialization failure or deadlock: the transaction was rolled back and may simply be retried. */
export function isTransientConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "40001" || code === "40P01";
}
