import { describe, expect, it } from "vitest";
import { fromStripeAmount } from "./stripe-amount";

describe("fromStripeAmount", () => {
  it("reads Stripe's smallest unit by the currency: cents, none for yen, three places for dinars", () => {
    expect(fromStripeAmount(29_900, "usd")).toBe(299);
    expect(fromStripeAmount(500, "jpy")).toBe(500);
    expect(fromStripeAmount(1_000, "KWD")).toBe(1);
  });
});
