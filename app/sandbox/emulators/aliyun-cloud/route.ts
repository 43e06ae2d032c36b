import { notFound } from "next/navigation";
import { runtime } from "@/lib/runtime";
import { aliyunCloudEmulator } from "@/lib/sandbox";

/** A buyer's Alibaba Cloud account, emulated (sandbox only): STS AssumeRole and ECS reads. */
export async function GET(request: Request) {
  const { config } = runtime();
  if (config.SANDBOX !== "on") notFound();
  const out = aliyunCloudEmulator(config).handle("GET", new URL(request.url).search.slice(1));
  return Response.json(out.body, { status: out.status });
}
