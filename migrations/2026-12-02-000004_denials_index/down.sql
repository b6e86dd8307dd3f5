DROP INDEX audit_events_denied_idx;
