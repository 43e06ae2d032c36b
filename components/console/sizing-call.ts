import { describeCloudAccess, describeSizingRecommendations } from "@/lib/actions";
import type { ParamsOf } from "@/lib/gateway";
import { type ConsoleIdentity, callAction } from "@/lib/runtime/call-action";
import type { SizingProvider } from "./sizing-regions";

/**
 * Sizing through the buyer's verified cloud role, asked for only when there is
 * one: without it the console shows the step still to take, and no refused
 * call lands among the gateway's errors in /ops and /admin. The action still
 * refuses on its own (the role may be revoked in between).
 */
export async function sizingIfVerified(
  who: ConsoleIdentity,
  provider: SizingProvider,
  params: ParamsOf<typeof describeSizingRecommendations>,
) {
  const cloud = await callAction(who, describeCloudAccess, {});
  if (cloud.ok && !cloud.data.access.some((a) => a.provider === provider && a.roleArn && a.status === "verified"))
    return "needsRole" as const;
  return callAction(who, describeSizingRecommendations, params);
}
