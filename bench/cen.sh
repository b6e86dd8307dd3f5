#!/usr/bin/env bash
# `make bench-cen` (part of `make bench`): the CEN export at a national size (issue 17).
# On the benchmark cluster (127.0.0.1:55434): ncen_cen, a copy of ncen_bench (`ncen demo
# --cases 100000`, made when missing), so the batches made here leave the base alone. Each run
# forgets the earlier batches, then times `ncen cen-export` of every validated case (81 426 of
# the demo's 100 000) in CSV and in JSON (the batch made, hashed and kept, then written out page by page)
# with /usr/bin/time: elapsed seconds and the process's peak RSS. Appends to bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PG_PORT:-55434}
CASES=${BENCH_CEN_CASES:-100000}
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
BASE=ncen_bench
DB=ncen_cen
URL="postgres://postgres@127.0.0.1:$PORT/$DB"
OUT=$(mktemp -d /tmp/ncen-cen.XXXXXX)
cleanup() {
  scripts/db.sh stop pg-bench >/dev/null 2>&1 || true
  rm -rf "$OUT"
}
trap cleanup EXIT
cargo build --release --bin ncen # incremental: never measure a stale binary
scripts/db.sh start pg-bench "$PORT"
exists() { "${PSQL[@]}" -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$1'" | grep -q 1; }
if ! exists "$BASE"; then
  echo "Generating $CASES demo cases in $BASE (once; later runs reuse them)…"
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $BASE"
  env DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/$BASE" NCEN_STORAGE_URL=.data/bench-attachments \
    NCEN_COUNTRY=FR target/release/ncen demo --cases "$CASES" | tail -n 3
fi
if ! exists "$DB"; then
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB TEMPLATE $BASE"
  env DATABASE_URL="$URL" target/release/ncen migrate >/dev/null
fi
env DATABASE_URL="$URL" target/release/ncen migrate >/dev/null
validated=$("${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM seizure_cases WHERE status = 'validated'")
rows=()
for format in csv json; do
  "${PSQL[@]}" -d "$DB" -c "DELETE FROM cen_export_items; DELETE FROM cen_export_batches" >/dev/null
  /usr/bin/time -f '%e %M' -o "$OUT/time" env DATABASE_URL="$URL" \
    target/release/ncen cen-export --max "$CASES" --format "$format" --out "$OUT/cen.$format" 2>"$OUT/log"
  read -r secs kb <"$OUT/time"
  size=$(du -m "$OUT/cen.$format" | cut -f1)
  rss=$((kb / 1024))
  echo "$format: $(tail -n 1 "$OUT/log") — ${secs} s, peak RSS ${rss} MB, ${size} MB written"
  n=$(grep -o '[0-9]* cases' "$OUT/log" | head -1 | cut -d' ' -f1)
  rows+=("| \`ncen cen-export --format $format\`, $n cases | ${secs} s, peak RSS ${rss} MB, ${size} MB | ≤ 30 s for 100 000 | $(awk -v s="$secs" -v n="$n" 'BEGIN { printf "%.2f", s * 100000 / n / 30 }') × budget (scaled to 100 000) |")
done
{
  echo
  echo "## CEN export at scale (\`bench/cen.sh\`, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' + working tree'))"
  echo
  echo "$DB: a copy of $BASE (\`ncen demo --cases $CASES\`): its $validated validated cases. Each format"
  echo "is one batch made from nothing exported: a chunk of 500 cases at a time, only the CEN fields read (four"
  echo "statements: cases, goods, route legs, conveyance types), the records built from their non-nominal views,"
  echo "kept and hashed in one transaction with the audit row, then written out a page of 1 000 records at a time."
  echo
  echo "| measure | result | target | result / target |"
  echo "|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} >>bench/README.md
tail -n 12 bench/README.md
