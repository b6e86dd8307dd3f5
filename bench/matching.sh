#!/usr/bin/env bash
# `make bench` (and `make bench-matching`): precision and recall of the matching engine on the
# labelled set (tests/data/matching), at the configured thresholds (NCEN_MATCH_HIT,
# NCEN_MATCH_REVIEW, defaults as the server's), with every miss; rewrites bench/MATCHING.md.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
cargo run --quiet --release -p ncen-matching --example evaluate -- tests/data/matching | tee "$OUT"
{
  echo "# Matching engine: precision and recall (\`make bench\`)"
  echo
  echo "Written by \`bench/matching.sh\` on $(date -u +%Y-%m-%d) at commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')."
  echo "The set: \`tests/data/matching\` (its README lists the cases and origins). A pair is"
  echo "counted found when its score reaches the hit threshold. Target (issue 13): recall ≥ 95 %"
  echo "with precision ≥ 90 %; \`matching/tests/evaluation.rs\` fails below it."
  echo
  echo '```'
  sed -n '1,3p' "$OUT"
  echo '```'
  echo
  echo "## Every miss, with the engine's explanation"
  echo
  echo '```'
  sed -n '5,$p' "$OUT"
  echo '```'
} > bench/MATCHING.md
echo "wrote bench/MATCHING.md"
