-- Marketplace orders: the inbox every marketplace call lands in first, the
-- instance on each subscription, and when a tenant was closed (release grace).

CREATE TYPE inbox_status AS ENUM ('pending', 'applied', 'refused');

-- Platform data (a call may arrive before its tenant exists): no RLS.
CREATE TABLE marketplace_inbox (
  id              bigserial PRIMARY KEY,
  channel         channel NOT NULL,
  idempotency_key text NOT NULL,
  action          text NOT NULL,
  instance_id     text,
  params          jsonb NOT NULL,
  status          inbox_status NOT NULL DEFAULT 'pending',
  answer          jsonb,
  received_at     timestamptz(3) NOT NULL DEFAULT now(),
  applied_at      timestamptz(3),
  CONSTRAINT marketplace_inbox_channel_idempotency_key_key UNIQUE (channel, idempotency_key)
);
CREATE INDEX marketplace_inbox_instance_id_idx ON marketplace_inbox (channel, instance_id, status);

ALTER TABLE subscriptions ADD COLUMN instance_id text;
ALTER TABLE subscriptions ADD CONSTRAINT subscriptions_tenant_id_instance_id_key UNIQUE (tenant_id, instance_id);
CREATE INDEX subscriptions_instance_id_idx ON subscriptions (instance_id);

ALTER TABLE tenants ADD COLUMN closed_at timestamptz(3);

-- The history of what the marketplace did to each instance, for the console.
CREATE TABLE marketplace_orders (
  tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT uuidv7(),
  at          timestamptz(3) NOT NULL DEFAULT now(),
  instance_id text NOT NULL,
  action      text NOT NULL,
  order_id    text,
  sku         text,
  expires_at  timestamptz(3),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX marketplace_orders_tenant_id_at_idx ON marketplace_orders (tenant_id, at DESC);
ALTER TABLE marketplace_orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE marketplace_orders FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON marketplace_orders TO app
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY platform_all ON marketplace_orders TO platform USING (true) WITH CHECK (true);
CREATE POLICY ops_read ON marketplace_orders FOR SELECT TO ops_ro USING (true);

GRANT SELECT ON marketplace_orders TO app;
GRANT SELECT, INSERT, DELETE ON marketplace_orders TO platform;
GRANT SELECT, INSERT, UPDATE ON marketplace_inbox TO platform;
GRANT USAGE ON SEQUENCE marketplace_inbox_id_seq TO platform;
GRANT SELECT ON marketplace_orders, marketplace_inbox TO ops_ro;
