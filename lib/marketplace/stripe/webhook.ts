import Stripe from "stripe";
import type { StripeApi } from "../../billing";
import { type Prisma, type PrismaClient, platformTransaction } from "../../db";
import { refreshTenantStatus } from "../tenant-state";
import { type DirectSubscriptionState, directSubscriptionState, subscriptionIdOf } from "./subscription-state";

type Tx = Prisma.TransactionClient;

export type StripeWebhookDeps = {
  stripe: StripeApi;
  /** every secret in STRIPE_WEBHOOK_SECRET: a signature made with any of them is accepted */
  secrets: readonly string[];
  platformDb: PrismaClient;
  now: () => Date;
  warn?: (fields: object, message: string) => void;
};
export type StripeWebhookAnswer = { status: 200 | 400 | 503; body: { received: boolean; outcome: string } };

/** Stripe's signature tolerance (seconds), as the spec sets it. */
export const signatureToleranceSeconds = 300;

export const handledEventTypes: ReadonlySet<string> = new Set([
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
]);

const answer = (status: StripeWebhookAnswer["status"], outcome: string): StripeWebhookAnswer => ({
  status,
  body: { received: status === 200, outcome },
});

/**
 * POST /api/webhooks/stripe (usage-and-billing.md §2). The raw body is
 * verified with the SDK against every configured secret; an event is stored
 * by its id and applied once; applying it converges the subscription to what
 * Stripe says now (read again, holding no connection), so duplicates and
 * events out of order change nothing; 200 only once that is committed.
 */
export async function handleStripeWebhook(
  deps: StripeWebhookDeps,
  rawBody: Buffer | string,
  signature: string | null | undefined,
): Promise<StripeWebhookAnswer> {
  const event = verifiedEvent(deps.secrets, rawBody, signature);
  if (!event) return answer(400, "invalid_signature");
  if (!handledEventTypes.has(event.type)) return answer(200, "ignored_type");

  const seen = await deps.platformDb.stripeEvent.findUnique({ where: { id: event.id }, select: { processedAt: true } });
  if (seen?.processedAt) return answer(200, "duplicate");

  const subscriptionId = subscriptionIdOf(event);
  let current: Stripe.Subscription | null = null;
  const readAt = deps.now();
  if (subscriptionId) {
    try {
      current = await deps.stripe.subscriptions.retrieve(subscriptionId);
    } catch (err) {
      if (!(err instanceof Stripe.errors.StripeInvalidRequestError && err.statusCode === 404)) {
        deps.warn?.(
          { eventId: event.id, err: String(err) },
          "stripe webhook: could not read the subscription from Stripe; Stripe will retry",
        );
        return answer(503, "stripe_unavailable");
      }
    }
  }
  const state = current && directSubscriptionState(current);
  const tenantId = current && state ? await tenantOf(deps.platformDb, current) : undefined;
  const outcome = !subscriptionId
    ? "no_subscription"
    : !current
      ? "subscription_not_found"
      : !state
        ? "unknown_price"
        : !tenantId
          ? "unknown_tenant"
          : "applied";
  if (outcome !== "applied")
    deps.warn?.({ eventId: event.id, type: event.type, subscriptionId, outcome }, "stripe webhook: event not applied");

  await platformTransaction(deps.platformDb, async (tx) => {
    await tx.$executeRaw`
      INSERT INTO stripe_events (id, type, subscription_id) VALUES (${event.id}, ${event.type}, ${subscriptionId ?? null})
      ON CONFLICT (id) DO NOTHING`;
    const [row] = await tx.$queryRaw<
      { processed_at: Date | null }[]
    >`SELECT processed_at FROM stripe_events WHERE id = ${event.id} FOR UPDATE`;
    if (row?.processed_at) return; // a concurrent delivery of the same event applied it
    if (outcome === "applied" && current && state && tenantId) await converge(tx, tenantId, current, state, readAt, deps.now());
    await tx.stripeEvent.update({ where: { id: event.id }, data: { processedAt: deps.now(), outcome, tenantId: tenantId ?? null } });
  });
  return answer(200, outcome);
}

