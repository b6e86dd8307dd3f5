// Diesel table definitions, kept in step with `migrations/` (checked by the
// migration tests, which query every column declared here). Generated search columns
// (`seizure_cases.search_text`, `seizure_goods.search_text`) are left out: they are only
// filtered on, through SQL fragments. So are the denormalised filter arrays
// `seizure_cases.route_countries` and `seizure_cases.conveyance_types` (written by
// `seizures::repo::refresh_filter_arrays`, filtered on in `seizures::read::list`), which also
// keeps `seizure_cases` within diesel's 32-column tables.

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
    audit_seal_state (singleton) {
        singleton -> Bool,
        sealed_through -> Int8,
        mark_id -> Nullable<Int8>,
        mark_at -> Nullable<Timestamptz>,
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

diesel::table! {
    persons (id) {
        id -> Uuid,
        family_name -> Text,
        given_names -> Nullable<Text>,
        aliases -> Array<Text>,
        original_script_name -> Nullable<Text>,
        birth_year -> Nullable<Int2>,
        birth_month -> Nullable<Int2>,
        birth_day -> Nullable<Int2>,
        place_of_birth -> Nullable<Text>,
        gender -> Nullable<Text>,
        nationalities -> Array<Text>,
        addresses -> Array<Text>,
        phones -> Array<Text>,
        emails -> Array<Text>,
        notes -> Nullable<Text>,
        search_key -> Text,
        phonetic_key -> Text,
        version -> Int4,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_by -> Nullable<Uuid>,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    person_documents (person_id, position) {
        person_id -> Uuid,
        position -> Int4,
        document_type -> Text,
        number -> Text,
        number_norm -> Text,
        issuing_country -> Nullable<Text>,
        expires_on -> Nullable<Date>,
    }
}

diesel::table! {
    companies (id) {
        id -> Uuid,
        name -> Text,
        aliases -> Array<Text>,
        registration_number -> Nullable<Text>,
        tax_id -> Nullable<Text>,
        eori -> Nullable<Text>,
        country -> Nullable<Text>,
        activities -> Array<Text>,
        status -> Text,
        addresses -> Array<Text>,
        notes -> Nullable<Text>,
        search_key -> Text,
        version -> Int4,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_by -> Nullable<Uuid>,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    conveyances (id) {
        id -> Uuid,
        conveyance_type -> Text,
        identifier_kind -> Text,
        identifier -> Text,
        identifier_norm -> Text,
        country -> Nullable<Text>,
        name -> Nullable<Text>,
        make -> Nullable<Text>,
        model -> Nullable<Text>,
        notes -> Nullable<Text>,
        version -> Int4,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_by -> Nullable<Uuid>,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    seizure_reference_counters (year) {
        year -> Int4,
        last_value -> Int4,
    }
}

diesel::table! {
    /// Rendered case documents (see `seizures::document`); kept correct by triggers.
    seizure_case_documents (case_id) {
        case_id -> Uuid,
        generation -> Int8,
        format -> Nullable<Text>,
        version -> Nullable<Int4>,
        document -> Nullable<Text>,
    }
}

diesel::table! {
    seizure_cases (id) {
        id -> Uuid,
        reference -> Text,
        kind -> Text,
        status -> Text,
        reporting_unit_id -> Uuid,
        reporting_officer_id -> Uuid,
        detected_at -> Timestamptz,
        place -> Nullable<Text>,
        location_type -> Nullable<Text>,
        unlocode -> Nullable<Text>,
        country -> Nullable<Text>,
        latitude -> Nullable<Float8>,
        longitude -> Nullable<Float8>,
        direction -> Nullable<Text>,
        customs_procedure -> Nullable<Text>,
        declaration_reference -> Nullable<Text>,
        detection_methods -> Array<Text>,
        risk_profiling -> Bool,
        intelligence_led -> Bool,
        watch_list_hit -> Bool,
        concealment_method -> Nullable<Text>,
        concealment_description -> Nullable<Text>,
        narrative -> Nullable<Text>,
        summary_non_nominal -> Nullable<Text>,
        offender_nationality -> Nullable<Text>,
        offender_gender -> Nullable<Text>,
        offender_age_band -> Nullable<Text>,
        version -> Int4,
        created_by -> Uuid,
        created_at -> Timestamptz,
        updated_by -> Uuid,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    seizure_goods (id) {
        id -> Uuid,
        case_id -> Uuid,
        position -> Int4,
        commodity_group -> Text,
        commodity_type -> Nullable<Text>,
        hs_code -> Nullable<Text>,
        description -> Nullable<Text>,
        quantity -> Float8,
        unit -> Text,
        mass_kg -> Nullable<Float8>,
        value -> Nullable<Float8>,
        currency -> Nullable<Text>,
        packaging -> Nullable<Text>,
        brand -> Nullable<Text>,
        species -> Nullable<Text>,
        cites_appendix -> Nullable<Text>,
        purity_percent -> Nullable<Float8>,
    }
}

diesel::table! {
    seizure_route_legs (case_id, position) {
        case_id -> Uuid,
        position -> Int4,
        country -> Text,
        unlocode -> Nullable<Text>,
        place -> Nullable<Text>,
        role -> Text,
        departure_date -> Nullable<Date>,
        arrival_date -> Nullable<Date>,
    }
}

diesel::table! {
    seizure_case_persons (case_id, person_id, role) {
        case_id -> Uuid,
        person_id -> Uuid,
        role -> Text,
        position -> Int4,
    }
}

diesel::table! {
    seizure_case_companies (case_id, company_id, role) {
        case_id -> Uuid,
        company_id -> Uuid,
        role -> Text,
        position -> Int4,
    }
}

diesel::table! {
    seizure_case_conveyances (case_id, conveyance_id, role) {
        case_id -> Uuid,
        conveyance_id -> Uuid,
        role -> Text,
        position -> Int4,
    }
}

diesel::table! {
    seizure_history (id) {
        id -> Int8,
        case_id -> Uuid,
        version -> Int4,
        action -> Text,
        actor_id -> Nullable<Uuid>,
        actor_username -> Nullable<Text>,
        at -> Timestamptz,
        reason -> Nullable<Text>,
        changes -> Jsonb,
    }
}

diesel::table! {
    seizure_attachments (id) {
        id -> Uuid,
        case_id -> Uuid,
        kind -> Text,
        caption -> Nullable<Text>,
        cleared_for_export -> Bool,
        media_type -> Text,
        original_filename -> Nullable<Text>,
        size_bytes -> Int8,
        sha256 -> Bytea,
        width -> Nullable<Int4>,
        height -> Nullable<Int4>,
        storage_key -> Text,
        thumbnail_key -> Nullable<Text>,
        uploaded_by -> Uuid,
        uploaded_at -> Timestamptz,
    }
}

diesel::joinable!(seizure_attachments -> seizure_cases (case_id));
diesel::joinable!(users -> units (unit_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(refresh_tokens -> sessions (session_id));
diesel::joinable!(audit_chain -> audit_events (event_id));
diesel::joinable!(codelist_entries -> codelists (list_name));
diesel::joinable!(person_documents -> persons (person_id));
diesel::joinable!(seizure_goods -> seizure_cases (case_id));
diesel::joinable!(seizure_route_legs -> seizure_cases (case_id));
diesel::joinable!(seizure_case_persons -> seizure_cases (case_id));
diesel::joinable!(seizure_case_persons -> persons (person_id));
diesel::joinable!(seizure_case_companies -> seizure_cases (case_id));
diesel::joinable!(seizure_case_companies -> companies (company_id));
diesel::joinable!(seizure_case_conveyances -> seizure_cases (case_id));
diesel::joinable!(seizure_case_conveyances -> conveyances (conveyance_id));
diesel::joinable!(seizure_history -> seizure_cases (case_id));
diesel::joinable!(seizure_cases -> units (reporting_unit_id));

diesel::allow_tables_to_appear_in_same_query!(
    server_secrets,
    audit_seal_state,
    seizure_case_documents,
    units,
    users,
    sessions,
    refresh_tokens,
    login_attempts,
    audit_events,
    audit_chain,
    codelists,
    codelist_entries,
    persons,
    person_documents,
    companies,
    conveyances,
    seizure_reference_counters,
    seizure_cases,
    seizure_goods,
    seizure_route_legs,
    seizure_case_persons,
    seizure_case_companies,
    seizure_case_conveyances,
    seizure_history,
    seizure_attachments,
);
