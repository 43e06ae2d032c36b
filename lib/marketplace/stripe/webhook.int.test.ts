import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serveEmulator } from "../../../test/serve-emulator";
import { createStripeClient, plans, type StripeApi } from "../../billing";
import { createDatabase, type Database } from "../../db";
import { createStripeEmulator, type StripeEvent } from "../../sandbox/emulators/stripe";
import { handleStripeWebhook, type StripeWebhookDeps } from "../index";

const secretKey = "sk_test_webhook_0123456789";
const oldSecret = "whsec_test_skyport_0123456789";
const newSecret = "whsec_test_skyport_rotated_0123";
const emulator = createStripeEmulator({ secretKey, publicBase: "http://stripe.test" });
let server: Awaited<ReturnType<typeof serveEmulator>>;
let db: Database;
let stripe: StripeApi;
let deps: StripeWebhookDeps;

beforeAll(async () => {
  server = await serveEmulator((req) => emulator.handle(req));
  stripe = createStripeClient({ secretKey, apiBase: server.endpoint });
  db = createDatabase(inject("dbUrls"), 4);
  deps = { stripe, secrets: [oldSecret], platformDb: db.platformDb, now: () => new Date() };
});
afterAll(async () => {
  await server.close();
  await db.close();
});

/** A direct buyer's tenant as sign-up leaves it: an owner, no subscription yet. */
async function directTenant() {
  const externalId = randomUUID();
  const tenant = await db.platformDb.tenant.create({
    data: { channel: "direct", externalId, displayName: `Direct ${externalId.slice(0, 8)}`, status: "frozen" },
  });
  await db.platformDb.membership.create({ data: { tenantId: tenant.id, uid: externalId, role: "owner" } });
  return tenant.id;
}

/** Checkout paid through the emulator: the events Stripe would send, not sent yet. */
async function paidCheckout(tenantId: string, plan = plans.basic) {
  const price = (await stripe.prices.list({ lookup_keys: [plan.stripePrice] })).data[0];
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    line_items: [{ price: price?.id as string, quantity: 1 }],
    customer_email: "buyer@example.com",
    client_reference_id: tenantId,
    success_url: "http://skyport.test/console/billing",
    subscription_data: { trial_period_days: plan.trialDays || undefined, metadata: { tenant_id: tenantId } },
  } as Parameters<StripeApi["checkout"]["sessions"]["create"]>[0]);
  const done = emulator.completeCheckout(session.id);
  if (!done) throw new Error("checkout did not complete");
  const subscriptionId = (await stripe.checkout.sessions.retrieve(session.id)).subscription as string;
  return { events: done.events, subscriptionId };
}

const byType = (events: readonly StripeEvent[], type: string) => events.find((e) => e.type === type) as StripeEvent;
const payloadOf = (event: StripeEvent) => JSON.stringify(event, null, 2);
const post = (event: StripeEvent, secret = oldSecret, d = deps) => {
  const payload = payloadOf(event);
  return handleStripeWebhook(d, payload, emulator.sign(payload, secret));
};

async function stateOf(tenantId: string, subscriptionId: string) {
  const [tenant, sub, stripeSub, audits] = await Promise.all([
    db.platformDb.tenant.findUniqueOrThrow({ where: { id: tenantId }, select: { status: true } }),
    db.platformDb.subscription.findUnique({ where: { tenantId_instanceId: { tenantId, instanceId: subscriptionId } } }),
    db.platformDb.stripeSubscription.findUnique({ where: { tenantId_subscriptionId: { tenantId, subscriptionId } } }),
    db.platformDb.auditEvent.count({ where: { tenantId, action: "billing.subscription.changed" } }),
  ]);
  return { tenant: tenant.status, sub, stripeStatus: stripeSub?.status, audits };
}

