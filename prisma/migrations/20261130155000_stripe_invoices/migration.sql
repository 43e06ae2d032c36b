-- Direct tenants' Stripe invoices, as last read from Stripe: what direct sales
-- earned (the admin overview's revenue), where the marketplaces report nothing.
CREATE TABLE stripe_invoices (
  tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  invoice_id      text NOT NULL CHECK (char_length(invoice_id) <= 255),
  subscription_id text,
  -- draft | open | paid | uncollectible | void
  status          text NOT NULL,
  currency        text NOT NULL CHECK (char_length(currency) = 3),
  -- in the currency's smallest unit, as Stripe counts it
  amount_due      bigint NOT NULL,
  amount_paid     bigint NOT NULL,
  paid_at         timestamptz(3),
  -- when Skyport read it from Stripe: an older read never overwrites a newer one
  synced_at       timestamptz(3) NOT NULL,
  PRIMARY KEY (tenant_id, invoice_id)
);
-- the overview sums paid invoices by the time they were paid
CREATE INDEX stripe_invoices_paid_at_idx ON stripe_invoices (paid_at) WHERE paid_at IS NOT NULL;

ALTER TABLE stripe_invoices ENABLE ROW LEVEL SECURITY;
ALTER TABLE stripe_invoices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON stripe_invoices TO app
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY platform_all ON stripe_invoices TO platform USING (true) WITH CHECK (true);
CREATE POLICY ops_read ON stripe_invoices FOR SELECT TO ops_ro USING (true);

GRANT SELECT ON stripe_invoices TO app;
GRANT SELECT, INSERT, UPDATE, DELETE ON stripe_invoices TO platform;
GRANT SELECT ON stripe_invoices TO ops_ro;

-- the overview reads the last months' metering across tenants by hour
CREATE INDEX metering_records_hour_idx ON metering_records (hour);
