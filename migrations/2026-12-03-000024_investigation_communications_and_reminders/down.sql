ALTER TABLE investigations DROP COLUMN soon_reminded_for, DROP COLUMN overdue_reminded_for;
ALTER TABLE investigation_tasks DROP COLUMN soon_reminded_for, DROP COLUMN overdue_reminded_for;
DROP TRIGGER alert_hits_investigation_event ON alert_hits;
DROP FUNCTION investigation_hit_event();
DROP INDEX investigation_links_alert;
DROP TRIGGER messages_investigation_event ON messages;
DROP FUNCTION investigation_message_event();
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN
    ('message', 'warning', 'feedback', 'feedback_overdue', 'case_returned', 'case_reopened',
     'alert_hit', 'alert_match', 'alert_activation',
     'investigation_assigned', 'investigation_review', 'investigation_task'));
DROP INDEX message_threads_request_overdue;
ALTER TABLE message_threads
    DROP CONSTRAINT message_threads_answer_check,
    DROP CONSTRAINT message_threads_request_check,
    DROP COLUMN answered_at,
    DROP COLUMN answered_by,
    DROP COLUMN answer_id;
ALTER TABLE message_threads DROP CONSTRAINT message_threads_check;
ALTER TABLE message_threads ADD CONSTRAINT message_threads_check
    CHECK ((kind = 'warning') = (feedback_due IS NOT NULL));
ALTER TABLE message_threads DROP CONSTRAINT message_threads_kind_check;
ALTER TABLE message_threads ADD CONSTRAINT message_threads_kind_check
    CHECK (kind IN ('general', 'warning', 'feedback', 'seizure'));
