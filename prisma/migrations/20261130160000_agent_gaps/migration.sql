-- Heartbeat gaps (issue 12): each time an agent was silent for longer than the
-- offline threshold (three heartbeat intervals, lib/agents/online.ts), from its
-- last heartbeat before the silence to its first after. Written by the
-- heartbeat flush, in the statement that moves `last_seen_at`; read by the
-- /ops tenant timeline. Tenant-owned: row-level security.

CREATE TABLE agent_gaps (
  tenant_id   uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  agent_id    uuid NOT NULL,
  -- the last heartbeat before the silence, and the first after it
  silent_from timestamptz(3) NOT NULL,
  silent_to   timestamptz(3) NOT NULL CHECK (silent_to > silent_from),
  -- a flush sent again after a failure writes the same gap once
  PRIMARY KEY (tenant_id, agent_id, silent_from),
  FOREIGN KEY (tenant_id, agent_id) REFERENCES agents (tenant_id, id) ON DELETE CASCADE
);
-- the timeline: one tenant's gaps, newest first
CREATE INDEX agent_gaps_tenant_id_silent_from_idx ON agent_gaps (tenant_id, silent_from DESC);

-- No index on agents.last_seen_at (the admin tenant list's agents filter reads
-- a tenant's agents by the primary key's tenant_id): the heartbeat flush moves
-- it every few seconds, and an index on it would make each of those updates
-- write every index of agents instead of a HOT update.

ALTER TABLE agent_gaps ENABLE ROW LEVEL SECURITY;
ALTER TABLE agent_gaps FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON agent_gaps TO app
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY platform_all ON agent_gaps TO platform USING (true) WITH CHECK (true);
CREATE POLICY ops_read ON agent_gaps FOR SELECT TO ops_ro USING (true);

GRANT SELECT ON agent_gaps TO app;
GRANT SELECT, INSERT ON agent_gaps TO platform;
GRANT SELECT ON agent_gaps TO ops_ro;
