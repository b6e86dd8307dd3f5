-- `Idempotency-Key` (README, "Safe retries"): the first response to a creating POST, kept
-- 24 hours per user and key, so a retry answers it again instead of creating twice. A row
-- without a status is a request still being handled.
CREATE TABLE idempotency_keys (
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    method text NOT NULL,
    path text NOT NULL,
    fingerprint bytea NOT NULL,
    status smallint,
    content_type text,
    location text,
    etag text,
    body bytea,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
