import { z } from "zod";
import type { SealKey } from "../config";
import { open, seal } from "./seal";

const uuid = z.uuid();

/** What an enrolment token names (agent-channel.md §2). */
export type EnrolmentGrant = { tenantId: string; downloadId: string; expiresAt: Date; maxEnrolments: number };

const enrolmentPayload = z.strictObject({
  v: z.literal(1),
  t: uuid,
  d: uuid,
  e: z.number().int().positive(),
  m: z.number().int().positive(),
});

export function sealEnrolmentToken(keys: readonly SealKey[], g: EnrolmentGrant): string {
  return seal(keys, "enrolment", { v: 1, t: g.tenantId, d: g.downloadId, e: Math.floor(g.expiresAt.getTime() / 1000), m: g.maxEnrolments });
}

/** The grant, or undefined for a token that is not one of ours (InvalidToken); expiry is the caller's to check. */
export function openEnrolmentToken(keys: readonly SealKey[], token: string): EnrolmentGrant | undefined {
  const p = enrolmentPayload.safeParse(open(keys, "enrolment", token));
  return p.success
    ? { tenantId: p.data.t, downloadId: p.data.d, expiresAt: new Date(p.data.e * 1000), maxEnrolments: p.data.m }
    : undefined;
}

/** What a download link names: one download of one tenant, until it expires. */
export type DownloadLink = { tenantId: string; downloadId: string; expiresAt: Date };

const linkPayload = z.strictObject({ v: z.literal(1), t: uuid, d: uuid, e: z.number().int().positive() });

export function sealDownloadLink(keys: readonly SealKey[], l: DownloadLink): string {
  return seal(keys, "download", { v: 1, t: l.tenantId, d: l.downloadId, e: Math.floor(l.expiresAt.getTime() / 1000) });
}

export function openDownloadLink(keys: readonly SealKey[], token: string): DownloadLink | undefined {
  const p = linkPayload.safeParse(open(keys, "download", token));
  return p.success ? { tenantId: p.data.t, downloadId: p.data.d, expiresAt: new Date(p.data.e * 1000) } : undefined;
}
