DROP TRIGGER pending_user_events_flush ON pending_user_events;
DROP FUNCTION flush_user_events();
DROP TABLE pending_user_events;
