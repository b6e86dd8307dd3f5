#!/usr/bin/env bash
# `make demo`: the database of `make run` (its private cluster unless DATABASE_URL is set),
# migrated, then filled by `ncen demo` with the given arguments.
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
fi
target/release/ncen migrate
target/release/ncen demo "$@"
echo
echo "Start the server with 'make run' (if it is not running) and open http://${NCEN_BIND:-127.0.0.1:8080}/."
