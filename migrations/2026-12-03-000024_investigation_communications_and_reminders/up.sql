-- An investigation's communications (issue 14): its message threads, and requests for
-- information — a thread of kind `request` with a due date (`feedback_due`) that a recipient
-- answers once (`answer_id`: the answering message). Threads started from an investigation
-- carry its id; the team takes part in them.
ALTER TABLE message_threads DROP CONSTRAINT message_threads_kind_check;
ALTER TABLE message_threads ADD CONSTRAINT message_threads_kind_check
    CHECK (kind IN ('general', 'warning', 'feedback', 'seizure', 'request'));
ALTER TABLE message_threads DROP CONSTRAINT message_threads_check;
ALTER TABLE message_threads ADD CONSTRAINT message_threads_check
    CHECK ((kind IN ('warning', 'request')) = (feedback_due IS NOT NULL));
ALTER TABLE message_threads
    ADD COLUMN answer_id uuid REFERENCES messages (id) DEFERRABLE INITIALLY DEFERRED,
    ADD COLUMN answered_by uuid REFERENCES users (id),
    ADD COLUMN answered_at timestamptz,
    ADD CONSTRAINT message_threads_request_check CHECK (kind <> 'request' OR investigation_id IS NOT NULL),
    ADD CONSTRAINT message_threads_answer_check CHECK (
        (answer_id IS NULL) = (answered_at IS NULL) AND (answer_id IS NULL) = (answered_by IS NULL)
        AND (answer_id IS NULL OR kind = 'request'));
CREATE INDEX message_threads_request_overdue ON message_threads (feedback_due)
    WHERE kind = 'request' AND answer_id IS NULL AND overdue_notified_at IS NULL;

ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN
    ('message', 'warning', 'feedback', 'feedback_overdue', 'case_returned', 'case_reopened',
     'alert_hit', 'alert_match', 'alert_activation',
     'investigation_assigned', 'investigation_review', 'investigation_task',
     'request', 'request_answered', 'request_overdue', 'deadline_soon', 'deadline_overdue'));

-- The timeline hears of every message of an investigation's threads and every hit of an
-- alert it links, whatever the path that wrote them (in the writer's transaction).
CREATE FUNCTION investigation_message_event() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    inv uuid;
BEGIN
    SELECT t.investigation_id INTO inv FROM message_threads t WHERE t.id = NEW.thread_id;
    IF inv IS NOT NULL THEN
        INSERT INTO investigation_events (investigation_id, actor_id, kind, object_id, details)
        SELECT inv, NEW.sender_id, 'message', t.id,
               jsonb_build_object('thread_id', t.id, 'message_id', NEW.id, 'subject', t.subject,
                                  'thread_kind', t.kind, 'answer', t.answer_id IS NOT DISTINCT FROM NEW.id)
          FROM message_threads t WHERE t.id = NEW.thread_id;
        UPDATE investigations SET updated_at = now() WHERE id = inv;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER messages_investigation_event AFTER INSERT ON messages
    FOR EACH ROW EXECUTE FUNCTION investigation_message_event();

CREATE INDEX investigation_links_alert ON investigation_links (alert_id) WHERE alert_id IS NOT NULL;
CREATE FUNCTION investigation_hit_event() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO investigation_events (investigation_id, kind, object_id, details)
    SELECT l.investigation_id, 'hit', NEW.id,
           jsonb_build_object('alert_id', NEW.alert_id, 'record_kind', NEW.record_kind,
                              'record_id', NEW.record_id, 'score', NEW.score)
      FROM investigation_links l WHERE l.alert_id = NEW.alert_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER alert_hits_investigation_event AFTER INSERT ON alert_hits
    FOR EACH ROW EXECUTE FUNCTION investigation_hit_event();

-- Reminders (issue 14): the due date a reminder was last sent for, before (`soon`: within two
-- days) and after it passed (`overdue`); a new due date is reminded again.
ALTER TABLE investigation_tasks
    ADD COLUMN soon_reminded_for date,
    ADD COLUMN overdue_reminded_for date;
ALTER TABLE investigations
    ADD COLUMN soon_reminded_for date,
    ADD COLUMN overdue_reminded_for date;
