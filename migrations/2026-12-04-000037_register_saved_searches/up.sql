-- Saved searches over the registers (issue 16): a rule keeps a person, company or conveyance
-- search as well as a seizure search. A record created or corrected (its version changes) is
-- queued by a trigger, as cases are, and the worker records each record that newly matches a
-- rule of its register as a hit.

ALTER TABLE saved_searches DROP CONSTRAINT saved_searches_target_check;
ALTER TABLE saved_searches ADD CONSTRAINT saved_searches_target_check
    CHECK (target IN ('seizures', 'persons', 'companies', 'conveyances'));
CREATE INDEX saved_searches_target ON saved_searches (target) WHERE active;

CREATE TABLE saved_search_record_hits (
    search_id uuid NOT NULL REFERENCES saved_searches (id) ON DELETE CASCADE,
    record_id uuid NOT NULL,
    matched_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (search_id, record_id)
);
CREATE INDEX saved_search_record_hits_latest
    ON saved_search_record_hits (search_id, matched_at DESC, record_id);

CREATE TABLE saved_search_record_queue (
    target text NOT NULL CHECK (target IN ('persons', 'companies', 'conveyances')),
    record_id uuid NOT NULL,
    queued_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (target, record_id)
);
CREATE INDEX saved_search_record_queue_order ON saved_search_record_queue (queued_at);

-- One queue write per statement; an update counts only when the record's version changed
-- (a correction, a merge), not when a case's link refreshes its last case or a worker its
-- risk score.
CREATE FUNCTION ncen_search_enqueue_record() RETURNS trigger LANGUAGE plpgsql AS $$
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

CREATE TRIGGER saved_search_on_insert AFTER INSERT ON persons
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION ncen_search_enqueue_record('persons');
CREATE TRIGGER saved_search_on_update AFTER UPDATE ON persons
    REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT
    EXECUTE FUNCTION ncen_search_enqueue_record('persons');
CREATE TRIGGER saved_search_on_insert AFTER INSERT ON companies
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION ncen_search_enqueue_record('companies');
CREATE TRIGGER saved_search_on_update AFTER UPDATE ON companies
    REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT
    EXECUTE FUNCTION ncen_search_enqueue_record('companies');
CREATE TRIGGER saved_search_on_insert AFTER INSERT ON conveyances
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT
    EXECUTE FUNCTION ncen_search_enqueue_record('conveyances');
CREATE TRIGGER saved_search_on_update AFTER UPDATE ON conveyances
    REFERENCING NEW TABLE AS changed OLD TABLE AS previous FOR EACH STATEMENT
    EXECUTE FUNCTION ncen_search_enqueue_record('conveyances');
