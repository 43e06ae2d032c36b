import { z } from "zod";
import { anyRole } from "../gateway";
import { defineAction } from "./services";

export const describeCaller = defineAction({
  name: "DescribeCaller",
  params: z.strictObject({}),
  roles: anyRole,
  mutates: false,
  async handler({ caller, tenantId }) {
    return {
      uid: caller.uid,
      parentUid: caller.parentUid,
      accountType: caller.accountType,
      channel: caller.channel,
      role: caller.role,
      name: caller.name ?? null,
      tenantId,
    };
  },
});
