import { handleStripeWebhook } from "@/lib/marketplace";
import { stripeWebhookDeps } from "@/lib/runtime/direct-sales";

const maxBodyBytes = 1024 * 1024;
const refuse = (status: 400 | 404 | 503, outcome: string) => Response.json({ received: false, outcome }, { status });

/** Stripe's events for direct sales (usage-and-billing.md §2): the raw bytes go to the verifier untouched. */
export async function POST(request: Request) {
  const deps = stripeWebhookDeps();
  if (!deps) return refuse(404, "not_configured");
  if (Number(request.headers.get("content-length") ?? 0) > maxBodyBytes) return refuse(400, "too_large");
  let raw: Buffer;
  try {
    raw = Buffer.from(await request.arrayBuffer());
  } catch {
    return refuse(400, "unreadable_body"); // the sender gave up mid-body
  }
  if (raw.length > maxBodyBytes) return refuse(400, "too_large");
  try {
    const out = await handleStripeWebhook(deps, raw, request.headers.get("stripe-signature"));
    return Response.json(out.body, { status: out.status });
  } catch (err) {
    // the database is unreachable or the write failed: nothing was committed, Stripe retries
    deps.warn?.({ err: String(err) }, "stripe webhook: not applied");
    return refuse(503, "retry_later");
  }
}
