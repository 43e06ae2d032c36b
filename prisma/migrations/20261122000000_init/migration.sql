-- Skyport initial schema. Roles app, platform and ops_ro exist before this
-- runs (lib/db/migrate.ts bootstraps them). Tenant-owned tables carry
-- tenant_id in every key and have FORCEd row-level security:
--   app      sees only rows of NULLIF(current_setting('app.tenant_id', true), '')::uuid
--   platform sees every row (cross-tenant platform work, greppable as platformDb)
--   ops_ro   may SELECT every row and write nothing

CREATE TYPE channel AS ENUM ('aliyun', 'aws', 'direct');
CREATE TYPE tenant_status AS ENUM ('active', 'frozen', 'closed');
CREATE TYPE member_role AS ENUM ('owner', 'admin', 'member', 'viewer');
CREATE TYPE subscription_status AS ENUM ('active', 'expired', 'cancelled');
CREATE TYPE staff_role AS ENUM ('isv_admin', 'support');

CREATE TABLE tenants (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  channel       channel NOT NULL,
  external_id   text NOT NULL CHECK (char_length(external_id) BETWEEN 1 AND 64),
  status        tenant_status NOT NULL DEFAULT 'active',
  display_name  text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 128),
  contact_email text CHECK (char_length(contact_email) <= 254),
  created_at    timestamptz(3) NOT NULL DEFAULT now(),
  updated_at    timestamptz(3) NOT NULL DEFAULT now(),
  -- a tenants row is the tenant itself: on Citus this is a reference table
  CONSTRAINT tenants_channel_external_id_key UNIQUE (channel, external_id)
);

CREATE TABLE memberships (
  tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  uid        text NOT NULL CHECK (char_length(uid) BETWEEN 1 AND 64),
  role       member_role NOT NULL,
  name       text CHECK (char_length(name) <= 128),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, uid)
);

CREATE TABLE subscriptions (
  tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id         uuid NOT NULL DEFAULT gen_random_uuid(),
  plan       text NOT NULL,
  sku        text NOT NULL,
  trial      boolean NOT NULL DEFAULT false,
  status     subscription_status NOT NULL DEFAULT 'active',
  starts_at  timestamptz(3) NOT NULL,
  expires_at timestamptz(3),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE audit_events (
  tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id        uuid NOT NULL DEFAULT uuidv7(), -- time-ordered: (at, id) pages stably
  at        timestamptz(3) NOT NULL DEFAULT now(),
  actor_uid text NOT NULL,
  action    text NOT NULL,
  target    text NOT NULL,
  payload   jsonb NOT NULL DEFAULT '{}',
  trace_id  text,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_events_tenant_id_at_idx ON audit_events (tenant_id, at DESC);

CREATE TABLE gateway_replays (
  tenant_id    uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  trace_id     text NOT NULL,
  request_hash text NOT NULL,
  http_status  integer NOT NULL,
  body         text NOT NULL,
  created_at   timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, trace_id)
);
CREATE INDEX gateway_replays_created_at_idx ON gateway_replays (created_at);

CREATE TABLE gateway_traces (
  id          bigserial PRIMARY KEY,
  trace_id    text NOT NULL,
  at          timestamptz(3) NOT NULL,
  action      text NOT NULL,
  code        text NOT NULL,
  http_status integer NOT NULL,
  latency_ms  real NOT NULL,
  key_id      text,
  channel     channel,
  parent_uid  text,
  uid         text,
  tenant_id   uuid
);
CREATE INDEX gateway_traces_trace_id_idx ON gateway_traces (trace_id);
CREATE INDEX gateway_traces_tenant_id_at_idx ON gateway_traces (tenant_id, at DESC);

CREATE TABLE staff (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email         text NOT NULL UNIQUE,
  name          text NOT NULL,
  role          staff_role NOT NULL,
  password_hash text NOT NULL,
  created_at    timestamptz(3) NOT NULL DEFAULT now()
);

-- Row-level security on every tenant-owned table.
DO $$
DECLARE
  t text;
  key text;
BEGIN
  FOR t, key IN VALUES ('tenants', 'id'), ('memberships', 'tenant_id'), ('subscriptions', 'tenant_id'),
                       ('audit_events', 'tenant_id'), ('gateway_replays', 'tenant_id')
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY tenant_isolation ON %I TO app
      USING (%I = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
      WITH CHECK (%I = NULLIF(current_setting('app.tenant_id', true), '')::uuid)$p$, t, key, key);
    EXECUTE format('CREATE POLICY platform_all ON %I TO platform USING (true) WITH CHECK (true)', t);
    EXECUTE format('CREATE POLICY ops_read ON %I FOR SELECT TO ops_ro USING (true)', t);
  END LOOP;
END $$;

GRANT USAGE ON SCHEMA public TO app, platform, ops_ro;

-- app: tenant-scoped request code. Tenants and subscriptions are created by
-- marketplace callbacks (platform); audit events are append-only.
GRANT SELECT, UPDATE ON tenants TO app;
GRANT SELECT ON subscriptions TO app;
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships TO app;
GRANT SELECT, INSERT ON audit_events TO app;
GRANT SELECT, INSERT, UPDATE ON gateway_replays TO app;

GRANT SELECT, INSERT, UPDATE, DELETE ON tenants, memberships, subscriptions, gateway_replays, staff TO platform;
GRANT SELECT, INSERT, DELETE ON audit_events, gateway_traces TO platform;
GRANT USAGE ON SEQUENCE gateway_traces_id_seq TO platform;

-- ops_ro reads everything support needs; never staff password hashes.
GRANT SELECT ON tenants, memberships, subscriptions, audit_events, gateway_replays, gateway_traces TO ops_ro;
GRANT SELECT (id, email, name, role, created_at) ON staff TO ops_ro;
