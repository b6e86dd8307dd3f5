-- The inbox at national scale (bench/MESSAGING.md, "Inbox"): a user's threads newest first,
-- a page at a time, with unread counts, without visiting every thread they ever took part in.

-- 1. Each participant row carries its thread's last message time, kept equal to
--    `message_threads.last_message_at` by every post (same transaction). The first page is then
--    two index range scans (the user's own rows, their unit's rows) merged in order and cut at
--    the page size.
ALTER TABLE thread_participants ADD COLUMN last_message_at timestamptz NOT NULL DEFAULT now();
UPDATE thread_participants p SET last_message_at = t.last_message_at
FROM message_threads t WHERE t.id = p.thread_id;
DROP INDEX thread_participants_by_user;
DROP INDEX thread_participants_by_unit;
CREATE INDEX thread_participants_user_recent
    ON thread_participants (user_id, last_message_at DESC, thread_id DESC) WHERE user_id IS NOT NULL;
CREATE INDEX thread_participants_unit_recent
    ON thread_participants (unit_id, last_message_at DESC, thread_id DESC) WHERE unit_id IS NOT NULL;

-- 2. A read mark per user and thread: everything sent up to `read_up_to` is read by the user
--    (reading a thread reads all of it). Unread counts are the messages of others after the
--    mark: one index range scan per thread, and none at all for a thread whose last message is
--    not after it. `message_reads` stays the record of who read which message (receipts).
--    Messages of one thread get strictly increasing `sent_at` in commit order (the post locks
--    the thread row first), so a mark never covers a message it did not see.
CREATE TABLE thread_reads (
    user_id uuid NOT NULL REFERENCES users (id),
    thread_id uuid NOT NULL REFERENCES message_threads (id) ON DELETE CASCADE,
    read_up_to timestamptz NOT NULL,
    PRIMARY KEY (user_id, thread_id)
);
CREATE INDEX thread_reads_by_thread ON thread_reads (thread_id);
INSERT INTO thread_reads (user_id, thread_id, read_up_to)
SELECT r.user_id, m.thread_id, max(m.sent_at)
FROM message_reads r JOIN messages m ON m.id = r.message_id
GROUP BY r.user_id, m.thread_id;
