// skyport-agent: reports this host to Skyport (shared/specs/agent-channel.md).
//   skyport-agent            run (a service runs it so)
//   skyport-agent --once     enrol if needed, report once, exit
//   skyport-agent --version
// Files, by default next to the executable: config.json (from the download),
// state.json (the agent's identity, 0600), agent.log. --config, --state and
// --log move them.
import { realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import { runAgent } from "./agent";
import { createLog } from "./log";
import { agentVersion } from "./version";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

if (args.includes("--version")) {
  process.stdout.write(`skyport-agent ${agentVersion}\n`);
  process.exit(0);
}

// the single executable and the bundled script both find their files beside themselves
const here = dirname(realpathSync(process.argv[1] ?? process.execPath));
const stop = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop.abort());

// no top-level await: the bundle is CommonJS, as a single-executable application's main must be
runAgent({
  configFile: option("--config") ?? join(here, "config.json"),
  stateFile: option("--state") ?? join(here, "state.json"),
  log: createLog(option("--log") ?? join(here, "agent.log")),
  once: args.includes("--once"),
  signal: stop.signal,
}).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`skyport-agent: ${(err as Error).message}\n`);
    process.exit(1);
  },
);
