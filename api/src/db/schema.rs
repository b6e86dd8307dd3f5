// Diesel table definitions, kept in step with `migrations/` (checked by the
// migration tests, which query every column declared here).

diesel::table! {
    server_secrets (name) {
        name -> Text,
        value -> Bytea,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    units (id) {
        id -> Uuid,
        code -> Text,
        name -> Text,
        parent_id -> Nullable<Uuid>,
        location_type -> Nullable<Text>,
        unlocode -> Nullable<Text>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    users (id) {
        id -> Uuid,
        username -> Text,
        display_name -> Text,
        email -> Nullable<Text>,
        unit_id -> Uuid,
        roles -> Array<Text>,
        password_hash -> Text,
        password_changed_at -> Timestamptz,
        disabled_at -> Nullable<Timestamptz>,
        version -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use diesel::pg::sql_types::Inet;

    sessions (id) {
        id -> Uuid,
        user_id -> Uuid,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        revoked_at -> Nullable<Timestamptz>,
        revoked_reason -> Nullable<Text>,
        ip -> Nullable<Inet>,
        user_agent -> Nullable<Text>,
    }
}

diesel::table! {
    refresh_tokens (token_hash) {
        token_hash -> Bytea,
        session_id -> Uuid,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        used_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use diesel::pg::sql_types::Inet;

    login_attempts (id) {
        id -> Int8,
        username -> Text,
        ip -> Nullable<Inet>,
        succeeded -> Bool,
        attempted_at -> Timestamptz,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use diesel::pg::sql_types::Inet;

    audit_events (id) {
        id -> Int8,
        occurred_at -> Timestamptz,
        actor_id -> Nullable<Uuid>,
        actor_username -> Nullable<Text>,
        action -> Text,
        object_type -> Nullable<Text>,
        object_id -> Nullable<Text>,
        outcome -> Text,
        ip -> Nullable<Inet>,
        request_id -> Nullable<Text>,
        details -> Jsonb,
    }
}

diesel::table! {
    audit_chain (seq) {
        seq -> Int8,
        event_id -> Int8,
        prev_hash -> Bytea,
        hash -> Bytea,
        sealed_at -> Timestamptz,
    }
}

diesel::table! {
    codelists (name) {
        name -> Text,
        description -> Text,
        parent_list -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    codelist_entries (list_name, code) {
        list_name -> Text,
        code -> Text,
        parent_code -> Nullable<Text>,
        labels -> Jsonb,
        attributes -> Jsonb,
        sort_order -> Int4,
        retired_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::joinable!(users -> units (unit_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(refresh_tokens -> sessions (session_id));
diesel::joinable!(audit_chain -> audit_events (event_id));
diesel::joinable!(codelist_entries -> codelists (list_name));

diesel::allow_tables_to_appear_in_same_query!(
    server_secrets,
    units,
    users,
    sessions,
    refresh_tokens,
    login_attempts,
    audit_events,
    audit_chain,
    codelists,
    codelist_entries,
);
