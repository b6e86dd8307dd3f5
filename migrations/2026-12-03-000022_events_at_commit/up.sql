-- Live events are numbered at commit, not where they are written. Written mid-transaction,
-- two transactions that each told two users (a lead, then a supervisor; a supervisor, then
-- a lead) could lock the users' `event_sequences` rows in opposite orders and deadlock.
-- Now a transaction only queues its events here (no lock taken); a deferred trigger flushes
-- the whole queue of the transaction once, at commit, locking the counters in user order —
-- one statement, the same order for everyone — so event writers can no longer deadlock, and
-- the counter rows are held for the last instant of the transaction only.
CREATE TABLE pending_user_events (
    ord bigserial PRIMARY KEY,
    tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
    user_id uuid NOT NULL REFERENCES users (id),
    kind text NOT NULL,
    data jsonb NOT NULL
);
CREATE INDEX pending_user_events_tx ON pending_user_events (tx);

-- The first firing in a transaction takes its whole queue; the later ones find it empty.
-- NOTIFY carries the whole event when it is small, else only its address (the stream then
-- reads it back); notifications are delivered on commit only.
CREATE FUNCTION flush_user_events() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    sent bigint;
BEGIN
    WITH batch AS (DELETE FROM pending_user_events WHERE tx = pg_current_xact_id()
                   RETURNING user_id AS u, kind AS k, data AS d, ord),
         counts AS (SELECT u, count(*) AS n FROM batch GROUP BY u),
         seq AS (INSERT INTO event_sequences AS s (user_id, last_id)
                 SELECT u, n FROM counts ORDER BY u
                 ON CONFLICT (user_id) DO UPDATE SET last_id = s.last_id + excluded.last_id
                 RETURNING user_id, last_id),
         numbered AS (SELECT b.u, b.k, b.d,
                             seq.last_id - count(*) OVER (PARTITION BY b.u)
                               + row_number() OVER (PARTITION BY b.u ORDER BY b.ord) AS id
                        FROM batch b JOIN seq ON seq.user_id = b.u),
         ins AS (INSERT INTO user_events (user_id, id, kind, data)
                 SELECT u, id, k, d FROM numbered RETURNING user_id, id, kind, data)
    SELECT count(*) INTO sent FROM (
        SELECT pg_notify('ncen_events', CASE WHEN octet_length(data::text) > 6000
                   THEN json_build_object('u', user_id, 'i', id)::text
                   ELSE json_build_object('u', user_id, 'i', id, 'k', kind, 'd', data)::text END)
          FROM ins ORDER BY user_id, id) x;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER pending_user_events_flush
    AFTER INSERT ON pending_user_events
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION flush_user_events();
