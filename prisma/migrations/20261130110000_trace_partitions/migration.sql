-- Gateway traces are kept for TRACE_RETENTION_DAYS, not forever: partitioned
-- by UTC day on `at`, so that a day goes with one DROP TABLE instead of a
-- DELETE of millions of rows. The primary key has to include the partition
-- key. Calls refused before their token verified are marked
-- (authenticated = false: their traceId is whatever the caller chose) and
-- mostly counted per client address and minute in gateway_rejections instead
-- of stored row by row (lib/trace).

ALTER TABLE gateway_traces RENAME TO gateway_traces_before;
-- its key becomes (id, at), the partitioned table's, when it is attached
ALTER TABLE gateway_traces_before DROP CONSTRAINT gateway_traces_pkey;
ALTER INDEX gateway_traces_trace_id_idx RENAME TO gateway_traces_before_trace_id_idx;
ALTER INDEX gateway_traces_tenant_id_at_idx RENAME TO gateway_traces_before_tenant_id_at_idx;
ALTER TABLE gateway_traces_before
  -- false: refused before its accessToken verified; the traceId is the caller's word only
  ADD COLUMN authenticated boolean NOT NULL DEFAULT true,
  ADD COLUMN client_address text;

-- the same columns, ids going on from the same sequence
CREATE TABLE gateway_traces (LIKE gateway_traces_before INCLUDING DEFAULTS, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
ALTER TABLE gateway_traces_before ALTER COLUMN id DROP DEFAULT;
ALTER SEQUENCE gateway_traces_id_seq OWNED BY gateway_traces.id;
CREATE INDEX gateway_traces_trace_id_idx ON gateway_traces (trace_id);
CREATE INDEX gateway_traces_tenant_id_at_idx ON gateway_traces (tenant_id, at DESC);

-- The rows so far become one partition that ends with today (UTC): the
-- retention drops it whole once today is older than it keeps.
DO $$
BEGIN
  EXECUTE format('ALTER TABLE gateway_traces ATTACH PARTITION gateway_traces_before FOR VALUES FROM (MINVALUE) TO (%L)',
                 date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' + interval '1 day');
END $$;

-- Unauthenticated refusals beyond the few kept as traces: how many, per client address, code and minute.
CREATE TABLE gateway_rejections (
  minute         timestamptz(3) NOT NULL,
  client_address text NOT NULL,
  code           text NOT NULL,
  calls          integer NOT NULL,
  PRIMARY KEY (minute, client_address, code)
) PARTITION BY RANGE (minute);

GRANT SELECT, INSERT, DELETE ON gateway_traces TO platform;
GRANT SELECT, INSERT, UPDATE ON gateway_rejections TO platform;
GRANT SELECT ON gateway_traces, gateway_rejections TO ops_ro;

-- Each partition of a table partitioned by day and its range (lower null: MINVALUE).
CREATE FUNCTION gateway_partition_ranges(parent text)
  RETURNS TABLE (name text, lower timestamptz, upper timestamptz)
  LANGUAGE sql STABLE
  SET timezone = 'UTC'
AS $$
  SELECT c.relname::text,
         substring(pg_get_expr(c.relpartbound, c.oid) FROM 'FROM \(''([^'']+)''\)')::timestamptz,
         substring(pg_get_expr(c.relpartbound, c.oid) FROM 'TO \(''([^'']+)''\)')::timestamptz
  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
  WHERE i.inhparent = format('public.%I', parent)::regclass
$$;
REVOKE ALL ON FUNCTION gateway_partition_ranges(text) FROM PUBLIC;

-- Creates the partitions of `today` and the next days_ahead days (UTC) that
-- are missing, and drops those that end keep_days or more before `today`
-- (none when keep_days is null). Runs as the owner of the tables (SECURITY
-- DEFINER) so that the platform role may call it without owning them.
CREATE FUNCTION maintain_gateway_partitions(keep_days integer, days_ahead integer, today date)
  RETURNS TABLE (created text[], dropped text[])
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
  SET timezone = 'UTC'
AS $$
DECLARE
  parent text;
  day date;
  gone text;
BEGIN
  IF keep_days < 1 OR days_ahead NOT BETWEEN 0 AND 31 OR today IS NULL THEN
    RAISE EXCEPTION 'keep_days must be at least 1, days_ahead 0 to 31, and today a date';
  END IF;
  -- every instance runs it at start: one at a time, each seeing what the one before made
  PERFORM pg_advisory_xact_lock(hashtext('maintain_gateway_partitions'));
  created := '{}';
  dropped := '{}';
  FOREACH parent IN ARRAY ARRAY['gateway_traces', 'gateway_rejections'] LOOP
    IF keep_days IS NOT NULL THEN
      FOR gone IN SELECT r.name FROM public.gateway_partition_ranges(parent) r WHERE r.upper <= (today - keep_days)::timestamptz LOOP
        EXECUTE format('DROP TABLE public.%I', gone);
        dropped := dropped || gone;
      END LOOP;
    END IF;
    FOR i IN 0..days_ahead LOOP
      day := today + i;
      CONTINUE WHEN EXISTS (
        SELECT 1 FROM public.gateway_partition_ranges(parent) r
        WHERE coalesce(r.lower, '-infinity') <= day::timestamptz AND r.upper > day::timestamptz);
      EXECUTE format('CREATE TABLE public.%I PARTITION OF public.%I FOR VALUES FROM (%L) TO (%L)',
                     parent || '_' || to_char(day, 'YYYYMMDD'), parent, day::timestamptz, (day + 1)::timestamptz);
      created := created || (parent || '_' || to_char(day, 'YYYYMMDD'));
    END LOOP;
  END LOOP;
  RETURN NEXT;
END $$;
REVOKE ALL ON FUNCTION maintain_gateway_partitions(integer, integer, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION maintain_gateway_partitions(integer, integer, date) TO platform;

SELECT maintain_gateway_partitions(NULL, 2, (now() AT TIME ZONE 'UTC')::date);
