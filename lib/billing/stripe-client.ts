import Stripe from "stripe";

export type StripeApi = Stripe;
export type StripeClientConfig = {
  secretKey: string;
  /** unset: Stripe itself; else a base URL, path included (the sandbox's emulator: http://127.0.0.1:3000/sandbox/emulators/stripe) */
  apiBase?: string | undefined;
};

/**
 * The `stripe` SDK pointed at STRIPE_API_BASE. The SDK takes a host, port and
 * protocol but no path, so a base with a path (the sandbox serves its emulator
 * under /sandbox/emulators/stripe) is put before every request's path by
 * wrapping the SDK's own Node HTTP client.
 */
export function createStripeClient(cfg: StripeClientConfig): StripeApi {
  if (!cfg.apiBase) return new Stripe(cfg.secretKey, { maxNetworkRetries: 2, timeout: 20_000, telemetry: false });
  const base = new URL(cfg.apiBase);
  const prefix = base.pathname.replace(/\/+$/, "");
  const inner = Stripe.createNodeHttpClient();
  const httpClient = Object.create(inner) as typeof inner;
  httpClient.makeRequest = (host, port, path, ...rest) => inner.makeRequest(host, port, `${prefix}${path}`, ...rest);
  return new Stripe(cfg.secretKey, {
    host: base.hostname,
    port: base.port || (base.protocol === "https:" ? 443 : 80),
    protocol: base.protocol === "https:" ? "https" : "http",
    httpClient,
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
  });
}

/** The secrets listed in STRIPE_WEBHOOK_SECRET (comma-separated: several during a rotation). */
export function webhookSecrets(raw: string): string[] {
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}
