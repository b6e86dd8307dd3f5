ALTER TABLE import_jobs DROP COLUMN matched, DROP COLUMN proposals, DROP COLUMN bytes_done;
DROP TABLE import_proposals;
