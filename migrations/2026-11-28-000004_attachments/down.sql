DROP TABLE seizure_attachments;
