import { notFound } from "next/navigation";
import { runtime } from "@/lib/runtime";
import { stripeEmulator } from "@/lib/sandbox";

/**
 * The Stripe emulator (sandbox only): the API the `stripe` SDK calls
 * (STRIPE_API_BASE defaults here) and the pages Stripe hosts (Checkout, the
 * portal, invoices) that the buyer's browser opens.
 */
async function serve(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { config, endpoints } = runtime();
  if (config.SANDBOX !== "on") notFound();
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const path = `/${(await params).path.map(encodeURIComponent).join("/")}`;
  const out = await stripeEmulator(config, endpoints).handle({
    method: request.method,
    path,
    query: url.search.slice(1),
    headers,
    body: request.method === "GET" ? "" : await request.text(),
  });
  const type = typeof out.body === "string" ? "text/html; charset=utf-8" : "application/json";
  return new Response(typeof out.body === "string" ? out.body : JSON.stringify(out.body), {
    status: out.status,
    headers: { "content-type": type, ...out.headers },
  });
}

export const GET = serve;
export const POST = serve;
export const DELETE = serve;
