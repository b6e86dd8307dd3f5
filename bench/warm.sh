#!/usr/bin/env bash
# Used by bench/screening.sh and bench/alerts.sh: size the benchmark cluster's memory for a
# national register and load the tables a screening reads, so the figures are a steady state
# and not the disk.
#   bench/warm.sh PORT DB TABLE...
# - shared_buffers = BENCH_SHARED_BUFFERS (default 6GB, a quarter of this machine's memory:
#   PostgreSQL's usual guidance); the cluster is restarted when it changes. With the 256 MB of
#   a development cluster, a million persons (2 GB of heap, 1 GB of indexes) live in the
#   operating system's cache only, and this host reclaims cold cache pages proactively
#   (kdamond): screenings then waited on disk reads (I/O pressure 13–35 %, p95 ×3).
# - each TABLE and its indexes loaded with pg_prewarm (contrib).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:?port}; DB=${2:?database}; shift 2
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
WANT=${BENCH_SHARED_BUFFERS:-6GB}
if [[ $("${PSQL[@]}" -d postgres -Atc "SHOW shared_buffers") != "$WANT" ]]; then
  "${PSQL[@]}" -d postgres -c "ALTER SYSTEM SET shared_buffers = '$WANT'"
  scripts/db.sh stop pg-bench
  scripts/db.sh start pg-bench "$PORT"
fi
"${PSQL[@]}" -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS pg_prewarm"
for t in "$@"; do
  "${PSQL[@]}" -d "$DB" -Atc "SELECT sum(pg_prewarm(c.oid)) FROM pg_class c
     WHERE c.oid = '$t'::regclass OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid = '$t'::regclass)" >/dev/null
done
