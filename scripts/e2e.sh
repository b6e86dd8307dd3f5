#!/usr/bin/env bash
# Browser tests: a real server on a fresh database, driven by Playwright in system Chromium.
# Arguments go to Playwright (e.g. `scripts/e2e.sh e2e/registers.spec.ts`).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PG_TEST_PORT:-55433}
HTTP_PORT=${E2E_HTTP_PORT:-18080}
scripts/db.sh start pg-test "$PORT"
db="e2e_$(date +%s)_$$"
# as `make run` does: the server connects as the runtime role, the owner role migrates
eval "$(scripts/db.sh database pg-test "$PORT" "$db")"
log=$(mktemp)
# A fresh database needs its own keys and audit checkpoints: checkpoints signed for an
# earlier run's database would not match this one's chain.
keys=$(mktemp -d)
export E2E_ADMIN_PASSWORD="e2e-bootstrap-password"
NCEN_BIND="127.0.0.1:$HTTP_PORT" \
  NCEN_ADMIN_PASSWORD="$E2E_ADMIN_PASSWORD" NCEN_WEB_DIR=web/dist NCEN_LOG=warn \
  NCEN_JWT_SECRET_FILE="$keys/jwt.key" NCEN_AUDIT_KEY_FILE="$keys/audit.key" \
  NCEN_AUDIT_CHECKPOINT_FILE="$keys/checkpoints.jsonl" \
  target/debug/ncen serve >"$log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  rm -f "$log"
  rm -rf "$keys"
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$HTTP_PORT/health/ready" >/dev/null 2>&1 && break
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "the server did not start" >&2; exit 1; fi
  sleep 0.5
done
cd web
E2E_BASE_URL="http://127.0.0.1:$HTTP_PORT" PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm run --silent e2e -- "$@" || { echo "--- server log"; tail -50 "$log"; exit 1; }
