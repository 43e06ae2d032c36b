import { notFound } from "next/navigation";
import { runtime } from "@/lib/runtime";
import { awsCloudEmulator, signedRequestOf } from "@/lib/sandbox";

/** A buyer's AWS account, emulated (sandbox only): STS AssumeRole and EC2 reads, Query protocol over SigV4. */
export async function POST(request: Request) {
  const { config } = runtime();
  if (config.SANDBOX !== "on") notFound();
  const out = await awsCloudEmulator(config).handle(await signedRequestOf(request));
  // the Query protocol answers XML; the Price List API, JSON
  const type = out.body.startsWith("{") ? "application/x-amz-json-1.1" : "text/xml";
  return new Response(out.body, { status: out.status, headers: { "content-type": type } });
}
