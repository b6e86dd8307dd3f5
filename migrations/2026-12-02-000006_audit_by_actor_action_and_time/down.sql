DROP INDEX audit_events_actor_action_time_idx;
CREATE INDEX audit_events_actor_time_idx ON audit_events (actor_id, occurred_at);
