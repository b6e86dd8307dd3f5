-- A saved search tells of what was saved after it (the worker compares each queued entry's
-- time with the rule's): a case or record saved again while still queued keeps the later
-- time, so a save after the rule is never taken for one before it.

CREATE OR REPLACE FUNCTION ncen_search_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO saved_search_queue (case_id) SELECT DISTINCT id FROM changed
        ON CONFLICT (case_id) DO UPDATE SET queued_at = EXCLUDED.queued_at;
    PERFORM pg_notify('ncen_searches', '');
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION ncen_search_enqueue_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO saved_search_record_queue (target, record_id)
            SELECT DISTINCT TG_ARGV[0], id FROM changed
            ON CONFLICT (target, record_id) DO UPDATE SET queued_at = EXCLUDED.queued_at;
    ELSE
        INSERT INTO saved_search_record_queue (target, record_id)
            SELECT DISTINCT TG_ARGV[0], n.id FROM changed n JOIN previous o USING (id)
            WHERE n.version IS DISTINCT FROM o.version
            ON CONFLICT (target, record_id) DO UPDATE SET queued_at = EXCLUDED.queued_at;
    END IF;
    IF FOUND THEN
        PERFORM pg_notify('ncen_searches', '');
    END IF;
    RETURN NULL;
END
$$;
