-- Officer experience (issue 12), continued.

-- 1. Registers sorted by last case: each person, company and conveyance carries the detection
--    time of the latest case that links it (NULL when none), kept by triggers on the link
--    tables (a link added or removed, or a case deleted) and on the case (its detection time
--    corrected), so that every writer — the API, imports, exchange — keeps it right.
ALTER TABLE persons ADD COLUMN last_case_at timestamptz;
ALTER TABLE companies ADD COLUMN last_case_at timestamptz;
ALTER TABLE conveyances ADD COLUMN last_case_at timestamptz;

UPDATE persons p SET last_case_at = (
    SELECT max(c.detected_at) FROM seizure_case_persons l JOIN seizure_cases c ON c.id = l.case_id
    WHERE l.person_id = p.id);
UPDATE companies p SET last_case_at = (
    SELECT max(c.detected_at) FROM seizure_case_companies l JOIN seizure_cases c ON c.id = l.case_id
    WHERE l.company_id = p.id);
UPDATE conveyances p SET last_case_at = (
    SELECT max(c.detected_at) FROM seizure_case_conveyances l JOIN seizure_cases c ON c.id = l.case_id
    WHERE l.conveyance_id = p.id);

-- Newest first, records without a case last; the key the list pages on.
CREATE INDEX persons_last_case_idx ON persons ((coalesce(last_case_at, '-infinity')), id);
CREATE INDEX companies_last_case_idx ON companies ((coalesce(last_case_at, '-infinity')), id);
CREATE INDEX conveyances_last_case_idx ON conveyances ((coalesce(last_case_at, '-infinity')), id);

-- Recomputes the column for the given records of one register.
CREATE FUNCTION ncen_refresh_last_case(register text, ids uuid[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    IF register = 'person' THEN
        UPDATE persons r SET last_case_at = f.at FROM (
            SELECT i AS id, (SELECT max(c.detected_at) FROM seizure_case_persons l
                             JOIN seizure_cases c ON c.id = l.case_id WHERE l.person_id = i) AS at
            FROM unnest(ids) i) f
        WHERE r.id = f.id AND r.last_case_at IS DISTINCT FROM f.at;
    ELSIF register = 'company' THEN
        UPDATE companies r SET last_case_at = f.at FROM (
            SELECT i AS id, (SELECT max(c.detected_at) FROM seizure_case_companies l
                             JOIN seizure_cases c ON c.id = l.case_id WHERE l.company_id = i) AS at
            FROM unnest(ids) i) f
        WHERE r.id = f.id AND r.last_case_at IS DISTINCT FROM f.at;
    ELSE
        UPDATE conveyances r SET last_case_at = f.at FROM (
            SELECT i AS id, (SELECT max(c.detected_at) FROM seizure_case_conveyances l
                             JOIN seizure_cases c ON c.id = l.case_id WHERE l.conveyance_id = i) AS at
            FROM unnest(ids) i) f
        WHERE r.id = f.id AND r.last_case_at IS DISTINCT FROM f.at;
    END IF;
END
$$;

-- A statement on a link table: the records it linked or unlinked (TG_ARGV: register, column).
CREATE FUNCTION ncen_links_changed_last_case() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    ids uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', TG_ARGV[1]) INTO ids;
    ELSE
        EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', TG_ARGV[1]) INTO ids;
    END IF;
    PERFORM ncen_refresh_last_case(TG_ARGV[0], ids);
    RETURN NULL;
END
$$;

CREATE TRIGGER case_persons_added_last_case AFTER INSERT ON seizure_case_persons
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION ncen_links_changed_last_case('person', 'person_id');
CREATE TRIGGER case_persons_removed_last_case AFTER DELETE ON seizure_case_persons
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION ncen_links_changed_last_case('person', 'person_id');
CREATE TRIGGER case_companies_added_last_case AFTER INSERT ON seizure_case_companies
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION ncen_links_changed_last_case('company', 'company_id');
CREATE TRIGGER case_companies_removed_last_case AFTER DELETE ON seizure_case_companies
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION ncen_links_changed_last_case('company', 'company_id');
CREATE TRIGGER case_conveyances_added_last_case AFTER INSERT ON seizure_case_conveyances
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
    EXECUTE FUNCTION ncen_links_changed_last_case('conveyance', 'conveyance_id');
CREATE TRIGGER case_conveyances_removed_last_case AFTER DELETE ON seizure_case_conveyances
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION ncen_links_changed_last_case('conveyance', 'conveyance_id');

-- A corrected detection time moves the records the case links.
CREATE FUNCTION ncen_case_time_changed_last_case() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ncen_refresh_last_case('person',
        ARRAY(SELECT person_id FROM seizure_case_persons WHERE case_id = NEW.id));
    PERFORM ncen_refresh_last_case('company',
        ARRAY(SELECT company_id FROM seizure_case_companies WHERE case_id = NEW.id));
    PERFORM ncen_refresh_last_case('conveyance',
        ARRAY(SELECT conveyance_id FROM seizure_case_conveyances WHERE case_id = NEW.id));
    RETURN NULL;
END
$$;

CREATE TRIGGER case_time_changed_last_case AFTER UPDATE OF detected_at ON seizure_cases
    FOR EACH ROW WHEN (OLD.detected_at IS DISTINCT FROM NEW.detected_at)
    EXECUTE FUNCTION ncen_case_time_changed_last_case();

-- A record's last case is not part of the cases' documents (which hold what was recorded):
-- an update of a register record that changed nothing but `last_case_at` no longer marks
-- every case that links the record stale.
CREATE OR REPLACE FUNCTION ncen_case_documents_on_records() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    changed uuid[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', TG_ARGV[0]) INTO changed;
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', TG_ARGV[0]) INTO changed;
    ELSIF TG_TABLE_NAME IN ('persons', 'companies', 'conveyances') THEN
        SELECT array_agg(n.id) INTO changed
          FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE to_jsonb(n) - 'last_case_at' IS DISTINCT FROM to_jsonb(o) - 'last_case_at';
    ELSE
        EXECUTE format('SELECT array_agg(DISTINCT k) FROM (SELECT %1$I AS k FROM new_rows UNION SELECT %1$I FROM old_rows) x', TG_ARGV[0])
            INTO changed;
    END IF;
    IF changed IS NOT NULL THEN
        EXECUTE format('SELECT ncen_case_documents_stale(ARRAY(SELECT DISTINCT case_id FROM %I WHERE %I = ANY($1)))',
                       TG_ARGV[1], TG_ARGV[2])
            USING changed;
    END IF;
    RETURN NULL;
END;
$$;

-- 2. Unit and office names per language, where the administration gives one
--    (`{"en": "…", "ar": "…"}`); `name` stays the name in the administration's own language
--    and the one shown where no translation is given.
ALTER TABLE units ADD COLUMN name_translations jsonb NOT NULL DEFAULT '{}'
    CONSTRAINT units_name_translations_object CHECK (jsonb_typeof(name_translations) = 'object');
