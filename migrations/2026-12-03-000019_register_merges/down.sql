DELETE FROM register_history WHERE action IN ('merge', 'merged', 'unmerge');
ALTER TABLE register_history DROP CONSTRAINT register_history_action_check;
ALTER TABLE register_history ADD CONSTRAINT register_history_action_check
    CHECK (action IN ('create', 'update'));
DROP TABLE duplicate_pairs;
DROP TRIGGER case_companies_merge_redirect ON seizure_case_companies;
DROP TRIGGER case_persons_merge_redirect ON seizure_case_persons;
DROP FUNCTION ncen_merge_redirect();
DROP TABLE register_merge_redirects;
DROP TABLE register_merges;
ALTER TABLE companies DROP COLUMN merged_into;
ALTER TABLE persons DROP COLUMN merged_into;
CREATE OR REPLACE FUNCTION ncen_match_enqueue_changed() RETURNS trigger
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
