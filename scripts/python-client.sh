#!/usr/bin/env bash
# The Python client (clients/python), generated from openapi.yaml by openapi-python-client
# (PyPI, pinned below, in the venv .data/pyclient), and the example that uses it.
#   scripts/python-client.sh --generate   make clients: regenerate clients/python
#   scripts/python-client.sh              make test: fail when clients/python is stale, then
#                                         install it in a venv of its own and run
#                                         examples/import_cases.py against a real server on a
#                                         fresh database, as a supervisor
# The generator reads the spec through scripts/python-client/openapi_json.py (YAML 1.2
# scalars, byte bodies as files) and scripts/python-client/config.yaml; the client's README
# is scripts/python-client/templates/README.md.jinja.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
PORT=${PG_TEST_PORT:-55433}
HTTP_PORT=${PYCLIENT_HTTP_PORT:-18082}
OPC_VERSION=0.29.1
# ruff formats the generated code: its version decides the bytes as much as the generator's.
RUFF_VERSION=0.17.6
venv=.data/pyclient
example_venv=.data/pyclient-example
target=clients/python

pip_install() { "$1/bin/pip" install --quiet --disable-pip-version-check "${@:2}"; }

if [[ ! -x $venv/bin/openapi-python-client ]] ||
  ! "$venv/bin/openapi-python-client" --version 2>/dev/null | grep -q "version: $OPC_VERSION\$" ||
  ! "$venv/bin/ruff" --version 2>/dev/null | grep -q "^ruff $RUFF_VERSION\$"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  pip_install "$venv" "openapi-python-client==$OPC_VERSION" "ruff==$RUFF_VERSION"
fi

# generate DIR: the client, generated into DIR (which must not exist).
generate() {
  local out=$1 tmp
  tmp=$(mktemp -d)
  "$venv/bin/python" scripts/python-client/openapi_json.py openapi.yaml >"$tmp/openapi.json"
  # The post hooks run ruff from PATH; no cache folder is left in the output.
  if ! (cd "$tmp" && PATH="$repo/$venv/bin:$PATH" RUFF_NO_CACHE=true \
    "$repo/$venv/bin/openapi-python-client" generate --path openapi.json --meta poetry \
    --config "$repo/scripts/python-client/config.yaml" \
    --custom-template-path "$repo/scripts/python-client/templates" \
    --output-path "$out") >"$tmp/log" 2>&1; then
    cat "$tmp/log" >&2
    rm -rf "$tmp"
    echo "openapi-python-client failed" >&2
    return 1
  fi
  # Warnings are tolerated (operations the generator cannot express are left out); they are
  # named, not dumped.
  grep -E '^(WARNING|Unable to)' "$tmp/log" | sed 's/^/openapi-python-client: /' >&2 || true
  rm -rf "$tmp"
  # What the example and third parties rely on must be there.
  local op
  for op in auth/login imports/upload_import imports/get_import imports/import_problems \
    imports/import_proposals imports/commit_import imports/cancel_import imports/list_imports; do
    if [[ ! -f $out/ncen_client/api/$op.py ]]; then
      echo "the generated client lacks ncen_client/api/$op.py" >&2
      return 1
    fi
  done
}

work=$(mktemp -d)
pid=
db=
cleanup() {
  if [[ -n $pid ]]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  if [[ -n $db ]]; then
    psql -h 127.0.0.1 -p "$PORT" -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ ${1:-} == --generate ]]; then
  generate "$work/client"
  rm -rf "$target"
  mkdir -p "$(dirname "$target")"
  cp -r "$work/client" "$target"
  echo "regenerated $target from openapi.yaml (openapi-python-client $OPC_VERSION)"
  exit 0
fi

# (a) Staleness: the committed client is what openapi.yaml generates today.
generate "$work/client"
if ! diff -r -x __pycache__ "$work/client" "$target" >"$work/client.diff"; then
  head -40 "$work/client.diff" >&2
  echo "clients/python is stale: it is not what openapi.yaml generates; run make clients" >&2
  exit 1
