-- A company's risk columns (written by the risk worker) are not data to check against alerts:
-- without them in the ignored list, every recomputation queued an alert check and a duplicate
-- probe of the company (found by `make bench-companies`: the match queue grew as the risk
-- worker ran).
CREATE OR REPLACE FUNCTION ncen_match_enqueue_changed() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    ignored text[] := ARRAY['last_case_at', 'match_latin', 'match_keys', 'match_version',
                            'version', 'updated_at', 'updated_by', 'search_key', 'phonetic_key',
                            'merged_into', 'risk_score', 'risk_own', 'risk_explanation', 'risk_at'];
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
