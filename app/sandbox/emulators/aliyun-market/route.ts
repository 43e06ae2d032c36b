import { notFound } from "next/navigation";
import { runtime } from "@/lib/runtime";
import { marketEmulator } from "@/lib/sandbox";

/** The Alibaba Cloud Market OpenAPI emulator (sandbox only): what the reconcile job talks to. */
async function serve(request: Request) {
  const { config } = runtime();
  if (config.SANDBOX !== "on") notFound();
  const emulator = marketEmulator(config.ALIYUN_ACCESS_KEY_ID, config.ALIYUN_ACCESS_KEY_SECRET);
  const url = new URL(request.url);
  const out = emulator.handle(request.method, url.search.slice(1), request.method === "POST" ? await request.text() : "");
  return Response.json(out.body, { status: out.status });
}

export const GET = serve;
export const POST = serve;
