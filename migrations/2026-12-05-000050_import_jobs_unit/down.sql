ALTER TABLE import_jobs DROP COLUMN file_purged_at;
ALTER TABLE import_jobs DROP COLUMN unit_id;
