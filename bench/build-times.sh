#!/usr/bin/env bash
# Incremental build times (ARCHITECTURE.md, issue 8): the wall time of `cargo build` after
# a one-line change in a seizure handler, in the demo generator and in a domain query, and
# of `cargo test --no-run` after the handler change; median of RUNS (3) runs each.
#   bench/build-times.sh [HANDLER_FILE DEMO_FILE QUERY_FILE]
# The change is a new statement at the top of a function body (`let _edit = "<n>";`), so
# the crate really recompiles; the files are restored afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
handler=${1:-api/src/seizures/handlers.rs}
demo=${2:-demo/src/cases.rs}
query=${3:-core/src/seizures/read.rs}
runs=${RUNS:-3}

# The first function body in the file whose signature line matches $2.
edit() { # file pattern n
  python3 - "$1" "$2" "$3" <<'PY'
import re, sys
path, pattern, n = sys.argv[1:]
src = open(path).read()
i = src.index(pattern)
j = src.index("{\n", i) + 2
open(path, "w").write(src[:j] + f'    let _edit = "{n}";\n' + src[j:])
PY
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

measure() { # label file pattern command...
  local label=$1 file=$2 pattern=$3; shift 3
  cp "$file" "$file.orig"
  local times=()
  for n in $(seq "$runs"); do
    cp "$file.orig" "$file"
    edit "$file" "$pattern" "$n$RANDOM"
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  mv "$file.orig" "$file"
  "$@" >/dev/null 2>&1
  printf '%-40s %s s  (runs: %s)\n' "$label" "$(printf '%s\n' "${times[@]}" | median)" "${times[*]}"
}

cargo build --workspace >/dev/null 2>&1
cargo test --workspace --no-run >/dev/null 2>&1
measure "cargo build, handler edit" "$handler" "async fn create_case(" cargo build --workspace
measure "cargo build, demo edit" "$demo" "fn age_band(" cargo build --workspace
measure "cargo build, query edit" "$query" "pub async fn find_row(" cargo build --workspace
measure "cargo test --no-run, handler edit" "$handler" "async fn create_case(" cargo test --workspace --no-run
