import { createHash } from "node:crypto";
import { z } from "zod";

const text = (max: number) => z.string().max(max);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** A host's inventory (agent-channel.md §4, heartbeat); fields the spec does not name are dropped. */
export const inventorySchema = z.object({
  hostname: text(255).min(1),
  os: z
    .object({ name: text(128), version: text(64), kernel: text(128) })
    .partial()
    .optional(),
  cpu: z
    .object({ model: text(256), cores: z.number().int().min(1).max(4096) })
    .partial()
    .optional(),
  memoryBytes: count.optional(),
  disks: z
    .array(z.object({ mount: text(512), sizeBytes: count, usedBytes: count }))
    .max(256)
    .optional(),
  interfaces: z
    .array(z.object({ name: text(64), addresses: z.array(text(64)).max(64) }))
    .max(256)
    .optional(),
  uptimeSeconds: count.optional(),
});

export type Inventory = z.output<typeof inventorySchema>;

/** A digest independent of key order: an inventory sent again unchanged is not written again. */
export function inventoryHash(inventory: Inventory): string {
  return createHash("sha256").update(canonical(inventory)).digest("base64url");
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}
