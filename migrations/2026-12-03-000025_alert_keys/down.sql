CREATE INDEX alerts_active_keys ON alerts USING gin (match_keys) WITH (gin_pending_list_limit = 64)
    WHERE status = 'active';
DROP TRIGGER alerts_keys ON alerts;
DROP FUNCTION alert_keys_sync();
DROP TABLE alert_keys;
