-- Metering looks for AWS agreements that ended within the hour, across tenants, every minute.
CREATE INDEX marketplace_orders_at_idx ON marketplace_orders (at);
