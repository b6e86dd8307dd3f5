-- Files of an investigation's journal entries: the same pipeline and table as messages'
-- files (uploaded first, held by the uploader, then taken by one owner): a file belongs to a
-- message or to a journal entry, never both. A journal entry's files are as permanent as the
-- entry (append-only); message retention never touches them.
ALTER TABLE message_attachments
    ADD COLUMN journal_entry_id uuid REFERENCES investigation_journal (id),
    ADD CONSTRAINT message_attachments_one_owner
        CHECK (message_id IS NULL OR journal_entry_id IS NULL);
CREATE INDEX message_attachments_by_journal_entry ON message_attachments (journal_entry_id)
    WHERE journal_entry_id IS NOT NULL;
