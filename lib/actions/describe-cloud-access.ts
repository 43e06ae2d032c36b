import { z } from "zod";
import { findAccess } from "../cloud";
import { anyRole } from "../gateway";
import { defineAction } from "./services";

export const describeCloudAccess = defineAction({
  name: "DescribeCloudAccess",
  params: z.strictObject({}),
  roles: anyRole,
  mutates: false,
  async handler({ tx, tenantId }) {
    const rows = await findAccess(tx, tenantId);
    return { access: rows.map((a) => ({ ...a, verifiedAt: a.verifiedAt?.toISOString() ?? null })) };
  },
});
