#!/usr/bin/env bash
# `make bench-screening` (part of `make bench`): screening and matching keys at scale, on the
# benchmark database of bench/run.sh (ncen_bench on 127.0.0.1:55434, made by it), or on
# BENCH_DB (bench/scale.sh: ncen_scale, a million persons).
#   1. the matching keys of every person and company recomputed (`ncen migrate`, as an upgrade
#      runs it, after marking them stale): rows per second
#   2. POST /api/v1/screening for persons: 1 client (p95) and 16 clients (throughput), queries
#      made from register records the way a desk types them (full name in another order, the
#      year of birth; one in five with a typo, one in five a name only)
#   3. the same for companies
# Appends its figures to bench/MATCHING.md (after the precision and recall of bench/matching.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PG_PORT:-55434}
BIND=127.0.0.1:${BENCH_HTTP_PORT:-18481}
DURATION=${BENCH_DURATION:-20}
DB=${BENCH_DB:-ncen_bench}
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
URL="postgres://postgres@127.0.0.1:$PORT/$DB"
OUT=$(mktemp -d /tmp/ncen-screening.XXXXXX)
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  scripts/db.sh stop pg-bench >/dev/null 2>&1 || true
  rm -rf "$OUT"
}
trap cleanup EXIT
cargo build --release --bin ncen  # incremental: never measure a stale binary
scripts/db.sh start pg-bench "$PORT"
"${PSQL[@]}" -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
  || { echo "no $DB database: run bench/run.sh first (make bench)" >&2; exit 1; }
PERSONS=$("${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM persons")
COMPANIES=$("${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM companies")
# The keys pass as an upgrade runs it: `ncen migrate` applies any pending migration and
# recomputes the keys of every stale row. After a keys-version change every row is stale
# already, and that first pass is the figure; otherwise every row's keys are marked stale
# (one UPDATE that rewrites every row and its GIN entries: minutes on a million rows) and the
# pass is run again. SCREENING_REINDEX=0: only screening is measured, and the keys row says so.
computed() { sed -nE 's/^matching keys computed for ([0-9]+) persons and ([0-9]+) companies in ([0-9.]+) s$/\1 \2 \3/p'; }
keys_pass() { local out; out=$(env DATABASE_URL="$URL" target/release/ncen migrate); read -r DONE_P DONE_C SECONDS_KEYS <<<"$(computed <<<"$out")"; }
keys_pass
if [[ ${SCREENING_REINDEX:-1} == 1 ]] && (( ${DONE_P:-0} + ${DONE_C:-0} < (PERSONS + COMPANIES) * 9 / 10 )); then
  "${PSQL[@]}" -d "$DB" \
    -c "UPDATE persons SET match_version = 0 WHERE match_version = (SELECT max(match_version) FROM persons)" \
    -c "UPDATE companies SET match_version = 0 WHERE match_version = (SELECT max(match_version) FROM companies)" >/dev/null
  keys_pass
fi
REINDEX=
if [[ ${SCREENING_REINDEX:-1} == 1 ]]; then REINDEX=${SECONDS_KEYS:-}; fi
"${PSQL[@]}" -d "$DB" -c "VACUUM ANALYZE persons" -c "VACUUM ANALYZE companies" >/dev/null
bench/warm.sh "$PORT" "$DB" persons person_documents companies alerts alert_keys
if [[ -n $REINDEX ]]; then
  RATE=$(awk -v n="$((PERSONS + COMPANIES))" -v s="$REINDEX" 'BEGIN { printf "%.0f", n / s }')
  MILLION=$(awk -v r="$RATE" 'BEGIN { printf "%.1f", 1200000 / r / 60 }')
  KEYS_ROW="${REINDEX} s, ${RATE} rows/s (≈ ${MILLION} min for 1.2 M rows)"
else
  KEYS_ROW="not measured in this run (SCREENING_REINDEX=0)"
fi

# Person queries: 2 000 records, as typed at a desk.
"${PSQL[@]}" -d "$DB" -Atc "
  SELECT json_build_object('person', json_strip_nulls(json_build_object(
    'name', CASE WHEN n % 5 = 0 THEN overlay(coalesce(given, 'x') placing 'x' from 2 for 1) || ' ' || family ELSE coalesce(given, '') || ' ' || family END,
    'date_of_birth', CASE WHEN n % 5 <> 1 THEN birth_year::text END)))
  FROM (SELECT row_number() OVER () AS n, initcap(family_name) AS family, given_names AS given, birth_year
          FROM persons TABLESAMPLE SYSTEM (5) LIMIT 2000) s" >"$OUT/persons.jsonl"
