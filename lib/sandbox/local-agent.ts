import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { fetchAgentPackage } from "./agent-download";

/** The real agent, downloaded and run on this machine for a sandbox buyer: a child process, stoppable. */
export type LocalAgent = { dir: string; stop: () => void; running: () => boolean };

/**
 * Downloads a download link's Linux package from this Skyport into `dir`
 * and starts the agent in it, with the package's own config.json: the path a
 * buyer's host takes, so a newcomer sees a host appear without leaving the
 * browser. The agent runs as this server's user, without the installer.
 */
export async function runLocalAgent(opts: { origin: string; token: string; dir: string }): Promise<LocalAgent> {
  await fetchAgentPackage(opts.origin, opts.token, opts.dir);
  const home = path.join(opts.dir, "skyport-agent");
  const child: ChildProcess = spawn(
    path.join(home, "skyport-agent"),
    ["--config", path.join(home, "config.json"), "--state", path.join(opts.dir, "state.json"), "--log", path.join(opts.dir, "agent.log")],
    { stdio: "ignore", env: { PATH: process.env.PATH ?? "" } as unknown as NodeJS.ProcessEnv },
  );
  child.unref();
  await new Promise<void>((resolve, reject) => {
    child.once("spawn", resolve);
    child.once("error", reject);
  });
  return {
    dir: opts.dir,
    stop: () => void child.kill("SIGTERM"),
    running: () => child.exitCode === null && child.signalCode === null,
  };
}
