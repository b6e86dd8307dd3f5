#!/usr/bin/env bash
# `make run`: start the private PostgreSQL cluster unless DATABASE_URL is set, then serve.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_PORT=${PG_PORT:-55432}
# The administration: the demo's is French (case references FR-…, euros first). Set both for
# another one (README, "Settings").
export NCEN_COUNTRY=${NCEN_COUNTRY:-FR} NCEN_CURRENCY=${NCEN_CURRENCY:-EUR}
if [[ -z "${DATABASE_URL:-}" ]]; then
  scripts/db.sh start pg "$PG_PORT"
  # the server connects as ncen_app (owns nothing); ncen_owner migrates (README, "Database roles")
  eval "$(scripts/db.sh database pg "$PG_PORT" ncen)"
  echo "Using the private PostgreSQL cluster in $(scripts/db.sh dir pg) (port $PG_PORT); stop it with 'make db-stop'."
fi
mkdir -p .data
echo "Open http://${NCEN_BIND:-127.0.0.1:8080}/ and sign in as 'admin'. Ctrl-C (or 'make stop') stops the server."
echo "An empty database? 'make demo' (in another terminal) fills it with ~600 realistic demo cases and demo users."
target/release/ncen serve &
pid=$!
echo "$pid" > .data/ncen.pid
trap 'kill -TERM $pid 2>/dev/null; wait $pid; rm -f .data/ncen.pid' INT TERM
wait $pid
rm -f .data/ncen.pid