/** The event, if `signature` was made over exactly these bytes with one of the secrets, within the tolerance. */
function verifiedEvent(
  secrets: readonly string[],
  rawBody: Buffer | string,
  signature: string | null | undefined,
): Stripe.Event | undefined {
  if (!signature || signature.length > 4096) return undefined;
  for (const secret of secrets) {
    try {
      const event = Stripe.webhooks.constructEvent(rawBody, signature, secret, signatureToleranceSeconds);
      // signed by Stripe, yet not an event: refuse it rather than fail on it
      if (typeof event?.id !== "string" || typeof event.type !== "string" || typeof event.data?.object !== "object") return undefined;
      return event;
    } catch {
      // another secret may have signed it
    }
  }
  return undefined;
}

/**
 * The direct tenant a subscription belongs to: the tenant id Checkout put in
 * its metadata, else the tenant that already holds it or its customer.
 */
async function tenantOf(platformDb: PrismaClient, sub: Stripe.Subscription): Promise<string | undefined> {
  const customer = typeof sub.customer === "string" ? sub.customer : sub.customer.id;
  const claimed = sub.metadata?.tenant_id;
  if (claimed && /^[0-9a-f-]{36}$/i.test(claimed)) {
    const tenant = await platformDb.tenant.findFirst({ where: { id: claimed, channel: "direct" }, select: { id: true } });
    if (tenant) return tenant.id;
  }
  const held = await platformDb.subscription.findFirst({
    where: { OR: [{ instanceId: sub.id }, { customerRef: customer }], tenant: { channel: "direct" } },
    select: { tenantId: true },
  });
  return held?.tenantId;
}

/** Writes Stripe's state (read at `readAt`) unless a later read is already written; the tenant's status follows. */
async function converge(tx: Tx, tenantId: string, sub: Stripe.Subscription, state: DirectSubscriptionState, readAt: Date, now: Date) {
  const customer = typeof sub.customer === "string" ? sub.customer : sub.customer.id;
  const [kept] = await tx.$queryRaw<{ synced_at: Date }[]>`
    SELECT synced_at FROM stripe_subscriptions WHERE tenant_id = ${tenantId}::uuid AND subscription_id = ${sub.id} FOR UPDATE`;
  if (kept && kept.synced_at > readAt) return; // an event handled after this one read Stripe later
  const stripeState = {
    customerId: customer,
    status: sub.status,
    price: state.price,
    plan: state.plan.id,
    currentPeriodEnd: state.currentPeriodEnd,
    trialEnd: state.trialEnd,
    cancelAtPeriodEnd: sub.cancel_at_period_end,
    syncedAt: readAt,
  };
  await tx.stripeSubscription.upsert({
    where: { tenantId_subscriptionId: { tenantId, subscriptionId: sub.id } },
    create: { tenantId, subscriptionId: sub.id, ...stripeState },
    update: stripeState,
  });
  const before = await tx.subscription.findUnique({
    where: { tenantId_instanceId: { tenantId, instanceId: sub.id } },
    select: { plan: true, status: true, trial: true },
  });
  const entitlement = {
    plan: state.plan.id,
    sku: state.price,
    trial: state.trial,
    status: state.status,
    startsAt: state.startsAt,
    expiresAt: state.expiresAt,
    customerRef: customer,
  };
  await tx.subscription.upsert({
    where: { tenantId_instanceId: { tenantId, instanceId: sub.id } },
    create: { tenantId, instanceId: sub.id, ...entitlement },
    update: entitlement,
  });
  if (!before || before.plan !== state.plan.id || before.status !== state.status || before.trial !== state.trial)
    await tx.auditEvent.create({
      data: {
        tenantId,
        actorUid: "stripe",
        action: "billing.subscription.changed",
        target: `subscription:${sub.id}`,
        payload: { plan: state.plan.id, status: state.status, stripeStatus: sub.status, trial: state.trial },
      },
    });
  await refreshTenantStatus(tx, tenantId, now);
}
