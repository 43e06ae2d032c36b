import { z } from "zod";
import { sealDownloadLink } from "../agents";
import { managers } from "../gateway";
import { currentPlan } from "./agent-lookups";
import { defineAction } from "./services";

/** A download link for the agent of one OS, bound to this tenant (agent-channel.md §1). */
export const createAgentDownload = defineAction({
  name: "CreateAgentDownload",
  params: z.strictObject({
    os: z.enum(["linux-x64", "windows-x64"]),
    expiresInMinutes: z.number().int().min(1).max(1440).default(15),
  }),
  roles: managers,
  mutates: true,
  async handler({ tx, tenantId, caller, audit, services }, p) {
    const now = services.now();
    const expiresAt = new Date(now.getTime() + p.expiresInMinutes * 60_000);
    const enrolmentExpiresAt = new Date(now.getTime() + services.agents.enrolmentDays * 86_400_000);
    // a token may enrol at most as many hosts as the plan allows
    const maxEnrolments = (await currentPlan(tx, tenantId))?.maxHosts ?? 1;
    const [d] = await tx.query<{ id: string }>`
      INSERT INTO agent_downloads (tenant_id, os, created_by, expires_at, enrolment_expires_at, max_enrolments)
      VALUES (${tenantId}, ${p.os}::agent_os, ${caller.uid}, ${expiresAt}, ${enrolmentExpiresAt}, ${maxEnrolments})
      RETURNING id`;
    const downloadId = (d as { id: string }).id;
    const url = `${services.publicUrl}/download/${sealDownloadLink(services.agents.keys, { tenantId, downloadId, expiresAt })}`;
    await audit({ action: "agent.download.created", target: `download:${downloadId}`, payload: { os: p.os, expiresAt, maxEnrolments } });
    return {
      downloadId,
      os: p.os,
      url,
      expiresAt: expiresAt.toISOString(),
      enrolmentExpiresAt: enrolmentExpiresAt.toISOString(),
      maxEnrolments,
      installCommand:
        p.os === "linux-x64"
          ? `curl -fsSL '${url}' | tar xz && sudo ./skyport-agent/install.sh`
          : `Invoke-WebRequest '${url}' -OutFile skyport-agent.zip; Expand-Archive skyport-agent.zip .; .\\skyport-agent\\install.ps1`,
    };
  },
});
