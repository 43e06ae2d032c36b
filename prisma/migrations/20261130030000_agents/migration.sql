-- Agents on buyers' hosts (shared/specs/agent-channel.md): the downloads that
-- carry enrolment tokens, the enrolled agents with their inventory, the tasks
-- they run, what sizing read from the buyer's cloud, and the usage ledger the
-- agents feed (billing builds on it). All tenant-owned: row-level security.

CREATE TYPE agent_os AS ENUM ('linux-x64', 'windows-x64');
CREATE TYPE agent_task_kind AS ENUM ('precheck', 'rescan');
CREATE TYPE agent_task_status AS ENUM ('queued', 'sent', 'succeeded', 'failed');

CREATE TABLE agent_downloads (
  tenant_id            uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id                   uuid NOT NULL DEFAULT gen_random_uuid(),
  os                   agent_os NOT NULL,
  created_by           text NOT NULL,
  created_at           timestamptz(3) NOT NULL DEFAULT now(),
  -- the link, and the enrolment token inside the package
  expires_at           timestamptz(3) NOT NULL,
  enrolment_expires_at timestamptz(3) NOT NULL,
  max_enrolments       integer NOT NULL CHECK (max_enrolments > 0),
  enrolments           integer NOT NULL DEFAULT 0 CHECK (enrolments >= 0),
  revoked_at           timestamptz(3),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX agent_downloads_tenant_id_created_at_idx ON agent_downloads (tenant_id, created_at DESC);

CREATE TABLE agents (
  tenant_id      uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id             uuid NOT NULL DEFAULT gen_random_uuid(),
  download_id    uuid NOT NULL,
  machine_id     text NOT NULL CHECK (char_length(machine_id) BETWEEN 8 AND 128),
  hostname       text NOT NULL CHECK (char_length(hostname) BETWEEN 1 AND 255),
  os             text NOT NULL CHECK (char_length(os) <= 32),
  arch           text NOT NULL CHECK (char_length(arch) <= 32),
  -- re-enrolment moves to a new generation: the old secret stops working
  generation     integer NOT NULL DEFAULT 1,
  -- which AGENT_SEAL_KEYS key the secret is derived from (rotation)
  secret_key_id  text NOT NULL,
  agent_version  text CHECK (char_length(agent_version) <= 32),
  enrolled_at    timestamptz(3) NOT NULL DEFAULT now(),
  last_seen_at   timestamptz(3),
  inventory      jsonb,
  -- a digest of the inventory as the agent sent it: an unchanged one is not written again
  inventory_hash text,
  inventory_at   timestamptz(3),
  revoked_at     timestamptz(3),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT agents_tenant_id_machine_id_key UNIQUE (tenant_id, machine_id),
  FOREIGN KEY (tenant_id, download_id) REFERENCES agent_downloads (tenant_id, id) ON DELETE CASCADE
);
-- the channel knows an agent by its id alone before it knows the tenant
CREATE INDEX agents_id_idx ON agents (id);
CREATE INDEX agents_tenant_id_hostname_idx ON agents (tenant_id, hostname);

CREATE TABLE agent_tasks (
  tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id          uuid NOT NULL DEFAULT uuidv7(),
  agent_id    uuid NOT NULL,
  kind        agent_task_kind NOT NULL,
  params      jsonb NOT NULL DEFAULT '{}',
  status      agent_task_status NOT NULL DEFAULT 'queued',
  created_by  text NOT NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  sent_at     timestamptz(3),
  finished_at timestamptz(3),
  result      jsonb,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, agent_id) REFERENCES agents (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX agent_tasks_tenant_id_agent_id_created_at_idx ON agent_tasks (tenant_id, agent_id, created_at DESC);
CREATE INDEX agent_tasks_open_idx ON agent_tasks (tenant_id, agent_id) WHERE status IN ('queued', 'sent');

-- What sizing read from a tenant's cloud for one region: instance types and,
-- where the price API answered, their monthly prices. A cache with its age.
CREATE TABLE sizing_catalogues (
  tenant_id  uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  provider   cloud_provider NOT NULL,
  region     text NOT NULL CHECK (char_length(region) <= 64),
  catalogue  jsonb NOT NULL,
  priced     boolean NOT NULL,
  fetched_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, provider, region)
);

-- The usage ledger (shared/specs/usage-and-billing.md): one row per event,
-- its idempotency key unique per tenant forever; the first write wins.
CREATE TABLE usage_events (
  tenant_id       uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  id              uuid NOT NULL DEFAULT uuidv7(),
  metric          text NOT NULL CHECK (char_length(metric) <= 64),
  quantity        numeric(20, 6) NOT NULL CHECK (quantity >= 0),
  occurred_at     timestamptz(3) NOT NULL,
  idempotency_key text NOT NULL CHECK (char_length(idempotency_key) BETWEEN 1 AND 128),
  source          text NOT NULL CHECK (source IN ('agent', 'gateway', 'api')),
  recorded_at     timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CONSTRAINT usage_events_tenant_id_idempotency_key_key UNIQUE (tenant_id, idempotency_key)
);
CREATE INDEX usage_events_tenant_id_metric_occurred_at_idx ON usage_events (tenant_id, metric, occurred_at);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['agent_downloads', 'agents', 'agent_tasks', 'sizing_catalogues', 'usage_events']
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

GRANT SELECT, INSERT, UPDATE ON agent_downloads, agents, agent_tasks, sizing_catalogues TO app;
GRANT SELECT, INSERT ON usage_events TO app;
GRANT SELECT, INSERT, UPDATE, DELETE ON agent_downloads, agents, agent_tasks, sizing_catalogues TO platform;
GRANT SELECT, INSERT ON usage_events TO platform;
GRANT SELECT ON agent_downloads, agents, agent_tasks, sizing_catalogues, usage_events TO ops_ro;
