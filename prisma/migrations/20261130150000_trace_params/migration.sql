-- A verified call's params, secrets redacted and cut to 4 KiB when written
-- (lib/trace/redact-params.ts): what support reads in /ops.
ALTER TABLE gateway_traces ADD COLUMN params jsonb;
