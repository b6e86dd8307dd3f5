-- The rendered document of each case (what GET /seizures/{id} answers), so that a read is one
-- index lookup plus its audit row instead of a dozen subqueries. Documents are kept correct
-- by the triggers below, not by the application: any change to a case, its children, or a
-- record, unit or user it shows clears the document and bumps `generation`. A reader that
-- rebuilt a document stores it only if `generation` is still the one it read it under, so a
-- change committed meanwhile can never be overwritten by an older rendering.
CREATE TABLE seizure_case_documents (
    case_id uuid PRIMARY KEY REFERENCES seizure_cases(id) ON DELETE CASCADE,
    generation bigint NOT NULL DEFAULT 0,
    -- The server rendering that produced `document` (a hash of the API contract): a server
    -- with another one rebuilds instead of serving it.
    format text NULL,
    version integer NULL,
    document text NULL
);
-- Documents are read far more often than written: lz4 decompresses several times faster
-- than the default pglz (a server built without lz4 keeps pglz).
DO $$
BEGIN
    ALTER TABLE seizure_case_documents ALTER COLUMN document SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    NULL;
END;
$$;
INSERT INTO seizure_case_documents (case_id) SELECT id FROM seizure_cases;

CREATE FUNCTION ncen_case_documents_stale(ids uuid[]) RETURNS void
    LANGUAGE sql VOLATILE
    AS $$
    UPDATE seizure_case_documents
       SET generation = generation + 1, format = NULL, version = NULL, document = NULL
     WHERE case_id = ANY(ids)
    $$;

-- New cases get their (empty) document row; changed cases lose their document.
CREATE FUNCTION ncen_case_documents_on_cases() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO seizure_case_documents (case_id) SELECT id FROM new_rows;
    ELSE
        PERFORM ncen_case_documents_stale(ARRAY(SELECT id FROM new_rows));
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER seizure_cases_documents_insert AFTER INSERT ON seizure_cases
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ncen_case_documents_on_cases();
CREATE TRIGGER seizure_cases_documents_update AFTER UPDATE ON seizure_cases
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ncen_case_documents_on_cases();

-- Rows that belong to one case (goods, route legs, links, attachments): their case_id.
CREATE FUNCTION ncen_case_documents_on_children() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM ncen_case_documents_stale(ARRAY(SELECT DISTINCT case_id FROM new_rows));
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM ncen_case_documents_stale(ARRAY(SELECT DISTINCT case_id FROM old_rows));
    END IF;
    RETURN NULL;
END;
$$;

-- Register records (and person documents): every case that links them.
CREATE FUNCTION ncen_case_documents_on_records() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    changed uuid[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', TG_ARGV[0]) INTO changed;
    ELSIF TG_OP = 'INSERT' THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', TG_ARGV[0]) INTO changed;
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

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['seizure_goods', 'seizure_route_legs', 'seizure_case_persons',
                             'seizure_case_companies', 'seizure_case_conveyances', 'seizure_attachments'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_documents_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION ncen_case_documents_on_children()', t);
        EXECUTE format('CREATE TRIGGER %1$s_documents_update AFTER UPDATE ON %1$I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION ncen_case_documents_on_children()', t);
        EXECUTE format('CREATE TRIGGER %1$s_documents_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS old_rows
                        FOR EACH STATEMENT EXECUTE FUNCTION ncen_case_documents_on_children()', t);
    END LOOP;
END;
$$;

-- (table, its key column, the link table, the link table's column)
CREATE TRIGGER persons_documents_update AFTER UPDATE ON persons REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ncen_case_documents_on_records('id', 'seizure_case_persons', 'person_id');
CREATE TRIGGER person_documents_documents_insert AFTER INSERT ON person_documents REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ncen_case_documents_on_records('person_id', 'seizure_case_persons', 'person_id');
CREATE TRIGGER person_documents_documents_update AFTER UPDATE ON person_documents REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ncen_case_documents_on_records('person_id', 'seizure_case_persons', 'person_id');
CREATE TRIGGER person_documents_documents_delete AFTER DELETE ON person_documents REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ncen_case_documents_on_records('person_id', 'seizure_case_persons', 'person_id');
CREATE TRIGGER companies_documents_update AFTER UPDATE ON companies REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ncen_case_documents_on_records('id', 'seizure_case_companies', 'company_id');
CREATE TRIGGER conveyances_documents_update AFTER UPDATE ON conveyances REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION ncen_case_documents_on_records('id', 'seizure_case_conveyances', 'conveyance_id');

-- A case shows its unit's name and its officer's display name.
CREATE FUNCTION ncen_case_documents_on_names() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'units' THEN
        PERFORM ncen_case_documents_stale(ARRAY(SELECT id FROM seizure_cases WHERE reporting_unit_id = NEW.id));
    ELSE
        PERFORM ncen_case_documents_stale(ARRAY(SELECT id FROM seizure_cases WHERE reporting_officer_id = NEW.id));
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER units_documents_rename AFTER UPDATE OF name ON units
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION ncen_case_documents_on_names();
CREATE TRIGGER users_documents_rename AFTER UPDATE OF display_name ON users
    FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name) EXECUTE FUNCTION ncen_case_documents_on_names();
