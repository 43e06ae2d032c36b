import { z } from "zod";
import { invalid, managers } from "../gateway";
import { defineAction } from "./services";

/** The download's link and its package's enrolment token stop working at once; enrolled agents keep running. */
export const revokeAgentDownload = defineAction({
  name: "RevokeAgentDownload",
  params: z.strictObject({ downloadId: z.uuid() }),
  roles: managers,
  mutates: true,
  async handler({ tx, tenantId, audit }, p) {
    const [d] = await tx.query<{ id: string }>`
      UPDATE agent_downloads SET revoked_at = COALESCE(revoked_at, now())
      WHERE tenant_id = ${tenantId} AND id = ${p.downloadId} RETURNING id`;
    if (!d) throw invalid("downloadId: no such download", { key: "agents.noSuchDownload" });
    await audit({ action: "agent.download.revoked", target: `download:${p.downloadId}`, payload: {} });
    return { downloadId: p.downloadId, revoked: true as const };
  },
});
