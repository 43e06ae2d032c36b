-- A tenant's metering, newest first, without sorting all of it: the /ops
-- timeline pages the log by time, the /admin tenant page the records by hour.
CREATE INDEX metering_log_tenant_id_at_idx ON metering_log (tenant_id, at DESC);
CREATE INDEX metering_records_tenant_id_hour_idx ON metering_records (tenant_id, hour DESC);
