-- Seizure database: the person, company and conveyance registers and the seizure cases
-- that link them (goods, route, concealment, history).

-- Accent-, case- and script-folding for search. unaccent() itself is only STABLE (it reads
-- its dictionary), so index and generated-column expressions go through IMMUTABLE wrappers
-- that name the dictionary explicitly.
CREATE FUNCTION ncen_fold(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, t)) $$;

-- Folded, Cyrillic transliterated to Latin, punctuation to spaces, words sorted: so that
-- "Мухаммад Али", "ali, muhammad" and "MUHAMMAD Alí" share one key.
CREATE FUNCTION ncen_name_key(t text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$
    SELECT coalesce(string_agg(w, ' ' ORDER BY w), '')
      FROM regexp_split_to_table(
        regexp_replace(
          translate(
            replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
              public.ncen_fold(t),
              'щ', 'shch'), 'ж', 'zh'), 'х', 'kh'), 'ц', 'ts'), 'ч', 'ch'), 'ш', 'sh'),
              'ю', 'yu'), 'я', 'ya'), 'ё', 'e'), 'й', 'y'),
            'абвгдезиклмнопрстуфыэъь', 'abvgdeziklmnoprstufye'),
          '[^[:alnum:]]+', ' ', 'g'),
        ' ') AS w
     WHERE w <> ''
    $$;

