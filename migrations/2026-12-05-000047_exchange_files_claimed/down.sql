DROP INDEX exchange_files_unclaimed;
ALTER TABLE exchange_files DROP COLUMN claimed_at;
