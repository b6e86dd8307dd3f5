-- Bulk imports (issue 18). An import is a durable job: its file in the attachment store, its
-- row here with its progress and counts, so any instance can run it, a restart resumes or
-- fails it cleanly, and its report outlives it.
CREATE TABLE import_jobs (
    id uuid PRIMARY KEY,
    record_type text NOT NULL CHECK (record_type IN ('persons', 'companies', 'conveyances', 'cases')),
    format text NOT NULL CHECK (format IN ('ndjson', 'csv', 'xlsx')),
    mode text NOT NULL CHECK (mode IN ('all_or_nothing', 'valid_rows')),
    dry_run boolean NOT NULL,
    source_system text NOT NULL CHECK (length(source_system) BETWEEN 1 AND 100),
    status text NOT NULL DEFAULT 'queued'
        CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    filename text CHECK (length(filename) <= 255),
    size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
    sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    storage_key text NOT NULL,
    -- lines read and settled (applied or rejected); a valid_rows import resumes after them
    rows_done integer NOT NULL DEFAULT 0,
    created integer NOT NULL DEFAULT 0,
    updated integer NOT NULL DEFAULT 0,
    unchanged integer NOT NULL DEFAULT 0,
    rejected integer NOT NULL DEFAULT 0,
    failure text,
    cancel_requested boolean NOT NULL DEFAULT false,
    created_by uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    started_at timestamptz,
    finished_at timestamptz,
    -- the instance running it holds it until then, and extends it while it works
    lease_until timestamptz,
    attempts integer NOT NULL DEFAULT 0,
    -- a commit of a dry run names it (once)
    from_dry_run uuid UNIQUE REFERENCES import_jobs (id)
);
CREATE INDEX import_jobs_open ON import_jobs (created_at) WHERE status IN ('queued', 'running');
CREATE INDEX import_jobs_recent ON import_jobs (created_at DESC, id DESC);

-- What was wrong with a line: the field, a stable code (the API's field-error codes) and a
-- message; kept with the job for its report.
CREATE TABLE import_problems (
    job_id uuid NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
    line integer NOT NULL CHECK (line > 0),
    seq integer NOT NULL,
    external_id text,
    field text NOT NULL,
    code text NOT NULL,
    message text NOT NULL,
    PRIMARY KEY (job_id, line, seq)
);

-- The record each external id of a source system became, and the hash of what was imported
-- last: the same row again changes nothing, an edited row updates its record.
CREATE TABLE import_keys (
    record_type text NOT NULL,
    source_system text NOT NULL,
    external_id text NOT NULL,
    record_id uuid NOT NULL,
    content_sha256 text NOT NULL,
    job_id uuid NOT NULL REFERENCES import_jobs (id),
    imported_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (record_type, source_system, external_id)
);
CREATE INDEX import_keys_record ON import_keys (record_id);
