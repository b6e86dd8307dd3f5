DROP INDEX message_threads_watched;
