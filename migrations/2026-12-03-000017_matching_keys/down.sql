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
DROP TRIGGER companies_match_aliases ON companies;
DROP TRIGGER companies_match_name ON companies;
DROP TRIGGER persons_match_original ON persons;
DROP TRIGGER persons_match_aliases ON persons;
DROP TRIGGER persons_match_given ON persons;
DROP TRIGGER persons_match_family ON persons;
DROP FUNCTION ncen_match_keys_stale();
ALTER TABLE companies DROP COLUMN match_version, DROP COLUMN match_keys, DROP COLUMN match_latin;
ALTER TABLE persons DROP COLUMN match_version, DROP COLUMN match_keys, DROP COLUMN match_latin;
