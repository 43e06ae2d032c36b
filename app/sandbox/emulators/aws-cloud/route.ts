import { notFound } from "next/navigation";
import { runtime } from "@/lib/runtime";
import { awsCloudEmulator, signedRequestOf } from "@/lib/sandbox";

/** A buyer's AWS account, emulated (sandbox only): STS AssumeRole and EC2 reads, Query protocol over SigV4. */
export async function POST(request: Request) {
  const { config } = runtime();
  if (config.SANDBOX !== "on") notFound();
  const out = await awsCloudEmulator(config).handle(await signedRequestOf(request));
  return new Response(out.body, { status: out.status, headers: { "content-type": "text/xml" } });
}
