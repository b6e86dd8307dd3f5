CREATE OR REPLACE FUNCTION ncen_search_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO saved_search_queue (case_id) SELECT DISTINCT id FROM changed
        ON CONFLICT (case_id) DO NOTHING;
    PERFORM pg_notify('ncen_searches', '');
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION ncen_search_enqueue_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO saved_search_record_queue (target, record_id)
            SELECT DISTINCT TG_ARGV[0], id FROM changed
            ON CONFLICT DO NOTHING;
    ELSE
        INSERT INTO saved_search_record_queue (target, record_id)
            SELECT DISTINCT TG_ARGV[0], n.id FROM changed n JOIN previous o USING (id)
            WHERE n.version IS DISTINCT FROM o.version
            ON CONFLICT DO NOTHING;
    END IF;
    IF FOUND THEN
        PERFORM pg_notify('ncen_searches', '');
    END IF;
    RETURN NULL;
END
$$;
