-- (channel, account) → tenant id, for the gateway's first statement: a request
-- whose tenant is not in the process's cache resolves it in the round trip
-- that sets its row-level-security scope, as role app, instead of a separate
-- cross-tenant query. app sees only its current tenant's rows, so the function
-- runs as platform (SECURITY DEFINER), whose policy sees every tenant, and
-- answers nothing but the id.
CREATE FUNCTION tenant_id_of(account_channel channel, account_id text) RETURNS uuid
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$ SELECT id FROM public.tenants WHERE channel = account_channel AND external_id = account_id $$;

-- Handing the function to platform needs the migrator to be able to act as
-- platform (a superuser can; a managed owner that created the role holds its
-- ADMIN OPTION and grants itself SET, without inheriting its rights), and
-- platform to hold CREATE on the schema for the moment of the change only.
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'platform', 'SET') THEN
    EXECUTE format('GRANT platform TO %I WITH INHERIT FALSE, SET TRUE', current_user);
  END IF;
END $$;
GRANT CREATE ON SCHEMA public TO platform;
ALTER FUNCTION tenant_id_of(channel, text) OWNER TO platform;
REVOKE CREATE ON SCHEMA public FROM platform;

REVOKE ALL ON FUNCTION tenant_id_of(channel, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_id_of(channel, text) TO app;
