#!/usr/bin/env bash
# `make bench-report` (part of `make bench`): the case report of an investigation (issue 14),
# on its own database (ncen_report on the benchmark cluster, 127.0.0.1:55434):
#   1. `ncen demo --cases 300` once; then, through the API, three seizure cases with ten photos
#      each (30 different 1600×1200 JPEGs of ~1.5 MB, as a phone takes them), an investigation linking them and their
#      persons, and BENCH_REPORT_ENTRIES journal entries (default 120) — about 40 pages;
#   2. GET /api/v1/investigations/{id}/report (PDF) five times: the slowest time, the pages,
#      the size, and the server's resident memory above its level before the request (VmRSS
#      sampled every 10 ms).
# Appends its figures to bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PG_PORT:-55434}
DB=ncen_report
BIND=127.0.0.1:${BENCH_HTTP_PORT:-18483}
ENTRIES=${BENCH_REPORT_ENTRIES:-120}
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
URL="postgres://postgres@127.0.0.1:$PORT/$DB"
STORAGE=.data/bench-report-attachments
OUT=$(mktemp -d /tmp/ncen-report.XXXXXX)
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  scripts/db.sh stop pg-bench >/dev/null 2>&1 || true
  rm -rf "$OUT"
}
trap cleanup EXIT
cargo build --release --bin ncen  # incremental: never measure a stale binary
scripts/db.sh start pg-bench "$PORT"
if ! "${PSQL[@]}" -d postgres -Atc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1; then
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB"
  env DATABASE_URL="$URL" NCEN_STORAGE_URL="$STORAGE" NCEN_COUNTRY=FR target/release/ncen demo --cases 300 >/dev/null
fi
env DATABASE_URL="$URL" target/release/ncen migrate >/dev/null
env DATABASE_URL="$URL" NCEN_BIND="$BIND" NCEN_STORAGE_URL="$STORAGE" NCEN_ADMIN_PASSWORD=bench-root-passphrase \
  NCEN_LOG=warn NCEN_WEB_DIR=/nonexistent NCEN_LIST_PAGES_PER_MINUTE=0 NCEN_COUNTRY=FR \
  target/release/ncen serve >"$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -fs "http://$BIND/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
