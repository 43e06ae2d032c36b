// The Next.js half of `npm start`: server.ts runs this file in a child process
// and forwards it every request that is not /api/{Action} (ARCHITECTURE.md).
// Pages reach the gateway in process, through this process's own runtime.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { runtimeIfStarted } from "./lib/runtime";

// --dev (npm run dev): compiled on request, hot reloaded; else the production build
const dev = process.argv.includes("--dev");
const app = next({ dev, dir: import.meta.dirname, hostname: "localhost", port: Number(process.env.PORT ?? 3000) });
await app.prepare();
const server = createServer(app.getRequestHandler());
// the front door forwards upgrades (npm run dev: the hot-reload socket)
const upgrade = app.getUpgradeHandler();
server.on("upgrade", (req, socket, head) => void upgrade(req, socket, head));
server.listen(0, "127.0.0.1", () => process.send?.({ port: (server.address() as AddressInfo).port }));

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections();
  await runtimeIfStarted()?.close();
  process.exit(0);
}
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
// the parent went away without stopping us
process.on("disconnect", () => void stop());
