#!/usr/bin/env bash
# `make bench-investigations` (part of `make bench`): investigation lists and timelines at a
# national unit's size (issue 14), on the database of bench/report.sh (ncen_report on the
# benchmark cluster, 127.0.0.1:55434), filled once by SQL:
#   50 000 investigations (20 000 of the national unit NCU, the rest spread over the regional
#   units), 500 000 tasks, 1 000 000 journal entries, one team member each, ncu.investigator on
#   200 teams, and one investigation with a timeline of 2 000 events;
# then, at one client for BENCH_DURATION s each, p95 of:
#   GET /investigations (first page, then filtered by status) as ncu.investigator (200 teams)
#   and as ncu.supervisor (the national unit's 20 000); GET …/timeline (pages of 200, both
#   orders) of the 2 000-event investigation.
# Appends its figures to bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PG_PORT:-55434}
DB=ncen_report
BIND=127.0.0.1:${BENCH_HTTP_PORT:-18484}
DURATION=${BENCH_DURATION:-15}
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -v ON_ERROR_STOP=1 -d "$DB")
URL="postgres://postgres@127.0.0.1:$PORT/$DB"
OUT=$(mktemp -d /tmp/ncen-investigations.XXXXXX)
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  scripts/db.sh stop pg-bench >/dev/null 2>&1 || true
  rm -rf "$OUT"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is needed (make bench installs it)" >&2; exit 1; }
cargo build --release --bin ncen  # incremental: never measure a stale binary
scripts/db.sh start pg-bench "$PORT"
if ! psql -h 127.0.0.1 -p "$PORT" -U postgres -X -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -d postgres -c "CREATE DATABASE $DB"
  env DATABASE_URL="$URL" NCEN_STORAGE_URL=.data/bench-report-attachments NCEN_COUNTRY=FR target/release/ncen demo --cases 300 >/dev/null
fi
env DATABASE_URL="$URL" target/release/ncen migrate >/dev/null
if [[ $("${PSQL[@]}" -Atc "SELECT count(*) FROM investigations WHERE reference LIKE 'FR-INV-BENCH-%'") == 0 ]]; then
  echo "filling 50 000 investigations, 500 000 tasks, 1 000 000 journal entries…"
  "${PSQL[@]}" <<'SQL'
BEGIN;
CREATE TEMP TABLE u AS
  SELECT n.code, n.id AS unit_id,
         (SELECT id FROM users WHERE unit_id = n.id AND 'investigator' = ANY (roles) ORDER BY username LIMIT 1) AS investigator
    FROM units n WHERE n.code IN ('DR-PARIS', 'DR-NORD', 'DR-NORMANDIE', 'DR-SUD');
CREATE TEMP TABLE b AS
  SELECT g, gen_random_uuid() AS id,
         CASE WHEN g <= 20000 THEN (SELECT id FROM units WHERE code = 'NCU')
              ELSE (SELECT unit_id FROM u ORDER BY code OFFSET g % 4 LIMIT 1) END AS unit_id,
         (SELECT investigator FROM u ORDER BY code OFFSET g % 4 LIMIT 1) AS lead_id,
         (ARRAY['opened','assigned','in_progress','under_review','closed'])[1 + g % 5] AS status,
         now() - make_interval(mins => g * 7) AS at
    FROM generate_series(1, 50000) g;
INSERT INTO investigations (id, reference, title, summary, priority, legal_basis, offence_types, status, outcome,
                            lead_id, unit_id, opened_on, due_date, created_by, created_at, updated_at)
SELECT id, 'FR-INV-BENCH-' || g, 'Bench investigation ' || g, 'Couriers and their organisers, case ' || g,
       (ARRAY['low','medium','high','urgent'])[1 + g % 4], 'Code des douanes, art. 414', ARRAY['drug_trafficking'],
       status, CASE WHEN status = 'closed' THEN 'prosecution' END,
       lead_id, unit_id, at::date, at::date + 90, lead_id, at, at
  FROM b;
