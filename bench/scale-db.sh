#!/usr/bin/env bash
# The national-size database of bench/scale.sh and bench/companies.sh: ncen_scale on the
# benchmark cluster (127.0.0.1:55434), made once by
#   `ncen demo --cases 20000 --register-persons 970500 --register-companies 490000`
# → about 1 000 000 persons and 500 000 companies (the demo's cases, plus register records
# known from other sources: demo/src/scale.rs), every record's matching keys written by the
# demo's keys pass; later runs reuse it. Expects the cluster started and the release binary
# built by its caller; prints one line of counts.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PG_PORT:-55434}
CASES=${BENCH_SCALE_CASES:-20000}
PERSONS=${BENCH_SCALE_PERSONS:-970500}
COMPANIES=${BENCH_SCALE_COMPANIES:-490000}
DB=ncen_scale
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
URL="postgres://postgres@127.0.0.1:$PORT/$DB"
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
env DATABASE_URL="$URL" target/release/ncen migrate >/dev/null
echo "$DB: $("${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM persons") persons, $("${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM companies") companies (generated in $(cat .data/bench-scale-seconds 2>/dev/null || echo '?') s)"
