-- Every change to a person, company or conveyance, with its old → new values (the record's
-- fields as the API shows them), so that a record's history can be read and a case shows when
-- a record it links changed. Rows are written by the server in the transaction of the change.
CREATE TABLE register_history (
    id bigserial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('person', 'company', 'conveyance')),
    record_id uuid NOT NULL,
    version integer NOT NULL,
    action text NOT NULL CHECK (action IN ('create', 'update')),
    actor_id uuid NULL REFERENCES users(id),
    actor_username text NULL,
    at timestamptz NOT NULL DEFAULT now(),
    changes jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX register_history_record_idx ON register_history (record_id, id);

-- A case's history names the linked record whose change it records (`record_update`):
-- {"kind": "person", "id": "…", "version": 3}.
ALTER TABLE seizure_history ADD COLUMN record jsonb NULL;
