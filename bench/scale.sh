#!/usr/bin/env bash
# `make bench-scale` (part of `make bench`): issue 13's figures at a national register's size,
# on database ncen_scale of the benchmark cluster (127.0.0.1:55434; made once, reused):
#   1. `ncen demo --cases 20000 --register-persons 966500 --register-companies 190000`
#      → about 1 000 000 persons and 200 000 companies (the demo's cases, plus register
#      records known from other sources: demo/src/scale.rs);
#   2. bench/screening.sh on it: every record's matching keys rebuilt (`ncen reindex-names`),
#      `POST /screening` for persons and companies at 1 and 16 clients (bench/MATCHING.md);
#   3. bench/alerts.sh on it: 10 000 active alerts, a case save with alert checking off and
#      on, the queue's drain, a 300-passenger list (bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PG_PORT:-55434}
CASES=${BENCH_SCALE_CASES:-20000}
PERSONS=${BENCH_SCALE_PERSONS:-970500}
COMPANIES=${BENCH_SCALE_COMPANIES:-190000}
DB=ncen_scale
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
URL="postgres://postgres@127.0.0.1:$PORT/$DB"
trap 'scripts/db.sh stop pg-bench >/dev/null 2>&1 || true' EXIT
command -v wrk >/dev/null || { echo "wrk is needed (make bench installs it)" >&2; exit 1; }
cargo build --release --bin ncen  # incremental: never measure a stale binary
scripts/db.sh start pg-bench "$PORT"
if ! "${PSQL[@]}" -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  echo "Generating $CASES demo cases and $PERSONS + $COMPANIES register records in $DB (once; later runs reuse them)…"
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
  start=$(date +%s)
  if ! env DATABASE_URL="$URL" NCEN_STORAGE_URL=.data/bench-scale-attachments NCEN_COUNTRY=FR \
      target/release/ncen demo --cases "$CASES" --register-persons "$PERSONS" --register-companies "$COMPANIES" | tail -n 12; then
    "${PSQL[@]}" -d postgres -c "DROP DATABASE $DB WITH (FORCE)"
    exit 1
  fi
  echo "$(( $(date +%s) - start ))" >.data/bench-scale-seconds
  "${PSQL[@]}" -d "$DB" -c "VACUUM ANALYZE" >/dev/null
fi
echo "$DB: $("${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM persons") persons, $("${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM companies") companies (generated in $(cat .data/bench-scale-seconds 2>/dev/null || echo '?') s)"
BENCH_DB=$DB bench/screening.sh
BENCH_DB=$DB bench/alerts.sh
