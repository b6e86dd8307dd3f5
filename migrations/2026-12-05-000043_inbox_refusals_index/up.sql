-- The inbox's per-address throttle counts an address's recent refusals (issue 17).
CREATE INDEX audit_events_inbox_refusals ON audit_events (ip, occurred_at)
    WHERE action = 'exchange.inbox_refused';
