-- wrk script: a flood of wrong sign-ins of unknown users, each from one of 10 000 client
-- addresses (X-Forwarded-For; the server trusts 127.0.0.1 as its proxy), so that the
-- per-address throttle does not cut the flood short and every attempt costs an Argon2 hash.
local n = 0

function setup(thread)
  thread:set("offset", math.random(1, 1000000))
end

function request()
  n = n + 1
  local i = offset + n
  local ip = string.format("10.%d.%d.%d", math.floor(i / 65536) % 256, math.floor(i / 256) % 256, i % 256)
  local body = string.format('{"username":"flood%d","password":"wrong-password-%d"}', i, i)
  return wrk.format("POST", "/api/v1/auth/login", {
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = ip,
  }, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors_status=%d timeouts=%d p50_ms=%.2f p95_ms=%.2f\n",
    summary.requests, summary.errors.status, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
