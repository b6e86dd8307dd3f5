-- Messaging, second slice (README, "Messaging"): CENcomm template fields, full-text search,
-- notifications with live-ping preferences, and the per-user event log that live delivery
-- (`GET /api/v1/events`) replays after a reconnect.

-- Templates. The structured fields live in `fields` (written once, at creation); what lists
-- filter on is a column: a warning's feedback deadline, a feedback's outcome.
ALTER TABLE message_threads
    ADD COLUMN feedback_due timestamptz,
    ADD COLUMN outcome text CHECK (outcome IN
        ('controlled_nothing_found', 'seized', 'not_arrived', 'not_controlled')),
    -- When the author of an overdue warning was told (once, by whichever instance got there).
    ADD COLUMN overdue_notified_at timestamptz,
    ADD CHECK ((kind = 'warning') = (feedback_due IS NOT NULL)),
    ADD CHECK ((kind = 'feedback') = (outcome IS NOT NULL AND replies_to IS NOT NULL));
CREATE INDEX message_threads_replies ON message_threads (replies_to) WHERE replies_to IS NOT NULL;
CREATE INDEX message_threads_overdue ON message_threads (feedback_due)
    WHERE kind = 'warning' AND overdue_notified_at IS NULL;

-- Full-text search over subjects and bodies: language-neutral ('simple': officers write in
-- French, English and Arabic in one system), folded like every other search (ncen_fold).
CREATE INDEX message_threads_text ON message_threads
    USING gin (to_tsvector('simple', ncen_fold(subject)));
CREATE INDEX messages_text ON messages USING gin (to_tsvector('simple', ncen_fold(body)));

-- Notifications: a user's inbox of events. New messages of one thread collapse into one
-- unread notification (its count grows), so a busy thread is one line, not fifty.
CREATE TABLE notifications (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL REFERENCES users (id),
    kind text NOT NULL CHECK (kind IN ('message', 'warning', 'feedback', 'feedback_overdue')),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 400),
    link text NOT NULL CHECK (length(link) BETWEEN 1 AND 400),
    thread_id uuid REFERENCES message_threads (id) ON DELETE CASCADE,
    count integer NOT NULL DEFAULT 1 CHECK (count >= 1),
    created_at timestamptz NOT NULL DEFAULT now(),
    read_at timestamptz
);
CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC, id DESC);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
CREATE UNIQUE INDEX notifications_one_unread_per_thread ON notifications (user_id, thread_id, kind)
    WHERE read_at IS NULL AND kind = 'message';

-- Which kinds also ping the user live. No row: every kind pings.
CREATE TABLE notification_preferences (
    user_id uuid PRIMARY KEY REFERENCES users (id),
    live text[] NOT NULL CHECK (array_position(live, NULL) IS NULL),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Live events, per user, numbered without gaps by `event_sequences` (the row lock orders the
-- commits, so a client that saw event n has seen every event before it). Kept a few days so
-- a client reconnecting with Last-Event-ID misses nothing; then purged.
CREATE TABLE event_sequences (
    user_id uuid PRIMARY KEY REFERENCES users (id),
    last_id bigint NOT NULL
);
CREATE TABLE user_events (
    user_id uuid NOT NULL REFERENCES users (id),
    id bigint NOT NULL,
    kind text NOT NULL,
    data jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, id)
);
CREATE INDEX user_events_age ON user_events (created_at);
