import { z } from "zod";
import { findAccess, setRole } from "../cloud";
import { invalid, managers } from "../gateway";
import { provider } from "./own-cloud";
import { defineAction } from "./services";

export const unbindCloudRole = defineAction({
  name: "UnbindCloudRole",
  params: z.strictObject({ provider }),
  roles: managers,
  mutates: true,
  async handler({ tx, tenantId, audit }, p) {
    const bound = (await findAccess(tx, tenantId)).some((a) => a.provider === p.provider && a.roleArn);
    if (!bound) throw invalid(`no ${p.provider} role is bound`, { key: "cloud.noRole" });
    await setRole(tx, tenantId, p.provider, null);
    await audit({ action: "cloud.role.unbound", target: `cloud:${p.provider}`, payload: {} });
    return { provider: p.provider, status: "pending" as const };
  },
});
