import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createStripeClient, plans } from "@/lib/billing";
import { type Runtime, startRuntime } from "@/lib/runtime";
import { createStripeEmulator } from "@/lib/sandbox/emulators/stripe";
import { testConfig, testSecrets } from "@/test/config";
import { serveEmulator } from "@/test/serve-emulator";
import { POST } from "./route";

const rotated = "whsec_test_skyport_rotated_0123";
const emulator = createStripeEmulator({ secretKey: testSecrets.STRIPE_SECRET_KEY, publicBase: "http://stripe.test" });
let server: Awaited<ReturnType<typeof serveEmulator>>;
let rt: Runtime;

beforeAll(async () => {
  server = await serveEmulator((req) => emulator.handle(req));
  rt = startRuntime(
    testConfig({ STRIPE_API_BASE: server.endpoint, STRIPE_WEBHOOK_SECRET: `${testSecrets.STRIPE_WEBHOOK_SECRET},${rotated}` }),
    inject("dbUrls"),
  );
});
afterAll(async () => {
  await rt.close();
  await server.close();
});

const post = (body: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) =>
  POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body, headers }));

describe("POST /api/webhooks/stripe", () => {
  it("applies a signed event through the configured Stripe, with either secret of a rotation", async () => {
    const tenant = await rt.db.platformDb.tenant.create({
      data: { channel: "direct", externalId: randomUUID(), displayName: "Route", status: "frozen" },
    });
    const stripe = createStripeClient({ secretKey: testSecrets.STRIPE_SECRET_KEY, apiBase: server.endpoint });
    const price = (await stripe.prices.list({ lookup_keys: [plans.basic.stripePrice] })).data[0];
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: price?.id as string, quantity: 1 }],
      success_url: "http://skyport.test/console/billing",
      subscription_data: { metadata: { tenant_id: tenant.id } },
    });
    const events = emulator.completeCheckout(session.id)?.events ?? [];
    const paid = events.find((e) => e.type === "invoice.paid");
    const payload = JSON.stringify(paid);
    const res = await post(payload, { "stripe-signature": emulator.sign(payload, rotated) });
    expect([res.status, await res.json()]).toEqual([200, { received: true, outcome: "applied" }]);
    expect((await rt.db.platformDb.tenant.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe("active");
    const again = await post(payload, { "stripe-signature": emulator.sign(payload, testSecrets.STRIPE_WEBHOOK_SECRET) });
    expect(await again.json()).toEqual({ received: true, outcome: "duplicate" });
  });

  it("answers 400 to bad bodies and signatures, never 500", async () => {
    const cases: [string | Uint8Array<ArrayBuffer>, Record<string, string>][] = [
      ["{}", {}],
      ["{}", { "stripe-signature": "t=1,v1=00" }],
      [new Uint8Array([0xff, 0xfe, 0x00]), { "stripe-signature": emulator.sign("x", testSecrets.STRIPE_WEBHOOK_SECRET) }],
      ["x", { "content-length": String(2 * 1024 * 1024) }],
      ["x".repeat(1024 * 1024 + 1), { "stripe-signature": "t=1,v1=00" }],
    ];
    for (const [body, headers] of cases) expect((await post(body, headers)).status).toBe(400);
    // a body over 1 MiB is refused for its size before any signature is checked, even one signed right
    const big = JSON.stringify({ id: "evt_big", pad: "x".repeat(1024 * 1024) });
    const tooLarge = await post(big, { "stripe-signature": emulator.sign(big, testSecrets.STRIPE_WEBHOOK_SECRET) });
    expect([tooLarge.status, await tooLarge.json()]).toEqual([400, { received: false, outcome: "too_large" }]);
  });
});
