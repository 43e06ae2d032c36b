import { handleStripeWebhook } from "@/lib/marketplace";
import { stripeWebhookDeps } from "@/lib/runtime/direct-sales";

const maxBodyBytes = 1024 * 1024;

/** Stripe's events for direct sales (usage-and-billing.md §2): the raw bytes go to the verifier untouched. */
export async function POST(request: Request) {
  const deps = stripeWebhookDeps();
  if (!deps) return Response.json({ received: false, outcome: "not_configured" }, { status: 404 });
  if (Number(request.headers.get("content-length") ?? 0) > maxBodyBytes)
    return Response.json({ received: false, outcome: "too_large" }, { status: 400 });
  const raw = Buffer.from(await request.arrayBuffer());
  if (raw.length > maxBodyBytes) return Response.json({ received: false, outcome: "too_large" }, { status: 400 });
  try {
    const out = await handleStripeWebhook(deps, raw, request.headers.get("stripe-signature"));
    return Response.json(out.body, { status: out.status });
  } catch (err) {
    // the database is unreachable or the write failed: nothing was committed, Stripe retries
    deps.warn?.({ err: String(err) }, "stripe webhook: not applied");
    return Response.json({ received: false, outcome: "retry_later" }, { status: 503 });
  }
}
