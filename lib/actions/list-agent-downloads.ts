import { z } from "zod";
import { managers } from "../gateway";
import { defineAction } from "./services";

type Row = {
  downloadId: string;
  os: string;
  createdAt: Date;
  expiresAt: Date;
  enrolmentExpiresAt: Date;
  enrolments: number;
  maxEnrolments: number;
  revoked: boolean;
};

/** The tenant's downloads, newest first: never their links (those were shown once, at creation). */
export const listAgentDownloads = defineAction({
  name: "ListAgentDownloads",
  params: z.strictObject({}),
  roles: managers,
  mutates: false,
  async handler({ tx, tenantId }) {
    const rows = await tx.query<Row>`
      SELECT id AS "downloadId", os::text, created_at AS "createdAt", expires_at AS "expiresAt",
             enrolment_expires_at AS "enrolmentExpiresAt", enrolments, max_enrolments AS "maxEnrolments",
             revoked_at IS NOT NULL AS revoked
      FROM agent_downloads WHERE tenant_id = ${tenantId} ORDER BY created_at DESC LIMIT 100`;
    return {
      downloads: rows.map((d) => ({
        ...d,
        createdAt: d.createdAt.toISOString(),
        expiresAt: d.expiresAt.toISOString(),
        enrolmentExpiresAt: d.enrolmentExpiresAt.toISOString(),
      })),
    };
  },
});
