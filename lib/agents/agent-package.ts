import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { zipSync } from "fflate";
import { pack } from "tar-stream";
import type { PackageStore } from "./package-store";

export type AgentOs = "linux-x64" | "windows-x64";

/**
 * What `npm run build:agent` stores (scripts/build-agent.ts):
 * - linux-x64: the package's fixed entries (the single executable,
 *   install.sh, the systemd unit, README) as a tar without its end marker,
 *   gzipped once: a download appends a second gzip member with its own
 *   config.json and the end marker. A gzip stream may hold several members,
 *   so `tar xz` reads the two as one archive, and the 40 MB prefix is never
 *   compressed again.
 * - windows-x64: the bundled agent script, install.ps1 and README, small
 *   enough to zip per download.
 */
export const storedFiles = {
  linuxPrefix: "linux-x64.tar.gz.part",
  windows: ["skyport-agent.cjs", "install.ps1", "README.txt"].map((f) => `windows-x64/${f}`),
};

export const packageTypes = {
  "linux-x64": { contentType: "application/gzip", filename: "skyport-agent-linux-x64.tar.gz" },
  "windows-x64": { contentType: "application/zip", filename: "skyport-agent-windows-x64.zip" },
} as const;

/** The package for one download: the prebuilt parts and this download's config.json, streamed. Undefined when not built. */
export async function agentPackage(store: PackageStore, os: AgentOs, config: object): Promise<Readable | undefined> {
  const configJson = Buffer.from(`${JSON.stringify(config, null, 2)}\n`);
  if (os === "linux-x64") {
    const prefix = await store.get(storedFiles.linuxPrefix);
    if (!prefix) return undefined;
    const tail = gzipSync(await tarOf([{ name: "skyport-agent/config.json", mode: 0o640, body: configJson }]));
    return Readable.from(
      (async function* () {
        yield* prefix;
        yield tail;
      })(),
    );
  }
  const files: Record<string, Uint8Array> = { "skyport-agent/config.json": configJson };
  for (const name of storedFiles.windows) {
    const stream = await store.get(name);
    if (!stream) return undefined;
    files[`skyport-agent/${name.split("/")[1]}`] = await collect(stream);
  }
  return Readable.from([Buffer.from(zipSync(files, { level: 6 }))]);
}

export type TarEntry = { name: string; mode: number; body: Buffer };

/** A complete tar archive of the entries, end marker included. */
export function tarOf(entries: TarEntry[]): Promise<Buffer> {
  const archive = pack();
  for (const e of entries) archive.entry({ name: e.name, mode: e.mode, mtime: new Date(0) }, e.body);
  archive.finalize();
  return collect(archive as AsyncIterable<Buffer>);
}

async function collect(stream: AsyncIterable<Buffer | Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
