ALTER TABLE seizure_history DROP COLUMN record;
DROP TABLE register_history;
