#!/usr/bin/env bash
# `make bench-exchange` (part of `make bench`): an Icomm package of 100 cases with 200 pictures
# between two real nodes (issue 17). On the benchmark cluster (127.0.0.1:55434), two databases
# made afresh each run — ncen_xfr and ncen_xbe, each `ncen demo --cases 1000 --pictures 1000`
# with the other registered as its partner (real keys, the nominal Naples II agreement) — and
# two release servers, FR on :18180 and BE on :18181. FR's liaison officer sends the 100
# validated cases that have two pictures each (a photo and an X-ray); the clock runs from the
# POST to the outbox (the cases' documents built and scoped, the package signed and queued)
# through the delivery (BE answers files_missing, FR uploads the 200 files, each signed, BE
# verifies and keeps them, then the package again: verified, kept, acknowledged with a signed
# acknowledgement) to BE's liaison officer importing it (100 received cases, their persons and
# companies matched against BE's registers and checked against its alerts). BE's peak RSS is
# read from /proc (VmHWM). Appends to bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PG_PORT:-55434}
CASES=${BENCH_EXCHANGE_DEMO:-1000}
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
DIR=.data/bench-exchange
OUT=$(mktemp -d /tmp/ncen-exchange.XXXXXX)
ncen=target/release/ncen
pids=()
cleanup() {
  [[ ${#pids[@]} -gt 0 ]] && kill -TERM "${pids[@]}" 2>/dev/null && wait "${pids[@]}" 2>/dev/null
  scripts/db.sh stop pg-bench >/dev/null 2>&1 || true
  rm -rf "$OUT"
}
trap cleanup EXIT
cargo build --release --bin ncen # incremental: never measure a stale binary
scripts/db.sh start pg-bench "$PORT"
rm -rf "$DIR"

# The environment of node $1 (fr|be) on port $2.
node_env() {
  local lc=$1 port=$2
  mkdir -p "$DIR/$lc"
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/ncen_x$lc"
  export NCEN_COUNTRY=${lc^^} NCEN_BIND=127.0.0.1:$port NCEN_CURRENCY=EUR NCEN_LOG=warn
  export NCEN_EXCHANGE_KEY_FILE=$DIR/$lc/exchange.key NCEN_JWT_SECRET_FILE=$DIR/$lc/jwt.key
  export NCEN_AUDIT_KEY_FILE=$DIR/$lc/audit.key NCEN_AUDIT_CHECKPOINT_FILE=$DIR/$lc/checkpoints.jsonl
  export NCEN_STORAGE_URL=$DIR/$lc/attachments NCEN_WEB_DIR=/nonexistent NCEN_LIST_PAGES_PER_MINUTE=0
}
public_key() { (node_env "$1" 0 && "$ncen" exchange key --country "${1^^}" | awk '/^public key/ {print $3}'); }
fr_key=$(public_key fr)
be_key=$(public_key be)
for pair in "fr 18180 BE=$be_key 18181" "be 18181 FR=$fr_key 18180"; do
  read -r lc port partner other <<<"$pair"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS ncen_x$lc" -c "CREATE DATABASE ncen_x$lc"
  (
    node_env "$lc" "$port"
    "$ncen" migrate >/dev/null
    echo "Node ${lc^^}: $CASES demo cases with pictures…"
    "$ncen" demo --cases "$CASES" --pictures "$CASES" --partner-key "$partner" | tail -n 1
    "${PSQL[@]}" -d "ncen_x$lc" -c "UPDATE exchange_partners SET endpoint = 'http://127.0.0.1:$other' WHERE country = '${partner%%=*}'"
    "${PSQL[@]}" -d "ncen_x$lc" -c "VACUUM ANALYZE" >/dev/null
  )
done
for pair in "fr 18180" "be 18181"; do
  read -r lc port <<<"$pair"
  (node_env "$lc" "$port" && exec "$ncen" serve >"$OUT/$lc.log" 2>&1) &
  pids+=($!)
done
for port in 18180 18181; do
  for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
done
be_pid=${pids[1]}
token() {
  curl -fs -X POST "http://127.0.0.1:$1/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"ncu.liaison\",\"password\":\"${NCEN_DEMO_PASSWORD:-customs-demo-2026}\"}" | jq -r .access_token
}
FR_TOKEN=$(token 18180)
BE_TOKEN=$(token 18181)
ids=$("${PSQL[@]}" -d ncen_xfr -Atc "SELECT json_agg(id) FROM (SELECT c.id FROM seizure_cases c
  JOIN seizure_attachments a ON a.case_id = c.id WHERE c.status = 'validated'
  GROUP BY c.id HAVING count(*) = 2 ORDER BY c.id LIMIT 100) t")
n=$(jq length <<<"$ids")
files=$("${PSQL[@]}" -d ncen_xfr -Atc "SELECT count(*) || ' files, ' || round(sum(size_bytes) / 1048576.0, 1) || ' MB'
  FROM seizure_attachments WHERE case_id IN (SELECT json_array_elements_text('$ids')::uuid)")
partner=$("${PSQL[@]}" -d ncen_xfr -Atc "SELECT id FROM exchange_partners WHERE country = 'BE'")
echo "Sending $n cases with $files from FR to BE…"

now() { date +%s.%N; }
t0=$(now)
pkg=$(curl -fs -X POST http://127.0.0.1:18180/api/v1/exchange/outbox -H "authorization: Bearer $FR_TOKEN" \
  -H 'content-type: application/json' -d "{\"partner_id\":\"$partner\",\"scope\":\"nominal\",\"case_ids\":$ids}" | jq -r .id)
t_queued=$(now)
status=pending
while [[ $status == pending || $status == sent ]]; do
  sleep 0.05
  status=$(curl -fs "http://127.0.0.1:18180/api/v1/exchange/outbox/$pkg" -H "authorization: Bearer $FR_TOKEN" | jq -r .status)
done
t_ack=$(now)
[[ $status == acknowledged ]] || { echo "the package was $status" >&2; curl -s "http://127.0.0.1:18180/api/v1/exchange/outbox/$pkg" -H "authorization: Bearer $FR_TOKEN" >&2; exit 1; }
report=$(curl -fs -X POST "http://127.0.0.1:18181/api/v1/exchange/inbox/$pkg/import" -H "authorization: Bearer $BE_TOKEN" -H 'If-Match: "1"')
t1=$(now)
created=$(jq -r .created <<<"$report")
kept=$("${PSQL[@]}" -d ncen_xbe -Atc "SELECT count(*) FROM exchange_files")
size=$("${PSQL[@]}" -d ncen_xbe -Atc "SELECT round(octet_length(body) / 1048576.0, 1) FROM exchange_inbox WHERE id = '$pkg'")
rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$be_pid/status")
fr_rss=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/${pids[0]}/status")
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
total=$(secs "$t0" "$t1")
echo "queued $(secs "$t0" "$t_queued") s, acknowledged $(secs "$t0" "$t_ack") s, imported $(secs "$t0" "$t1") s ($created received cases, $kept files kept on BE); BE peak RSS $rss MB, FR $fr_rss MB"
[[ $created == "$n" && $kept -ge 200 ]] || { echo "expected $n cases and 200 files on BE" >&2; exit 1; }
{
  echo
  echo "## Icomm package of 100 cases with 200 pictures (\`bench/exchange.sh\`, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' + working tree'))"
  echo
  echo "Two release nodes on this machine (FR :18180, BE :18181, one PostgreSQL), each \`ncen demo --cases $CASES --pictures $CASES\`."
  echo "FR's liaison officer sends the $n validated cases with two pictures each ($files: a photo and an X-ray per case);"
  echo "BE answers \`files_missing\`, FR uploads the files (each signed), BE verifies and keeps them, the package"
  echo "($size MB of canonical JSON) is verified and acknowledged; BE's liaison officer imports it."
  echo
  echo "| measure | result | target | result / target |"
  echo "|---|---|---|---|"
  echo "| build, sign and queue (POST /exchange/outbox) | $(secs "$t0" "$t_queued") s | | |"
  echo "| … + deliver: files uploaded and kept, package verified, acknowledgement verified | $(secs "$t0" "$t_ack") s | | |"
  echo "| … + import on BE ($created received cases, parties matched, alerts checked) | $total s | ≤ 10 s | $(awk -v s="$total" 'BEGIN { printf "%.2f", s / 10 }') × |"
  echo "| BE peak RSS (VmHWM) | $rss MB | ≤ 250 MB | $(awk -v r="$rss" 'BEGIN { printf "%.2f", r / 250 }') × |"
  echo "| FR peak RSS (VmHWM) | $fr_rss MB | | |"
} >>bench/README.md
tail -n 10 bench/README.md
