#!/usr/bin/env bash
# The API contract checked by Schemathesis (PyPI) against a real server on a fresh database:
# every operation in openapi.yaml, every check, a fixed seed and a bounded number of
# examples, signed in once as an administrator and once as a user holding the case roles
# (officer, analyst, investigator) and the liaison role (the exchange routes). 0 failures or
# this script fails.
#   scripts/contract.sh     the make test run: deterministic generation, 10 examples per operation
#   CONTRACT_FUZZ=1 CONTRACT_EXAMPLES=200 scripts/contract.sh
#                           make fuzz: random generation from CONTRACT_SEED, more examples
# Rules no schema keyword can state (stored data: code lists, ids, cursors) are judged by
# scripts/contract/hooks.py; scripts/contract/schemathesis.toml says which statuses count.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PG_TEST_PORT:-55433}
HTTP_PORT=${CONTRACT_HTTP_PORT:-18081}
EXAMPLES=${CONTRACT_EXAMPLES:-10}
SEED=${CONTRACT_SEED:-20261202}
ST_VERSION=4.32.5
venv=.data/schemathesis
if [[ ! -x $venv/bin/st ]] || ! "$venv/bin/st" --version 2>/dev/null | grep -q "$ST_VERSION"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$ST_VERSION"
fi

scripts/db.sh start pg-test "$PORT"
db="contract_$(date +%s)_$$"
eval "$(scripts/db.sh database pg-test "$PORT" "$db")"
work=$(mktemp -d)
admin_password="contract-bootstrap-password"
# Throttles raised or off: Schemathesis sends thousands of requests from one address, and the
# inbox's refusal throttle would answer its header checks with 429 instead of checking them.
NCEN_BIND="127.0.0.1:$HTTP_PORT" NCEN_ADMIN_PASSWORD="$admin_password" \
  NCEN_WEB_DIR=/nonexistent NCEN_LOG=warn NCEN_LIST_PAGES_PER_MINUTE=100000 NCEN_EXCHANGE_MAX_REFUSALS=0 \
  NCEN_JWT_SECRET_FILE="$work/jwt.key" NCEN_AUDIT_KEY_FILE="$work/audit.key" \
  NCEN_AUDIT_CHECKPOINT_FILE="$work/checkpoints.jsonl" NCEN_STORAGE_URL="$work/files" \
  target/debug/ncen serve >"$work/server.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  rm -rf "$work"
}
trap cleanup EXIT
base="http://127.0.0.1:$HTTP_PORT"
for _ in $(seq 1 120); do
  curl -fs "$base/health/ready" >/dev/null 2>&1 && break
  if ! kill -0 "$pid" 2>/dev/null; then cat "$work/server.log"; echo "the server did not start" >&2; exit 1; fi
  sleep 0.5
done

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
token() {
  curl -fsS "$base/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$2\"}" | json "['access_token']"
}
admin=$(token admin "$admin_password")
unit=$(curl -fsS "$base/api/v1/units" -H "authorization: Bearer $admin" | json "['items'][0]['id']")
user_password="contract-case-roles-1"
curl -fsS "$base/api/v1/users" -H "authorization: Bearer $admin" -H 'content-type: application/json' \
  -d "{\"username\":\"casework\",\"display_name\":\"Case work\",\"unit_id\":\"$unit\",\"roles\":[\"officer\",\"analyst\",\"investigator\",\"liaison\"],\"password\":\"$user_password\"}" >/dev/null
casework=$(token casework "$user_password")

# Signing out and changing one's own password end the session the run signs with: they are
# run last, on their own (`finally` below).
# The live event stream never ends by design (a request/response checker would only time
# out): its refusals and its replay are tested in tests/suite/events.rs.
session_enders=(--exclude-path /api/v1/auth/logout --exclude-path /api/v1/me/password
  --exclude-path /api/v1/events)
if [[ -n ${CONTRACT_FUZZ:-} ]]; then
  generation=(--seed "$SEED")
else
  generation=(--generation-deterministic)
fi
# One worker: with two threads, Python 3.11's compiler can fail inside Schemathesis
# ("AST constructor recursion depth mismatch", CPython gh-106905), an error of the tool that
# would fail the run without any finding about the API.
run() {
  local who=$1 bearer=$2
  shift 2
  echo "--- Schemathesis as $who"
  SCHEMATHESIS_HOOKS=hooks PYTHONPATH=scripts/contract \
    "$venv/bin/st" --config-file scripts/contract/schemathesis.toml run openapi.yaml --url "$base" --checks all \
    --max-examples "$EXAMPLES" "${generation[@]}" --workers 1 --no-color \
    --request-timeout 20 --suppress-health-check too_slow,filter_too_much \
    --header "Authorization: Bearer $bearer" --report junit --report-dir "$work/report-$who" "$@"
}
# The administrator's run resets passwords and changes accounts, which may end the casework
# user's sessions: it runs after the casework runs.
run casework "$casework" "${session_enders[@]}"
run casework-session-end "$casework" --include-path /api/v1/auth/logout --include-path /api/v1/me/password
run admin "$admin" "${session_enders[@]}"
