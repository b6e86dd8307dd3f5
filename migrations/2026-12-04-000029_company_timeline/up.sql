-- A company's timeline (`companies::timeline`) lists the warnings that watch it: found by the
-- watched record's id in the warning's fields, as the cases' and investigations' threads are
-- found by their own indexes.
CREATE INDEX message_threads_watched ON message_threads ((fields #>> '{warning,watch,register_id}'))
    WHERE kind = 'warning';
