#!/usr/bin/env bash
# `make bench-analysis`: link analysis and saved searches at a national size (issue 16), on the
# database `bench/stats.sh` builds (ncen_stats: `ncen demo --cases 100000` and nine copies of its
# counted cases → ~1 000 000 cases; the copies carry goods and routes, not parties, so the graph
# is the demo's 100 000 cases with their persons, companies and conveyances). Built first when
# missing. Adds (once) a hub company named as importer in 500 counted cases. Then, at one client
# for BENCH_DURATION s each, p95 of:
#   GET /analysis/graph of the hub (500 neighbours: its cases), and of persons and companies;
#   GET /analysis/path between 40 pairs of persons whose cases share a company (≤ 4 links);
#   the case save with no saved search, then with 1 000 active rules (varied filters of the
#   analyst's), the worker checking every save meanwhile; the delay from a matching case's
#   submission to its owner's notification; the worker's rate (cases checked per second
#   against 1 000 rules).
# Appends its figures to bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PG_PORT:-55434}
DB=ncen_stats
BIND=127.0.0.1:${BENCH_HTTP_PORT:-18488}
DURATION=${BENCH_DURATION:-15}
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -v ON_ERROR_STOP=1 -d "$DB")
URL="postgres://postgres@127.0.0.1:$PORT/$DB"
OUT=$(mktemp -d /tmp/ncen-analysis.XXXXXX)
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  scripts/db.sh stop pg-bench >/dev/null 2>&1 || true
  rm -rf "$OUT"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is needed (make bench installs it)" >&2; exit 1; }
cargo build --release --bin ncen
scripts/db.sh start pg-bench "$PORT"
if ! psql -h 127.0.0.1 -p "$PORT" -U postgres -X -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  scripts/db.sh stop pg-bench >/dev/null
  bench/stats.sh
  scripts/db.sh start pg-bench "$PORT"
fi
env DATABASE_URL="$URL" target/release/ncen migrate >/dev/null
# no rules yet, an empty queue (the copies and earlier runs left cases in it)
"${PSQL[@]}" -c "DELETE FROM saved_searches WHERE name LIKE 'Bench rule %'" -c "TRUNCATE saved_search_queue"

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
get() { # name paths
  TOKEN=$ANALYST BENCH_PATHS=$2 wrk -t1 -c1 -d3s -s bench/get_path.lua "http://$BIND" >/dev/null
  TOKEN=$ANALYST BENCH_PATHS=$2 wrk -t1 -c1 -d"${DURATION}s" -s bench/get_path.lua "http://$BIND" >"$OUT/$1.txt"
  check "$1"
}
field() { sed -nE "s/.*$1=([0-9.]+).*/\1/p" "$OUT/$2.txt"; }
ANALYST=$(token ncu.analyst)
OFFICER=$(token cdg-pax.officer1)

