-- AWS Marketplace: older listings name the buyer by CustomerIdentifier in
-- their notifications; keep it with the subscription it belongs to.
ALTER TABLE subscriptions ADD COLUMN customer_ref text;
CREATE INDEX subscriptions_customer_ref_idx ON subscriptions (customer_ref);
