-- Alerts (issue 13): watch-list entries on a person, company or conveyance of the registers or
-- on a bare identifier, and the hits recorded when matching data enters nCEN.

CREATE TABLE alert_reference_counters (
    year int PRIMARY KEY,
    last_value int NOT NULL
);

CREATE TABLE alerts (
    id uuid PRIMARY KEY,
    reference text NOT NULL UNIQUE,
    status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'active', 'expired', 'withdrawn')),
    subject_kind text NOT NULL CHECK (subject_kind IN ('person', 'company', 'conveyance', 'identifier')),
    person_id uuid REFERENCES persons (id),
    company_id uuid REFERENCES companies (id),
    conveyance_id uuid REFERENCES conveyances (id),
    -- a bare identifier: its kind and value as typed; `identifier_norm` is how it compares
    -- (also filled from the subject conveyance by the trigger below)
    identifier_kind text,
    identifier text,
    identifier_norm text,
    reason text NOT NULL,
    risk_level text NOT NULL CHECK (risk_level IN ('low', 'medium', 'high', 'critical')),
    requested_action text NOT NULL
        CHECK (requested_action IN ('inform_owner', 'discreet_check', 'control', 'detain')),
    handling_instructions text,
    owner_id uuid NOT NULL REFERENCES users (id),
    unit_id uuid NOT NULL REFERENCES units (id),
    valid_from date NOT NULL,
    valid_until date NOT NULL,
    activated_by uuid REFERENCES users (id),
    activated_at timestamptz,
    closed_by uuid REFERENCES users (id),
    closed_at timestamptz,
    closing_reason text,
    -- the subject's name keys, copied from the register record (kept current by triggers):
    -- the alert side of candidate generation, indexed over active alerts only
    match_latin text NOT NULL DEFAULT '',
    match_keys text[] NOT NULL DEFAULT '{}',
    version int NOT NULL DEFAULT 1,
    created_by uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (valid_until >= valid_from AND valid_until <= valid_from + interval '12 months'),
    CHECK ((subject_kind = 'person') = (person_id IS NOT NULL)),
    CHECK ((subject_kind = 'company') = (company_id IS NOT NULL)),
    CHECK ((subject_kind = 'conveyance') = (conveyance_id IS NOT NULL)),
    CHECK (subject_kind <> 'identifier' OR (identifier_kind IS NOT NULL AND identifier_norm IS NOT NULL)),
    CONSTRAINT alerts_match_keys_no_nulls CHECK (array_position(match_keys, NULL) IS NULL)
);
CREATE INDEX alerts_unit ON alerts (unit_id, status, created_at DESC);
CREATE INDEX alerts_person ON alerts (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX alerts_company ON alerts (company_id) WHERE company_id IS NOT NULL;
CREATE INDEX alerts_conveyance ON alerts (conveyance_id) WHERE conveyance_id IS NOT NULL;
CREATE INDEX alerts_identifier ON alerts (identifier_norm) WHERE status = 'active';
CREATE INDEX alerts_active_keys ON alerts USING gin (match_keys) WHERE status = 'active';
CREATE INDEX alerts_active_latin ON alerts USING gin (match_latin gin_trgm_ops) WHERE status = 'active';
CREATE INDEX alerts_expiry ON alerts (valid_until) WHERE status = 'active';

-- The subject's keys follow the subject: on the alert's save, and when the record changes.
CREATE FUNCTION ncen_alert_subject() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.person_id IS NOT NULL THEN
        SELECT match_latin, match_keys INTO NEW.match_latin, NEW.match_keys
          FROM persons WHERE id = NEW.person_id;
    ELSIF NEW.company_id IS NOT NULL THEN
        SELECT match_latin, match_keys INTO NEW.match_latin, NEW.match_keys
          FROM companies WHERE id = NEW.company_id;
    ELSIF NEW.conveyance_id IS NOT NULL THEN
        SELECT identifier_kind, identifier, identifier_norm
          INTO NEW.identifier_kind, NEW.identifier, NEW.identifier_norm
          FROM conveyances WHERE id = NEW.conveyance_id;
        NEW.match_latin := '';
        NEW.match_keys := '{}';
    ELSE
        NEW.match_latin := '';
        NEW.match_keys := '{}';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER alerts_subject BEFORE INSERT OR UPDATE OF person_id, company_id, conveyance_id, match_keys
    ON alerts FOR EACH ROW EXECUTE FUNCTION ncen_alert_subject();

CREATE FUNCTION ncen_alert_subject_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'persons' THEN
        UPDATE alerts SET match_keys = NEW.match_keys WHERE person_id = NEW.id;
    ELSIF TG_TABLE_NAME = 'companies' THEN
        UPDATE alerts SET match_keys = NEW.match_keys WHERE company_id = NEW.id;
    ELSE
        UPDATE alerts SET match_keys = '{}' WHERE conveyance_id = NEW.id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER persons_alert_subject AFTER UPDATE OF match_keys, match_latin ON persons
    FOR EACH ROW WHEN (OLD.match_keys IS DISTINCT FROM NEW.match_keys
                       OR OLD.match_latin IS DISTINCT FROM NEW.match_latin)
    EXECUTE FUNCTION ncen_alert_subject_changed();
CREATE TRIGGER companies_alert_subject AFTER UPDATE OF match_keys, match_latin ON companies
    FOR EACH ROW WHEN (OLD.match_keys IS DISTINCT FROM NEW.match_keys
                       OR OLD.match_latin IS DISTINCT FROM NEW.match_latin)
    EXECUTE FUNCTION ncen_alert_subject_changed();
CREATE TRIGGER conveyances_alert_subject AFTER UPDATE OF identifier_norm ON conveyances
    FOR EACH ROW WHEN (OLD.identifier_norm IS DISTINCT FROM NEW.identifier_norm)
    EXECUTE FUNCTION ncen_alert_subject_changed();

-- The durable queue of checks: every write that can bring matching data — a register record
-- created or changed, a record linked to a case — adds a row in the writer's transaction, so
-- no check is lost to a crash; each instance's worker takes rows with FOR UPDATE SKIP LOCKED.
CREATE TABLE match_queue (
    id bigserial PRIMARY KEY,
    record_kind text NOT NULL CHECK (record_kind IN ('person', 'company', 'conveyance')),
    record_id uuid NOT NULL,
    case_id uuid,
    enqueued_at timestamptz NOT NULL DEFAULT now(),
    attempts int NOT NULL DEFAULT 0,
    not_before timestamptz NOT NULL DEFAULT now(),
    last_error text
);
CREATE INDEX match_queue_due ON match_queue (not_before, id);

CREATE FUNCTION ncen_match_enqueue() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    -- TG_ARGV: record kind, the column holding the record id, the column holding the case
    -- id (or '-')
    EXECUTE format(
        'INSERT INTO match_queue (record_kind, record_id, case_id) '
        'SELECT DISTINCT %L, %I, %s FROM new_rows',
        TG_ARGV[0], TG_ARGV[1], CASE WHEN TG_ARGV[2] = '-' THEN 'NULL::uuid' ELSE quote_ident(TG_ARGV[2]) END);
    PERFORM pg_notify('ncen_match', '');
    RETURN NULL;
END;
$$;

-- An update is checked again only when a fact changed (not the keys, the case date, the
-- version counters alone): re-keying a million rows must not queue a million checks.
CREATE FUNCTION ncen_match_enqueue_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    ignored text[] := ARRAY['last_case_at', 'match_latin', 'match_keys', 'match_version',
                            'version', 'updated_at', 'updated_by', 'search_key', 'phonetic_key'];
BEGIN
    INSERT INTO match_queue (record_kind, record_id)
    SELECT TG_ARGV[0], n.id
      FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE to_jsonb(n) - ignored IS DISTINCT FROM to_jsonb(o) - ignored;
    IF FOUND THEN
        PERFORM pg_notify('ncen_match', '');
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER persons_match_insert AFTER INSERT ON persons REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ncen_match_enqueue('person', 'id', '-');
CREATE TRIGGER persons_match_update AFTER UPDATE ON persons
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ncen_match_enqueue_changed('person');
CREATE TRIGGER person_documents_match AFTER INSERT ON person_documents REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ncen_match_enqueue('person', 'person_id', '-');
CREATE TRIGGER companies_match_insert AFTER INSERT ON companies REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ncen_match_enqueue('company', 'id', '-');
CREATE TRIGGER companies_match_update AFTER UPDATE ON companies
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ncen_match_enqueue_changed('company');
CREATE TRIGGER conveyances_match_insert AFTER INSERT ON conveyances REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ncen_match_enqueue('conveyance', 'id', '-');
CREATE TRIGGER conveyances_match_update AFTER UPDATE ON conveyances
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ncen_match_enqueue_changed('conveyance');
CREATE TRIGGER case_persons_match AFTER INSERT ON seizure_case_persons REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ncen_match_enqueue('person', 'person_id', 'case_id');
CREATE TRIGGER case_companies_match AFTER INSERT ON seizure_case_companies REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ncen_match_enqueue('company', 'company_id', 'case_id');
CREATE TRIGGER case_conveyances_match AFTER INSERT ON seizure_case_conveyances REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ncen_match_enqueue('conveyance', 'conveyance_id', 'case_id');

-- A hit: an alert and a record (with the cases that brought it) that the engine found to be
-- its subject. At most one hit awaiting review per alert and record; reviewed hits stay.
CREATE TABLE alert_hits (
    id uuid PRIMARY KEY,
    alert_id uuid NOT NULL REFERENCES alerts (id),
    record_kind text NOT NULL CHECK (record_kind IN ('person', 'company', 'conveyance')),
    record_id uuid NOT NULL,
    case_ids uuid[] NOT NULL DEFAULT '{}',
    score real NOT NULL,
    exact boolean NOT NULL,
    features jsonb NOT NULL,
    -- what the record looked like when compared: a dismissal holds for this data only
    fingerprint text NOT NULL,
    status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'confirmed', 'dismissed')),
    reviewed_by uuid REFERENCES users (id),
    reviewed_at timestamptz,
    review_reason text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT alert_hits_case_ids_no_nulls CHECK (array_position(case_ids, NULL) IS NULL)
);
CREATE UNIQUE INDEX alert_hits_open ON alert_hits (alert_id, record_kind, record_id) WHERE status = 'new';
CREATE INDEX alert_hits_pair ON alert_hits (alert_id, record_kind, record_id, status);
CREATE INDEX alert_hits_alert ON alert_hits (alert_id, created_at DESC);
CREATE INDEX alert_hits_record ON alert_hits (record_id);
CREATE INDEX alert_hits_cases ON alert_hits USING gin (case_ids);

-- Cases linked to an alert by a confirmed hit.
CREATE TABLE alert_cases (
    alert_id uuid NOT NULL REFERENCES alerts (id),
    case_id uuid NOT NULL REFERENCES seizure_cases (id),
    hit_id uuid NOT NULL REFERENCES alert_hits (id),
    linked_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (alert_id, case_id)
);
CREATE INDEX alert_cases_case ON alert_cases (case_id);

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN
    ('message', 'warning', 'feedback', 'feedback_overdue', 'case_returned', 'case_reopened',
     'alert_hit', 'alert_match', 'alert_activation'));
