import { chmod, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { extract } from "tar-stream";

/** What a download's config.json tells the agent: where Skyport is and the token it enrols with. */
export type AgentPackageConfig = { baseUrl: string; enrolmentToken: string };

/** Why the sandbox could not fetch a package or enrol: the channel's code (NotFound, LinkExpired, HostLimitReached…) or its own. */
export class SandboxHostError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

const linkToken = /\/download\/([A-Za-z0-9_.-]{1,2100})\/?$/;

/**
 * The token of a download link the buyer pasted (the whole link or the token
 * alone). Only the token is kept: the sandbox fetches it from this server,
 * never from a host the text names.
 */
export function downloadToken(pasted: string): string | undefined {
  const text = pasted.trim();
  const token = linkToken.exec(text)?.[1] ?? text;
  return /^[A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]{40,2000}$/.test(token) ? token : undefined;
}

/**
 * Downloads a Linux package from this Skyport over HTTP, as `curl | tar xz`
 * on a buyer's host does, and reads its config.json; with `unpackTo`, writes
 * the package's files there too (skyport-agent/…, modes kept).
 */
export async function fetchAgentPackage(origin: string, token: string, unpackTo?: string): Promise<AgentPackageConfig> {
  const res = await fetch(new URL(`/download/${token}`, origin));
  if (!res.ok || !res.body) {
    const body = (await res.json().catch(() => ({}))) as { code?: string };
    throw new SandboxHostError(body.code ?? `HTTP${res.status}`);
  }
  if (res.headers.get("content-type") !== "application/gzip") {
    await res.body.cancel();
    throw new SandboxHostError("NotLinux");
  }
  return unpackAgentPackage(Readable.fromWeb(res.body as import("node:stream/web").ReadableStream), unpackTo);
}

/** Reads a Linux package (tar.gz) for its config.json; with `unpackTo`, writes its skyport-agent/… files there, modes kept. */
export async function unpackAgentPackage(tarGz: Readable, unpackTo?: string): Promise<AgentPackageConfig> {
  let config: AgentPackageConfig | undefined;
  const files = extract();
  files.on("entry", (header, stream, next) => {
    const name = path.posix.normalize(header.name);
    const inside = name.startsWith("skyport-agent/") && !name.includes("..") && header.type === "file";
    const chunks: Buffer[] = [];
    stream.on("data", (c: unknown) => inside && chunks.push(c as Buffer));
    stream.on("end", () => {
      const body = Buffer.concat(chunks);
      if (name === "skyport-agent/config.json") config = JSON.parse(body.toString("utf8")) as AgentPackageConfig;
      if (!inside || !unpackTo) return next();
      const file = path.join(unpackTo, name);
      mkdir(path.dirname(file), { recursive: true })
        .then(() => writeFile(file, body))
        .then(() => chmod(file, (header.mode ?? 0o644) & 0o755))
        .then(() => next(), next);
    });
  });
  await pipeline(tarGz, createGunzip(), files);
  if (!config?.enrolmentToken) throw new SandboxHostError("NoConfig");
  return config;
}
