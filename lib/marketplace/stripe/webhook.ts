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
  const invoiceId = event.type.startsWith("invoice.") ? (event.data.object as { id?: unknown }).id : undefined;
  const readAt = deps.now();
  let current: Stripe.Subscription | null;
  let invoice: Stripe.Invoice | null;
  try {
    [current, invoice] = await Promise.all([
      subscriptionId ? readOrNull(() => deps.stripe.subscriptions.retrieve(subscriptionId)) : null,
      typeof invoiceId === "string" ? readOrNull(() => deps.stripe.invoices.retrieve(invoiceId)) : null,
    ]);
  } catch (err) {
    deps.warn?.(
      { eventId: event.id, err: String(err) },
      "stripe webhook: could not read the event's objects from Stripe; Stripe will retry",
    );
    return answer(503, "stripe_unavailable");
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
    if (outcome === "applied" && current && state && tenantId) {
      await converge(tx, tenantId, current, state, readAt, deps.now());
      if (invoice) await keepInvoice(tx, tenantId, current.id, invoice, readAt);
    }
    await tx.stripeEvent.update({ where: { id: event.id }, data: { processedAt: deps.now(), outcome, tenantId: tenantId ?? null } });
  });
  return answer(200, outcome);
}

/** What Stripe holds now; null when it holds nothing by that id (404). */
async function readOrNull<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof Stripe.errors.StripeInvalidRequestError && err.statusCode === 404) return null;
    throw err;
  }
}

/**
 * An invoice as Stripe holds it now (read at `readAt`), unless a later read is
 * already written: a `payment_failed` delivered after the `paid` of the same
 * invoice leaves it paid. Paid invoices are direct sales' revenue.
 */
async function keepInvoice(tx: Tx, tenantId: string, subscriptionId: string, invoice: Stripe.Invoice, readAt: Date) {
  const paidAt = invoice.status === "paid" ? (invoice.status_transitions?.paid_at ?? invoice.created) : null;
  await tx.$executeRaw`
    INSERT INTO stripe_invoices (tenant_id, invoice_id, subscription_id, status, currency, amount_due, amount_paid, paid_at, synced_at)
    VALUES (${tenantId}::uuid, ${invoice.id}, ${subscriptionId}, ${invoice.status ?? "draft"},
            ${invoice.currency}, ${invoice.amount_due}, ${invoice.amount_paid}, ${paidAt === null ? null : new Date(paidAt * 1000)}, ${readAt})
    ON CONFLICT (tenant_id, invoice_id) DO UPDATE
      SET status = EXCLUDED.status, amount_due = EXCLUDED.amount_due, amount_paid = EXCLUDED.amount_paid,
          paid_at = EXCLUDED.paid_at, synced_at = EXCLUDED.synced_at
      WHERE stripe_invoices.synced_at <= EXCLUDED.synced_at`;
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
