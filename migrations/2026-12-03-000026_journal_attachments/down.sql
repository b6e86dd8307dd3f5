DROP INDEX message_attachments_by_journal_entry;
ALTER TABLE message_attachments DROP CONSTRAINT message_attachments_one_owner,
    DROP COLUMN journal_entry_id;
