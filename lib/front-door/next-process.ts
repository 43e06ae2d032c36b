import { type ChildProcess, fork } from "node:child_process";

export type NextProcess = { port: number; child: ChildProcess; stop: () => Promise<void> };

/**
 * Starts next-server.ts in a child process (the same Node and loader as this
 * one) and resolves with the loopback port it listens on. Next.js patches
 * process.nextTick and setImmediate and turns on async hooks for every
 * promise; in its own process, that costs the gateway nothing, and a slow
 * render cannot stall it (docs/benchmarks.md).
 */
export function startNextProcess(entry: string, opts: { dev?: boolean } = {}): Promise<NextProcess> {
  const child = fork(entry, opts.dev ? ["--dev"] : [], { stdio: "inherit" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.once("message", (msg: { port?: number }) => {
      if (typeof msg?.port === "number") resolve({ port: msg.port, child, stop });
      else reject(new Error("the pages server sent an unexpected message"));
    });
    child.once("exit", (code, signal) => reject(new Error(`the pages server exited before it was ready (${signal ?? `code ${code}`})`)));
  });
}
