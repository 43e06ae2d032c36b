// One metering run by hand, as the every-minute job does it: the closed hours
// summed, every channel's due records pushed; prints the report. For an
// operator who will not wait a minute, and for the crash tests, which kill it.
//   npm run meter-usage
import { ConfigError, parseConfig, resolveEndpoints } from "../lib/config";
import { createDatabase, databaseUrls } from "../lib/db";
import { meterUsage } from "../lib/jobs";
import { meteringChannels } from "../lib/runtime";

let cfg: ReturnType<typeof parseConfig>;
try {
  cfg = parseConfig(process.env);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
if (!cfg.DATABASE_URL) {
  console.error("DATABASE_URL (and the role URLs) must point at the running database: with `npm start`, see docs/operations.md");
  process.exit(1);
}
const db = createDatabase(databaseUrls(cfg), 2);
try {
  const report = await meterUsage({
    platformDb: db.platformDb,
    channels: meteringChannels(cfg, resolveEndpoints(cfg)),
    leaseMs: cfg.METERING_LEASE_SECONDS * 1000,
    now: () => new Date(),
  });
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  await db.close();
}
