CREATE OR REPLACE FUNCTION ncen_match_enqueue_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    ignored text[] := ARRAY['last_case_at', 'match_latin', 'match_keys', 'match_version',
                            'version', 'updated_at', 'updated_by', 'search_key', 'phonetic_key',
                            'merged_into'];
BEGIN
    INSERT INTO match_queue (record_kind, record_id)
    SELECT TG_ARGV[0], n.id
      FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE to_jsonb(n) ->> 'merged_into' IS NULL
       AND to_jsonb(n) - ignored IS DISTINCT FROM to_jsonb(o) - ignored;
    IF FOUND THEN
        PERFORM pg_notify('ncen_match', '');
    END IF;
    RETURN NULL;
END;
$$;