-- A rough consonant skeleton of each word of a name key (first letter kept, vowels dropped,
-- kh→h, ph/v/w→f, doubled letters collapsed): "Mohammed", "Muhammad" and "Мухаммад" give
-- "mhmd"; "Ivanov" and "Ivanoff" give "ifnf".
CREATE FUNCTION ncen_name_skeleton(key text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$
    SELECT coalesce(string_agg(s, ' ' ORDER BY s), '')
      FROM (
        SELECT regexp_replace(
                 left(x, 1) || regexp_replace(substr(x, 2), '[aeiouy]', '', 'g'),
                 '(.)\1+', '\1', 'g') AS s
          FROM (
            SELECT translate(replace(replace(w, 'kh', 'h'), 'ph', 'f'), 'vw', 'ff') AS x
              FROM regexp_split_to_table(key, ' ') AS w
             WHERE w <> ''
          ) words
      ) skel
    $$;

CREATE FUNCTION ncen_person_key(family_name text, given_names text, original text, aliases text[])
    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT public.ncen_name_key(coalesce(family_name, '') || ' ' || coalesce(given_names, '') || ' '
                               || coalesce(original, '') || ' ' || coalesce(array_to_string(aliases, ' '), '')) $$;

CREATE FUNCTION ncen_company_key(name text, aliases text[])
    RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT public.ncen_name_key(coalesce(name, '') || ' ' || coalesce(array_to_string(aliases, ' '), '')) $$;

CREATE TABLE persons (
    id uuid PRIMARY KEY,
    family_name text NOT NULL,
    given_names text NULL,
    aliases text[] NOT NULL DEFAULT '{}',
    original_script_name text NULL,
    birth_year smallint NULL,
    birth_month smallint NULL,
    birth_day smallint NULL,
    place_of_birth text NULL,
    gender text NULL,
    nationalities text[] NOT NULL DEFAULT '{}',
    addresses text[] NOT NULL DEFAULT '{}',
    phones text[] NOT NULL DEFAULT '{}',
    emails text[] NOT NULL DEFAULT '{}',
    notes text NULL,
    search_key text GENERATED ALWAYS AS (ncen_person_key(family_name, given_names, original_script_name, aliases)) STORED,
    phonetic_key text GENERATED ALWAYS AS (ncen_name_skeleton(ncen_person_key(family_name, given_names, original_script_name, aliases))) STORED,
    version integer NOT NULL DEFAULT 1,
    created_by uuid NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid NULL REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT persons_gender_known CHECK (gender IN ('female', 'male', 'other', 'unknown')),
    CONSTRAINT persons_birth_month CHECK (birth_month IS NULL OR (birth_month BETWEEN 1 AND 12 AND birth_year IS NOT NULL)),
    CONSTRAINT persons_birth_day CHECK (birth_day IS NULL OR (birth_day BETWEEN 1 AND 31 AND birth_month IS NOT NULL))
);
CREATE INDEX persons_search_trgm ON persons USING gin (search_key gin_trgm_ops);
CREATE INDEX persons_phonetic_trgm ON persons USING gin (phonetic_key gin_trgm_ops);
CREATE INDEX persons_sort_idx ON persons (search_key, id);
CREATE INDEX persons_birth_idx ON persons (birth_year, birth_month, birth_day);
CREATE INDEX persons_nationalities_idx ON persons USING gin (nationalities);

-- Identity documents, one row each (an alert can match a document number exactly).
CREATE TABLE person_documents (
    person_id uuid NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    position integer NOT NULL,
    document_type text NOT NULL,
    number text NOT NULL,
    number_norm text NOT NULL,
    issuing_country text NULL,
    expires_on date NULL,
    PRIMARY KEY (person_id, position),
    CONSTRAINT person_documents_position CHECK (position >= 1)
);
CREATE INDEX person_documents_number_idx ON person_documents (number_norm);

CREATE TABLE companies (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    aliases text[] NOT NULL DEFAULT '{}',
    registration_number text NULL,
    tax_id text NULL,
    eori text NULL,
    country text NULL,
    activities text[] NOT NULL DEFAULT '{}',
    status text NOT NULL DEFAULT 'active',
    addresses text[] NOT NULL DEFAULT '{}',
    notes text NULL,
    search_key text GENERATED ALWAYS AS (ncen_company_key(name, aliases)) STORED,
    version integer NOT NULL DEFAULT 1,
    created_by uuid NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid NULL REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT companies_status_known CHECK (status IN ('active', 'inactive', 'dissolved', 'unknown'))
);
CREATE INDEX companies_search_trgm ON companies USING gin (search_key gin_trgm_ops);
CREATE INDEX companies_sort_idx ON companies (search_key, id);
CREATE INDEX companies_registration_idx ON companies (registration_number);
CREATE INDEX companies_tax_id_idx ON companies (tax_id);
CREATE INDEX companies_eori_idx ON companies (eori);
CREATE INDEX companies_country_idx ON companies (country);
CREATE INDEX companies_activities_idx ON companies USING gin (activities);

CREATE TABLE conveyances (
    id uuid PRIMARY KEY,
    conveyance_type text NOT NULL,
    identifier_kind text NOT NULL,
    identifier text NOT NULL,
    identifier_norm text NOT NULL,
    country text NULL,
    name text NULL,
    make text NULL,
    model text NULL,
    notes text NULL,
    version integer NOT NULL DEFAULT 1,
    created_by uuid NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid NULL REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT conveyances_identifier_kind_known CHECK (identifier_kind IN (
        'container', 'imo', 'mmsi', 'vin', 'air_waybill', 'aircraft_registration',
        'flight_number', 'plate', 'bill_of_lading', 'tracking_number', 'other'))
);
-- One record per identifier (plates are only unique within their registration country).
CREATE UNIQUE INDEX conveyances_identifier_key ON conveyances (identifier_kind, identifier_norm, coalesce(country, ''));
CREATE INDEX conveyances_identifier_prefix_idx ON conveyances (identifier_norm text_pattern_ops);
CREATE INDEX conveyances_name_trgm ON conveyances USING gin (ncen_fold(coalesce(name, '')) gin_trgm_ops);
CREATE INDEX conveyances_type_idx ON conveyances (conveyance_type);
CREATE INDEX conveyances_sort_idx ON conveyances (identifier_norm, id);

-- References are <country>-<year>-<sequence>; one counter row per year, incremented under
-- its row lock inside the creating transaction (no gaps from rolled-back creations).
CREATE TABLE seizure_reference_counters (
    year integer PRIMARY KEY,
    last_value integer NOT NULL
);

CREATE TABLE seizure_cases (
    id uuid PRIMARY KEY,
    reference text NOT NULL,
    kind text NOT NULL,
    status text NOT NULL DEFAULT 'draft',
    reporting_unit_id uuid NOT NULL REFERENCES units(id),
    reporting_officer_id uuid NOT NULL REFERENCES users(id),
    detected_at timestamptz NOT NULL,
    place text NULL,
    location_type text NULL,
    unlocode text NULL,
    country text NULL,
    latitude double precision NULL,
    longitude double precision NULL,
    direction text NULL,
    customs_procedure text NULL,
    declaration_reference text NULL,
    detection_methods text[] NOT NULL DEFAULT '{}',
    risk_profiling boolean NOT NULL DEFAULT false,
    intelligence_led boolean NOT NULL DEFAULT false,
    watch_list_hit boolean NOT NULL DEFAULT false,
    concealment_method text NULL,
    concealment_description text NULL,
    narrative text NULL,
    summary_non_nominal text NULL,
    offender_nationality text NULL,
    offender_gender text NULL,
    offender_age_band text NULL,
    search_text text GENERATED ALWAYS AS (ncen_fold(coalesce(place, '') || ' ' || coalesce(concealment_description, '') || ' '
        || coalesce(narrative, '') || ' ' || coalesce(summary_non_nominal, '') || ' ' || coalesce(declaration_reference, ''))) STORED,
    version integer NOT NULL DEFAULT 1,
    created_by uuid NOT NULL REFERENCES users(id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_by uuid NOT NULL REFERENCES users(id),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT seizure_cases_kind_known CHECK (kind IN ('seizure', 'offence')),
    CONSTRAINT seizure_cases_status_known CHECK (status IN ('draft', 'submitted', 'validated')),
    CONSTRAINT seizure_cases_gender_known CHECK (offender_gender IN ('female', 'male', 'other', 'unknown')),
    CONSTRAINT seizure_cases_age_band_known CHECK (offender_age_band IN
        ('under_18', '18_24', '25_34', '35_44', '45_54', '55_64', '65_plus', 'unknown')),
    CONSTRAINT seizure_cases_latitude CHECK (latitude BETWEEN -90 AND 90),
    CONSTRAINT seizure_cases_longitude CHECK (longitude BETWEEN -180 AND 180)
);
CREATE UNIQUE INDEX seizure_cases_reference_key ON seizure_cases (reference);
-- Every list is sorted by detection time (then id), so each filter index ends with them.
CREATE INDEX seizure_cases_detected_idx ON seizure_cases (detected_at, id);
CREATE INDEX seizure_cases_kind_idx ON seizure_cases (kind, detected_at, id);
CREATE INDEX seizure_cases_status_idx ON seizure_cases (status, detected_at, id);
CREATE INDEX seizure_cases_unit_idx ON seizure_cases (reporting_unit_id, detected_at, id);
CREATE INDEX seizure_cases_concealment_idx ON seizure_cases (concealment_method, detected_at, id);
CREATE INDEX seizure_cases_location_type_idx ON seizure_cases (location_type, detected_at, id);
CREATE INDEX seizure_cases_direction_idx ON seizure_cases (direction, detected_at, id);
CREATE INDEX seizure_cases_detection_methods_idx ON seizure_cases USING gin (detection_methods);
CREATE INDEX seizure_cases_search_trgm ON seizure_cases USING gin (search_text gin_trgm_ops);

CREATE TABLE seizure_goods (
    id uuid PRIMARY KEY,
    case_id uuid NOT NULL REFERENCES seizure_cases(id) ON DELETE CASCADE,
    position integer NOT NULL,
    commodity_group text NOT NULL,
    commodity_type text NULL,
    hs_code text NULL,
    description text NULL,
    quantity double precision NOT NULL,
    unit text NOT NULL,
    mass_kg double precision NULL,
    value double precision NULL,
    currency text NULL,
    packaging text NULL,
    brand text NULL,
    species text NULL,
    cites_appendix text NULL,
    purity_percent double precision NULL,
    search_text text GENERATED ALWAYS AS (ncen_fold(coalesce(description, '') || ' ' || coalesce(brand, '') || ' '
        || coalesce(species, '') || ' ' || coalesce(packaging, ''))) STORED,
    CONSTRAINT seizure_goods_position UNIQUE (case_id, position),
    CONSTRAINT seizure_goods_quantity_positive CHECK (quantity > 0),
    CONSTRAINT seizure_goods_mass_positive CHECK (mass_kg > 0),
    CONSTRAINT seizure_goods_value_positive CHECK (value >= 0),
    CONSTRAINT seizure_goods_hs_code CHECK (hs_code ~ '^[0-9]{6,10}$'),
    CONSTRAINT seizure_goods_cites CHECK (cites_appendix IN ('I', 'II', 'III')),
    CONSTRAINT seizure_goods_purity CHECK (purity_percent BETWEEN 0 AND 100)
);
CREATE INDEX seizure_goods_group_idx ON seizure_goods (commodity_group, case_id);
CREATE INDEX seizure_goods_type_idx ON seizure_goods (commodity_type, case_id);
CREATE INDEX seizure_goods_search_trgm ON seizure_goods USING gin (search_text gin_trgm_ops);

CREATE TABLE seizure_route_legs (
    case_id uuid NOT NULL REFERENCES seizure_cases(id) ON DELETE CASCADE,
    position integer NOT NULL,
    country text NOT NULL,
    unlocode text NULL,
    place text NULL,
    role text NOT NULL,
    departure_date date NULL,
    arrival_date date NULL,
    PRIMARY KEY (case_id, position),
    CONSTRAINT seizure_route_legs_position CHECK (position >= 1)
);
CREATE INDEX seizure_route_legs_country_idx ON seizure_route_legs (country, case_id);

CREATE TABLE seizure_case_persons (
    case_id uuid NOT NULL REFERENCES seizure_cases(id) ON DELETE CASCADE,
    person_id uuid NOT NULL REFERENCES persons(id),
    role text NOT NULL,
    position integer NOT NULL,
    PRIMARY KEY (case_id, person_id, role)
);
CREATE INDEX seizure_case_persons_person_idx ON seizure_case_persons (person_id);

CREATE TABLE seizure_case_companies (
    case_id uuid NOT NULL REFERENCES seizure_cases(id) ON DELETE CASCADE,
    company_id uuid NOT NULL REFERENCES companies(id),
    role text NOT NULL,
    position integer NOT NULL,
    PRIMARY KEY (case_id, company_id, role)
);
CREATE INDEX seizure_case_companies_company_idx ON seizure_case_companies (company_id);

CREATE TABLE seizure_case_conveyances (
    case_id uuid NOT NULL REFERENCES seizure_cases(id) ON DELETE CASCADE,
    conveyance_id uuid NOT NULL REFERENCES conveyances(id),
    role text NOT NULL,
    position integer NOT NULL,
    PRIMARY KEY (case_id, conveyance_id, role),
    CONSTRAINT seizure_case_conveyances_role CHECK (role IN ('carrying', 'container', 'trailer', 'parcel', 'other'))
);
CREATE INDEX seizure_case_conveyances_conveyance_idx ON seizure_case_conveyances (conveyance_id);

-- Every change to a case: who, when, the version it produced, and each field old → new.
CREATE TABLE seizure_history (
    id bigserial PRIMARY KEY,
    case_id uuid NOT NULL REFERENCES seizure_cases(id) ON DELETE CASCADE,
    version integer NOT NULL,
    action text NOT NULL,
    actor_id uuid NULL REFERENCES users(id),
    actor_username text NULL,
    at timestamptz NOT NULL DEFAULT now(),
    reason text NULL,
    changes jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX seizure_history_case_idx ON seizure_history (case_id, id);
