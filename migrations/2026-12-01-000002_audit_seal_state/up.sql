-- Where the periodic audit sealer has reached, so that each pass looks only at the events
-- after `sealed_through` instead of anti-joining minutes of events with the whole chain.
-- Every event with an id up to `sealed_through` is sealed, or was never committed and never
-- will be. `mark_id` / `mark_at` record the last id the sequence had handed out and when:
-- once no transaction of this database is older than `mark_at`, every id up to `mark_id` is
-- final, and `sealed_through` may move there (see api/src/audit/chain.rs).
CREATE TABLE audit_seal_state (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    sealed_through bigint NOT NULL DEFAULT 0,
    mark_id bigint NULL,
    mark_at timestamptz NULL
);
INSERT INTO audit_seal_state DEFAULT VALUES;
