-- Per tenant and cloud: the role Skyport may assume in the buyer's account,
-- the ExternalId that must accompany it, and what verification found.
CREATE TYPE cloud_provider AS ENUM ('aliyun', 'aws');
CREATE TYPE cloud_access_status AS ENUM ('pending', 'verified', 'failed');

CREATE TABLE cloud_access (
  tenant_id           uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
  provider            cloud_provider NOT NULL,
  role_arn            text CHECK (char_length(role_arn) <= 2048),
  external_id         text NOT NULL,
  status              cloud_access_status NOT NULL DEFAULT 'pending',
  verified_at         timestamptz(3),
  missing_permissions text[] NOT NULL DEFAULT '{}',
  last_error          text,
  updated_at          timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, provider)
);

-- ExternalIds are never reused, across tenants and over time.
CREATE TABLE cloud_external_ids (
  external_id text PRIMARY KEY,
  issued_at   timestamptz(3) NOT NULL DEFAULT now()
);

ALTER TABLE cloud_access ENABLE ROW LEVEL SECURITY;
ALTER TABLE cloud_access FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON cloud_access TO app
  USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
CREATE POLICY platform_all ON cloud_access TO platform USING (true) WITH CHECK (true);
CREATE POLICY ops_read ON cloud_access FOR SELECT TO ops_ro USING (true);

GRANT SELECT, INSERT, UPDATE ON cloud_access TO app;
GRANT SELECT, INSERT, UPDATE, DELETE ON cloud_access TO platform;
GRANT SELECT ON cloud_access TO ops_ro;
GRANT INSERT ON cloud_external_ids TO app, platform;
GRANT SELECT ON cloud_external_ids TO platform, ops_ro;
