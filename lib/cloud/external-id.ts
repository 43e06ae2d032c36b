import { randomBytes } from "node:crypto";

/**
 * A fresh ExternalId: random, shown to the buyer, never reused. The caller
 * records it in cloud_external_ids, whose primary key refuses a repeat.
 */
export const newExternalId = () => `skyport-${randomBytes(12).toString("base64url")}`;
