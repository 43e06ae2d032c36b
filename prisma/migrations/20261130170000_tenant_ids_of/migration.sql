-- The tenant ids of several accounts at once, in their order (null: no
-- tenant): the gateway's lookup of the accounts it has not cached. One call
-- per batch, where calling tenant_id_of per account paid the function's
-- set-up (a SECURITY DEFINER function with its own search_path is never
-- inlined) once per account. Owned by platform like tenant_id_of, for the
-- same reason; answers nothing but ids.
CREATE FUNCTION tenant_ids_of(account_channels channel[], account_ids text[]) RETURNS TABLE (id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
  AS $$
    SELECT t.id
    FROM unnest(account_channels, account_ids) WITH ORDINALITY AS a(channel, account, n)
    LEFT JOIN public.tenants t ON t.channel = a.channel AND t.external_id = a.account
    ORDER BY a.n
  $$;

DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'platform', 'SET') THEN
    EXECUTE format('GRANT platform TO %I WITH INHERIT FALSE, SET TRUE', current_user);
  END IF;
END $$;
GRANT CREATE ON SCHEMA public TO platform;
ALTER FUNCTION tenant_ids_of(channel[], text[]) OWNER TO platform;
REVOKE CREATE ON SCHEMA public FROM platform;

REVOKE ALL ON FUNCTION tenant_ids_of(channel[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tenant_ids_of(channel[], text[]) TO app;
