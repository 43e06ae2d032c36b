/**
 * An amount as Stripe counts it, in the currency's smallest unit (cents; yen
 * have none), in whole units of the currency: what a currency formatter takes.
 */
export function fromStripeAmount(amount: number, currency: string): number {
  const digits = new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions()
    .maximumFractionDigits;
  return amount / 10 ** (digits ?? 2);
}
