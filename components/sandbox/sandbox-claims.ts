import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { z } from "zod";
import { seal, unseal } from "@/lib/auth";
import { runtime } from "@/lib/runtime";

const cookieName = "skyport_sandbox";
const purpose = "sandbox";
const ttlSeconds = 30 * 86400;
const id = z.string().min(1).max(64);
const claimsSchema = z.object({ browser: id, instances: z.array(id).max(50), accounts: z.array(id).max(50) });

export type SandboxClaims = z.output<typeof claimsSchema>;

/**
 * What this browser bought in the sandbox (Alibaba instances, AWS accounts),
 * signed so it cannot claim another's: their calls and launch links are shown
 * to it alone. `browser` keys its cloud-console calls.
 */
export async function sandboxClaims(): Promise<SandboxClaims> {
  const sealed = (await cookies()).get(cookieName)?.value;
  const claims = unseal(runtime().config.AUTH_SECRET, purpose, sealed, claimsSchema);
  return claims
    ? { browser: claims.browser, instances: claims.instances, accounts: claims.accounts }
    : { browser: randomUUID(), instances: [], accounts: [] };
}

/** Records purchases for this browser (from a server action); keeps the newest 50 of each. */
export async function claim(add: { instances?: string; accounts?: string }) {
  const claims = await sandboxClaims();
  for (const kind of ["instances", "accounts"] as const) {
    const value = add[kind];
    if (value && !claims[kind].includes(value)) claims[kind] = [value, ...claims[kind]].slice(0, 50);
  }
  const sealed = seal(runtime().config.AUTH_SECRET, purpose, claims, Math.floor(Date.now() / 1000) + ttlSeconds);
  (await cookies()).set(cookieName, sealed, { httpOnly: true, sameSite: "lax", path: "/sandbox", maxAge: ttlSeconds });
  return claims;
}
