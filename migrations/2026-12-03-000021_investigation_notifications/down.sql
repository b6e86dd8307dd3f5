DELETE FROM notifications WHERE kind IN ('investigation_assigned', 'investigation_review', 'investigation_task');
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN
    ('message', 'warning', 'feedback', 'feedback_overdue', 'case_returned', 'case_reopened',
     'alert_hit', 'alert_match', 'alert_activation'));