"${PSQL[@]}" -d "$DB" -Atc "
  SELECT json_build_object('company', json_build_object('name', CASE WHEN n % 4 = 0 THEN lower(name) ELSE name END))
  FROM (SELECT row_number() OVER () AS n, name FROM companies TABLESAMPLE SYSTEM (20) LIMIT 1000) s" >"$OUT/companies.jsonl"

env DATABASE_URL="$URL" NCEN_BIND="$BIND" NCEN_STORAGE_URL=.data/bench-attachments \
  NCEN_ADMIN_PASSWORD=bench-root-passphrase NCEN_LOG=warn NCEN_WEB_DIR=/nonexistent NCEN_LIST_PAGES_PER_MINUTE=0 \
  target/release/ncen serve >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -fs "http://$BIND/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
TOKEN=$(curl -fs -X POST "http://$BIND/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"username\":\"ncu.analyst\",\"password\":\"${NCEN_DEMO_PASSWORD:-customs-demo-2026}\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
export TOKEN
field() { sed -nE "s/.*$1=([0-9.]+).*/\1/p" "$2"; }
for kind in persons companies; do
  wrk -t1 -c1 -d3s -s bench/screening.lua "http://$BIND" -- "$OUT/$kind.jsonl" >/dev/null
  wrk -t1 -c1 -d"${DURATION}s" -s bench/screening.lua "http://$BIND" -- "$OUT/$kind.jsonl" >"$OUT/$kind-1.txt"
  wrk -t2 -c16 -d"${DURATION}s" -s bench/screening.lua "http://$BIND" -- "$OUT/$kind.jsonl" >"$OUT/$kind-16.txt"
  grep RESULT "$OUT/$kind-1.txt" "$OUT/$kind-16.txt"
done
for f in "$OUT"/*-1*.txt; do
  [[ $(field errors_status "$f") == 0 ]] || { echo "errors in $f" >&2; cat "$f" >&2; tail -20 "$OUT/server.log" >&2; exit 1; }
done
MACHINE="$(awk -F: '/model name/ {gsub(/^ +/, "", $2); print $2; exit}' /proc/cpuinfo), $(nproc) CPU(s)"
{
  echo
  echo "## Screening and keys at scale (\`bench/screening.sh\`, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
  echo
  echo "On database \`$DB\`: $PERSONS persons, $COMPANIES companies; $MACHINE."
  echo "Queries are register records as a desk types them (given name first, year of birth; one"
  echo "in five with a typo, one in five a name only; companies by name, one in four lower case)."
  echo
  echo "| measure | target (issue 13) | result |"
  echo "|---|---|---|"
  echo "| keys of every person and company (\`ncen migrate\` after a keys change) | 1 000 000 persons in minutes | ${KEYS_ROW} |"
  echo "| \`POST /screening\` person, 1 client, p95 | ≤ 30 ms (at 1 M persons) | $(field p95_ms "$OUT/persons-1.txt") ms (p50 $(field p50_ms "$OUT/persons-1.txt") ms) |"
  echo "| \`POST /screening\` person, 16 clients | reported | $(field rps "$OUT/persons-16.txt") screenings/s, p95 $(field p95_ms "$OUT/persons-16.txt") ms |"
  echo "| \`POST /screening\` company, 1 client, p95 | — | $(field p95_ms "$OUT/companies-1.txt") ms (p50 $(field p50_ms "$OUT/companies-1.txt") ms) |"
  echo "| \`POST /screening\` company, 16 clients | — | $(field rps "$OUT/companies-16.txt") screenings/s, p95 $(field p95_ms "$OUT/companies-16.txt") ms |"
  echo
  echo "Time per request includes the audit row and the read-volume watch; at 16 clients PostgreSQL,"
  echo "the server and wrk share the machine's cores. The cluster runs with shared_buffers"
  echo "$("${PSQL[@]}" -d postgres -Atc "SHOW shared_buffers"), the tables read by a screening loaded first (\`bench/warm.sh\`)."
} >>bench/MATCHING.md
echo "appended to bench/MATCHING.md"
