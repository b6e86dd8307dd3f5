-- A user's recent events (list pages per minute, records read within a window) without
-- reading the rest of their trail.
CREATE INDEX audit_events_actor_time_idx ON audit_events (actor_id, occurred_at);
