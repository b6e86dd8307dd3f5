DROP TABLE import_keys;
DROP TABLE import_problems;

DROP TABLE import_jobs;
