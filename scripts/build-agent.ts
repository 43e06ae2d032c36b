// npm run build:agent: the downloadable agent, built once per change of its
// sources (part of `npm run setup`):
//   linux-x64   a Node single-executable application (this project's Node 24
//               with the bundled agent injected by postject), packed with
//               install.sh, the systemd unit and a README as the fixed part of
//               a tar.gz (lib/agents/agent-package.ts);
//   windows-x64 the bundled agent script, install.ps1 and a README.
// Stored where the server reads packages: AGENT_PACKAGES_DIR (default
// .data/agent-packages) or, when AGENT_PACKAGES_S3_BUCKET is set, that bucket.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { storedFiles, tarOf } from "../lib/agents/agent-package";
import { type PackageStoreSettings, packageStore } from "../lib/agents/package-store-from-config";

const root = path.resolve(import.meta.dirname, "..");
const work = path.join(root, ".data", "agent-build");
const started = Date.now();
mkdirSync(work, { recursive: true });

const bundle = path.join(work, "skyport-agent.cjs");
await build({
  entryPoints: [path.join(root, "agent/src/main.ts")],
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node22",
  outfile: bundle,
  logLevel: "warning",
  banner: { js: "// Skyport agent (bundled; sources: agent/src in the Skyport repository)" },
});
const packaged = ["install.sh", "skyport-agent.service", "install.ps1", "README.txt"].map((f) => path.join(root, "agent/package", f));
const inputs = createHash("sha256");
for (const f of [bundle, ...packaged]) inputs.update(readFileSync(f));
inputs.update(process.version);
const digest = inputs.digest("hex");
const stampFile = path.join(work, "built-from");
const store = packageStore(process.env as PackageStoreSettings);

if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === digest && (await store.get(storedFiles.linuxPrefix))) {
  console.log("agent packages are up to date");
  process.exit(0);
}

// the single executable: https://nodejs.org/api/single-executable-applications.html
const blob = path.join(work, "sea-prep.blob");
writeFileSync(
  path.join(work, "sea-config.json"),
  JSON.stringify({ main: bundle, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false, useSnapshot: false }),
);
execFileSync(process.execPath, ["--experimental-sea-config", path.join(work, "sea-config.json")], { stdio: "inherit" });
const binary = path.join(work, "skyport-agent");
rmSync(binary, { force: true });
copyFileSync(process.execPath, binary);
execFileSync(
  process.execPath,
  [
    path.join(root, "node_modules/postject/dist/cli.js"),
    binary,
    "NODE_SEA_BLOB",
    blob,
    "--sentinel-fuse",
    "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2",
  ],
  { stdio: "ignore" },
);
const version = execFileSync(binary, ["--version"], { encoding: "utf8" }).trim();

const file = (name: string) => readFileSync(path.join(root, "agent/package", name));
const tar = await tarOf([
  { name: "skyport-agent/skyport-agent", mode: 0o755, body: readFileSync(binary) },
  { name: "skyport-agent/install.sh", mode: 0o755, body: file("install.sh") },
  { name: "skyport-agent/skyport-agent.service", mode: 0o644, body: file("skyport-agent.service") },
  { name: "skyport-agent/README.txt", mode: 0o644, body: file("README.txt") },
]);
// without the end marker (two zero blocks): each download appends its config.json and the marker
await store.put(storedFiles.linuxPrefix, gzipSync(tar.subarray(0, tar.length - 1024), { level: 6 }));
await store.put("windows-x64/skyport-agent.cjs", readFileSync(bundle));
await store.put("windows-x64/install.ps1", file("install.ps1"));
await store.put("windows-x64/README.txt", file("README.txt"));
writeFileSync(stampFile, digest);
console.log(`agent packages built: ${version}, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
