import { createHash } from "node:crypto";

/** `md5("role=<role>&key=<secret>")`: the token of Alibaba's cross-account authorization link (spec §3). */
export const authorizationToken = (role: string, secret: string) =>
  createHash("md5").update(`role=${role}&key=${secret}`, "utf8").digest("hex");
