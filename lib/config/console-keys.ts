import { z } from "zod";

export const channels = ["aliyun", "aws", "direct"] as const;
export type ChannelName = (typeof channels)[number];

export type ConsoleKey = { keyId: string; channel: ChannelName; secret: string };

const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

/** Parses `keyId:channel:secret,...`; several keys per channel allowed (rotation). */
export const consoleKeysSchema = z.string().transform((raw, ctx): ConsoleKey[] => {
  const keys: ConsoleKey[] = [];
  for (const entry of raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [keyId = "", channel = "", ...rest] = entry.split(":");
    const secret = rest.join(":");
    const where = `entry ${keys.length + 1}`;
    if (!keyIdPattern.test(keyId)) ctx.addIssue({ code: "custom", message: `${where}: keyId must match ${keyIdPattern}` });
    else if (!channels.includes(channel as ChannelName))
      ctx.addIssue({ code: "custom", message: `${where} (${keyId}): channel must be one of ${channels.join("|")}` });
    else if (secret.length < 16) ctx.addIssue({ code: "custom", message: `${where} (${keyId}): secret must be at least 16 characters` });
    else if (keys.some((k) => k.keyId === keyId)) ctx.addIssue({ code: "custom", message: `${where}: keyId ${keyId} repeated` });
    else keys.push({ keyId, channel: channel as ChannelName, secret });
  }
  if (keys.length === 0) ctx.addIssue({ code: "custom", message: "at least one key keyId:channel:secret" });
  return keys;
});