describe("POST /api/webhooks/stripe", () => {
  it("applies a paid Checkout whatever the order (invoice.paid first), and each event once", async () => {
    const tenantId = await directTenant();
    const { events, subscriptionId } = await paidCheckout(tenantId);
    const order = ["invoice.paid", "checkout.session.completed", "customer.subscription.created"].map((t) => byType(events, t));
    const first = await post(order[0] as StripeEvent);
    expect(first).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
    // the first event of the three, whichever it is, already gives Stripe's current state
    const afterFirst = await stateOf(tenantId, subscriptionId);
    expect(afterFirst.tenant).toBe("active");
    expect(afterFirst.sub).toMatchObject({ plan: "basic", sku: plans.basic.stripePrice, status: "active", trial: true });
    expect(afterFirst.sub?.customerRef).toMatch(/^cus_/);
    for (const e of order.slice(1)) expect((await post(e)).status).toBe(200);
    // duplicates, sequential and concurrent
    for (const e of order) expect(await post(e)).toEqual({ status: 200, body: { received: true, outcome: "duplicate" } });
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => post(order[2] as StripeEvent)));
    expect(concurrent.every((r) => r.status === 200)).toBe(true);

    const after = await stateOf(tenantId, subscriptionId);
    expect(after).toMatchObject({ tenant: "active", stripeStatus: "trialing", audits: 1 });
    expect(await db.platformDb.stripeEvent.count({ where: { id: { in: order.map((e) => e.id) }, outcome: "applied" } })).toBe(3);
  });

  it("ends cancelled when an older update arrives after the deletion", async () => {
    const tenantId = await directTenant();
    const { events, subscriptionId } = await paidCheckout(tenantId, plans.enterprise);
    await post(byType(events, "customer.subscription.created"));
    expect((await stateOf(tenantId, subscriptionId)).sub).toMatchObject({ status: "active", trial: false, plan: "enterprise" });

    const pastDue = emulator.changeSubscription(subscriptionId, "past_due");
    const cancelled = emulator.changeSubscription(subscriptionId, "canceled");
    // Stripe delivers the deletion first, then the older past_due update and failed payment
    for (const e of [...cancelled, ...pastDue]) expect((await post(e)).status).toBe(200);
    const after = await stateOf(tenantId, subscriptionId);
    expect(after).toMatchObject({ tenant: "closed", stripeStatus: "canceled" });
    expect(after.sub?.status).toBe("cancelled");
  });

  it("never lets a delivery that read Stripe earlier overwrite one that read it later, though it commits last", async () => {
    const tenantId = await directTenant();
    const { events, subscriptionId } = await paidCheckout(tenantId, plans.enterprise);
    await post(byType(events, "customer.subscription.created"));

    // this delivery reads the subscription (past due), then stalls before its transaction
    const updated = byType(emulator.changeSubscription(subscriptionId, "past_due"), "customer.subscription.updated");
    let read!: () => void;
    let release!: () => void;
    const hasRead = new Promise<void>((r) => {
      read = r;
    });
    const released = new Promise<void>((r) => {
      release = r;
    });
    const stalling: StripeApi = Object.create(stripe, {
      subscriptions: {
        value: {
          retrieve: async (id: string) => {
            const sub = await stripe.subscriptions.retrieve(id);
            read();
            await released;
            return sub;
          },
        },
      },
    });
    const slow = post(updated, oldSecret, { ...deps, stripe: stalling });
    await hasRead;
    // meanwhile Stripe cancels it, and that delivery is applied in full
    for (const e of emulator.changeSubscription(subscriptionId, "canceled")) expect((await post(e)).status).toBe(200);
    release();
    expect(await slow).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
    const after = await stateOf(tenantId, subscriptionId);
    expect(after).toMatchObject({ tenant: "closed", stripeStatus: "canceled" });
    expect(after.sub?.status).toBe("cancelled");
  });

  it("keeps a past-due tenant active (Stripe retries the payment), and freezes it when unpaid", async () => {
    const tenantId = await directTenant();
    const { subscriptionId } = await paidCheckout(tenantId, plans.enterprise);
    for (const e of emulator.changeSubscription(subscriptionId, "past_due")) await post(e);
    expect(await stateOf(tenantId, subscriptionId)).toMatchObject({ tenant: "active", stripeStatus: "past_due" });
    for (const e of emulator.changeSubscription(subscriptionId, "unpaid")) await post(e);
    const unpaid = await stateOf(tenantId, subscriptionId);
    expect(unpaid).toMatchObject({ tenant: "frozen", stripeStatus: "unpaid" });
    expect(unpaid.sub?.status).toBe("expired");
    for (const e of emulator.changeSubscription(subscriptionId, "active")) await post(e);
    expect(await stateOf(tenantId, subscriptionId)).toMatchObject({ tenant: "active", stripeStatus: "active" });
  });

  it("keeps each invoice as Stripe holds it: paid at Checkout, failed then recovered, whatever the order", async () => {
    const tenantId = await directTenant();
    const { events, subscriptionId } = await paidCheckout(tenantId, plans.enterprise);
    await post(byType(events, "invoice.paid"));
    const invoices = () => db.platformDb.stripeInvoice.findMany({ where: { tenantId }, orderBy: { syncedAt: "asc" } });
    expect(await invoices()).toMatchObject([
      { subscriptionId, status: "paid", currency: "usd", amountPaid: BigInt(plans.enterprise.monthlyPriceCents) },
    ]);
    expect((await invoices())[0]?.paidAt).toBeInstanceOf(Date);

    // a renewal fails, then Stripe's retry pays the same invoice; the failure is delivered last
    const failed = byType(emulator.changeSubscription(subscriptionId, "past_due"), "invoice.payment_failed");
    const recovered = emulator.changeSubscription(subscriptionId, "active");
    for (const e of recovered) expect((await post(e)).status).toBe(200);
    expect(await post(failed)).toMatchObject({ status: 200 });
    const [first, renewal] = await invoices();
    expect(renewal).toMatchObject({
      invoiceId: failed.data.object.id,
      status: "paid",
      amountPaid: BigInt(plans.enterprise.monthlyPriceCents),
    });
    expect(first?.invoiceId).not.toBe(renewal?.invoiceId);
    expect(await invoices()).toHaveLength(2);
  });

  it("refuses a wrong secret, a re-serialized body, an old timestamp and no signature with 400, changing nothing", async () => {
    const tenantId = await directTenant();
    const { events, subscriptionId } = await paidCheckout(tenantId);
    const event = byType(events, "customer.subscription.created");
    const payload = payloadOf(event);
    const refused = { status: 400, body: { received: false, outcome: "invalid_signature" } };
    expect(await handleStripeWebhook(deps, payload, emulator.sign(payload, "whsec_someone_else_0123"))).toEqual(refused);
    // the same event, serialized again after signing (other whitespace): not the bytes signed
    expect(await handleStripeWebhook(deps, JSON.stringify(JSON.parse(payload)), emulator.sign(payload, oldSecret))).toEqual(refused);
    const old = Math.floor(Date.now() / 1000) - 301;
    expect(await handleStripeWebhook(deps, payload, emulator.sign(payload, oldSecret, old))).toEqual(refused);
    for (const header of [undefined, null, "", "t=1", "v1=abc", "x".repeat(10_000), "t=abc,v1=,v1=zz"])
      expect(await handleStripeWebhook(deps, payload, header)).toEqual(refused);
    // signed but not an event, or not JSON: refused, never a 500
    for (const body of ["not json", "[]", "null", '{"id":1}', "\u0000\uffff"])
      expect(await handleStripeWebhook(deps, body, emulator.sign(body, oldSecret))).toEqual(refused);
    expect(await stateOf(tenantId, subscriptionId)).toMatchObject({ tenant: "frozen", sub: null });
    expect(await db.platformDb.stripeEvent.count({ where: { id: event.id } })).toBe(0);
  });

  it("accepts either secret during a rotation", async () => {
    const rotating = { ...deps, secrets: [oldSecret, newSecret] };
    const tenantId = await directTenant();
    const { events, subscriptionId } = await paidCheckout(tenantId);
    expect((await post(byType(events, "invoice.paid"), newSecret, rotating)).status).toBe(200);
    expect((await post(byType(events, "checkout.session.completed"), oldSecret, rotating)).status).toBe(200);
    expect((await stateOf(tenantId, subscriptionId)).tenant).toBe("active");
    // after the rotation the old secret is gone
    const rotated = { ...deps, secrets: [newSecret] };
    expect((await post(byType(events, "customer.subscription.created"), oldSecret, rotated)).status).toBe(400);
  });

  it("answers 200 to types it ignores and to subscriptions of no tenant of ours; 503 when Stripe cannot be read", async () => {
    const tenantId = await directTenant();
    const { events } = await paidCheckout(tenantId);
    expect(await post(byType(events, "customer.created"))).toEqual({ status: 200, body: { received: true, outcome: "ignored_type" } });

    const stranger = await paidCheckout(randomUUID());
    expect((await post(byType(stranger.events, "invoice.paid"))).body.outcome).toBe("unknown_tenant");

    const unreachable = { ...deps, stripe: createStripeClient({ secretKey, apiBase: "http://127.0.0.1:9" }) };
    const another = await paidCheckout(await directTenant());
    const out = await post(byType(another.events, "invoice.paid"), oldSecret, unreachable);
    expect(out).toEqual({ status: 503, body: { received: false, outcome: "stripe_unavailable" } });
    // Stripe's retry, once it can be read, applies it
    expect((await post(byType(another.events, "invoice.paid"))).body.outcome).toBe("applied");
  });
});
