-- pgbench script: the statement GET /api/v1/seizures/{id} runs for a stored document (see
-- api/src/seizures/document.rs), with the analyst's session, so that bench/run.sh can show what
-- PostgreSQL alone sustains for one case read with its durable audit row, before any HTTP work.
-- Variables: :sid, :uid (the session and its user), :fmt (the stored documents' format).
\set n random(1, 20000)
WITH who AS (
    SELECT u.id, u.username, u.roles && '{officer,investigator,analyst,supervisor,liaison,auditor}'::text[] AS allowed
      FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.id = :sid AND s.user_id = :uid AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL
), d AS (
    SELECT s.case_id, s.version, s.document FROM seizure_case_documents s, who
     WHERE who.allowed AND s.document IS NOT NULL AND s.case_id = (SELECT id FROM bench_ids WHERE n = :n) AND s.format = :fmt
), logged AS (
    INSERT INTO audit_events (actor_id, actor_username, action, object_type, object_id, outcome, ip, request_id)
    SELECT who.id, who.username, 'seizure.read', 'seizure', d.case_id::text, 'success', '127.0.0.1', 'pgbench' FROM d, who
)
SELECT who.id, who.username, who.allowed, d.version, d.document
  FROM (VALUES (1)) AS one (x) LEFT JOIN who ON true LEFT JOIN d ON true;
