DELETE FROM notifications WHERE kind = 'search_hit';
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN
    ('message', 'warning', 'feedback', 'feedback_overdue', 'case_returned', 'case_reopened',
     'alert_hit', 'alert_match', 'alert_activation',
     'investigation_assigned', 'investigation_review', 'investigation_task',
     'request', 'request_answered', 'request_overdue', 'deadline_soon', 'deadline_overdue'));
DROP TRIGGER saved_search_on_update ON seizure_cases;
DROP TRIGGER saved_search_on_insert ON seizure_cases;
DROP FUNCTION ncen_search_enqueue();
DROP TABLE saved_search_queue;
DROP TABLE saved_search_hits;
DROP TABLE saved_searches;
