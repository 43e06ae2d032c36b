import { notFound } from "next/navigation";
import { runtime } from "@/lib/runtime";
import { awsEmulator, signedRequestOf } from "@/lib/sandbox";

/** The AWS Marketplace emulator (sandbox only): ResolveCustomer and GetEntitlements over SigV4. */
export async function POST(request: Request) {
  const { config } = runtime();
  if (config.SANDBOX !== "on") notFound();
  const emulator = awsEmulator(config.AWS_MARKETPLACE_ACCESS_KEY_ID, config.AWS_MARKETPLACE_SECRET_ACCESS_KEY, config.AWS_REGION);
  // the SDK signed the path it sent: the emulator's own route, not "/"
  const out = await emulator.handle(await signedRequestOf(request));
  return Response.json(out.body, { status: out.status, headers: { "content-type": "application/x-amz-json-1.1" } });
}
