-- Platform: organisation, users, sessions, login throttling, audit log, code lists.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- Secrets shared by every API instance (e.g. a generated JWT key when none is configured).
CREATE TABLE server_secrets (
    name text PRIMARY KEY,
    value bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE units (
    id uuid PRIMARY KEY,
    code text NOT NULL,
    name text NOT NULL,
    parent_id uuid NULL REFERENCES units(id),
    location_type text NULL,
    unlocode text NULL,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT units_code_format CHECK (code ~ '^[A-Z0-9][A-Z0-9_.-]{0,31}$'),
    CONSTRAINT units_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX units_code_key ON units (code);
CREATE INDEX units_parent_idx ON units (parent_id);

CREATE TABLE users (
    id uuid PRIMARY KEY,
    username text NOT NULL,
    display_name text NOT NULL,
    email text NULL,
    unit_id uuid NOT NULL REFERENCES units(id),
    roles text[] NOT NULL,
    password_hash text NOT NULL,
    password_changed_at timestamptz NOT NULL DEFAULT now(),
    disabled_at timestamptz NULL,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT users_roles_known CHECK (roles <@ ARRAY['officer','investigator','analyst','supervisor','liaison','auditor','admin']::text[]),
    CONSTRAINT users_username_format CHECK (username ~ '^[a-z0-9][a-z0-9_.-]{1,63}$')
);
CREATE UNIQUE INDEX users_username_key ON users (username);
CREATE INDEX users_unit_idx ON users (unit_id);
CREATE INDEX users_search_trgm ON users USING gin ((username || ' ' || lower(display_name)) gin_trgm_ops);

-- A session is one sign-in; its refresh tokens form a rotation family.
CREATE TABLE sessions (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz NULL,
    revoked_reason text NULL,
    ip inet NULL,
    user_agent text NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id) WHERE revoked_at IS NULL;

CREATE TABLE refresh_tokens (
    token_hash bytea PRIMARY KEY,
    session_id uuid NOT NULL REFERENCES sessions(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at timestamptz NULL
);
CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id);

CREATE TABLE login_attempts (
    id bigserial PRIMARY KEY,
    username text NOT NULL,
    ip inet NULL,
    succeeded boolean NOT NULL,
    attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_attempts_username_idx ON login_attempts (username, attempted_at);
CREATE INDEX login_attempts_ip_idx ON login_attempts (ip, attempted_at);

-- Audit log: append-only events, written in the transaction of the action they record.
CREATE TABLE audit_events (
    id bigserial PRIMARY KEY,
    occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_id uuid NULL,
    actor_username text NULL,
    action text NOT NULL,
    object_type text NULL,
    object_id text NULL,
    outcome text NOT NULL,
    ip inet NULL,
    request_id text NULL,
    details jsonb NOT NULL DEFAULT '{}'::jsonb,
    CONSTRAINT audit_outcome_known CHECK (outcome IN ('success','failure','denied','throttled'))
);
CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at);
CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, id);
CREATE INDEX audit_events_action_idx ON audit_events (action, id);
CREATE INDEX audit_events_object_idx ON audit_events (object_type, object_id, id);

-- Hash chain over the events, appended by a single sealer (not by the requests themselves),
-- so ordinary transactions never wait on a global lock.
CREATE TABLE audit_chain (
    seq bigint PRIMARY KEY,
    event_id bigint NOT NULL UNIQUE REFERENCES audit_events(id),
    prev_hash bytea NOT NULL,
    hash bytea NOT NULL,
    sealed_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only (% on %)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_append_only BEFORE UPDATE OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_chain_no_truncate BEFORE TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE TABLE codelists (
    name text PRIMARY KEY,
    description text NOT NULL,
    parent_list text NULL REFERENCES codelists(name),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE codelist_entries (
    list_name text NOT NULL REFERENCES codelists(name),
    code text NOT NULL,
    parent_code text NULL,
    labels jsonb NOT NULL,
    attributes jsonb NOT NULL DEFAULT '{}'::jsonb,
    sort_order integer NOT NULL DEFAULT 0,
    retired_at timestamptz NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (list_name, code),
    CONSTRAINT codelist_labels_have_en CHECK (labels ? 'en')
);
CREATE INDEX codelist_entries_parent_idx ON codelist_entries (list_name, parent_code);
