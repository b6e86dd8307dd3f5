#!/usr/bin/env bash
# `make bench-imports` (part of `make bench`): bulk imports at a national size (issue 18).
# On the benchmark cluster (127.0.0.1:55434), a fresh database ncen_imports each run:
#   1. bench/imports_gen.py writes BENCH_IMPORT_CASES (100 000) seizure cases as NDJSON
#      (≈ 300 000 goods, 150 000 persons, 200 000 route legs, 25 000 conveyances);
#   2. a release server imports it as a supervisor would with `ncen import`: a dry run, then
#      the commit of that dry run (valid_rows) — each timed by its job's own start and end;
#   3. the rows the commit wrote (cases, goods, legs, persons and their documents,
#      conveyances, case links) are copied out, the tables emptied, and the same rows loaded
#      back with COPY into the same tables (their triggers on: what any load pays) — the
#      ceiling of a load without validation, matching, history or audit;
#   4. with BENCH_IMPORT_BIG=1 (default), a file of at least 1 GiB is uploaded and dry-run,
#      the server's peak RSS (VmHWM) read after each step.
# Appends the figures to bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PG_PORT:-55434}
HTTP_PORT=${BENCH_IMPORT_HTTP_PORT:-18140}
CASES=${BENCH_IMPORT_CASES:-100000}
BIG=${BENCH_IMPORT_BIG:-1}
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
DB=ncen_imports
URL="postgres://postgres@127.0.0.1:$PORT/$DB"
OUT=$(mktemp -d /tmp/ncen-imports.XXXXXX)
chmod 755 "$OUT"
pid=
cleanup() {
  [[ -n $pid ]] && { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
  scripts/db.sh stop pg-bench >/dev/null 2>&1 || true
  rm -rf "$OUT"
}
trap cleanup EXIT
cargo build --release --bin ncen # incremental: never measure a stale binary
scripts/db.sh start pg-bench "$PORT"
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
env DATABASE_URL="$URL" target/release/ncen migrate >/dev/null

echo "Writing $CASES cases…"
# shellcheck disable=SC2086 # BENCH_IMPORT_GEN: more generator options (e.g. --no-parties)
python3 bench/imports_gen.py --cases "$CASES" ${BENCH_IMPORT_GEN:-} --out "$OUT/cases.ndjson"
size_mb=$(du -m "$OUT/cases.ndjson" | cut -f1)

admin_password="bench-imports-boot-1"
env DATABASE_URL="$URL" NCEN_BIND="127.0.0.1:$HTTP_PORT" NCEN_ADMIN_PASSWORD="$admin_password" \
  NCEN_WEB_DIR=/nonexistent NCEN_LOG=warn NCEN_COUNTRY=FR \
  NCEN_JWT_SECRET_FILE="$OUT/jwt.key" NCEN_AUDIT_KEY_FILE="$OUT/audit.key" \
  NCEN_AUDIT_CHECKPOINT_FILE="$OUT/checkpoints.jsonl" NCEN_STORAGE_URL="$OUT/files" \
  target/release/ncen serve >"$OUT/server.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$HTTP_PORT"
for _ in $(seq 1 120); do
  curl -fs "$base/health/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$OUT/server.log"; exit 1; }
  sleep 0.5
done
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
login() {
  curl -fsS "$base/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" | json "['access_token']"
}
admin=$(login admin "$admin_password")
unit=$(curl -fsS "$base/api/v1/units" -H "authorization: Bearer $admin" | json "['items'][0]['id']")
curl -fsS "$base/api/v1/users" -H "authorization: Bearer $admin" -H 'content-type: application/json' \
  -d "{\"username\":\"importer\",\"display_name\":\"Bench importer\",\"unit_id\":\"$unit\",\"roles\":[\"supervisor\"],\"password\":\"bench-imports-sup-1\"}" >/dev/null