token() {
  curl -fs -X POST "http://$BIND/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"${NCEN_DEMO_PASSWORD:-customs-demo-2026}\"}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
OFFICER=$(token cdg-pax.officer1)
LEAD=$(token ncu.investigator)
api() { # method path token [json]
  curl -sS --fail-with-body -X "$1" "http://$BIND$2" -H "Authorization: Bearer $3" -H 'content-type: application/json' ${4:+-d "$4"}
}
jget() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

cargo run -q -p ncen-tests --example photos -- "$OUT" 30 1600 1200  # JPEG, as a phone takes them
LINKS=""
for c in 1 2 3; do
  CASE=$(api POST /api/v1/seizures "$OFFICER" "{\"kind\":\"seizure\",\"detected_at\":\"2026-0$c-12T08:30:00Z\",\"place\":\"CDG Terminal 2E\",\"country\":\"FR\",
    \"narrative\":\"Two suitcases checked through from São Paulo; the lining of each held packages of white powder.\",
    \"goods\":[{\"commodity_group\":\"drugs\",\"commodity_type\":\"cocaine\",\"quantity\":$((c * 3)).5,\"unit\":\"kg\",\"description\":\"packages in the lining\"}],
    \"persons\":[{\"role\":\"offender\",\"person\":{\"family_name\":\"Courier$c\",\"given_names\":\"Bench\",\"date_of_birth\":\"1985\",
      \"documents\":[{\"document_type\":\"passport\",\"number\":\"BR00$c$c$c$c$c\",\"issuing_country\":\"BR\"}]}}]}")
  CASE_ID=$(echo "$CASE" | jget 'd["id"]')
  PERSON_ID=$(echo "$CASE" | jget 'd["persons"][0]["person"]["id"]')
  for i in $(seq 1 10); do
    curl -sS --fail-with-body -o /dev/stderr -X POST "http://$BIND/api/v1/seizures/$CASE_ID/attachments" -H "Authorization: Bearer $OFFICER" \
      -F "kind=photo" -F "caption=Exhibit $c.$i" -F "file=@$OUT/photo$(( (c - 1) * 10 + i )).jpg;type=image/jpeg"
  done
  VERSION=$(api GET "/api/v1/seizures/$CASE_ID" "$OFFICER" | jget 'd["version"]')
  curl -sS --fail-with-body -o /dev/stderr -X POST "http://$BIND/api/v1/seizures/$CASE_ID/submit" -H "Authorization: Bearer $OFFICER" -H "If-Match: \"$VERSION\""
  LINKS+="{\"target_kind\":\"case\",\"target_id\":\"$CASE_ID\",\"role\":\"origin\"},{\"target_kind\":\"person\",\"target_id\":\"$PERSON_ID\",\"role\":\"suspect\"},"
done
INV=$(api POST /api/v1/investigations "$LEAD" "{\"title\":\"Cocaine couriers through CDG (bench)\",\"priority\":\"high\",
  \"legal_basis\":\"Code des douanes, art. 414\",\"offence_types\":[\"drug_trafficking\"],\"links\":[${LINKS%,}]}")
INV_ID=$(echo "$INV" | jget 'd["id"]')
BODY="Interview of the courier at the airport: he says he was paid 3 000 euros to carry two suitcases from São Paulo to Paris and to hand them to a man waiting at the taxi rank. Phone seized and sent for analysis; the call log shows twelve calls to a French number in the week before the flight. Next step: request the subscriber of that number and the bank account the payment came from."
for i in $(seq 1 "$ENTRIES"); do
  api POST "/api/v1/investigations/$INV_ID/journal" "$LEAD" "{\"kind\":\"action\",\"body\":\"$i. $BODY\"}" >/dev/null
done

rss() { awk '/^VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }
TIMES=(); PEAKS=()
for run in 1 2 3 4 5 6; do
  BEFORE=$(rss); PEAK=$BEFORE
  curl -fsS -o "$OUT/report.pdf" -w '%{time_total}\n' "http://$BIND/api/v1/investigations/$INV_ID/report" \
    -H "Authorization: Bearer $LEAD" >"$OUT/time" &
  CURL=$!
  while kill -0 "$CURL" 2>/dev/null; do
    NOW=$(rss); (( NOW > PEAK )) && PEAK=$NOW; sleep 0.01
  done
  wait "$CURL"
  [[ $run == 1 ]] && continue  # the first run warms the caches
  TIMES+=("$(cat "$OUT/time")"); PEAKS+=("$(( (PEAK - BEFORE) / 1024 ))")
done
SLOWEST=$(printf '%s\n' "${TIMES[@]}" | sort -n | tail -1)
MEDIAN=$(printf '%s\n' "${TIMES[@]}" | sort -n | sed -n 3p)
EXTRA=$(printf '%s\n' "${PEAKS[@]}" | sort -n | tail -1)
PAGES=$(grep -a -o '/Count [0-9]*' "$OUT/report.pdf" | head -1 | cut -d' ' -f2)  # the page tree's root
SIZE=$(( $(stat -c %s "$OUT/report.pdf") / 1024 / 1024 ))
MACHINE="$(awk -F: '/model name/ {gsub(/^ +/, "", $2); print $2; exit}' /proc/cpuinfo), $(nproc) CPU(s)"
{
  echo
  echo "## Case report (\`bench/report.sh\`, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
  echo
  echo "An investigation linking 3 seizure cases with 10 photos each (1600×1200 JPEG) and their persons,"
  echo "$ENTRIES journal entries; $MACHINE. \`GET /investigations/{id}/report\` (PDF), five runs after a warm-up."
  echo
  echo "| measure | target (issue 14) | result |"
  echo "|---|---|---|"
  echo "| report with 30 photos, median / slowest of 5 | ≤ 3 s | ${MEDIAN} s / ${SLOWEST} s (${SIZE} MB, $PAGES pages) |"
  echo "| server memory above its level before the request (peak VmRSS, worst of 5) | ≤ 150 MB | ${EXTRA} MB |"
} | tee -a bench/README.md
