-- wrk script: one representative filtered list query of GET /api/v1/seizures, its
-- parameters varied per request. $QUERY picks the combination; $UNITS holds unit ids.
local token = os.getenv("TOKEN")
local which = os.getenv("QUERY")
local units = {}
for u in string.gmatch(os.getenv("UNITS") or "", "[^,]+") do units[#units + 1] = u end
local groups = { "drugs", "tobacco", "ipr", "medicines", "currency", "weapons", "wildlife" }
local countries = { "CO", "MA", "CN", "NG", "TR", "NL", "ES", "AE", "BE", "BR" }
local conveyances = { "container", "truck", "passenger_aircraft", "private_car", "container_vessel" }
local methods = { "xray_nii", "risk_profiling", "detector_dog", "routine_control", "intelligence" }
local statuses = { "validated", "submitted", "draft" }

local function pick(t) return t[math.random(#t)] end

function init(args)
  math.randomseed(os.time())
end

local function date_range()
  -- A random quarter within the three demo years before now.
  local start = os.time() - math.random(90, 3 * 365) * 86400
  return os.date("!%Y-%m-%dT00:00:00Z", start), os.date("!%Y-%m-%dT00:00:00Z", start + 90 * 86400)
end

function request()
  local q
  if which == "group_dates" then
    local from, to = date_range()
    q = "commodity_group=" .. pick(groups) .. "&from=" .. from .. "&to=" .. to
  elseif which == "country_conveyance" then
    q = "route_country=" .. pick(countries) .. "&conveyance_type=" .. pick(conveyances)
  else
    q = "detection_method=" .. pick(methods) .. "&status=" .. pick(statuses) .. "&unit_id=" .. pick(units)
  end
  return wrk.format("GET", "/api/v1/seizures?limit=50&" .. q, { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors_status=%d p50_ms=%.2f p95_ms=%.2f p99_ms=%.2f\n",
    summary.requests, summary.errors.status, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
