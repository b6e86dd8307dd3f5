#!/usr/bin/env bash
# `make two-nodes`: two nCEN nodes on one machine, as two administrations — "FR" on
# http://127.0.0.1:8080 and "BE" on http://127.0.0.1:8081 — each with its own database (ncen_fr,
# ncen_be on the private cluster), exchange key, token key, audit key and attachments under
# .data/two-nodes/<fr|be>/. On first start each is migrated and filled with demo data in which
# the other is registered as a partner with its real public key and a nominal agreement
# (Naples II), so a liaison officer can send a case from one and review it on the other
# (README, "Two nodes"). Ctrl-C stops both. DEMO_CASES (default 200) sets the demo's size.
set -euo pipefail
cd "$(dirname "$0")/.."
PG_PORT=${PG_PORT:-55432}
CASES=${DEMO_CASES:-200}
ncen=${NCEN_BIN:-target/release/ncen}
scripts/db.sh start pg "$PG_PORT"
base=.data/two-nodes

# The environment of node $1 (fr|be) on port $2.
node_env() {
  local lc=$1 port=$2 dir="$base/$1"
  mkdir -p "$dir"
  eval "$(scripts/db.sh database pg "$PG_PORT" "ncen_$lc")"
  export NCEN_COUNTRY=${lc^^} NCEN_BIND=127.0.0.1:$port NCEN_CURRENCY=EUR
  export NCEN_EXCHANGE_KEY_FILE=$dir/exchange-ed25519.key NCEN_JWT_SECRET_FILE=$dir/jwt.key
  export NCEN_AUDIT_KEY_FILE=$dir/audit-ed25519.key NCEN_AUDIT_CHECKPOINT_FILE=$dir/checkpoints.jsonl
  export NCEN_STORAGE_URL=$dir/attachments
}

# The public key of node $1 (created on first use).
public_key() {
  (node_env "$1" 0 && "$ncen" exchange key --country "${1^^}" | awk '/^public key/ {print $3}')
}

fr_key=$(public_key fr)
be_key=$(public_key be)
for pair in "fr 8080 BE=$be_key" "be 8081 FR=$fr_key"; do
  read -r lc port partner <<<"$pair"
  (
    node_env "$lc" "$port"
    "$ncen" migrate >/dev/null
    if [[ ! -f $base/$lc/demo-done ]]; then
      echo "Filling node ${lc^^} with $CASES demo cases…"
      "$ncen" demo --cases "$CASES" --partner-key "$partner" >/dev/null
      touch "$base/$lc/demo-done"
    fi
  )
done

pids=()
for pair in "fr 8080" "be 8081"; do
  read -r lc port <<<"$pair"
  (node_env "$lc" "$port" && exec "$ncen" serve) &
  pids+=($!)
done
trap 'kill -TERM "${pids[@]}" 2>/dev/null; wait' INT TERM EXIT
cat <<MSG

Two nodes are starting:
  FR  http://127.0.0.1:8080/   key $fr_key
  BE  http://127.0.0.1:8081/   key $be_key
Each has the demo users (password ${NCEN_DEMO_PASSWORD:-customs-demo-2026}); sign in as ncu.liaison on FR,
open a validated case, "Exchange preview", choose Belgium, send; then sign in as ncu.liaison on BE
and open Exchange → Inbox. Ctrl-C stops both.
MSG
wait
