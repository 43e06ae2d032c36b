import { headers } from "next/headers";
import type { NextResponse } from "next/server";
import { z } from "zod";
import { seal, unseal } from "@/lib/auth";
import { type ErrorCode, errorStatus } from "@/lib/gateway";
import { runtime } from "@/lib/runtime";
import { flashCookie, flashHeader, flashPath } from "./flash-cookie";

const ttlSeconds = 60;
const purpose = "flash";

const flashSchema = z.union([
  z.object({ done: z.enum(["cloudAuthorized"]) }),
  z.object({
    failed: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
    reason: z
      .object({ key: z.string().regex(/^[\w.]{1,80}$/), args: z.record(z.string(), z.union([z.string(), z.number()])).optional() })
      .optional(),
    traceId: z.string().regex(/^[\w-]{8,64}$/),
  }),
]);

/** What a route handler did, as codes the page translates: never text a URL could carry. */
export type Flash = z.output<typeof flashSchema>;

/** Leaves the outcome for the page this response redirects to. */
export function setFlash(response: NextResponse, flash: Flash) {
  const value = seal(runtime().config.AUTH_SECRET, purpose, flash, Math.floor(Date.now() / 1000) + ttlSeconds);
  response.cookies.set(flashCookie, value, { httpOnly: true, sameSite: "lax", path: flashPath, maxAge: ttlSeconds });
  return response;
}

/** The outcome left for this render, if any (proxy.ts hands it over once). */
export async function readFlash(): Promise<Flash | null> {
  const flash = unseal(runtime().config.AUTH_SECRET, purpose, (await headers()).get(flashHeader) ?? undefined, flashSchema);
  if (!flash) return null;
  const { exp: _exp, ...outcome } = flash;
  return outcome as Flash;
}