-- one member each (the lead's regional colleague), and ncu.investigator on 200 regional teams
INSERT INTO investigation_members (id, investigation_id, user_id, added_by, added_at)
SELECT gen_random_uuid(), b.id, (SELECT investigator FROM u ORDER BY code OFFSET (g + 1) % 4 LIMIT 1), b.lead_id, b.at FROM b;
INSERT INTO investigation_members (id, investigation_id, user_id, added_by, added_at)
SELECT gen_random_uuid(), b.id, (SELECT id FROM users WHERE username = 'ncu.investigator'), b.lead_id, b.at
  FROM b WHERE g > 20000 AND g % 150 = 0 LIMIT 200;
INSERT INTO investigation_tasks (id, investigation_id, title, description, assignee_id, due_date, status, created_by, created_at, updated_at)
SELECT gen_random_uuid(), b.id, 'Task ' || t || ' of ' || g, 'Request the flight manifest and check the bank accounts',
       b.lead_id, b.at::date + 10 * t, (ARRAY['open','in_progress','done','cancelled'])[1 + (g + t) % 4], b.lead_id, b.at, b.at
  FROM b, generate_series(1, 10) t;
INSERT INTO investigation_journal (id, investigation_id, seq, kind, occurred_at, body, author_id, created_at)
SELECT gen_random_uuid(), b.id, j, (ARRAY['action','finding','decision','note'])[1 + j % 4], b.at + make_interval(hours => j),
       'Entry ' || j || ': the courier was interviewed; his phone was seized and sent for analysis; the call log shows calls to a French number.',
       b.lead_id, b.at + make_interval(hours => j)
  FROM b, generate_series(1, 20) j;
INSERT INTO investigation_events (investigation_id, at, actor_id, kind, details)
SELECT b.id, b.at, b.lead_id, 'opened', jsonb_build_object('title', 'Bench investigation ' || g) FROM b;
-- the timeline's subject: a regional investigation ncu.investigator is on, 2 000 events
INSERT INTO investigation_events (investigation_id, at, actor_id, kind, details)
SELECT m.investigation_id, now() - make_interval(mins => 2000 - e), m.user_id,
       (ARRAY['journal','task_added','task_updated','message','link_added'])[1 + e % 5],
       jsonb_build_object('seq', e, 'title', 'Step ' || e)
  FROM (SELECT investigation_id, user_id FROM investigation_members
         WHERE user_id = (SELECT id FROM users WHERE username = 'ncu.investigator') ORDER BY added_at DESC LIMIT 1) m,
       generate_series(1, 1999) e;
COMMIT;
VACUUM ANALYZE investigations, investigation_members, investigation_tasks, investigation_journal, investigation_events;
SQL
fi
TIMELINE_ID=$("${PSQL[@]}" -Atc "SELECT investigation_id FROM investigation_events GROUP BY investigation_id ORDER BY count(*) DESC LIMIT 1")
EVENTS=$("${PSQL[@]}" -Atc "SELECT count(*) FROM investigation_events WHERE investigation_id = '$TIMELINE_ID'")
COUNTS=$("${PSQL[@]}" -Atc "SELECT (SELECT count(*) FROM investigations) || ' investigations, ' || (SELECT count(*) FROM investigation_tasks) || ' tasks, ' || (SELECT count(*) FROM investigation_journal) || ' journal entries'")
bench/warm.sh "$PORT" "$DB" investigations investigation_members investigation_tasks investigation_events

env DATABASE_URL="$URL" NCEN_BIND="$BIND" NCEN_STORAGE_URL=.data/bench-report-attachments NCEN_ADMIN_PASSWORD=bench-root-passphrase \
  NCEN_LOG=warn NCEN_WEB_DIR=/nonexistent NCEN_LIST_PAGES_PER_MINUTE=0 NCEN_BULK_READ_ALERT_RECORDS=100000000 NCEN_COUNTRY=FR \
  target/release/ncen serve >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -fs "http://$BIND/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
token() {
  curl -fs -X POST "http://$BIND/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"${NCEN_DEMO_PASSWORD:-customs-demo-2026}\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
run() { # name token paths
  TOKEN=$2 BENCH_PATHS=$3 wrk -t1 -c1 -d3s -s bench/get_path.lua "http://$BIND" >/dev/null
  TOKEN=$2 BENCH_PATHS=$3 wrk -t1 -c1 -d"${DURATION}s" -s bench/get_path.lua "http://$BIND" >"$OUT/$1.txt"
  local errors; errors=$(sed -nE 's/.*errors_status=([0-9]+).*/\1/p' "$OUT/$1.txt")
  [[ "$errors" == 0 ]] || { echo "errors in $1" >&2; cat "$OUT/$1.txt" >&2; tail -5 "$OUT/server.log" >&2; exit 1; }
}
p95() { sed -nE 's/.*p95_ms=([0-9.]+).*/\1/p' "$OUT/$1.txt"; }
INV=$(token ncu.investigator)
SUP=$(token ncu.supervisor)
VISIBLE=$(curl -fs "http://$BIND/api/v1/investigations?limit=1" -H "Authorization: Bearer $SUP" >/dev/null && \
  "${PSQL[@]}" -Atc "SELECT count(*) FROM investigations WHERE unit_id = (SELECT id FROM units WHERE code = 'NCU')")
run inv_first "$INV" "/api/v1/investigations"
run inv_filtered "$INV" "/api/v1/investigations?status=in_progress|/api/v1/investigations?overdue=true|/api/v1/investigations?q=courier"
run sup_first "$SUP" "/api/v1/investigations"
run sup_filtered "$SUP" "/api/v1/investigations?status=in_progress|/api/v1/investigations?overdue=true|/api/v1/investigations?q=bench"
run timeline "$INV" "/api/v1/investigations/$TIMELINE_ID/timeline?limit=200|/api/v1/investigations/$TIMELINE_ID/timeline?limit=200&order=desc"
MACHINE="$(awk -F: '/model name/ {gsub(/^ +/, "", $2); print $2; exit}' /proc/cpuinfo), $(nproc) CPU(s)"
{
  echo
  echo "## Investigations at scale (\`bench/investigations.sh\`, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
  echo
  echo "$COUNTS; $MACHINE. One client, $DURATION s each, p95."
  echo
  echo "| measure | target (issue 14) | result |"
  echo "|---|---|---|"
  echo "| list, investigator on 200 teams: first page / filtered (status, overdue, text) | ≤ 50 ms | $(p95 inv_first) ms / $(p95 inv_filtered) ms |"
  echo "| list, national supervisor ($VISIBLE investigations of the unit): first page / filtered | ≤ 50 ms | $(p95 sup_first) ms / $(p95 sup_filtered) ms |"
  echo "| timeline of $EVENTS events, a page of 200 (oldest first and newest first) | ≤ 100 ms | $(p95 timeline) ms |"
} | tee -a bench/README.md
