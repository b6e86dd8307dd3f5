-- Two database roles (README, "Database roles"): migrations run as the role that owns the
-- schema; the server connects as a runtime role that owns nothing, so it cannot run DDL,
-- disable the audit tables' append-only triggers, or rewrite the audit trail: on
-- `audit_events` and `audit_chain` it may only INSERT and SELECT.
--
-- `ncen migrate` (and `ncen serve` given DATABASE_OWNER_URL) calls this after migrating, as
-- the owner, with the role of DATABASE_URL, so that tables added by later migrations are
-- granted too. It refuses a role that could undo the point of it.
CREATE FUNCTION ncen_grant_runtime(runtime name) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE
    r pg_roles%ROWTYPE;
BEGIN
    SELECT * INTO r FROM pg_roles WHERE rolname = runtime;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no role %', runtime;
    END IF;
    IF r.rolsuper OR r.rolbypassrls OR r.rolcreaterole OR r.rolcreatedb THEN
        RAISE EXCEPTION 'the runtime role % must not be a superuser or create roles or databases', runtime;
    END IF;
    IF EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relowner = r.oid)
       OR EXISTS (SELECT 1 FROM pg_database WHERE datname = current_database() AND datdba = r.oid)
       OR EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'public' AND nspowner = r.oid) THEN
        RAISE EXCEPTION 'the runtime role % owns part of the database: migrate as another role', runtime;
    END IF;
    EXECUTE format('REVOKE CREATE ON DATABASE %I FROM %I', current_database(), runtime);
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), runtime);
    EXECUTE format('REVOKE CREATE ON SCHEMA public FROM %I', runtime);
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', runtime);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', runtime);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_events, audit_chain FROM %I', runtime);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON __diesel_schema_migrations FROM %I', runtime);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', runtime);
END;
$$;
REVOKE ALL ON FUNCTION ncen_grant_runtime(name) FROM PUBLIC;
