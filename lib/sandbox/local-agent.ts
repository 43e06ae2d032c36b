import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The built agent, run on this machine for the sandbox buyer: a child process, stoppable. */
export type LocalAgent = { pid: number; dir: string; stop: () => void; running: () => boolean };

/**
 * Starts the built linux-x64 agent (`npm run build:agent`) against this
 * Skyport with a download's enrolment token, its files in `dir`, so a newcomer
 * sees a host appear without leaving the browser.
 */
export function runLocalAgent(opts: { executable: string; dir: string; origin: string; token: string }): LocalAgent {
  if (!existsSync(opts.executable)) throw new Error("the agent is not built: run npm run build:agent");
  mkdirSync(opts.dir, { recursive: true });
  writeFileSync(path.join(opts.dir, "config.json"), JSON.stringify({ baseUrl: opts.origin, enrolmentToken: opts.token }), { mode: 0o600 });
  const child: ChildProcess = spawn(
    opts.executable,
    [
      "--config",
      path.join(opts.dir, "config.json"),
      "--state",
      path.join(opts.dir, "state.json"),
      "--log",
      path.join(opts.dir, "agent.log"),
    ],
    { stdio: "ignore", env: { PATH: process.env.PATH ?? "" } as unknown as NodeJS.ProcessEnv },
  );
  child.unref();
  return {
    pid: child.pid as number,
    dir: opts.dir,
    stop: () => void child.kill("SIGTERM"),
    running: () => child.exitCode === null && child.signalCode === null,
  };
}