fi
echo "clients/python is up to date with openapi.yaml"

# (b) The client installed as a third party would: pip, in a venv of its own.
[[ -x $example_venv/bin/python ]] || python3 -m venv "$example_venv"
"$example_venv/bin/pip" uninstall --quiet --yes ncen-client >/dev/null 2>&1 || true
pip_install "$example_venv" "./$target"

# (c) A real server on a fresh database.
scripts/db.sh start pg-test "$PORT"
db="pyclient_$(date +%s)_$$"
eval "$(scripts/db.sh database pg-test "$PORT" "$db")"
admin_password="pyclient-bootstrap-password"
NCEN_BIND="127.0.0.1:$HTTP_PORT" NCEN_ADMIN_PASSWORD="$admin_password" \
  NCEN_WEB_DIR=/nonexistent NCEN_LOG=warn \
  NCEN_JWT_SECRET_FILE="$work/jwt.key" NCEN_AUDIT_KEY_FILE="$work/audit.key" \
  NCEN_AUDIT_CHECKPOINT_FILE="$work/checkpoints.jsonl" NCEN_STORAGE_URL="$work/files" \
  target/debug/ncen serve >"$work/server.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$HTTP_PORT"
for _ in $(seq 1 120); do
  curl -fs "$base/health/ready" >/dev/null 2>&1 && break
  if ! kill -0 "$pid" 2>/dev/null; then cat "$work/server.log"; echo "the server did not start" >&2; exit 1; fi
  sleep 0.5
done

# (d) A supervisor (imports need `imports.run`), created by the bootstrap administrator.
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
admin=$(curl -fsS "$base/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$admin_password\"}" | json "['access_token']")
unit=$(curl -fsS "$base/api/v1/units" -H "authorization: Bearer $admin" | json "['items'][0]['id']")
supervisor_password="pyclient-supervisor-1"
curl -fsS "$base/api/v1/users" -H "authorization: Bearer $admin" -H 'content-type: application/json' \
  -d "{\"username\":\"importer\",\"display_name\":\"Legacy importer\",\"unit_id\":\"$unit\",\"roles\":[\"supervisor\"],\"password\":\"$supervisor_password\"}" >/dev/null

# (e) The example, as a data engineer runs it: credentials from the environment.
failed=0
check() { # check WHAT OUTPUT PATTERN...: each extended regex must match a line of OUTPUT
  local what=$1 output=$2 pattern
  shift 2
  for pattern in "$@"; do
    if ! grep -Eq -- "$pattern" "$output"; then
      echo "FAIL $what: no line matches /$pattern/" >&2
      failed=1
    fi
  done
}
example() { # example EXPECTED_EXIT OUTPUT ARGS...
  local expected=$1 output=$2 code=0
  shift 2
  NCEN_URL="$base" NCEN_USERNAME=importer NCEN_PASSWORD="$supervisor_password" \
    "$example_venv/bin/python" examples/import_cases.py --poll-interval 0.2 "$@" >"$output" 2>&1 || code=$?
  sed 's/^/  | /' "$output"
  if [[ $code != "$expected" ]]; then
    echo "FAIL examples/import_cases.py $*: exit $code, expected $expected" >&2
    failed=1
  fi
}

