import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant, type TestTenant } from "../../test/factories";
import { type Harness, startHarness } from "../../test/gateway-harness";
import { serveEmulator } from "../../test/serve-emulator";
import { testServices } from "../../test/services";
import { createStripeClient, plans } from "../billing";
import { handleStripeWebhook } from "../marketplace";
import { createStripeEmulator } from "../sandbox/emulators/stripe";

const secretKey = "sk_test_actions_0123456789";
const webhookSecret = "whsec_test_skyport_0123456789";
const emulator = createStripeEmulator({ secretKey, publicBase: "http://stripe.test" });
let server: Awaited<ReturnType<typeof serveEmulator>>;
let h: Harness;

beforeAll(async () => {
  server = await serveEmulator((req) => emulator.handle(req));
  const stripe = createStripeClient({ secretKey, apiBase: server.endpoint });
  h = await startHarness({ services: testServices({ stripe, publicUrl: "http://skyport.test" }) });
});
afterAll(async () => {
  await h.close();
  await server.close();
});

async function directTenant(): Promise<TestTenant> {
  const parentUid = randomUUID();
  const tenant = await h.db.platformDb.tenant.create({
    data: { channel: "direct", externalId: parentUid, displayName: "Direct", contactEmail: "owner@example.com", status: "frozen" },
  });
  await h.db.platformDb.membership.create({ data: { tenantId: tenant.id, uid: parentUid, role: "owner" } });
  return { id: tenant.id, channel: "direct", parentUid };
}

/** Pays a Checkout URL on the emulator and delivers its events to the webhook handler. */
async function pay(url: string) {
  const done = emulator.completeCheckout(url.split("/").pop() as string);
  const stripe = createStripeClient({ secretKey, apiBase: server.endpoint });
  const deps = { stripe, secrets: [webhookSecret], platformDb: h.db.platformDb, now: () => new Date() };
  for (const e of done?.events ?? []) {
    const payload = JSON.stringify(e);
    expect((await handleStripeWebhook(deps, payload, emulator.sign(payload, webhookSecret))).status).toBe(200);
  }
}

/** Completes a Checkout URL on the emulator; answers the status Stripe created its subscription with. */
function createdStatus(url: string) {
  const done = emulator.completeCheckout(url.split("/").pop() as string);
  const created = done?.events.find((e) => e.type === "customer.subscription.created")?.data.object as { status: string } | undefined;
  return created?.status;
}

