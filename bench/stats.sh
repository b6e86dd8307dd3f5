#!/usr/bin/env bash
# `make bench-stats` (part of `make bench`): seizure statistics at a national size (issue 16).
# Builds once, on the benchmark cluster (127.0.0.1:55434), ncen_stats:
#   `ncen demo --cases 100000`, then nine copies of its submitted and validated cases with
#   their goods and routes (new ids and references, detected 1–9 weeks earlier) → ~1 000 000
#   cases, and `ncen_stat_rebuild()` (every case's cells and both rollups).
# Then, at one client for BENCH_DURATION s each, p95 of:
#   GET /stats/seizures read from a rollup: the presets (commodity trends, top routes,
#   detection methods, concealment by commodity), a year by day, filtered tables, with and
#   without comparisons — 12 requests in turn;
#   GET /stats/seizures read from the pairs rollup: two dimensions (grouped or filtered);
#   GET /stats/seizures only the cases' cells answer (by week, three dimensions, the map's);
#   the delay from a case's submission to its count in the statistics (20 cases, the server's
#   worker woken by NOTIFY), and the case save with the statistics triggers on and off.
# Appends its figures to bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PG_PORT:-55434}
DB=ncen_stats
BIND=127.0.0.1:${BENCH_HTTP_PORT:-18487}
DURATION=${BENCH_DURATION:-15}
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -v ON_ERROR_STOP=1 -d "$DB")
URL="postgres://postgres@127.0.0.1:$PORT/$DB"
OUT=$(mktemp -d /tmp/ncen-stats.XXXXXX)
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  scripts/db.sh stop pg-bench >/dev/null 2>&1 || true
  rm -rf "$OUT"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is needed (make bench installs it)" >&2; exit 1; }
