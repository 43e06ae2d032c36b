import { notFound } from "next/navigation";
import { runtime } from "@/lib/runtime";
import { awsCloudEmulator } from "@/lib/sandbox";

/** A buyer's AWS account, emulated (sandbox only): STS AssumeRole and EC2 reads, Query protocol over SigV4. */
export async function POST(request: Request) {
  const { config } = runtime();
  if (config.SANDBOX !== "on") notFound();
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((v, k) => {
    headers[k] = v;
  });
  const out = awsCloudEmulator(config).handle({
    method: "POST",
    path: url.pathname,
    query: url.search.slice(1),
    headers,
    body: await request.text(),
  });
  return new Response(out.body, { status: out.status, headers: { "content-type": "text/xml" } });
}
