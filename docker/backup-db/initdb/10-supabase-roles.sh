#!/bin/sh
# Runs once, when the backup database's volume is first initialised (postgres image convention).
# Gives this PostgreSQL the roles and default grants a Supabase project has, so the same
# migrations run here and on a real project, and PostgREST behaves as Supabase's does:
#   - PostgREST logs in as `authenticator` and switches to the role named in the request's JWT;
#   - `anon` (no JWT) and `authenticated` get Supabase's broad defaults, which is why the
#     migrations revoke EXECUTE on KarmaBot's functions from them and enable row-level security;
#   - `service_role` (SUPABASE_KEY) bypasses row-level security, as on Supabase.
# Also installs PostgREST's documented event trigger that reloads its schema cache after DDL, so
# functions added by a later migration are callable without restarting PostgREST.
set -eu

psql -v ON_ERROR_STOP=1 \
  --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set authenticator_password="$POSTGREST_AUTHENTICATOR_PASSWORD" <<'SQL'
CREATE ROLE anon NOLOGIN NOINHERIT;
CREATE ROLE authenticated NOLOGIN NOINHERIT;
CREATE ROLE service_role NOLOGIN NOINHERIT BYPASSRLS;
CREATE ROLE authenticator LOGIN NOINHERIT NOCREATEDB NOCREATEROLE NOSUPERUSER
  PASSWORD :'authenticator_password';
GRANT anon, authenticated, service_role TO authenticator;

GRANT USAGE ON SCHEMA public TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON TABLES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON SEQUENCES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ALL ON FUNCTIONS TO anon, authenticated, service_role;

CREATE SCHEMA supabase_standin;
CREATE FUNCTION supabase_standin.pgrst_watch() RETURNS event_trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NOTIFY pgrst, 'reload schema';
END;
$$;
CREATE EVENT TRIGGER pgrst_watch ON ddl_command_end
  EXECUTE FUNCTION supabase_standin.pgrst_watch();
SQL