# the hub: a company named as importer in 500 counted cases (once)
HUB=$("${PSQL[@]}" -Atc "SELECT id FROM companies WHERE name = 'Bench Hub Logistics'")
if [[ -z "$HUB" ]]; then
  HUB=$(curl -fs -X POST "http://$BIND/api/v1/companies" -H "authorization: Bearer $OFFICER" -H 'content-type: application/json' \
    -d '{"name":"Bench Hub Logistics","country":"FR","activities":["importer"]}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
  "${PSQL[@]}" -c "INSERT INTO seizure_case_companies (case_id, company_id, role, position)
    SELECT id, '$HUB', 'importer', 99 FROM seizure_cases WHERE status <> 'draft' AND reference NOT LIKE '%-C%'
     ORDER BY id LIMIT 500"
fi
NEIGHBOURS=$("${PSQL[@]}" -Atc "SELECT count(*) FROM seizure_case_companies WHERE company_id = '$HUB'")
G=/api/v1/analysis/graph
get hub "$G?node=company:$HUB&limit=500|$G?node=company:$HUB&kinds=case&limit=500"
OTHERS=$("${PSQL[@]}" -Atc "SELECT string_agg('$G?node=' || n, '|') FROM (
    (SELECT 'person:' || person_id AS n FROM seizure_case_persons GROUP BY person_id ORDER BY count(*) DESC, person_id LIMIT 10)
    UNION ALL (SELECT 'company:' || company_id FROM seizure_case_companies WHERE company_id <> '$HUB'
                GROUP BY company_id ORDER BY count(*) DESC, company_id LIMIT 10)) t")
get nodes "$OTHERS"
P=/api/v1/analysis/path
PAIRS=$("${PSQL[@]}" -Atc "SELECT string_agg('$P?source=person:' || p1 || '&target=person:' || p2, '|') FROM (
    SELECT DISTINCT ON (x1.person_id) x1.person_id AS p1, x2.person_id AS p2
      FROM seizure_case_companies c1
      JOIN seizure_case_companies c2 ON c2.company_id = c1.company_id AND c2.case_id <> c1.case_id
      JOIN seizure_case_persons x1 ON x1.case_id = c1.case_id
      JOIN seizure_case_persons x2 ON x2.case_id = c2.case_id AND x2.person_id <> x1.person_id
      JOIN seizure_cases s1 ON s1.id = c1.case_id AND s1.status <> 'draft'
      JOIN seizure_cases s2 ON s2.id = c2.case_id AND s2.status <> 'draft'
     WHERE c1.company_id <> '$HUB' AND c2.company_id <> '$HUB'
     ORDER BY x1.person_id, x2.person_id LIMIT 40) t")
get paths "$PAIRS"
FOUND=$(curl -fs "http://$BIND${PAIRS%%|*}" -H "authorization: Bearer $ANALYST" | sed -E 's/.*"found":(true|false).*"hops":([0-9null]+).*/found=\1 hops=\2/')

# saved searches: the save with no rule, then with 1 000 rules
"${PSQL[@]}" -Atc "SELECT json_build_object('kind', 'seizure', 'detected_at', now(), 'country', 'FR', 'place', 'Le Havre', 'location_type', 'seaport',
    'goods', json_build_array(json_build_object('commodity_group', 'drugs', 'commodity_type', 'cocaine', 'quantity', 2, 'unit', 'kg')),
    'route', json_build_array(json_build_object('position', 1, 'country', 'EC', 'role', 'origin'), json_build_object('position', 2, 'country', 'FR', 'role', 'destination')))
  FROM generate_series(1, 3000)" >"$OUT/cases.jsonl"
save() {
  TOKEN=$OFFICER BENCH_PATH=/api/v1/seizures wrk -t1 -c1 -d"${DURATION}s" -s bench/screening.lua "http://$BIND" -- "$OUT/cases.jsonl" >"$OUT/$1.txt"
  check "$1"
}
save save_none
"${PSQL[@]}" -c "TRUNCATE saved_search_queue"
"${PSQL[@]}" -c "INSERT INTO saved_searches (id, owner_id, unit_id, name, query, shared)
  SELECT gen_random_uuid(), u.id, u.unit_id, 'Bench rule ' || i,
         jsonb_strip_nulls(jsonb_build_object(
           'commodity_type', (ARRAY['cocaine', 'heroin', 'cannabis_resin', 'cigarettes', 'counterfeit_clothing', NULL])[1 + i % 6],
           'route_country', (ARRAY['EC', 'CO', 'MA', 'CN', 'TR', 'NL', 'BR', NULL])[1 + i % 8],
           'detection_method', (ARRAY[NULL, 'xray_nii', 'detector_dog', NULL, NULL])[1 + i % 5],
           'q', CASE WHEN i % 10 = 0 THEN 'container' END)),
         i % 3 = 0
    FROM generate_series(1, 1000) i CROSS JOIN (SELECT id, unit_id FROM users WHERE username = 'ncu.analyst') u"
