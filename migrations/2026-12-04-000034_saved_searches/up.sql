-- Saved searches that alert (issue 16): an analyst saves a seizure search (the list's filters
-- and text) as a rule; when a case is saved, the rules are checked against it by a worker
-- (queued here by a trigger and woken by NOTIFY ncen_searches, so that a save pays for one
-- queue row whatever the number of rules); each case that newly matches a rule is a hit, and
-- the rule's owner is notified. A rule shared with its unit is read (with its hits) by the
-- unit's members.

CREATE TABLE saved_searches (
    id uuid PRIMARY KEY,
    owner_id uuid NOT NULL REFERENCES users (id),
    unit_id uuid NOT NULL REFERENCES units (id),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    target text NOT NULL DEFAULT 'seizures' CHECK (target IN ('seizures')),
    query jsonb NOT NULL CHECK (jsonb_typeof(query) = 'object'),
    shared boolean NOT NULL DEFAULT false,
    active boolean NOT NULL DEFAULT true,
    hits integer NOT NULL DEFAULT 0,
    last_hit_at timestamptz,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX saved_searches_owner ON saved_searches (owner_id);
CREATE INDEX saved_searches_unit ON saved_searches (unit_id) WHERE shared;
CREATE INDEX saved_searches_active ON saved_searches (id) WHERE active;

CREATE TABLE saved_search_hits (
    search_id uuid NOT NULL REFERENCES saved_searches (id) ON DELETE CASCADE,
    case_id uuid NOT NULL REFERENCES seizure_cases (id) ON DELETE CASCADE,
    matched_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (search_id, case_id)
);
CREATE INDEX saved_search_hits_latest ON saved_search_hits (search_id, matched_at DESC, case_id);

CREATE TABLE saved_search_queue (
    case_id uuid PRIMARY KEY,
    queued_at timestamptz NOT NULL DEFAULT now()
);

-- One queue write per statement, whatever the number of rows; a case's goods, route and
-- parties are saved with the case row, whose version every save bumps.
CREATE FUNCTION ncen_search_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO saved_search_queue (case_id) SELECT DISTINCT id FROM changed
        ON CONFLICT (case_id) DO NOTHING;
    PERFORM pg_notify('ncen_searches', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER saved_search_on_insert AFTER INSERT ON seizure_cases
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ncen_search_enqueue();
CREATE TRIGGER saved_search_on_update AFTER UPDATE ON seizure_cases
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ncen_search_enqueue();

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN
    ('message', 'warning', 'feedback', 'feedback_overdue', 'case_returned', 'case_reopened',
     'alert_hit', 'alert_match', 'alert_activation',
     'investigation_assigned', 'investigation_review', 'investigation_task',
     'request', 'request_answered', 'request_overdue', 'deadline_soon', 'deadline_overdue',
     'search_hit'));
