-- wrk script: GET /api/v1/threads (first page, default limit) as bench.inbox; $UNREAD=true
-- asks for the unread threads only. Counts non-2xx answers; prints one RESULT line.
local token = os.getenv("TOKEN")
local path = "/api/v1/threads"
if os.getenv("UNREAD") == "true" then path = path .. "?unread=true" end

function request()
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors_status=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