token() { login importer bench-imports-sup-1; }
rss() { awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$pid/status"; }
# seconds a job ran (its started_at to its finished_at), from the database
ran() {
  "${PSQL[@]}" -d "$DB" -Atc "SELECT round(extract(epoch FROM finished_at - started_at)::numeric, 1) FROM import_jobs WHERE id = '$1'"
}
follow() { # follow ID: waits for the job to end, refreshing the token; prints its status
  local id=$1 status
  while :; do
    status=$(curl -fsS "$base/api/v1/imports/$id" -H "authorization: Bearer $(token)" | json "['status']")
    [[ $status == queued || $status == running ]] || break
    sleep 5
  done
  echo "$status"
}

echo "Dry run…"
dry=$(curl -fsS -X POST "$base/api/v1/imports?record_type=cases&source_system=legacy&filename=cases.ndjson" \
  -H "authorization: Bearer $(token)" -H 'content-type: application/x-ndjson' \
  -T "$OUT/cases.ndjson" | json "['id']")
status=$(follow "$dry")
dry_s=$(ran "$dry")
echo "dry run $status in $dry_s s"
echo "Commit…"
commit=$(curl -fsS -X POST "$base/api/v1/imports/$dry/commit" -H "authorization: Bearer $(token)" \
  -H 'content-type: application/json' -d '{"mode":"valid_rows"}' | json "['id']")
status=$(follow "$commit")
commit_s=$(ran "$commit")
counts=$("${PSQL[@]}" -d "$DB" -Atc "SELECT created || ' created, ' || rejected || ' rejected, ' || matched || ' parties matched, ' || proposals || ' proposals' FROM import_jobs WHERE id = '$commit'")
echo "commit $status in $commit_s s: $counts"
rss_commit=$(rss)

# the rows the import wrote, loaded again by COPY into the same tables
TABLES=(persons person_documents conveyances seizure_cases seizure_goods seizure_route_legs seizure_case_persons seizure_case_conveyances)
rows=0
for t in "${TABLES[@]}"; do
  n=$("${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM $t")
  rows=$((rows + n))
  "${PSQL[@]}" -d "$DB" -c "\\copy $t TO '$OUT/$t.copy'"
done
kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
# the same database (its users and units, code lists) with those tables emptied
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS ${DB}_copy WITH (FORCE)" -c "CREATE DATABASE ${DB}_copy TEMPLATE $DB"
"${PSQL[@]}" -d "${DB}_copy" -c "TRUNCATE $(IFS=,; echo "${TABLES[*]}") CASCADE" -c "VACUUM ANALYZE"
start=$(date +%s.%N)
{
  echo "BEGIN;"
  for t in "${TABLES[@]}"; do echo "\\copy $t FROM '$OUT/$t.copy'"; done
  echo "COMMIT;"
} | "${PSQL[@]}" -d "${DB}_copy"
copy_s=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS ${DB}_copy WITH (FORCE)"
echo "COPY of the same $rows rows: $copy_s s"

import_rate=$(awk -v r="$rows" -v s="$commit_s" 'BEGIN { printf "%.0f", r / s }')
copy_rate=$(awk -v r="$rows" -v s="$copy_s" 'BEGIN { printf "%.0f", r / s }')
ratio=$(awk -v a="$import_rate" -v b="$copy_rate" 'BEGIN { printf "%.3f", a / b }')
dry_ratio=$(awk -v a="$dry_s" -v b="$commit_s" 'BEGIN { printf "%.2f", a / b }')

big_row=""
if [[ $BIG == 1 ]]; then
  rm -f "$OUT"/*.copy
  python3 bench/imports_gen.py --cases 1 --min-bytes 1073741824 --seed 7 --out "$OUT/big.ndjson"
  big_mb=$(du -m "$OUT/big.ndjson" | cut -f1)
  env DATABASE_URL="$URL" NCEN_BIND="127.0.0.1:$HTTP_PORT" NCEN_ADMIN_PASSWORD="$admin_password" \
    NCEN_WEB_DIR=/nonexistent NCEN_LOG=warn NCEN_COUNTRY=FR \
    NCEN_JWT_SECRET_FILE="$OUT/jwt.key" NCEN_AUDIT_KEY_FILE="$OUT/audit.key" \
    NCEN_AUDIT_CHECKPOINT_FILE="$OUT/checkpoints.jsonl" NCEN_STORAGE_URL="$OUT/files" \
    target/release/ncen serve >"$OUT/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do curl -fs "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
  echo "Uploading and dry-running $big_mb MB…"
  big=$(curl -fsS -X POST "$base/api/v1/imports?record_type=cases&source_system=big&filename=big.ndjson" \
    -H "authorization: Bearer $(token)" -H 'content-type: application/x-ndjson' \
    -T "$OUT/big.ndjson" | json "['id']")
  rss_upload=$(rss)
  status=$(follow "$big")
  big_s=$(ran "$big")
  rss_big=$(rss)
  echo "1 GiB: upload peak RSS $rss_upload MB; dry run $status in $big_s s, peak RSS $rss_big MB"
  big_row="| server peak RSS, upload and dry run of a ${big_mb} MB file | upload ${rss_upload} MB, after the dry run (${big_s} s) ${rss_big} MB | ≤ 200 MB | $(awk -v r="$rss_big" 'BEGIN { printf "%.2f", r / 200 }') × budget |"
fi

{
  echo
  echo "## Bulk import of cases (\`bench/imports.sh\`, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' + working tree'))"
  echo
  echo "$CASES cases (${size_mb} MB of NDJSON, \`bench/imports_gen.py\`) imported into an empty database by a"
  echo "release server: a dry run, then its commit (\`valid_rows\`, 500 lines a transaction) — $counts. The"
  echo "commit wrote $rows rows (cases, goods, route legs, persons, documents, conveyances, case links); COPY"
  echo "loaded the same rows into the same tables (one transaction, triggers on) in $copy_s s."
  echo
  echo "| measure | result | target | result / target |"
  echo "|---|---|---|---|"
  echo "| commit, rows written per second | $import_rate rows/s ($commit_s s) against COPY's $copy_rate rows/s | ≥ 25 % of COPY | $(awk -v r="$ratio" 'BEGIN { printf "%.1f %% of COPY, %.2f", r * 100, r / 0.25 }') × target |"
  echo "| dry run against commit | $dry_s s against $commit_s s | ≤ 50 % | $(awk -v r="$dry_ratio" 'BEGIN { printf "%.0f %%, %.2f", r * 100, r / 0.5 }') × budget |"
  echo "| server peak RSS after the commit | $rss_commit MB | ≤ 200 MB | $(awk -v r="$rss_commit" 'BEGIN { printf "%.2f", r / 200 }') × budget |"
  if [[ -n $big_row ]]; then echo "$big_row"; fi
} | tee -a "${BENCH_IMPORT_REPORT:-bench/README.md}"
