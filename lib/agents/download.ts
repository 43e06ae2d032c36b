import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream";
import type pg from "pg";
import type { SealKey } from "../config";
import { readAsTenant } from "../db";
import { sendRefusal } from "../http";
import { AgentError } from "./agent-error";
import { type AgentOs, agentPackage, packageTypes } from "./agent-package";
import type { PackageStore } from "./package-store";
import { openDownloadLink, sealEnrolmentToken } from "./tokens";

export type DownloadDeps = {
  appPool: pg.Pool;
  keys: readonly SealKey[];
  store: PackageStore;
  publicUrl: string;
  now: () => number;
  reportOutage: (by: string, err: unknown) => boolean;
};

// a sealed token and nothing else: `..`, `%2F`, `%2e` and friends never match
const downloadPath = /^\/download\/([A-Za-z0-9_-]{1,32}\.[A-Za-z0-9_-]{40,2000})$/;
export const isDownloadPath = (url: string) => url.startsWith("/download/");

const notFound = () => new AgentError("NotFound", "no such download");
const expired = () => new AgentError("LinkExpired", "this download link has expired or was revoked: create a new link in the console");

/**
 * GET /download/{token} (agent-channel.md §1): the package of one download,
 * assembled now with a fresh enrolment token in its config.json and streamed.
 * Anything but an authentic link of an existing download is 404, the same
 * for all; an authentic one past its time or revoked is 410.
 */
export async function serveDownload(deps: DownloadDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const m = req.method === "GET" || req.method === "HEAD" ? downloadPath.exec(req.url ?? "") : null;
    const link = m ? openDownloadLink(deps.keys, m[1] as string) : undefined;
    if (!link) throw notFound();
    if (link.expiresAt.getTime() < deps.now()) throw expired();
    const [d] = await readAsTenant(
      deps.appPool,
      link.tenantId,
      (tx) => tx.query<{ os: AgentOs; revoked: boolean; enrolmentExpiresAt: Date; maxEnrolments: number }>`
        SELECT os::text, revoked_at IS NOT NULL AS revoked, enrolment_expires_at AS "enrolmentExpiresAt", max_enrolments AS "maxEnrolments"
        FROM agent_downloads WHERE tenant_id = ${link.tenantId} AND id = ${link.downloadId}`,
    );
    if (!d) throw notFound();
    if (d.revoked) throw expired();
    const enrolmentToken = sealEnrolmentToken(deps.keys, {
      tenantId: link.tenantId,
      downloadId: link.downloadId,
      expiresAt: d.enrolmentExpiresAt,
      maxEnrolments: d.maxEnrolments,
    });
    const body = await agentPackage(deps.store, d.os, { baseUrl: deps.publicUrl, enrolmentToken, downloadId: link.downloadId });
    if (!body) throw new AgentError("ServiceUnavailable", "the agent packages are not built on this server: run npm run build:agent", 60);
    const type = packageTypes[d.os];
    res.writeHead(200, {
      "content-type": type.contentType,
      "content-disposition": `attachment; filename="${type.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    if (req.method === "HEAD") return void res.end();
    pipeline(body, res, () => {});
  } catch (err) {
    if (deps.reportOutage("agent download", err))
      return sendRefusal(res, new AgentError("ServiceUnavailable", "the service is temporarily unavailable; retry later", 5));
    if (!(err instanceof AgentError)) throw err;
    if (err.code === "LinkExpired" && /text\/html/.test(req.headers.accept ?? "")) return sendExpiredPage(res);
    sendRefusal(res, err);
  }
}

/** For a person who followed an old link in a browser: what happened and what to do, in English and Chinese. */
function sendExpiredPage(res: ServerResponse) {
  res.writeHead(410, {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Skyport</title>
<style>body{font:14px system-ui,sans-serif;max-width:32rem;margin:6rem auto;color:#111}h1{font-size:1.1rem;color:#0070cc}</style></head>
<body><h1>Skyport</h1><p role="alert">This download link has expired or was revoked. Create a new link in the Skyport console (Hosts → Add hosts).</p>
<p lang="zh-CN">此下载链接已过期或已被撤销。请在 Skyport 控制台（主机 → 添加主机）中创建新的链接。</p></body></html>`);
}
