-- Direct sales through Stripe (docs/billing.md).

-- Buyers who sign up on /account/signup: one direct tenant each (tenants.external_id = id).
-- Platform data: sign-in finds the buyer by email before any tenant is known.
CREATE TABLE direct_buyers (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email         text NOT NULL UNIQUE CHECK (char_length(email) <= 254 AND email = lower(email)),
  password_hash text NOT NULL,
  verified_at   timestamptz(3),
  created_at    timestamptz(3) NOT NULL DEFAULT now()
);

-- Every buyer sign-in attempt, for the same throttle as staff sign-in (per account and per address).
CREATE TABLE buyer_sign_ins (
  id      bigserial PRIMARY KEY,
  at      timestamptz(3) NOT NULL DEFAULT now(),
  email   text NOT NULL CHECK (char_length(email) <= 254),
  address text NOT NULL CHECK (char_length(address) <= 64),
  outcome sign_in_outcome NOT NULL
);
CREATE INDEX buyer_sign_ins_email_at_idx ON buyer_sign_ins (email, at DESC);
CREATE INDEX buyer_sign_ins_address_at_idx ON buyer_sign_ins (address, at DESC);

-- Every Stripe event received, keyed by Stripe's event id: an event is applied once.
-- Platform data: an event may name no tenant Skyport knows.
CREATE TABLE stripe_events (
  id              text PRIMARY KEY CHECK (char_length(id) <= 255),
  type            text NOT NULL,
  subscription_id text,
  tenant_id       uuid,
  -- applied | ignored (no subscription, or no tenant of ours)
  outcome         text,
  received_at     timestamptz(3) NOT NULL DEFAULT now(),
  processed_at    timestamptz(3)
);
CREATE INDEX stripe_events_subscription_idx ON stripe_events (subscription_id);

-- Stripe's own state of a direct tenant's subscription, as last read from Stripe
-- (subscriptions holds what it means for the entitlement).
CREATE TABLE stripe_subscriptions (
  tenant_id            uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  subscription_id      text NOT NULL,
  customer_id          text NOT NULL,
  status               text NOT NULL,
  price                text,
  plan                 text,
  current_period_end   timestamptz(3),
  trial_end            timestamptz(3),
  cancel_at_period_end boolean NOT NULL DEFAULT false,
  -- when Skyport read it from Stripe: an older read never overwrites a newer one
  synced_at            timestamptz(3) NOT NULL,
  PRIMARY KEY (tenant_id, subscription_id)
);
CREATE INDEX stripe_subscriptions_subscription_idx ON stripe_subscriptions (subscription_id);
CREATE INDEX stripe_subscriptions_customer_idx ON stripe_subscriptions (customer_id);

ALTER TABLE stripe_subscriptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_subscriptions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stripe_subscriptions TO app
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY platform_all ON stripe_subscriptions TO platform USING (true) WITH CHECK (true);
CREATE POLICY ops_read ON stripe_subscriptions FOR SELECT TO ops_ro USING (true);

GRANT SELECT ON stripe_subscriptions TO app;
GRANT SELECT, INSERT, UPDATE, DELETE ON stripe_subscriptions TO platform;
GRANT SELECT, INSERT, UPDATE ON direct_buyers, stripe_events TO platform;
GRANT SELECT, INSERT ON buyer_sign_ins TO platform;
GRANT USAGE ON SEQUENCE buyer_sign_ins_id_seq TO platform;
GRANT SELECT ON stripe_subscriptions, stripe_events, buyer_sign_ins TO ops_ro;
-- never password hashes
GRANT SELECT (id, email, verified_at, created_at) ON direct_buyers TO ops_ro;
