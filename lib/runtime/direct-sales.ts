import { webhookSecrets } from "../billing";
import type { StripeWebhookDeps } from "../marketplace";
import { runtime } from "./index";

/** What POST /api/webhooks/stripe needs, or undefined when Stripe is not configured. */
export function stripeWebhookDeps(): StripeWebhookDeps | undefined {
  const { config, db, log, services } = runtime();
  if (!services.stripe || !config.STRIPE_WEBHOOK_SECRET) return undefined;
  return {
    stripe: services.stripe,
    secrets: webhookSecrets(config.STRIPE_WEBHOOK_SECRET),
    platformDb: db.platformDb,
    now: () => new Date(),
    warn: (fields, message) => log.warn(fields, message),
  };
}