cargo build --release --bin ncen # incremental: never measure a stale binary
scripts/db.sh start pg-bench "$PORT"
if ! psql -h 127.0.0.1 -p "$PORT" -U postgres -X -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  echo "Generating 100 000 demo cases in $DB, then nine copies (once; later runs reuse them)…"
  psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -d postgres -c "CREATE DATABASE $DB"
  start=$(date +%s)
  env DATABASE_URL="$URL" NCEN_STORAGE_URL=.data/bench-stats-attachments NCEN_COUNTRY=FR \
    target/release/ncen demo --cases 100000 | tail -n 3
  cols=$("${PSQL[@]}" -Atc "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
          WHERE table_name = 'seizure_cases' AND is_generated = 'NEVER' AND column_name NOT IN ('id', 'reference', 'detected_at')")
  gcols=$("${PSQL[@]}" -Atc "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
          WHERE table_name = 'seizure_goods' AND is_generated = 'NEVER' AND column_name NOT IN ('id', 'case_id')")
  lcols=$("${PSQL[@]}" -Atc "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
          WHERE table_name = 'seizure_route_legs' AND column_name NOT IN ('case_id')")
  for k in ${BENCH_STATS_COPIES:-1 2 3 4 5 6 7 8 9}; do
    "${PSQL[@]}" <<SQL
BEGIN;
-- no triggers for the copies (each route leg would rewrite its case's filter arrays, each case
-- queue its statistics: 7 min a copy); what they keep is written here or rebuilt below
SET LOCAL session_replication_role = replica;
CREATE TEMP TABLE m ON COMMIT DROP AS
  SELECT id AS old, gen_random_uuid() AS new FROM seizure_cases WHERE status <> 'draft' AND reference NOT LIKE '%-C%';
INSERT INTO seizure_cases (id, reference, detected_at, $cols)
  SELECT m.new, c.reference || '-C$k', c.detected_at - interval '$k weeks', $cols
    FROM seizure_cases c JOIN m ON m.old = c.id;
INSERT INTO seizure_goods (id, case_id, $gcols)
  SELECT gen_random_uuid(), m.new, $gcols FROM seizure_goods g JOIN m ON m.old = g.case_id;
INSERT INTO seizure_route_legs (case_id, $lcols)
  SELECT m.new, $lcols FROM seizure_route_legs l JOIN m ON m.old = l.case_id;
INSERT INTO seizure_case_documents (case_id) SELECT new FROM m;
COMMIT;
SQL
    echo "  copy $k of 9"
  done
  "${PSQL[@]}" -c "VACUUM ANALYZE seizure_cases, seizure_goods, seizure_route_legs"
  echo "statistics of every case (ncen_stat_rebuild)…"
  rebuild_start=$(date +%s)
  "${PSQL[@]}" -Atc "SET work_mem = '256MB'; SELECT ncen_stat_rebuild()" >/dev/null
  echo "$(( $(date +%s) - rebuild_start ))" >.data/bench-stats-rebuild-seconds
  "${PSQL[@]}" -c "VACUUM ANALYZE stat_case_cells, stat_daily, stat_monthly"
  echo "$(( $(date +%s) - start ))" >.data/bench-stats-seconds
fi
env DATABASE_URL="$URL" target/release/ncen migrate >/dev/null
COUNTS=$("${PSQL[@]}" -Atc "SELECT (SELECT count(*) FROM seizure_cases) || ' cases (' || (SELECT count(*) FROM seizure_cases WHERE status <> 'draft') || ' counted), ' || (SELECT count(*) FROM seizure_goods) || ' goods lines; ' || (SELECT count(*) FROM stat_case_cells) || ' cells, ' || (SELECT count(*) FROM stat_daily) || ' daily, ' || (SELECT count(*) FROM stat_monthly) || ' monthly and ' || (SELECT count(*) FROM stat_pair_monthly) || ' pairs rollup rows'")
echo "$COUNTS"
SIZES=$("${PSQL[@]}" -Atc "SELECT 'cells ' || pg_size_pretty(pg_total_relation_size('stat_case_cells')) || ', daily ' || pg_size_pretty(pg_total_relation_size('stat_daily')) || ', monthly ' || pg_size_pretty(pg_total_relation_size('stat_monthly')) || ', pairs ' || pg_size_pretty(pg_total_relation_size('stat_pair_monthly'))")
bench/warm.sh "$PORT" "$DB" stat_daily stat_monthly stat_pair_monthly stat_case_cells

env DATABASE_URL="$URL" NCEN_BIND="$BIND" NCEN_STORAGE_URL=.data/bench-stats-attachments NCEN_ADMIN_PASSWORD=bench-root-passphrase \
  NCEN_LOG=warn NCEN_WEB_DIR=/nonexistent NCEN_LIST_PAGES_PER_MINUTE=0 NCEN_COUNTRY=FR \
  target/release/ncen serve >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -fs "http://$BIND/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
token() {
  curl -fs -X POST "http://$BIND/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"${NCEN_DEMO_PASSWORD:-customs-demo-2026}\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
check() {
  local errors; errors=$(sed -nE 's/.*errors_status=([0-9]+).*/\1/p' "$OUT/$1.txt")
  [[ "$errors" == 0 ]] || { echo "errors in $1" >&2; cat "$OUT/$1.txt" >&2; tail -5 "$OUT/server.log" >&2; exit 1; }
}
get() { # name paths [wrk's timeout]
  TOKEN=$ANALYST BENCH_PATHS=$2 wrk -t1 -c1 -d3s --timeout "${3:-2s}" -s bench/get_path.lua "http://$BIND" >/dev/null
  TOKEN=$ANALYST BENCH_PATHS=$2 wrk -t1 -c1 -d"${DURATION}s" --timeout "${3:-2s}" -s bench/get_path.lua "http://$BIND" >"$OUT/$1.txt"
  check "$1"
}
field() { sed -nE "s/.*$1=([0-9.]+).*/\1/p" "$OUT/$2.txt"; }
ANALYST=$(token ncu.analyst)
TO=$(date -u +%Y-%m-%d)
MONTHS_FROM=$(date -u -d "$(date -u +%Y-%m-01) -11 months" +%Y-%m-%d)
DAY_FROM=$(date -u -d "-364 days" +%Y-%m-%d)
S=/api/v1/stats/seizures
ROLLUP="$S?group=period,commodity_group|$S?group=route|$S?group=detection_method&compare=true|$S?group=concealment_method,commodity_group"
ROLLUP="$ROLLUP|$S?group=period&period=day&from=$DAY_FROM&to=$TO|$S?group=period,origin_country&commodity_group=drugs&from=2023-01-01&to=$TO"
ROLLUP="$ROLLUP|$S?group=period&period=quarter&from=2023-01-01&to=$TO&compare=true|$S?group=commodity_type&commodity_group=drugs&compare=true"
ROLLUP="$ROLLUP|$S?group=offender_nationality&from=2023-01-01&to=$TO|$S?group=period,conveyance_type&period=week&from=$DAY_FROM&to=$TO"
ROLLUP="$ROLLUP|$S?group=location_type&status=validated&from=$MONTHS_FROM&to=$TO|$S?group=period&period=month&from=2023-01-01&to=$TO&compare=true"
PAIRS="$S?group=location_type,direction|$S?group=detection_method,concealment_method&commodity_group=drugs"
PAIRS="$PAIRS|$S?group=period,origin_country&detection_method=detector_dog|$S?group=route&location_type=seaport&commodity_group=drugs"
# what only the cells answer: two dimensions by week, three dimensions, the map's with a filter
CELLS="$S?group=period,detection_method&period=week&from=$DAY_FROM&to=$TO|$S?group=commodity_type&detection_method=detector_dog&location_type=seaport"
CELLS="$CELLS|$S?group=route_segment&concealment_method=in_luggage"
get rollup "$ROLLUP"
get pairs "$PAIRS"
get cells "$CELLS" 60s
OFFICER=$(token cdg-pax.officer1)
# a case's save and submission, then its count: the delay until the statistics show it
cat >"$OUT/visible.py" <<'PY'
import json, sys, time, urllib.request
base, officer, analyst = sys.argv[1], sys.argv[2], sys.argv[3]
def call(method, path, token, body=None, headers=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("authorization", "Bearer " + token); req.add_header("content-type", "application/json")
    for k, v in (headers or {}).items(): req.add_header(k, v)
    with urllib.request.urlopen(req) as r: return json.loads(r.read() or b"null")
delays = []
for i in range(20):
    day = time.strftime("%Y-%m-%d", time.gmtime())
    q = f"/api/v1/stats/seizures?from={day}&to={day}"
    before = call("GET", q, analyst)["total"]["cases"]
    case = call("POST", "/api/v1/seizures", officer, {"kind": "offence", "detected_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "place": "Bench"})
    call("POST", f"/api/v1/seizures/{case['id']}/submit", officer, None, {"if-match": '"1"'})
    t0 = time.monotonic()
    while call("GET", q, analyst)["total"]["cases"] <= before:
        if time.monotonic() - t0 > 10: raise SystemExit("not visible after 10 s")
        time.sleep(0.01)
    delays.append((time.monotonic() - t0) * 1000)
delays.sort()
print(f"p50={delays[len(delays)//2]:.1f} p95={delays[int(len(delays)*0.95)-1]:.1f} max={delays[-1]:.1f}")
PY
VISIBLE=$(python3 "$OUT/visible.py" "http://$BIND" "$OFFICER" "$ANALYST")
# the case save with the statistics triggers, then without
"${PSQL[@]}" -Atc "SELECT json_build_object('kind', 'seizure', 'detected_at', now(), 'country', 'FR', 'place', 'Le Havre', 'location_type', 'seaport',
    'goods', json_build_array(json_build_object('commodity_group', 'tobacco', 'commodity_type', 'cigarettes', 'quantity', 2000, 'unit', 'sticks')),
    'route', json_build_array(json_build_object('position', 1, 'country', 'CN', 'role', 'origin'), json_build_object('position', 2, 'country', 'FR', 'role', 'destination')))
  FROM generate_series(1, 3000)" >"$OUT/cases.jsonl"
save() {
  TOKEN=$OFFICER BENCH_PATH=/api/v1/seizures wrk -t1 -c1 -d"${DURATION}s" -s bench/screening.lua "http://$BIND" -- "$OUT/cases.jsonl" >"$OUT/$1.txt"
  check "$1"
}
save save_on
for t in seizure_cases seizure_goods seizure_route_legs; do
  "${PSQL[@]}" -c "ALTER TABLE $t DISABLE TRIGGER ${t}_stats_insert"
done
save save_off
for t in seizure_cases seizure_goods seizure_route_legs; do
  "${PSQL[@]}" -c "ALTER TABLE $t ENABLE TRIGGER ${t}_stats_insert"
done
MACHINE="$(awk -F: '/model name/ {gsub(/^ +/, "", $2); print $2; exit}' /proc/cpuinfo), $(nproc) CPU(s)"
{
  echo
  echo "## Seizure statistics at scale (\`bench/stats.sh\`, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD))"
  echo
  echo "$COUNTS ($SIZES; built in $(cat .data/bench-stats-seconds 2>/dev/null || echo '?') s, of which the statistics $(cat .data/bench-stats-rebuild-seconds 2>/dev/null || echo '?') s). $MACHINE. One client, ${DURATION} s each, p95."
  echo
  echo "| measure | target (issue 16) | result |"
  echo "|---|---|---|"
  echo "| statistics from a rollup (12 tables in turn: presets, a year by day, filtered, compared) | ≤ 100 ms | $(field p95_ms rollup) ms (p50 $(field p50_ms rollup)) |"
  echo "| statistics by two dimensions (4 tables: two grouped, or one grouped and one filtered; the pairs rollup) | ≤ 100 ms | $(field p95_ms pairs) ms (p50 $(field p50_ms pairs)) |"
  echo "| statistics only the cases' cells answer (3 tables: two dimensions by week, three dimensions, the map's with a filter) | ≤ 100 ms | $(field p95_ms cells) ms (p50 $(field p50_ms cells)) |"
  echo "| a submitted case counted in the statistics (20 cases) | ≤ 2 s | $(echo "$VISIBLE" | sed -E 's/.*p95=([0-9.]+).*/\1/') ms (p50 $(echo "$VISIBLE" | sed -E 's/.*p50=([0-9.]+).*/\1/'), max $(echo "$VISIBLE" | sed -E 's/.*max=([0-9.]+).*/\1/')) |"
  echo "| case save, statistics triggers on / off | — | $(field p95_ms save_on) / $(field p95_ms save_off) ms |"
} | tee -a bench/README.md
