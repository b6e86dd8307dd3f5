ALTER TABLE units DROP COLUMN name_translations;
DROP TRIGGER case_time_changed_last_case ON seizure_cases;
DROP FUNCTION ncen_case_time_changed_last_case();
DROP TRIGGER case_persons_added_last_case ON seizure_case_persons;
DROP TRIGGER case_persons_removed_last_case ON seizure_case_persons;
DROP TRIGGER case_companies_added_last_case ON seizure_case_companies;
DROP TRIGGER case_companies_removed_last_case ON seizure_case_companies;
DROP TRIGGER case_conveyances_added_last_case ON seizure_case_conveyances;
DROP TRIGGER case_conveyances_removed_last_case ON seizure_case_conveyances;
DROP FUNCTION ncen_links_changed_last_case();
DROP FUNCTION ncen_refresh_last_case(text, uuid[]);
ALTER TABLE persons DROP COLUMN last_case_at;
ALTER TABLE companies DROP COLUMN last_case_at;
ALTER TABLE conveyances DROP COLUMN last_case_at;
CREATE OR REPLACE FUNCTION ncen_case_documents_on_records() RETURNS trigger
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
