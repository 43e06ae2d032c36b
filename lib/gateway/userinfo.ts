import { z } from "zod";
import { channels } from "../config";
import { decodeJsonObject } from "./base64url-json";
import { invalid } from "./errors";

const uid = z.string().min(1).max(64);

/** The spec's userinfo; unknown keys are ignored. */
const userinfoSchema = z
  .object({
    uid,
    parentUid: uid,
    accountType: z.enum(["main", "sub"]),
    marketplace: z.enum(channels),
    name: z.string().max(128).optional(),
    locale: z.string().max(35).optional(),
  })
  .refine((u) => (u.accountType === "main") === (u.uid === u.parentUid), {
    message: 'accountType must be "main" exactly when uid equals parentUid',
  });

export type Userinfo = z.output<typeof userinfoSchema>;

export function decodeUserinfo(encoded: string): Userinfo {
  const result = userinfoSchema.safeParse(decodeJsonObject("userinfo", encoded));
  if (!result.success) throw invalid(`userinfo: ${describeIssues(result.error)}`);
  return result.data;
}

/** Field paths and reasons, never the values the caller sent. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}
