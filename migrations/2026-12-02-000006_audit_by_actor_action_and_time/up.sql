-- A user's recent events of given kinds (list pages in the last minute, records read in the
-- bulk-read window) by index ranges, not by reading every recent event of theirs (a heavy
-- reader writes tens of thousands of `seizure.read` rows a minute).
DROP INDEX audit_events_actor_time_idx;
CREATE INDEX audit_events_actor_action_time_idx ON audit_events (actor_id, action, occurred_at);
