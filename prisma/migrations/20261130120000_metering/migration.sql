-- Metering (lib/billing): the ledger's usage, summed per tenant, metric and
-- hour recorded, pushed to the channel that bills the tenant, and what the
-- channel answered. docs/billing.md has the states and the windows.

-- the hour an event was recorded in decides which aggregate it joins
CREATE INDEX usage_events_recorded_at_idx ON usage_events (recorded_at);

CREATE TYPE metering_state AS ENUM ('pending', 'sent', 'accepted', 'rejected', 'dead');

-- One hour's usage of one metric for one tenant, as billed by its channel.
-- `id` is the identifier the channel sees (Alibaba SerialNo part, Stripe
-- meter event identifier): a retry sends the same, so nothing is billed twice.
CREATE TABLE metering_records (
  tenant_id         uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  channel           channel NOT NULL,
  metric            text NOT NULL,
  hour              timestamptz(3) NOT NULL CHECK (date_trunc('hour', hour) = hour),
  id                uuid NOT NULL DEFAULT uuidv7(),
  dimension         text NOT NULL,
  quantity          numeric(20, 6) NOT NULL CHECK (quantity >= 0),
  state             metering_state NOT NULL DEFAULT 'pending',
  attempts          integer NOT NULL DEFAULT 0,
  next_attempt_at   timestamptz(3) NOT NULL DEFAULT now(),
  sent_at           timestamptz(3),
  answered_at       timestamptz(3),
  accepted_quantity numeric(20, 6),
  reason            text,
  PRIMARY KEY (tenant_id, channel, metric, hour),
  CONSTRAINT metering_records_id_key UNIQUE (tenant_id, id)
);
-- the push's queue: what is due, per channel, oldest hour first
CREATE INDEX metering_records_due_idx ON metering_records (channel, next_attempt_at, hour) WHERE state IN ('pending', 'sent');

-- Every state a record passed through, with what the channel said: the proof.
CREATE TABLE metering_log (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id        uuid NOT NULL DEFAULT uuidv7(),
  record_id uuid NOT NULL,
  state     metering_state NOT NULL,
  detail    jsonb NOT NULL DEFAULT '{}',
  at        timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX metering_log_record_idx ON metering_log (tenant_id, record_id, at);

-- The hours already summed (not tenant data): an hour is summed once, in the
-- transaction that writes its records.
CREATE TABLE metering_hours (
  hour          timestamptz(3) PRIMARY KEY,
  records       integer NOT NULL,
  aggregated_at timestamptz(3) NOT NULL DEFAULT now()
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['metering_records', 'metering_log']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I TO app
      USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
      WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$, t);
    EXECUTE format('CREATE POLICY platform_all ON %I TO platform USING (true) WITH CHECK (true)', t);
    EXECUTE format('CREATE POLICY ops_read ON %I FOR SELECT TO ops_ro USING (true)', t);
  END LOOP;
END $$;

GRANT SELECT ON metering_records, metering_log TO app;
GRANT SELECT, INSERT, UPDATE ON metering_records, metering_hours TO platform;
GRANT SELECT, INSERT ON metering_log TO platform;
GRANT SELECT ON metering_records, metering_log, metering_hours TO ops_ro;
