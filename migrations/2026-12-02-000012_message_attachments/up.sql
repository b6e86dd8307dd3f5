-- Files sent with messages (README, "Messaging"): uploaded first through the attachment
-- pipeline (type from the content, metadata stripped, limits), held by their uploader until
-- a message takes them (`message_id`), then visible to whoever reads the thread. Uploads no
-- message took are purged after a day; retention purges the rest with their thread.
CREATE TABLE message_attachments (
    id uuid PRIMARY KEY,
    message_id uuid REFERENCES messages (id) ON DELETE CASCADE,
    uploaded_by uuid NOT NULL REFERENCES users (id),
    original_filename text CHECK (length(original_filename) <= 200),
    media_type text NOT NULL,
    size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
    sha256 bytea NOT NULL,
    width integer,
    height integer,
    storage_key text NOT NULL,
    thumbnail_key text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX message_attachments_by_message ON message_attachments (message_id)
    WHERE message_id IS NOT NULL;
CREATE INDEX message_attachments_pending ON message_attachments (created_at)
    WHERE message_id IS NULL;
