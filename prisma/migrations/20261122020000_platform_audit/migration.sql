-- Audit of platform actions that outlive their tenant (a purge deletes the
-- tenant's own audit events with it). Platform data: no RLS.
CREATE TABLE platform_audit_events (
  id      uuid PRIMARY KEY DEFAULT uuidv7(),
  at      timestamptz(3) NOT NULL DEFAULT now(),
  actor   text NOT NULL,
  action  text NOT NULL,
  target  text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX platform_audit_events_at_idx ON platform_audit_events (at DESC);
GRANT SELECT, INSERT ON platform_audit_events TO platform;
GRANT SELECT ON platform_audit_events TO ops_ro;