# Three seizure cases in the shape of POST /api/v1/seizures, plus their external ids.
cases=$work/cases.ndjson
cat >"$cases" <<'EOF'
{"external_id":"LEG-1","kind":"seizure","detected_at":"2025-10-01T08:30:00Z","place":"Roissy-CDG cargo terminal","country":"FR","direction":"import","goods":[{"commodity_group":"drugs","commodity_type":"cocaine","quantity":2500,"unit":"g"}],"route":[{"position":1,"country":"BR","role":"origin"},{"position":2,"country":"FR","role":"destination"}],"persons":[{"role":"courier","person":{"family_name":"Ivanoff","given_names":"Ivan","date_of_birth":"1984-03","nationalities":["RU"],"documents":[{"document_type":"passport","number":"72 1234567","issuing_country":"RU"}]}}]}
{"external_id":"LEG-2","kind":"seizure","detected_at":"2025-10-02T14:00:00Z","place":"Port of Le Havre","country":"FR","direction":"import","goods":[{"commodity_group":"tobacco","commodity_type":"cigarettes","quantity":20000,"unit":"sticks","brand":"Marlboro"}],"route":[{"position":1,"country":"CN","role":"origin"},{"position":2,"country":"FR","role":"destination"}]}
{"external_id":"LEG-3","kind":"offence","detected_at":"2025-10-03T09:15:00Z","place":"Port of Marseille","persons":[{"role":"courier","person":{"family_name":"Bensaleh","given_names":"Abdelkader","date_of_birth":"1948-02-01","gender":"male"}}]}
EOF
echo "--- examples/import_cases.py: three new cases"
example 0 "$work/first.out" "$cases"
check "first import" "$work/first.out" \
  '^dry run succeeded: 3 lines; would create 3, would update 0, unchanged 0, rejected 0$' \
  '^commit succeeded: 3 lines; created 3, updated 0, unchanged 0, rejected 0'

echo "--- examples/import_cases.py: the same file again"
example 0 "$work/again.out" "$cases"
check "second import" "$work/again.out" \
  '^dry run succeeded: 3 lines; would create 0, would update 0, unchanged 3, rejected 0$' \
  '^commit succeeded: 3 lines; created 0, updated 0, unchanged 3, rejected 0'

echo "--- examples/import_cases.py: a line with an unknown commodity group"
bad=$work/bad.ndjson
head -1 "$cases" >"$bad"
echo '{"external_id":"LEG-4","kind":"seizure","detected_at":"2025-10-04T10:00:00Z","goods":[{"commodity_group":"no-such-group","quantity":1,"unit":"kg"}]}' >>"$bad"
example 3 "$work/bad.out" "$bad"
check "import with a bad line" "$work/bad.out" \
  '^dry run succeeded: 2 lines; would create 0, would update 0, unchanged 1, rejected 1$' \
  '^line 2 \(LEG-4\): goods\[0\]\.commodity_group unknown_code: ' \
  '^not committed: 1 line rejected'
if grep -q '^commit ' "$work/bad.out"; then
  echo "FAIL import with a bad line: it committed" >&2
  failed=1
fi

echo "--- examples/import_cases.py --valid-rows: a known passport, a namesake, a bad line"
# Ivan again, by his passport under another spelling: matched to the person LEG-1 created.
# A passenger known only as "Bensaleh": created, and proposed as maybe LEG-3's courier (the
# engine puts a lone family name in its review band, between the proposal and link thresholds).
parties=$work/parties.ndjson
cat >"$parties" <<'EOF'
{"external_id":"LEG-5","kind":"offence","detected_at":"2025-10-05T11:00:00Z","persons":[{"role":"courier","person":{"family_name":"Ivanov","given_names":"Ivan","documents":[{"document_type":"passport","number":"72 1234567","issuing_country":"RU"}]}},{"role":"passenger","person":{"family_name":"Bensaleh"}}]}
EOF
sed -n 2p "$bad" >>"$parties"
example 3 "$work/parties.out" --valid-rows "$parties"
check "import with --valid-rows" "$work/parties.out" \
  '^dry run succeeded: 2 lines; would create 1, would update 0, unchanged 0, rejected 1$' \
  '^line 2 \(LEG-4\): goods\[0\]\.commodity_group unknown_code: ' \
  '^commit [0-9a-f-]+ \(valid_rows\)' \
  '^commit succeeded: 2 lines; created 1, updated 0, unchanged 0, rejected 1, matched 1, proposals 1' \
  '^proposal: line 1 persons\[1\]: new person [0-9a-f-]+ may be [0-9a-f-]+ \(score 0\.[0-9]+\)'

if ((failed)); then
  echo "--- server log"
  tail -50 "$work/server.log"
  exit 1
fi
echo "python client: generated, installed, and examples/import_cases.py passed 4 runs"
