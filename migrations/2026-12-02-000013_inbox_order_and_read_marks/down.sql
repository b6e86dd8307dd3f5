DROP TABLE thread_reads;
DROP INDEX thread_participants_user_recent;
DROP INDEX thread_participants_unit_recent;
ALTER TABLE thread_participants DROP COLUMN last_message_at;
CREATE INDEX thread_participants_by_user ON thread_participants (user_id, thread_id)
    WHERE user_id IS NOT NULL;
CREATE INDEX thread_participants_by_unit ON thread_participants (unit_id, thread_id)
    WHERE unit_id IS NOT NULL;
