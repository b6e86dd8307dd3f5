#!/usr/bin/env bash
# `make bench-messaging` (and the second half of `make bench`): the messaging benchmark, on its
# own cluster pg-bench-msg (127.0.0.1:55437, database ncen_bench_msg, made once and reused).
#   1. Live delivery across instances: two `ncen serve` (A, B) on one database, 1 000 users
#      each with one Server-Sent Events stream on B, a sender posting through A (BENCH_MSG_RATE
#      messages/s for BENCH_MSG_DURATION s, each to a thread of 1-3 of those users): latency
#      from just before the POST to the event's arrival, and every event exactly once.
#   2. Memory: VmRSS of each instance with the 1 000 idle streams open.
#   3. Inbox: 200 000 threads, 1 000 000 messages; GET /api/v1/threads (first page) and
#      ?unread=true for a user of 2 000 threads, p95 over >= 200 requests each, and the plans.
# Prints the figures beside their targets and rewrites bench/MESSAGING.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${BENCH_MSG_PG_PORT:-55437}
if (( PORT >= 55433 && PORT <= 55436 )); then
  echo "port $PORT belongs to another cluster (55433-55436 are not this benchmark's)" >&2; exit 2
fi
CLUSTER=pg-bench-msg
DB=ncen_bench_msg
A=127.0.0.1:${BENCH_MSG_HTTP_A:-18491}
B=127.0.0.1:${BENCH_MSG_HTTP_B:-18492}
RATE=${BENCH_MSG_RATE:-30}
DURATION=${BENCH_MSG_DURATION:-60}
CLIENTS=1000
INBOX_SECONDS=${BENCH_MSG_INBOX_SECONDS:-20}
PASSWORD=bench-msg-passphrase-2026
VENV=.data/bench-venv
PSQL=(psql -h 127.0.0.1 -p "$PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
OUT=$(mktemp -d /tmp/ncen-bench-msg.XXXXXX)
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
PID_A=""
PID_B=""
CLUSTER_STARTED=""

stop_pid() { # the server of that id only, and wait for it
  local pid=$1
  [[ -n "$pid" ]] || return 0
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  stop_pid "$PID_A"; PID_A=""
  stop_pid "$PID_B"; PID_B=""
  if [[ -n "$CLUSTER_STARTED" ]]; then
    "${PSQL[@]}" -d "$DB" -c "ALTER DATABASE $DB RESET ALL" >/dev/null 2>&1 || true
    scripts/db.sh stop "$CLUSTER" || true
  fi
  if (( rc != 0 )); then
    for f in "$OUT"/server-*.log; do [[ -s "$f" ]] && { echo "--- $f (last lines)" >&2; tail -n 20 "$f" >&2; }; done
  fi
  rm -rf "$OUT"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Tools: wrk (as bench/run.sh), the Python client's venv, the server.
if ! command -v wrk >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "Installing wrk…"
    apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
  else
    echo "wrk is needed: sudo apt-get install wrk" >&2; exit 1
  fi
fi
if ! cmp -s bench/messaging/requirements.txt "$VENV/requirements.txt" 2>/dev/null; then
  echo "Installing the SSE client's packages into $VENV…"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check -r bench/messaging/requirements.txt
  cp bench/messaging/requirements.txt "$VENV/requirements.txt"
fi
cargo build --release --bin ncen  # incremental: never measure a stale binary

# The cluster and the database (roles as in production: the server runs as ncen_app).
scripts/db.sh start "$CLUSTER" "$PORT"
CLUSTER_STARTED=1
eval "$(scripts/db.sh database "$CLUSTER" "$PORT" "$DB")"
export DATABASE_URL DATABASE_OWNER_URL
threads=$("${PSQL[@]}" -d "$DB" -Atc "SELECT count(*) FROM message_threads" 2>/dev/null || echo 0)
# The data's shape follows the generator: a change of bench/messaging/generate.sql makes it again.
DATA_VERSION=$(sha256sum bench/messaging/generate.sql | cut -c1-16)
if [[ "$threads" -lt 201000 || "$(cat .data/bench-msg-data-version 2>/dev/null)" != "$DATA_VERSION" ]]; then
  echo "Generating the messaging data in $DB (once per version of generate.sql; later runs reuse it)…"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
  eval "$(scripts/db.sh database "$CLUSTER" "$PORT" "$DB")"
  target/release/ncen migrate
  "${PSQL[@]}" -d "$DB" -c "INSERT INTO units (id, code, name) VALUES (gen_random_uuid(), 'HQ', 'Headquarters')" >/dev/null
  NCEN_NEW_USER_PASSWORD="$PASSWORD" target/release/ncen create-user --username bench.sender \
    --display-name "Bench Sender" --unit HQ --roles officer >/dev/null
  HASH=$("${PSQL[@]}" -d "$DB" -Atc "SELECT password_hash FROM users WHERE username = 'bench.sender'")
  gen_start=$(date +%s)
  "${PSQL[@]}" -d "$DB" -v hash="$HASH" -f bench/messaging/generate.sql >/dev/null
  echo "$(( $(date +%s) - gen_start ))" >.data/bench-msg-generate-seconds
  echo "$DATA_VERSION" >.data/bench-msg-data-version
  GEN_SECONDS="$(cat .data/bench-msg-generate-seconds) s"
else
  GEN_SECONDS="reused from an earlier run, which took $(cat .data/bench-msg-generate-seconds 2>/dev/null || echo '?') s"
  echo "Reusing the messaging data in $DB ($threads threads)."
fi
# Pending migrations first, then fresh statistics.
target/release/ncen migrate
echo "VACUUM ANALYZE…"
"${PSQL[@]}" -d "$DB" -c "VACUUM ANALYZE" -c "CHECKPOINT" >/dev/null

JWT_SECRET=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
start_server() { # NAME BIND [extra env…]: starts one instance, sets PID_<NAME>
  local name=$1 bind=$2; shift 2
  env NCEN_BIND="$bind" NCEN_JWT_SECRET="$JWT_SECRET" NCEN_ACCESS_TOKEN_TTL=900 \
    NCEN_LOG=warn NCEN_WEB_DIR=/nonexistent NCEN_LIST_PAGES_PER_MINUTE=0 \
    NCEN_PASSWORD_HASH_CONCURRENCY=2 NCEN_STORAGE_URL="$OUT/attachments" \
    NCEN_AUDIT_KEY_FILE="$OUT/audit.key" NCEN_AUDIT_CHECKPOINT_FILE="$OUT/checkpoints-$name.jsonl" \
    "$@" target/release/ncen serve >"$OUT/server-$name.log" 2>&1 &
  local pid=$!
  printf -v "PID_$name" '%s' "$pid"
  for _ in $(seq 1 150); do
    curl -fs "http://$bind/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "instance $name did not become ready:" >&2; cat "$OUT/server-$name.log" >&2; exit 1
}
sign_in() { # USER BIND → access token
  curl -fs -X POST "http://$2/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" | jq -r .access_token
}

# 1 and 2: live delivery and memory.
start_server A "$A"
start_server B "$B"
rss_mb() { awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }
RSS_FRESH_A=$(rss_mb "$PID_A"); RSS_FRESH_B=$(rss_mb "$PID_B")
# Argon2 threads really started (NCEN_PASSWORD_HASH_CONCURRENCY=2 is asked for).
HASH_THREADS_A=$(cat /proc/"$PID_A"/task/*/comm | grep -c '^ncen-hash' || true)
HASH_THREADS_B=$(cat /proc/"$PID_B"/task/*/comm | grep -c '^ncen-hash' || true)
seq -f 'bench.u%04g' 1 "$CLIENTS" >"$OUT/users.txt"
echo "Live delivery: $CLIENTS streams on B, $RATE messages/s through A for $DURATION s…"
"$VENV/bin/python" bench/messaging/sse_bench.py --a "http://$A" --b "http://$B" \
  --pid-a "$PID_A" --pid-b "$PID_B" --users "$OUT/users.txt" --password "$PASSWORD" \
  --psql "psql -h 127.0.0.1 -p $PORT -U postgres -X -q -d $DB" \
  --rate "$RATE" --duration "$DURATION" --out "$OUT/live.json"
LOAD_LIVE=$(cut -d' ' -f1-3 /proc/loadavg)
warnings() { grep -E 'WARN|ERROR' "$1" | grep -vc 'browser app not built' || true; }
LIVE_LOG_A=$(warnings "$OUT/server-A.log")
LIVE_LOG_B=$(warnings "$OUT/server-B.log")
stop_pid "$PID_B"; PID_B=""

# 3: the inbox.
TOKEN=$(sign_in bench.inbox "$A")
export TOKEN
curl -fs "http://$A/api/v1/threads" -H "authorization: Bearer $TOKEN" >"$OUT/page.json"
curl -fs "http://$A/api/v1/threads?unread=true" -H "authorization: Bearer $TOKEN" >"$OUT/page-unread.json"
PAGE_ITEMS=$(jq '.items | length' "$OUT/page.json")
UNREAD_ITEMS=$(jq '.items | length' "$OUT/page-unread.json")
UNREAD_TOTAL=$(jq '.unread_total' "$OUT/page.json")
declare -A P50 P95 P99 MAXMS COUNT ERRS
for q in all unread; do
  unread=false; [[ $q == unread ]] && unread=true
  UNREAD=$unread wrk -t1 -c1 -d3s -s bench/messaging/threads.lua "http://$A" >/dev/null
  secs=$INBOX_SECONDS
  for _ in 1 2 3; do
    echo "GET /api/v1/threads ($q): 1 connection, ${secs} s…"
    UNREAD=$unread wrk -t1 -c1 -d"${secs}s" -s bench/messaging/threads.lua "http://$A" >"$OUT/$q.txt"
    line=$(grep '^RESULT' "$OUT/$q.txt")
    COUNT[$q]=$(echo "$line" | sed -E 's/.*requests=([0-9]+).*/\1/')
    (( COUNT[$q] >= 200 )) && break
    secs=$(( secs * 3 ))
  done
  P50[$q]=$(echo "$line" | sed -E 's/.*p50_ms=([0-9.]+).*/\1/')
  P95[$q]=$(echo "$line" | sed -E 's/.*p95_ms=([0-9.]+).*/\1/')
  P99[$q]=$(echo "$line" | sed -E 's/.*p99_ms=([0-9.]+).*/\1/')
  MAXMS[$q]=$(echo "$line" | sed -E 's/.*max_ms=([0-9.]+).*/\1/')
  ERRS[$q]=$(echo "$line" | sed -E 's/.*errors_status=([0-9]+).*/\1/')
done

LOAD_INBOX=$(cut -d' ' -f1-3 /proc/loadavg)

# The plans of the SQL the API runs for those two pages, logged by auto_explain from a fresh A.
stop_pid "$PID_A"; PID_A=""
"${PSQL[@]}" -d "$DB" -c "ALTER DATABASE $DB SET session_preload_libraries = 'auto_explain'" \
  -c "ALTER DATABASE $DB SET auto_explain.log_min_duration = 0" \
  -c "ALTER DATABASE $DB SET auto_explain.log_analyze = on" \
  -c "ALTER DATABASE $DB SET auto_explain.log_buffers = on" >/dev/null
LOG="$(scripts/db.sh dir "$CLUSTER")/server.log"
start_server A "$A"
TOKEN=$(sign_in bench.inbox "$A")
before=$(wc -l <"$LOG")
for q in "" "?unread=true"; do
  curl -fs -o /dev/null "http://$A/api/v1/threads$q" -H "authorization: Bearer $TOKEN"
done
stop_pid "$PID_A"; PID_A=""
"${PSQL[@]}" -d "$DB" -c "ALTER DATABASE $DB RESET ALL" >/dev/null
sleep 0.5
tail -n +"$((before + 1))" "$LOG" | awk '
  /Query Text: WITH page AS/ { keep = 1; n++
    print "-- " (n == 1 ? "GET /api/v1/threads" : "GET /api/v1/threads?unread=true") ": the page"; print; next }
  /Query Text: SELECT count\(\*\) AS n FROM \(/ { keep = 1
    print "-- the same request: the unread total"; print; next }
  keep && /^20[0-9][0-9]-[0-9][0-9]-[0-9][0-9] / { keep = 0 }
  keep { print }' >"$OUT/plans.txt"

# Figures.
J() { jq -r "$1" "$OUT/live.json"; }
f1() { awk -v x="$1" 'BEGIN { printf "%.1f", x }'; }
mb() { awk -v x="$1" 'BEGIN { printf "%.1f", x / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
LAT_P50=$(f1 "$(J .latency_ms.p50)"); LAT_P95=$(f1 "$(J .latency_ms.p95)")
LAT_P99=$(f1 "$(J .latency_ms.p99)"); LAT_MAX=$(f1 "$(J .latency_ms.max)")
POST_P50=$(f1 "$(J .post_ms.p50)"); POST_P95=$(f1 "$(J .post_ms.p95)"); POST_MAX=$(f1 "$(J .post_ms.max)")
DELIV=$(J .deliveries_expected); MISSING=$(J .deliveries_missing); DUPS=$(J .deliveries_duplicated)
EV_LOGGED=$(J .events_logged); EV_RECV=$(J .events_received)
EV_DUP=$(J .events_duplicated); EV_MISS=$(J .events_missing); EV_UNKNOWN=$(J .events_unknown)
EV_KINDS=$(jq -r '.events_by_kind | to_entries | map("\(.value) \(.key)") | join(", ")' "$OUT/live.json")
POSTS=$(J .posts); POSTS_OK=$(J .posts_ok); ACHIEVED=$(f1 "$(J .achieved_rate)")
STREAM_ENDS=$(J .stream_ends); RESETS=$(J .resets); OPEN_IDLE=$(J .streams_open_idle)
LOGIN_S=$(f1 "$(J .login_seconds)"); LOGIN_RATE=$(f1 "$(J .login_per_second)"); CONNECT_S=$(f1 "$(J .connect_seconds)")
LAG_P99=$(f1 "$(J .loop_lag_ms.p99)"); LAG_MAX=$(f1 "$(J .loop_lag_ms.max)")
RSS_A0=$(mb "$(J .rss_before_kb.a.VmRSS)"); RSS_B0=$(mb "$(J .rss_before_kb.b.VmRSS)")
RSS_A=$(mb "$(J .rss_idle_kb.a.VmRSS)"); RSS_B=$(mb "$(J .rss_idle_kb.b.VmRSS)")
RSS_A2=$(mb "$(J .rss_after_kb.a.VmRSS)"); RSS_B2=$(mb "$(J .rss_after_kb.b.VmRSS)")
HWM_A=$(mb "$(J .rss_after_kb.a.VmHWM)"); HWM_B=$(mb "$(J .rss_after_kb.b.VmHWM)")
PER_STREAM_KB=$(awk -v a="$(J .rss_idle_kb.b.VmRSS)" -v b="$(J .rss_before_kb.b.VmRSS)" -v n="$OPEN_IDLE" 'BEGIN { printf "%.0f", (a - b) / n }')
EXACT=$([[ "$MISSING" == 0 && "$DUPS" == 0 && "$EV_DUP" == 0 && "$EV_MISS" == 0 && "$EV_UNKNOWN" == 0 && "$POSTS_OK" == "$POSTS" ]] && echo yes || echo NO)

MACHINE="$(awk -F: '/model name/ {gsub(/^ +/, "", $2); print $2; exit}' /proc/cpuinfo), $(nproc) CPU(s), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM, $(uname -sr)"
PG_VERSION=$("${PSQL[@]}" -d "$DB" -Atc "SHOW server_version")
COUNTS=$("${PSQL[@]}" -d "$DB" -Atc "SELECT format('%s users in %s units, %s threads, %s participants, %s messages, %s read receipts, %s notifications, %s live events', (SELECT count(*) FROM users), (SELECT count(*) FROM units), (SELECT count(*) FROM message_threads), (SELECT count(*) FROM thread_participants), (SELECT count(*) FROM messages), (SELECT count(*) FROM message_reads), (SELECT count(*) FROM notifications), (SELECT count(*) FROM user_events))")
INBOX=$("${PSQL[@]}" -d "$DB" -Atc "WITH me AS (SELECT id, unit_id FROM users WHERE username = 'bench.inbox'),
  mine AS (SELECT thread_id FROM thread_participants, me WHERE user_id = me.id UNION SELECT thread_id FROM thread_participants p, me WHERE p.unit_id = me.unit_id)
  SELECT format('%s threads (%s by name, %s through unit BMU01), %s messages', (SELECT count(*) FROM mine),
    (SELECT count(*) FROM thread_participants, me WHERE user_id = me.id), (SELECT count(*) FROM thread_participants p, me WHERE p.unit_id = me.unit_id),
    (SELECT count(*) FROM messages WHERE thread_id IN (SELECT thread_id FROM mine)))")
UNREAD_THREADS=$("${PSQL[@]}" -d "$DB" -Atc "WITH me AS (SELECT id, unit_id FROM users WHERE username = 'bench.inbox'),
  mine AS (SELECT thread_id FROM thread_participants, me WHERE user_id = me.id UNION SELECT thread_id FROM thread_participants p, me WHERE p.unit_id = me.unit_id)
  SELECT count(DISTINCT m.thread_id) FROM mine JOIN messages m USING (thread_id), me
  WHERE m.sender_id <> me.id AND NOT EXISTS (SELECT 1 FROM message_reads r WHERE r.message_id = m.id AND r.user_id = me.id)")
NOW=$(date -u '+%Y-%m-%d %H:%M UTC')

table=$(cat <<TABLE
| measure | result | target | result / target |
|---|---|---|---|
| live delivery A → B, post to arrival, p95 | **${LAT_P95} ms** (p50 ${LAT_P50}, p99 ${LAT_P99}, max ${LAT_MAX} ms; ${DELIV} deliveries) | ≤ 250 ms | $(ratio "$LAT_P95" 250) × budget |
| every event delivered exactly once | ${EXACT}: ${MISSING} missing, ${DUPS} duplicated of ${DELIV} message deliveries; event log: ${EV_RECV} received / ${EV_LOGGED} logged, ${EV_DUP} duplicate, ${EV_MISS} missing, ${EV_UNKNOWN} unknown ids | all, once | — |
| RSS of B with ${OPEN_IDLE} idle SSE streams | **${RSS_B} MB** (${RSS_B0} MB before they opened: ≈ ${PER_STREAM_KB} KB a stream) | ≤ 200 MB | $(ratio "$RSS_B" 200) × budget |
| RSS of A at the same moment (no stream; the posting side) | **${RSS_A} MB** (${RSS_A0} MB before) | ≤ 200 MB | $(ratio "$RSS_A" 200) × budget |
| \`GET /api/v1/threads\` (first page), 2 000-thread user | p95 **${P95[all]} ms** (p50 ${P50[all]}, p99 ${P99[all]}, max ${MAXMS[all]} ms) over ${COUNT[all]} requests | ≤ 50 ms | $(ratio "${P95[all]}" 50) × budget |
| \`GET /api/v1/threads?unread=true\` | p95 **${P95[unread]} ms** (p50 ${P50[unread]}, p99 ${P99[unread]}, max ${MAXMS[unread]} ms) over ${COUNT[unread]} requests | ≤ 50 ms | $(ratio "${P95[unread]}" 50) × budget |
TABLE
)
echo
echo "$table"
echo
echo "(posts: ${POSTS_OK}/${POSTS} answered 201, p95 ${POST_P95} ms; stream ends ${STREAM_ENDS}, resets ${RESETS}; list errors ${ERRS[all]}/${ERRS[unread]}; server warnings A ${LIVE_LOG_A}, B ${LIVE_LOG_B})"

SLOWEST=$(jq -r '.slowest_deliveries[:3] | map("\(.latency_ms) ms (its POST: \(.post_ms) ms)") | join(", ")' "$OUT/live.json")
miss() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a > b) }'; }
MISSES=""
miss "$LAT_P95" 250 && MISSES+="delivery p95, "
miss "$RSS_B" 200 && MISSES+="RSS of B, "
miss "$RSS_A" 200 && MISSES+="RSS of A, "
miss "${P95[all]}" 50 && MISSES+="\`GET /api/v1/threads\` p95, "
miss "${P95[unread]}" 50 && MISSES+="\`GET /api/v1/threads?unread=true\` p95, "
[[ "$EXACT" != yes ]] && MISSES+="exactly-once delivery, "
if [[ -z "$MISSES" ]]; then VERDICT="**Every figure meets its target.**"; else VERDICT="**Misses its target: ${MISSES%, }.**"; fi

ANALYSIS_DELIVERY="Each post is one transaction on A that stores the message, its audit row, the
notifications and one \`user_events\` row per recipient, with a \`pg_notify\` per event; on commit,
B's single \`LISTEN\` connection (\`ncen_core::events::hub\`) hands each event to the recipient's
stream. No database round trip is made per delivered event on B. The slowest deliveries were
${SLOWEST}: a slow delivery is a slow posting transaction (CPU shared with everything else on the
machine), not the fan-out."
if miss "$LAT_P95" 250; then
  ANALYSIS_DELIVERY+=" **What would move p95:** the time to commit the post (the POST p95 above); the
fan-out itself adds a few milliseconds."
fi

ANALYSIS_MEMORY="A fresh instance takes ${RSS_FRESH_A} MB (A) / ${RSS_FRESH_B} MB (B) before any request;
after the ${CLIENTS} sign-ins (half on each) it is at ${RSS_A0} / ${RSS_B0} MB, and the ${OPEN_IDLE} idle streams
then add ≈ ${PER_STREAM_KB} KB each on B. Sign-ins leave nothing behind: each Argon2 hash takes a
19 MiB work area, mapped on its own and returned when the hash ends (\`password::keep_large_blocks_mapped\`
fixes glibc's mmap threshold; before, the threshold rose to 19 MiB after the first hash and every
hashing thread's arena kept its blocks: 242 MB after the same 1 000 sign-ins with two hashing threads,
measured on 2 December 2026 at 16:06 UTC). What is left is the streams' own cost: ${RSS_FRESH_B} MB +
${OPEN_IDLE} × ${PER_STREAM_KB} KB ≈ $(awk -v a="$RSS_FRESH_B" -v n="$OPEN_IDLE" -v k="$PER_STREAM_KB" 'BEGIN { printf "%.0f", a + n * k / 1024 }') MB."
if [[ "$HASH_THREADS_A" != 2 || "$HASH_THREADS_B" != 2 ]]; then
  ANALYSIS_MEMORY+="

**Server finding:** \`NCEN_PASSWORD_HASH_CONCURRENCY=2\` was set, yet each instance runs
${HASH_THREADS_A} (A) / ${HASH_THREADS_B} (B) \`ncen-hash-*\` thread(s) (\`/proc/<pid>/task/*/comm\`).
\`ncen serve\` calls \`bootstrap::ensure_admin\`, which hashes a password *before* checking whether users
exist; that first hash starts the pool at its default size (half the cores), and
\`password::limit_concurrency\`, called later by \`Application::build\`, is then a no-op (\`OnceLock\`).
The setting is ignored by every \`ncen serve\`."
fi

ANALYSIS_INBOX="Every list request runs two statements (plans below; \`auto_explain\`'s timing adds some
overhead), and neither visits all of the user's threads (migration \`2026-12-02-000013\`):
1. **The page** (\`messaging::repo::list\`) is two halves — threads by name, threads through the unit
   (not also by name) — each a walk of a participant index ordered by the thread's last message
   (\`thread_participants_user_recent\` / \`_unit_recent\`: every participant row carries its thread's
   \`last_message_at\`, moved by each post), joined to the thread and the user's read mark, filtered, and
   cut at 51 rows; a Merge Append joins the halves and keeps 51. \`unread\` and \`overdue\` are computed
   for those 51 only. With \`?unread=true\` a thread whose last message is not after the read mark is
   skipped without looking at its messages; the others need one range probe of their messages.
2. **The unread total** (\`messaging::repo::unread_total\`) joins the user's participant rows (index-only)
   to their read marks and counts messages only in threads whose last message is after the mark.

Before (the measure of 2 December 2026, 12:24 UTC, same data shape): 121 ms and 161 ms p95, because the page
collected and sorted all 2 000 threads (fetching them through a sequential scan of \`message_threads\`) and
every unread count, filter and total was an anti-join of messages against per-message receipts.
The page's cost now grows with how deep the 51st matching thread lies (the first page: 51 rows; a sparse
\`?unread=true\` walks further), the total's with the user's thread count (an index-only scan, ≈ 2 000
entries here) plus the messages of threads with something unread."
if miss "${P95[all]}" 50 || miss "${P95[unread]}" 50; then
ANALYSIS_INBOX+="

**A target is missed in this run.** Read the plans below for where the time goes; the load averages
above say how much else shared the two cores."
fi
cat >bench/MESSAGING.md <<MD
# nCEN messaging benchmark (\`make bench-messaging\`)

Live delivery across instances, memory of idle event streams, and the inbox query, measured by
\`bench/messaging.sh\` in one run (also the second half of \`make bench\`). Not part of \`make test\`.

## Latest results

- **Date:** ${NOW}
- **Machine:** ${MACHINE}; PostgreSQL ${PG_VERSION} (cluster \`${CLUSTER}\` on port ${PORT},
  \`scripts/db.sh\` defaults: shared_buffers 256 MB, durable commits); both servers, the database and
  the load client on the same machine. Load averages (1, 5, 15 min) at the start: ${LOAD_START}; at the
  end of the live run: ${LOAD_LIVE}; at the end of the inbox run: ${LOAD_INBOX} (whatever else runs on
  the machine shares its cores with the benchmark).
- **Data:** ${COUNTS} (generation by \`bench/messaging/generate.sql\`: ${GEN_SECONDS}).
  The measured inbox user \`bench.inbox\`: ${INBOX}; ${UNREAD_TOTAL} unread messages in ${UNREAD_THREADS} threads.
- **Load:** ${RATE} messages/s for ${DURATION} s (${POSTS} posts, ${ACHIEVED}/s achieved), each to one
  thread of 1, 2 or 3 recipients (2 on average), all ${CLIENTS} recipients streaming from instance B.

${table}

Ratios: result / budget (≤ 1 meets it).

${VERDICT}

Other figures of the run: posting (\`POST /threads/{id}/messages\` on A, which answers the whole
thread) p50 ${POST_P50} ms, p95 ${POST_P95} ms, max ${POST_MAX} ms; events received by kind:
${EV_KINDS}; ${STREAM_ENDS} stream ends, ${RESETS} \`reset\` events; ${CLIENTS} sign-ins in ${LOGIN_S} s
(${LOGIN_RATE}/s over both instances), ${CLIENTS} streams opened in ${CONNECT_S} s; RSS after the sending:
A ${RSS_A2} MB, B ${RSS_B2} MB (peaks ${HWM_A} / ${HWM_B} MB); event-loop lag of the load client p99
${LAG_P99} ms, max ${LAG_MAX} ms (an upper bound of what the client adds to a latency). The inbox pages:
first page ${PAGE_ITEMS} threads, unread page ${UNREAD_ITEMS} threads; list errors ${ERRS[all]} / ${ERRS[unread]};
warnings or errors in the servers' logs during the live run: A ${LIVE_LOG_A}, B ${LIVE_LOG_B}.

## What the figures are made of, and what would move them

### Live delivery

${ANALYSIS_DELIVERY}

### Memory

${ANALYSIS_MEMORY}

### Inbox

${ANALYSIS_INBOX}

## Method

1. \`scripts/db.sh start ${CLUSTER} ${PORT}\`, \`scripts/db.sh database\` (the server connects as
   \`ncen_app\`, migrations as \`ncen_owner\`). Database \`${DB}\` made once: \`ncen migrate\`, the unit
   HQ, \`ncen create-user bench.sender\` (its Argon2 hash is then copied by SQL to every other user,
   so all share one known password), then \`bench/messaging/generate.sql\` (what it writes is described
   at its top). Every run: \`ncen migrate\`, \`VACUUM ANALYZE\`, \`CHECKPOINT\`.
2. Two \`target/release/ncen serve\` on ${A} (A) and ${B} (B), same database, same
   \`NCEN_JWT_SECRET\` (random per run), \`NCEN_ACCESS_TOKEN_TTL=900\` (the maximum; a stream ends when
   its token expires, and the whole live run fits well inside it), \`NCEN_PASSWORD_HASH_CONCURRENCY=2\`,
   \`NCEN_LIST_PAGES_PER_MINUTE=0\`, otherwise defaults (pool of 16, one worker per core).
3. **Live delivery** (\`bench/messaging/sse_bench.py\`, asyncio + aiohttp, one process; packages pinned
   in \`bench/messaging/requirements.txt\`, installed into \`${VENV}\`): users \`bench.u0001\`…\`bench.u1000\`
   sign in once each (4 at a time, alternating A and B), then each opens \`GET /api/v1/events\` on B;
   10 s idle; then each user's last event id is read from \`event_sequences\`, and \`bench.sender\`
   posts through A, open loop (a post every 1/${RATE} s whatever the previous ones are doing), each to
   a random one of 1 000 threads of 1–3 of those users. Latency = arrival of the \`message\` event
   carrying that message id on a recipient's stream − the moment just before the POST (one monotonic
   clock). Exactly once: each (message, recipient) pair arrived once; and every stream's event ids
   after its starting point equal, without repeats, the ids of \`user_events\` for that user (the
   \`notification\` events included). A stream that ended would reconnect with \`Last-Event-ID\` and
   be counted.
4. **Memory:** \`VmRSS\` of both processes from \`/proc/<pid>/status\` before the streams open, after
   all ${CLIENTS} are open and 10 s idle (the figure in the table), and after the sending.
5. **Inbox:** \`bench.inbox\` signs in on A; \`wrk -t1 -c1 -d${INBOX_SECONDS}s -s bench/messaging/threads.lua\`
   for \`GET /api/v1/threads\` and for \`?unread=true\` (3 s warm-up each; the run is lengthened if it made
   fewer than 200 requests), p95 from wrk's latency histogram. Each page is two statements: the page
   (\`messaging::repo::list\`) and the caller's unread total (\`messaging::repo::unread_total\`).
6. **Plans:** A restarted with \`auto_explain\` (\`log_min_duration = 0\`, \`log_analyze\`, \`log_buffers\`)
   set on the database, one request of each page, plans taken from the cluster's log (below).

## Plans of the inbox queries (auto_explain, from the latest run)

\`\`\`
$(cat "$OUT/plans.txt")
\`\`\`
MD
mkdir -p .data/bench-msg-last
cp "$OUT"/live.json "$OUT"/all.txt "$OUT"/unread.txt "$OUT"/plans.txt "$OUT"/page*.json "$OUT"/server-*.log .data/bench-msg-last/
echo "Results written to bench/MESSAGING.md (raw outputs in .data/bench-msg-last/)"
