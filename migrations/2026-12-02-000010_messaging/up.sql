-- Secure messaging (README, "Messaging"): threads between users and units, their messages
-- and per-user read state. A unit participant means its members at each moment: visibility
-- is decided by joining `users.unit_id` at read time, never copied. Nothing here is deleted
-- by a participant; retention deletes.
CREATE TABLE message_threads (
    id uuid PRIMARY KEY,
    subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 300),
    kind text NOT NULL CHECK (kind IN ('general', 'warning', 'feedback', 'seizure')),
    case_id uuid REFERENCES seizure_cases (id),
    urgent boolean NOT NULL DEFAULT false,
    handling text,
    fields jsonb NOT NULL DEFAULT '{}'::jsonb,
    replies_to uuid REFERENCES message_threads (id),
    created_by uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    last_message_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX message_threads_recent ON message_threads (last_message_at DESC, id DESC);
CREATE INDEX message_threads_by_case ON message_threads (case_id) WHERE case_id IS NOT NULL;

CREATE TABLE thread_participants (
    id bigserial PRIMARY KEY,
    thread_id uuid NOT NULL REFERENCES message_threads (id) ON DELETE CASCADE,
    user_id uuid REFERENCES users (id),
    unit_id uuid REFERENCES units (id),
    added_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((user_id IS NULL) <> (unit_id IS NULL))
);
CREATE UNIQUE INDEX thread_participants_user ON thread_participants (thread_id, user_id)
    WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX thread_participants_unit ON thread_participants (thread_id, unit_id)
    WHERE unit_id IS NOT NULL;
CREATE INDEX thread_participants_by_user ON thread_participants (user_id, thread_id)
    WHERE user_id IS NOT NULL;
CREATE INDEX thread_participants_by_unit ON thread_participants (unit_id, thread_id)
    WHERE unit_id IS NOT NULL;

CREATE TABLE messages (
    id uuid PRIMARY KEY,
    thread_id uuid NOT NULL REFERENCES message_threads (id) ON DELETE CASCADE,
    sender_id uuid NOT NULL REFERENCES users (id),
    body text NOT NULL CHECK (octet_length(body) BETWEEN 1 AND 65536),
    sent_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_by_thread ON messages (thread_id, sent_at, id);

CREATE TABLE message_reads (
    message_id uuid NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id),
    read_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, user_id)
);
CREATE INDEX message_reads_by_user ON message_reads (user_id, message_id);
