-- A received file is claimed when a package that lists it is accepted. Files uploaded for a
-- package that never arrives stay unclaimed and are swept after a week (bytes and row,
-- audited `exchange.files_purged`). Files received before this migration count as claimed.
ALTER TABLE exchange_files ADD COLUMN claimed_at timestamptz;
UPDATE exchange_files SET claimed_at = received_at;
CREATE INDEX exchange_files_unclaimed ON exchange_files (received_at) WHERE claimed_at IS NULL;
