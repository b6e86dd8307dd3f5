-- Photos, X-ray images and documents of seizure cases. The bytes live in the attachment
-- store (local folder or S3-compatible); the database keeps what is needed to serve,
-- audit and export them.
CREATE TABLE seizure_attachments (
    id uuid PRIMARY KEY,
    case_id uuid NOT NULL REFERENCES seizure_cases(id),
    kind text NOT NULL,
    caption text NULL,
    cleared_for_export boolean NOT NULL DEFAULT false,
    media_type text NOT NULL,
    original_filename text NULL,
    size_bytes bigint NOT NULL,
    sha256 bytea NOT NULL,
    width integer NULL,
    height integer NULL,
    storage_key text NOT NULL,
    thumbnail_key text NULL,
    uploaded_by uuid NOT NULL REFERENCES users(id),
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT seizure_attachments_kind CHECK (kind IN ('photo', 'xray', 'document')),
    CONSTRAINT seizure_attachments_size CHECK (size_bytes > 0)
);
CREATE INDEX seizure_attachments_case_idx ON seizure_attachments (case_id, uploaded_at);
