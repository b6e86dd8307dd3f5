-- An import belongs to the unit of the supervisor who started it: its cases are drafts of that
-- unit, and only that unit's supervisors see its report (lines, external ids, proposals).
ALTER TABLE import_jobs ADD COLUMN unit_id uuid REFERENCES units (id);
UPDATE import_jobs SET unit_id = u.unit_id FROM users u WHERE u.id = import_jobs.created_by;
ALTER TABLE import_jobs ALTER COLUMN unit_id SET NOT NULL;
CREATE INDEX import_jobs_unit ON import_jobs (unit_id, created_at DESC, id DESC);
-- An imported file is removed from the store some days after every import reading it ended
-- (the report, problems and proposals stay): when it was.
ALTER TABLE import_jobs ADD COLUMN file_purged_at timestamptz;
