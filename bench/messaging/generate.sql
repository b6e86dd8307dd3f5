-- Messaging benchmark data (bench/messaging.sh), written straight into the tables of a
-- migrated, empty database (units HQ and the user bench.sender exist: `ncen create-user`
-- made the password hash that every user below copies, so each can sign in).
--
--   * 50 units BMU01..BMU50 (under HQ), 5 000 users bench.u0001..bench.u5000 (100 per unit),
--     and bench.inbox (unit BMU01), the user whose inbox is measured;
--   * 200 000 threads over the last 365 days (10 % warnings), each with its creator and 1–3
--     other users by name; 15 % also address a unit; bench.inbox takes part in 2 000 of them:
--     1 200 by name (a third of those it started) and 800 through its unit BMU01;
--   * 1 000 000 messages: each thread's first, then 800 000 spread over random threads, sent
--     within 30 days of the thread's start by one of its named participants;
--   * read state: each named participant (and bench.inbox for its unit's threads) has read each
--     thread to its end with probability 0.99 (0.6 when its last message is of the last 14
--     days), else up to a random moment of its life; a read mark per reader and thread, and a
--     receipt for every message of others up to the mark (as reading does in the server);
--   * 1 000 "Delivery bench" threads of bench.sender for the live-delivery run: thread j
--     addresses bench.u(j), and also bench.u(j+1) when j mod 3 >= 1, bench.u(j+2) when
--     j mod 3 = 2 (1, 2 or 3 recipients; every one of the first 1 000 users in at least one).
-- Identifiers are UUIDv7 built from the row's time, as the server makes them (Uuid::now_v7).
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SELECT setseed(0.2026);

CREATE FUNCTION pg_temp.uuid7(ts timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT (lpad(to_hex(floor(extract(epoch FROM ts) * 1000)::bigint), 12, '0')
          || '7' || substr(md5(random()::text), 1, 3)
          || to_hex(8 + floor(random() * 4)::int) || substr(md5(random()::text), 1, 15))::uuid
$$;

BEGIN;
INSERT INTO units (id, code, name, parent_id)
SELECT pg_temp.uuid7(now() - interval '2 years'), format('BMU%s', lpad(i::text, 2, '0')),
       format('Bench unit %s', i), (SELECT id FROM units WHERE code = 'HQ')
FROM generate_series(1, 50) i;
CREATE TEMP TABLE bun AS
  SELECT substr(code, 4)::int AS n, id FROM units WHERE code LIKE 'BMU%';
CREATE UNIQUE INDEX ON bun (n);

INSERT INTO users (id, username, display_name, unit_id, roles, password_hash, created_at)
SELECT pg_temp.uuid7(now() - interval '400 days'), format('bench.u%s', lpad(i::text, 4, '0')),
       format('Bench User %s', i), (SELECT id FROM bun WHERE n = 1 + (i - 1) % 50),
       '{officer}', :'hash', now() - interval '400 days'
FROM generate_series(1, 5000) i;
INSERT INTO users (id, username, display_name, unit_id, roles, password_hash, created_at)
VALUES (pg_temp.uuid7(now() - interval '400 days'), 'bench.inbox', 'Bench Inbox',
        (SELECT id FROM bun WHERE n = 1), '{officer}', :'hash', now() - interval '400 days');
CREATE TEMP TABLE bu AS
  SELECT substr(username, 8)::int AS n, id FROM users WHERE username LIKE 'bench.u%';
CREATE UNIQUE INDEX ON bu (n);
SELECT id AS inbox FROM users WHERE username = 'bench.inbox' \gset
SELECT id AS sender FROM users WHERE username = 'bench.sender' \gset

-- Threads: n 1..1 200 include bench.inbox by name, 1 201..2 000 address its unit BMU01.
CREATE TEMP TABLE th AS
SELECT n, now() - random() * interval '365 days' AS created_at,
       CASE WHEN n <= 400 THEN NULL ELSE 1 + floor(random() * 5000)::int END AS creator_n,
       CASE WHEN n BETWEEN 1201 AND 2000 THEN 1
            WHEN n > 2000 AND random() < 0.15 THEN 2 + floor(random() * 49)::int END AS unit_n,
       random() < 0.10 AS warning
FROM generate_series(1, 200000) n;
ALTER TABLE th ADD COLUMN id uuid;
UPDATE th SET id = pg_temp.uuid7(created_at);
CREATE UNIQUE INDEX ON th (n);

-- Named participants: the creator (bench.inbox for n <= 400), 1-3 others, bench.inbox for
-- n <= 1 200.
-- (Random picks are materialised first: a volatile join condition would be evaluated per
-- pair of rows.)
CREATE TEMP TABLE picks AS
SELECT th.n, 1 + floor(random() * 5000)::int AS r
FROM th CROSS JOIN LATERAL generate_series(1, 1 + (th.n * 7919) % 3) k;
CREATE TEMP TABLE tp AS
SELECT DISTINCT n, user_id FROM (
  SELECT th.n, coalesce(bu.id, :'inbox'::uuid) AS user_id
  FROM th LEFT JOIN bu ON bu.n = th.creator_n
  UNION ALL
  SELECT picks.n, bu.id FROM picks JOIN bu ON bu.n = picks.r
  UNION ALL
  SELECT n, :'inbox'::uuid FROM th WHERE n <= 1200
) x;
CREATE TEMP TABLE tpa AS SELECT n, array_agg(user_id) AS users FROM tp GROUP BY n;
CREATE UNIQUE INDEX ON tpa (n);

-- Messages: the first of each thread by its creator, then 800 000 at random.
CREATE TEMP TABLE tm AS
SELECT th.n, coalesce(bu.id, :'inbox'::uuid) AS sender_id, th.created_at AS sent_at
FROM th LEFT JOIN bu ON bu.n = th.creator_n;
CREATE TEMP TABLE more AS SELECT 1 + floor(random() * 200000)::int AS n FROM generate_series(1, 800000);
INSERT INTO tm (n, sender_id, sent_at)
SELECT r.n, tpa.users[1 + floor(random() * cardinality(tpa.users))::int],
       th.created_at + random() * least(interval '30 days', now() - th.created_at)
FROM more r JOIN tpa ON tpa.n = r.n JOIN th ON th.n = r.n;
ALTER TABLE tm ADD COLUMN id uuid;
UPDATE tm SET id = pg_temp.uuid7(sent_at);

INSERT INTO message_threads (id, subject, kind, urgent, created_by, created_at, last_message_at,
                             feedback_due, overdue_notified_at)
SELECT th.id,
       format('%s %s: %s', CASE WHEN th.warning THEN 'Warning' ELSE 'Thread' END, th.n,
              (ARRAY['container from Santos', 'air cargo Lagos', 'courier parcels', 'tobacco trailer',
                     'cash at the border', 'passenger, Bogota flight', 'wildlife products',
                     'counterfeit medicines', 'precursors shipment', 'vessel from Tangier'])[1 + th.n % 10]),
       CASE WHEN th.warning THEN 'warning' ELSE 'general' END, th.n % 20 = 0,
       coalesce(bu.id, :'inbox'::uuid), th.created_at, last.sent_at,
       CASE WHEN th.warning THEN th.created_at + interval '14 days' END,
       -- Overdue warnings of the past were announced long ago (the server's overdue pass
       -- would otherwise announce thousands of them while the benchmark runs).
       CASE WHEN th.warning AND th.created_at + interval '14 days' < now()
            THEN th.created_at + interval '14 days' END
FROM th LEFT JOIN bu ON bu.n = th.creator_n
JOIN (SELECT n, max(sent_at) AS sent_at FROM tm GROUP BY n) last ON last.n = th.n
ORDER BY th.created_at;

INSERT INTO thread_participants (thread_id, user_id, added_at, last_message_at)
SELECT th.id, tp.user_id, th.created_at, t.last_message_at
FROM tp JOIN th USING (n) JOIN message_threads t ON t.id = th.id ORDER BY th.created_at;
INSERT INTO thread_participants (thread_id, unit_id, added_at, last_message_at)
SELECT th.id, bun.id, th.created_at, t.last_message_at
FROM th JOIN bun ON bun.n = th.unit_n JOIN message_threads t ON t.id = th.id ORDER BY th.created_at;

INSERT INTO messages (id, thread_id, sender_id, body, sent_at)
SELECT tm.id, th.id, tm.sender_id,
       concat_ws(' ', w[1 + floor(random() * 40)::int], w[1 + floor(random() * 40)::int],
                 w[1 + floor(random() * 40)::int], w[1 + floor(random() * 40)::int],
                 w[1 + floor(random() * 40)::int], w[1 + floor(random() * 40)::int],
                 w[1 + floor(random() * 40)::int], w[1 + floor(random() * 40)::int],
                 w[1 + floor(random() * 40)::int], w[1 + floor(random() * 40)::int],
                 w[1 + floor(random() * 40)::int], w[1 + floor(random() * 40)::int],
                 'ref', tm.n),
       tm.sent_at
FROM tm JOIN th USING (n),
     (SELECT ARRAY['container', 'inspection', 'the', 'seized', 'cocaine', 'cigarettes', 'was', 'arrival',
                   'please', 'confirm', 'vessel', 'truck', 'driver', 'passport', 'declared', 'false',
                   'bottom', 'concealment', 'dog', 'xray', 'scanner', 'port', 'airport', 'flight',
                   'tomorrow', 'today', 'report', 'feedback', 'risk', 'profile', 'consignee',
                   'shipper', 'invoice', 'kg', 'pallets', 'controlled', 'nothing', 'found',
                   'douane', 'contrôle'] AS w) words
ORDER BY tm.sent_at;

-- Read state (bench.inbox also reads the threads of its unit).
CREATE TEMP TABLE rd AS
SELECT r.n, r.user_id,
       CASE WHEN random() < CASE WHEN last.sent_at > now() - interval '14 days' THEN 0.6 ELSE 0.99 END
            THEN last.sent_at
            ELSE th.created_at + random() * (last.sent_at - th.created_at) END AS up_to
FROM (SELECT n, user_id FROM tp UNION SELECT n, :'inbox'::uuid FROM th WHERE n BETWEEN 1201 AND 2000) r
JOIN th USING (n) JOIN (SELECT n, max(sent_at) AS sent_at FROM tm GROUP BY n) last USING (n);
INSERT INTO thread_reads (user_id, thread_id, read_up_to)
SELECT rd.user_id, th.id, rd.up_to FROM rd JOIN th USING (n);
INSERT INTO message_reads (message_id, user_id, read_at)
SELECT tm.id, rd.user_id, tm.sent_at + random() * least(interval '2 days', now() - tm.sent_at)
FROM tm JOIN rd USING (n)
WHERE tm.sent_at <= rd.up_to AND tm.sender_id <> rd.user_id;

-- The live-delivery threads (one opening message each, a day old).
CREATE TEMP TABLE dt AS
SELECT j, pg_temp.uuid7(now() - interval '1 day') AS id FROM generate_series(1, 1000) j;
INSERT INTO message_threads (id, subject, kind, created_by, created_at, last_message_at)
SELECT id, format('Delivery bench %s', j), 'general', :'sender'::uuid,
       now() - interval '1 day', now() - interval '1 day' FROM dt;
INSERT INTO thread_participants (thread_id, user_id, added_at, last_message_at)
SELECT dt.id, u, now() - interval '1 day', now() - interval '1 day'
FROM dt CROSS JOIN LATERAL (
  SELECT :'sender'::uuid
  UNION SELECT id FROM bu WHERE bu.n = dt.j
  UNION SELECT id FROM bu WHERE dt.j % 3 >= 1 AND bu.n = 1 + dt.j % 1000
  UNION SELECT id FROM bu WHERE dt.j % 3 = 2 AND bu.n = 1 + (dt.j + 1) % 1000) p(u);
INSERT INTO messages (id, thread_id, sender_id, body, sent_at)
SELECT pg_temp.uuid7(now() - interval '1 day'), id, :'sender'::uuid,
       format('Delivery bench %s opened', j), now() - interval '1 day' FROM dt;
COMMIT;
