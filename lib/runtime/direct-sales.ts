import { createStripeClient, type StripeApi, webhookSecrets } from "../billing";
import type { StripeWebhookDeps } from "../marketplace";
import { runtime } from "./index";

let client: StripeApi | undefined;

/** The process's Stripe client, or undefined when Stripe is not configured (no direct sales). */
export function stripeClient(): StripeApi | undefined {
  const { config, endpoints } = runtime();
  if (!config.STRIPE_SECRET_KEY) return undefined;
  client ??= createStripeClient({ secretKey: config.STRIPE_SECRET_KEY, apiBase: endpoints.stripeApi });
  return client;
}

/** What POST /api/webhooks/stripe needs, or undefined when Stripe is not configured. */
export function stripeWebhookDeps(): StripeWebhookDeps | undefined {
  const { config, db, log } = runtime();
  const stripe = stripeClient();
  if (!stripe || !config.STRIPE_WEBHOOK_SECRET) return undefined;
  return {
    stripe,
    secrets: webhookSecrets(config.STRIPE_WEBHOOK_SECRET),
    platformDb: db.platformDb,
    now: () => new Date(),
    warn: (fields, message) => log.warn(fields, message),
  };
}
