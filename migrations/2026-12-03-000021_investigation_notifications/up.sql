-- Investigations notify through messaging (issue 14): a lead named or a member added
-- (`investigation_assigned`), a review asked for or answered (`investigation_review`), a task
-- given to someone (`investigation_task`).
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN
    ('message', 'warning', 'feedback', 'feedback_overdue', 'case_returned', 'case_reopened',
     'alert_hit', 'alert_match', 'alert_activation',
     'investigation_assigned', 'investigation_review', 'investigation_task'));