save save_rules
# the worker's rate against 1 000 rules: the queue the save run left, drained
QUEUED=$("${PSQL[@]}" -Atc "SELECT count(*) FROM saved_search_queue")
start=$(date +%s.%N)
while [[ $("${PSQL[@]}" -Atc "SELECT count(*) FROM saved_search_queue") != 0 ]]; do sleep 0.2; done
DRAIN=$(python3 -c "import sys; print(round(float(sys.argv[1]) - float(sys.argv[2]), 1))" "$(date +%s.%N)" "$start")
# a matching case's save and submission → its hit for the rules' owner (from the save)
cat >"$OUT/notified.py" <<'PY'
import json, sys, time, urllib.request
base, officer, analyst = sys.argv[1], sys.argv[2], sys.argv[3]
def call(method, path, token, body=None, headers=None):
    req = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode())
    req.add_header("authorization", "Bearer " + token); req.add_header("content-type", "application/json")
    for k, v in (headers or {}).items(): req.add_header(k, v)
    with urllib.request.urlopen(req) as r: return json.loads(r.read() or b"null")
def hits():
    return sum(s["hits"] for s in call("GET", "/api/v1/saved-searches", analyst)["items"])
delays = []
for i in range(10):
    before = hits()
    case = call("POST", "/api/v1/seizures", officer, {"kind": "seizure", "detected_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "place": "Bench", "goods": [{"commodity_group": "drugs", "commodity_type": "heroin", "quantity": 1, "unit": "kg"}],
        "route": [{"position": 1, "country": "TR", "role": "origin"}, {"position": 2, "country": "FR", "role": "destination"}]})
    t0 = time.monotonic()
    # submitted: the rules' owner (another unit) does not see the officer's drafts
    call("POST", f"/api/v1/seizures/{case['id']}/submit", officer, None, {"if-match": '"1"'})
    while hits() <= before:
        if time.monotonic() - t0 > 20: raise SystemExit("no hit after 20 s")
        time.sleep(0.02)
    delays.append((time.monotonic() - t0) * 1000)
delays.sort()
print(f"p50={delays[len(delays)//2]:.0f} max={delays[-1]:.0f}")
PY
NOTIFIED=$(python3 "$OUT/notified.py" "http://$BIND" "$OFFICER" "$ANALYST")
"${PSQL[@]}" -c "DELETE FROM saved_searches WHERE name LIKE 'Bench rule %'"
CASES=$("${PSQL[@]}" -Atc "SELECT (SELECT count(*) FROM seizure_cases) || ' cases, ' || (SELECT count(*) FROM persons) || ' persons, ' || (SELECT count(*) FROM companies) || ' companies, ' || (SELECT count(*) FROM seizure_case_persons) + (SELECT count(*) FROM seizure_case_companies) + (SELECT count(*) FROM seizure_case_conveyances) || ' case links'")
MACHINE="$(awk -F: '/model name/ {gsub(/^ +/, "", $2); print $2; exit}' /proc/cpuinfo), $(nproc) CPU(s)"
{
  echo
  echo "## Link analysis and saved searches at scale (\`bench/analysis.sh\`, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD))"
  echo
  echo "$CASES (the graph is the 100 000 demo cases' parties; the copies carry none). $MACHINE. One client, ${DURATION} s each, p95."
  echo
  echo "| measure | target (issue 16) | result |"
  echo "|---|---|---|"
  echo "| graph expansion of a node with $NEIGHBOURS neighbours (all kinds / cases only, limit 500) | ≤ 100 ms | $(field p95_ms hub) ms (p50 $(field p50_ms hub)) |"
  echo "| graph expansion of the 10 busiest persons and companies | — | $(field p95_ms nodes) ms (p50 $(field p50_ms nodes)) |"
  echo "| shortest chain between 40 pairs of persons (cases sharing a company; ≤ 4 links; first: $FOUND) | ≤ 300 ms | $(field p95_ms paths) ms (p50 $(field p50_ms paths)) |"
  echo "| case save, no saved search / 1 000 active rules (worker checking every save meanwhile) | ≤ +10 ms | $(field p95_ms save_none) / $(field p95_ms save_rules) ms |"
  echo "| worker: $QUEUED saved cases left queued, checked against 1 000 rules | — | $DRAIN s after the run |"
  echo "| a matching case's save → its hit recorded and notified (10 cases, 1 000 rules) | — | $(echo "$NOTIFIED" | sed -E 's/.*p50=([0-9]+).*/\1/') ms p50, max $(echo "$NOTIFIED" | sed -E 's/.*max=([0-9]+).*/\1/') ms |"
} | tee -a bench/README.md
