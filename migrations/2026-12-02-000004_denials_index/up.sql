-- Refusals (403) are audited at most once per user, route and minute: this finds the last
-- one of a user without reading the rest of their trail.
CREATE INDEX audit_events_denied_idx ON audit_events (actor_id, occurred_at)
    WHERE action = 'access.denied';
