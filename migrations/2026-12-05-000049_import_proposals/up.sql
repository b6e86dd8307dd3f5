-- A register record inside an imported case that the matching engine found close to an
-- existing one, but below the threshold at which the import links to it: the import created
-- a new record and lists the pair here, for someone to compare (and merge, through the
-- registers' merge) — never merged silently.
CREATE TABLE import_proposals (
    job_id uuid NOT NULL REFERENCES import_jobs (id) ON DELETE CASCADE,
    line integer NOT NULL CHECK (line > 0),
    -- where in the case: persons[0], companies[1]
    field text NOT NULL,
    record_kind text NOT NULL CHECK (record_kind IN ('person', 'company')),
    case_id uuid NOT NULL,
    -- the record the import created, and the existing record it may be
    record_id uuid NOT NULL,
    candidate_id uuid NOT NULL,
    score double precision NOT NULL,
    PRIMARY KEY (job_id, line, field, candidate_id)
);
-- how many parties of imported cases were linked to existing records (by identifier or by a
-- name above the threshold), how many proposals were listed, and how far into the file the
-- run is (for a progress bar: the file's lines are not counted before it starts)
ALTER TABLE import_jobs
    ADD COLUMN matched integer NOT NULL DEFAULT 0,
    ADD COLUMN proposals integer NOT NULL DEFAULT 0,
    ADD COLUMN bytes_done bigint NOT NULL DEFAULT 0;
