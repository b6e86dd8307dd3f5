-- wrk script: POST to BENCH_PATH (default /api/v1/screening), one body per request from the file
-- (one JSON body per line), in turn.
local token = os.getenv("TOKEN")
local bodies = {}
local n = 0

function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  n = math.random(#bodies)
end

function request()
  n = n % #bodies + 1
  return wrk.format("POST", os.getenv("BENCH_PATH") or "/api/v1/screening", {
    ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, bodies[n])
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors_status=%d rps=%.1f p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