describe("direct billing actions", () => {
  it("Checkout with the catalogue's trial, then the subscription, its invoices and the portal; no second Checkout while billed", async () => {
    const t = await directTenant();
    const before = await h.call("DescribeDirectBilling", {}, { tenant: t });
    expect(before.body.data).toEqual({ subscription: null, invoices: [] });

    const checkout = await h.call("CreateStripeCheckout", { plan: "standard" }, { tenant: t });
    expect(checkout.body.code).toBe("OK");
    expect(checkout.body.data.url).toMatch(/^http:\/\/stripe\.test\/checkout\/cs_test_/);
    // asked again (another tab): the same session, which can be paid once
    expect((await h.call("CreateStripeCheckout", { plan: "standard" }, { tenant: t })).body.data.url).toBe(checkout.body.data.url);
    await pay(checkout.body.data.url);

    const after = await h.call("DescribeDirectBilling", {}, { tenant: t });
    expect(after.body.data.subscription).toMatchObject({ status: "trialing", plan: "standard", cancelAtPeriodEnd: false });
    expect(after.body.data.invoices).toHaveLength(1);
    expect(after.body.data.invoices[0]).toMatchObject({ status: "paid", amountDue: 0, currency: "usd" });
    expect(after.body.data.invoices[0].hostedUrl).toMatch(/^http:\/\/stripe\.test\/invoices\//);
    const tenant = await h.call("DescribeTenant", {}, { tenant: t });
    expect(tenant.body.data).toMatchObject({ status: "active", plan: "standard", trial: true, subscriptionStatus: "active" });

    const again = await h.call("CreateStripeCheckout", { plan: "enterprise" }, { tenant: t });
    expect(again.body.code).toBe("InvalidParameter");
    const portal = await h.call("CreateStripePortal", {}, { tenant: t });
    expect(portal.body.data.url).toMatch(/^http:\/\/stripe\.test\/portal\/bps_/);
  });

  it("gives no second trial after a cancelled subscription", async () => {
    const t = await directTenant();
    const first = await h.call("CreateStripeCheckout", { plan: "basic" }, { tenant: t });
    await pay(first.body.data.url);
    const sub = (await h.call("DescribeDirectBilling", {}, { tenant: t })).body.data.subscription.id;
    const cancelled = emulator.changeSubscription(sub, "canceled");
    const deps = {
      stripe: createStripeClient({ secretKey, apiBase: server.endpoint }),
      secrets: [webhookSecret],
      platformDb: h.db.platformDb,
      now: () => new Date(),
    };
    for (const e of cancelled) await handleStripeWebhook(deps, JSON.stringify(e), emulator.sign(JSON.stringify(e), webhookSecret));
    const second = await h.call("CreateStripeCheckout", { plan: "basic" }, { tenant: t });
    expect(second.body.code).toBe("OK");
    expect(createdStatus(second.body.data.url)).toBe("active"); // no trial
    expect(plans.basic.trialDays).toBeGreaterThan(0);
  });

  it("gives no trial to a tenant that already has a plan granted outside Stripe", async () => {
    const t = await directTenant();
    const day = 86_400_000;
    await h.db.platformDb.subscription.create({
      data: {
        tenantId: t.id,
        plan: "standard",
        sku: plans.standard.stripePrice,
        startsAt: new Date(Date.now() - day),
        expiresAt: new Date(Date.now() + 30 * day),
      },
    });
    const checkout = await h.call("CreateStripeCheckout", { plan: "standard" }, { tenant: t });
    expect(checkout.body.code).toBe("OK");
    expect(createdStatus(checkout.body.data.url)).toBe("active"); // no trial
    expect(plans.standard.trialDays).toBeGreaterThan(0);
  });

  it("gives a direct tenant the gateway's entitlement check a marketplace tenant gets: changes while paid, reads only when unpaid", async () => {
    const t = await directTenant();
    const change = () => h.call("UpdateTenantProfile", { displayName: `Direct ${Date.now()}` }, { tenant: t, traceId: randomUUID() });
    expect((await change()).body.code).toBe("EntitlementExpired"); // no plan yet
    const checkout = await h.call("CreateStripeCheckout", { plan: "enterprise" }, { tenant: t });
    await pay(checkout.body.data.url);
    expect((await change()).body.code).toBe("OK");
    const sub = (await h.call("DescribeDirectBilling", {}, { tenant: t })).body.data.subscription.id;
    const deps = {
      stripe: createStripeClient({ secretKey, apiBase: server.endpoint }),
      secrets: [webhookSecret],
      platformDb: h.db.platformDb,
      now: () => new Date(),
    };
    for (const e of emulator.changeSubscription(sub, "unpaid"))
      await handleStripeWebhook(deps, JSON.stringify(e), emulator.sign(JSON.stringify(e), webhookSecret));
    expect((await change()).body.code).toBe("EntitlementExpired");
    expect((await h.call("DescribeTenant", {}, { tenant: t })).body.data).toMatchObject({
      status: "frozen",
      subscriptionStatus: "expired",
    });
  });

  it("refuses Checkout and the portal to marketplace tenants, and the portal before any subscription", async () => {
    const aliyun = await createTenant(h.db.platformDb, { channel: "aliyun" });
    expect((await h.call("CreateStripeCheckout", { plan: "basic" }, { tenant: aliyun })).body.code).toBe("InvalidParameter");
    expect((await h.call("CreateStripePortal", {}, { tenant: aliyun })).body.code).toBe("InvalidParameter");
    expect((await h.call("CreateStripeCheckout", { plan: "nope" }, { tenant: await directTenant() })).body.code).toBe("InvalidParameter");
  });
});
