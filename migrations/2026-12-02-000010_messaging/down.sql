DROP TABLE message_reads;
DROP TABLE messages;
DROP TABLE thread_participants;
DROP TABLE message_threads;
