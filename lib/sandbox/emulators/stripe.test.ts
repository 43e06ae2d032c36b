import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveEmulator } from "../../../test/serve-emulator";
import { createStripeClient, plans } from "../../billing";
import { createStripeEmulator } from "./stripe";

const secretKey = "sk_test_emulator_0123456789";
const clock = Date.now();
const emulator = createStripeEmulator({ secretKey, publicBase: "http://stripe.test", now: () => clock });
let server: Awaited<ReturnType<typeof serveEmulator>>;
let stripe: Stripe;

beforeAll(async () => {
  server = await serveEmulator((req) => emulator.handle(req));
  // a base with a path, as the sandbox serves it
  stripe = createStripeClient({ secretKey, apiBase: `${server.endpoint}/` });
});
afterAll(() => server.close());

describe("the Stripe emulator, through the stripe SDK", () => {
  it("refuses a wrong secret key", async () => {
    const wrong = createStripeClient({ secretKey: "sk_test_wrong", apiBase: server.endpoint });
    await expect(wrong.customers.create({ email: "a@example.com" })).rejects.toMatchObject({
      statusCode: 401,
      type: "StripeAuthenticationError",
    });
  });

  it("answers a repeated Idempotency-Key with the first answer, and refuses it with other parameters", async () => {
    const key = `idem-${Math.random()}`;
    const first = await stripe.customers.create({ email: "one@example.com" }, { idempotencyKey: key });
    const again = await stripe.customers.create({ email: "one@example.com" }, { idempotencyKey: key });
    expect(again.id).toBe(first.id);
    const other = stripe.customers.create({ email: "two@example.com" }, { idempotencyKey: key });
    await expect(other).rejects.toMatchObject({ statusCode: 400, type: "StripeIdempotencyError" });
    // without a key, each request is its own
    const fresh = await stripe.customers.create({ email: "one@example.com" });
    expect(fresh.id).not.toBe(first.id);
  });

  it("finds the catalogue's prices by lookup key", async () => {
    const found = await stripe.prices.list({ lookup_keys: [plans.standard.stripePrice] });
    expect(found.data).toHaveLength(1);
    expect(found.data[0]).toMatchObject({ lookup_key: plans.standard.stripePrice, unit_amount: plans.standard.monthlyPriceCents });
  });

  it("makes a trialing subscription and a paid invoice when Checkout is paid", async () => {
    const price = (await stripe.prices.list({ lookup_keys: [plans.basic.stripePrice] })).data[0] as Stripe.Price;
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: price.id, quantity: 1 }],
      customer_email: "buyer@example.com",
      success_url: "http://skyport.test/console/billing?session={CHECKOUT_SESSION_ID}",
      subscription_data: { trial_period_days: plans.basic.trialDays, metadata: { tenant_id: "t-1" } },
    });
    expect(session.url).toBe(`http://stripe.test/checkout/${session.id}`);
    const done = emulator.completeCheckout(session.id);
    expect(done?.successUrl).toBe(`http://skyport.test/console/billing?session=${session.id}`);
    expect(done?.events.map((e) => e.type)).toEqual([
      "customer.created",
      "customer.subscription.created",
      "invoice.paid",
      "checkout.session.completed",
    ]);
    const completed = await stripe.checkout.sessions.retrieve(session.id);
    const sub = await stripe.subscriptions.retrieve(completed.subscription as string);
    expect(sub.status).toBe("trialing");
    expect(sub.metadata).toEqual({ tenant_id: "t-1" });
    const invoices = await stripe.invoices.list({ customer: sub.customer as string });
    expect(invoices.data[0]).toMatchObject({ status: "paid", amount_paid: 0 });
    expect(invoices.data[0]?.hosted_invoice_url).toMatch(/^http:\/\/stripe\.test\/invoices\/in_/);
    const portal = await stripe.billingPortal.sessions.create({
      customer: sub.customer as string,
      return_url: "http://skyport.test/console/billing",
    });
    expect(portal.url).toMatch(/^http:\/\/stripe\.test\/portal\/bps_/);
  });

  it("counts a meter event once per identifier, and reads it back per hour", async () => {
    const customer = await stripe.customers.create({ email: "meter@example.com" });
    const hour = Math.floor(clock / 3_600_000) * 3600 - 3600;
    const event = {
      event_name: "task_runs",
      payload: { stripe_customer_id: customer.id, value: "7" },
      identifier: `agg-${customer.id}`,
      timestamp: hour + 60,
    };
    await stripe.billing.meterEvents.create(event);
    const repeat = await stripe.billing.meterEvents.create({ ...event, payload: { ...event.payload, value: "9" } });
    expect(repeat.payload.value).toBe("7"); // the first stands
    await stripe.billing.meterEvents.create({ ...event, identifier: `agg2-${customer.id}`, payload: { ...event.payload, value: "2.5" } });

    const mine = emulator.meterEvents().filter((e) => e.customer === customer.id);
    expect(mine.map((e) => e.value)).toEqual([7, 2.5]);
    expect(emulator.duplicateMeterEvents()).toBeGreaterThanOrEqual(1);

    const meter = (await stripe.billing.meters.list()).data.find((m) => m.event_name === "task_runs") as Stripe.Billing.Meter;
    const summaries = await stripe.billing.meters.listEventSummaries(meter.id, {
      customer: customer.id,
      start_time: hour,
      end_time: hour + 7200,
      value_grouping_window: "hour",
    });
    expect(summaries.data.map((s) => s.aggregated_value)).toEqual([9.5, 0]);
  });

  it("refuses meter events it could not bill: unknown meter, unknown customer, no value, out of the 35-day window", async () => {
    const customer = await stripe.customers.create({ email: "bad@example.com" });
    const ok = { event_name: "api_calls", payload: { stripe_customer_id: customer.id, value: "1" } };
    await expect(stripe.billing.meterEvents.create({ ...ok, event_name: "nope" })).rejects.toMatchObject({ statusCode: 400 });
    await expect(
      stripe.billing.meterEvents.create({ ...ok, payload: { stripe_customer_id: "cus_nobody", value: "1" } }),
    ).rejects.toMatchObject({
      statusCode: 404,
    });
    await expect(
      stripe.billing.meterEvents.create({ ...ok, payload: { stripe_customer_id: customer.id, value: "x" } }),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
    const old = Math.floor(clock / 1000) - 36 * 86_400;
    await expect(stripe.billing.meterEvents.create({ ...ok, timestamp: old })).rejects.toMatchObject({
      statusCode: 400,
      code: "timestamp_out_of_range",
    });
    expect(emulator.meterEvents().some((e) => e.customer === customer.id)).toBe(false);
  });

  it("signs webhooks so that the SDK's constructEvent accepts them", () => {
    const payload = JSON.stringify({ id: "evt_1", object: "event", type: "invoice.paid", data: { object: {} } });
    const header = emulator.sign(payload, "whsec_test_0123");
    expect(Stripe.webhooks.constructEvent(payload, header, "whsec_test_0123").id).toBe("evt_1");
    expect(() => Stripe.webhooks.constructEvent(payload, header, "whsec_other")).toThrow();
  });
});
