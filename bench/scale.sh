#!/usr/bin/env bash
# `make bench-scale` (part of `make bench`): issue 13's figures at a national register's size,
# on database ncen_scale of the benchmark cluster (127.0.0.1:55434; made once, reused):
#   1. bench/scale-db.sh: about 1 000 000 persons and 500 000 companies (made once);
#   2. bench/screening.sh on it: every record's matching keys rebuilt (`ncen reindex-names`),
#      `POST /screening` for persons and companies at 1 and 16 clients (bench/MATCHING.md);
#   3. bench/alerts.sh on it: 10 000 active alerts, a case save with alert checking off and
#      on, the queue's drain, a 300-passenger list (bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_PG_PORT:-55434}
DB=ncen_scale
trap 'scripts/db.sh stop pg-bench >/dev/null 2>&1 || true' EXIT
command -v wrk >/dev/null || { echo "wrk is needed (make bench installs it)" >&2; exit 1; }
cargo build --release --bin ncen  # incremental: never measure a stale binary
scripts/db.sh start pg-bench "$PORT"
bench/scale-db.sh
BENCH_DB=$DB bench/screening.sh
BENCH_DB=$DB bench/alerts.sh
