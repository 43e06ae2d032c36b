-- The back office (issue 12): suspension of a tenant by an ISV admin, staff
-- who can be disabled, the indexes the admin tenant list pages by, and the
-- job-queue counts /ops reads.

-- A suspended tenant's mutations are refused by the gateway and its agents
-- paused. Kept apart from `status`, which the marketplace lifecycle owns: a
-- renewal must not lift a suspension.
ALTER TABLE tenants
  ADD COLUMN suspended_at timestamptz(3),
  ADD COLUMN suspension_reason text CHECK (char_length(suspension_reason) <= 500);

-- The admin tenant list: keyset pages by (created_at, id) and (display_name, id),
-- a name searched by prefix, case-insensitively.
CREATE INDEX tenants_created_at_id_idx ON tenants (created_at, id);
CREATE INDEX tenants_display_name_id_idx ON tenants (display_name, id);
CREATE INDEX tenants_lower_display_name_idx ON tenants (lower(display_name) text_pattern_ops);
-- the timeline's staff actions and access audit of one tenant
CREATE INDEX platform_audit_events_target_at_idx ON platform_audit_events (target, at DESC);
-- /ops health: error rate and p95 per action over the last hour
CREATE INDEX gateway_traces_at_idx ON gateway_traces (at);

ALTER TABLE staff ADD COLUMN disabled_at timestamptz(3);
GRANT SELECT (disabled_at) ON staff TO ops_ro;

-- pg-boss owns its schema (created by the owner at start, after migrations):
-- ops_ro reads the queue counts through this one function, nothing else there.
CREATE FUNCTION job_queue_counts()
RETURNS TABLE (name text, queued int, active int, deferred int, failed int)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  IF to_regclass('pgboss.queue') IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY EXECUTE
    'SELECT name, queued_count, active_count, deferred_count, failed_count FROM pgboss.queue ORDER BY name';
END $$;
REVOKE ALL ON FUNCTION job_queue_counts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION job_queue_counts() TO ops_ro;
