/**
 * pg and Prisma errors that mean "the database cannot be reached right now":
 * the caller should be told to retry later (503), not that something broke.
 *
 * | how it shows | what happened |
 * |---|---|
 * | `ENOENT` from `connect` | the Unix socket is gone: Postgres is stopped (what a refused socket connect is) |
 * | `ECONNREFUSED`, `EHOSTUNREACH`, `ENOTFOUND`, `ETIMEDOUT` | TCP: nothing listening, no route, no name, no answer |
 * | `ECONNRESET`, `EPIPE`, "Connection terminated…", "…not queryable" | the connection died under a query |
 * | `57P01`–`57P03`, class `08` | shutdown in progress, or starting up; connection exceptions |
 * | `53300` | too many connections |
 * | "timeout exceeded when trying to connect", Prisma `P2024` | the pool could not get a connection in time |
 * | Prisma `P1001`, `P1017`, kinds `DatabaseNotReachable`, `ConnectionClosed`, `SocketTimeout`, `TooManyConnections` | the same, through the Prisma adapter |
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  return layers(err).some(isUnreachable);
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
  "53300",
  "P1001",
  "P1017",
  "P2024",
]);
const unavailableKinds = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const unavailableMessages = [
  "timeout exceeded when trying to connect",
  "Connection terminated",
  "not queryable",
  "connect ENOENT",
  "connect ECONNREFUSED",
  "Can't reach database server",
  "Server has closed the connection",
  "Timed out fetching a new connection",
];

type Layer = { code?: unknown; originalCode?: unknown; kind?: unknown; syscall?: unknown; message?: unknown };

function isUnreachable(e: Layer): boolean {
  for (const code of [e.code, e.originalCode])
    if (typeof code === "string" && (unavailableCodes.has(code) || code.startsWith("08") || (code === "ENOENT" && e.syscall === "connect")))
      return true;
  if (typeof e.kind === "string" && unavailableKinds.has(e.kind)) return true;
  return typeof e.message === "string" && unavailableMessages.some((m) => (e.message as string).includes(m));
}

/** The error, its causes, and what Prisma's driver adapter attaches (`meta`, `cause`), a few levels deep. */
function layers(err: unknown, depth = 0): Layer[] {
  if (!err || typeof err !== "object" || depth > 4) return [];
  const e = err as Layer & { cause?: unknown; meta?: unknown };
  const nested = e.meta && typeof e.meta === "object" ? Object.values(e.meta) : [];
  return [e, ...[e.cause, e.meta, ...nested].flatMap((x) => layers(x, depth + 1))];
}

/** Serialization failure or deadlock: the transaction was rolled back and may simply be retried. */
export function isTransientConflict(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "40001" || code === "40P01";
}
